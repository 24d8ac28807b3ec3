namespace PilotAssessment.DataEntry;

/// <summary>Configuration section "Evidence".</summary>
public sealed class EvidenceOptions
{
    public const string SectionName = "Evidence";

    /// <summary>Most bytes of evidence one city may keep (deleted files do not count): 2 GB unless configured.</summary>
    public long CityQuotaBytes { get; set; } = 2L * 1024 * 1024 * 1024;
}

/// <summary>
/// Refuses an evidence file that would take the current city beyond its storage quota, saying how much is used. The
/// quota holds the entry lines' evidence and the supervision problems' evidence of the city together.
/// </summary>
public sealed class EvidenceQuota(IRepository<EvidenceFile> evidence, IRepository<Supervision.ProblemEvidence> problemEvidence, EvidenceOptions options)
{
    /// <exception cref="BusinessException">The file does not fit (400, used and limit in MB).</exception>
    public async Task EnsureRoomAsync(long size)
    {
        // The tenant filter keeps this to the current city; deleted files are filtered out and free their space.
        var sizes = await evidence.ToListAsync(evidence.Query().Select(e => e.Size));
        var problemSizes = await problemEvidence.ToListAsync(problemEvidence.Query().Select(e => e.Size));
        var used = sizes.Sum() + problemSizes.Sum();
        if (used + size <= options.CityQuotaBytes)
        {
            return;
        }

        object[] arguments = [Megabytes(used), Megabytes(options.CityQuotaBytes), Megabytes(size)];
        throw new BusinessException(DataEntryErrorCodes.EvidenceQuotaExceeded, arguments)
            .WithError("file", DataEntryErrorCodes.EvidenceQuotaExceeded, arguments);
    }

    private static string Megabytes(long bytes) => (bytes / 1024d / 1024d).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
