namespace PilotAssessment.Schemes;

/// <summary>Localization codes of the scheme feature (texts in Localization/PilotAssessment/Schemes/*.json).</summary>
public static class SchemeErrorCodes
{
    // Life cycle
    public const string NotDraft = "Scheme:NotDraft";
    public const string CannotPublish = "Scheme:CannotPublish";
    public const string CannotArchive = "Scheme:CannotArchive";
    public const string Invalid = "Scheme:Invalid";
    public const string NameRequired = "Scheme:NameRequired";
    public const string InvalidYear = "Scheme:InvalidYear";
    public const string InvalidScale = "Scheme:InvalidScale";
    public const string JsonMalformed = "Scheme:JsonMalformed";

    // Structure
    public const string PointsDoNotAddUp = "Scheme:PointsDoNotAddUp";
    public const string CodeRequired = "Scheme:CodeRequired";
    public const string CodeTooLong = "Scheme:CodeTooLong";
    public const string DuplicateCode = "Scheme:DuplicateCode";
    public const string NameMissing = "Scheme:NameMissing";
    public const string CategoryTooDeep = "Scheme:CategoryTooDeep";
    public const string CategoryEmpty = "Scheme:CategoryEmpty";
    public const string NoIndicators = "Scheme:NoIndicators";
    public const string MaxPointsNotPositive = "Scheme:MaxPointsNotPositive";
    public const string RuleMissing = "Scheme:RuleMissing";

    // Rule parameters
    public const string ParameterMissing = "Scheme:ParameterMissing";
    public const string ParameterNegative = "Scheme:ParameterNegative";
    public const string ParameterNotPositive = "Scheme:ParameterNotPositive";
    public const string ParameterAboveMax = "Scheme:ParameterAboveMax";
    public const string ParameterOutOfRange = "Scheme:ParameterOutOfRange";
    public const string BandsEmpty = "Scheme:BandsEmpty";
    public const string BandsNotOrdered = "Scheme:BandsNotOrdered";
    public const string BandPointsNotMonotonic = "Scheme:BandPointsNotMonotonic";
    public const string DuplicateKey = "Scheme:DuplicateKey";

    // Formulas
    public const string FormulaMissing = "Scheme:FormulaMissing";
    public const string FormulaUnknownCode = "Scheme:FormulaUnknownCode";
    public const string FormulaCycle = "Scheme:FormulaCycle";
    public const string FormulaUnexpectedCharacter = "Scheme:FormulaUnexpectedCharacter";
    public const string FormulaUnexpectedToken = "Scheme:FormulaUnexpectedToken";
    public const string FormulaUnexpectedEnd = "Scheme:FormulaUnexpectedEnd";
    public const string FormulaUnknownFunction = "Scheme:FormulaUnknownFunction";
    public const string FormulaWrongArgumentCount = "Scheme:FormulaWrongArgumentCount";
    public const string FormulaBadNumber = "Scheme:FormulaBadNumber";
    public const string FormulaTooDeep = "Scheme:FormulaTooDeep";
    public const string FormulaTooLong = "Scheme:FormulaTooLong";
    public const string FormulaTooComplex = "Scheme:FormulaTooComplex";

    // Bands of the whole scheme, bonus and vetoes
    public const string GradeBandsInvalid = "Scheme:GradeBandsInvalid";
    public const string UnknownGrade = "Scheme:UnknownGrade";
    public const string ColourBandsInvalid = "Scheme:ColourBandsInvalid";
    public const string RoundingInvalid = "Scheme:RoundingInvalid";
    public const string VetoTriggerMissing = "Scheme:VetoTriggerMissing";
    public const string VetoConsequenceMissing = "Scheme:VetoConsequenceMissing";

    // The official's wording and the rule's parameters
    public const string RuleTextDisagrees = "Scheme:RuleTextDisagrees";

    // Indicators fed from the supervision register
    public const string OccurrenceSourceNeedsPerOccurrence = "Scheme:OccurrenceSourceNeedsPerOccurrence";

    // Editing a draft's tree
    public const string CategoryNotFound = "Scheme:CategoryNotFound";
    public const string IndicatorNotFound = "Scheme:IndicatorNotFound";
    public const string CategoryNotEmpty = "Scheme:CategoryNotEmpty";
    public const string CategoryMoveIntoItself = "Scheme:CategoryMoveIntoItself";
    public const string PositionOutOfRange = "Scheme:PositionOutOfRange";
    public const string ItemNameRequired = "Scheme:ItemNameRequired";
    public const string RuleJsonInvalid = "Scheme:RuleJsonInvalid";
    public const string ScoreSourceInvalid = "Scheme:ScoreSourceInvalid";
}
