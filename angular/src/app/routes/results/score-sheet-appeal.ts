import { inject, signal } from '@angular/core';
import { FormBuilder, Validators } from '@angular/forms';
import { NzMessageService } from 'ng-zorro-antd/message';
import { catchError, map, of, switchMap } from 'rxjs';

import { AppealService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { errorText } from '@shared/error-text';
import { formDialog } from '@shared/form-modal/form-dialog';

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

  /** The line being appealed ('' for the total); the dialog's title names it. */
  readonly target = signal<{ code: string; name: string } | null>(null);
  readonly dialog = formDialog(
    this.fb.group({
      reason: this.fb.control<string>('', [Validators.required, Validators.maxLength(1000)]),
      requestedScore: this.fb.control<number | null>(null),
    }),
  );

  constructor(
    private readonly periodId: () => string | null,
    private readonly filed: (periodId: string) => void,
  ) {}

  open(code: string, name: string): void {
    this.dialog.form.reset({ reason: '', requestedScore: null });
    this.file = null;
    this.target.set({ code, name });
    this.dialog.show();
  }

  pickFile(event: Event): void {
    this.file = (event.target as HTMLInputElement).files?.[0] ?? null;
  }

  /**
   * Files the appeal, then its evidence if one was chosen. The appeal stands even when its evidence
   * is refused: the dialog closes and the refusal is shown as a message.
   */
  submit(): void {
    const target = this.target();
    const periodId = this.periodId();
    if (!target || !periodId) {
      return;
    }
    const file = this.file;
    this.dialog.save(
      (value) =>
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
          .pipe(
            switchMap((appeal) =>
              file && appeal.id
                ? this.api.appealUploadEvidence({ id: appeal.id, body: { file } }).pipe(
                    map((): unknown => null),
                    catchError((e: unknown) => of(e)),
                  )
                : of(null),
            ),
          ),
      (evidenceRefused) => {
        this.message.success(this.i18n.t('scoreSheet.appealFiled'));
        this.filed(periodId);
        if (evidenceRefused) {
          this.message.error(errorText(this.i18n, evidenceRefused));
        }
      },
    );
  }
}
