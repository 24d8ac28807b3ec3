using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using PilotAssessment.Localization;

namespace PilotAssessment.Identity;

/// <summary>Identity's validation messages in the user's language.</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<PilotAssessmentResource> localizer) : IdentityErrorDescriber
{
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), userName);

    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), role);

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), userName);

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), length);

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit));

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower));

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper));

    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric));

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch));

    private IdentityError Error(string code, params object?[] arguments) =>
        new() { Code = code, Description = localizer["Identity:" + code, arguments!] };
}
