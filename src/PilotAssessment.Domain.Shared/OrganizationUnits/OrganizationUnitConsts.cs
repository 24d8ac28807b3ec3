namespace PilotAssessment.OrganizationUnits;

public static class OrganizationUnitConsts
{
    public const int MaxCodeLength = 32;

    public const int MaxNameLength = 128;
}

/// <summary>What a unit is within a city: the city itself, a district or county under it, or a department.</summary>
public enum OrganizationUnitKind
{
    City,
    District,
    County,
    Department,
    Other,
}

/// <summary>Localization codes of the organisation-unit feature.</summary>
public static class OrganizationUnitErrorCodes
{
    public const string CodeRequired = "OrganizationUnit:CodeRequired";
    public const string NameRequired = "OrganizationUnit:NameRequired";
    public const string DuplicateCode = "OrganizationUnit:DuplicateCode";
    public const string MoveCycle = "OrganizationUnit:MoveCycle";
    public const string Closed = "OrganizationUnit:Closed";
    public const string ParentClosed = "OrganizationUnit:ParentClosed";
    public const string HasOpenChildren = "OrganizationUnit:HasOpenChildren";
    public const string UserNotFound = "OrganizationUnit:UserNotFound";
}
