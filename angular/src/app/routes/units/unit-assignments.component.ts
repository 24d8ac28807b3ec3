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
  OrganizationUnitsOrganizationUnitDto as UnitDto,
} from '@api/models';
import { AgreementService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { withCode } from '@shared/code-set';
import { errorText } from '@shared/error-text';
import { assignable, assignmentBody, assignmentRows } from './unit-assignments';
import { unitOptions } from './unit-tree';
import { DisabledReasonComponent } from '@shared/disabled-reason.component';

/** The "back to the city" choice of the bulk unit picker (nz-select cannot hold null well). */
const CITY = '__city__';

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
  templateUrl: './unit-assignments.component.html',
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

  protected readonly rows = computed(() => assignmentRows(this.agreement()));

  ngOnInit(): void {
    this.loading.set(true);
    this.api.agreementGetList({ SkipCount: 0, MaxResultCount: 100 }).subscribe({
      next: (result) => {
        this.loading.set(false);
        const list = assignable(result.items ?? []);
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
    this.checked.update((set) => withCode(set, key, on));
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
