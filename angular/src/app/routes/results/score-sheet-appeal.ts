import { inject, signal } from '@angular/core';
import { FormBuilder, Validators } from '@angular/forms';
import { NzMessageService } from 'ng-zorro-antd/message';

import { AppealService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { errorText, formErrorText } from '@shared/error-text';
import { revealErrors } from '@shared/form-utils';

/**
 * 申诉 from the score sheet: the dialog's form, the appeal filed, then its evidence if one was chosen.
 * Created in a component's field initializer (it injects).
 */
export class SheetAppeal {
  private readonly api = inject(AppealService);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(I18nService);
  private readonly fb = inject(FormBuilder);
  private file: File | null = null;

  /** The line being appealed ('' for the total), or null when the dialog is closed. */
  readonly target = signal<{ code: string; name: string } | null>(null);
  readonly saving = signal(false);
  readonly error = signal<string | null>(null);
  readonly form = this.fb.group({
    reason: this.fb.control<string>('', [Validators.required, Validators.maxLength(1000)]),
    requestedScore: this.fb.control<number | null>(null),
  });

  constructor(
    private readonly periodId: () => string | null,
    private readonly filed: (periodId: string) => void,
  ) {}

  open(code: string, name: string): void {
    this.form.reset({ reason: '', requestedScore: null });
    this.file = null;
    this.error.set(null);
    this.target.set({ code, name });
  }

  pickFile(event: Event): void {
    this.file = (event.target as HTMLInputElement).files?.[0] ?? null;
  }

  /** Files the appeal, then its evidence if one was chosen. */
  submit(): void {
    const target = this.target();
    const periodId = this.periodId();
    if (!target || !periodId) {
      return;
    }
    if (this.form.invalid) {
      revealErrors(this.form);
      return;
    }
    const value = this.form.getRawValue();
    this.saving.set(true);
    this.error.set(null);
    this.api
      .appealCreate({
        body: {
          periodId,
          indicatorCode: target.code || null,
          reason: (value.reason ?? '').trim(),
          requestedScore:
            value.requestedScore === null || String(value.requestedScore) === ''
              ? null
              : Number(value.requestedScore),
        },
      })
      .subscribe({
        next: (appeal) => {
          const done = () => {
            this.saving.set(false);
            this.target.set(null);
            this.message.success(this.i18n.t('scoreSheet.appealFiled'));
            this.filed(periodId);
          };
          if (this.file && appeal.id) {
            this.api.appealUploadEvidence({ id: appeal.id, body: { file: this.file } }).subscribe({
              next: done,
              error: (e: unknown) => {
                done();
                this.message.error(errorText(this.i18n, e));
              },
            });
          } else {
            done();
          }
        },
        error: (e: unknown) => {
          this.saving.set(false);
          this.error.set(formErrorText(this.i18n, this.form, e));
        },
      });
  }
}
