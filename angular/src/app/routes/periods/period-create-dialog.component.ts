import { Component, inject, input, output } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzSelectModule } from 'ng-zorro-antd/select';

import {
  PeriodsPeriodDto as PeriodDto,
  PeriodsPeriodKind as PeriodKind,
  SchemesSchemeDto as SchemeDto,
} from '@api/models';
import { PeriodService } from '@api/services';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { FieldErrorPipe } from '@shared/field-error.pipe';
import { formDialog } from '@shared/form-modal/form-dialog';
import { FormModalComponent } from '@shared/form-modal/form-modal.component';
import { SchemeFieldComponent } from '@shared/scheme-field.component';
import { shanghaiWallClock } from '@shared/period-time';
import { PERIOD_KINDS } from './period-kinds';

/** A new assessment period of a published scheme: kind, year, number and the entry window. */
@Component({
  selector: 'app-period-create-dialog',
  imports: [
    ReactiveFormsModule,
    NzDatePickerModule,
    NzFormModule,
    NzInputNumberModule,
    NzSelectModule,
    TranslatePipe,
    FieldErrorPipe,
    FormModalComponent,
    SchemeFieldComponent,
  ],
  template: `
    <app-form-modal [dialog]="dialog" [title]="'periods.create' | t" (submitted)="submit()">
      <ng-container [formGroup]="form">
        <app-scheme-field
          [control]="form.controls.schemeId"
          [schemes]="schemes()"
          inputId="p-scheme"
          [label]="'periods.scheme' | t"
          [hint]="'periods.schemeHint' | t"
          [placeholder]="'periods.pickScheme' | t"
          testId="period-scheme"
        />
        <div class="row">
          <nz-form-item>
            <nz-form-label nzRequired nzFor="p-kind">{{ 'periods.kind' | t }}</nz-form-label>
            <nz-form-control [nzErrorTip]="err">
              <nz-select nzId="p-kind" formControlName="kind" style="width: 140px">
                @for (kind of kinds; track kind; let i = $index) {
                  <nz-option [nzValue]="i" [nzLabel]="'periods.kinds.' + kind | t" />
                }
              </nz-select>
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzRequired nzFor="p-year">{{ 'periods.year' | t }}</nz-form-label>
            <nz-form-control [nzErrorTip]="err">
              <nz-input-number nzId="p-year" formControlName="year" [nzMin]="2000" [nzMax]="2100" />
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzRequired nzFor="p-number">{{ 'periods.number' | t }}</nz-form-label>
            <nz-form-control [nzErrorTip]="err">
              <nz-input-number nzId="p-number" formControlName="number" [nzMin]="1" [nzMax]="12" />
            </nz-form-control>
          </nz-form-item>
        </div>
        @for (field of windowFields; track field.name) {
          <nz-form-item>
            <nz-form-label nzRequired [nzFor]="field.id">{{ field.label | t }}</nz-form-label>
            <nz-form-control [nzErrorTip]="err" [nzExtra]="field.extra ? (field.extra | t) : ''">
              <nz-date-picker
                [nzId]="field.id"
                [formControlName]="field.name"
                [nzShowTime]="{ nzFormat: 'HH:mm' }"
                nzFormat="yyyy-MM-dd HH:mm"
              />
            </nz-form-control>
          </nz-form-item>
        }
        <ng-template #err let-control>{{ control | fieldError }}</ng-template>
      </ng-container>
    </app-form-modal>
  `,
  styles: `
    .row {
      display: flex;
      gap: 16px;
      flex-wrap: wrap;
    }
  `,
})
export class PeriodCreateDialogComponent {
  private readonly api = inject(PeriodService);
  private readonly fb = inject(FormBuilder);
  protected readonly kinds = PERIOD_KINDS;
  /** The entry window's two pickers: when entry opens (with the time-zone hint) and closes. */
  protected readonly windowFields = [
    {
      name: 'entryOpensAt',
      id: 'p-opens',
      label: 'periods.opensAt',
      extra: 'periods.timeZoneHint',
    },
    { name: 'entryClosesAt', id: 'p-closes', label: 'periods.closesAt', extra: '' },
  ] as const;

  /** Only a published scheme may get a new period. */
  readonly schemes = input.required<SchemeDto[]>();
  readonly created = output<PeriodDto>();

  readonly form = this.fb.group({
    schemeId: this.fb.control<string | null>(null, Validators.required),
    kind: this.fb.nonNullable.control<PeriodKind>(0, Validators.required),
    year: this.fb.control<number | null>(new Date().getFullYear(), Validators.required),
    number: this.fb.control<number | null>(1, Validators.required),
    entryOpensAt: this.fb.control<Date | null>(null, Validators.required),
    entryClosesAt: this.fb.control<Date | null>(null, Validators.required),
  });
  readonly dialog = formDialog(this.form);

  show(): void {
    this.dialog.show();
  }

  submit(): void {
    this.dialog.save(
      (value) =>
        this.api.periodCreate({
          body: {
            schemeId: value.schemeId!,
            kind: value.kind,
            year: value.year!,
            number: value.number!,
            entryOpensAt: shanghaiWallClock(value.entryOpensAt!),
            entryClosesAt: shanghaiWallClock(value.entryClosesAt!),
          },
        }),
      (period) => this.created.emit(period),
    );
  }
}
