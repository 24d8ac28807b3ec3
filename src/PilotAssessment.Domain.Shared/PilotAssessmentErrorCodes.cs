namespace PilotAssessment;

/// <summary>Error codes; each is a key in the localization files.</summary>
public static class PilotAssessmentErrorCodes
{
    public const string EntityNotFound = "Error:EntityNotFound";
    public const string ConcurrencyConflict = "Error:ConcurrencyConflict";
    public const string CrossTenantWrite = "Error:CrossTenantWrite";
    public const string InvalidCredentials = "Error:InvalidCredentials";
    public const string UserLockedOut = "Error:UserLockedOut";

    /// <summary>A provincial account signing in with a city chosen: sign in on the province side.</summary>
    public const string SignInOnProvinceSide = "Error:SignInOnProvinceSide";

    /// <summary>A city's account signing in on the province side: choose the city.</summary>
    public const string SignInOnCitySide = "Error:SignInOnCitySide";
    public const string TenantNotFound = "Error:TenantNotFound";
    public const string TenantInactive = "Error:TenantInactive";
    public const string TenantNameTaken = "Error:TenantNameTaken";
    public const string InvalidRefreshToken = "Error:InvalidRefreshToken";
    public const string IdentityError = "Error:Identity";
    public const string PermissionNotGrantableOnThisSide = "Error:PermissionNotGrantableOnThisSide";
    public const string UnknownPermission = "Error:UnknownPermission";
    public const string TenantHeaderNotAllowed = "Error:TenantHeaderNotAllowed";
    public const string StaticRoleCannotBeDeleted = "Error:StaticRoleCannotBeDeleted";
    public const string CannotDeleteSelf = "Error:CannotDeleteSelf";
    public const string UserInactive = "Error:UserInactive";
    public const string InvalidPhoneNumber = "Error:InvalidPhoneNumber";
    public const string PasswordChangeRequired = "Error:PasswordChangeRequired";
    public const string RoleNotGrantable = "Error:RoleNotGrantable";
    public const string PermissionNotHeld = "Error:PermissionNotHeld";
    public const string Validation = "Error:Validation";
    public const string RequestTooLarge = "Error:RequestTooLarge";
    public const string RequestBodyTooLarge = "Error:RequestBodyTooLarge";
    public const string Internal = "Error:Internal";

    /// <summary>The database cannot be reached for now (503): nothing was saved, the same request may be sent again.</summary>
    public const string DatabaseUnavailable = "Error:DatabaseUnavailable";
    public const string Forbidden = "Error:Forbidden";
    public const string Unauthorized = "Error:Unauthorized";

    /// <summary>An application-service call without the permission it declares (or with no declaration at all).</summary>
    public const string PermissionRequired = "Error:PermissionRequired";
}
