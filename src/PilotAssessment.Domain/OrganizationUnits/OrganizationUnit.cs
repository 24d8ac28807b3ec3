namespace PilotAssessment.OrganizationUnits;

/// <summary>
/// A unit of a city (the city, a district or county, a department). Units form a tree through
/// <see cref="ParentId"/>; a closed unit stays (with <see cref="ClosedTime"/>) so past assignments still name it.
/// </summary>
public class OrganizationUnit : FullAuditedAggregateRoot, IMultiTenant
{
    private OrganizationUnit()
    {
        Code = string.Empty;
        Name = string.Empty;
    }

    public OrganizationUnit(Guid id, string code, string name, OrganizationUnitKind kind, Guid? parentId)
        : base(id)
    {
        Code = string.Empty;
        Name = string.Empty;
        SetCode(code);
        Rename(name);
        Kind = kind;
        ParentId = parentId;
    }

    public Guid? TenantId { get; set; }

    public string Code { get; private set; }

    public string Name { get; private set; }

    public OrganizationUnitKind Kind { get; private set; }

    public Guid? ParentId { get; private set; }

    public DateTime? ClosedTime { get; private set; }

    public bool IsClosed => ClosedTime is not null;

    public void Rename(string name)
    {
        EnsureOpen();
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > OrganizationUnitConsts.MaxNameLength)
        {
            throw new BusinessException(OrganizationUnitErrorCodes.NameRequired, OrganizationUnitConsts.MaxNameLength);
        }

        Name = name.Trim();
    }

    /// <summary>The caller checks that the new parent is not this unit or one of its descendants.</summary>
    public void MoveTo(Guid? parentId)
    {
        EnsureOpen();
        ParentId = parentId;
    }

    public void Close(DateTime now)
    {
        EnsureOpen();
        ClosedTime = now;
    }

    private void SetCode(string code)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Trim().Length > OrganizationUnitConsts.MaxCodeLength)
        {
            throw new BusinessException(OrganizationUnitErrorCodes.CodeRequired, OrganizationUnitConsts.MaxCodeLength);
        }

        Code = code.Trim();
    }

    private void EnsureOpen()
    {
        if (IsClosed)
        {
            throw new BusinessException(OrganizationUnitErrorCodes.Closed, Name);
        }
    }
}

/// <summary>A city user assigned to a unit; a user may belong to several units.</summary>
public class UnitMember : Entity, IMultiTenant, IHasCreationTime
{
    private UnitMember()
    {
    }

    public UnitMember(Guid id, Guid unitId, Guid userId)
        : base(id)
    {
        UnitId = unitId;
        UserId = userId;
    }

    public Guid? TenantId { get; set; }

    public Guid UnitId { get; private set; }

    public Guid UserId { get; private set; }

    public DateTime CreationTime { get; set; }

    public Guid? CreatorId { get; set; }
}
