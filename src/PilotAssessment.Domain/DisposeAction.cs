namespace PilotAssessment;

/// <summary>Runs an action once when disposed: the restore step of every <c>Change</c>/<c>Disable</c> scope.</summary>
public sealed class DisposeAction(Action action) : IDisposable
{
    private Action? _action = action;

    public void Dispose()
    {
        _action?.Invoke();
        _action = null;
    }
}
