using AutoMapper;
using AutoMapper.Internal;
using PilotAssessment.Account;
using PilotAssessment.ApplicationConfiguration;
using PilotAssessment.Auditing;
using PilotAssessment.Identity;
using PilotAssessment.OrganizationUnits;
using PilotAssessment.Periods;
using PilotAssessment.Schemes;
using PilotAssessment.Schemes.Scoring;
using PilotAssessment.Tenants;
using Shouldly;
using Xunit;

namespace PilotAssessment;

/// <summary>The object mapping of the whole application layer (docs/adr/0013).</summary>
public sealed class PilotAssessmentApplicationAutoMapper_Tests
{
    [Fact]
    public void Should_Have_A_Valid_Configuration_Every_Destination_Member_Mapped()
    {
        ApplicationMapper.Mapper.ConfigurationProvider.AssertConfigurationIsValid();
    }

    [Theory]
    [InlineData(typeof(Scheme), typeof(SchemeDto))]
    [InlineData(typeof(ScoreSheet), typeof(ScoreSheetDto))]
    [InlineData(typeof(AppUser), typeof(UserDto))]
    [InlineData(typeof(AppRole), typeof(RoleDto))]
    [InlineData(typeof(Tenant), typeof(TenantDto))]
    [InlineData(typeof(Tenant), typeof(TenantLookupDto))]
    [InlineData(typeof(Tenant), typeof(CurrentTenantDto))]
    [InlineData(typeof(OrganizationUnit), typeof(OrganizationUnitDto))]
    [InlineData(typeof(AppUser), typeof(UnitMemberDto))]
    [InlineData(typeof(AuditLog), typeof(AuditLogDto))]
    [InlineData(typeof(EntityChange), typeof(EntityChangeDto))]
    [InlineData(typeof(AssessmentPeriod), typeof(PeriodDto))]
    [InlineData(typeof(PeriodLockException), typeof(LockExceptionDto))]
    [InlineData(typeof(Notification), typeof(NotificationDto))]
    public void Should_Find_The_Map_Of_Each_Feature_By_Scanning_The_Application_Assembly(Type source, Type destination)
    {
        ApplicationMapper.Mapper.ConfigurationProvider.Internal().FindTypeMapFor(source, destination).ShouldNotBeNull();
    }

    [Fact]
    public void Should_Keep_Each_Profile_In_The_Folder_Of_Its_Feature()
    {
        var profiles = typeof(PilotAssessmentApplicationModule).Assembly.GetTypes().Where(t => typeof(Profile).IsAssignableFrom(t)).ToList();

        profiles.ShouldNotBeEmpty();
        foreach (var profile in profiles)
        {
            profile.Namespace.ShouldStartWith("PilotAssessment.", customMessage: profile.Name);
            profile.Name.ShouldEndWith("AutoMapperProfile");
        }
    }
}
