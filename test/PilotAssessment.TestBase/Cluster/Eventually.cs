using System.Data.Common;
using System.Diagnostics;
using System.Net.Sockets;

namespace PilotAssessment.Cluster;

/// <summary>Waits for a condition instead of a fixed time: polls until it holds, up to a bound generous enough for a loaded machine.</summary>
public static class Eventually
{
    /// <summary>
    /// True as soon as <paramref name="condition"/> holds; false when the time is up or <paramref name="giveUp"/> says
    /// waiting is pointless. A probe that throws a connection error (nothing listens yet) counts as "not yet".
    /// </summary>
    public static async Task<bool> HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, TimeSpan? poll = null, Func<bool>? giveUp = null)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout && giveUp?.Invoke() != true)
        {
            try
            {
                if (await condition())
                {
                    return true;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or SocketException or IOException or DbException)
            {
            }

            await Task.Delay(poll ?? TimeSpan.FromMilliseconds(250));
        }

        return false;
    }

    /// <inheritdoc cref="HoldsAsync(Func{Task{bool}}, TimeSpan, TimeSpan?, Func{bool}?)"/>
    public static Task<bool> HoldsAsync(Func<bool> condition, TimeSpan timeout) => HoldsAsync(() => Task.FromResult(condition()), timeout);
}
