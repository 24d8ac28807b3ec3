import { Component, OnInit, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';

import {
  SupervisionProblemDto as ProblemDto,
  SupervisionSupervisionRoundDto as RoundDto,
  TenantsTenantDto as TenantDto,
} from '@api/models';
import { ProblemService, SupervisionRoundService, TenantService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { toProblemDetails } from '@core/net/problem-details';
import { errorText } from '@shared/error-text';

import { PROBLEM_SEVERITIES, beijingDay } from './supervision';

/** The early warning a problem is raised from, as the dashboard links it. */
export interface WarningLink {
  periodId: string;
  cityId: string;
  scope: string;
  code: string;
  name: string;
  level: string;
}

/** Reads the warning from the query parameters, or null when the page was opened to write a problem by hand. */
export function warningFrom(params: Record<string, string | undefined>): WarningLink | null {
  const { periodId, cityId, scope, code } = params;
  if (!periodId || !cityId || !scope || !code) {
    return null;
  }
  return {
    periodId,
    cityId,
    scope,
    code,
    name: params['name'] ?? code,
    level: params['level'] ?? '',
  };
}

/** The province assigns a problem to a city: written by hand, or in one click from an early warning. */
@Component({
  selector: 'app-problem-create',
  imports: [
    FormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzFormModule,
    NzInputModule,
    NzSelectModule,
    TranslatePipe,
  ],
  template: `
    <nz-card [nzTitle]="(warning() ? 'supervision.fromWarning' : 'supervision.newProblem') | t">
      @if (warning(); as w) {
        <nz-alert
          class="form-alert"
          nzType="warning"
          [nzMessage]="'supervision.warningIs' | t: { code: w.code, name: w.name }"
          data-testid="warning-source"
        />
      }
      @if (error()) {
        <nz-alert class="form-alert" nzType="error" nzShowIcon [nzMessage]="error()!" />
      }
      <form nz-form nzLayout="vertical" (ngSubmit)="save()">
        <nz-form-item>
          <nz-form-label nzRequired>{{ 'supervision.city' | t }}</nz-form-label>
          <nz-form-control [nzErrorTip]="fieldError('cityId')">
            <nz-select
              name="cityId"
              [(ngModel)]="cityId"
              [nzDisabled]="!!warning()"
              data-testid="problem-city"
            >
              @for (c of cities(); track c.id) {
                <nz-option [nzValue]="c.id" [nzLabel]="c.displayName ?? ''" />
              }
            </nz-select>
          </nz-form-control>
        </nz-form-item>
        @if (!warning()) {
          <nz-form-item>
            <nz-form-label nzRequired>{{ 'supervision.titleColumn' | t }}</nz-form-label>
            <nz-form-control [nzErrorTip]="fieldError('Title')">
              <input nz-input name="title" [(ngModel)]="title" data-testid="problem-title" />
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label>{{ 'supervision.category' | t }}</nz-form-label>
            <nz-form-control>
              <input nz-input name="category" [(ngModel)]="category" />
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label>{{ 'supervision.round' | t }}</nz-form-label>
            <nz-form-control>
              <nz-select name="roundId" [(ngModel)]="roundId" nzAllowClear>
                @for (r of rounds(); track r.id) {
                  <nz-option [nzValue]="r.id" [nzLabel]="r.name ?? ''" />
                }
              </nz-select>
            </nz-form-control>
          </nz-form-item>
        }
        <nz-form-item>
          <nz-form-label>{{ 'supervision.description' | t }}</nz-form-label>
          <nz-form-control [nzErrorTip]="fieldError('Description')">
            <textarea
              nz-input
              name="description"
              rows="3"
              [(ngModel)]="description"
              data-testid="problem-description"
            ></textarea>
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label>{{ 'supervision.severity' | t }}</nz-form-label>
          <nz-form-control>
            <nz-select name="severity" [(ngModel)]="severity">
              @for (s of severities; track s; let i = $index) {
                <nz-option [nzValue]="i" [nzLabel]="'supervision.severities.' + s | t" />
              }
            </nz-select>
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzRequired>{{ 'supervision.deadline' | t }}</nz-form-label>
          <nz-form-control [nzErrorTip]="fieldError('deadline')">
            <input
              nz-input
              type="date"
              name="deadline"
              [(ngModel)]="deadline"
              data-testid="problem-deadline"
            />
          </nz-form-control>
        </nz-form-item>
        <div class="actions">
          <a nz-button routerLink="/supervision">{{ 'common.cancel' | t }}</a>
          <button
            nz-button
            nzType="primary"
            type="submit"
            [nzLoading]="saving()"
            data-testid="problem-save"
          >
            {{ 'supervision.assign' | t }}
          </button>
        </div>
      </form>
    </nz-card>
  `,
  styles: `
    form {
      max-width: 640px;
    }
    .actions {
      display: flex;
      gap: 8px;
    }
    .form-alert {
      margin-bottom: 12px;
    }
  `,
})
export class ProblemCreateComponent implements OnInit {
  private readonly api = inject(ProblemService);
  private readonly roundApi = inject(SupervisionRoundService);
  private readonly tenantApi = inject(TenantService);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18nService);

  protected readonly severities = PROBLEM_SEVERITIES;
  readonly cities = signal<TenantDto[]>([]);
  readonly rounds = signal<RoundDto[]>([]);
  readonly warning = signal<WarningLink | null>(null);
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  private readonly fieldErrors = signal<Record<string, string[]>>({});
  readonly hasFieldErrors = computed(() => Object.keys(this.fieldErrors()).length > 0);

  cityId: string | null = null;
  title = '';
  category = '';
  description = '';
  severity = 0;
  deadline = beijingDay(30);
  roundId: string | null = null;

  ngOnInit(): void {
    const warning = warningFrom(this.route.snapshot.queryParams as Record<string, string>);
    this.warning.set(warning);
    this.cityId = warning?.cityId ?? null;
    this.severity = warning?.level === 'Red' ? 1 : 0;
    this.tenantApi.tenantGetList({ MaxResultCount: 100 }).subscribe({
      next: (r) => this.cities.set(r.items ?? []),
    });
    if (!warning) {
      this.roundApi.supervisionRoundGetList().subscribe({ next: (r) => this.rounds.set(r) });
    }
  }

  fieldError(field: string): string {
    return (this.fieldErrors()[field] ?? []).join(' ');
  }

  save(): void {
    this.saving.set(true);
    this.error.set(null);
    this.fieldErrors.set({});
    const w = this.warning();
    const deadline = this.deadline || null;
    const call = w
      ? this.api.problemRaiseFromWarning({
          body: {
            periodId: w.periodId,
            cityId: w.cityId,
            scope: w.scope,
            code: w.code,
            deadline,
            severity: this.severity as 0 | 1 | 2,
            description: this.description || null,
          },
        })
      : this.api.problemCreate({
          body: {
            cityId: this.cityId ?? undefined,
            title: this.title,
            category: this.category || null,
            description: this.description || null,
            severity: this.severity as 0 | 1 | 2,
            deadline,
            roundId: this.roundId,
          },
        });
    call.subscribe({
      next: (p: ProblemDto) => {
        this.saving.set(false);
        void this.router.navigate(['/supervision', p.id]);
      },
      error: (e: unknown) => {
        this.saving.set(false);
        const problem = toProblemDetails(e);
        this.fieldErrors.set((problem?.errors as Record<string, string[]> | undefined) ?? {});
        this.error.set(errorText(this.i18n, e));
      },
    });
  }
}
