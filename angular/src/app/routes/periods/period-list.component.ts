import { Component, OnInit, computed, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzDividerModule } from 'ng-zorro-antd/divider';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import {
  PeriodsPeriodDto as PeriodDto,
  PeriodsPeriodKind as PeriodKind,
  SchemesSchemeDto as SchemeDto,
} from '@api/models';
import { PeriodService, SchemeService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { Permissions } from '@core/permissions';
import { SessionService } from '@core/session/session.service';
import { errorText, formErrorText } from '@shared/error-text';
import { FieldErrorPipe } from '@shared/field-error.pipe';
import { revealErrors } from '@shared/form-utils';
import { PeriodAction, PeriodActionsComponent } from './period-actions.component';
import { localText, shanghaiWallClock } from '@shared/period-time';
import { periodStatusColour } from '@shared/status-colours';

/** Kinds in the host's enum order: the create input takes the index, the list shows the name. */
export const PERIOD_KINDS = ['Annual', 'HalfYear', 'Quarterly', 'Monthly'] as const;
export const PERIOD_STATUSES = ['Planned', 'Open', 'Locked', 'Published'] as const;

@Component({
  selector: 'app-period-list',
  imports: [
    ReactiveFormsModule,
    NzAlertModule,
    NzButtonModule,
    NzDatePickerModule,
    NzDividerModule,
    NzFormModule,
    NzIconModule,
    NzInputNumberModule,
    NzModalModule,
    NzPopconfirmModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    TranslatePipe,
    FieldErrorPipe,
    PeriodActionsComponent,
  ],
  template: `
    <div class="page-header">
      <div>
        <h1>{{ 'periods.title' | t }}</h1>
        <div class="subtitle">{{ 'periods.subtitle' | t }}</div>
      </div>
      <div class="header-actions">
        <button nz-button (click)="load()" [attr.aria-label]="'common.refresh' | t">
          <nz-icon nzType="reload" />
        </button>
        @if (session.isGranted(P.Manage)) {
          <button nz-button nzType="primary" (click)="openCreate()" data-testid="period-create">
            <nz-icon nzType="plus" />{{ 'periods.create' | t }}
          </button>
        }
      </div>
    </div>

    @if (loadError()) {
      <nz-alert class="form-alert" nzType="error" nzShowIcon [nzMessage]="loadError()!" />
    }

    <nz-table
      #table
      [nzData]="items()"
      [nzLoading]="loading()"
      [nzShowPagination]="items().length > 20"
      [nzPageSize]="20"
      data-testid="period-table"
    >
      <thead>
        <tr>
          <th>{{ 'periods.name' | t }}</th>
          <th>{{ 'periods.scheme' | t }}</th>
          <th nzWidth="90px">{{ 'periods.kind' | t }}</th>
          <th nzWidth="110px">{{ 'periods.yearNumber' | t }}</th>
          <th nzWidth="300px">{{ 'periods.window' | t }}</th>
          <th nzWidth="100px">{{ 'periods.status' | t }}</th>
          @if (canAct()) {
            <th nzWidth="150px">{{ 'common.actions' | t }}</th>
          }
        </tr>
      </thead>
      <tbody>
        @for (period of table.data; track period.id) {
          <tr>
            <td>{{ period.name }}</td>
            <td>{{ schemeName(period.schemeId) }}</td>
            <td>{{ 'periods.kinds.' + period.kind | t }}</td>
            <td>{{ period.year }} / {{ period.number }}</td>
            <td class="mono">
              {{ localText(period.entryOpensAtLocal) }} ~ {{ localText(period.entryClosesAtLocal) }}
            </td>
            <td>
              <nz-tag [nzColor]="statusColour(period.status)">{{
                'periods.statuses.' + period.status | t
              }}</nz-tag>
            </td>
            @if (canAct()) {
              <td class="row-actions">
                @if (period.status === 'Planned' && session.isGranted(P.Manage)) {
                  <a
                    nz-popconfirm
                    [nzPopconfirmTitle]="'periods.confirmOpen' | t: { name: period.name }"
                    [nzOkText]="'common.ok' | t"
                    [nzCancelText]="'common.cancel' | t"
                    (nzOnConfirm)="transition(period, 'open')"
                    role="button"
                    tabindex="0"
                    [class.disabled]="busyId() === period.id"
                    data-testid="period-open"
                    >{{ 'periods.open' | t }}</a
                  >
                }
                @if (period.status === 'Open' && session.isGranted(P.Manage)) {
                  <a
                    nz-popconfirm
                    [nzPopconfirmTitle]="'periods.confirmClose' | t: { name: period.name }"
                    [nzOkText]="'common.ok' | t"
                    [nzCancelText]="'common.cancel' | t"
                    nzOkDanger
                    (nzOnConfirm)="transition(period, 'close')"
                    role="button"
                    tabindex="0"
                    [class.disabled]="busyId() === period.id"
                    data-testid="period-close"
                    >{{ 'periods.close' | t }}</a
                  >
                }
                @if (period.status === 'Open' || period.status === 'Locked') {
                  @if (session.isGranted(R.Publish)) {
                    <a
                      (click)="act(period, 'publish')"
                      role="button"
                      tabindex="0"
                      data-testid="period-publish"
                      >{{ 'periodResults.publish' | t }}</a
                    >
                  }
                  @if (session.isGranted(P.Manage)) {
                    <a
                      (click)="act(period, 'exceptions')"
                      role="button"
                      tabindex="0"
                      data-testid="period-exceptions"
                      >{{ 'periodResults.exceptions' | t }}</a
                    >
                  }
                }
                @if (period.status === 'Published' && session.isGranted(R.Publish)) {
                  <a
                    (click)="act(period, 'veto')"
                    role="button"
                    tabindex="0"
                    data-testid="period-veto"
                    >{{ 'periodResults.retroactiveVeto' | t }}</a
                  >
                  <a
                    (click)="act(period, 'withdraw')"
                    role="button"
                    tabindex="0"
                    data-testid="period-withdraw"
                    >{{ 'periodResults.withdraw' | t }}</a
                  >
                  @if (!period.finalizedTime) {
                    <a
                      (click)="act(period, 'withdrawPublication')"
                      role="button"
                      tabindex="0"
                      data-testid="period-withdraw-publication"
                      >{{ 'periodResults.withdrawPublication' | t }}</a
                    >
                    <a
                      (click)="act(period, 'finalize')"
                      role="button"
                      tabindex="0"
                      data-testid="period-finalize"
                      >{{ 'periodResults.finalize' | t }}</a
                    >
                  }
                }
              </td>
            }
          </tr>
        }
      </tbody>
    </nz-table>

    <app-period-actions
      [period]="actionPeriod()"
      [action]="action()"
      (changed)="load()"
      (closed)="action.set(null)"
    />

    <nz-modal
      [nzVisible]="createOpen()"
      [nzTitle]="'periods.create' | t"
      [nzOkText]="'common.save' | t"
      [nzCancelText]="'common.cancel' | t"
      [nzOkLoading]="createSaving()"
      (nzOnOk)="submitCreate()"
      (nzOnCancel)="createOpen.set(false)"
    >
      <form
        *nzModalContent
        nz-form
        nzLayout="vertical"
        [formGroup]="createForm"
        (ngSubmit)="submitCreate()"
      >
        @if (createError()) {
          <nz-alert class="form-alert" nzType="error" nzShowIcon [nzMessage]="createError()!" />
        }
        <nz-form-item>
          <nz-form-label nzRequired nzFor="p-scheme">{{ 'periods.scheme' | t }}</nz-form-label>
          <nz-form-control [nzErrorTip]="err" [nzExtra]="'periods.schemeHint' | t">
            <nz-select
              nzId="p-scheme"
              formControlName="schemeId"
              [nzPlaceHolder]="'periods.pickScheme' | t"
              data-testid="period-scheme"
            >
              @for (scheme of publishedSchemes(); track scheme.id) {
                <nz-option
                  [nzValue]="scheme.id"
                  [nzLabel]="scheme.name + ' (' + scheme.year + ' v' + scheme.version + ')'"
                />
              }
            </nz-select>
          </nz-form-control>
        </nz-form-item>
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
        <nz-form-item>
          <nz-form-label nzRequired nzFor="p-opens">{{ 'periods.opensAt' | t }}</nz-form-label>
          <nz-form-control [nzErrorTip]="err" [nzExtra]="'periods.timeZoneHint' | t">
            <nz-date-picker
              nzId="p-opens"
              formControlName="entryOpensAt"
              [nzShowTime]="{ nzFormat: 'HH:mm' }"
              nzFormat="yyyy-MM-dd HH:mm"
            />
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzRequired nzFor="p-closes">{{ 'periods.closesAt' | t }}</nz-form-label>
          <nz-form-control [nzErrorTip]="err">
            <nz-date-picker
              nzId="p-closes"
              formControlName="entryClosesAt"
              [nzShowTime]="{ nzFormat: 'HH:mm' }"
              nzFormat="yyyy-MM-dd HH:mm"
            />
          </nz-form-control>
        </nz-form-item>
        <ng-template #err let-control>{{ control | fieldError }}</ng-template>
        <button type="submit" hidden aria-hidden="true"></button>
      </form>
    </nz-modal>
  `,
  styles: `
    .header-actions {
      display: flex;
      gap: 8px;
    }
    .row-actions a {
      display: inline-block;
      margin-right: 12px;
    }
    .row {
      display: flex;
      gap: 16px;
      flex-wrap: wrap;
    }
  `,
})
export class PeriodListComponent implements OnInit {
  private readonly api = inject(PeriodService);
  private readonly schemeApi = inject(SchemeService);
  private readonly message = inject(NzMessageService);
  private readonly fb = inject(FormBuilder);
  protected readonly i18n = inject(I18nService);
  protected readonly session = inject(SessionService);
  protected readonly P = Permissions.Periods;
  protected readonly R = Permissions.Results;
  protected readonly canAct = computed(
    () => this.session.isGranted(this.P.Manage) || this.session.isGranted(this.R.Publish),
  );
  protected readonly actionPeriod = signal<PeriodDto | null>(null);
  protected readonly action = signal<PeriodAction | null>(null);
  protected readonly kinds = PERIOD_KINDS;
  protected readonly statusColour = periodStatusColour;
  protected readonly localText = localText;

  protected readonly items = signal<PeriodDto[]>([]);
  protected readonly loading = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly busyId = signal<string | null>(null);
  /** Schemes of every status: they name the scheme column (an archived scheme keeps its name). */
  protected readonly schemes = signal<SchemeDto[]>([]);
  /** Only a published scheme may get a new period. */
  protected readonly publishedSchemes = computed(() =>
    this.schemes().filter((s) => s.status === 'Published'),
  );

  protected readonly createOpen = signal(false);
  protected readonly createSaving = signal(false);
  protected readonly createError = signal<string | null>(null);
  readonly createForm = this.fb.group({
    schemeId: this.fb.control<string | null>(null, Validators.required),
    kind: this.fb.nonNullable.control<PeriodKind>(0, Validators.required),
    year: this.fb.control<number | null>(new Date().getFullYear(), Validators.required),
    number: this.fb.control<number | null>(1, Validators.required),
    entryOpensAt: this.fb.control<Date | null>(null, Validators.required),
    entryClosesAt: this.fb.control<Date | null>(null, Validators.required),
  });

  ngOnInit(): void {
    this.load();
    this.schemeApi.schemeGetList({ SkipCount: 0, MaxResultCount: 1000 }).subscribe({
      next: (result) => this.schemes.set(result.items ?? []),
      error: () => this.schemes.set([]),
    });
  }

  load(): void {
    this.loading.set(true);
    this.loadError.set(null);
    this.api.periodGetList({}).subscribe({
      next: (list) => {
        this.items.set(list ?? []);
        this.loading.set(false);
      },
      error: (e: unknown) => {
        this.loading.set(false);
        this.loadError.set(errorText(this.i18n, e));
      },
    });
  }

  act(period: PeriodDto, action: PeriodAction): void {
    this.actionPeriod.set(period);
    this.action.set(action);
  }

  schemeName(id: string | null | undefined): string {
    return this.schemes().find((s) => s.id === id)?.name ?? '';
  }

  openCreate(): void {
    this.createError.set(null);
    this.createOpen.set(true);
  }

  submitCreate(): void {
    if (this.createForm.invalid) {
      revealErrors(this.createForm);
      return;
    }
    const value = this.createForm.getRawValue();
    this.createSaving.set(true);
    this.createError.set(null);
    this.api
      .periodCreate({
        body: {
          schemeId: value.schemeId!,
          kind: value.kind,
          year: value.year!,
          number: value.number!,
          entryOpensAt: shanghaiWallClock(value.entryOpensAt!),
          entryClosesAt: shanghaiWallClock(value.entryClosesAt!),
        },
      })
      .subscribe({
        next: (period) => {
          this.createSaving.set(false);
          this.createOpen.set(false);
          this.message.success(this.i18n.t('periods.created', { name: period?.name ?? '' }));
          this.load();
        },
        error: (e: unknown) => {
          this.createSaving.set(false);
          this.createError.set(formErrorText(this.i18n, this.createForm, e));
        },
      });
  }

  transition(period: PeriodDto, action: 'open' | 'close'): void {
    const id = period.id ?? '';
    this.busyId.set(id);
    const call = action === 'open' ? this.api.periodOpen({ id }) : this.api.periodClose({ id });
    call.subscribe({
      next: () => {
        this.busyId.set(null);
        this.message.success(
          this.i18n.t(action === 'open' ? 'periods.opened' : 'periods.closed', {
            name: period.name,
          }),
        );
        this.load();
      },
      error: (e: unknown) => {
        this.busyId.set(null);
        this.message.error(errorText(this.i18n, e));
      },
    });
  }
}
