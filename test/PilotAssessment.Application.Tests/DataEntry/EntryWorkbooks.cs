using PilotAssessment.Excel;
using PilotAssessment.Results;
using PilotAssessment.Schemes;
using PilotAssessment.Schemes.SampleData;

namespace PilotAssessment.DataEntry;

/// <summary>Bulk-entry workbooks and the sample scheme's entered lines for the tests.</summary>
internal static class EntryWorkbooks
{
    /// <summary>The entered indicators of the sample scheme, by code.</summary>
    public static readonly IReadOnlyDictionary<string, IndicatorDefinition> SampleIndicators =
        PeriodScoringService.EnteredIndicators(SampleSchemeLoader.CreateDraft(Guid.NewGuid()).Definition).ToDictionary(i => i.Code);

    /// <summary>A workbook from the template, one row per code (in order of first appearance) with the given cells set.</summary>
    public static byte[] With(params (string Code, string Column, string Text)[] cells)
    {
        var codes = cells.Select(c => c.Code).Distinct().ToList();
        var workbook = EntryXlsx.Template(codes.Select(c => new EntryLineDto { IndicatorCode = c, IndicatorName = c }));
        foreach (var (code, column, text) in cells)
        {
            workbook = WorkbookEditor.SetCell(workbook, "填报", $"{column}{codes.IndexOf(code) + 2}", text);
        }

        return workbook;
    }
}
