using System.Globalization;
using Microsoft.Extensions.Localization;
using PilotAssessment.Localization;
using PilotAssessment.Periods;

namespace PilotAssessment.Auditing;

/// <summary>
/// Reads an audit log as an event a person understands, in their language and Beijing time: "张三 于 2026-12-01 16:20
/// 在兰州市 调整一项指标的审核得分：指标填报 B04 的审核得分由 3 改为 2.5，调整理由为“…”". Only what has a label is
/// told: ids, JSON and unlabelled properties stay out, so no code or identifier reaches the reader.
/// </summary>
public sealed class AuditEventText(IStringLocalizer<PilotAssessmentResource> l)
{
    private const int MaxQuotedLength = 60;

    public string Describe(AuditLogDto log, string? userName, string? cityName, IEnumerable<EntityChangeDto> changes)
    {
        var text = Text("AuditEvent:WhoWhen", userName ?? log.UserName ?? Text("AuditEvent:Someone"), ProvinceTime.ToLocal(log.ExecutionTime).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        if (cityName is not null)
        {
            text += Text("AuditEvent:InCity", cityName);
        }

        text += Text("AuditEvent:Action", Find("AuditAction:" + log.Action) ?? Text("AuditEvent:UnknownAction"));
        var details = changes.Select(DescribeChange).OfType<string>().ToList();
        if (details.Count > 0)
        {
            text += Text("AuditEvent:Details", string.Join(Text("AuditEvent:EntitySeparator"), details));
        }

        if (log.HttpStatusCode is >= 400)
        {
            text += Text("AuditEvent:Failed", Find($"AuditEvent:Status:{log.HttpStatusCode}") ?? Text("AuditEvent:Status:Other"));
        }

        return text;
    }

    private string? DescribeChange(EntityChangeDto change)
    {
        var type = ShortName(change.EntityTypeFullName);
        if (Find("AuditEntity:" + type) is not { } entity)
        {
            return null;
        }

        var named = change.EntityDisplayName is null ? entity : Text("AuditEvent:EntityNamed", entity, change.EntityDisplayName);
        switch (change.ChangeType)
        {
            case nameof(EntityChangeType.Created):
                return Text("AuditEvent:Created", named);
            case nameof(EntityChangeType.Deleted):
                return Text("AuditEvent:Deleted", named);
        }

        var clr = typeof(EntityChange).Assembly.GetType(change.EntityTypeFullName);
        var properties = change.PropertyChanges.Select(p => DescribeProperty(type, clr, p)).OfType<string>().ToList();
        return properties.Count == 0 ? null : Text("AuditEvent:EntityProperties", named, string.Join(Text("AuditEvent:PropertySeparator"), properties));
    }

    private string? DescribeProperty(string type, Type? clr, EntityPropertyChangeDto change)
    {
        if (Find($"AuditProperty:{type}.{change.PropertyName}") is not { } label)
        {
            return null;
        }

        var propertyType = clr?.GetProperty(change.PropertyName)?.PropertyType;
        propertyType = propertyType is null ? null : Nullable.GetUnderlyingType(propertyType) ?? propertyType;
        var (known, original) = Value(propertyType, change.OriginalValue);
        var (knownNew, current) = Value(propertyType, change.NewValue);
        if (!known || !knownNew)
        {
            return Text("AuditEvent:ChangedNoValue", label);
        }

        return (original, current) switch
        {
            (null, null) => null,
            (null, _) => Text("AuditEvent:Set", label, current!),
            (_, null) => Text("AuditEvent:Cleared", label),
            _ => Text("AuditEvent:Changed", label, original, current),
        };
    }

    /// <summary>A stored value as a person reads it; not known when it cannot be shown without a code.</summary>
    private (bool Known, string? Text) Value(Type? type, string? stored)
    {
        if (stored is null)
        {
            return (true, null);
        }

        if (type == typeof(bool) && bool.TryParse(stored, out var flag))
        {
            return (true, Text(flag ? "AuditEvent:True" : "AuditEvent:False"));
        }

        if (type == typeof(decimal) && decimal.TryParse(stored, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
        {
            return (true, number.ToString("0.####", CultureInfo.InvariantCulture));
        }

        if (type == typeof(DateTime) && DateTime.TryParse(stored, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
        {
            return (true, ProvinceTime.ToLocal(time).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        }

        if (type is { IsEnum: true })
        {
            var member = Find($"Enum:{type.Name}.{stored}");
            return (member is not null, member);
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return (true, stored);
        }

        if (type == typeof(string) && !stored.TrimStart().StartsWith('{') && !stored.TrimStart().StartsWith('['))
        {
            var shown = stored.Length <= MaxQuotedLength ? stored : stored[..MaxQuotedLength] + "…";
            return (true, Text("AuditEvent:Quoted", shown));
        }

        return (false, null);
    }

    private static string ShortName(string fullName)
    {
        var name = fullName.Split('<')[0];
        return name[(name.LastIndexOf('.') + 1)..];
    }

    private string Text(string key, params object[] args) => l[key, args].Value;

    private string? Find(string key)
    {
        var text = l[key];
        return text.ResourceNotFound ? null : text.Value;
    }
}
