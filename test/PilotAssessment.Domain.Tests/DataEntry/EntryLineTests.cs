using Shouldly;
using Xunit;

namespace PilotAssessment.DataEntry;

public class EntryLineTests
{
    private static readonly DateTime Now = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly Guid Clerk = Guid.NewGuid();

    [Fact]
    public void Should_Write_The_First_Revision_Of_A_New_Line_Even_When_Empty()
    {
        var line = new EntryLine(Guid.NewGuid(), Guid.NewGuid(), "B04");

        var revision = line.ChangeValue(new EntryValue(), null, Clerk, Now);

        revision.ShouldNotBeNull();
        revision.EntryLineId.ShouldBe(line.Id);
        revision.Revision.ShouldBe(1);
        revision.OldValueJson.ShouldBeNull();
        revision.NewValueJson.ShouldBe(new EntryValue().ToJson());
        line.ReportedByUserId.ShouldBe(Clerk);
        line.ReportedTime.ShouldBe(Now);
    }

    [Fact]
    public void Should_Number_Each_Revision_After_The_Line_Own_Counter()
    {
        var line = new EntryLine(Guid.NewGuid(), Guid.NewGuid(), "B04");

        line.ChangeValue(new EntryValue { Number = 80 }, null, Clerk, Now)!.Revision.ShouldBe(1);
        line.ChangeValue(new EntryValue { Number = 81 }, null, Clerk, Now)!.Revision.ShouldBe(2);
        line.ChangeValue(new EntryValue { Number = 81 }, null, Clerk, Now).ShouldBeNull();
        line.Revision.ShouldBe(2);
        line.AdjustmentRevision().Revision.ShouldBe(3);
        line.ChangeValue(new EntryValue { Number = 82 }, null, Clerk, Now)!.Revision.ShouldBe(4);
        line.Revision.ShouldBe(4);
    }

    [Fact]
    public void Should_Record_The_Old_And_New_Value_And_Note()
    {
        var line = new EntryLine(Guid.NewGuid(), Guid.NewGuid(), "B04");
        line.ChangeValue(new EntryValue { Number = 80 }, "初报", Clerk, Now);

        var revision = line.ChangeValue(new EntryValue { Number = 85 }, "核对后", Clerk, Now.AddMinutes(5));

        revision.ShouldNotBeNull();
        revision.Revision.ShouldBe(2);
        EntryValue.FromJson(revision.OldValueJson).Number.ShouldBe(80m);
        EntryValue.FromJson(revision.NewValueJson).Number.ShouldBe(85m);
        revision.OldNote.ShouldBe("初报");
        revision.NewNote.ShouldBe("核对后");
        line.Value.Number.ShouldBe(85m);
        line.Note.ShouldBe("核对后");
        line.ReportedTime.ShouldBe(Now.AddMinutes(5));
    }

    [Fact]
    public void Should_Write_A_Revision_When_Only_The_Note_Changes_And_None_When_Nothing_Does()
    {
        var line = new EntryLine(Guid.NewGuid(), Guid.NewGuid(), "B04");
        line.ChangeValue(new EntryValue { Number = 80 }, null, Clerk, Now);

        var noteOnly = line.ChangeValue(new EntryValue { Number = 80 }, "说明", Clerk, Now);
        var same = line.ChangeValue(new EntryValue { Number = 80 }, "说明", Clerk, Now);

        noteOnly.ShouldNotBeNull();
        noteOnly.OldValueJson.ShouldBe(noteOnly.NewValueJson);
        noteOnly.NewNote.ShouldBe("说明");
        same.ShouldBeNull();
    }

    [Fact]
    public void Should_Not_Treat_A_Generated_Line_Without_History_As_New()
    {
        var line = new EntryLine(Guid.NewGuid(), Guid.NewGuid(), "B04");
        line.SetValue(new EntryValue { Number = 70 }, null, Now);

        line.ChangeValue(new EntryValue { Number = 70 }, null, Clerk, Now).ShouldBeNull();
        var changed = line.ChangeValue(new EntryValue { Number = 75 }, null, Clerk, Now);

        changed.ShouldNotBeNull();
        changed.Revision.ShouldBe(1);
        EntryValue.FromJson(changed.OldValueJson).Number.ShouldBe(70m);
    }

    [Fact]
    public void Should_Give_The_Value_Of_The_Json_Stored_Now_After_Each_Change()
    {
        var line = new EntryLine(Guid.NewGuid(), Guid.NewGuid(), "K001");
        line.Value.Number.ShouldBeNull();

        line.ChangeValue(new EntryValue { Number = 80 }, null, Clerk, Now);
        line.Value.Number.ShouldBe(80);
        line.Value.ShouldBeSameAs(line.Value);

        line.ChangeValue(new EntryValue { Number = 81 }, null, Clerk, Now);
        line.Value.Number.ShouldBe(81);
    }
}
