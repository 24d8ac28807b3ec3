import {
  Component,
  DestroyRef,
  ElementRef,
  OnInit,
  WritableSignal,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { Observable } from 'rxjs';

import {
  PeriodsPeriodDto as PeriodDto,
  ResultsCompletenessRowDto as CompletenessRowDto,
  ResultsRankingRowDto as RankingRowDto,
} from '@api/models';
import { PeriodService, ResultService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { SessionService } from '@core/session/session.service';
import { errorText } from '@shared/error-text';
import { periodStatusColour } from '@shared/status-colours';
import { PageHeaderComponent } from '@shared/page-header.component';
import {
  DashboardCity,
  DashboardComparisonComponent,
} from './dashboard/dashboard-comparison.component';
import { DashboardCompletenessComponent } from './dashboard/dashboard-completeness.component';
import { DashboardExportsComponent } from './dashboard/dashboard-exports.component';
import { DashboardRankingComponent } from './dashboard/dashboard-ranking.component';
import { DashboardWarningsComponent } from './dashboard/dashboard-warnings.component';
import { BigScreen } from './dashboard/big-screen';
import { DashboardTrends } from './dashboard/dashboard-trends';
import { MonitoringRow, radarChartOptions, trendChartOptions, warningItems } from './monitoring';

export { colourHex } from './monitoring';
export { totalsChartOptions } from './dashboard/dashboard-ranking.component';

/** How many cities the radar and the trend lines compare at first. */
const DEFAULT_COMPARED = 3;

@Component({
  selector: 'app-dashboard',
  imports: [
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzIconModule,
    NzSelectModule,
    NzTagModule,
    TranslatePipe,
    PageHeaderComponent,
    DashboardRankingComponent,
    DashboardComparisonComponent,
    DashboardWarningsComponent,
    DashboardCompletenessComponent,
    DashboardExportsComponent,
  ],
  host: { '[class.big-screen]': 'bigScreen()' },
  templateUrl: './dashboard.component.html',
  styleUrl: './dashboard.component.css',
})
export class DashboardComponent implements OnInit {
  private readonly periodApi = inject(PeriodService);
  private readonly resultApi = inject(ResultService);
  protected readonly i18n = inject(I18nService);
  protected readonly statusColour = periodStatusColour;
  private readonly session = inject(SessionService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly destroyRef = inject(DestroyRef);
  private readonly screen = new BigScreen(inject(ElementRef<HTMLElement>).nativeElement);
  /** 大屏: the dashboard fills the screen. */
  readonly bigScreen = this.screen.on;

  protected readonly periods = signal<PeriodDto[]>([]);
  protected readonly periodsLoading = signal(false);
  readonly periodId = signal<string | null>(null);
  protected readonly selected = computed(
    () => this.periods().find((p) => p.id === this.periodId()) ?? null,
  );
  readonly ranking = signal<RankingRowDto[]>([]);
  readonly completeness = signal<CompletenessRowDto[]>([]);
  protected readonly loading = signal(false);
  protected readonly completenessLoading = signal(false);
  protected readonly loadError = signal<string | null>(null);

  readonly monitoring = signal<MonitoringRow[]>([]);
  protected readonly monitoringLoading = signal(false);
  protected readonly monitoringError = signal<string | null>(null);
  private readonly trendLoader = new DashboardTrends(
    (schemeId) => this.resultApi.resultGetTrends({ schemeId }),
    (points) => this.ownCity(points),
    (e) => errorText(this.i18n, e),
  );
  readonly trends = this.trendLoader.points.asReadonly();
  protected readonly trendLoading = this.trendLoader.loading.asReadonly();
  protected readonly trendError = this.trendLoader.error.asReadonly();
  /** Cities compared in the radar and the trend lines. */
  readonly compared = signal<string[]>([]);
  /** City the early-warning list is limited to (null: every city), kept in the URL (?city=). */
  readonly warningCity = signal<string | null>(this.route.snapshot.queryParamMap.get('city'));

  /** Cities of the period (monitoring rows), else of the trends. */
  readonly cities = computed(() => {
    const list: DashboardCity[] = [];
    const add = (id: string | undefined, name: string | null | undefined) => {
      if (id && !list.some((c) => c.id === id)) {
        list.push({ id, name: name ?? '' });
      }
    };
    this.monitoring().forEach((r) => add(r.cityId, r.cityName));
    this.trends().forEach((p) => add(p.cityId, p.cityName));
    return list;
  });
  protected readonly hasCategories = computed(() =>
    this.monitoring().some((r) => (r.categories ?? []).length > 0),
  );
  readonly radarOptions = computed(() => radarChartOptions(this.monitoring(), this.compared()));
  readonly trendOptions = computed(() =>
    trendChartOptions(this.trends(), this.compared(), this.i18n.t('dashboard.scoreRate')),
  );
  readonly warnings = computed(() => warningItems(this.monitoring(), this.warningCity()));

  /**
   * A city's own user sees only that city (the Dashboard permission is the province's today;
   * the host filters too, this keeps the screen honest if a city is ever granted it).
   */
  private ownCity<T extends { cityId?: string }>(rows: readonly T[] | null | undefined): T[] {
    const own = this.session.currentUser()?.tenantId;
    return (rows ?? []).filter((r) => !own || r.cityId === own);
  }

  ngOnInit(): void {
    this.periodsLoading.set(true);
    this.periodApi.periodGetList({}).subscribe({
      next: (list) => {
        this.periodsLoading.set(false);
        // newest first; the first published or open period is shown at once
        const sorted = [...(list ?? [])].sort(
          (a, b) => (b.year ?? 0) - (a.year ?? 0) || (b.number ?? 0) - (a.number ?? 0),
        );
        this.periods.set(sorted);
        const wanted = this.route.snapshot.queryParamMap.get('period');
        const first =
          sorted.find((p) => p.id === wanted) ??
          sorted.find((p) => p.status === 'Published') ??
          sorted.find((p) => p.status !== 'Planned') ??
          sorted[0];
        if (first?.id) {
          this.pick(first.id, first.id !== wanted ? 'replace' : 'none');
        }
        this.followUrl();
      },
      error: (e: unknown) => {
        this.periodsLoading.set(false);
        this.loadError.set(errorText(this.i18n, e));
      },
    });
  }

  /**
   * Shows the period; the period is kept in the URL (?period=) so that a link can be shared and
   * Back returns to the period seen before ('push' for a pick, 'replace' for the first one).
   */
  pick(id: string | null, url: 'push' | 'replace' | 'none' = 'push'): void {
    if (url !== 'none' && id) {
      void this.router.navigate([], {
        relativeTo: this.route,
        queryParams: { period: id },
        queryParamsHandling: 'merge',
        replaceUrl: url === 'replace',
      });
    }
    this.periodId.set(id);
    this.ranking.set([]);
    this.completeness.set([]);
    this.monitoring.set([]);
    if (!id) {
      return;
    }
    this.loadMonitoring(id);
    this.trendLoader.load(this.periods().find((p) => p.id === id)?.schemeId ?? null);
    this.loadError.set(null);
    this.loadRows(
      id,
      this.resultApi.resultGetRanking({ periodId: id }),
      this.ranking,
      this.loading,
    );
    this.loadRows(
      id,
      this.resultApi.resultGetCompleteness({ periodId: id }),
      this.completeness,
      this.completenessLoading,
    );
  }

  /** Ranking and completeness load apart: the ranking is not held by the slower completeness. */
  private loadRows<T extends { cityId?: string }>(
    id: string,
    request: Observable<T[]>,
    rows: WritableSignal<T[]>,
    loading: WritableSignal<boolean>,
  ): void {
    loading.set(true);
    request.subscribe({
      next: (list) => {
        if (this.periodId() === id) {
          loading.set(false);
          rows.set(this.ownCity(list));
        }
      },
      error: (e: unknown) => {
        if (this.periodId() === id) {
          loading.set(false);
          this.loadError.set(errorText(this.i18n, e));
        }
      },
    });
  }

  /** The official limits the early warnings to a city (or all again): Back returns to the previous. */
  chooseCity(id: string | null, replaceUrl = false): void {
    this.warningCity.set(id);
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { city: id },
      queryParamsHandling: 'merge',
      replaceUrl,
    });
  }

  /** Back and Forward change ?period= or ?city=: the dashboard follows. */
  private followUrl(): void {
    this.route.queryParamMap.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((query) => {
      const id = query.get('period');
      if (id && id !== this.periodId() && this.periods().some((p) => p.id === id)) {
        this.pick(id, 'none');
      }
      this.warningCity.set(query.get('city'));
    });
  }

  toggleBigScreen(): void {
    this.screen.toggle();
  }

  private loadMonitoring(periodId: string): void {
    this.monitoringLoading.set(true);
    this.monitoringError.set(null);
    this.resultApi.resultGetMonitoring({ periodId }).subscribe({
      next: (rows) => {
        if (this.periodId() !== periodId) {
          return;
        }
        this.monitoringLoading.set(false);
        const visible = this.ownCity(rows);
        this.monitoring.set(visible);
        const ids = visible.map((r) => r.cityId ?? '');
        const kept = this.compared().filter((id) => ids.includes(id));
        // at first the cities that have figures (published, reviewed or self-assessed)
        const withFigures = [...visible]
          .sort((a, b) => Number(a.source === 'None') - Number(b.source === 'None'))
          .map((r) => r.cityId ?? '');
        this.compared.set(kept.length ? kept : withFigures.slice(0, DEFAULT_COMPARED));
        if (this.warningCity() && !ids.includes(this.warningCity()!)) {
          this.chooseCity(null, true); // a city not in this period: the link is corrected
        }
      },
      error: (e: unknown) => {
        if (this.periodId() !== periodId) {
          return;
        }
        this.monitoringLoading.set(false);
        this.monitoringError.set(errorText(this.i18n, e));
      },
    });
  }
}
