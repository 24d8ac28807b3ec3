import { Component, OnInit, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { Observable } from 'rxjs';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzStepsModule } from 'ng-zorro-antd/steps';
import { NzTagModule } from 'ng-zorro-antd/tag';

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

import { PROBLEM_STATUSES, ProblemFilesService } from './supervision';
import { DisabledReasonComponent } from '@shared/disabled-reason.component';
import { ProblemFactsComponent } from './problem-facts.component';
import { ProblemHistoryComponent } from './problem-history.component';
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
    NzInputModule,
    NzSelectModule,
    NzStepsModule,
    NzTagModule,
    TranslatePipe,
    ProblemFactsComponent,
    ProblemHistoryComponent,
  ],
  templateUrl: './problem-detail.component.html',
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
