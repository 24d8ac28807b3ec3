using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using PilotAssessment.Localization;

namespace PilotAssessment.Identity;

/// <summary>Refuses the 1,000 most common passwords (case-insensitive), shipped as an embedded list.</summary>
public sealed class CommonPasswordValidator(IStringLocalizer<PilotAssessmentResource> localizer) : IPasswordValidator<AppUser>
{
    public const string ErrorCode = "PasswordTooCommon";

    private static readonly Lazy<HashSet<string>> List = new(Load);

    private static int _listedCount;

    /// <summary>How many lines the shipped list has (a few differ only in case).</summary>
    public static int ListedCount
    {
        get
        {
            _ = List.Value;
            return _listedCount;
        }
    }

    public static bool IsCommon(string? password) => password is not null && List.Value.Contains(password.Trim());

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = ErrorCode, Description = localizer["Identity:" + ErrorCode] })
            : IdentityResult.Success);

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("PilotAssessment.Identity.common-passwords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line);
                _listedCount++;
            }
        }

        return set;
    }
}
