using PilotAssessment.Excel;
using PilotAssessment.ExceptionHandling;
using PilotAssessment.Files;
using Shouldly;
using Xunit;

namespace PilotAssessment.DataEntry;

/// <summary>Hostile entry workbooks are refused with a clear reason, and reading them stops at the limits.</summary>
public class EntryXlsxLimits_Tests
{
    private static BusinessException Refused(byte[] xlsx, int maxRows = 30) =>
        Should.Throw<BusinessException>(() => EntryXlsx.Read(new MemoryStream(xlsx), maxRows));

    [Fact]
    public void Should_Refuse_A_Zip_Bomb_Without_Inflating_It()
    {
        var bomb = HostileWorkbooks.ZipBomb();
        bomb.Length.ShouldBeLessThan(2_000_000);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var refused = Refused(bomb);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        refused.Code.ShouldBe(DataEntryErrorCodes.XlsxTooLarge);
        refused.Errors["file"].ShouldHaveSingleItem().Code.ShouldBe(DataEntryErrorCodes.XlsxTooLarge);
        allocated.ShouldBeLessThan(50_000_000);
    }

    [Fact]
    public void Should_Stop_Reading_A_Part_At_The_Limit_Whatever_The_Zip_Says()
    {
        using var limited = new LimitedReadStream(new MemoryStream(new byte[3_000_000]), 1_000_000, () => new SafeXlsxException(SafeXlsxProblem.PartTooLarge));
        var buffer = new byte[64 * 1024];
        var read = 0L;
        var refused = Should.Throw<SafeXlsxException>(() =>
        {
            int n;
            while ((n = limited.Read(buffer, 0, buffer.Length)) > 0)
            {
                read += n;
            }
        });
        refused.Problem.ShouldBe(SafeXlsxProblem.PartTooLarge);
        read.ShouldBeLessThanOrEqualTo(1_000_000);
    }

    [Fact]
    public void Should_Refuse_Malformed_Sheet_Xml_As_Unreadable()
    {
        Refused(HostileWorkbooks.MalformedSheet()).Code.ShouldBe(DataEntryErrorCodes.XlsxUnreadable);
    }

    [Fact]
    public void Should_Refuse_A_Workbook_Without_A_Sheet()
    {
        Refused(HostileWorkbooks.NoSheet()).Code.ShouldBe(DataEntryErrorCodes.XlsxNoSheet);
    }

    [Fact]
    public void Should_Name_The_Cell_Of_An_Indicator_Entered_Twice()
    {
        var refused = Refused(HostileWorkbooks.Entry("B04", "I01", "B04"));
        refused.Code.ShouldBe(DataEntryErrorCodes.XlsxInvalid);
        refused.Errors["A4"].AsText().ShouldBe([$"{DataEntryErrorCodes.XlsxDuplicateIndicator}|B04|2"]);
    }

    [Fact]
    public void Should_Refuse_More_Rows_Than_The_Period_Has_Lines_And_Stop_There()
    {
        var refused = Refused(HostileWorkbooks.ManyRows(100_000), maxRows: 30);
        refused.Code.ShouldBe(DataEntryErrorCodes.XlsxTooManyRows);
        refused.Errors["file"].AsText().ShouldBe([$"{DataEntryErrorCodes.XlsxTooManyRows}|30"]);
    }

    [Fact]
    public void Should_Read_As_Many_Rows_As_The_Period_Has_Lines()
    {
        var rows = EntryXlsx.Read(new MemoryStream(HostileWorkbooks.Entry("B04", "I01", "F01")), maxRows: 3);
        rows.Select(r => (r.Row, r.Cells["A"])).ShouldBe([(2, "B04"), (3, "I01"), (4, "F01")]);
    }
}
