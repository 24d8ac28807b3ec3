using PilotAssessment.Identity;
using Shouldly;
using Xunit;

namespace PilotAssessment.OrganizationUnits;

public sealed class OrganizationUnitAutoMapperProfile_Tests
{
    [Fact]
    public void Should_Map_A_Closed_Unit_With_Its_Kind_And_Leave_Members_And_Children_To_The_Service()
    {
        var parentId = Guid.NewGuid();
        var unit = new OrganizationUnit(Guid.NewGuid(), "LZ-CG", "城关区", OrganizationUnitKind.District, parentId);
        unit.Close(new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc));

        var dto = ApplicationMapper.Mapper.Map<OrganizationUnitDto>(unit);

        dto.Id.ShouldBe(unit.Id);
        dto.Code.ShouldBe("LZ-CG");
        dto.Kind.ShouldBe(nameof(OrganizationUnitKind.District));
        dto.ParentId.ShouldBe(parentId);
        dto.IsClosed.ShouldBeTrue();
        dto.ClosedTime.ShouldBe(new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc));
        dto.MemberCount.ShouldBe(0);
        dto.Children.ShouldBeEmpty();
    }

    [Fact]
    public void Should_Project_An_Open_Unit_As_Not_Closed()
    {
        var unit = new OrganizationUnit(Guid.NewGuid(), "LZ", "政法委", OrganizationUnitKind.Department, null);

        var dto = AutoMapper.QueryableExtensions.Extensions.ProjectTo<OrganizationUnitDto>(new[] { unit }.AsQueryable(), ApplicationMapper.Mapper.ConfigurationProvider).Single();

        dto.IsClosed.ShouldBeFalse();
        dto.Kind.ShouldBe(nameof(OrganizationUnitKind.Department));
    }

    [Fact]
    public void Should_Map_A_Member_By_The_Users_Id()
    {
        var user = new AppUser(null, "wangwu") { Name = "王五" };

        ApplicationMapper.Mapper.Map<UnitMemberDto>(user).ShouldBe(new UnitMemberDto(user.Id, "wangwu", "王五"));
    }
}
