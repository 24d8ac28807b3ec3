namespace PilotAssessment.EntityFrameworkCore;

public static class ModelBuilderExtensions
{
    /// <summary>Lifts the default 256-character limit: TEXT on SQLite, LONGTEXT on MySQL.</summary>
    public static PropertyBuilder<string?> IsUnboundedText(this PropertyBuilder<string?> property)
    {
        property.Metadata.SetMaxLength(null);
        return property;
    }
}
