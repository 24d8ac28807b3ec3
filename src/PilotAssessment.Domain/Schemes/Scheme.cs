using PilotAssessment.Schemes.Validation;

namespace PilotAssessment.Schemes;

/// <summary>
/// An assessment scheme (考评细则) owned by the province (host, no tenant). Draft → Published (frozen, so
/// every score can be reproduced) → Archived. A change to a published scheme is a new draft version.
/// </summary>
public class Scheme : FullAuditedAggregateRoot
{
    // For EF Core.
    private Scheme()
    {
        Name = string.Empty;
        Definition = new SchemeDefinition();
    }

    public Scheme(Guid id, string name, int year, int scale, SchemeDefinition? definition = null)
        : base(id)
    {
        Name = string.Empty;
        SetHeader(name, year, scale);
        Version = 1;
        Status = SchemeStatus.Draft;
        Definition = definition ?? new SchemeDefinition();
        SchemeLimits.Ensure(Definition);
    }

    public string Name { get; private set; }

    public int Year { get; private set; }

    public int Version { get; private set; }

    /// <summary>100 or 1000: the indicators' maximum points add up to it.</summary>
    public int Scale { get; private set; }

    public SchemeStatus Status { get; private set; }

    /// <summary>The whole tree; stored as one JSON column through <see cref="Json.SchemeJsonSerializer"/>.</summary>
    public SchemeDefinition Definition { get; private set; }

    public DateTime? PublishedTime { get; private set; }

    public DateTime? ArchivedTime { get; private set; }

    public void UpdateHeader(string name, int year, int scale)
    {
        EnsureDraft();
        SetHeader(name, year, scale);
    }

    /// <summary>Replaces the definition of a draft. Drafts may be incomplete; <see cref="Publish"/> insists on a valid one.</summary>
    public void UpdateDefinition(SchemeDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        EnsureDraft();
        SchemeLimits.Ensure(definition);
        Definition = definition;
    }

    /// <exception cref="SchemeInvalidException">The definition has problems; all of them are listed.</exception>
    public void Publish(SchemeValidator validator, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(validator);
        if (Status != SchemeStatus.Draft)
        {
            throw new BusinessException(SchemeErrorCodes.CannotPublish, Status);
        }

        var problems = validator.Validate(Definition, Scale);
        if (problems.Count > 0)
        {
            throw new SchemeInvalidException(problems);
        }

        Status = SchemeStatus.Published;
        PublishedTime = now;
    }

    public void Archive(DateTime now)
    {
        if (Status != SchemeStatus.Published)
        {
            throw new BusinessException(SchemeErrorCodes.CannotArchive, Status);
        }

        Status = SchemeStatus.Archived;
        ArchivedTime = now;
    }

    /// <summary>The next version as a draft with the same content (the definition is immutable, so sharing it is safe).</summary>
    public Scheme CopyAsNewDraft(Guid newId) =>
        new(newId, Name, Year, Scale, Definition) { Version = Version + 1 };

    private void SetHeader(string name, int year, int scale)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > SchemeConsts.MaxNameLength)
        {
            throw new BusinessException(SchemeErrorCodes.NameRequired, SchemeConsts.MaxNameLength);
        }

        if (year is < 2000 or > 2100)
        {
            throw new BusinessException(SchemeErrorCodes.InvalidYear, year);
        }

        if (!SchemeConsts.AllowedScales.Contains(scale))
        {
            throw new BusinessException(SchemeErrorCodes.InvalidScale, scale, string.Join("/", SchemeConsts.AllowedScales));
        }

        Name = name.Trim();
        Year = year;
        Scale = scale;
    }

    private void EnsureDraft()
    {
        if (Status != SchemeStatus.Draft)
        {
            throw new BusinessException(SchemeErrorCodes.NotDraft, Status);
        }
    }
}
