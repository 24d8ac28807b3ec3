using Microsoft.Extensions.Localization;
using PilotAssessment.Agreements.SampleData;
using PilotAssessment.Data;
using PilotAssessment.Dtos;
using PilotAssessment.ExceptionHandling;
using PilotAssessment.Identity;
using PilotAssessment.Localization;
using PilotAssessment.MultiTenancy;
using PilotAssessment.OrganizationUnits;
using PilotAssessment.Permissions;
using PilotAssessment.Repositories;
using PilotAssessment.Schemes;
using PilotAssessment.Schemes.Rules;
using PilotAssessment.Tenants;
using PilotAssessment.Users;

namespace PilotAssessment.Agreements;

/// <summary>
/// Agreements are rows of the city (docs/adr/0005). The province (host side) reads them across cities and
/// writes into a city with <c>currentTenant.Change</c>; a city reads only its own and never sees drafts.
/// Inside a city, users who are not allowed to cascade see only the lines and tasks of their units.
/// </summary>
[RequiresPermission(PilotAssessmentPermissions.Agreements.Default)]
public sealed class AgreementAppService(
    IRepository<Agreement> agreements,
    IRepository<AgreementAttachment> attachments,
    IRepository<AgreementAttachmentContent> attachmentContents,
    IRepository<KeyTaskProgress> progress,
    IRepository<Scheme> schemes,
    IRepository<Tenant> tenants,
    IRepository<OrganizationUnit> units,
    IRepository<UnitMember> members,
    IRepository<AppUser> users,
    IUnitOfWork unitOfWork,
    ICurrentTenant currentTenant,
    ICurrentUser currentUser,
    IDataFilter dataFilter,
    IPermissionChecker permissions,
    IStringLocalizer<PilotAssessmentResource> localizer,
    TimeProvider clock) : IAgreementAppService
{
    private bool IsHostSide => currentTenant.Id is null;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<PagedResultDto<AgreementDto>> GetListAsync(GetAgreementsInput input)
    {
        List<Agreement> page;
        int total;
        using (IsHostSide ? dataFilter.Disable<IMultiTenant>() : null)
        {
            var query = agreements.Query();
            if (!IsHostSide)
            {
                query = query.Where(a => a.Status != AgreementStatus.Draft);
            }

            if (input.Year is not null)
            {
                query = query.Where(a => a.Year == input.Year);
            }

            if (input.CityId is not null)
            {
                query = query.Where(a => a.TenantId == input.CityId);
            }

            if (Enum.TryParse<AgreementStatus>(input.Status, ignoreCase: true, out var status))
            {
                query = query.Where(a => a.Status == status);
            }

            total = await agreements.CountAsync(query);
            page = await agreements.ToListAsync(query.OrderByDescending(a => a.Year).ThenBy(a => a.TenantId).ThenByDescending(a => a.Version)
                .Skip(input.SkipCount).Take(input.MaxResultCount));
        }

        var cities = await CityNamesAsync();
        return new PagedResultDto<AgreementDto>(total, page.Select(a => Header(a, cities)).ToList());
    }

    public async Task<AgreementDto> GetAsync(Guid id) => await ToDetailAsync(await GetVisibleAsync(id));

    [RequiresPermission(PilotAssessmentPermissions.Agreements.Manage)]
    public async Task<AgreementDto> CreateAsync(CreateAgreementInput input)
    {
        var city = await tenants.FindAsync(input.CityId) ?? throw new BusinessException(AgreementErrorCodes.CityNotFound);
        var scheme = await schemes.FindAsync(input.SchemeId);
        if (scheme is null || scheme.Status != SchemeStatus.Published)
        {
            throw new BusinessException(AgreementErrorCodes.SchemeNotPublished);
        }

        var year = input.Year ?? scheme.Year;
        using (currentTenant.Change(city.Id, city.Name))
        {
            // One agreement a year per city; changes go through amendments, a new start needs the old one closed.
            if (await agreements.AnyAsync(agreements.Query().Where(a => a.Year == year && a.Status != AgreementStatus.Closed && a.Status != AgreementStatus.Superseded)))
            {
                throw new BusinessException(AgreementErrorCodes.AlreadyExists, city.DisplayName, year);
            }
        }

        var lines = scheme.Definition.AllIndicators().Select(i => new AgreementLine
        {
            Code = i.Code,
            Name = i.Name,
            MaxPoints = i.MaxPoints,
            SchemeTarget = (i.Rule as RatioToTargetRule)?.Target ?? i.Target,
        }).ToList();
        var title = string.IsNullOrWhiteSpace(input.Title)
            ? localizer[AgreementErrorCodes.DefaultTitle, year, city.DisplayName].Value
            : input.Title;
        var agreement = new Agreement(Guid.NewGuid(), title, year, scheme.Id, new AgreementContent
        {
            Lines = lines,
            KeyTasks = input.WithPlanKeyTasks ? SampleKeyTaskLoader.Load() : [],
        });
        using (currentTenant.Change(city.Id, city.Name))
        {
            await agreements.InsertAsync(agreement);
        }

        return await ToDetailAsync(agreement);
    }

    [RequiresPermission(PilotAssessmentPermissions.Agreements.Manage)]
    public async Task<AgreementDto> UpdateAsync(Guid id, UpdateAgreementInput input)
    {
        var agreement = await GetVisibleAsync(id);
        using (currentTenant.Change(agreement.TenantId))
        {
            // A responsible unit named by id must be one of this city's units.
            foreach (var unitId in input.KeyTasks.Where(t => t.ResponsibleUnitId is not null).Select(t => t.ResponsibleUnitId!.Value).Distinct())
            {
                _ = await units.FindAsync(unitId) ?? throw new EntityNotFoundException(typeof(OrganizationUnit), unitId);
            }
        }

        agreement.ConcurrencyStamp = input.ConcurrencyStamp;
        agreement.SetTitle(input.Title);
        agreement.UpdateContent(BuildContent(agreement.Content, input));
        await SaveInCityAsync(agreement);
        return await ToDetailAsync(agreement);
    }

    [RequiresPermission(PilotAssessmentPermissions.Agreements.Manage)]
    public async Task DeleteAsync(Guid id)
    {
        var agreement = await GetVisibleAsync(id);
        if (agreement.Status != AgreementStatus.Draft)
        {
            throw new BusinessException(AgreementErrorCodes.NotEditable, StatusText(agreement.Status));
        }

        using (currentTenant.Change(agreement.TenantId))
        {
            await agreements.DeleteAsync(agreement);
        }
    }

    [RequiresPermission(PilotAssessmentPermissions.Agreements.Manage)]
    public Task<AgreementDto> IssueAsync(Guid id) => TransitionAsync(id, a => a.Issue(Now));

    [RequiresPermission(PilotAssessmentPermissions.Agreements.Sign)]
    public async Task<AgreementDto> SignAsync(Guid id, SignAgreementInput input)
    {
        var userId = currentUser.Id ?? throw new ForbiddenException(PilotAssessmentErrorCodes.EntityNotFound);
        var signatory = input.Signatory;
        if (string.IsNullOrWhiteSpace(signatory))
        {
            var user = await users.FindAsync(userId);
            signatory = user?.Name ?? user?.UserName ?? currentUser.UserName ?? string.Empty;
        }

        return await TransitionAsync(id, a => a.Sign(userId, signatory.Trim(), Now));
    }

    [RequiresPermission(PilotAssessmentPermissions.Agreements.Manage)]
    public async Task<AgreementDto> PutInForceAsync(Guid id)
    {
        var agreement = await GetVisibleAsync(id);
        Localized(() => agreement.PutInForce(Now));
        using (currentTenant.Change(agreement.TenantId))
        {
            // The amended version replaces every earlier one that was signed or in force.
            var earlier = await agreements.ToListAsync(agreements.Query().Where(a =>
                a.SeriesId == agreement.SeriesId && a.Version < agreement.Version
                && (a.Status == AgreementStatus.Signed || a.Status == AgreementStatus.InForce)));
            foreach (var old in earlier)
            {
                old.Supersede(Now);
                await agreements.UpdateAsync(old, autoSave: false);
            }

            await agreements.UpdateAsync(agreement, autoSave: false);
            await unitOfWork.SaveChangesAsync();
        }

        return await ToDetailAsync(agreement);
    }

    [RequiresPermission(PilotAssessmentPermissions.Agreements.Manage)]
    public Task<AgreementDto> CloseAsync(Guid id) => TransitionAsync(id, a => a.Close(Now));

    [RequiresPermission(PilotAssessmentPermissions.Agreements.Manage)]
    public async Task<AgreementDto> AmendAsync(Guid id)
    {
        var agreement = await GetVisibleAsync(id);
        Agreement amended = null!;
        Localized(() => amended = agreement.Amend(Guid.NewGuid()));
        using (currentTenant.Change(agreement.TenantId))
        {
            if (await agreements.AnyAsync(agreements.Query().Where(a => a.SeriesId == agreement.SeriesId && a.Version > agreement.Version)))
            {
                throw new BusinessException(AgreementErrorCodes.AlreadyAmended, agreement.Version);
            }

            await agreements.InsertAsync(amended);
        }

        return await ToDetailAsync(amended);
    }

    public async Task<List<AgreementVersionDto>> GetVersionsAsync(Guid id)
    {
        var agreement = await GetVisibleAsync(id);
        List<Agreement> versions;
        using (currentTenant.Change(agreement.TenantId))
        {
            versions = await agreements.ToListAsync(agreements.Query().Where(a => a.SeriesId == agreement.SeriesId));
        }

        return versions.Where(v => IsHostSide || v.Status != AgreementStatus.Draft).OrderBy(v => v.Version)
            .Select(v => new AgreementVersionDto(v.Id, v.Version, v.Status.ToString(), v.PreviousVersionId, v.CreationTime, v.SignedTime, v.InForceTime))
            .ToList();
    }

    public async Task<AgreementDiffDto> GetDiffAsync(Guid id, Guid otherId)
    {
        var from = await GetVisibleAsync(id);
        var to = await GetVisibleAsync(otherId);
        if (from.SeriesId != to.SeriesId)
        {
            throw new BusinessException(AgreementErrorCodes.NotSameAgreement);
        }

        return AgreementDiff.Compute(from, to, await VisibleContentAsync(from), await VisibleContentAsync(to));
    }

    [RequiresPermission(PilotAssessmentPermissions.Agreements.Assign)]
    public async Task<AgreementDto> AssignUnitsAsync(Guid id, AssignUnitsInput input)
    {
        var agreement = await GetVisibleAsync(id);
        var unitIds = input.Lines.Concat(input.KeyTasks).Where(a => a.UnitId is not null).Select(a => a.UnitId!.Value).Distinct().ToList();
        foreach (var unitId in unitIds)
        {
            var unit = await units.FindAsync(unitId) ?? throw new EntityNotFoundException(typeof(OrganizationUnit), unitId);
            if (unit.IsClosed)
            {
                throw new BusinessException(OrganizationUnitErrorCodes.Closed, unit.Name);
            }
        }

        var lines = agreement.Content.Lines.ToList();
        foreach (var assignment in input.Lines)
        {
            var index = lines.FindIndex(l => l.Code == assignment.Code);
            if (index < 0)
            {
                throw new BusinessException(AgreementErrorCodes.UnknownIndicator, assignment.Code);
            }

            lines[index] = lines[index] with { AssignedUnitId = assignment.UnitId };
        }

        var tasks = agreement.Content.KeyTasks.ToList();
        foreach (var assignment in input.KeyTasks)
        {
            var index = tasks.FindIndex(t => t.Code == assignment.Code);
            if (index < 0)
            {
                throw new BusinessException(AgreementErrorCodes.UnknownTask, assignment.Code);
            }

            tasks[index] = tasks[index] with { AssignedUnitId = assignment.UnitId };
        }

        Localized(() => agreement.ReassignUnits(agreement.Content with { Lines = lines, KeyTasks = tasks }));
        await SaveInCityAsync(agreement);
        return await ToDetailAsync(agreement);
    }

    public async Task<List<AgreementAttachmentDto>> GetAttachmentsAsync(Guid id)
    {
        var agreement = await GetVisibleAsync(id);
        List<AgreementAttachment> found;
        using (currentTenant.Change(agreement.TenantId))
        {
            found = await attachments.ToListAsync(attachments.Query().Where(a => a.AgreementId == agreement.Id));
            var scope = await UnitScopeAsync();
            if (scope is not null)
            {
                // Evidence of another unit's task stays with that unit.
                var visibleTasks = agreement.Content.KeyTasks.Where(t => t.AssignedUnitId is { } u && scope.Contains(u)).Select(t => t.Code).ToList();
                var evidence = (await progress.ToListAsync(progress.Query()
                    .Where(p => p.SeriesId == agreement.SeriesId && p.EvidenceAttachmentId != null && visibleTasks.Contains(p.TaskCode))
                    .Select(p => p.EvidenceAttachmentId!.Value))).ToHashSet();
                found = found.Where(a => a.Kind == AgreementAttachmentKind.SignedScan || evidence.Contains(a.Id)).ToList();
            }
        }

        return found.OrderBy(a => a.CreationTime).Select(ToDto).ToList();
    }

    [RequiresPermission(PilotAssessmentPermissions.Agreements.Sign)]
    public async Task<AgreementAttachmentDto> UploadAttachmentAsync(Guid id, string fileName, Stream content, long length)
    {
        var agreement = await GetVisibleAsync(id);
        if (agreement.Status is not (AgreementStatus.Issued or AgreementStatus.Signed or AgreementStatus.InForce))
        {
            throw new BusinessException(AgreementErrorCodes.NotEditable, StatusText(agreement.Status));
        }

        var attachment = await StoreAttachmentAsync(agreement, AgreementAttachmentKind.SignedScan, fileName, content, length);
        return ToDto(attachment);
    }

    public async Task<FileContentDto> DownloadAttachmentAsync(Guid id, Guid attachmentId)
    {
        var (agreement, attachment) = await GetAttachmentAsync(id, attachmentId);
        using (currentTenant.Change(agreement.TenantId))
        {
            var bytes = await attachmentContents.GetAsync(attachment.Id);
            return new FileContentDto(bytes.Bytes, attachment.ContentType, attachment.FileName);
        }
    }

    [RequiresPermission(PilotAssessmentPermissions.Agreements.Sign)]
    public async Task DeleteAttachmentAsync(Guid id, Guid attachmentId)
    {
        var (agreement, attachment) = await GetAttachmentAsync(id, attachmentId);
        if (agreement.Status is AgreementStatus.Superseded or AgreementStatus.Closed)
        {
            throw new BusinessException(AgreementErrorCodes.NotEditable, StatusText(agreement.Status));
        }

        using (currentTenant.Change(agreement.TenantId))
        {
            if (await attachmentContents.FindAsync(attachment.Id) is { } bytes)
            {
                await attachmentContents.DeleteAsync(bytes, autoSave: false);
            }

            await attachments.DeleteAsync(attachment, autoSave: false);
            await unitOfWork.SaveChangesAsync();
        }
    }

    [RequiresPermission(PilotAssessmentPermissions.Agreements.Report)]
    public async Task<KeyTaskProgressDto> ReportProgressAsync(Guid id, string taskCode, ReportProgressInput input, string? fileName, Stream? content, long length)
    {
        var agreement = await GetVisibleAsync(id);
        var task = (await VisibleTasksAsync(agreement)).FirstOrDefault(t => t.Code == taskCode)
            ?? throw new EntityNotFoundException(typeof(AgreementKeyTask), taskCode);
        if (agreement.Status is not (AgreementStatus.Signed or AgreementStatus.InForce))
        {
            throw new BusinessException(AgreementErrorCodes.NotInForce, StatusText(agreement.Status));
        }

        if (input.Percent is < 0 or > 100)
        {
            throw new BusinessException(AgreementErrorCodes.PercentOutOfRange, input.Percent)
                .WithError(nameof(input.Percent), AgreementErrorCodes.PercentOutOfRange, input.Percent);
        }

        var milestone = string.IsNullOrWhiteSpace(input.Milestone) ? null : input.Milestone.Trim();
        if (milestone is not null && task.Milestones.All(m => m.Title != milestone))
        {
            throw new BusinessException(AgreementErrorCodes.UnknownMilestone, milestone);
        }

        AgreementAttachment? evidence = null;
        if (content is not null)
        {
            evidence = await StoreAttachmentAsync(agreement, AgreementAttachmentKind.Evidence, fileName ?? "evidence", content, length);
        }

        var report = new KeyTaskProgress(Guid.NewGuid(), agreement.SeriesId, task.Code, milestone, input.Percent, input.Note?.Trim(), evidence?.Id);
        using (currentTenant.Change(agreement.TenantId))
        {
            await progress.InsertAsync(report);
        }

        return ToDto(report);
    }

    public async Task<List<KeyTaskProgressDto>> GetProgressAsync(Guid id, string taskCode)
    {
        var agreement = await GetVisibleAsync(id);
        if ((await VisibleTasksAsync(agreement)).All(t => t.Code != taskCode))
        {
            throw new EntityNotFoundException(typeof(AgreementKeyTask), taskCode);
        }

        using (currentTenant.Change(agreement.TenantId))
        {
            var reports = await progress.ToListAsync(progress.Query().Where(p => p.SeriesId == agreement.SeriesId && p.TaskCode == taskCode));
            return reports.OrderBy(p => p.CreationTime).Select(ToDto).ToList();
        }
    }

    public async Task<KeyTaskMatrixDto> GetKeyTaskMatrixAsync(int year)
    {
        if (!IsHostSide)
        {
            throw new ForbiddenException(AgreementErrorCodes.ProvinceOnly);
        }

        var cities = await tenants.ToListAsync(tenants.Query());
        List<Agreement> inForce;
        List<KeyTaskProgress> reports;
        using (dataFilter.Disable<IMultiTenant>())
        {
            inForce = await agreements.ToListAsync(agreements.Query().Where(a => a.Year == year && a.Status == AgreementStatus.InForce));
            var series = inForce.Select(a => a.SeriesId).ToList();
            reports = await progress.ToListAsync(progress.Query().Where(p => series.Contains(p.SeriesId)));
        }

        var today = Now.Date;
        var rows = new List<CityKeyTasksDto>();
        foreach (var city in cities.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            var agreement = inForce.Where(a => a.TenantId == city.Id).OrderByDescending(a => a.Version).FirstOrDefault();
            var cells = agreement is null
                ? []
                : agreement.Content.KeyTasks.Select(t =>
                {
                    var percent = LatestPercent(reports, agreement.SeriesId, t.Code);
                    return new KeyTaskCellDto(t.Code, t.Task, t.DueDate, percent, StatusOf(t, percent, today).ToString());
                }).ToList();
            var counts = Enum.GetNames<KeyTaskStatus>().ToDictionary(s => s, s => cells.Count(c => c.Status == s));
            rows.Add(new CityKeyTasksDto(city.Id, city.DisplayName, agreement?.Id, agreement?.Version, cells, counts));
        }

        return new KeyTaskMatrixDto(year, rows);
    }

    public async Task<FileContentDto> ExportDocxAsync(Guid id)
    {
        var agreement = await GetVisibleAsync(id);
        var city = await tenants.FindAsync(agreement.TenantId ?? Guid.Empty);
        var cityName = city?.DisplayName ?? string.Empty;
        Dictionary<Guid, string> unitNames;
        using (currentTenant.Change(agreement.TenantId))
        {
            unitNames = (await units.ToListAsync(units.Query())).ToDictionary(u => u.Id, u => u.Name);
        }

        var bytes = AgreementDocxWriter.Write(agreement, cityName, unitNames, await VisibleContentAsync(agreement));
        var fileName = $"{agreement.Title}-v{agreement.Version}.docx";
        return new FileContentDto(bytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", fileName);
    }

    internal static KeyTaskStatus StatusOf(AgreementKeyTask task, int percent, DateTime today) =>
        percent >= 100 ? KeyTaskStatus.Done
        : task.DueDate is { } due && due.Date < today ? KeyTaskStatus.Overdue
        : percent > 0 ? KeyTaskStatus.InProgress
        : KeyTaskStatus.NotStarted;

    private static int LatestPercent(IEnumerable<KeyTaskProgress> reports, Guid seriesId, string code) =>
        reports.Where(p => p.SeriesId == seriesId && p.TaskCode == code)
            .OrderBy(p => p.CreationTime).ThenBy(p => p.Id).Select(p => (int?)p.Percent).LastOrDefault() ?? 0;

    private async Task<AgreementAttachment> StoreAttachmentAsync(Agreement agreement, AgreementAttachmentKind kind, string fileName, Stream content, long length)
    {
        // Read at most one byte past the limit: enough to refuse, never the whole of an oversized upload.
        var buffer = new MemoryStream();
        await CopyAtMostAsync(content, buffer, AgreementConsts.MaxAttachmentBytes + 1);
        var bytes = buffer.ToArray();
        var contentType = AttachmentFileType.Validate(bytes, Math.Max(length, bytes.Length));
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        if (string.IsNullOrWhiteSpace(name))
        {
            name = "file";
        }

        if (name.Length > AgreementConsts.MaxFileNameLength)
        {
            name = name[^AgreementConsts.MaxFileNameLength..];
        }

        var attachment = new AgreementAttachment(Guid.NewGuid(), agreement.Id, kind, name, contentType, bytes.Length);
        using (currentTenant.Change(agreement.TenantId))
        {
            await attachments.InsertAsync(attachment, autoSave: false);
            await attachmentContents.InsertAsync(new AgreementAttachmentContent(attachment.Id, bytes), autoSave: false);
            await unitOfWork.SaveChangesAsync();
        }

        return attachment;
    }

    private static async Task CopyAtMostAsync(Stream source, Stream target, long max)
    {
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while (total < max && (read = await source.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, max - total)))) > 0)
        {
            await target.WriteAsync(chunk.AsMemory(0, read));
            total += read;
        }
    }

    private async Task<(Agreement Agreement, AgreementAttachment Attachment)> GetAttachmentAsync(Guid id, Guid attachmentId)
    {
        var agreement = await GetVisibleAsync(id);
        var visible = await GetAttachmentsAsync(id);
        if (visible.All(a => a.Id != attachmentId))
        {
            throw new EntityNotFoundException(typeof(AgreementAttachment), attachmentId);
        }

        using (currentTenant.Change(agreement.TenantId))
        {
            return (agreement, await attachments.GetAsync(attachmentId));
        }
    }

    /// <summary>Finds the agreement in the current city, or in any city for the province; a city never sees drafts.</summary>
    private async Task<Agreement> GetVisibleAsync(Guid id)
    {
        Agreement agreement;
        using (IsHostSide ? dataFilter.Disable<IMultiTenant>() : null)
        {
            agreement = await agreements.GetAsync(id);
        }

        return IsHostSide || agreement.Status != AgreementStatus.Draft ? agreement : throw new EntityNotFoundException(typeof(Agreement), id);
    }

    private async Task<AgreementDto> TransitionAsync(Guid id, Action<Agreement> transition)
    {
        var agreement = await GetVisibleAsync(id);
        Localized(() => transition(agreement));
        await SaveInCityAsync(agreement);
        return await ToDetailAsync(agreement);
    }

    private async Task SaveInCityAsync(Agreement agreement)
    {
        using (currentTenant.Change(agreement.TenantId))
        {
            await agreements.UpdateAsync(agreement);
        }
    }

    /// <summary>Puts the statuses of a refused transition into the reader's language.</summary>
    private void Localized(Action action)
    {
        try
        {
            action();
        }
        catch (BusinessException e) when (e.Code is AgreementErrorCodes.IllegalTransition or AgreementErrorCodes.NotEditable)
        {
            throw new BusinessException(e.Code, e.Arguments.Select(a => a is AgreementStatus s ? StatusText(s) : ActionText(a)).ToArray());
        }
    }

    private string StatusText(AgreementStatus status) => localizer[$"Agreement:Status:{status}"].Value;

    private object? ActionText(object? argument) =>
        argument is string s && localizer[$"Agreement:Status:{s}"] is { ResourceNotFound: false } text ? text.Value : argument;

    /// <summary>Null: the user sees the whole city (the province, or a city user allowed to cascade). Otherwise the user's units.</summary>
    private async Task<HashSet<Guid>?> UnitScopeAsync()
    {
        if (IsHostSide || currentUser.TenantId is null || await permissions.IsGrantedAsync(PilotAssessmentPermissions.Agreements.Assign))
        {
            return null;
        }

        var userId = currentUser.Id;
        return (await members.ToListAsync(members.Query().Where(m => m.UserId == userId).Select(m => m.UnitId))).ToHashSet();
    }

    private async Task<List<AgreementKeyTask>> VisibleTasksAsync(Agreement agreement) => [.. (await VisibleContentAsync(agreement)).KeyTasks];

    /// <summary>
    /// The lines and key tasks the user may see (<see cref="UnitScopeAsync"/>): the detail view, the Word export,
    /// the version diff and progress reports all go through this one rule.
    /// </summary>
    private async Task<AgreementContent> VisibleContentAsync(Agreement agreement)
    {
        HashSet<Guid>? scope;
        using (currentTenant.Change(agreement.TenantId))
        {
            scope = await UnitScopeAsync();
        }

        if (scope is null)
        {
            return agreement.Content;
        }

        bool Visible(Guid? unitId) => unitId is { } u && scope.Contains(u);
        return agreement.Content with
        {
            Lines = agreement.Content.Lines.Where(l => Visible(l.AssignedUnitId)).ToList(),
            KeyTasks = agreement.Content.KeyTasks.Where(t => Visible(t.AssignedUnitId)).ToList(),
        };
    }

    private async Task<Dictionary<Guid, string>> CityNamesAsync() =>
        (await tenants.ToListAsync(tenants.Query())).ToDictionary(t => t.Id, t => t.DisplayName);

    private async Task<AgreementDto> ToDetailAsync(Agreement agreement)
    {
        var dto = Header(agreement, await CityNamesAsync());
        List<KeyTaskProgress> reports;
        var content = await VisibleContentAsync(agreement);
        using (currentTenant.Change(agreement.TenantId))
        {
            reports = await progress.ToListAsync(progress.Query().Where(p => p.SeriesId == agreement.SeriesId));
        }

        var today = Now.Date;
        dto.Lines = content.Lines.Select(l => new AgreementLineDto
        {
            Code = l.Code,
            Name = l.Name,
            MaxPoints = l.MaxPoints,
            SchemeTarget = l.SchemeTarget,
            Target = l.Target,
            EffectiveTarget = l.EffectiveTarget,
            Note = l.Note,
            IsExtra = l.IsExtra,
            AssignedUnitId = l.AssignedUnitId,
        }).ToList();
        dto.KeyTasks = content.KeyTasks.Select(t =>
        {
            var percent = LatestPercent(reports, agreement.SeriesId, t.Code);
            var status = StatusOf(t, percent, today);
            return new AgreementKeyTaskDto
            {
                Code = t.Code,
                Area = t.Area,
                Task = t.Task,
                ResponsibleUnit = t.ResponsibleUnit,
                ResponsibleUnitId = t.ResponsibleUnitId,
                DueDate = t.DueDate,
                Milestones = t.Milestones.Select(m => new KeyTaskMilestoneDto { Title = m.Title, DueDate = m.DueDate }).ToList(),
                AssignedUnitId = t.AssignedUnitId,
                Percent = percent,
                IsOverdue = status == KeyTaskStatus.Overdue,
                Status = status.ToString(),
            };
        }).ToList();
        dto.Duties = [.. agreement.Content.Duties];
        dto.Prohibitions = [.. agreement.Content.Prohibitions];
        dto.Rules = [.. agreement.Content.Rules];
        return dto;
    }

    private static AgreementDto Header(Agreement a, Dictionary<Guid, string> cities) => new()
    {
        Id = a.Id,
        CityId = a.TenantId,
        CityName = a.TenantId is { } t ? cities.GetValueOrDefault(t) : null,
        Title = a.Title,
        Year = a.Year,
        SchemeId = a.SchemeId,
        SeriesId = a.SeriesId,
        Version = a.Version,
        PreviousVersionId = a.PreviousVersionId,
        Status = a.Status.ToString(),
        CreationTime = a.CreationTime,
        IssuedTime = a.IssuedTime,
        SignedTime = a.SignedTime,
        SignedByUserId = a.SignedByUserId,
        SignedByName = a.SignedByName,
        InForceTime = a.InForceTime,
        ClosedTime = a.ClosedTime,
        ConcurrencyStamp = a.ConcurrencyStamp,
    };

    private static AgreementAttachmentDto ToDto(AgreementAttachment a) =>
        new(a.Id, a.AgreementId, a.Kind.ToString(), a.FileName, a.ContentType, a.Size, a.CreationTime);

    private static KeyTaskProgressDto ToDto(KeyTaskProgress p) =>
        new(p.Id, p.TaskCode, p.Milestone, p.Percent, p.Note, p.EvidenceAttachmentId, p.CreationTime, p.CreatorId);

    private static AgreementContent BuildContent(AgreementContent current, UpdateAgreementInput input)
    {
        var lines = current.Lines.Where(l => !l.IsExtra).ToList();
        var problems = new BusinessException(AgreementErrorCodes.Invalid);
        foreach (var target in input.Targets)
        {
            var index = lines.FindIndex(l => l.Code == target.Code);
            if (index < 0)
            {
                problems.WithError(target.Code, AgreementErrorCodes.UnknownIndicator, target.Code);
                continue;
            }

            lines[index] = lines[index] with { Target = target.Target, Note = Clean(target.Note) };
        }

        var codes = lines.Select(l => l.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var extra in input.ExtraLines)
        {
            var code = extra.Code.Trim();
            if (code.Length == 0)
            {
                problems.WithError("extraLines", AgreementErrorCodes.CodeRequired);
                continue;
            }

            if (!codes.Add(code))
            {
                problems.WithError(code, AgreementErrorCodes.DuplicateCode, code);
            }

            if (string.IsNullOrWhiteSpace(extra.Name))
            {
                problems.WithError(code, AgreementErrorCodes.NameRequired, code);
            }

            if (extra.MaxPoints <= 0)
            {
                problems.WithError(code, AgreementErrorCodes.MaxPointsNotPositive, extra.MaxPoints);
            }

            var previous = current.Lines.FirstOrDefault(l => l.IsExtra && l.Code == code);
            lines.Add(new AgreementLine
            {
                Code = code,
                Name = extra.Name.Trim(),
                MaxPoints = extra.MaxPoints,
                Target = extra.Target,
                Note = Clean(extra.Note),
                IsExtra = true,
                AssignedUnitId = previous?.AssignedUnitId,
            });
        }

        var taskCodes = new HashSet<string>(StringComparer.Ordinal);
        var tasks = new List<AgreementKeyTask>();
        foreach (var task in input.KeyTasks)
        {
            var code = task.Code.Trim();
            if (code.Length == 0)
            {
                problems.WithError("keyTasks", AgreementErrorCodes.CodeRequired);
                continue;
            }

            if (!taskCodes.Add(code))
            {
                problems.WithError(code, AgreementErrorCodes.DuplicateCode, code);
            }

            if (string.IsNullOrWhiteSpace(task.Task))
            {
                problems.WithError(code, AgreementErrorCodes.NameRequired, code);
            }

            tasks.Add(new AgreementKeyTask
            {
                Code = code,
                Area = task.Area.Trim(),
                Task = task.Task.Trim(),
                ResponsibleUnit = Clean(task.ResponsibleUnit),
                ResponsibleUnitId = task.ResponsibleUnitId,
                DueDate = task.DueDate?.Date,
                Milestones = task.Milestones.Where(m => !string.IsNullOrWhiteSpace(m.Title))
                    .Select(m => new KeyTaskMilestone { Title = m.Title.Trim(), DueDate = m.DueDate?.Date }).ToList(),
                AssignedUnitId = current.KeyTasks.FirstOrDefault(t => t.Code == code)?.AssignedUnitId,
            });
        }

        if (problems.Errors.Count > 0)
        {
            throw problems;
        }

        return new AgreementContent
        {
            Lines = lines,
            KeyTasks = tasks,
            Duties = CleanList(input.Duties),
            Prohibitions = CleanList(input.Prohibitions),
            Rules = CleanList(input.Rules),
        };
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static List<string> CleanList(IEnumerable<string> items) => items.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).ToList();
}
