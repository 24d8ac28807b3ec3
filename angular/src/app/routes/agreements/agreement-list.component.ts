import { DatePipe } from '@angular/common';
import { Component, OnInit, computed, inject, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { TenantsTenantDto as TenantDto } from '@api/models';
import { AgreementService, TenantService } from '@api/services';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { Permissions } from '@core/permissions';
import { SessionService } from '@core/session/session.service';
import { listSource } from '@shared/list-source';
import { ListTableDirective } from '@shared/list-table.directive';
import { PageHeaderComponent } from '@shared/page-header.component';
import { AgreementBulkIssueDialogComponent } from './agreement-bulk-issue-dialog.component';
import { AgreementCreateDialogComponent } from './agreement-create-dialog.component';
import { AGREEMENT_STATUSES, agreementStatusColour } from './agreement-status';
import { KeyTaskMatrixComponent } from './key-task-matrix.component';

@Component({
  selector: 'app-agreement-list',
  imports: [
    DatePipe,
    FormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzIconModule,
    NzInputNumberModule,
    NzSelectModule,
    NzTableModule,
    NzTabsModule,
    NzTagModule,
    TranslatePipe,
    KeyTaskMatrixComponent,
    PageHeaderComponent,
    ListTableDirective,
    AgreementCreateDialogComponent,
    AgreementBulkIssueDialogComponent,
  ],

  template: `
    <app-page-header
      [title]="(isHost() ? 'agreements.title' : 'agreements.myTitle') | t"
      [subtitle]="(isHost() ? 'agreements.subtitle' : 'agreements.mySubtitle') | t"
      reloadable
      (reload)="load()"
      [createLabel]="canManage() ? ('agreements.create' | t) : ''"
      createTestId="agreement-create"
      (create)="openCreate()"
    >
      @if (canManage() && canListCities()) {
        <button nz-button (click)="openBulk()" data-testid="agreement-bulk-open">
          <nz-icon nzType="send" />{{ 'agreements.bulk.open' | t }}
        </button>
      }
    </app-page-header>
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

        @if (list.loadError()) {
          <nz-alert class="form-alert" nzType="error" nzShowIcon [nzMessage]="list.loadError()!" />
        }

        <nz-table #table [appListTable]="list" data-testid="agreement-table">
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

    <app-agreement-create-dialog [cities]="cities()" />
    <app-agreement-bulk-issue-dialog
      [cities]="cities()"
      [agreements]="list.items()"
      (done)="load()"
    />
  `,
  styles: `
    .filters {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
      margin-bottom: 12px;
    }
  `,
})
export class AgreementListComponent implements OnInit {
  private readonly api = inject(AgreementService);
  private readonly tenantApi = inject(TenantService);
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

  readonly list = listSource(() =>
    this.api.agreementGetList({
      Year: this.year() ?? undefined,
      CityId: this.cityId() ?? undefined,
      Status: this.status() ?? undefined,
      SkipCount: 0,
      MaxResultCount: 1000,
    }),
  );
  readonly year = signal<number | null>(null);
  readonly cityId = signal<string | null>(null);
  readonly status = signal<string | null>(null);
  readonly cities = signal<TenantDto[]>([]);

  private readonly createDialog = viewChild(AgreementCreateDialogComponent);
  private readonly bulkDialog = viewChild(AgreementBulkIssueDialogComponent);

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
    this.list.load();
  }

  openCreate(): void {
    this.createDialog()?.show();
  }

  /** Bulk issue from a template: a draft of the list first (the usual model), else the newest agreement. */
  openBulk(): void {
    const items = this.list.items();
    this.bulkDialog()?.show((items.find((a) => a.status === 'Draft') ?? items[0])?.id ?? undefined);
  }
}
