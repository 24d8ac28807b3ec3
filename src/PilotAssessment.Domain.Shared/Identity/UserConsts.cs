namespace PilotAssessment.Identity;

public static class UserConsts
{
    public const int MaxPhoneNumberLength = 32;
}
