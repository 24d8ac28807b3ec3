using PilotAssessment.Tenants;
using Shouldly;
using Xunit;

namespace PilotAssessment.ApplicationConfiguration;

public sealed class ApplicationConfigurationAutoMapperProfile_Tests
{
    [Fact]
    public void Should_Map_A_Deactivated_City_As_Named_But_Not_Available()
    {
        var city = new Tenant(Guid.NewGuid(), "lanzhou", "兰州市");
        city.Deactivate();

        ApplicationMapper.Mapper.Map<CurrentTenantDto>(city).ShouldBe(new CurrentTenantDto(city.Id, "lanzhou", "兰州市", false));
    }

    [Fact]
    public void Should_Map_An_Active_City_As_Available()
    {
        var city = new Tenant(Guid.NewGuid(), "tianshui", "天水市");

        ApplicationMapper.Mapper.Map<CurrentTenantDto>(city).IsAvailable.ShouldBeTrue();
    }
}
