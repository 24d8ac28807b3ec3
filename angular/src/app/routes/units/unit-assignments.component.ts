import { Component, OnInit, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import {
  AgreementsAgreementDto as AgreementDto,
  AgreementsAssignUnitsInput as AssignUnitsInput,
  OrganizationUnitsOrganizationUnitDto as UnitDto,
} from '@api/models';
import { AgreementService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { errorText } from '@shared/error-text';
import { unitOptions } from './unit-tree';
import { DisabledReasonComponent } from '@shared/disabled-reason.component';

/** The "back to the city" choice of the bulk unit picker (nz-select cannot hold null well). */
const CITY = '__city__';

/** Agreements whose lines and key tasks a city may hand to its units, the one in force first. */
const ASSIGNABLE = ['InForce', 'Signed', 'Issued'];

/** The PUT body: every line and key task with its unit (null: the city itself). */
export function assignmentBody(
  agreement: AgreementDto,
  picked: Record<string, string | null>,
): AssignUnitsInput {
  const unit = (kind: string, code: string, current: string | null | undefined) => {
    const key = `${kind}:${code}`;
    return key in picked ? picked[key] : (current ?? null);
  };
  return {
    lines: (agreement.lines ?? []).map((l) => ({
      code: l.code ?? '',
      unitId: unit('line', l.code ?? '', l.assignedUnitId),
    })),
    keyTasks: (agreement.keyTasks ?? []).map((t) => ({
      code: t.code ?? '',
      unitId: unit('task', t.code ?? '', t.assignedUnitId),
    })),
  };
}

/** A city hands the indicators and key tasks of its agreement to its units. */
@Component({
  selector: 'app-unit-assignments',
  imports: [
    DisabledReasonComponent,
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzEmptyModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    TranslatePipe,
  ],
  template: `
    <div class="toolbar">
      <nz-select
        [ngModel]="agreementId()"
        (ngModelChange)="pick($event)"
        [nzPlaceHolder]="'units.pickAgreement' | t"
        style="width: 420px"
        data-testid="assign-agreement"
      >
        @for (a of agreements(); track a.id) {
          <nz-option
            [nzValue]="a.id"
            [nzLabel]="
              a.title + ' v' + a.version + ' (' + ('agreements.statuses.' + a.status | t) + ')'
            "
          />
        }
      </nz-select>
      <app-disabled-reason [reason]="'disabledReason.nothingToSave' | t">
        <button
          nz-button
          nzType="primary"
          (click)="save()"
          [disabled]="!dirty()"
          [nzLoading]="saving()"
          data-testid="assign-save"
        >
          {{ 'common.save' | t }}
        </button>
      </app-disabled-reason>
      <span class="hint">{{ 'units.assignHint' | t }}</span>
    </div>
    @if (agreement()) {
      <div class="toolbar" data-testid="assign-bulk">
        <span>{{ 'units.bulkAssign.selected' | t: { count: checked().size } }}</span>
        <nz-select
          nzShowSearch
          [ngModel]="bulkUnit()"
          (ngModelChange)="bulkUnit.set($event)"
          [nzPlaceHolder]="'units.bulkAssign.pickUnit' | t"
          style="width: 260px"
          data-testid="assign-bulk-unit"
        >
          <nz-option [nzValue]="city" [nzLabel]="'units.bulkAssign.cityItself' | t" />
          @for (o of options(); track o.id) {
            <nz-option [nzValue]="o.id" [nzLabel]="o.label" [nzDisabled]="o.closed" />
          }
        </nz-select>
        <app-disabled-reason
          [reason]="
            (checked().size
              ? 'disabledReason.pickTargetUnitFirst'
              : 'disabledReason.checkIndicatorsFirst'
            ) | t
          "
        >
          <button
            nz-button
            (click)="assignChecked()"
            [disabled]="!checked().size || !bulkUnit()"
            [nzLoading]="saving()"
            data-testid="assign-bulk-apply"
          >
            {{ 'units.bulkAssign.apply' | t }}
          </button>
        </app-disabled-reason>
      </div>
    }
    @if (error()) {
      <nz-alert class="form-alert" nzType="error" nzShowIcon [nzMessage]="error()!" />
    }
    @if (agreement(); as a) {
      <nz-table
        #table
        [nzData]="rows()"
        [nzPageSize]="50"
        [nzShowPagination]="rows().length > 50"
        nzSize="small"
        data-testid="assign-table"
      >
        <thead>
          <tr>
            <th
              nzWidth="40px"
              [nzChecked]="allChecked()"
              [nzIndeterminate]="checked().size > 0 && !allChecked()"
              (nzCheckedChange)="checkAll($event)"
              data-testid="assign-check-all"
            ></th>
            <th nzWidth="90px">{{ 'units.itemKind' | t }}</th>
            <th nzWidth="100px">{{ 'agreements.code' | t }}</th>
            <th>{{ 'units.item' | t }}</th>
            <th nzWidth="260px">{{ 'units.assignedUnit' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (row of table.data; track row.key) {
            <tr>
              <td
                [nzChecked]="checked().has(row.key)"
                (nzCheckedChange)="check(row.key, $event)"
                [attr.data-testid]="'assign-check-' + row.key"
              ></td>
              <td>
                <nz-tag>{{ 'units.itemKinds.' + row.kind | t }}</nz-tag>
              </td>
              <td class="mono">{{ row.code }}</td>
              <td>{{ row.name }}</td>
              <td>
                <nz-select
                  nzAllowClear
                  nzShowSearch
                  [ngModel]="unitOf(row.key, row.unitId)"
                  (ngModelChange)="setUnit(row.key, $event ?? null)"
                  [nzPlaceHolder]="'units.cityItself' | t"
                  style="width: 100%"
                  [attr.data-testid]="'assign-' + row.key"
                >
                  @for (o of options(); track o.id) {
                    <nz-option [nzValue]="o.id" [nzLabel]="o.label" [nzDisabled]="o.closed" />
                  }
                </nz-select>
              </td>
            </tr>
          }
        </tbody>
      </nz-table>
    } @else if (!loading()) {
      <nz-empty [nzNotFoundContent]="'units.noAgreement' | t" />
    }
  `,
  styles: `
    .toolbar {
      display: flex;
      gap: 8px;
      align-items: center;
      flex-wrap: wrap;
      margin-bottom: 12px;
    }
    .hint {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
  `,
})
export class UnitAssignmentsComponent implements OnInit {
  private readonly api = inject(AgreementService);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(I18nService);

  readonly units = input<UnitDto[]>([]);
  protected readonly options = computed(() => unitOptions(this.units()));
  readonly agreements = signal<AgreementDto[]>([]);
  readonly agreementId = signal<string | null>(null);
  readonly agreement = signal<AgreementDto | null>(null);
  readonly picked = signal<Record<string, string | null>>({});
  /** Rows ticked for the bulk hand-out, by key ("line:A.1", "task:K01"). */
  readonly checked = signal<ReadonlySet<string>>(new Set());
  readonly bulkUnit = signal<string | null>(null);
  protected readonly city = CITY;
  protected readonly allChecked = computed(
    () => this.rows().length > 0 && this.rows().every((r) => this.checked().has(r.key)),
  );
  protected readonly dirty = computed(() => Object.keys(this.picked()).length > 0);
  protected readonly loading = signal(false);
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly rows = computed(() => {
    const a = this.agreement();
    return [
      ...(a?.lines ?? []).map((l) => ({
        key: `line:${l.code}`,
        kind: 'line',
        code: l.code,
        name: l.name,
        unitId: l.assignedUnitId ?? null,
      })),
      ...(a?.keyTasks ?? []).map((t) => ({
        key: `task:${t.code}`,
        kind: 'task',
        code: t.code,
        name: t.task,
        unitId: t.assignedUnitId ?? null,
      })),
    ];
  });

  ngOnInit(): void {
    this.loading.set(true);
    this.api.agreementGetList({ SkipCount: 0, MaxResultCount: 100 }).subscribe({
      next: (result) => {
        this.loading.set(false);
        const list = (result.items ?? [])
          .filter((a) => ASSIGNABLE.includes(a.status ?? ''))
          .sort(
            (a, b) =>
              ASSIGNABLE.indexOf(a.status ?? '') - ASSIGNABLE.indexOf(b.status ?? '') ||
              (b.year ?? 0) - (a.year ?? 0),
          );
        this.agreements.set(list);
        if (list[0]?.id) {
          this.pick(list[0].id);
        }
      },
      error: (e: unknown) => {
        this.loading.set(false);
        this.error.set(errorText(this.i18n, e));
      },
    });
  }

  pick(id: string): void {
    this.agreementId.set(id);
    this.picked.set({});
    this.checked.set(new Set());
    this.error.set(null);
    this.api.agreementGet({ id }).subscribe({
      next: (a) => this.agreement.set(a),
      error: (e: unknown) => this.error.set(errorText(this.i18n, e)),
    });
  }

  unitOf(key: string, current: string | null): string | null {
    const picked = this.picked();
    return key in picked ? picked[key] : current;
  }

  setUnit(key: string, unitId: string | null): void {
    this.picked.update((p) => ({ ...p, [key]: unitId }));
  }

  check(key: string, on: boolean): void {
    this.checked.update((set) => {
      const next = new Set(set);
      if (on) {
        next.add(key);
      } else {
        next.delete(key);
      }
      return next;
    });
  }

  checkAll(on: boolean): void {
    this.checked.set(new Set(on ? this.rows().map((r) => r.key) : []));
  }

  /** Hands every ticked line and task to the picked unit (or back to the city) and saves, in one request. */
  assignChecked(): void {
    const choice = this.bulkUnit();
    const keys = [...this.checked()];
    if (!choice || !keys.length) {
      return;
    }
    const unitId = choice === CITY ? null : choice;
    this.picked.update((p) => ({ ...p, ...Object.fromEntries(keys.map((k) => [k, unitId])) }));
    const unit = this.options()
      .find((o) => o.id === unitId)
      ?.label.replace(/^[—\s]+/, '');
    this.save(
      unitId
        ? this.i18n.t('units.bulkAssign.done', { count: keys.length, unit })
        : this.i18n.t('units.bulkAssign.doneCity', { count: keys.length }),
    );
  }

  /** Saves every assignment; on an error keeps the picks and shows the host's message. */
  save(done?: string): void {
    const a = this.agreement();
    if (!a?.id) {
      return;
    }
    this.saving.set(true);
    this.error.set(null);
    this.api.agreementAssignUnits({ id: a.id, body: assignmentBody(a, this.picked()) }).subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.agreement.set(saved);
        this.picked.set({});
        this.checked.set(new Set());
        this.message.success(done ?? this.i18n.t('units.assigned'));
      },
      error: (e: unknown) => {
        this.saving.set(false);
        this.error.set(errorText(this.i18n, e));
      },
    });
  }
}
