import { Signal, WritableSignal, inject, signal } from '@angular/core';

import {
  DataEntryEntryLineDto as EntryLineDto,
  DataEntryEntryValueDto as EntryValueDto,
} from '@api/models';
import { DataEntryService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { toProblemDetails } from '@core/net/problem-details';
import {
  EntryOptions,
  occurrenceCount,
  occurrenceFlags,
  sameValue,
  valueText,
} from '@shared/entry-value';
import { errorText } from '@shared/error-text';
import { EntryFieldErrors, messagesByField } from './entry-field-errors';
import { FedOverrides } from './entry-override-reason.component';

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

/** What the drafts need of the sheet they belong to. */
export interface DraftsHost {
  readonly periodId: Signal<string | null>;
  readonly lines: WritableSignal<EntryLineDto[]>;
  options(line: EntryLineDto): EntryOptions;
  editable(line: EntryLineDto): boolean;
}

function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') {
    return null;
  }
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/**
 * Drafts typed in the grid and their save queue: one save a line at a time, a change during a save is
 * saved again when it returns; conflicts (409: the other value is shown, the typed one kept and the new
 * stamp taken) and the host's field errors by line.
 */
export class EntryDrafts {
  private readonly api = inject(DataEntryService);
  private readonly i18n = inject(I18nService);

  private readonly _states = signal<Record<string, LineState>>({});
  private readonly _drafts = signal<Record<string, Draft>>({});
  /** Raw text of number boxes (kept exactly as typed), by "code|part". */
  private readonly texts = signal<Record<string, string>>({});
  /** Lines whose draft changed while a save was on its way: saved again when it returns. */
  private readonly pending = new Set<string>();

  readonly states = this._states.asReadonly();
  /** The host's messages by line and field. */
  readonly errors = new EntryFieldErrors();
  readonly drafts = this._drafts.asReadonly();
  /** Reasons for changing fed values, asked before their save. */
  readonly overrides = new FedOverrides();

  constructor(private readonly host: DraftsHost) {}

  /** The value shown for a line: the draft, else the stored value. */
  value(line: EntryLineDto): EntryValueDto {
    return this._drafts()[line.indicatorCode ?? '']?.value ?? line.value ?? {};
  }

  note(line: EntryLineDto): string {
    const draft = this._drafts()[line.indicatorCode ?? ''];
    return (draft ? draft.note : line.note) ?? '';
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
    return this.errors.of(line, prefix);
  }

  stateMessage(line: EntryLineDto): string {
    const state = this._states()[line.indicatorCode ?? ''];
    return state?.kind === 'error' ? state.message : '';
  }

  conflictValue(line: EntryLineDto): string {
    const state = this._states()[line.indicatorCode ?? ''];
    return state?.kind === 'conflict' ? state.otherValue : '—';
  }

  /** Changes the draft of a line (started from the stored line) and returns the new draft. */
  edit(line: EntryLineDto, change: (draft: Draft) => Draft): Draft {
    const code = line.indicatorCode ?? '';
    const next = change(
      this._drafts()[code] ?? { value: { ...(line.value ?? {}) }, note: line.note ?? null },
    );
    this._drafts.update((drafts) => ({ ...drafts, [code]: next }));
    return next;
  }

  /** Keeps the raw text of a number box and gives its number (null when empty or not a number). */
  typed(line: EntryLineDto, part: string, raw: string): number | null {
    this.texts.update((t) => ({ ...t, [`${line.indicatorCode}|${part}`]: raw }));
    return parseNumber(raw);
  }

  /** Saves the line as a draft when what is typed differs from the stored line. */
  save(line: EntryLineDto): void {
    const code = line.indicatorCode ?? '';
    const periodId = this.host.periodId();
    const draft = this._drafts()[code];
    if (!periodId || !draft || !this.host.editable(line)) {
      return;
    }
    if (this._states()[code]?.kind === 'saving') {
      this.pending.add(code);
      return;
    }
    const current = this.host.lines().find((l) => l.indicatorCode === code) ?? line;
    const unchanged =
      sameValue(draft.value, current.value) && (draft.note ?? null) === (current.note ?? null);
    if (
      (unchanged && this._states()[code]?.kind !== 'conflict') ||
      this.overrides.mustAsk(current)
    ) {
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
          // Only a change of a fed value carries a reason.
          ...(this.overrides.reason(code) ? { overrideReason: this.overrides.reason(code) } : {}),
        },
      })
      .subscribe({
        next: (saved) => {
          this.replaceLine(code, saved);
          this.overrides.done(code);
          this.errors.clearLine(code);
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
              otherValue: valueText(other.value, this.host.options(other)),
            });
          } else {
            const errors = messagesByField(e);
            this.overrides.refused(current, errors['overrideReason']);
            this.errors.setLine(code, errors);
            this.setState(code, { kind: 'error', message: errorText(this.i18n, e) });
          }
        },
      });
  }

  /** "lines.F01.evidence" → the message beside F01's evidence. */
  applyLineErrors(e: unknown): void {
    this.errors.applyLineErrors(e);
  }

  clearEvidenceError(code: string): void {
    this.errors.clearEvidence(code);
  }

  /** Drops every draft, state and message (another sheet is shown). */
  clear(): void {
    this._states.set({});
    this.errors.clear();
    this._drafts.set({});
    this.texts.set({});
    this.pending.clear();
    this.overrides.clear();
  }

  /** Puts the stored value back in the line's boxes (a change of a fed value given up). */
  discard(code: string): void {
    this.dropDraft(code);
    this.errors.clearLine(code);
    this.overrides.done(code);
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

  private replaceLine(code: string, line: EntryLineDto): void {
    this.host.lines.update((lines) =>
      lines.map((l) =>
        l.indicatorCode === code
          ? {
              ...line,
              evidence: line.evidence ?? l.evidence,
              // A saved line comes back without the sheet's points: the last known ones stay.
              points: line.points ?? l.points,
              explanation: line.explanation ?? l.explanation,
            }
          : l,
      ),
    );
  }

  private setState(code: string, state: LineState): void {
    this._states.update((states) => ({ ...states, [code]: state }));
  }
}
