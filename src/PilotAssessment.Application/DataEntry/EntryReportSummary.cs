using Microsoft.Extensions.Localization;

namespace PilotAssessment.DataEntry;

/// <summary>
/// What keeps lines from being reported or submitted, said in one sentence that names the lines and what each lacks:
/// "F01、G03 缺少佐证材料；B01 缺少上年同期值". Built from the field errors under <c>lines.{code}</c>.
/// </summary>
public static class EntryReportSummary
{
    public static string Of(IReadOnlyDictionary<string, List<FieldError>> errors, IStringLocalizer localizer)
    {
        var parts = new List<(string Problem, List<string> Codes)>();
        foreach (var (field, problems) in errors)
        {
            var code = field.Split('.') is [_, var c, ..] ? c : field;
            foreach (var problem in problems)
            {
                var what = problem.Code switch
                {
                    DataEntryErrorCodes.EvidenceRequired => localizer["DataEntry:LacksEvidence"].Value,
                    DataEntryErrorCodes.LineIncomplete when problem.Arguments is [_, LocalizableText gap] => localizer[gap.Key].Value,
                    DataEntryErrorCodes.LineNotReported => localizer["DataEntry:NotEnteredYet"].Value,
                    Quality.QualityErrorCodes.NoteRequired => localizer[Quality.QualityErrorCodes.NeedsNote].Value,
                    _ => localizer["DataEntry:HasProblems"].Value,
                };
                var part = parts.FindIndex(p => p.Problem == what);
                if (part < 0)
                {
                    parts.Add((what, [code]));
                }
                else if (!parts[part].Codes.Contains(code))
                {
                    parts[part].Codes.Add(code);
                }
            }
        }

        var list = localizer["DataEntry:ListSeparator"].Value;
        return string.Join(localizer["DataEntry:SummarySeparator"].Value, parts.Select(p => localizer["DataEntry:SummaryPart", string.Join(list, p.Codes), p.Problem].Value));
    }
}
