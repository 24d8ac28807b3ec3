using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.Schemes;

namespace PilotAssessment.DataEntry;

/// <summary>
/// A line as the database holds it now, read outside the current unit of work: the transaction of a save that lost a
/// race still sees the line as it was when the transaction began, so the other clerk's value is read in a scope of its own.
/// </summary>
public sealed class EntryLineLatest(IServiceScopeFactory scopes)
{
    public async Task<EntryLineDto?> LineAsync(Guid periodId, string indicatorCode, SchemeDefinition definition)
    {
        await using var scope = scopes.CreateAsyncScope();
        var lines = scope.ServiceProvider.GetRequiredService<IRepository<EntryLine>>();
        var line = await lines.FirstOrDefaultAsync(lines.QueryReadOnly().Where(l => l.PeriodId == periodId && l.IndicatorCode == indicatorCode));
        return line is null ? null : await scope.ServiceProvider.GetRequiredService<EntrySheetReader>().LineAsync(line, definition);
    }
}
