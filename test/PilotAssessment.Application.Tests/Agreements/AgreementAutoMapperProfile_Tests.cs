using AutoMapper.QueryableExtensions;
using Shouldly;
using Xunit;

namespace PilotAssessment.Agreements;

public sealed class AgreementAutoMapperProfile_Tests
{
    [Fact]
    public void Should_Project_The_Header_Of_An_Agreement_With_Its_City_And_Status_Name_And_No_Content()
    {
        var cityId = Guid.NewGuid();
        var agreement = new Agreement(Guid.NewGuid(), "2026年度目标责任书", 2026, Guid.NewGuid(), new AgreementContent { Duties = ["守土有责"] })
        {
            TenantId = cityId,
        };

        var dto = new[] { agreement }.AsQueryable().ProjectTo<AgreementDto>(ApplicationMapper.Mapper.ConfigurationProvider).Single();

        dto.Id.ShouldBe(agreement.Id);
        dto.CityId.ShouldBe(cityId);
        dto.CityName.ShouldBeNull();
        dto.Title.ShouldBe("2026年度目标责任书");
        dto.Status.ShouldBe(nameof(AgreementStatus.Draft));
        dto.Version.ShouldBe(agreement.Version);
        dto.Duties.ShouldBeEmpty();
        dto.Lines.ShouldBeEmpty();
    }
}
