import { Signal, inject, signal } from '@angular/core';

import { DataEntryEntryLineDto as EntryLineDto } from '@api/models';
import { I18nService } from '@core/i18n/i18n.service';
import { EntryOptions } from '@shared/entry-value';
import { pasteColumn } from './entry-grid-view';

/** What a pasted column needs of the sheet. */
export interface PasteHost {
  readonly visible: Signal<EntryLineDto[]>;
  options(line: EntryLineDto): EntryOptions;
  editable(line: EntryLineDto): boolean;
  onNumber(line: EntryLineDto, raw: string): void;
  onCount(line: EntryLineDto, type: string | null, raw: string): void;
  save(line: EntryLineDto): void;
}

/**
 * A column pasted from Excel into a line's value: from that line down, one value a visible line, each
 * saved; a cell that is not a number, or a line not entered as one, keeps its message beside the line.
 */
export class EntryPaste {
  private readonly i18n = inject(I18nService);
  private readonly _errors = signal<Record<string, string>>({});
  /** Why a pasted cell was not taken, by indicator code. */
  readonly errors = this._errors.asReadonly();

  constructor(private readonly host: PasteHost) {}

  /** False when the text is a single value (the box takes it as typed). */
  paste(line: EntryLineDto, text: string): boolean {
    if (!/[\r\n]/.test(text.replace(/[\r\n]+$/, ''))) {
      return false;
    }
    const visible = this.host.visible();
    const from = visible.findIndex((l) => l.indicatorCode === line.indicatorCode);
    const cells = pasteColumn(
      text,
      visible.slice(Math.max(from, 0)),
      (l) => this.host.options(l),
      (l) => this.host.editable(l),
    );
    const errors: Record<string, string> = {};
    for (const cell of cells) {
      if (cell.error) {
        errors[cell.line.indicatorCode ?? ''] = this.i18n.t(`dataEntry.paste.${cell.error}`, {
          text: cell.text,
        });
        continue;
      }
      if (this.host.options(cell.line).kind === 'number') {
        this.host.onNumber(cell.line, String(cell.value));
      } else {
        this.host.onCount(cell.line, null, String(cell.value));
      }
      this.host.save(cell.line);
    }
    this._errors.set(errors);
    return true;
  }

  clear(): void {
    this._errors.set({});
  }
}
