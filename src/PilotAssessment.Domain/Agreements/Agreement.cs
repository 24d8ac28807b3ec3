using PilotAssessment.Entities;
using PilotAssessment.ExceptionHandling;
using PilotAssessment.MultiTenancy;

namespace PilotAssessment.Agreements;

/// <summary>
/// A target-responsibility agreement (目标责任书) the province issues to one city for one year. The row belongs
/// to the city (TenantId = city, docs/adr/0005). Versions of one agreement share <see cref="SeriesId"/>; an
/// amendment is a new version linked by <see cref="PreviousVersionId"/>, the old one is kept read-only.
/// </summary>
public class Agreement : FullAuditedAggregateRoot, IMultiTenant
{
    private Agreement()
    {
        Title = string.Empty;
        Content = new AgreementContent();
    }

    public Agreement(Guid id, string title, int year, Guid schemeId, AgreementContent content)
        : base(id)
    {
        Title = string.Empty;
        SetTitle(title);
        if (year is < 2000 or > 2100)
        {
            throw new BusinessException(AgreementErrorCodes.InvalidYear, year);
        }

        Year = year;
        SchemeId = schemeId;
        SeriesId = id;
        Version = 1;
        Status = AgreementStatus.Draft;
        Content = content;
    }

    public Guid? TenantId { get; set; }

    public string Title { get; private set; }

    public int Year { get; private set; }

    public Guid SchemeId { get; private set; }

    /// <summary>The first version's id, shared by every version.</summary>
    public Guid SeriesId { get; private set; }

    public int Version { get; private set; }

    public Guid? PreviousVersionId { get; private set; }

    public AgreementStatus Status { get; private set; }

    public AgreementContent Content { get; private set; }

    public DateTime? IssuedTime { get; private set; }

    public DateTime? SignedTime { get; private set; }

    public Guid? SignedByUserId { get; private set; }

    /// <summary>The signing city official's name as entered (签字人).</summary>
    public string? SignedByName { get; private set; }

    public DateTime? InForceTime { get; private set; }

    public DateTime? ClosedTime { get; private set; }

    public void SetTitle(string title)
    {
        EnsureDraft();
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > AgreementConsts.MaxTitleLength)
        {
            throw new BusinessException(AgreementErrorCodes.TitleRequired, AgreementConsts.MaxTitleLength);
        }

        Title = title.Trim();
    }

    public void UpdateContent(AgreementContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        EnsureDraft();
        Content = content;
    }

    /// <summary>The city's cascade: assigning lines and tasks to its units is not an amendment of the agreement.</summary>
    public void ReassignUnits(AgreementContent content)
    {
        if (Status is AgreementStatus.Superseded or AgreementStatus.Closed)
        {
            throw new BusinessException(AgreementErrorCodes.NotEditable, Status);
        }

        Content = content;
    }

    public void Issue(DateTime now)
    {
        Transition(AgreementStatus.Draft, AgreementStatus.Issued);
        IssuedTime = now;
    }

    public void Sign(Guid userId, string signatory, DateTime now)
    {
        Transition(AgreementStatus.Issued, AgreementStatus.Signed);
        SignedByUserId = userId;
        SignedByName = signatory;
        SignedTime = now;
    }

    public void PutInForce(DateTime now)
    {
        Transition(AgreementStatus.Signed, AgreementStatus.InForce);
        InForceTime = now;
    }

    public void Close(DateTime now)
    {
        Transition(AgreementStatus.InForce, AgreementStatus.Closed);
        ClosedTime = now;
    }

    /// <summary>Called on the previous version when its amendment goes in force.</summary>
    public void Supersede(DateTime now)
    {
        if (Status is not (AgreementStatus.Signed or AgreementStatus.InForce))
        {
            throw new BusinessException(AgreementErrorCodes.IllegalTransition, Status, AgreementStatus.Superseded);
        }

        Status = AgreementStatus.Superseded;
        ClosedTime = now;
    }

    /// <summary>A change after signing: the next version as a draft with the same content.</summary>
    public Agreement Amend(Guid newId)
    {
        if (Status is not (AgreementStatus.Signed or AgreementStatus.InForce))
        {
            throw new BusinessException(AgreementErrorCodes.IllegalTransition, Status, "Amended");
        }

        return new Agreement(newId, Title, Year, SchemeId, Content)
        {
            SeriesId = SeriesId,
            Version = Version + 1,
            PreviousVersionId = Id,
            TenantId = TenantId,
        };
    }

    private void Transition(AgreementStatus from, AgreementStatus to)
    {
        if (Status != from)
        {
            throw new BusinessException(AgreementErrorCodes.IllegalTransition, Status, to);
        }

        Status = to;
    }

    private void EnsureDraft()
    {
        if (Status != AgreementStatus.Draft)
        {
            throw new BusinessException(AgreementErrorCodes.NotEditable, Status);
        }
    }
}
