using PilotAssessment.Files;
using PilotAssessment.OrganizationUnits;
using PilotAssessment.Tenants;

namespace PilotAssessment.Agreements;

/// <summary>
/// Key tasks at work: the city cascades lines and tasks to its units, units report progress (with an evidence file),
/// the province sees every city's tasks by status. The rules are the aggregate's (<see cref="Agreement.ReportProgress"/>,
/// <see cref="KeyTaskProgress.StatusOf"/>).
/// </summary>
[RequiresPermission(PilotAssessmentPermissions.Agreements.Default)]
internal sealed class KeyTaskProgressAppService(
    ApplicationServiceContext context,
    AgreementReader reader,
    IRepository<Agreement> agreements,
    IRepository<AgreementAttachment> attachments,
    IRepository<AgreementAttachmentContent> attachmentContents,
    IRepository<KeyTaskProgress> progress,
    IRepository<OrganizationUnit> units,
    IRepository<Tenant> tenants,
    IUnitOfWork unitOfWork,
    IMapper mapper) : PilotAssessmentAppService(context), IKeyTaskProgressAppService
{
    [RequiresPermission(PilotAssessmentPermissions.Agreements.Assign)]
    public async Task<AgreementDto> AssignUnitsAsync(Guid id, AssignUnitsInput input)
    {
        var agreement = await reader.GetVisibleAsync(id);
        using (reader.InCityOf(agreement))
        {
            foreach (var unitId in input.Lines.Concat(input.KeyTasks).Where(a => a.UnitId is not null).Select(a => a.UnitId!.Value).Distinct())
            {
                var unit = await units.FindAsync(unitId) ?? throw new EntityNotFoundException(typeof(OrganizationUnit), unitId);
                if (unit.IsClosed)
                {
                    throw new BusinessException(OrganizationUnitErrorCodes.Closed, unit.Name);
                }
            }

            agreement.AssignUnits(
                input.Lines.Select(a => new UnitAssignment(a.Code, a.UnitId)),
                input.KeyTasks.Select(a => new UnitAssignment(a.Code, a.UnitId)));
            await agreements.UpdateAsync(agreement);
        }

        return await reader.ToDetailAsync(agreement);
    }

    /// <summary>The report and its evidence file are written together, in one save: never a file without its report.</summary>
    [RequiresPermission(PilotAssessmentPermissions.Agreements.Report)]
    public async Task<KeyTaskProgressDto> ReportProgressAsync(Guid id, string taskCode, ReportProgressInput input, string? fileName, Stream? content, long length)
    {
        var agreement = await reader.GetVisibleAsync(id);
        var task = await reader.GetVisibleTaskAsync(agreement, taskCode);
        Guid? evidenceId = content is null ? null : SequentialGuid.Next();
        var report = agreement.ReportProgress(SequentialGuid.Next(), task.Code, input.Milestone, input.Percent, input.Note, evidenceId);
        var evidence = content is null
            ? default
            : AgreementAttachment.Create(evidenceId!.Value, agreement.Id, AgreementAttachmentKind.Evidence, fileName ?? "evidence", await UploadedFile.ReadAtMostAsync(content, AgreementConsts.MaxAttachmentBytes), length);
        using (reader.InCityOf(agreement))
        {
            if (evidence.Attachment is not null)
            {
                await attachments.InsertAsync(evidence.Attachment, autoSave: false);
                await attachmentContents.InsertAsync(evidence.Content, autoSave: false);
            }

            await progress.InsertAsync(report, autoSave: false);
            await unitOfWork.SaveChangesAsync();
        }

        return mapper.Map<KeyTaskProgressDto>(report);
    }

    public async Task<List<KeyTaskProgressDto>> GetProgressAsync(Guid id, string taskCode)
    {
        var agreement = await reader.GetVisibleAsync(id);
        await reader.GetVisibleTaskAsync(agreement, taskCode);
        var reports = (await reader.ReportsAsync(agreement)).Where(p => p.TaskCode == taskCode).OrderBy(p => p.CreationTime);
        return mapper.Map<List<KeyTaskProgressDto>>(reports);
    }

    /// <summary>The province's overview of a year: each city's agreement in force, its key tasks by status.</summary>
    public async Task<KeyTaskMatrixDto> GetKeyTaskMatrixAsync(int year)
    {
        if (!IsHost)
        {
            throw new ForbiddenException(AgreementErrorCodes.ProvinceOnly);
        }

        var cities = await tenants.ToListAsync(tenants.Query());
        List<Agreement> inForce;
        List<KeyTaskProgress> reports;
        using (ReadAcrossCities())
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
                    var percent = KeyTaskProgress.LatestPercent(reports, agreement.SeriesId, t.Code);
                    return new KeyTaskCellDto(t.Code, t.Task, t.DueDate, percent, KeyTaskProgress.StatusOf(t, percent, today).ToString());
                }).ToList();
            var counts = Enum.GetNames<KeyTaskStatus>().ToDictionary(s => s, s => cells.Count(c => c.Status == s));
            rows.Add(new CityKeyTasksDto(city.Id, city.DisplayName, agreement?.Id, agreement?.Version, cells, counts));
        }

        return new KeyTaskMatrixDto(year, rows);
    }
}
