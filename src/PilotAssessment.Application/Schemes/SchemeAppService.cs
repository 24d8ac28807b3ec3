using System.Text;
using Microsoft.Extensions.Localization;
using PilotAssessment.Dtos;
using PilotAssessment.Localization;
using PilotAssessment.Schemes.Excel;
using PilotAssessment.Schemes.Json;
using PilotAssessment.Schemes.Scoring;
using PilotAssessment.Schemes.Validation;
using PilotAssessment.Users;

namespace PilotAssessment.Schemes;

/// <summary>
/// Schemes belong to the province. Provincial officials manage drafts and publish; auditors and cities read
/// published (and archived) schemes only: a draft's id answers 404 to them.
/// </summary>
[RequiresPermission(PilotAssessmentPermissions.Schemes.Default)]
public sealed partial class SchemeAppService(
    ApplicationServiceContext context,
    IRepository<Scheme> schemes,
    IPermissionChecker permissionChecker,
    ScoringEngine engine,
    IMapper mapper) : PilotAssessmentAppService(context), ISchemeAppService
{
    private static readonly SchemeValidator Validator = new();

    private bool? _seesDrafts;

    public async Task<PagedResultDto<SchemeDto>> GetListAsync(GetSchemesInput input)
    {
        var query = await VisibleAsync();
        if (!string.IsNullOrWhiteSpace(input.Filter))
        {
            query = query.Where(s => s.Name.Contains(input.Filter));
        }

        if (Enum.TryParse<SchemeStatus>(input.Status, ignoreCase: true, out var status))
        {
            query = query.Where(s => s.Status == status);
        }

        if (input.Year is not null)
        {
            query = query.Where(s => s.Year == input.Year);
        }

        var total = await schemes.CountAsync(query);
        // Mapped, not projected: the indicator count is read from the definition, a JSON column the database cannot count in.
        var page = await schemes.ToListAsync(query.OrderByDescending(s => s.Year).ThenBy(s => s.Name).ThenByDescending(s => s.Version)
            .Skip(input.SkipCount).Take(input.MaxResultCount));
        return new PagedResultDto<SchemeDto>(total, mapper.Map<List<SchemeDto>>(page));
    }

    public async Task<SchemeDto> GetAsync(Guid id)
    {
        var scheme = await GetVisibleAsync(id);
        return Detail(scheme, Problems(scheme));
    }

    [RequiresPermission(PilotAssessmentPermissions.Schemes.Manage)]
    public async Task<SchemeDto> CreateAsync(CreateSchemeInput input)
    {
        var scheme = new Scheme(SequentialGuid.Next(), input.Name, input.Year, input.Scale);
        if (SchemeMapping.ToDefinition(input.Definition) is { } definition)
        {
            scheme.UpdateDefinition(definition);
        }

        await schemes.InsertAsync(scheme);
        return Detail(scheme, Problems(scheme));
    }

    [RequiresPermission(PilotAssessmentPermissions.Schemes.Manage)]
    public async Task<SchemeDto> UpdateAsync(Guid id, UpdateSchemeInput input)
    {
        var scheme = await schemes.GetAsync(id);
        scheme.ConcurrencyStamp = input.ConcurrencyStamp;
        scheme.UpdateHeader(input.Name, input.Year, input.Scale);
        if (SchemeMapping.ToDefinition(input.Definition) is { } definition)
        {
            scheme.UpdateDefinition(definition);
        }

        await schemes.UpdateAsync(scheme);
        return Detail(scheme, Problems(scheme));
    }

    [RequiresPermission(PilotAssessmentPermissions.Schemes.Manage)]
    public async Task DeleteAsync(Guid id)
    {
        var scheme = await schemes.GetAsync(id);
        if (scheme.Status != SchemeStatus.Draft)
        {
            throw new BusinessException(SchemeErrorCodes.NotDraft, scheme.Status);
        }

        await schemes.DeleteAsync(scheme);
    }

    [RequiresPermission(PilotAssessmentPermissions.Schemes.Publish)]
    public async Task<SchemeDto> PublishAsync(Guid id)
    {
        var scheme = await schemes.GetAsync(id);
        try
        {
            scheme.Publish(Validator, Now);
        }
        catch (SchemeInvalidException invalid)
        {
            throw LocalizedProblems(invalid.Problems);
        }

        await schemes.UpdateAsync(scheme);
        return Detail(scheme, []);
    }

    [RequiresPermission(PilotAssessmentPermissions.Schemes.Publish)]
    public async Task<SchemeDto> ArchiveAsync(Guid id)
    {
        var scheme = await schemes.GetAsync(id);
        scheme.Archive(Now);
        await schemes.UpdateAsync(scheme);
        return mapper.Map<SchemeDto>(scheme);
    }

    [RequiresPermission(PilotAssessmentPermissions.Schemes.Manage)]
    public async Task<SchemeDto> CopyAsNewDraftAsync(Guid id)
    {
        var source = await schemes.GetAsync(id);
        var copy = source.CopyAsNewDraft(SequentialGuid.Next());
        await schemes.InsertAsync(copy);
        return Detail(copy, Problems(copy));
    }

    public async Task<FileDto> ExportJsonAsync(Guid id)
    {
        var scheme = await GetVisibleAsync(id);
        var json = SchemeJsonSerializer.Serialize(scheme);
        return new FileDto(FileNameOf(scheme, "json"), "application/json", Encoding.UTF8.GetBytes(json));
    }

    [RequiresPermission(PilotAssessmentPermissions.Schemes.Manage)]
    public async Task<SchemeDto> ImportJsonAsync(Stream content)
    {
        using var reader = new StreamReader(content, Encoding.UTF8);
        var json = await reader.ReadToEndAsync();
        if (!SchemeJsonSerializer.TryDeserialize(json, out var document, out var errors))
        {
            throw new SchemeJsonException(errors);
        }

        var scheme = new Scheme(SequentialGuid.Next(), document!.Name, document.Year, document.Scale, document.Definition);
        await schemes.InsertAsync(scheme);
        return Detail(scheme, Problems(scheme));
    }

    public async Task<FileDto> ExportExcelAsync(Guid id)
    {
        var scheme = await GetVisibleAsync(id);
        var content = SchemeExcelWriter.Write(SchemeDocument.Of(scheme));
        return new FileDto(FileNameOf(scheme, "xlsx"), SchemeExcelWriter.ContentType, content);
    }

    [RequiresPermission(PilotAssessmentPermissions.Schemes.Manage)]
    public async Task<SchemeDto> ImportExcelAsync(Stream content)
    {
        // The package reader needs a seekable stream; uploads are size-limited by the controller.
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer);
        buffer.Position = 0;
        var document = SchemeExcelReader.Read(buffer);

        var scheme = new Scheme(SequentialGuid.Next(), document.Name, document.Year, document.Scale, document.Definition);
        await schemes.InsertAsync(scheme);
        return Detail(scheme, Problems(scheme));
    }

    public async Task<ScoreSheetDto> PreviewAsync(PreviewScoreInput input)
    {
        SchemeDefinition definition;
        if (input.SchemeId is { } schemeId)
        {
            definition = (await GetVisibleAsync(schemeId)).Definition;
        }
        else
        {
            definition = SchemeMapping.ToDefinition(input.Definition) ?? new SchemeDefinition();
            var problems = Validator.Validate(definition, input.Scale);
            if (problems.Count > 0)
            {
                throw LocalizedProblems(problems);
            }
        }

        var sheet = engine.Score(definition, input.Values.ToDomain(), input.Reference.ToDomain(), input.TargetOverrides);
        return mapper.Map<ScoreSheetDto>(sheet);
    }

    public static string FileNameOf(Scheme scheme, string extension) => $"{scheme.Name}-{scheme.Year}-v{scheme.Version}.{extension}";

    // Drafts are for those who write schemes: provincial users holding Schemes.Manage, outside any city.
    // Auditors, cities and a host user acting inside a city see published and archived schemes only.
    private async Task<bool> SeesDraftsAsync() =>
        _seesDrafts ??= CurrentUser.TenantId is null && CurrentTenant.Id is null
            && await permissionChecker.IsGrantedAsync(PilotAssessmentPermissions.Schemes.Manage);

    private async Task<IQueryable<Scheme>> VisibleAsync() =>
        await SeesDraftsAsync() ? schemes.Query() : schemes.Query().Where(s => s.Status != SchemeStatus.Draft);

    private async Task<Scheme> GetVisibleAsync(Guid id)
    {
        var scheme = await schemes.GetAsync(id);
        return scheme.Status != SchemeStatus.Draft || await SeesDraftsAsync() ? scheme : throw new EntityNotFoundException(typeof(Scheme), id);
    }

    private SchemeDto Detail(Scheme scheme, IReadOnlyList<SchemeProblemDto> problems) =>
        mapper.Map<SchemeDto>(scheme) with
        {
            Definition = SchemeMapping.ToJson(scheme.Definition),
            Problems = problems,
            RuleTexts = SchemeMapping.RuleTexts(scheme.Definition),
        };

    private IReadOnlyList<SchemeProblemDto> Problems(Scheme scheme) =>
        scheme.Status == SchemeStatus.Draft ? Validator.Validate(scheme.Definition, scheme.Scale).Localize(L) : [];

    private BusinessException LocalizedProblems(IReadOnlyList<SchemeProblem> problems)
    {
        var exception = new BusinessException(SchemeErrorCodes.Invalid, problems.Count);
        foreach (var problem in problems.Localize(L))
        {
            exception.WithError(problem.Target, problem.Message);
        }

        return exception;
    }
}
