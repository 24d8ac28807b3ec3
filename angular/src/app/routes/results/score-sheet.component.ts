import { DecimalPipe } from '@angular/common';
import { Component, OnInit, computed, inject, signal } from '@angular/core';
import { FormsModule, ReactiveFormsModule } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import {
  AppealsPublicityDto as PublicityDto,
  PeriodsPeriodDto as PeriodDto,
  ResultsRankingRowDto as RankingRowDto,
  ResultsScoreSheetRecordDto as ScoreSheetRecordDto,
} from '@api/models';
import { AppealService, PeriodService, ResultService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { Permissions } from '@core/permissions';
import { SessionService } from '@core/session/session.service';
import { errorText } from '@shared/error-text';
import { FieldErrorPipe } from '@shared/field-error.pipe';
import { FormModalComponent } from '@shared/form-modal/form-modal.component';
import { ReasonFieldComponent } from '@shared/reason-field.component';
import { urlQuery } from '@shared/url-query';
import { EntryFilesService, saveBlob } from '@shared/entry-files.service';
import { breadcrumbName } from '@shared/breadcrumbs';

import { SheetAppeal } from './score-sheet-appeal';
import { BonusRow, CategoryRow, VetoRow, bandColour, changeText, rows } from './score-sheet-rows';
import { LIST_PAGE_SIZE, RowPagesDirective } from '@shared/row-pages.directive';
import { pageOf } from './dashboard/dashboard-paging';

export { bandColour, changeText } from './score-sheet-rows';
export type { BonusRow, CategoryRow, VetoRow } from './score-sheet-rows';

/**
 * 评分表: a city sees its own sheet once the period is published (with every version); the province picks
 * any city from the ranking. xlsx download of the shown version. During the public notice (公示) the city
 * administrator appeals a line or the total (申诉); the sheet lists every appeal and its decision.
 */
@Component({
  selector: 'app-score-sheet',
  imports: [
    DecimalPipe,
    FormsModule,
    ReactiveFormsModule,
    NzAlertModule,
    NzButtonModule,
    NzDescriptionsModule,
    NzFormModule,
    NzInputModule,
    NzIconModule,
    NzSelectModule,
    NzTableModule,
    RowPagesDirective,
    NzTagModule,
    TranslatePipe,
    FieldErrorPipe,
    ReasonFieldComponent,
    FormModalComponent,
  ],
  templateUrl: './score-sheet.component.html',
  styleUrl: './score-sheet.component.css',
})
export class ScoreSheetComponent implements OnInit {
  private readonly periodApi = inject(PeriodService);
  private readonly api = inject(ResultService);
  private readonly appealApi = inject(AppealService);
  private readonly files = inject(EntryFilesService);
  /** The period and the city shown are kept in the URL (?period=&city=). */
  private readonly query = urlQuery();
  private readonly message = inject(NzMessageService);
  protected readonly session = inject(SessionService);
  protected readonly i18n = inject(I18nService);
  protected readonly bandColour = bandColour;
  protected readonly changeText = changeText;

  /** Provincial users read any city's sheet from the ranking; a city reads its own. */
  readonly province = computed(() => this.session.isGranted(Permissions.Review.Default));
  readonly periods = signal<PeriodDto[]>([]);
  readonly periodId = signal<string | null>(null);
  /** The city whose sheet the province reads (null: none picked). */
  readonly cityId = signal<string | null>(null);
  readonly ranking = signal<RankingRowDto[]>([]);
  /** The ranking's page that holds the city shown (300 cities at national scale); the user may page on. */
  protected readonly rankPage = computed(() =>
    pageOf(
      this.ranking().findIndex((r) => r.cityId === this.cityId()),
      LIST_PAGE_SIZE,
    ),
  );
  readonly sheet = signal<ScoreSheetRecordDto | null>(null);
  protected readonly breadcrumb = breadcrumbName(() =>
    this.province() ? this.sheet()?.cityName : null,
  );
  readonly versions = signal<ScoreSheetRecordDto[]>([]);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly noPeriod = signal(false);

  readonly categories = computed(() => rows<CategoryRow>(this.sheet()?.categories));
  readonly bonusLines = computed(() => rows<BonusRow>(this.sheet()?.bonusLines));
  readonly vetoes = computed(() => rows<VetoRow>(this.sheet()?.vetoes));
  protected readonly en = computed(() => this.i18n.lang() === 'en');

  /** The period's public notice; a city administrator appeals while it accepts appeals. */
  readonly publicity = signal<PublicityDto | null>(null);
  readonly canAppeal = computed(
    () =>
      !this.province() &&
      this.session.isGranted(Permissions.Appeals.Create) &&
      !!this.publicity()?.acceptsAppeals &&
      !!this.sheet()?.isCurrent &&
      !this.sheet()?.notAssessed,
  );
  /** The appeal dialog; after filing, the city's sheet reloads with the appeal listed. */
  protected readonly appeal = new SheetAppeal(
    () => this.periodId(),
    (periodId) => this.loadMine(periodId, null),
  );

  ngOnInit(): void {
    const wantedPeriod = this.query.get('period');
    const wantedCity = this.query.get('city');
    this.periodApi.periodGetList({ Status: 'Published' }).subscribe({
      next: (list) => {
        const periods = list ?? [];
        this.periods.set(periods);
        this.noPeriod.set(!periods.length);
        const first = periods.find((p) => p.id === wantedPeriod) ?? periods[0];
        if (first?.id) {
          const city = first.id === wantedPeriod && this.province() ? wantedCity : null;
          this.query.set({ period: first.id, city }, 'replace');
          this.pick(first.id, city);
        }
        this.followUrl();
      },
      error: (e: unknown) => this.error.set(errorText(this.i18n, e)),
    });
  }

  /** The person picks a period: no city of the previous one stays picked. */
  choosePeriod(id: string | null): void {
    this.query.set({ period: id, city: null });
    this.pick(id);
  }

  /** The province picks a city from the ranking. */
  chooseCity(row: RankingRowDto): void {
    this.query.set({ city: row.cityId ?? null });
    this.openRow(row);
  }

  /** Back and Forward change ?period= or ?city=: the sheet follows. */
  private followUrl(): void {
    this.query.follow((query) => {
      const period = query.get('period');
      const city = this.province() ? query.get('city') : null;
      if (period && period !== this.periodId() && this.periods().some((p) => p.id === period)) {
        this.pick(period, city);
      } else if (period === this.periodId() && city !== this.cityId()) {
        const row = this.ranking().find((r) => r.cityId === city);
        if (row) {
          this.openRow(row);
        } else {
          this.cityId.set(null);
          this.sheet.set(null);
          this.versions.set([]);
        }
      }
    });
  }

  pick(id: string | null, cityId: string | null = null): void {
    this.periodId.set(id);
    this.cityId.set(null);
    this.publicity.set(null);
    this.sheet.set(null);
    this.versions.set([]);
    this.ranking.set([]);
    this.error.set(null);
    if (!id) {
      return;
    }
    if (this.province()) {
      this.loading.set(true);
      this.api.resultGetRanking({ periodId: id }).subscribe({
        next: (ranking) => {
          this.loading.set(false);
          this.ranking.set(ranking ?? []);
          const row = (ranking ?? []).find((r) => r.cityId === cityId);
          if (row) {
            this.openRow(row);
          }
        },
        error: (e: unknown) => {
          this.loading.set(false);
          this.error.set(errorText(this.i18n, e));
        },
      });
    } else {
      this.loadMine(id, null);
    }
    if (this.session.isGranted(Permissions.Appeals.Default)) {
      this.appealApi.appealGetPublicity({ periodId: id }).subscribe({
        next: (p) => this.publicity.set(p),
        error: () => this.publicity.set(null),
      });
    }
  }

  private loadMine(periodId: string, version: number | null): void {
    this.loading.set(true);
    this.api.resultGetMySheet({ periodId, version: version ?? undefined }).subscribe({
      next: (sheet) => {
        this.loading.set(false);
        this.sheet.set(sheet);
        if (!this.versions().length && sheet.cityId) {
          this.loadVersions(periodId, sheet.cityId);
        }
      },
      error: (e: unknown) => {
        this.loading.set(false);
        this.error.set(errorText(this.i18n, e));
      },
    });
  }

  openRow(row: RankingRowDto): void {
    if (!row.sheetId || !this.periodId()) {
      return;
    }
    this.cityId.set(row.cityId ?? null);
    this.versions.set([]);
    this.loadSheet(row.sheetId);
    this.loadVersions(this.periodId()!, row.cityId ?? '');
  }

  private loadSheet(id: string): void {
    this.loading.set(true);
    this.api.resultGetSheet({ id }).subscribe({
      next: (sheet) => {
        this.loading.set(false);
        this.sheet.set(sheet);
      },
      error: (e: unknown) => {
        this.loading.set(false);
        this.error.set(errorText(this.i18n, e));
      },
    });
  }

  private loadVersions(periodId: string, cityId: string): void {
    this.api.resultGetVersions({ periodId, cityId }).subscribe({
      next: (list) =>
        this.versions.set([...(list ?? [])].sort((a, b) => (b.version ?? 0) - (a.version ?? 0))),
      error: () => this.versions.set([]),
    });
  }

  pickVersion(id: string): void {
    const version = this.versions().find((v) => v.id === id);
    if (version) {
      this.sheet.set(version.lines?.length ? version : this.sheet());
      this.loadSheet(id);
    }
  }

  versionLabel(v: ScoreSheetRecordDto): string {
    const kind = this.i18n.t(`scoreSheet.kinds.${v.kind}`);
    return `v${v.version} ${kind === `scoreSheet.kinds.${v.kind}` ? (v.kind ?? '') : kind}${v.isCurrent ? ' · ' + this.i18n.t('scoreSheet.current') : ''}`;
  }

  explanation(line: { explanationZh?: string | null; explanationEn?: string | null }): string {
    return (this.en() ? line.explanationEn : line.explanationZh) || line.explanationZh || '';
  }

  effect(veto: VetoRow): string {
    return (this.en() ? veto.effectEn : veto.effectZh) || veto.effectZh || '';
  }

  downloadPdf(): void {
    this.download('pdf');
  }

  downloadXlsx(): void {
    this.download('xlsx');
  }

  private download(format: 'pdf' | 'xlsx'): void {
    const sheet = this.sheet();
    if (!sheet?.id) {
      return;
    }
    this.files
      .download(
        `/api/app/results/sheets/${sheet.id}/export/${format}`,
        `${sheet.cityName ?? 'score-sheet'}.${format}`,
      )
      .subscribe({
        next: (f) => saveBlob(f.blob, f.fileName),
        error: (e: unknown) => this.message.error(errorText(this.i18n, e)),
      });
  }
}
