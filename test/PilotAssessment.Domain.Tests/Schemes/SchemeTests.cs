using PilotAssessment.ExceptionHandling;
using PilotAssessment.Schemes.Rules;
using PilotAssessment.Schemes.Validation;
using Shouldly;
using Xunit;
using static PilotAssessment.Schemes.TestSchemes;

namespace PilotAssessment.Schemes;

public class SchemeTests
{
    private static readonly DateTime Now = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    private static SchemeDefinition Valid() => With(Indicator("T01", 3, new ThresholdBandsRule { Bands = [new(95, 3)] }));

    private static Scheme Draft() => new(Guid.NewGuid(), "2026年度考评细则", 2026, 100, Valid());

    [Fact]
    public void Should_start_as_a_first_draft()
    {
        var scheme = Draft();
        scheme.Status.ShouldBe(SchemeStatus.Draft);
        scheme.Version.ShouldBe(1);
        scheme.PublishedTime.ShouldBeNull();
    }

    [Fact]
    public void Should_publish_a_valid_draft_and_then_refuse_changes()
    {
        var scheme = Draft();
        scheme.Publish(new SchemeValidator(), Now);
        scheme.Status.ShouldBe(SchemeStatus.Published);
        scheme.PublishedTime.ShouldBe(Now);

        Should.Throw<BusinessException>(() => scheme.UpdateDefinition(Valid())).Code.ShouldBe(SchemeErrorCodes.NotDraft);
        Should.Throw<BusinessException>(() => scheme.UpdateHeader("x", 2026, 100)).Code.ShouldBe(SchemeErrorCodes.NotDraft);
        Should.Throw<BusinessException>(() => scheme.Publish(new SchemeValidator(), Now)).Code.ShouldBe(SchemeErrorCodes.CannotPublish);
    }

    [Fact]
    public void Should_refuse_to_publish_with_every_problem_keyed_by_code()
    {
        var scheme = Draft();
        scheme.UpdateDefinition(With(
            Indicator("T01", 3, new ThresholdBandsRule { Bands = [new(85, 2), new(95, 3)] }),
            Indicator("T02", 3, new PerOccurrenceDeductionRule())));
        var exception = Should.Throw<SchemeInvalidException>(() => scheme.Publish(new SchemeValidator(), Now));
        exception.Code.ShouldBe(SchemeErrorCodes.Invalid);
        exception.Errors.Keys.ShouldBe(["T01", "T02"], ignoreOrder: true);
        exception.Errors["T01"].ShouldContain(e => e.Code == "Scheme:BandsNotOrdered" && e.Arguments.Select(a => $"{a}").SequenceEqual(new[] { "bands", "1" }));
        exception.Errors["T02"].ShouldContain(e => e.Code == "Scheme:ParameterMissing" && e.Arguments.Select(a => $"{a}").SequenceEqual(new[] { "per" }));
        exception.Problems.Count.ShouldBe((int)exception.Arguments[0]!);
        scheme.Status.ShouldBe(SchemeStatus.Draft);
    }

    [Fact]
    public void Should_archive_only_a_published_scheme()
    {
        var scheme = Draft();
        Should.Throw<BusinessException>(() => scheme.Archive(Now)).Code.ShouldBe(SchemeErrorCodes.CannotArchive);
        scheme.Publish(new SchemeValidator(), Now);
        scheme.Archive(Now.AddYears(1));
        scheme.Status.ShouldBe(SchemeStatus.Archived);
        Should.Throw<BusinessException>(() => scheme.Archive(Now)).Code.ShouldBe(SchemeErrorCodes.CannotArchive);
        Should.Throw<BusinessException>(() => scheme.Publish(new SchemeValidator(), Now)).Code.ShouldBe(SchemeErrorCodes.CannotPublish);
    }

    [Fact]
    public void Should_copy_a_published_scheme_as_the_next_draft_version()
    {
        var scheme = Draft();
        scheme.Publish(new SchemeValidator(), Now);
        var id = Guid.NewGuid();
        var copy = scheme.CopyAsNewDraft(id);
        copy.Id.ShouldBe(id);
        copy.Version.ShouldBe(2);
        copy.Status.ShouldBe(SchemeStatus.Draft);
        copy.Definition.ShouldBe(scheme.Definition);
        copy.PublishedTime.ShouldBeNull();
        copy.UpdateDefinition(Valid());
        scheme.Status.ShouldBe(SchemeStatus.Published);
    }

    [Theory]
    [InlineData("", 2026, 100, SchemeErrorCodes.NameRequired)]
    [InlineData("方案", 1999, 100, SchemeErrorCodes.InvalidYear)]
    [InlineData("方案", 2026, 50, SchemeErrorCodes.InvalidScale)]
    public void Should_refuse_an_invalid_header(string name, int year, int scale, string code)
    {
        Should.Throw<BusinessException>(() => new Scheme(Guid.NewGuid(), name, year, scale)).Code.ShouldBe(code);
    }
}
