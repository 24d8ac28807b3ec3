import { Component, inject, input, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Router } from '@angular/router';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';

import { SchemesSchemeDto as SchemeDto, TenantsTenantDto as TenantDto } from '@api/models';
import { AgreementService, SchemeService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { errorText } from '@shared/error-text';
import { FieldErrorPipe } from '@shared/field-error.pipe';
import { formDialog } from '@shared/form-modal/form-dialog';
import { FormModalComponent } from '@shared/form-modal/form-modal.component';
import { SchemeFieldComponent } from '@shared/scheme-field.component';

/**
 * The province drafts an agreement for a city from a published scheme; the new draft opens at once.
 */
@Component({
  selector: 'app-agreement-create-dialog',
  imports: [
    ReactiveFormsModule,
    NzCheckboxModule,
    NzFormModule,
    NzInputModule,
    NzInputNumberModule,
    NzSelectModule,
    TranslatePipe,
    FieldErrorPipe,
    FormModalComponent,
    SchemeFieldComponent,
  ],
  template: `
    <app-form-modal
      [dialog]="dialog"
      [title]="'agreements.create' | t"
      [okText]="'agreements.createOk' | t"
      (submitted)="submit()"
    >
      <ng-container [formGroup]="form">
        <nz-form-item>
          <nz-form-label nzRequired nzFor="a-city">{{ 'agreements.city' | t }}</nz-form-label>
          <nz-form-control [nzErrorTip]="err">
            <nz-select
              nzId="a-city"
              formControlName="cityId"
              [nzPlaceHolder]="'agreements.pickCity' | t"
              data-testid="agreement-city"
            >
              @for (city of cities(); track city.id) {
                <nz-option [nzValue]="city.id" [nzLabel]="city.displayName || city.name || ''" />
              }
            </nz-select>
          </nz-form-control>
        </nz-form-item>
        <app-scheme-field
          [control]="form.controls.schemeId"
          [schemes]="schemes()"
          inputId="a-scheme"
          [label]="'agreements.scheme' | t"
          [hint]="'agreements.schemeHint' | t"
          [placeholder]="'agreements.pickScheme' | t"
          testId="agreement-scheme"
        />
        <nz-form-item>
          <nz-form-label nzFor="a-year">{{ 'agreements.year' | t }}</nz-form-label>
          <nz-form-control [nzErrorTip]="err">
            <nz-input-number nzId="a-year" formControlName="year" [nzMin]="2000" [nzMax]="2100" />
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzFor="a-title">{{ 'agreements.titleField' | t }}</nz-form-label>
          <nz-form-control [nzErrorTip]="err" [nzExtra]="'agreements.titleHint' | t">
            <input nz-input id="a-title" formControlName="title" maxlength="256" />
          </nz-form-control>
        </nz-form-item>
        <!-- eslint-disable-next-line @angular-eslint/template/label-has-associated-control -->
        <label nz-checkbox formControlName="withPlanKeyTasks" data-testid="agreement-with-tasks">{{
          'agreements.withPlanKeyTasks' | t
        }}</label>
        <ng-template #err let-control>{{ control | fieldError }}</ng-template>
      </ng-container>
    </app-form-modal>
  `,
})
export class AgreementCreateDialogComponent {
  private readonly api = inject(AgreementService);
  private readonly schemeApi = inject(SchemeService);
  private readonly message = inject(NzMessageService);
  private readonly router = inject(Router);
  private readonly fb = inject(FormBuilder);
  private readonly i18n = inject(I18nService);

  readonly cities = input.required<TenantDto[]>();
  /** Published schemes, loaded when the dialog first opens. */
  readonly schemes = signal<SchemeDto[]>([]);

  readonly form = this.fb.group({
    cityId: this.fb.control<string | null>(null, Validators.required),
    schemeId: this.fb.control<string | null>(null, Validators.required),
    year: this.fb.control<number | null>(null),
    title: this.fb.nonNullable.control(''),
    withPlanKeyTasks: this.fb.nonNullable.control(true),
  });
  readonly dialog = formDialog(this.form);

  constructor() {
    this.form.controls.schemeId.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe((id) => this.schemePicked(id));
  }

  show(): void {
    this.dialog.show();
    if (!this.schemes().length) {
      this.schemeApi
        .schemeGetList({ Status: 'Published', SkipCount: 0, MaxResultCount: 1000 })
        .subscribe({
          next: (result) =>
            this.schemes.set((result.items ?? []).filter((s) => s.status === 'Published')),
          error: (e: unknown) => this.dialog.error.set(errorText(this.i18n, e)),
        });
    }
  }

  /** The agreement's year follows the scheme's unless the user typed one. */
  schemePicked(id: string | null): void {
    const scheme = this.schemes().find((s) => s.id === id);
    const year = this.form.controls.year;
    if (scheme?.year && (year.value === null || year.pristine)) {
      year.setValue(scheme.year);
    }
  }

  submit(): void {
    this.dialog.save(
      (value) =>
        this.api.agreementCreate({
          body: {
            cityId: value.cityId!,
            schemeId: value.schemeId!,
            year: value.year ?? null,
            title: value.title.trim() || null,
            withPlanKeyTasks: value.withPlanKeyTasks,
          },
        }),
      (agreement) => {
        this.message.success(this.i18n.t('agreements.created', { title: agreement.title }));
        void this.router.navigate(['/agreements', agreement.id]);
      },
    );
  }
}
