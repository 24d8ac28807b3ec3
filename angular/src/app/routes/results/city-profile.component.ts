import type { EChartsCoreOption } from 'echarts/core';
import { Component, OnInit, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';

import { HonoursCityProfileDto as ProfileDto, TenantsTenantDto as TenantDto } from '@api/models';
import { CityProfileService, TenantService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { SessionService } from '@core/session/session.service';
import { beijingText } from '@core/time/beijing-time';
import { errorText } from '@shared/error-text';
import { AwardTableComponent } from '@shared/award-table.component';
import { PageHeaderComponent } from '@shared/page-header.component';

import { CityProfilePeriodsComponent } from './city-profile-periods.component';
import { profileChart } from './city-profile-chart';
import { CityProfilePrintHeadComponent } from './city-profile-print.component';
import { DashboardChartComponent } from './dashboard/dashboard-chart.component';

/**
 * A pilot city across years (本市概况): every published period's total, grade, rank and colour as a table and a line
 * chart, its honours with the years that earned them and its open problems; printable. The province picks the city
 * (or comes from the dashboard with it in the URL); a city sees its own.
 */
@Component({
  selector: 'app-city-profile',
  imports: [
    FormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzEmptyModule,
    NzSelectModule,
    NzTableModule,
    TranslatePipe,
    PageHeaderComponent,
    DashboardChartComponent,
    AwardTableComponent,
    CityProfilePeriodsComponent,
    CityProfilePrintHeadComponent,
  ],
  template: `
    <app-page-header
      [title]="profile()?.cityName ?? ('cityProfile.title' | t)"
      [subtitle]="'cityProfile.subtitle' | t"
    >
      @if (isHost()) {
        <nz-select
          class="no-print city-picker"
          [ngModel]="cityId()"
          (ngModelChange)="pick($event)"
          [nzPlaceHolder]="'cityProfile.pickCity' | t"
          nzShowSearch
          data-testid="profile-city"
        >
          @for (c of cities(); track c.id) {
            <nz-option [nzValue]="c.id" [nzLabel]="c.displayName ?? c.name ?? ''" />
          }
        </nz-select>
      }
      <button nz-button class="no-print" (click)="print()" data-testid="profile-print">
        {{ 'cityProfile.print' | t }}
      </button>
    </app-page-header>
    @if (error()) {
      <nz-alert nzType="error" nzShowIcon [nzMessage]="error()!" />
    }
    @if (profile(); as p) {
      <app-city-profile-print-head [city]="p.cityName ?? ''" />
      <nz-card [nzTitle]="'cityProfile.results' | t" class="section">
        <app-dashboard-chart
          class="no-print"
          [options]="chart()"
          [drawn]="assessed().length > 0"
          emptyText="cityProfile.noResults"
          testId="profile-chart"
          emptyTestId="profile-chart-empty"
        />
        <app-city-profile-periods [rows]="p.periods ?? []" [cityId]="p.cityId" />
      </nz-card>

      <nz-card [nzTitle]="'cityProfile.honours' | t" class="section">
        <app-award-table
          [awards]="p.honours ?? []"
          emptyText="cityProfile.noHonours"
          testId="profile-honours"
        />
      </nz-card>

      <nz-card
        [nzTitle]="'cityProfile.openProblems' | t: { count: p.openProblemCount ?? 0 }"
        class="section"
      >
        <nz-table
          #problems
          [nzData]="p.openProblems ?? []"
          [nzShowPagination]="false"
          [nzFrontPagination]="false"
          nzSize="small"
          [nzNoResult]="'cityProfile.noProblems' | t"
          data-testid="profile-problems"
        >
          <thead>
            <tr>
              <th>{{ 'cityProfile.problem' | t }}</th>
              <th nzWidth="90px">{{ 'cityProfile.severity' | t }}</th>
              <th nzWidth="140px">{{ 'cityProfile.status' | t }}</th>
              <th nzWidth="160px">{{ 'cityProfile.deadline' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (q of problems.data; track q.id) {
              <tr>
                <td>
                  <a [routerLink]="['/supervision', q.id]">{{ q.title }}</a>
                </td>
                <td>{{ q.severityText }}</td>
                <td>{{ q.statusText }}</td>
                <td [class.overdue]="q.overdue">{{ when(q.deadline) }}</td>
              </tr>
            }
          </tbody>
        </nz-table>
      </nz-card>
    } @else if (isHost() && !cityId() && !error()) {
      <nz-empty
        [nzNotFoundContent]="'cityProfile.pickFirst' | t"
        data-testid="profile-pick-first"
      />
    }
  `,
  styles: `
    .section {
      margin-bottom: 16px;
    }
    .city-picker {
      width: 200px;
    }
    .overdue {
      color: #cf1322;
    }
    @media print {
      .no-print {
        display: none !important;
      }
      .section {
        break-inside: avoid;
      }
    }
  `,
})
export class CityProfileComponent implements OnInit {
  private readonly api = inject(CityProfileService);
  private readonly tenantsApi = inject(TenantService);
  private readonly session = inject(SessionService);
  private readonly i18n = inject(I18nService);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);

  protected readonly isHost = this.session.isHostUser;
  protected readonly cities = signal<TenantDto[]>([]);
  protected readonly cityId = signal<string | null>(null);
  protected readonly profile = signal<ProfileDto | null>(null);
  protected readonly error = signal<string | null>(null);

  protected readonly assessed = computed(() =>
    (this.profile()?.periods ?? []).filter((p) => !p.notAssessed),
  );

  protected readonly chart = computed<EChartsCoreOption>(() =>
    profileChart(
      this.assessed(),
      this.i18n.t('cityProfile.total'),
      this.i18n.t('cityProfile.rank'),
    ),
  );

  ngOnInit(): void {
    const fromUrl = this.route.snapshot.queryParamMap.get('city');
    if (this.isHost()) {
      this.tenantsApi.tenantGetList({ MaxResultCount: 1000 }).subscribe({
        next: (r) => this.cities.set(r.items ?? []),
        error: (e) => this.error.set(errorText(this.i18n, e)),
      });
    }

    const id = this.isHost() ? fromUrl : (this.session.currentUser()?.tenantId ?? null);
    if (id) {
      this.load(id);
    }
  }

  pick(id: string): void {
    void this.router.navigate([], { queryParams: { city: id }, replaceUrl: true });
    this.load(id);
  }

  protected when(value: string | null | undefined): string {
    return beijingText(value);
  }

  print(): void {
    window.print();
  }

  private load(id: string): void {
    this.cityId.set(id);
    this.error.set(null);
    this.api.cityProfileGet({ cityId: id }).subscribe({
      next: (p) => this.profile.set(p),
      error: (e) => {
        this.profile.set(null);
        this.error.set(errorText(this.i18n, e));
      },
    });
  }
}
