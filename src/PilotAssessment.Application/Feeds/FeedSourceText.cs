using PilotAssessment.DataEntry;
using PilotAssessment.Localization;

namespace PilotAssessment.Feeds;

/// <summary>How a fed value is marked on the grid, the sheet and the PDF, and the reason a person must give to replace one.</summary>
public static class FeedSourceText
{
    /// <summary>数据接口：公安局 · 警情推送, or 人工修改，原值来自…, in the current culture; null for a value a person entered.</summary>
    public static string? Of(EntryLine? line)
    {
        if (line?.SourceName is { } source)
        {
            return string.Format(System.Globalization.CultureInfo.CurrentCulture, Labels.Text(FeedErrorCodes.SourceText), source);
        }

        return line?.OverriddenSourceName is { } overridden
            ? string.Format(System.Globalization.CultureInfo.CurrentCulture, Labels.Text(FeedErrorCodes.OverrideText), overridden, line.OverrideReason)
            : null;
    }

    /// <summary>
    /// A person's save over a fed value: a change of the value or the note needs a reason (400 beside overrideReason);
    /// with one, the line no longer has the feed as its source. Returns the reason stored with the revision.
    /// </summary>
    public static string? EnsureOverrideReason(EntryLine? line, EntryValue value, string? note, string? reason)
    {
        if (line?.SourceName is not { } source || (line.ValueJson == value.ToJson() && line.Note == note))
        {
            return null;
        }

        var trimmed = reason?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > FeedConsts.MaxReasonLength)
        {
            throw new BusinessException(FeedErrorCodes.OverrideReasonRequired, source, FeedConsts.MaxReasonLength)
                .WithError("overrideReason", FeedErrorCodes.OverrideReasonRequired, source, FeedConsts.MaxReasonLength);
        }

        line.OverrideFed(trimmed);
        return trimmed;
    }

    /// <summary>A revision a feed wrote names the feed where a user's name would be.</summary>
    public static ValueHistoryDto WithSourceAsUser(ValueHistoryDto revision)
    {
        if (revision.SourceName is not null)
        {
            revision.UserName = revision.SourceName;
        }

        return revision;
    }
}
