import { Injectable, computed, inject, signal } from '@angular/core';
import { Observable } from 'rxjs';

import {
  DataEntryCityFactsDto as CityFactsDto,
  DataEntryEntryLineDto as EntryLineDto,
  DataEntryEntrySheetDto as EntrySheetDto,
  DataEntryEvidenceDto as EvidenceDto,
  PeriodsPeriodDto as PeriodDto,
} from '@api/models';
import { DataEntryService, PeriodService, SchemeService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { Permissions } from '@core/permissions';
import { SessionService } from '@core/session/session.service';
import {
  EntryOptions,
  entryOptions,
  indicatorsByCode,
  occurrenceCount,
  toggled,
  withOccurrence,
} from '@shared/entry-value';
import { errorText } from '@shared/error-text';
import { SchemeDefinition, SchemeIndicator, asDefinition } from '@shared/scheme-definition';
import { Draft, EntryDrafts } from './entry-drafts';
import { EntryGridView } from './entry-grid-view';
import { EntryLiveScores } from './entry-live-scores';
import { EntryPaste } from './entry-paste';
import { EntryPrefetch, EntryPrefetched } from './entry-prefetch';
import { withRate } from './entry-typing';
import { EntryWorkflow } from './entry-workflow';

/**
 * State and side effects of the data entry of one city: the open periods and the sheet of the picked
 * one, with what it delegates by concern: {@link EntryDrafts} (drafts and their save queue, conflicts,
 * field errors), {@link EntryLiveScores} (points of typed values and the running 自评总分) and
 * {@link EntryWorkflow} (selection, reporting, return, submission, xlsx).
 * Provided by the data-entry page, so it lives as long as the page.
 */
@Injectable()
export class DataEntryStore {
  private readonly periodApi = inject(PeriodService);
  private readonly schemeApi = inject(SchemeService);
  private readonly api = inject(DataEntryService);
  private readonly session = inject(SessionService);
  private readonly i18n = inject(I18nService);
  private readonly prefetch = inject(EntryPrefetch);

  private readonly _periods = signal<PeriodDto[]>([]);
  private readonly _periodsLoading = signal(false);
  private readonly _periodId = signal<string | null>(null);
  private readonly _sheet = signal<EntrySheetDto | null>(null);
  private readonly _lines = signal<EntryLineDto[]>([]);
  private readonly _definition = signal<SchemeDefinition | null>(null);
  private readonly _loading = signal(false);
  private readonly _loadError = signal<string | null>(null);
  private readonly drawerCode = signal<string | null>(null);

  readonly periods = this._periods.asReadonly();
  readonly periodsLoading = this._periodsLoading.asReadonly();
  readonly periodId = this._periodId.asReadonly();
  readonly selected = computed(
    () => this._periods().find((p) => p.id === this._periodId()) ?? null,
  );
  readonly sheet = this._sheet.asReadonly();
  readonly lines = this._lines.asReadonly();
  readonly definition = this._definition.asReadonly();
  readonly loading = this._loading.asReadonly();
  readonly loadError = this._loadError.asReadonly();

  private readonly indicators = computed(() => {
    const definition = this._definition();
    return definition ? indicatorsByCode(definition) : ({} as Record<string, SchemeIndicator>);
  });
  readonly writable = computed(() => !!this._sheet()?.writable);
  /** The city administrator returns lines and submits the city. */
  readonly canSubmitCity = computed(() => this.session.isGranted(Permissions.DataEntry.Submit));
  readonly returnedLines = computed(() =>
    this._lines().filter((l) => l.status === 'Returned' || !!l.returnComment),
  );
  readonly reportedCount = computed(() => this._lines().filter((l) => l.reported).length);
  /** Lines a clerk may report: entered, not reported yet. */
  readonly reportable = computed(() =>
    this._lines().filter((l) => l.reported && (l.status === 'Draft' || l.status === 'Returned')),
  );
  readonly drawerLine = computed(
    () => this._lines().find((l) => l.indicatorCode === this.drawerCode()) ?? null,
  );

  /** Drafts and their save queue. */
  readonly drafts = new EntryDrafts({
    periodId: this.periodId,
    lines: this._lines,
    options: (line) => this.options(line),
    editable: (line) => this.editable(line),
  });
  /** Points of typed values and the running 自评总分. */
  readonly scores = new EntryLiveScores({ periodId: this.periodId, sheet: this.sheet });
  /** Filters and category groups with their subtotals. */
  readonly view = new EntryGridView({
    lines: this._lines,
    definition: this._definition,
    points: (line) => {
      const score = this.scores.of(line);
      return score.status === 'Unreported' ? null : score.points;
    },
  });
  private readonly pasted = new EntryPaste({
    visible: this.view.visible,
    options: (line) => this.options(line),
    editable: (line) => this.editable(line),
    onNumber: (line, raw) => this.onNumber(line, raw),
    onCount: (line, type, raw) => this.onCount(line, type, raw),
    save: (line) => this.save(line),
  });
  /** Why a pasted cell was not taken, by indicator code, beside the line's value. */
  readonly pasteErrors = this.pasted.errors;
  /** Something typed is not saved yet (a draft still differs, or its save failed). */
  readonly hasUnsavedChanges = computed(() => Object.keys(this.drafts.drafts()).length > 0);
  /** Selection, reporting, return, submission, xlsx. */
  readonly workflow = new EntryWorkflow({
    periodId: this.periodId,
    selected: this.selected,
    reportable: this.reportable,
    showSheet: (sheet) => this.showSheet(sheet),
    reload: () => this.reload(),
    applyLineErrors: (e) => this.drafts.applyLineErrors(e),
  });

  /** Reads the open periods and picks the first. */
  load(): void {
    this._periodsLoading.set(true);
    // Sent when the route was matched (EntryPrefetch), or now.
    const prefetched = this.prefetch.take();
    (prefetched?.periods ?? this.periodApi.periodGetList({ Status: 'Open' })).subscribe({
      next: (list) => {
        this._periodsLoading.set(false);
        this._periods.set(list ?? []);
        const first = (list ?? [])[0];
        if (first?.id) {
          this.pick(first.id, prefetched);
        }
      },
      error: (e: unknown) => {
        this._periodsLoading.set(false);
        this._loadError.set(errorText(this.i18n, e));
      },
    });
  }

  /** @param prefetched the first open period's sheet and scheme, already asked for */
  pick(id: string | null, prefetched: EntryPrefetched | null = null): void {
    this._periodId.set(id);
    const period = this.selected();
    this._sheet.set(null);
    this._lines.set([]);
    this.clearEdits();
    this.workflow.clearMessages();
    if (!id) {
      return;
    }
    if (period?.schemeId) {
      (prefetched?.scheme ?? this.schemeApi.schemeGet({ id: period.schemeId })).subscribe({
        next: (scheme) => this._definition.set(asDefinition(scheme.definition)),
        error: () => this._definition.set(null),
      });
    }
    this.reload(prefetched?.sheet);
  }

  /** Reads the sheet again (after a submit or an xlsx upload), dropping unsaved edits. */
  reload(prefetched?: Observable<EntrySheetDto>): void {
    const id = this._periodId();
    if (!id) {
      return;
    }
    this._loading.set(true);
    this._loadError.set(null);
    (prefetched ?? this.api.dataEntryGetSheet({ periodId: id })).subscribe({
      next: (sheet) => {
        if (this._periodId() !== id) {
          return;
        }
        this._loading.set(false);
        this.showSheet(sheet);
      },
      error: (e: unknown) => {
        this._loading.set(false);
        this._loadError.set(errorText(this.i18n, e));
      },
    });
  }

  options(line: EntryLineDto): EntryOptions {
    return entryOptions(line, this.indicators()[line.indicatorCode ?? '']);
  }

  /**
   * Whether this line may be edited now: the sheet is with the city, the line is not submitted to the
   * province, and a line reported by its unit is changed only by the city administrator.
   */
  editable(line: EntryLineDto): boolean {
    // Counted from the supervision problem register: never the city's to type.
    if (!this.writable() || line.status === 'Submitted' || line.fromRegister) {
      return false;
    }
    return line.status !== 'UnitSubmitted' || this.canSubmitCity();
  }

  onNumber(line: EntryLineDto, raw: string): void {
    const value = this.drafts.typed(line, 'number', raw);
    this.edit(line, (d) => ({ ...d, value: { ...d.value, number: value } }));
  }

  /** 上年同期值, kept in the line's value beside the number. */
  onLastYear(line: EntryLineDto, raw: string): void {
    const value = this.drafts.typed(line, 'lastYear', raw);
    this.edit(line, (d) => ({ ...d, value: { ...d.value, lastYearNumber: value } }));
  }

  onCount(line: EntryLineDto, type: string | null, raw: string): void {
    const count = Math.max(0, Math.trunc(this.drafts.typed(line, `occ:${type}`, raw) ?? 0));
    const flags = this.drafts.flagsOf(line, type);
    this.edit(line, (d) => ({ ...d, value: withOccurrence(d.value, type, count, flags) }));
  }

  onFlag(line: EntryLineDto, type: string | null, flag: string, on: boolean): void {
    const count = occurrenceCount(this.drafts.value(line), type);
    const flags = toggled(this.drafts.flagsOf(line, type), flag, on);
    this.edit(line, (d) => ({ ...d, value: withOccurrence(d.value, type, count, flags) }));
    this.save(line);
  }

  onGrade(line: EntryLineDto, grade: string | null): void {
    this.edit(line, (d) => ({ ...d, value: { ...d.value, grade: grade ?? null } }));
    this.save(line);
  }

  onChecklist(line: EntryLineDto, item: string, on: boolean): void {
    this.edit(line, (d) => ({
      ...d,
      value: { ...d.value, checklistPresent: toggled(d.value.checklistPresent, item, on) },
    }));
    this.save(line);
  }

  onRate(line: EntryLineDto, key: string, raw: string): void {
    const rate = this.drafts.typed(line, `rate:${key}`, raw);
    this.edit(line, (d) => ({ ...d, value: withRate(d.value, key, rate) }));
  }

  /** A column pasted from Excel (false when the text is a single value). */
  paste(line: EntryLineDto, text: string): boolean {
    return this.pasted.paste(line, text);
  }

  onNote(line: EntryLineDto, text: string): void {
    this.drafts.edit(line, (d) => ({ ...d, note: text.trim() === '' ? null : text }));
  }

  /** Saves the line as a draft when what is typed differs from the stored line. */
  save(line: EntryLineDto): void {
    this.drafts.save(line);
  }

  openDrawer(line: EntryLineDto): void {
    this.drawerCode.set(line.indicatorCode ?? null);
  }

  closeDrawer(): void {
    this.drawerCode.set(null);
  }

  onEvidenceChanged(change: { code: string; evidence: EvidenceDto[] }): void {
    this._lines.update((lines) =>
      lines.map((l) => (l.indicatorCode === change.code ? { ...l, evidence: change.evidence } : l)),
    );
    this.drafts.clearEvidenceError(change.code);
  }

  onFactsSaved(facts: CityFactsDto): void {
    this._sheet.update((s) => (s ? { ...s, facts } : s));
  }

  private showSheet(sheet: EntrySheetDto): void {
    this._sheet.set(sheet);
    this._lines.set(sheet.lines ?? []);
    this.clearEdits();
  }

  private clearEdits(): void {
    this.pasted.clear();
    this.drafts.clear();
    this.scores.clear();
    this.workflow.clearSelection();
  }

  /** A value typed for the line: kept as its draft and scored while typing. */
  private edit(line: EntryLineDto, change: (draft: Draft) => Draft): void {
    const draft = this.drafts.edit(line, change);
    this.scores.typed(line, draft.value);
  }
}
