import { DecimalPipe } from '@angular/common';
import { Component, ElementRef, OnInit, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { NzUploadFile, NzUploadModule } from 'ng-zorro-antd/upload';

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
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { toProblemDetails } from '@core/net/problem-details';
import { Permissions } from '@core/permissions';
import { SessionService } from '@core/session/session.service';
import { errorText } from '@shared/error-text';
import { localText } from '@shared/period-time';
import { SchemeDefinition, SchemeIndicator, asDefinition } from '@shared/scheme-definition';
import { CityFactsComponent } from './city-facts.component';
import { EntryFilesService, saveBlob } from '@shared/entry-files.service';
import { EntryLineDrawerComponent } from './entry-line-drawer.component';
import {
  EntryOptions,
  entryOptions,
  indicatorsByCode,
  offersLastYear,
  occurrenceCount,
  occurrenceFlags,
  sameValue,
  toggled,
  valueText,
  withOccurrence,
} from '@shared/entry-value';
import { lineStatusColour, submissionStatusColour } from '@shared/status-colours';

/** Save state of one line, by indicator code. */
export type LineState =
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'error'; message: string }
  /** Someone else saved first: their value, while the typed one stays in the box. */
  | { kind: 'conflict'; otherValue: string };

/** What is typed for a line and not yet saved. */
interface Draft {
  value: EntryValueDto;
  note: string | null;
}

/** One cell error of an xlsx upload ("E5": message). */
export interface CellError {
  cell: string;
  message: string;
}

@Component({
  selector: 'app-data-entry',
  imports: [
    DecimalPipe,
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzCheckboxModule,
    NzDescriptionsModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzModalModule,
    NzPopconfirmModule,
    NzSelectModule,
    NzTableModule,
    NzTabsModule,
    NzTagModule,
    NzTooltipModule,
    NzUploadModule,
    TranslatePipe,
    CityFactsComponent,
    EntryLineDrawerComponent,
  ],
  templateUrl: './data-entry.component.html',
  styleUrl: './data-entry.component.css',
})
export class DataEntryComponent implements OnInit {
  private readonly periodApi = inject(PeriodService);
  private readonly schemeApi = inject(SchemeService);
  private readonly api = inject(DataEntryService);
  private readonly files = inject(EntryFilesService);
  private readonly message = inject(NzMessageService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly session = inject(SessionService);
  protected readonly i18n = inject(I18nService);
  protected readonly localText = localText;
  protected readonly lineStatusColour = lineStatusColour;
  protected readonly submissionStatusColour = submissionStatusColour;
  protected readonly P = Permissions.DataEntry;

  protected readonly periods = signal<PeriodDto[]>([]);
  protected readonly periodsLoading = signal(false);
  readonly periodId = signal<string | null>(null);
  protected readonly selected = signal<PeriodDto | null>(null);
  readonly sheet = signal<EntrySheetDto | null>(null);
  readonly lines = signal<EntryLineDto[]>([]);
  readonly definition = signal<SchemeDefinition | null>(null);
  private readonly indicators = computed(() => {
    const definition = this.definition();
    return definition ? indicatorsByCode(definition) : ({} as Record<string, SchemeIndicator>);
  });
  protected readonly loading = signal(false);
  protected readonly loadError = signal<string | null>(null);
  readonly states = signal<Record<string, LineState>>({});
  /** Server messages of the last failed save or submit, by indicator code and field ("value.number", "note", "evidence"). */
  readonly fieldErrors = signal<Record<string, Record<string, string>>>({});
  readonly drafts = signal<Record<string, Draft>>({});
  /** Raw text of number boxes (kept exactly as typed), by "code|part". */
  private readonly texts = signal<Record<string, string>>({});
  /** Lines whose draft changed while a save was on its way: saved again when it returns. */
  private readonly pending = new Set<string>();
  readonly selectedCodes = signal<Set<string>>(new Set());
  protected readonly drawerCode = signal<string | null>(null);
  protected readonly drawerLine = computed(
    () => this.lines().find((l) => l.indicatorCode === this.drawerCode()) ?? null,
  );
  protected readonly tab = signal(0);

  readonly submitting = signal(false);
  readonly submitError = signal<string | null>(null);
  readonly xlsxErrors = signal<CellError[] | null>(null);
  readonly xlsxBusy = signal(false);

  protected readonly writable = computed(() => !!this.sheet()?.writable);
  protected readonly returnedLines = computed(() =>
    this.lines().filter((l) => l.status === 'Returned' || !!l.returnComment),
  );
  protected readonly reportedCount = computed(() => this.lines().filter((l) => l.reported).length);

  ngOnInit(): void {
    this.periodsLoading.set(true);
    this.periodApi.periodGetList({ Status: 'Open' }).subscribe({
      next: (list) => {
        this.periodsLoading.set(false);
        this.periods.set(list ?? []);
        const first = (list ?? [])[0];
        if (first?.id) {
          this.pick(first.id);
        }
      },
      error: (e: unknown) => {
        this.periodsLoading.set(false);
        this.loadError.set(errorText(this.i18n, e));
      },
    });
  }

  pick(id: string | null): void {
    this.periodId.set(id);
    const period = this.periods().find((p) => p.id === id) ?? null;
    this.selected.set(period);
    this.sheet.set(null);
    this.lines.set([]);
    this.clearEdits();
    this.submitError.set(null);
    this.xlsxErrors.set(null);
    if (!id) {
      return;
    }
    if (period?.schemeId) {
      this.schemeApi.schemeGet({ id: period.schemeId }).subscribe({
        next: (scheme) => this.definition.set(asDefinition(scheme.definition)),
        error: () => this.definition.set(null),
      });
    }
    this.reload();
  }

  /** Reads the sheet again (after a submit or an xlsx upload), dropping unsaved edits. */
  reload(): void {
    const id = this.periodId();
    if (!id) {
      return;
    }
    this.loading.set(true);
    this.loadError.set(null);
    this.api.dataEntryGetSheet({ periodId: id }).subscribe({
      next: (sheet) => {
        if (this.periodId() !== id) {
          return;
        }
        this.loading.set(false);
        this.showSheet(sheet);
      },
      error: (e: unknown) => {
        this.loading.set(false);
        this.loadError.set(errorText(this.i18n, e));
      },
    });
  }

  private showSheet(sheet: EntrySheetDto): void {
    this.sheet.set(sheet);
    this.lines.set(sheet.lines ?? []);
    this.clearEdits();
  }

  private clearEdits(): void {
    this.states.set({});
    this.fieldErrors.set({});
    this.drafts.set({});
    this.texts.set({});
    this.pending.clear();
    this.selectedCodes.set(new Set());
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
    return line.status !== 'UnitSubmitted' || this.session.isGranted(this.P.Submit);
  }

  /** Lines a clerk may report: entered, not reported yet. */
  protected readonly reportable = computed(() =>
    this.lines().filter((l) => l.reported && (l.status === 'Draft' || l.status === 'Returned')),
  );

  value(line: EntryLineDto): EntryValueDto {
    return this.drafts()[line.indicatorCode ?? '']?.value ?? line.value ?? {};
  }

  note(line: EntryLineDto): string {
    const code = line.indicatorCode ?? '';
    const draft = this.drafts()[code];
    return (draft ? draft.note : line.note) ?? '';
  }

  valueText(line: EntryLineDto): string {
    return valueText(line.value, this.options(line));
  }

  /** Text of a number box: what was typed, else the stored number. */
  text(line: EntryLineDto, part: string, stored: number | null | undefined): string {
    const key = `${line.indicatorCode}|${part}`;
    const typed = this.texts()[key];
    if (typed !== undefined) {
      return typed;
    }
    return stored === null || stored === undefined ? '' : String(stored);
  }

  numberOf(line: EntryLineDto): number | null | undefined {
    return this.value(line).number;
  }

  countOf(line: EntryLineDto, type: string | null): number | null {
    const count = occurrenceCount(this.value(line), type);
    return count === 0 &&
      !(this.value(line).occurrences ?? []).some((o) => (o.type ?? null) === type)
      ? null
      : count;
  }

  flagsOf(line: EntryLineDto, type: string | null): string[] {
    return occurrenceFlags(this.value(line), type);
  }

  rateOf(line: EntryLineDto, key: string): number | null | undefined {
    return this.value(line).surveyRates?.[key];
  }

  fieldError(line: EntryLineDto, prefix: string): string | null {
    const errors = this.fieldErrors()[line.indicatorCode ?? ''] ?? {};
    const texts = Object.entries(errors)
      .filter(
        ([key]) => key === prefix || key.startsWith(prefix + '.') || key.startsWith(prefix + '['),
      )
      .map(([, text]) => text);
    return texts.length ? texts.join(' ') : null;
  }

  private edit(line: EntryLineDto, change: (draft: Draft) => Draft): void {
    const code = line.indicatorCode ?? '';
    this.drafts.update((drafts) => ({
      ...drafts,
      [code]: change(drafts[code] ?? { value: { ...(line.value ?? {}) }, note: line.note ?? null }),
    }));
  }

  private parse(text: string): number | null {
    const trimmed = text.trim();
    if (trimmed === '') {
      return null;
    }
    const value = Number(trimmed);
    return Number.isFinite(value) ? value : null;
  }

  private typed(line: EntryLineDto, part: string, event: Event): number | null {
    const raw = (event.target as HTMLInputElement).value;
    this.texts.update((t) => ({ ...t, [`${line.indicatorCode}|${part}`]: raw }));
    return this.parse(raw);
  }

  onNumber(line: EntryLineDto, event: Event): void {
    const value = this.typed(line, 'number', event);
    this.edit(line, (d) => ({ ...d, value: { ...d.value, number: value } }));
  }

  /** 上年同期值, kept in the line's value beside the number. */
  onLastYear(line: EntryLineDto, event: Event): void {
    const value = this.typed(line, 'lastYear', event);
    this.edit(line, (d) => ({ ...d, value: { ...d.value, lastYearNumber: value } }));
  }

  protected readonly offersLastYear = offersLastYear;

  onCount(line: EntryLineDto, type: string | null, event: Event): void {
    const count = Math.max(0, Math.trunc(this.typed(line, `occ:${type}`, event) ?? 0));
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

  /** A doubling flag's text ("major_event_period" → 重大活动安保期间), or the flag itself. */
  flagLabel(flag: string): string {
    const key = `dataEntry.flags.${flag}`;
    const text = this.i18n.t(key);
    return text === key ? flag : text;
  }

  isPresent(line: EntryLineDto, item: string): boolean {
    return (this.value(line).checklistPresent ?? []).includes(item);
  }

  onRate(line: EntryLineDto, key: string, event: Event): void {
    const rate = this.typed(line, `rate:${key}`, event);
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

  onNote(line: EntryLineDto, event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    this.edit(line, (d) => ({ ...d, note: text.trim() === '' ? null : text }));
  }

  stateMessage(line: EntryLineDto): string {
    const state = this.states()[line.indicatorCode ?? ''];
    return state?.kind === 'error' ? state.message : '';
  }

  conflictValue(line: EntryLineDto): string {
    const state = this.states()[line.indicatorCode ?? ''];
    return state?.kind === 'conflict' ? state.otherValue : '—';
  }

  /** Saves the line as a draft when what is typed differs from the stored line. */
  save(line: EntryLineDto): void {
    const code = line.indicatorCode ?? '';
    const periodId = this.periodId();
    const draft = this.drafts()[code];
    if (!periodId || !draft || !this.editable(line)) {
      return;
    }
    if (this.states()[code]?.kind === 'saving') {
      this.pending.add(code);
      return;
    }
    const current = this.lines().find((l) => l.indicatorCode === code) ?? line;
    const unchanged =
      sameValue(draft.value, current.value) && (draft.note ?? null) === (current.note ?? null);
    if (unchanged && this.states()[code]?.kind !== 'conflict') {
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
          if (this.drafts()[code] === draft) {
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
            const errors: Record<string, string> = {};
            for (const [key, messages] of Object.entries(problem?.errors ?? {})) {
              errors[key] = (messages ?? []).join(' ');
            }
            this.fieldErrors.update((all) => ({ ...all, [code]: errors }));
            this.setState(code, { kind: 'error', message: errorText(this.i18n, e) });
          }
        },
      });
  }

  /** Enter saves the line and moves to the next value box, like a spreadsheet. */
  saveAndNext(line: EntryLineDto, event: Event): void {
    event.preventDefault();
    this.save(line);
    const boxes = Array.from(
      this.host.nativeElement.querySelectorAll<HTMLInputElement>(
        'input.entry-cell:not([disabled])',
      ),
    );
    const index = boxes.indexOf(event.target as HTMLInputElement);
    boxes[index + 1]?.focus();
  }

  selectedList(): string {
    return [...this.selectedCodes()].join('、');
  }

  isSelected(line: EntryLineDto): boolean {
    return this.selectedCodes().has(line.indicatorCode ?? '');
  }

  setSelected(line: EntryLineDto, on: boolean): void {
    this.selectedCodes.update((set) => {
      const next = new Set(set);
      if (on) {
        next.add(line.indicatorCode ?? '');
      } else {
        next.delete(line.indicatorCode ?? '');
      }
      return next;
    });
  }

  openDrawer(line: EntryLineDto): void {
    this.drawerCode.set(line.indicatorCode ?? null);
  }

  onEvidenceChanged(change: { code: string; evidence: EvidenceDto[] }): void {
    this.lines.update((lines) =>
      lines.map((l) => (l.indicatorCode === change.code ? { ...l, evidence: change.evidence } : l)),
    );
    this.fieldErrors.update((all) => {
      const errors = { ...(all[change.code] ?? {}) };
      delete errors['evidence'];
      return { ...all, [change.code]: errors };
    });
  }

  onFactsSaved(facts: CityFactsDto): void {
    this.sheet.update((s) => (s ? { ...s, facts } : s));
  }

  /** 报送: the clerk reports lines to the city administrator (all entered ones when none is selected). */
  submitLines(all: boolean): void {
    const periodId = this.periodId();
    const codes = all
      ? this.reportable().map((l) => l.indicatorCode ?? '')
      : [...this.selectedCodes()];
    if (!periodId || this.submitting()) {
      return;
    }
    if (!codes.length) {
      this.message.warning(this.i18n.t('dataEntry.nothingSelected'));
      return;
    }
    this.submitting.set(true);
    this.submitError.set(null);
    this.api.dataEntrySubmitLines({ periodId, body: { indicatorCodes: codes } }).subscribe({
      next: (sheet) => {
        this.submitting.set(false);
        this.message.success(this.i18n.t('dataEntry.linesSubmitted', { count: codes.length }));
        this.showSheet(sheet);
      },
      error: (e: unknown) => {
        this.submitting.set(false);
        this.submitError.set(errorText(this.i18n, e));
        this.applyLineErrors(e);
      },
    });
  }

  protected readonly returnOpen = signal(false);
  readonly returnComment = signal('');
  protected readonly returnCommentError = signal<string | null>(null);

  openReturnLines(): void {
    if (!this.selectedCodes().size) {
      this.message.warning(this.i18n.t('dataEntry.nothingSelected'));
      return;
    }
    this.returnComment.set('');
    this.returnCommentError.set(null);
    this.returnOpen.set(true);
  }

  /** 退回: the city administrator sends reported lines back to the clerk with a comment. */
  returnLines(): void {
    const periodId = this.periodId();
    const comment = this.returnComment().trim();
    if (!periodId) {
      return;
    }
    if (!comment) {
      this.returnCommentError.set(this.i18n.t('dataEntry.returnCommentRequired'));
      return;
    }
    const codes = [...this.selectedCodes()];
    this.submitting.set(true);
    this.returnCommentError.set(null);
    this.api
      .dataEntryReturnLines({ periodId, body: { indicatorCodes: codes, comment } })
      .subscribe({
        next: (sheet) => {
          this.submitting.set(false);
          this.returnOpen.set(false);
          this.message.success(this.i18n.t('dataEntry.linesReturned', { count: codes.length }));
          this.showSheet(sheet);
        },
        error: (e: unknown) => {
          this.submitting.set(false);
          const problem = toProblemDetails(e);
          const commentErrors = problem?.errors?.['comment'];
          this.returnCommentError.set(
            commentErrors?.length ? commentErrors.join(' ') : errorText(this.i18n, e),
          );
          this.applyLineErrors(e);
        },
      });
  }

  /** 提交全市自评: the city's whole self-assessment goes to the province. */
  submitCity(): void {
    const periodId = this.periodId();
    if (!periodId || this.submitting()) {
      return;
    }
    this.submitting.set(true);
    this.submitError.set(null);
    this.api.dataEntrySubmit({ periodId }).subscribe({
      next: () => {
        this.submitting.set(false);
        this.message.success(this.i18n.t('dataEntry.citySubmitted'));
        this.reload();
      },
      error: (e: unknown) => {
        this.submitting.set(false);
        this.submitError.set(errorText(this.i18n, e));
        this.applyLineErrors(e);
      },
    });
  }

  /** "lines.F01.evidence" → the message beside F01's evidence. */
  private applyLineErrors(e: unknown): void {
    const problem = toProblemDetails(e);
    const byLine: Record<string, Record<string, string>> = {};
    for (const [key, messages] of Object.entries(problem?.errors ?? {})) {
      const match = /^lines\.([^.]+)\.?(.*)$/.exec(key);
      if (match) {
        byLine[match[1]] = {
          ...(byLine[match[1]] ?? {}),
          [match[2] || 'value']: (messages ?? []).join(' '),
        };
      }
    }
    this.fieldErrors.update((all) => ({ ...all, ...byLine }));
  }

  downloadTemplate(): void {
    const periodId = this.periodId();
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

  readonly beforeUploadXlsx = (file: NzUploadFile): boolean => {
    this.uploadXlsx(file as unknown as File);
    return false;
  };

  /** Saves every row of the workbook or nothing; the wrong cells are listed. */
  uploadXlsx(file: File): void {
    const periodId = this.periodId();
    if (!periodId) {
      return;
    }
    this.xlsxBusy.set(true);
    this.xlsxErrors.set(null);
    this.files.uploadXlsx(periodId, file).subscribe({
      next: (sheet) => {
        this.xlsxBusy.set(false);
        this.message.success(this.i18n.t('dataEntry.xlsxImported'));
        this.showSheet(sheet);
      },
      error: (e: unknown) => {
        this.xlsxBusy.set(false);
        const problem = toProblemDetails(e);
        const cells = Object.entries(problem?.errors ?? {}).map(([cell, messages]) => ({
          cell,
          message: (messages ?? []).join(' '),
        }));
        this.xlsxErrors.set(
          cells.length ? cells : [{ cell: '', message: errorText(this.i18n, e) }],
        );
      },
    });
  }

  private dropDraft(code: string): void {
    this.drafts.update((drafts) => {
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
    this.fieldErrors.update((all) => {
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
    this.lines.update((lines) =>
      lines.map((l) =>
        l.indicatorCode === code ? { ...line, evidence: line.evidence ?? l.evidence } : l,
      ),
    );
  }

  private setState(code: string, state: LineState): void {
    this.states.update((states) => ({ ...states, [code]: state }));
  }
}
