using System.Text.RegularExpressions;

namespace PilotAssessment.Identity;

/// <summary>
/// A user's phone as officials write it: a mainland mobile (13812345678, +86 allowed) or a landline with its area
/// code (0931-8123456, an extension after a second hyphen). Spaces are dropped; empty means none.
/// </summary>
public static partial class UserPhoneNumber
{
    /// <summary>The number as stored, or null when none was given.</summary>
    /// <exception cref="BusinessException"><see cref="PilotAssessmentErrorCodes.InvalidPhoneNumber"/> under "phoneNumber".</exception>
    public static string? Normalize(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        var compact = string.Concat(phone.Where(c => !char.IsWhiteSpace(c)));
        if (compact.StartsWith("+86", StringComparison.Ordinal) && Mobile().IsMatch(compact[3..]))
        {
            compact = compact[3..];
        }

        if (compact.Length > UserConsts.MaxPhoneNumberLength || !(Mobile().IsMatch(compact) || Landline().IsMatch(compact)))
        {
            throw new BusinessException(PilotAssessmentErrorCodes.InvalidPhoneNumber)
                .WithError("phoneNumber", PilotAssessmentErrorCodes.InvalidPhoneNumber);
        }

        return compact;
    }

    [GeneratedRegex(@"^1[3-9][0-9]{9}$", RegexOptions.CultureInvariant)]
    private static partial Regex Mobile();

    [GeneratedRegex(@"^0[0-9]{2,3}-?[0-9]{7,8}(-[0-9]{1,6})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Landline();
}
