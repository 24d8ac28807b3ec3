using PilotAssessment.ExceptionHandling;
using Shouldly;
using Xunit;

namespace PilotAssessment.Agreements;

public class AgreementTests
{
    private static readonly DateTime Now = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    public static TheoryData<AgreementStatus, string> EveryStatusAndAction()
    {
        var data = new TheoryData<AgreementStatus, string>();
        foreach (var status in Enum.GetValues<AgreementStatus>())
        {
            foreach (var action in Actions.Keys)
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    // The only legal moves; every other pair of status and action is refused.
    private static readonly Dictionary<(AgreementStatus, string), AgreementStatus> Legal = new()
    {
        [(AgreementStatus.Draft, "issue")] = AgreementStatus.Issued,
        [(AgreementStatus.Issued, "sign")] = AgreementStatus.Signed,
        [(AgreementStatus.Signed, "in-force")] = AgreementStatus.InForce,
        [(AgreementStatus.InForce, "close")] = AgreementStatus.Closed,
        [(AgreementStatus.Signed, "supersede")] = AgreementStatus.Superseded,
        [(AgreementStatus.InForce, "supersede")] = AgreementStatus.Superseded,
    };

    private static readonly Dictionary<string, Action<Agreement>> Actions = new()
    {
        ["issue"] = a => a.Issue(Now),
        ["sign"] = a => a.Sign(Guid.NewGuid(), "张明", Now),
        ["in-force"] = a => a.PutInForce(Now),
        ["close"] = a => a.Close(Now),
        ["supersede"] = a => a.Supersede(Now),
        ["amend"] = a => a.Amend(Guid.NewGuid()),
        ["edit"] = a => a.UpdateContent(new AgreementContent()),
    };

    [Theory]
    [MemberData(nameof(EveryStatusAndAction))]
    public void Should_Allow_Only_The_Legal_Transitions(AgreementStatus status, string action)
    {
        var agreement = In(status);

        if (Legal.TryGetValue((status, action), out var next))
        {
            Actions[action](agreement);
            agreement.Status.ShouldBe(next);
        }
        else if ((action == "amend" && status is AgreementStatus.Signed or AgreementStatus.InForce)
                 || (action == "edit" && status == AgreementStatus.Draft))
        {
            Actions[action](agreement);
            agreement.Status.ShouldBe(status);
        }
        else
        {
            var refused = Should.Throw<BusinessException>(() => Actions[action](agreement));
            refused.Code.ShouldBeOneOf(AgreementErrorCodes.IllegalTransition, AgreementErrorCodes.NotEditable);
            agreement.Status.ShouldBe(status);
        }
    }

    [Fact]
    public void Should_Amend_As_The_Next_Version_Of_The_Same_Series_Keeping_The_Signed_One()
    {
        var signed = In(AgreementStatus.Signed);
        signed.TenantId = Guid.NewGuid();

        var amended = signed.Amend(Guid.NewGuid());

        amended.Version.ShouldBe(2);
        amended.SeriesId.ShouldBe(signed.Id);
        amended.PreviousVersionId.ShouldBe(signed.Id);
        amended.TenantId.ShouldBe(signed.TenantId);
        amended.Status.ShouldBe(AgreementStatus.Draft);
        amended.Content.ShouldBeSameAs(signed.Content);
        signed.Status.ShouldBe(AgreementStatus.Signed);
        signed.SignedByName.ShouldBe("张明");
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "application/pdf")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, "image/png")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE1 }, "image/jpeg")]
    public void Should_Detect_Allowed_Files_By_Their_First_Bytes(byte[] bytes, string contentType) =>
        AttachmentFileType.Validate(bytes, bytes.Length).ShouldBe(contentType);

    [Theory]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61 })] // GIF
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04 })] // ZIP / DOCX
    [InlineData(new byte[] { 0x25, 0x50, 0x44 })] // a truncated PDF header
    public void Should_Refuse_Other_Files(byte[] bytes) =>
        Should.Throw<BusinessException>(() => AttachmentFileType.Validate(bytes, bytes.Length)).Code.ShouldBe(AgreementErrorCodes.FileTypeNotAllowed);

    [Fact]
    public void Should_Refuse_Empty_And_Oversized_Files()
    {
        Should.Throw<BusinessException>(() => AttachmentFileType.Validate([], 0)).Code.ShouldBe(AgreementErrorCodes.FileEmpty);
        Should.Throw<BusinessException>(() => AttachmentFileType.Validate("%PDF-"u8, AgreementConsts.MaxAttachmentBytes + 1))
            .Code.ShouldBe(AgreementErrorCodes.FileTooLarge);
        AttachmentFileType.Validate("%PDF-"u8, AgreementConsts.MaxAttachmentBytes).ShouldBe("application/pdf");
    }

    private static Agreement In(AgreementStatus status)
    {
        var agreement = new Agreement(Guid.NewGuid(), "2026年度兰州市目标责任书", 2026, Guid.NewGuid(), new AgreementContent());
        var path = status switch
        {
            AgreementStatus.Draft => [],
            AgreementStatus.Issued => ["issue"],
            AgreementStatus.Signed => ["issue", "sign"],
            AgreementStatus.InForce => ["issue", "sign", "in-force"],
            AgreementStatus.Closed => ["issue", "sign", "in-force", "close"],
            AgreementStatus.Superseded => new[] { "issue", "sign", "in-force", "supersede" },
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
        foreach (var step in path)
        {
            Actions[step](agreement);
        }

        agreement.Status.ShouldBe(status);
        return agreement;
    }
}
