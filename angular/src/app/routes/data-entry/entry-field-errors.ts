import { signal } from '@angular/core';

import { DataEntryEntryLineDto as EntryLineDto } from '@api/models';
import { toProblemDetails } from '@core/net/problem-details';

/** A ProblemDetails' field messages, one text a field. */
export function messagesByField(e: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [key, messages] of Object.entries(toProblemDetails(e)?.errors ?? {})) {
    errors[key] = (messages ?? []).join(' ');
  }
  return errors;
}

/**
 * The host's messages of the last failed save or submit, by indicator code and field ("value.number",
 * "note", "evidence"), shown beside the field of the line.
 */
export class EntryFieldErrors {
  private readonly _all = signal<Record<string, Record<string, string>>>({});
  readonly all = this._all.asReadonly();

  /** The messages of a field of a line ("value" covers "value.number", "value[0]"…). */
  of(line: EntryLineDto, prefix: string): string | null {
    const errors = this._all()[line.indicatorCode ?? ''] ?? {};
    const texts = Object.entries(errors)
      .filter(
        ([key]) => key === prefix || key.startsWith(prefix + '.') || key.startsWith(prefix + '['),
      )
      .map(([, text]) => text);
    return texts.length ? texts.join(' ') : null;
  }

  /** The messages of one line's save. */
  setLine(code: string, errors: Record<string, string>): void {
    this._all.update((all) => ({ ...all, [code]: errors }));
  }

  /** "lines.F01.evidence" → the message beside F01's evidence. */
  applyLineErrors(e: unknown): void {
    const byLine: Record<string, Record<string, string>> = {};
    for (const [key, text] of Object.entries(messagesByField(e))) {
      const match = /^lines\.([^.]+)\.?(.*)$/.exec(key);
      if (match) {
        byLine[match[1]] = { ...(byLine[match[1]] ?? {}), [match[2] || 'value']: text };
      }
    }
    this._all.update((all) => ({ ...all, ...byLine }));
  }

  /** An evidence change answers the line's evidence message. */
  clearEvidence(code: string): void {
    this._all.update((all) => {
      const errors = { ...(all[code] ?? {}) };
      delete errors['evidence'];
      return { ...all, [code]: errors };
    });
  }

  /** A saved line: its messages go, but the evidence one (answered only by evidence). */
  clearLine(code: string): void {
    this._all.update((all) => {
      const next = { ...all };
      const keep = next[code]?.['evidence'];
      delete next[code];
      if (keep) {
        next[code] = { evidence: keep };
      }
      return next;
    });
  }

  clear(): void {
    this._all.set({});
  }
}
