namespace PilotAssessment.Schemes.Validation;

/// <summary>
/// One problem of a scheme: <see cref="Target"/> is the indicator, category, bonus or veto code
/// (or <see cref="SchemeTarget"/> for the scheme as a whole); <see cref="Code"/> is a localization key
/// whose placeholders <see cref="Arguments"/> fill.
/// </summary>
public sealed record SchemeProblem(string Target, string Code, IReadOnlyList<object?> Arguments)
{
    public const string SchemeTarget = "scheme";

}

/// <summary>Publishing (or importing) a scheme that has problems; every problem is in <see cref="Problems"/> and in <c>Errors</c>.</summary>
public sealed class SchemeInvalidException : BusinessException
{
    public SchemeInvalidException(IReadOnlyList<SchemeProblem> problems)
        : base(SchemeErrorCodes.Invalid, problems.Count)
    {
        Problems = problems;
        foreach (var problem in problems)
        {
            WithError(problem.Target, problem.Code, [.. problem.Arguments]);
        }
    }

    public IReadOnlyList<SchemeProblem> Problems { get; }
}
