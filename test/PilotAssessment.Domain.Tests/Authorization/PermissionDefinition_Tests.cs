using PilotAssessment.Localization;
using PilotAssessment.MultiTenancy;
using PilotAssessment.Permissions;
using Shouldly;
using Xunit;

namespace PilotAssessment.Authorization;

public sealed class PermissionDefinition_Tests
{
    private readonly PermissionDefinitionManager _definitions = new([new PilotAssessmentPermissionDefinitionProvider()]);

    [Fact]
    public void Should_Never_Let_A_Child_Reach_A_Side_Its_Parent_Excludes()
    {
        foreach (var permission in _definitions.All.Where(p => p.Parent is not null))
        {
            (permission.Sides & ~permission.Parent!.Sides).ShouldBe((MultiTenancySides)0, permission.Name);
        }

        _definitions.Find(PilotAssessmentPermissions.Tenants.Create)!.Sides.ShouldBe(MultiTenancySides.Host);
        _definitions.Find(PilotAssessmentPermissions.Agreements.Sign)!.Sides.ShouldBe(MultiTenancySides.Tenant);
    }

    [Theory]
    [InlineData("zh-Hans")]
    [InlineData("en")]
    public void Should_Have_A_Display_Name_For_Every_Group_And_Permission(string culture)
    {
        var localizer = new JsonStringLocalizer(System.Globalization.CultureInfo.GetCultureInfo(culture));
        var keys = _definitions.Groups.Select(g => g.DisplayNameKey).Concat(_definitions.All.Select(p => p.DisplayNameKey));

        foreach (var key in keys)
        {
            localizer[key].ResourceNotFound.ShouldBeFalse(key);
        }
    }

    [Fact]
    public void Should_Have_The_Same_Keys_In_Every_Language()
    {
        var zh = JsonStringLocalizer.GetTexts("zh-Hans").Keys.ToHashSet();
        var en = JsonStringLocalizer.GetTexts("en").Keys.ToHashSet();

        zh.Except(en).ShouldBeEmpty();
        en.Except(zh).ShouldBeEmpty();
    }
}
