namespace PilotAssessment.ExceptionHandling;

/// <summary>
/// One problem of one field or cell: a localization code and the arguments of its placeholders. Enum arguments are
/// shown by their localized label, never by their name.
/// </summary>
public sealed class FieldError
{
    public FieldError(string code, params object?[] arguments)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        Code = code;
        Arguments = arguments;
    }

    public string Code { get; }

    public IReadOnlyList<object?> Arguments { get; }

    public override string ToString() => Arguments.Count == 0 ? Code : $"{Code}({string.Join(", ", Arguments)})";
}

/// <summary>
/// An argument shown by its localized text (a rule kind, a status), so a message never carries an internal name.
/// </summary>
public sealed record LocalizableText(string Key)
{
    /// <summary>The label of a scoring rule kind, e.g. 目标完成率 for <c>ratio_to_target</c>.</summary>
    public static LocalizableText RuleKind(string kind) => new("RuleKind:" + kind);

    /// <summary>The label of an enum member, e.g. 已计分 for <c>LineStatus.Scored</c>.</summary>
    public static LocalizableText Enum(Enum member) => new($"Enum:{member.GetType().Name}.{member}");

    /// <summary>The label of a rule parameter, e.g. 比较方式 for <c>measure</c>.</summary>
    public static LocalizableText Parameter(string name) => new("RuleParameter:" + name);

    /// <summary>The label of a rule parameter's value or an occurrence flag, e.g. 全省平均 for <c>province_average</c>.</summary>
    public static LocalizableText Value(string value) => new("RuleValue:" + value);

    public override string ToString() => Key;
}
