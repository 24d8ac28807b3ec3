import { DecimalPipe } from '@angular/common';
import { Component, OnInit, computed, inject, signal } from '@angular/core';
import { FormBuilder, FormsModule, ReactiveFormsModule, Validators } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
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
import { errorText, formErrorText } from '@shared/error-text';
import { FieldErrorPipe } from '@shared/field-error.pipe';
import { ReasonFieldComponent } from '@shared/reason-field.component';
import { urlQuery } from '@shared/url-query';
import { revealErrors } from '@shared/form-utils';
import { EntryFilesService, saveBlob } from '@shared/entry-files.service';
import { breadcrumbName } from '@shared/breadcrumbs';

export interface CategoryRow {
  code: string;
  name: string;
  depth: number;
  maxPoints: number;
  points: number;
  percent: number;
  colour: string | null;
}

export interface BonusRow {
  code: string;
  name: string;
  count: number;
  points: number;
  explanationZh: string;
  explanationEn: string;
}

export interface VetoRow {
  code: string;
  name: string;
  effectZh: string;
  effectEn: string;
}

function rows<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

const BANDS: Record<string, string> = {
  绿: 'green',
  green: 'green',
  蓝: 'blue',
  blue: 'blue',
  黄: 'gold',
  yellow: 'gold',
  橙: 'orange',
  orange: 'orange',
  红: 'red',
  red: 'red',
};

/** Ant Design tag colour of a scheme colour band (named 绿/蓝/黄/橙/红 or by key). */
export function bandColour(colour: string | null | undefined): string {
  return BANDS[(colour ?? '').trim().toLowerCase()] ?? 'default';
}

/** "+1.5" / "-2" / "—". */
export function changeText(change: number | null | undefined): string {
  if (change === null || change === undefined) {
    return '—';
  }
  return change > 0 ? `+${change}` : String(change);
}

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
    NzModalModule,
    NzIconModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    TranslatePipe,
    FieldErrorPipe,
    ReasonFieldComponent,
  ],
  templateUrl: './score-sheet.component.html',
  styles: `
    .toolbar {
      display: flex;
      gap: 8px;
      align-items: center;
      flex-wrap: wrap;
      margin-bottom: 12px;
    }
    .muted {
      color: rgba(0, 0, 0, 0.45);
    }
    .up {
      color: #389e0d;
    }
    .down {
      color: #cf1322;
    }
    .total {
      font-size: 20px;
      font-weight: 600;
    }
    .section-title {
      margin-top: 16px;
    }
    tr.active td {
      background: #e6f4ff;
    }
    .appeal-link {
      margin-left: 12px;
    }
  `,
})
export class ScoreSheetComponent implements OnInit {
  private readonly periodApi = inject(PeriodService);
  private readonly api = inject(ResultService);
  private readonly appealApi = inject(AppealService);
  private readonly fb = inject(FormBuilder);
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
  /** The line being appealed ('' for the total), or null when the dialog is closed. */
  readonly appealTarget = signal<{ code: string; name: string } | null>(null);
  protected readonly appealSaving = signal(false);
  protected readonly appealError = signal<string | null>(null);
  private appealFile: File | null = null;
  readonly appealForm = this.fb.group({
    reason: this.fb.control<string>('', [Validators.required, Validators.maxLength(1000)]),
    requestedScore: this.fb.control<number | null>(null),
  });

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

  openAppeal(code: string, name: string): void {
    this.appealForm.reset({ reason: '', requestedScore: null });
    this.appealFile = null;
    this.appealError.set(null);
    this.appealTarget.set({ code, name });
  }

  pickAppealFile(event: Event): void {
    this.appealFile = (event.target as HTMLInputElement).files?.[0] ?? null;
  }

  /** Files the appeal, then its evidence if one was chosen; the sheet reloads with the appeal listed. */
  submitAppeal(): void {
    const target = this.appealTarget();
    const periodId = this.periodId();
    if (!target || !periodId) {
      return;
    }
    if (this.appealForm.invalid) {
      revealErrors(this.appealForm);
      return;
    }
    const value = this.appealForm.getRawValue();
    this.appealSaving.set(true);
    this.appealError.set(null);
    this.appealApi
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
            this.appealSaving.set(false);
            this.appealTarget.set(null);
            this.message.success(this.i18n.t('scoreSheet.appealFiled'));
            this.loadMine(periodId, null);
          };
          if (this.appealFile && appeal.id) {
            this.appealApi
              .appealUploadEvidence({ id: appeal.id, body: { file: this.appealFile } })
              .subscribe({
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
          this.appealSaving.set(false);
          this.appealError.set(formErrorText(this.i18n, this.appealForm, e));
        },
      });
  }

  downloadPdf(): void {
    const sheet = this.sheet();
    if (!sheet?.id) {
      return;
    }
    this.files
      .download(
        `/api/app/results/sheets/${sheet.id}/export/pdf`,
        `${sheet.cityName ?? 'score-sheet'}.pdf`,
      )
      .subscribe({
        next: (f) => saveBlob(f.blob, f.fileName),
        error: (e: unknown) => this.message.error(errorText(this.i18n, e)),
      });
  }

  downloadXlsx(): void {
    const sheet = this.sheet();
    if (!sheet?.id) {
      return;
    }
    this.files
      .download(
        `/api/app/results/sheets/${sheet.id}/export/xlsx`,
        `${sheet.cityName ?? 'score-sheet'}.xlsx`,
      )
      .subscribe({
        next: (f) => saveBlob(f.blob, f.fileName),
        error: (e: unknown) => this.message.error(errorText(this.i18n, e)),
      });
  }
}
