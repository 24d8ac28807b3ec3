import { DatePipe } from '@angular/common';
import { Component, OnInit, computed, inject, signal } from '@angular/core';
import { FormBuilder, FormsModule, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';

import {
  AgreementsAgreementDto as AgreementDto,
  SchemesSchemeDto as SchemeDto,
  TenantsTenantDto as TenantDto,
} from '@api/models';
import { AgreementService, SchemeService, TenantService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { Permissions } from '@core/permissions';
import { SessionService } from '@core/session/session.service';
import { errorText, formErrorText } from '@shared/error-text';
import { FieldErrorPipe } from '@shared/field-error.pipe';
import { revealErrors } from '@shared/form-utils';
import { AGREEMENT_STATUSES, agreementStatusColour } from './agreement-status';
import { KeyTaskMatrixComponent } from './key-task-matrix.component';

@Component({
  selector: 'app-agreement-list',
  imports: [
    DatePipe,
    FormsModule,
    ReactiveFormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzCheckboxModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzInputNumberModule,
    NzModalModule,
    NzSelectModule,
    NzTableModule,
    NzTabsModule,
    NzTagModule,
    TranslatePipe,
    FieldErrorPipe,
    KeyTaskMatrixComponent,
  ],
  template: `
    <div class="page-header">
      <div>
        <h1>{{ (isHost() ? 'agreements.title' : 'agreements.myTitle') | t }}</h1>
        <div class="subtitle">
          {{ (isHost() ? 'agreements.subtitle' : 'agreements.mySubtitle') | t }}
        </div>
      </div>
      <div class="header-actions">
        <button nz-button (click)="load()" [attr.aria-label]="'common.refresh' | t">
          <nz-icon nzType="reload" />
        </button>
        @if (canManage()) {
          <button nz-button nzType="primary" (click)="openCreate()" data-testid="agreement-create">
            <nz-icon nzType="plus" />{{ 'agreements.create' | t }}
          </button>
        }
      </div>
    </div>

    <nz-tabs>
      <nz-tab [nzTitle]="'agreements.listTab' | t">
        <div class="filters">
          <nz-input-number
            [ngModel]="year()"
            (ngModelChange)="year.set($event); load()"
            [nzMin]="2000"
            [nzMax]="2100"
            [nzPlaceHolder]="'agreements.year' | t"
            data-testid="agreement-filter-year"
          />
          @if (canListCities()) {
            <nz-select
              nzAllowClear
              [ngModel]="cityId()"
              (ngModelChange)="cityId.set($event ?? null); load()"
              [nzPlaceHolder]="'agreements.allCities' | t"
              style="width: 180px"
              data-testid="agreement-filter-city"
            >
              @for (city of cities(); track city.id) {
                <nz-option [nzValue]="city.id" [nzLabel]="city.displayName || city.name || ''" />
              }
            </nz-select>
          }
          <nz-select
            nzAllowClear
            [ngModel]="status()"
            (ngModelChange)="status.set($event ?? null); load()"
            [nzPlaceHolder]="'agreements.allStatuses' | t"
            style="width: 160px"
            data-testid="agreement-filter-status"
          >
            @for (s of statuses; track s) {
              <nz-option [nzValue]="s" [nzLabel]="'agreements.statuses.' + s | t" />
            }
          </nz-select>
        </div>

        @if (loadError()) {
          <nz-alert class="form-alert" nzType="error" nzShowIcon [nzMessage]="loadError()!" />
        }

        <nz-table
          #table
          [nzData]="items()"
          [nzLoading]="loading()"
          [nzPageSize]="20"
          [nzShowPagination]="items().length > 20"
          data-testid="agreement-table"
        >
          <thead>
            <tr>
              <th>{{ 'agreements.titleField' | t }}</th>
              @if (isHost()) {
                <th nzWidth="110px">{{ 'agreements.city' | t }}</th>
              }
              <th nzWidth="70px">{{ 'agreements.year' | t }}</th>
              <th nzWidth="70px">{{ 'agreements.version' | t }}</th>
              <th nzWidth="120px">{{ 'agreements.status' | t }}</th>
              <th nzWidth="150px">{{ 'agreements.issuedTime' | t }}</th>
              <th nzWidth="200px">{{ 'agreements.signed' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (a of table.data; track a.id) {
              <tr>
                <td>
                  <a [routerLink]="['/agreements', a.id]" data-testid="agreement-link">{{
                    a.title
                  }}</a>
                </td>
                @if (isHost()) {
                  <td>{{ a.cityName }}</td>
                }
                <td>{{ a.year }}</td>
                <td>v{{ a.version }}</td>
                <td>
                  <nz-tag [nzColor]="statusColour(a.status)" data-testid="agreement-status">{{
                    'agreements.statuses.' + a.status | t
                  }}</nz-tag>
                </td>
                <td>{{ a.issuedTime | date: 'yyyy-MM-dd HH:mm' }}</td>
                <td>
                  @if (a.signedTime) {
                    {{ a.signedByName }} · {{ a.signedTime | date: 'yyyy-MM-dd HH:mm' }}
                  }
                </td>
              </tr>
            }
          </tbody>
        </nz-table>
      </nz-tab>
      @if (isHost()) {
        <nz-tab [nzTitle]="'agreements.matrixTab' | t">
          <ng-template nz-tab>
            <app-key-task-matrix [initialYear]="year() ?? thisYear" />
          </ng-template>
        </nz-tab>
      }
    </nz-tabs>

    <nz-modal
      [nzVisible]="createOpen()"
      [nzTitle]="'agreements.create' | t"
      [nzOkText]="'agreements.createOk' | t"
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
        <nz-form-item>
          <nz-form-label nzRequired nzFor="a-scheme">{{ 'agreements.scheme' | t }}</nz-form-label>
          <nz-form-control [nzErrorTip]="err" [nzExtra]="'agreements.schemeHint' | t">
            <nz-select
              nzId="a-scheme"
              formControlName="schemeId"
              (ngModelChange)="schemePicked($event)"
              [nzPlaceHolder]="'agreements.pickScheme' | t"
              data-testid="agreement-scheme"
            >
              @for (scheme of schemes(); track scheme.id) {
                <nz-option
                  [nzValue]="scheme.id"
                  [nzLabel]="scheme.name + ' (' + scheme.year + ' v' + scheme.version + ')'"
                />
              }
            </nz-select>
          </nz-form-control>
        </nz-form-item>
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
        <button type="submit" hidden aria-hidden="true"></button>
      </form>
    </nz-modal>
  `,
  styles: `
    .header-actions,
    .filters {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
    }
    .filters {
      margin-bottom: 12px;
    }
  `,
})
export class AgreementListComponent implements OnInit {
  private readonly api = inject(AgreementService);
  private readonly tenantApi = inject(TenantService);
  private readonly schemeApi = inject(SchemeService);
  private readonly message = inject(NzMessageService);
  private readonly router = inject(Router);
  private readonly fb = inject(FormBuilder);
  protected readonly i18n = inject(I18nService);
  protected readonly session = inject(SessionService);
  protected readonly statuses = AGREEMENT_STATUSES;
  protected readonly statusColour = agreementStatusColour;
  protected readonly thisYear = new Date().getFullYear();

  protected readonly isHost = computed(() => this.session.isHostUser());
  /** The province's city list (filter and city picker) needs the tenant permission. */
  protected readonly canListCities = computed(
    () => this.isHost() && this.session.isGranted(Permissions.Tenants.Default),
  );
  protected readonly canManage = computed(
    () => this.isHost() && this.session.isGranted(Permissions.Agreements.Manage),
  );

  readonly items = signal<AgreementDto[]>([]);
  protected readonly loading = signal(false);
  protected readonly loadError = signal<string | null>(null);
  readonly year = signal<number | null>(null);
  readonly cityId = signal<string | null>(null);
  readonly status = signal<string | null>(null);
  readonly cities = signal<TenantDto[]>([]);
  readonly schemes = signal<SchemeDto[]>([]);

  protected readonly createOpen = signal(false);
  protected readonly createSaving = signal(false);
  protected readonly createError = signal<string | null>(null);
  readonly createForm = this.fb.group({
    cityId: this.fb.control<string | null>(null, Validators.required),
    schemeId: this.fb.control<string | null>(null, Validators.required),
    year: this.fb.control<number | null>(null),
    title: this.fb.nonNullable.control(''),
    withPlanKeyTasks: this.fb.nonNullable.control(true),
  });

  ngOnInit(): void {
    this.load();
    if (this.canListCities()) {
      this.tenantApi.tenantGetList({ SkipCount: 0, MaxResultCount: 1000 }).subscribe({
        next: (result) => this.cities.set(result.items ?? []),
        error: () => this.cities.set([]),
      });
    }
  }

  load(): void {
    this.loading.set(true);
    this.loadError.set(null);
    this.api
      .agreementGetList({
        Year: this.year() ?? undefined,
        CityId: this.cityId() ?? undefined,
        Status: this.status() ?? undefined,
        SkipCount: 0,
        MaxResultCount: 1000,
      })
      .subscribe({
        next: (result) => {
          this.loading.set(false);
          this.items.set(result.items ?? []);
        },
        error: (e: unknown) => {
          this.loading.set(false);
          this.loadError.set(errorText(this.i18n, e));
        },
      });
  }

  openCreate(): void {
    this.createError.set(null);
    this.createOpen.set(true);
    if (!this.schemes().length) {
      this.schemeApi
        .schemeGetList({ Status: 'Published', SkipCount: 0, MaxResultCount: 1000 })
        .subscribe({
          next: (result) =>
            this.schemes.set((result.items ?? []).filter((s) => s.status === 'Published')),
          error: (e: unknown) => this.createError.set(errorText(this.i18n, e)),
        });
    }
  }

  /** The agreement's year follows the scheme's unless the user typed one. */
  schemePicked(id: string | null): void {
    const scheme = this.schemes().find((s) => s.id === id);
    const year = this.createForm.controls.year;
    if (scheme?.year && (year.value === null || year.pristine)) {
      year.setValue(scheme.year);
    }
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
      .agreementCreate({
        body: {
          cityId: value.cityId!,
          schemeId: value.schemeId!,
          year: value.year ?? null,
          title: value.title.trim() || null,
          withPlanKeyTasks: value.withPlanKeyTasks,
        },
      })
      .subscribe({
        next: (agreement) => {
          this.createSaving.set(false);
          this.createOpen.set(false);
          this.message.success(this.i18n.t('agreements.created', { title: agreement.title }));
          void this.router.navigate(['/agreements', agreement.id]);
        },
        error: (e: unknown) => {
          this.createSaving.set(false);
          this.createError.set(formErrorText(this.i18n, this.createForm, e));
        },
      });
  }
}
