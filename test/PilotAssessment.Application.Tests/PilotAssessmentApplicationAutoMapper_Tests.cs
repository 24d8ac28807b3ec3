using AutoMapper;
using AutoMapper.Internal;
using PilotAssessment.Account;
using PilotAssessment.Appeals;
using PilotAssessment.ApplicationConfiguration;
using PilotAssessment.Auditing;
using PilotAssessment.DataEntry;
using PilotAssessment.Files;
using PilotAssessment.Identity;
using PilotAssessment.OrganizationUnits;
using PilotAssessment.Periods;
using PilotAssessment.Reviews;
using PilotAssessment.Schemes;
using PilotAssessment.Schemes.Scoring;
using PilotAssessment.Supervision;
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
    [InlineData(typeof(CitySubmission), typeof(SubmissionDto))]
    [InlineData(typeof(Appeal), typeof(AppealDto))]
    [InlineData(typeof(AppealEvidence), typeof(AppealEvidenceDto))]
    [InlineData(typeof(PeriodPublicity), typeof(PublicityDto))]
    [InlineData(typeof(Problem), typeof(ProblemDto))]
    [InlineData(typeof(ProblemEvidence), typeof(ProblemEvidenceDto))]
    [InlineData(typeof(SupervisionRound), typeof(SupervisionRoundDto))]
    [InlineData(typeof(RoundVisit), typeof(RoundVisitDto))]
    [InlineData(typeof(StoredFile), typeof(FileDto))]
    [InlineData(typeof(EntryLineSource), typeof(EntryLineDto))]
    [InlineData(typeof(CityPeriodFacts), typeof(CityFactsDto))]
    [InlineData(typeof(Results.MonitoringSheet), typeof(Results.CityMonitoringDto))]
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

    [Fact]
    public void Should_Map_Every_Kind_Of_Stored_File_To_Its_Download()
    {
        StoredFile[] files =
        [
            new EvidenceFile(Guid.NewGuid(), Guid.NewGuid(), "台账.pdf", "application/pdf", [1, 2]),
            new AppealEvidence(Guid.NewGuid(), Guid.NewGuid(), "申诉.png", "image/png", [3]),
            new ProblemEvidence(Guid.NewGuid(), Guid.NewGuid(), ProblemEvidenceStage.Finding, "问题.jpg", "image/jpeg", [4, 5, 6]),
        ];

        foreach (var file in files)
        {
            var download = ApplicationMapper.Mapper.Map<FileDto>(file);
            download.FileName.ShouldBe(file.FileName);
            download.ContentType.ShouldBe(file.ContentType);
            download.Content.ShouldBe(file.Content);
        }
    }

    [Fact]
    public void Should_Map_A_Submission_With_Its_State_By_Name_And_The_Round_With_Its_Visits_And_Members()
    {
        var submission = new CitySubmission(Guid.NewGuid(), Guid.NewGuid()) { TenantId = Guid.NewGuid(), SelfTotal = 88.5m };
        submission.Submit(null, new DateTime(2026, 11, 22, 14, 36, 0, DateTimeKind.Utc));

        var dto = ApplicationMapper.Mapper.Map<SubmissionDto>(submission);

        dto.CityId.ShouldBe(submission.TenantId!.Value);
        dto.PeriodId.ShouldBe(submission.PeriodId);
        dto.Status.ShouldBe("Submitted");
        dto.SelfTotal.ShouldBe(88.5m);
        dto.SubmittedTime.ShouldBe(submission.SubmittedTime);

        var city = Guid.NewGuid();
        var unit = Guid.NewGuid();
        var member = Guid.NewGuid();
        var round = new SupervisionRound(Guid.NewGuid(), "第一轮", "2026年", new DateTime(2026, 6, 1), new DateTime(2026, 6, 30))
        {
            Visits = [new RoundVisit { CityId = city, UnitIds = [unit] }],
            MemberUserIds = [member],
        };
        var roundDto = ApplicationMapper.Mapper.Map<SupervisionRoundDto>(round);
        roundDto.Visits.Single().CityId.ShouldBe(city);
        roundDto.Visits.Single().UnitIds.ShouldBe([unit]);
        roundDto.Members.Single().UserId.ShouldBe(member);
    }
}
