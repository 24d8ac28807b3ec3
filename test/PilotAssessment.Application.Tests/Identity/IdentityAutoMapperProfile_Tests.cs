using Shouldly;
using Xunit;

namespace PilotAssessment.Identity;

public sealed class IdentityAutoMapperProfile_Tests
{
    [Fact]
    public void Should_Map_A_Users_Lockout_End_As_Utc_And_Leave_The_Roles_To_The_Service()
    {
        var user = new AppUser(null, "zhangsan")
        {
            Name = "张三",
            Email = "zhangsan@example.org",
            IsActive = false,
            LockoutEnd = new DateTimeOffset(2026, 3, 1, 8, 30, 0, TimeSpan.FromHours(8)),
        };

        var dto = ApplicationMapper.Mapper.Map<UserDto>(user);

        dto.Id.ShouldBe(user.Id);
        dto.UserName.ShouldBe("zhangsan");
        dto.Name.ShouldBe("张三");
        dto.IsActive.ShouldBeFalse();
        dto.LockoutEnd.ShouldBe(new DateTime(2026, 3, 1, 0, 30, 0, DateTimeKind.Utc));
        dto.LockoutEnd!.Value.Kind.ShouldBe(DateTimeKind.Utc);
        dto.RoleNames.ShouldBeEmpty();
        dto.ConcurrencyStamp.ShouldBe(user.ConcurrencyStamp);
    }

    [Fact]
    public void Should_Map_A_User_Never_Locked_Out_Without_A_Lockout_End()
    {
        ApplicationMapper.Mapper.Map<UserDto>(new AppUser(null, "lisi")).LockoutEnd.ShouldBeNull();
    }

    [Fact]
    public void Should_Map_A_Role_With_Its_Name_As_Display_Name_Until_The_Service_Localizes_A_Static_One()
    {
        var role = new AppRole(null, "reviewer", isStatic: true);

        var dto = ApplicationMapper.Mapper.Map<RoleDto>(role);

        dto.Id.ShouldBe(role.Id);
        dto.Name.ShouldBe("reviewer");
        dto.DisplayName.ShouldBe("reviewer");
        dto.IsStatic.ShouldBeTrue();
    }
}
