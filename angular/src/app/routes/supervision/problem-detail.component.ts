import { Component, OnInit, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { Observable } from 'rxjs';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzStepsModule } from 'ng-zorro-antd/steps';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTimelineModule } from 'ng-zorro-antd/timeline';

import {
  OrganizationUnitsOrganizationUnitDto as UnitDto,
  SupervisionProblemDetailDto as ProblemDetailDto,
  SupervisionProblemDto as ProblemDto,
} from '@api/models';
import { OrganizationUnitService, ProblemService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { Permissions } from '@core/permissions';
import { SessionService } from '@core/session/session.service';
import { errorText } from '@shared/error-text';
import { beijingText } from '@core/time/beijing-time';

import { PROBLEM_STATUSES, ProblemFilesService, problemStatusColour } from './supervision';
import { DisabledReasonComponent } from '@shared/disabled-reason.component';
import { breadcrumbName } from '@shared/breadcrumbs';

/** Every open unit of a tree, depth first. */
export function flattenUnits(units: readonly UnitDto[]): UnitDto[] {
  return units.flatMap((u) => [...(u.isClosed ? [] : [u]), ...flattenUnits(u.children ?? [])]);
}

/**
 * One problem: what was found, its evidence and full history, and the step the reader may take
 * now — the city hands it to a unit, the unit reports the rectification with evidence, the
 * province verifies and closes it or sends it back with a reason.
 */
@Component({
  selector: 'app-problem-detail',
  imports: [
    DisabledReasonComponent,
    FormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzDescriptionsModule,
    NzInputModule,
    NzSelectModule,
    NzStepsModule,
    NzTagModule,
    NzTimelineModule,
    TranslatePipe,
  ],
  template: `
    <div class="toolbar">
      <a routerLink="/supervision">← {{ 'supervision.back' | t }}</a>
      @if (detail(); as d) {
        <h1 class="title">{{ d.problem?.title }}</h1>
      }
    </div>
    @if (error()) {
      <nz-alert
        class="form-alert"
        nzType="error"
        nzShowIcon
        [nzMessage]="error()!"
        data-testid="problem-error"
      />
    }
    @if (detail(); as d) {
      <nz-card [nzTitle]="d.problem?.title ?? ''" class="section">
        <nz-steps [nzCurrent]="step()" nzSize="small" class="steps">
          @for (s of statuses; track s) {
            <nz-step [nzTitle]="'supervision.statuses.' + s | t" />
          }
        </nz-steps>
        <nz-descriptions nzBordered nzSize="small" [nzColumn]="2">
          <nz-descriptions-item [nzTitle]="'common.status' | t">
            <nz-tag [nzColor]="colour(d.problem?.status)" data-testid="detail-status">{{
              'supervision.statuses.' + d.problem?.status | t
            }}</nz-tag>
            @if (d.problem?.overdue) {
              <nz-tag nzColor="red">{{ 'supervision.overdue' | t }}</nz-tag>
            }
            @if (d.problem?.repeat) {
              <nz-tag nzColor="volcano">{{ 'supervision.repeat' | t }}</nz-tag>
            }
          </nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'supervision.city' | t">{{
            d.problem?.cityName
          }}</nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'supervision.unit' | t">
            <span data-testid="detail-unit">{{ d.problem?.unitName ?? '-' }}</span>
          </nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'supervision.deadline' | t">{{
            d.problem?.deadline
          }}</nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'supervision.category' | t">{{
            d.problem?.category
          }}</nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'supervision.source' | t">
            {{ 'supervision.sources.' + d.problem?.source | t }}
            @if (d.problem?.indicatorCode || d.problem?.categoryCode) {
              ({{ d.problem?.indicatorCode ?? d.problem?.categoryCode }})
            }
            @if (d.problem?.roundName) {
              · {{ d.problem?.roundName }}
            }
          </nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'supervision.severity' | t">{{
            'supervision.severities.' + d.problem?.severity | t
          }}</nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'supervision.assignedAt' | t">{{
            time(d.problem?.creationTime)
          }}</nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'supervision.description' | t" [nzSpan]="2">
            <span class="pre">{{ d.problem?.description }}</span>
          </nz-descriptions-item>
          @if (d.problem?.rectificationNote) {
            <nz-descriptions-item [nzTitle]="'supervision.rectification' | t" [nzSpan]="2">
              <span class="pre" data-testid="detail-note">{{ d.problem?.rectificationNote }}</span>
            </nz-descriptions-item>
          }
          @if (d.problem?.rejectReason) {
            <nz-descriptions-item [nzTitle]="'supervision.rejectReason' | t" [nzSpan]="2">{{
              d.problem?.rejectReason
            }}</nz-descriptions-item>
          }
        </nz-descriptions>
      </nz-card>

      @if (canHand()) {
        <nz-card [nzTitle]="'supervision.handTitle' | t" class="section" data-testid="hand-card">
          <div class="action-row">
            <nz-select
              [(ngModel)]="unitId"
              [nzPlaceHolder]="'supervision.pickUnit' | t"
              data-testid="hand-unit"
            >
              @for (u of units(); track u.id) {
                <nz-option [nzValue]="u.id" [nzLabel]="u.name ?? ''" />
              }
            </nz-select>
            <input nz-input [(ngModel)]="handNote" [placeholder]="'supervision.note' | t" />
            <app-disabled-reason [reason]="'disabledReason.pickUnitFirst' | t">
              <button
                nz-button
                nzType="primary"
                [disabled]="!unitId"
                [nzLoading]="busy()"
                (click)="hand()"
                data-testid="hand-submit"
              >
                {{ 'supervision.hand' | t }}
              </button>
            </app-disabled-reason>
          </div>
        </nz-card>
      }

      @if (canReport()) {
        <nz-card
          [nzTitle]="'supervision.reportTitle' | t"
          class="section"
          data-testid="report-card"
        >
          <textarea
            nz-input
            rows="3"
            [(ngModel)]="reportNote"
            [placeholder]="'supervision.reportNote' | t"
            data-testid="report-note"
          ></textarea>
          <div class="action-row">
            <button
              nz-button
              nzType="primary"
              [nzLoading]="busy()"
              (click)="report()"
              data-testid="report-submit"
            >
              {{ 'supervision.report' | t }}
            </button>
          </div>
        </nz-card>
      }

      @if (canVerify()) {
        <nz-card
          [nzTitle]="'supervision.verifyTitle' | t"
          class="section"
          data-testid="verify-card"
        >
          <input
            nz-input
            [(ngModel)]="verifyNote"
            [placeholder]="'supervision.verifyNote' | t"
            data-testid="verify-note"
          />
          <div class="action-row">
            <button
              nz-button
              nzType="primary"
              [nzLoading]="busy()"
              (click)="close()"
              data-testid="verify-close"
            >
              {{ 'supervision.close' | t }}
            </button>
            <button
              nz-button
              nzDanger
              [nzLoading]="busy()"
              (click)="reject()"
              data-testid="verify-reject"
            >
              {{ 'supervision.reject' | t }}
            </button>
          </div>
        </nz-card>
      }

      <nz-card [nzTitle]="'supervision.evidence' | t" class="section">
        @if (canUpload()) {
          <div class="action-row">
            <input
              type="file"
              accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
              (change)="upload($event)"
              data-testid="evidence-file"
            />
          </div>
        }
        @for (f of d.evidence ?? []; track f.id) {
          <div class="file" data-testid="evidence-item">
            <button
              nz-button
              nzType="link"
              nzSize="small"
              type="button"
              (click)="download(f.id!, f.fileName ?? 'evidence')"
            >
              {{ f.fileName }}
            </button>
            <nz-tag>{{ 'supervision.stages.' + f.stage | t }}</nz-tag>
            <span class="hint">{{ time(f.creationTime) }}</span>
          </div>
        } @empty {
          <div class="hint">{{ 'supervision.noEvidence' | t }}</div>
        }
      </nz-card>

      <nz-card [nzTitle]="'supervision.history' | t" class="section">
        <nz-timeline data-testid="problem-history">
          @for (e of d.history ?? []; track e.id) {
            <nz-timeline-item>
              <strong>{{ 'supervision.events.' + e.kind | t }}</strong>
              <span class="hint">
                {{ time(e.time) }} · {{ e.userName ?? ('supervision.system' | t) }}
                @if (e.unitName && e.kind === 'HandedToUnit') {
                  · {{ e.unitName }}
                }
              </span>
              @if (e.note) {
                <div class="pre">{{ e.note }}</div>
              }
            </nz-timeline-item>
          }
        </nz-timeline>
      </nz-card>
    }
  `,
  styles: `
    .toolbar {
      margin-bottom: 12px;
    }
    .toolbar .title {
      margin: 8px 0 0;
      font-size: 20px;
    }
    .section {
      margin-bottom: 16px;
    }
    .steps {
      margin-bottom: 16px;
    }
    .action-row {
      display: flex;
      gap: 8px;
      align-items: center;
      margin-top: 8px;
    }
    .action-row nz-select {
      min-width: 200px;
    }
    .file {
      display: flex;
      gap: 8px;
      align-items: center;
      margin-top: 6px;
    }
    .hint {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
      margin-left: 8px;
    }
    .pre {
      white-space: pre-wrap;
    }
    .form-alert {
      margin-bottom: 12px;
    }
  `,
})
export class ProblemDetailComponent implements OnInit {
  private readonly api = inject(ProblemService);
  private readonly unitApi = inject(OrganizationUnitService);
  private readonly files = inject(ProblemFilesService);
  private readonly session = inject(SessionService);
  private readonly route = inject(ActivatedRoute);
  private readonly i18n = inject(I18nService);

  protected readonly statuses = PROBLEM_STATUSES;
  readonly detail = signal<ProblemDetailDto | null>(null);
  protected readonly breadcrumb = breadcrumbName(() => this.detail()?.problem?.title);
  readonly units = signal<UnitDto[]>([]);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  unitId: string | null = null;
  handNote = '';
  reportNote = '';
  verifyNote = '';

  private readonly status = computed(() => this.detail()?.problem?.status ?? '');
  private readonly isProvince = computed(
    () => this.session.isHostUser() && !this.session.actingTenant(),
  );
  readonly step = computed(() => Math.max(0, PROBLEM_STATUSES.indexOf(this.status() as never)));
  readonly canHand = computed(
    () =>
      !this.isProvince() &&
      this.session.isGranted(Permissions.Supervision.Assign) &&
      (this.status() === 'Assigned' || this.status() === 'Rectifying'),
  );
  readonly canReport = computed(
    () =>
      !this.isProvince() &&
      this.session.isGranted(Permissions.Supervision.Rectify) &&
      this.status() === 'Rectifying',
  );
  readonly canVerify = computed(
    () =>
      this.isProvince() &&
      this.session.isGranted(Permissions.Supervision.Manage) &&
      this.status() === 'AwaitingVerification',
  );
  readonly canUpload = computed(() =>
    this.isProvince()
      ? this.session.isGranted(Permissions.Supervision.Manage) && this.status() !== 'Closed'
      : this.canReport(),
  );

  private get id(): string {
    return this.route.snapshot.paramMap.get('id') ?? '';
  }

  ngOnInit(): void {
    this.load();
    if (!this.isProvince() && this.session.isGranted(Permissions.Supervision.Assign)) {
      this.unitApi.organizationUnitGetTree({ includeClosed: false }).subscribe({
        next: (tree) => this.units.set(flattenUnits(tree)),
      });
    }
  }

  load(): void {
    this.api.problemGet({ id: this.id }).subscribe({
      next: (d) => {
        this.detail.set(d);
        this.unitId = this.unitId ?? d.problem?.unitId ?? null;
      },
      error: (e: unknown) => this.error.set(errorText(this.i18n, e)),
    });
  }

  colour(status: string | null | undefined): string {
    return problemStatusColour(status);
  }

  time(value: string | null | undefined): string {
    return beijingText(value);
  }

  hand(): void {
    this.run(
      this.api.problemHandToUnit({
        id: this.id,
        body: { unitId: this.unitId!, note: this.handNote || null },
      }),
    );
  }

  report(): void {
    this.run(this.api.problemReportRectification({ id: this.id, body: { note: this.reportNote } }));
  }

  close(): void {
    this.run(this.api.problemClose({ id: this.id, body: { note: this.verifyNote || null } }));
  }

  reject(): void {
    this.run(this.api.problemReject({ id: this.id, body: { reason: this.verifyNote } }));
  }

  upload(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) {
      return;
    }
    this.run(this.files.uploadEvidence(this.id, file), () => (input.value = ''));
  }

  download(evidenceId: string, name: string): void {
    this.files.downloadEvidence(this.id, evidenceId, name).subscribe({
      error: (e: unknown) => this.error.set(errorText(this.i18n, e)),
    });
  }

  private run(call: Observable<ProblemDto | object>, done?: () => void): void {
    this.busy.set(true);
    this.error.set(null);
    call.subscribe({
      next: () => {
        this.busy.set(false);
        done?.();
        this.load();
      },
      error: (e: unknown) => {
        this.busy.set(false);
        done?.();
        this.error.set(errorText(this.i18n, e));
      },
    });
  }
}
