using PilotAssessment.DataEntry;
using PilotAssessment.Schemes;
using PilotAssessment.Schemes.Rules;
using PilotAssessment.Schemes.Validation;
using Shouldly;
using Xunit;

namespace PilotAssessment.Quality;

public class OutlierCheckTests
{
    // Median 120; absolute deviations 20, 10, 0, 10, 20 → MAD 10.
    private static readonly decimal[] History = [100m, 110m, 120m, 130m, 140m];

    private static IndicatorDefinition Banded(decimal? min = null, decimal? max = null) =>
        TestSchemes.Indicator("F01", 10, new ThresholdBandsRule { Bands = [new ScoreBand(90, 10)] }) with { Min = min, Max = max };

    [Fact]
    public void Should_Compute_The_Median_Of_An_Odd_And_An_Even_Count()
    {
        OutlierCheck.Median([3m, 1m, 2m]).ShouldBe(2m);
        OutlierCheck.Median([4m, 1m, 3m, 2m]).ShouldBe(2.5m);
    }

    [Fact]
    public void Should_Compute_The_Median_Absolute_Deviation()
    {
        OutlierCheck.Mad(History).ShouldBe(10m);
    }

    [Fact]
    public void Should_Give_The_Modified_Z_Score_Of_A_Known_Input()
    {
        // 0.6745 × (200 − 120) / 10 = 5.396
        OutlierCheck.ModifiedZ(200m, History).ShouldBe(5.40m);
        // 0.6745 × (90 − 120) / 10 = −2.0235
        OutlierCheck.ModifiedZ(90m, History).ShouldBe(-2.02m);
    }

    [Fact]
    public void Should_Flag_A_Value_Beyond_The_Threshold_And_Keep_What_It_Saw()
    {
        var detail = OutlierCheck.Check(Banded(), new EntryValue { Number = 200m }, History);

        detail.ShouldNotBeNull();
        detail.Flag.ShouldBe(QualityFlag.Outlier);
        detail.Median.ShouldBe(120m);
        detail.Mad.ShouldBe(10m);
        detail.ZScore.ShouldBe(5.40m);
        detail.HistoryCount.ShouldBe(5);
        QualityDetail.FromJson(detail.ToJson()).ShouldBe(detail);
    }

    [Fact]
    public void Should_Not_Flag_A_Value_Within_The_Threshold_On_Either_Side()
    {
        // 0.6745 × 51 / 10 = 3.44 and −3.44: just inside 3.5.
        OutlierCheck.Check(Banded(), new EntryValue { Number = 171m }, History)!.Flag.ShouldBe(QualityFlag.None);
        OutlierCheck.Check(Banded(), new EntryValue { Number = 69m }, History)!.Flag.ShouldBe(QualityFlag.None);
        OutlierCheck.Check(Banded(), new EntryValue { Number = 68m }, History)!.Flag.ShouldBe(QualityFlag.Outlier);
    }

    [Fact]
    public void Should_Check_Only_The_Bounds_With_Too_Little_History()
    {
        var detail = OutlierCheck.Check(Banded(), new EntryValue { Number = 10_000m }, [100m, 120m]);

        detail!.Flag.ShouldBe(QualityFlag.None);
        detail.ZScore.ShouldBeNull();
        detail.Median.ShouldBeNull();
        OutlierCheck.Check(Banded(max: 500m), new EntryValue { Number = 10_000m }, [100m, 120m])!.Flag.ShouldBe(QualityFlag.OutOfBounds);
    }

    [Fact]
    public void Should_Fall_Back_To_The_Bounds_When_The_Mad_Is_Zero()
    {
        decimal[] flat = [5m, 5m, 5m, 6m];

        OutlierCheck.Mad(flat).ShouldBe(0m);
        var detail = OutlierCheck.Check(Banded(), new EntryValue { Number = 1000m }, flat);
        detail!.Flag.ShouldBe(QualityFlag.None);
        detail.ZScore.ShouldBeNull();
        detail.Median.ShouldBe(5m);
        OutlierCheck.Check(Banded(min: 0m, max: 100m), new EntryValue { Number = 1000m }, flat)!.Flag.ShouldBe(QualityFlag.OutOfBounds);
    }

    [Fact]
    public void Should_Flag_A_Value_Outside_The_Bounds_Before_The_History()
    {
        var below = OutlierCheck.Check(Banded(min: 105m, max: 150m), new EntryValue { Number = 101m }, History)!;
        below.Flag.ShouldBe(QualityFlag.OutOfBounds);
        below.Min.ShouldBe(105m);
        OutlierCheck.Check(Banded(min: 105m, max: 150m), new EntryValue { Number = 151m }, History)!.Flag.ShouldBe(QualityFlag.OutOfBounds);
        OutlierCheck.Check(Banded(min: 105m, max: 150m), new EntryValue { Number = 150m }, History)!.Flag.ShouldBe(QualityFlag.None);
    }

    [Fact]
    public void Should_Check_The_Occurrences_Counted_For_A_Per_Occurrence_Rule()
    {
        var indicator = TestSchemes.Indicator("G03", 5, new PerOccurrenceDeductionRule { Per = 1m, Cap = 5m });
        var value = new EntryValue { Occurrences = [new EntryOccurrence { Count = 30 }, new EntryOccurrence { Type = "province", Count = 20 }] };

        OutlierCheck.CheckedNumber(indicator, value).ShouldBe(50m);
        OutlierCheck.Check(indicator, value, [1m, 2m, 3m, 2m])!.Flag.ShouldBe(QualityFlag.Outlier);
    }

    [Fact]
    public void Should_Not_Check_Grades_Checklists_Or_Ranks()
    {
        var graded = TestSchemes.Indicator("H01", 5, new QualitativeGradeRule { Grades = [new GradePercent { Grade = "优", Percent = 100 }] });
        var ranked = TestSchemes.Indicator("H02", 5, new RankBasedRule { Ranks = [new RankPoints { Rank = 1, Points = 5 }] });

        OutlierCheck.Check(graded, new EntryValue { Grade = "优" }, History).ShouldBeNull();
        OutlierCheck.Check(ranked, new EntryValue { Number = 900m }, History).ShouldBeNull();
        OutlierCheck.Check(Banded(), new EntryValue(), History).ShouldBeNull();
    }

    [Fact]
    public void Should_Refuse_A_Minimum_Above_The_Maximum_In_The_Scheme()
    {
        var problems = new SchemeValidator().Validate(TestSchemes.With(Banded(min: 10m, max: 5m)), 100);

        problems.ShouldContain(p => p.Target == "F01" && p.Code == QualityErrorCodes.BoundsInverted);
        new SchemeValidator().Validate(TestSchemes.With(Banded(min: 5m, max: 5m)), 100).ShouldNotContain(p => p.Code == QualityErrorCodes.BoundsInverted);
    }
}
