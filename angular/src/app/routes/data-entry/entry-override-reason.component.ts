import { Component, effect, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzModalModule } from 'ng-zorro-antd/modal';

import { DataEntryEntryLineDto as EntryLineDto } from '@api/models';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { revealErrors } from '@shared/form-utils';
import { ReasonFieldComponent } from '@shared/reason-field.component';
import { DataEntryStore } from './data-entry.store';

/** The server's limit of an override reason (FeedConsts.MaxReasonLength). */
export const MAX_OVERRIDE_REASON = 500;

/** A fed line whose change waits for a reason; the server's message when it refused the last one. */
export interface OverrideAsk {
  code: string;
  sourceName: string;
  message: string | null;
}

/**
 * A value a data feed wrote is changed by a person only with a reason (docs/adr/0023): the save of such a
 * line waits here until one is given, and the reason goes with it. Used by {@link EntryDrafts}.
 */
export class FedOverrides {
  private readonly _ask = signal<OverrideAsk | null>(null);
  private readonly reasons = new Map<string, string>();

  /** The line whose reason is being asked for. */
  readonly ask = this._ask.asReadonly();

  /** True when the line's stored value came from a feed and no reason is given yet: the reason is asked for. */
  mustAsk(line: EntryLineDto): boolean {
    const code = line.indicatorCode ?? '';
    if (!line.sourceName || this.reasons.has(code)) {
      return false;
    }
    // A second save of the same line (the box loses focus to the prompt) keeps the question as it is.
    if (this._ask()?.code !== code) {
      this._ask.set({ code, sourceName: line.sourceName, message: null });
    }
    return true;
  }

  reason(code: string): string | null {
    return this.reasons.get(code) ?? null;
  }

  give(code: string, reason: string): void {
    this.reasons.set(code, reason);
    this._ask.set(null);
  }

  /** The save went through (or the line is dropped): the reason was used. */
  done(code: string): void {
    this.reasons.delete(code);
    if (this._ask()?.code === code) {
      this._ask.set(null);
    }
  }

  /** The server refused the reason (or found the line fed meanwhile): asked again, with its message. */
  refused(line: EntryLineDto, message: string | undefined): boolean {
    if (!message) {
      return false;
    }
    const code = line.indicatorCode ?? '';
    this.reasons.delete(code);
    this._ask.set({ code, sourceName: line.sourceName ?? '', message });
    return true;
  }

  clear(): void {
    this.reasons.clear();
    this._ask.set(null);
  }
}

/** The prompt for the reason: saving sends it with the value; cancelling puts the fed value back. */
@Component({
  selector: 'app-entry-override-reason',
  imports: [
    ReactiveFormsModule,
    NzAlertModule,
    NzFormModule,
    NzModalModule,
    TranslatePipe,
    ReasonFieldComponent,
  ],
  template: `
    @let ask = overrides.ask();
    <nz-modal
      [nzVisible]="!!ask"
      [nzTitle]="'dataEntry.overrideTitle' | t: { code: ask?.code ?? '' }"
      [nzOkText]="'common.save' | t"
      [nzCancelText]="'common.cancel' | t"
      (nzOnOk)="confirm()"
      (nzOnCancel)="cancel()"
    >
      <ng-container *nzModalContent>
        <p data-testid="override-source">
          {{ 'dataEntry.overrideHint' | t: { source: ask?.sourceName ?? '' } }}
        </p>
        @if (ask?.message) {
          <nz-alert class="form-alert" nzType="error" nzShowIcon [nzMessage]="ask!.message!" />
        }
        <form nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="confirm()">
          <app-reason-field
            inputId="override-reason"
            [label]="'feeds.overrideReason' | t"
            testId="override-reason"
          />
        </form>
      </ng-container>
    </nz-modal>
  `,
})
export class EntryOverrideReasonComponent {
  private readonly store = inject(DataEntryStore);
  protected readonly overrides = this.store.drafts.overrides;
  protected readonly form = inject(FormBuilder).nonNullable.group({
    reason: ['', [Validators.required, Validators.maxLength(MAX_OVERRIDE_REASON)]],
  });

  constructor() {
    // A new question starts with an empty box.
    effect(() => {
      if (this.overrides.ask()?.message === null) {
        this.form.reset({ reason: '' });
      }
    });
  }

  confirm(): void {
    const ask = this.overrides.ask();
    const reason = this.form.getRawValue().reason.trim();
    if (!ask) {
      return;
    }
    if (this.form.invalid || reason === '') {
      this.form.controls.reason.setErrors({ required: true });
      revealErrors(this.form);
      return;
    }
    this.overrides.give(ask.code, reason);
    const line = this.store.lines().find((l) => l.indicatorCode === ask.code);
    if (line) {
      this.store.save(line);
    }
  }

  cancel(): void {
    const ask = this.overrides.ask();
    if (ask) {
      this.store.drafts.discard(ask.code);
    }
  }
}
