using PilotAssessment.Schemes;

namespace PilotAssessment.Files;

/// <summary>Any stored file (entry, appeal or problem evidence) to the download the host sends: name, type and bytes.</summary>
public sealed class FilesAutoMapperProfile : Profile
{
    public FilesAutoMapperProfile()
    {
        CreateMap<StoredFile, FileDto>().IncludeAllDerived();
    }
}
