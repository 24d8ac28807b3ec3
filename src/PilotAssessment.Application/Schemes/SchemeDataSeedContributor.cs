using PilotAssessment.Schemes.SampleData;
using PilotAssessment.Schemes.Validation;
using PilotAssessment.Seeding;

namespace PilotAssessment.Schemes;

/// <summary>With demo data: the sample 100-point scheme, published.</summary>
public sealed class SchemeDataSeedContributor(IRepository<Scheme> schemes, TimeProvider clock) : IDataSeedContributor
{
    public int Order => 20;

    public async Task SeedAsync(DataSeedContext context)
    {
        if (!context.IncludeDemoData || context.TenantId is not null)
        {
            return;
        }

        var sample = SampleSchemeLoader.Load();
        var exists = await schemes.AnyAsync(schemes.Query().Where(s => s.Name == sample.Name && s.Year == sample.Year));
        if (exists)
        {
            return;
        }

        var scheme = SampleSchemeLoader.CreateDraft(SequentialGuid.Next());
        scheme.Publish(new SchemeValidator(), clock.GetUtcNow().UtcDateTime);
        await schemes.InsertAsync(scheme);
    }
}
