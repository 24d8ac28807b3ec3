namespace PilotAssessment.Data;

/// <summary>
/// Switches the global query filters (<see cref="IMultiTenant"/>, <see cref="ISoftDelete"/>) off for a scope.
/// This is the only way to read across pilot cities: search for <c>Disable&lt;IMultiTenant&gt;</c> to find every place that does.
/// </summary>
public interface IDataFilter
{
    IDisposable Disable<TFilter>()
        where TFilter : class;

    IDisposable Enable<TFilter>()
        where TFilter : class;

    bool IsEnabled<TFilter>()
        where TFilter : class;
}

public sealed class DataFilter : IDataFilter
{
    private static readonly AsyncLocal<FilterState?> MultiTenant = new();
    private static readonly AsyncLocal<FilterState?> SoftDelete = new();

    public IDisposable Disable<TFilter>()
        where TFilter : class => Set<TFilter>(false);

    public IDisposable Enable<TFilter>()
        where TFilter : class => Set<TFilter>(true);

    public bool IsEnabled<TFilter>()
        where TFilter : class => Slot<TFilter>().Value?.IsEnabled ?? true;

    private static AsyncLocal<FilterState?> Slot<TFilter>() =>
        typeof(TFilter) == typeof(IMultiTenant) ? MultiTenant
        : typeof(TFilter) == typeof(ISoftDelete) ? SoftDelete
        : throw new ArgumentException($"No data filter for {typeof(TFilter).Name}.");

    private static IDisposable Set<TFilter>(bool enabled)
        where TFilter : class
    {
        var slot = Slot<TFilter>();
        var previous = slot.Value;
        slot.Value = new FilterState(enabled);
        return new DisposeAction(() => slot.Value = previous);
    }

    private sealed record FilterState(bool IsEnabled);
}
