import { DestroyRef, Signal, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Subject, catchError, debounceTime, groupBy, map, mergeMap, of, switchMap } from 'rxjs';

import {
  DataEntryEntryLineDto as EntryLineDto,
  DataEntryEntrySheetDto as EntrySheetDto,
  DataEntryEntryValueDto as EntryValueDto,
  DataEntryLineScorePreviewDto as LineScorePreviewDto,
} from '@api/models';
import { DataEntryService } from '@api/services';

/** How long typing must pause before the line is scored. */
export const LIVE_SCORE_DEBOUNCE_MS = 300;

/** A line's points as the grid shows them: of the typed value while typing, else of the saved one. */
export interface LineScore {
  points: number | null;
  maxPoints: number;
  explanation: string;
  /** Scored, Unreported, Error; "Invalid" while the typed value is refused. */
  status: string;
}

/** What live scoring needs of the sheet. */
export interface LiveScoresHost {
  readonly periodId: Signal<string | null>;
  readonly sheet: Signal<EntrySheetDto | null>;
}

interface Typed {
  periodId: string;
  code: string;
  value: EntryValueDto;
  generation: number;
  sequence: number;
}

/**
 * Live points while typing: each line's typed value is scored by the host once typing pauses (a newer
 * value of the same line cancels the request still on its way), and the city's 自评总分 follows the
 * last answer. Nothing is saved here; the saved values' points come with the sheet.
 */
export class EntryLiveScores {
  private readonly api = inject(DataEntryService);
  private readonly values = new Subject<Typed>();
  private readonly previews = signal<Record<string, LineScore>>({});
  private readonly typedTotal = signal<number | null>(null);
  /** Bumped when another sheet is shown: answers about the last one are dropped. */
  private generation = 0;
  private sequence = 0;
  private totalSequence = 0;

  /** 自评总分 with what is typed now: the last preview's, else the sheet's running total. */
  readonly total = computed(() => this.typedTotal() ?? this.host.sheet()?.runningTotal ?? null);
  readonly maxTotal = computed(() => this.host.sheet()?.maxTotal ?? null);

  constructor(private readonly host: LiveScoresHost) {
    this.values
      .pipe(
        groupBy((t) => t.code),
        mergeMap((line) =>
          line.pipe(
            debounceTime(LIVE_SCORE_DEBOUNCE_MS),
            switchMap((t) =>
              this.api
                .dataEntryPreviewLine({
                  periodId: t.periodId,
                  indicatorCode: t.code,
                  body: { value: t.value },
                })
                .pipe(
                  map((answer: LineScorePreviewDto | null) => ({ t, answer })),
                  catchError(() => of({ t, answer: null })),
                ),
            ),
          ),
        ),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe(({ t, answer }) => this.show(t, answer));
  }

  /** A value was typed for the line: it is scored once typing pauses. */
  typed(line: EntryLineDto, value: EntryValueDto): void {
    const periodId = this.host.periodId();
    if (!periodId || !line.indicatorCode) {
      return;
    }
    this.values.next({
      periodId,
      code: line.indicatorCode,
      value,
      generation: this.generation,
      sequence: ++this.sequence,
    });
  }

  /** The line's points: of the typed value once scored, else of the saved value. */
  of(line: EntryLineDto): LineScore {
    const preview = this.previews()[line.indicatorCode ?? ''];
    if (preview) {
      return { ...preview, maxPoints: line.maxPoints ?? preview.maxPoints };
    }
    return {
      points: line.points ?? null,
      maxPoints: line.maxPoints ?? 0,
      explanation: line.explanation ?? '',
      status: line.reported ? 'Scored' : 'Unreported',
    };
  }

  /** Another sheet is shown: its own points and total count again. */
  clear(): void {
    this.generation++;
    this.previews.set({});
    this.typedTotal.set(null);
  }

  private show(t: Typed, answer: LineScorePreviewDto | null): void {
    if (t.generation !== this.generation) {
      return;
    }
    const score: LineScore = answer
      ? {
          points: answer.points ?? 0,
          maxPoints: answer.maxPoints ?? 0,
          explanation: answer.explanation ?? '',
          status: answer.status ?? 'Scored',
        }
      : { points: null, maxPoints: 0, explanation: '', status: 'Invalid' };
    this.previews.update((all) => ({ ...all, [t.code]: score }));
    // Answers of different lines may cross: the total of the latest value typed wins.
    if (answer && t.sequence > this.totalSequence) {
      this.totalSequence = t.sequence;
      this.typedTotal.set(answer.total ?? null);
    }
  }
}
