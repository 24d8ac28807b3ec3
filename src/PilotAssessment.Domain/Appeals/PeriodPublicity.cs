using PilotAssessment.Entities;
using PilotAssessment.ExceptionHandling;
using PilotAssessment.Periods;

namespace PilotAssessment.Appeals;

/// <summary>
/// The public notice (公示) of a period's published results: the cities see their sheets and may appeal for
/// <see cref="Days"/> days; the province makes the results final (正式发布) once the window has ended with no open
/// appeal, or after closing it early with a reason. Taking the publication back ends its notice.
/// </summary>
public class PeriodPublicity : Entity, IHasCreationTime
{
    private PeriodPublicity()
    {
    }

    public PeriodPublicity(Guid id, Guid periodId, int days, DateTime now)
        : base(id)
    {
        if (days is < AppealConsts.MinDays or > AppealConsts.MaxDays)
        {
            throw new BusinessException(AppealErrorCodes.DaysOutOfRange, AppealConsts.MinDays, AppealConsts.MaxDays)
                .WithError("appealDays", AppealErrorCodes.DaysOutOfRange, AppealConsts.MinDays, AppealConsts.MaxDays);
        }

        PeriodId = periodId;
        Days = days;
        StartsAt = now;
        EndsAt = now.AddDays(days);
    }

    public Guid PeriodId { get; private set; }

    public int Days { get; private set; }

    public DateTime StartsAt { get; private set; }

    /// <summary>When the appeal window ends (UTC).</summary>
    public DateTime EndsAt { get; private set; }

    /// <summary>When the province ended the notice before <see cref="EndsAt"/>, with <see cref="ClosedReason"/>.</summary>
    public DateTime? ClosedTime { get; private set; }

    public string? ClosedReason { get; private set; }

    /// <summary>The publication was taken back: this notice no longer applies.</summary>
    public DateTime? WithdrawnTime { get; private set; }

    public DateTime CreationTime { get; set; }

    public Guid? CreatorId { get; set; }

    public string EndsAtLocal => ProvinceTime.ToLocal(ClosedTime ?? EndsAt).ToString("yyyy-MM-dd HH:mm");

    /// <summary>Cities may still file appeals.</summary>
    public bool AcceptsAppeals(DateTime now) => WithdrawnTime is null && ClosedTime is null && now < EndsAt;

    /// <exception cref="BusinessException">The window has ended (400).</exception>
    public void EnsureAcceptsAppeals(DateTime now)
    {
        if (!AcceptsAppeals(now))
        {
            throw new BusinessException(AppealErrorCodes.WindowEnded, EndsAtLocal);
        }
    }

    /// <summary>The province ends the notice before its date; no appeal may be open.</summary>
    public void CloseEarly(string? reason, int openAppeals, DateTime now)
    {
        if (!AcceptsAppeals(now))
        {
            throw new BusinessException(AppealErrorCodes.WindowClosed);
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new BusinessException(AppealErrorCodes.ReasonRequired).WithError("reason", AppealErrorCodes.ReasonRequired);
        }

        EnsureNoOpenAppeals(openAppeals);
        ClosedTime = now;
        ClosedReason = reason.Trim();
    }

    /// <summary>The results become final only after the window (ended or closed early) with every appeal decided.</summary>
    public void EnsureFinalizable(int openAppeals, DateTime now)
    {
        EnsureNoOpenAppeals(openAppeals);
        if (AcceptsAppeals(now))
        {
            throw new BusinessException(AppealErrorCodes.WindowNotEnded, EndsAtLocal);
        }
    }

    /// <summary>The publication is taken back: refused while an appeal waits for its decision.</summary>
    public void Withdraw(int openAppeals, DateTime now)
    {
        EnsureNoOpenAppeals(openAppeals);
        WithdrawnTime = now;
    }

    private static void EnsureNoOpenAppeals(int openAppeals)
    {
        if (openAppeals > 0)
        {
            throw new BusinessException(AppealErrorCodes.AppealsOpen, openAppeals);
        }
    }
}
