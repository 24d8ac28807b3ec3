namespace PilotAssessment.Results;

/// <summary>
/// The province average of one indicator of one period, stored as its sum and count so that a city's sheet reads one
/// row instead of every city's lines: over the cities whose sheet is submitted or approved (what a city sees while
/// entering) and over the approved ones only (what publishing compares with). Recomputed by
/// <see cref="ReferenceFigureStore"/> when a sheet is submitted, approved or returned, an approval is withdrawn or a
/// veto applied; a mere save changes nothing here.
/// </summary>
public class ReferenceFigure : Entity, IHasModificationTime
{
    private ReferenceFigure()
    {
        IndicatorCode = string.Empty;
    }

    public ReferenceFigure(Guid id, Guid periodId, string indicatorCode)
        : base(id)
    {
        PeriodId = periodId;
        IndicatorCode = indicatorCode;
    }

    public Guid PeriodId { get; private set; }

    public string IndicatorCode { get; private set; }

    /// <summary>Sum of the numbers of the cities whose sheet is submitted or approved.</summary>
    public decimal ReportedSum { get; set; }

    public int ReportedCount { get; set; }

    /// <summary>Sum of the numbers of the cities whose sheet is approved.</summary>
    public decimal ApprovedSum { get; set; }

    public int ApprovedCount { get; set; }

    public DateTime? LastModificationTime { get; set; }

    public Guid? LastModifierId { get; set; }

    /// <summary>Sets the totals; false when they were already these.</summary>
    public bool Set(decimal reportedSum, int reportedCount, decimal approvedSum, int approvedCount)
    {
        if (ReportedSum == reportedSum && ReportedCount == reportedCount && ApprovedSum == approvedSum && ApprovedCount == approvedCount)
        {
            return false;
        }

        (ReportedSum, ReportedCount, ApprovedSum, ApprovedCount) = (reportedSum, reportedCount, approvedSum, approvedCount);
        return true;
    }
}
