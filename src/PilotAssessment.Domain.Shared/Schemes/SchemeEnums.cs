namespace PilotAssessment.Schemes;

/// <summary>Life cycle of a scheme: only a draft may change; a published scheme is frozen so scores stay reproducible.</summary>
public enum SchemeStatus
{
    Draft = 0,
    Published = 1,
    Archived = 2,
}

/// <summary>Who produces an indicator's score (自查自评 / 部门考评 / 实地考评 / 群众评价).</summary>
public enum ScoreSource
{
    Self = 0,
    Department = 1,
    Field = 2,
    Survey = 3,
}

/// <summary>Whether a bigger value is better (破案率) or worse (发案率).</summary>
public enum BetterDirection
{
    Higher = 0,
    Lower = 1,
}

/// <summary>How a distance is turned into steps of <c>unit_step</c>: pro rata, only whole steps, or every started step.</summary>
public enum StepCounting
{
    Proportional = 0,
    WholeSteps = 1,
    StartedSteps = 2,
}

/// <summary>The value a yoy_change rule compares with last year's.</summary>
public enum ChangeMeasure
{
    /// <summary>(value − last year) / last year × 100, for counts such as 立案数.</summary>
    PercentChange = 0,

    /// <summary>value − last year, for values that already are rates.</summary>
    Difference = 1,

    /// <summary>The city reports the change itself.</summary>
    Reported = 2,
}

/// <summary>What a reference_comparison rule compares the city's value with.</summary>
public enum ReferenceKind
{
    ProvinceAverage = 0,
    LastYear = 1,
}

/// <summary>State of one line of a score sheet. Unreported and Error lines score 0 and are never hidden.</summary>
public enum LineStatus
{
    Scored = 0,
    Unreported = 1,
    Error = 2,
}
