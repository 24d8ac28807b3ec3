namespace PilotAssessment.Hardening;

/// <summary>Input limits of the host (section "Hardening" of the configuration).</summary>
public sealed class HardeningOptions
{
    public const string SectionName = "Hardening";

    /// <summary>Most bytes of a request body on an endpoint that declares no limit of its own (JSON bodies): 1 MB.</summary>
    public long? MaxJsonBodyBytes { get; set; } = 1024 * 1024;
}
