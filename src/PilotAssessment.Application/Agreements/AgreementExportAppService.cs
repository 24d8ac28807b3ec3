using PilotAssessment.OrganizationUnits;
using PilotAssessment.Tenants;

namespace PilotAssessment.Agreements;

/// <summary>An agreement as others read it: the printable Word document, the changes between two versions; both only what the user may see.</summary>
[RequiresPermission(PilotAssessmentPermissions.Agreements.Default)]
internal sealed class AgreementExportAppService(
    ApplicationServiceContext context,
    AgreementReader reader,
    IRepository<Tenant> tenants,
    IRepository<OrganizationUnit> units) : PilotAssessmentAppService(context), IAgreementExportAppService
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public async Task<AgreementDiffDto> GetDiffAsync(Guid id, Guid otherId)
    {
        var from = await reader.GetVisibleAsync(id);
        var to = await reader.GetVisibleAsync(otherId);
        if (from.SeriesId != to.SeriesId)
        {
            throw new BusinessException(AgreementErrorCodes.NotSameAgreement);
        }

        return AgreementDiff.Compute(from, to, await reader.VisibleContentAsync(from), await reader.VisibleContentAsync(to));
    }

    public async Task<FileContentDto> ExportDocxAsync(Guid id)
    {
        var agreement = await reader.GetVisibleAsync(id);
        var city = await tenants.FindAsync(agreement.TenantId ?? Guid.Empty);
        Dictionary<Guid, string> unitNames;
        using (reader.InCityOf(agreement))
        {
            unitNames = (await units.ToListAsync(units.Query())).ToDictionary(u => u.Id, u => u.Name);
        }

        var bytes = AgreementDocxWriter.Write(agreement, city?.DisplayName ?? string.Empty, unitNames, await reader.VisibleContentAsync(agreement));
        return new FileContentDto(bytes, DocxContentType, $"{agreement.Title}-v{agreement.Version}.docx");
    }
}
