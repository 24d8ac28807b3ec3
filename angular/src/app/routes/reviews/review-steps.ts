import {
  DataEntryEntryLineDto as EntryLineDto,
  DataEntryEntrySheetDto as EntrySheetDto,
  DataEntrySubmissionDto as SubmissionDto,
} from '@api/models';
import { I18nService } from '@core/i18n/i18n.service';
import { beijingText } from '@core/time/beijing-time';

/** Steps of a submission: 填报 → 提交 → 审核 (退回 / 通过) → 发布. */
export function submissionStep(
  status: string | null | undefined,
  periodStatus: string | null | undefined,
): { current: number; status: 'wait' | 'process' | 'finish' | 'error' } {
  if (periodStatus === 'Published' && status === 'Approved') {
    return { current: 3, status: 'finish' };
  }
  switch (status) {
    case 'Submitted':
      return { current: 2, status: 'process' };
    case 'Returned':
      return { current: 2, status: 'error' };
    case 'Approved':
      return { current: 2, status: 'finish' };
    case 'Withdrawn':
      return { current: 2, status: 'error' };
    default:
      return { current: 0, status: 'process' };
  }
}

/** A time of a step, naming the zone it is shown in. */
export function zonedText(i18n: I18nService, time: string | null | undefined): string {
  const text = beijingText(time);
  return text ? i18n.t('reviews.atBeijingTime', { time: text }) : '';
}

/** When the sheet was approved, or the return comment under the review step. */
export function reviewStepText(i18n: I18nService, submission: SubmissionDto | null): string {
  if (submission?.status === 'Approved') {
    return zonedText(i18n, submission.approvedTime);
  }
  return submission?.status === 'Returned' ? (submission.returnComment ?? '') : '';
}

/** The sheet with one line replaced by its saved version (which may come without its evidence). */
export function withLine(sheet: EntrySheetDto | null, saved: EntryLineDto): EntrySheetDto | null {
  return sheet
    ? {
        ...sheet,
        lines: (sheet.lines ?? []).map((l) =>
          l.indicatorCode === saved.indicatorCode
            ? { ...saved, evidence: saved.evidence ?? l.evidence }
            : l,
        ),
      }
    : sheet;
}
