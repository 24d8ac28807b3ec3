import { Injectable, computed, inject, signal } from '@angular/core';
import { NzMessageService } from 'ng-zorro-antd/message';

import {
  DataEntryCityFactsDto as CityFactsDto,
  DataEntryEntryLineDto as EntryLineDto,
  DataEntryEntrySheetDto as EntrySheetDto,
  DataEntryEntryValueDto as EntryValueDto,
  DataEntryEvidenceDto as EvidenceDto,
  PeriodsPeriodDto as PeriodDto,
} from '@api/models';
import { DataEntryService, PeriodService, SchemeService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { toProblemDetails } from '@core/net/problem-details';
import { Permissions } from '@core/permissions';
import { SessionService } from '@core/session/session.service';
import { EntryFilesService, saveBlob } from '@shared/entry-files.service';
import {
  EntryOptions,
  entryOptions,
  indicatorsByCode,
  occurrenceCount,
  occurrenceFlags,
  sameValue,
  toggled,
  valueText,
  withOccurrence,
} from '@shared/entry-value';
import { errorText } from '@shared/error-text';
import { SchemeDefinition, SchemeIndicator, asDefinition } from '@shared/scheme-definition';
import { withCode } from '@shared/code-set';

/** Save state of one line, by indicator code. */
export type LineState =
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'error'; message: string }
  /** Someone else saved first: their value, while the typed one stays in the box. */
  | { kind: 'conflict'; otherValue: string };

/** What is typed for a line and not yet saved. */
export interface Draft {
  value: EntryValueDto;
  note: string | null;
}

/** One cell error of an xlsx upload ("E5": message). */
export interface CellError {
  cell: string;
  message: string;
}

function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') {
    return null;
  }
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/** A ProblemDetails' field messages, one text a field. */
function messagesByField(e: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [key, messages] of Object.entries(toProblemDetails(e)?.errors ?? {})) {
    errors[key] = (messages ?? []).join(' ');
  }
  return errors;
}

/**
 * State and side effects of the data entry of one city: the open periods, the sheet of the picked one,
 * drafts typed in the grid and their save queue (one save a line at a time, a change during a save is
 * saved again when it returns), conflicts (409: the other value is shown, the typed one kept and the new
 * stamp taken), field errors of the host, the reporting workflow and the xlsx template and upload.
 * Provided by the data-entry page, so it lives as long as the page.
 */
@Injectable()
export class DataEntryStore {
  private readonly periodApi = inject(PeriodService);
  private readonly schemeApi = inject(SchemeService);
  private readonly api = inject(DataEntryService);
  private readonly files = inject(EntryFilesService);
  private readonly message = inject(NzMessageService);
  private readonly session = inject(SessionService);
  private readonly i18n = inject(I18nService);

  private readonly _periods = signal<PeriodDto[]>([]);
  private readonly _periodsLoading = signal(false);
  private readonly _periodId = signal<string | null>(null);
  private readonly _sheet = signal<EntrySheetDto | null>(null);
  private readonly _lines = signal<EntryLineDto[]>([]);
  private readonly _definition = signal<SchemeDefinition | null>(null);
  private readonly _loading = signal(false);
  private readonly _loadError = signal<string | null>(null);
  private readonly _states = signal<Record<string, LineState>>({});
  private readonly _fieldErrors = signal<Record<string, Record<string, string>>>({});
  private readonly _drafts = signal<Record<string, Draft>>({});
  /** Raw text of number boxes (kept exactly as typed), by "code|part". */
  private readonly texts = signal<Record<string, string>>({});
  /** Lines whose draft changed while a save was on its way: saved again when it returns. */
  private readonly pending = new Set<string>();
  private readonly _selectedCodes = signal<Set<string>>(new Set());
  private readonly drawerCode = signal<string | null>(null);
  private readonly _submitting = signal(false);
  private readonly _submitError = signal<string | null>(null);
  private readonly _xlsxErrors = signal<CellError[] | null>(null);
  private readonly _xlsxBusy = signal(false);
  private readonly _returnOpen = signal(false);
  private readonly _returnCommentError = signal<string | null>(null);

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
  readonly states = this._states.asReadonly();
  /** Server messages of the last failed save or submit, by indicator code and field ("value.number", "note", "evidence"). */
  readonly fieldErrors = this._fieldErrors.asReadonly();
  readonly drafts = this._drafts.asReadonly();
  readonly selectedCodes = this._selectedCodes.asReadonly();
  readonly submitting = this._submitting.asReadonly();
  readonly submitError = this._submitError.asReadonly();
  readonly xlsxErrors = this._xlsxErrors.asReadonly();
  readonly xlsxBusy = this._xlsxBusy.asReadonly();
  readonly returnOpen = this._returnOpen.asReadonly();
  /** The comment typed in the return dialog. */
  readonly returnComment = signal('');
  readonly returnCommentError = this._returnCommentError.asReadonly();

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

  /** Reads the open periods and picks the first. */
  load(): void {
    this._periodsLoading.set(true);
    this.periodApi.periodGetList({ Status: 'Open' }).subscribe({
      next: (list) => {
        this._periodsLoading.set(false);
        this._periods.set(list ?? []);
        const first = (list ?? [])[0];
        if (first?.id) {
          this.pick(first.id);
        }
      },
      error: (e: unknown) => {
        this._periodsLoading.set(false);
        this._loadError.set(errorText(this.i18n, e));
      },
    });
  }

  pick(id: string | null): void {
    this._periodId.set(id);
    const period = this.selected();
    this._sheet.set(null);
    this._lines.set([]);
    this.clearEdits();
    this._submitError.set(null);
    this._xlsxErrors.set(null);
    if (!id) {
      return;
    }
    if (period?.schemeId) {
      this.schemeApi.schemeGet({ id: period.schemeId }).subscribe({
        next: (scheme) => this._definition.set(asDefinition(scheme.definition)),
        error: () => this._definition.set(null),
      });
    }
    this.reload();
  }

  /** Reads the sheet again (after a submit or an xlsx upload), dropping unsaved edits. */
  reload(): void {
    const id = this._periodId();
    if (!id) {
      return;
    }
    this._loading.set(true);
    this._loadError.set(null);
    this.api.dataEntryGetSheet({ periodId: id }).subscribe({
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
    if (!this.writable() || line.status === 'Submitted') {
      return false;
    }
    return line.status !== 'UnitSubmitted' || this.canSubmitCity();
  }

  /** The value shown for a line: the draft, else the stored value. */
  value(line: EntryLineDto): EntryValueDto {
    return this._drafts()[line.indicatorCode ?? '']?.value ?? line.value ?? {};
  }

  note(line: EntryLineDto): string {
    const draft = this._drafts()[line.indicatorCode ?? ''];
    return (draft ? draft.note : line.note) ?? '';
  }

  valueText(line: EntryLineDto): string {
    return valueText(line.value, this.options(line));
  }

  /** Text of a number box: what was typed, else the stored number. */
  text(line: EntryLineDto, part: string, stored: number | null | undefined): string {
    const typed = this.texts()[`${line.indicatorCode}|${part}`];
    if (typed !== undefined) {
      return typed;
    }
    return stored === null || stored === undefined ? '' : String(stored);
  }

  countOf(line: EntryLineDto, type: string | null): number | null {
    const value = this.value(line);
    const count = occurrenceCount(value, type);
    return count === 0 && !(value.occurrences ?? []).some((o) => (o.type ?? null) === type)
      ? null
      : count;
  }

  flagsOf(line: EntryLineDto, type: string | null): string[] {
    return occurrenceFlags(this.value(line), type);
  }

  isPresent(line: EntryLineDto, item: string): boolean {
    return (this.value(line).checklistPresent ?? []).includes(item);
  }

  /** The host's messages of a field of a line ("value" covers "value.number", "value[0]"…). */
  fieldError(line: EntryLineDto, prefix: string): string | null {
    const errors = this._fieldErrors()[line.indicatorCode ?? ''] ?? {};
    const texts = Object.entries(errors)
      .filter(
        ([key]) => key === prefix || key.startsWith(prefix + '.') || key.startsWith(prefix + '['),
      )
      .map(([, text]) => text);
    return texts.length ? texts.join(' ') : null;
  }

  stateMessage(line: EntryLineDto): string {
    const state = this._states()[line.indicatorCode ?? ''];
    return state?.kind === 'error' ? state.message : '';
  }

  conflictValue(line: EntryLineDto): string {
    const state = this._states()[line.indicatorCode ?? ''];
    return state?.kind === 'conflict' ? state.otherValue : '—';
  }

  onNumber(line: EntryLineDto, raw: string): void {
    const value = this.typed(line, 'number', raw);
    this.edit(line, (d) => ({ ...d, value: { ...d.value, number: value } }));
  }

  /** 上年同期值, kept in the line's value beside the number. */
  onLastYear(line: EntryLineDto, raw: string): void {
    const value = this.typed(line, 'lastYear', raw);
    this.edit(line, (d) => ({ ...d, value: { ...d.value, lastYearNumber: value } }));
  }

  onCount(line: EntryLineDto, type: string | null, raw: string): void {
    const count = Math.max(0, Math.trunc(this.typed(line, `occ:${type}`, raw) ?? 0));
    const flags = this.flagsOf(line, type);
    this.edit(line, (d) => ({ ...d, value: withOccurrence(d.value, type, count, flags) }));
  }

  onFlag(line: EntryLineDto, type: string | null, flag: string, on: boolean): void {
    const count = occurrenceCount(this.value(line), type);
    const flags = toggled(this.flagsOf(line, type), flag, on);
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
    const rate = this.typed(line, `rate:${key}`, raw);
    this.edit(line, (d) => {
      const rates = { ...(d.value.surveyRates ?? {}) };
      if (rate === null) {
        delete rates[key];
      } else {
        rates[key] = rate;
      }
      return { ...d, value: { ...d.value, surveyRates: rates } };
    });
  }

  onNote(line: EntryLineDto, text: string): void {
    this.edit(line, (d) => ({ ...d, note: text.trim() === '' ? null : text }));
  }

  /** Saves the line as a draft when what is typed differs from the stored line. */
  save(line: EntryLineDto): void {
    const code = line.indicatorCode ?? '';
    const periodId = this._periodId();
    const draft = this._drafts()[code];
    if (!periodId || !draft || !this.editable(line)) {
      return;
    }
    if (this._states()[code]?.kind === 'saving') {
      this.pending.add(code);
      return;
    }
    const current = this._lines().find((l) => l.indicatorCode === code) ?? line;
    const unchanged =
      sameValue(draft.value, current.value) && (draft.note ?? null) === (current.note ?? null);
    if (unchanged && this._states()[code]?.kind !== 'conflict') {
      return;
    }
    this.setState(code, { kind: 'saving' });
    this.api
      .dataEntrySaveLine({
        periodId,
        indicatorCode: code,
        body: {
          value: draft.value,
          note: draft.note ?? null,
          unitId: current.unitId ?? null,
          concurrencyStamp: current.concurrencyStamp ?? null,
        },
      })
      .subscribe({
        next: (saved) => {
          this.replaceLine(code, saved);
          this.clearFieldErrors(code);
          if (this._drafts()[code] === draft) {
            this.dropDraft(code);
          }
          this.setState(code, { kind: 'saved' });
          if (this.pending.delete(code)) {
            this.save(saved);
          }
        },
        error: (e: unknown) => {
          this.pending.delete(code);
          const problem = toProblemDetails(e);
          const status = problem?.status ?? (e as { status?: number }).status;
          if (status === 409 && problem?.current && typeof problem.current === 'object') {
            // Keep what was typed; the next save (blur or Enter) overwrites the other value.
            const other = problem.current as EntryLineDto;
            this.replaceLine(code, other);
            this.setState(code, {
              kind: 'conflict',
              otherValue: valueText(other.value, this.options(other)),
            });
          } else {
            const errors = messagesByField(e);
            this._fieldErrors.update((all) => ({ ...all, [code]: errors }));
            this.setState(code, { kind: 'error', message: errorText(this.i18n, e) });
          }
        },
      });
  }

  selectedList(): string {
    return [...this._selectedCodes()].join('、');
  }

  isSelected(line: EntryLineDto): boolean {
    return this._selectedCodes().has(line.indicatorCode ?? '');
  }

  setSelected(line: EntryLineDto, on: boolean): void {
    this._selectedCodes.update((set) => withCode(set, line.indicatorCode, on));
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
    this._fieldErrors.update((all) => {
      const errors = { ...(all[change.code] ?? {}) };
      delete errors['evidence'];
      return { ...all, [change.code]: errors };
    });
  }

  onFactsSaved(facts: CityFactsDto): void {
    this._sheet.update((s) => (s ? { ...s, facts } : s));
  }

  /** 报送: the clerk reports lines to the city administrator (all entered ones when none is selected). */
  submitLines(all: boolean): void {
    const periodId = this._periodId();
    const codes = all
      ? this.reportable().map((l) => l.indicatorCode ?? '')
      : [...this._selectedCodes()];
    if (!periodId || this._submitting()) {
      return;
    }
    if (!codes.length) {
      this.message.warning(this.i18n.t('dataEntry.nothingSelected'));
      return;
    }
    this._submitting.set(true);
    this._submitError.set(null);
    this.api.dataEntrySubmitLines({ periodId, body: { indicatorCodes: codes } }).subscribe({
      next: (sheet) => {
        this._submitting.set(false);
        this.message.success(this.i18n.t('dataEntry.linesSubmitted', { count: codes.length }));
        this.showSheet(sheet);
      },
      error: (e: unknown) => {
        this._submitting.set(false);
        this._submitError.set(errorText(this.i18n, e));
        this.applyLineErrors(e);
      },
    });
  }

  openReturnLines(): void {
    if (!this._selectedCodes().size) {
      this.message.warning(this.i18n.t('dataEntry.nothingSelected'));
      return;
    }
    this.returnComment.set('');
    this._returnCommentError.set(null);
    this._returnOpen.set(true);
  }

  closeReturnLines(): void {
    this._returnOpen.set(false);
  }

  /** 退回: the city administrator sends reported lines back to the clerk with a comment. */
  returnLines(): void {
    const periodId = this._periodId();
    const comment = this.returnComment().trim();
    if (!periodId) {
      return;
    }
    if (!comment) {
      this._returnCommentError.set(this.i18n.t('dataEntry.returnCommentRequired'));
      return;
    }
    const codes = [...this._selectedCodes()];
    this._submitting.set(true);
    this._returnCommentError.set(null);
    this.api
      .dataEntryReturnLines({ periodId, body: { indicatorCodes: codes, comment } })
      .subscribe({
        next: (sheet) => {
          this._submitting.set(false);
          this._returnOpen.set(false);
          this.message.success(this.i18n.t('dataEntry.linesReturned', { count: codes.length }));
          this.showSheet(sheet);
        },
        error: (e: unknown) => {
          this._submitting.set(false);
          const commentErrors = toProblemDetails(e)?.errors?.['comment'];
          this._returnCommentError.set(
            commentErrors?.length ? commentErrors.join(' ') : errorText(this.i18n, e),
          );
          this.applyLineErrors(e);
        },
      });
  }

  /** 提交全市自评: the city's whole self-assessment goes to the province. */
  submitCity(): void {
    const periodId = this._periodId();
    if (!periodId || this._submitting()) {
      return;
    }
    this._submitting.set(true);
    this._submitError.set(null);
    this.api.dataEntrySubmit({ periodId }).subscribe({
      next: () => {
        this._submitting.set(false);
        this.message.success(this.i18n.t('dataEntry.citySubmitted'));
        this.reload();
      },
      error: (e: unknown) => {
        this._submitting.set(false);
        this._submitError.set(errorText(this.i18n, e));
        this.applyLineErrors(e);
      },
    });
  }

  downloadTemplate(): void {
    const periodId = this._periodId();
    if (!periodId) {
      return;
    }
    this.files
      .download(this.files.templateUrl(periodId), `${this.selected()?.name ?? 'template'}.xlsx`)
      .subscribe({
        next: (f) => saveBlob(f.blob, f.fileName),
        error: (e: unknown) => this.message.error(errorText(this.i18n, e)),
      });
  }

  /** Saves every row of the workbook or nothing; the wrong cells are listed. */
  uploadXlsx(file: File): void {
    const periodId = this._periodId();
    if (!periodId) {
      return;
    }
    this._xlsxBusy.set(true);
    this._xlsxErrors.set(null);
    this.files.uploadXlsx(periodId, file).subscribe({
      next: (sheet) => {
        this._xlsxBusy.set(false);
        this.message.success(this.i18n.t('dataEntry.xlsxImported'));
        this.showSheet(sheet);
      },
      error: (e: unknown) => {
        this._xlsxBusy.set(false);
        const cells = Object.entries(messagesByField(e)).map(([cell, message]) => ({
          cell,
          message,
        }));
        this._xlsxErrors.set(
          cells.length ? cells : [{ cell: '', message: errorText(this.i18n, e) }],
        );
      },
    });
  }

  private showSheet(sheet: EntrySheetDto): void {
    this._sheet.set(sheet);
    this._lines.set(sheet.lines ?? []);
    this.clearEdits();
  }

  private clearEdits(): void {
    this._states.set({});
    this._fieldErrors.set({});
    this._drafts.set({});
    this.texts.set({});
    this.pending.clear();
    this._selectedCodes.set(new Set());
  }

  private edit(line: EntryLineDto, change: (draft: Draft) => Draft): void {
    const code = line.indicatorCode ?? '';
    this._drafts.update((drafts) => ({
      ...drafts,
      [code]: change(drafts[code] ?? { value: { ...(line.value ?? {}) }, note: line.note ?? null }),
    }));
  }

  private typed(line: EntryLineDto, part: string, raw: string): number | null {
    this.texts.update((t) => ({ ...t, [`${line.indicatorCode}|${part}`]: raw }));
    return parseNumber(raw);
  }

  /** "lines.F01.evidence" → the message beside F01's evidence. */
  private applyLineErrors(e: unknown): void {
    const byLine: Record<string, Record<string, string>> = {};
    for (const [key, text] of Object.entries(messagesByField(e))) {
      const match = /^lines\.([^.]+)\.?(.*)$/.exec(key);
      if (match) {
        byLine[match[1]] = { ...(byLine[match[1]] ?? {}), [match[2] || 'value']: text };
      }
    }
    this._fieldErrors.update((all) => ({ ...all, ...byLine }));
  }

  private dropDraft(code: string): void {
    this._drafts.update((drafts) => {
      const next = { ...drafts };
      delete next[code];
      return next;
    });
    this.texts.update((texts) => {
      const next: Record<string, string> = {};
      for (const [key, text] of Object.entries(texts)) {
        if (!key.startsWith(code + '|')) {
          next[key] = text;
        }
      }
      return next;
    });
  }

  private clearFieldErrors(code: string): void {
    this._fieldErrors.update((all) => {
      const next = { ...all };
      const keep = next[code]?.['evidence'];
      delete next[code];
      if (keep) {
        next[code] = { evidence: keep };
      }
      return next;
    });
  }

  private replaceLine(code: string, line: EntryLineDto): void {
    this._lines.update((lines) =>
      lines.map((l) =>
        l.indicatorCode === code ? { ...line, evidence: line.evidence ?? l.evidence } : l,
      ),
    );
  }

  private setState(code: string, state: LineState): void {
    this._states.update((states) => ({ ...states, [code]: state }));
  }
}
