import { Component, OnInit, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';

import {
  SupervisionRoundMemberDto as MemberDto,
  SupervisionRoundUnitDto as UnitDto,
  SupervisionSupervisionRoundDto as RoundDto,
  TenantsTenantDto as TenantDto,
} from '@api/models';
import { SupervisionRoundService, TenantService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { EditDeleteCellComponent } from '@shared/edit-delete-cell.component';
import { errorText } from '@shared/error-text';

import { beijingDay } from './supervision';

interface RoundForm {
  id: string | null;
  name: string;
  periodLabel: string;
  startDate: string;
  endDate: string;
  note: string;
  cityIds: string[];
  /** The units visited, by city: the cities picked keep theirs while the form is open. */
  unitIds: Record<string, string[]>;
  memberUserIds: string[];
  concurrencyStamp: string | null;
}

function emptyForm(): RoundForm {
  return {
    id: null,
    name: '',
    periodLabel: '',
    startDate: beijingDay(0),
    endDate: beijingDay(7),
    note: '',
    cityIds: [],
    unitIds: {},
    memberUserIds: [],
    concurrencyStamp: null,
  };
}

/** The province's supervision rounds (督导轮次): name, period, cities visited, the group's members, dates. */
@Component({
  selector: 'app-round-list',
  imports: [
    FormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzFormModule,
    NzInputModule,
    NzModalModule,
    EditDeleteCellComponent,
    NzSelectModule,
    NzTableModule,
    TranslatePipe,
  ],
  templateUrl: './round-list.component.html',
  styles: `
    .toolbar {
      display: flex;
      gap: 12px;
      align-items: center;
      margin-bottom: 12px;
    }
    .toolbar h1 {
      margin: 0;
      font-size: 20px;
    }
    .spacer {
      flex: 1;
    }
    .dates {
      display: flex;
      gap: 8px;
      align-items: center;
    }
    nz-select {
      width: 100%;
    }
    .form-alert {
      margin-bottom: 12px;
    }
  `,
})
export class RoundListComponent implements OnInit {
  private readonly api = inject(SupervisionRoundService);
  private readonly tenantApi = inject(TenantService);
  private readonly i18n = inject(I18nService);

  readonly rounds = signal<RoundDto[]>([]);
  readonly cities = signal<TenantDto[]>([]);
  readonly candidates = signal<MemberDto[]>([]);
  /** The open units of each city picked so far, read once per city. */
  readonly unitsOf = signal<Record<string, UnitDto[] | undefined>>({});
  readonly editing = signal(false);
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly formError = signal<string | null>(null);
  form: RoundForm = emptyForm();

  ngOnInit(): void {
    this.load();
    this.tenantApi.tenantGetList({ MaxResultCount: 100 }).subscribe({
      next: (r) => this.cities.set(r.items ?? []),
    });
    this.api.supervisionRoundGetMemberCandidates().subscribe({
      next: (m) => this.candidates.set(m),
    });
  }

  load(): void {
    this.api.supervisionRoundGetList().subscribe({
      next: (r) => this.rounds.set(r),
      error: (e: unknown) => this.error.set(errorText(this.i18n, e)),
    });
  }

  /** 兰州市（公安局、司法局）、天水市: each city with the units visited there. */
  visitNames(round: RoundDto): string {
    return (round.visits ?? [])
      .map((v) => {
        const units = (v.unitNames ?? []).filter((n) => !!n);
        return units.length ? `${v.cityName}（${units.join('、')}）` : (v.cityName ?? '');
      })
      .join('、');
  }

  cityName(cityId: string): string {
    return this.cities().find((c) => c.id === cityId)?.displayName ?? '';
  }

  /** Reads the units of every picked city not read yet; a city's list of picked units starts empty. */
  loadUnits(cityIds: string[]): void {
    for (const cityId of cityIds) {
      this.form.unitIds[cityId] ??= [];
      if (this.unitsOf()[cityId]) {
        continue;
      }
      this.api.supervisionRoundGetUnitCandidates({ cityId }).subscribe({
        next: (units) => this.unitsOf.update((all) => ({ ...all, [cityId]: units })),
        error: (e: unknown) => this.formError.set(errorText(this.i18n, e)),
      });
    }
  }

  memberNames(round: RoundDto): string {
    return (round.members ?? []).map((m) => m.name).join('、');
  }

  edit(round: RoundDto | null): void {
    this.formError.set(null);
    this.form = round
      ? {
          id: round.id ?? null,
          name: round.name ?? '',
          periodLabel: round.periodLabel ?? '',
          startDate: round.startDate ?? '',
          endDate: round.endDate ?? '',
          note: round.note ?? '',
          cityIds: (round.visits ?? []).map((v) => v.cityId ?? ''),
          unitIds: Object.fromEntries(
            (round.visits ?? []).map((v) => [v.cityId ?? '', [...(v.unitIds ?? [])]]),
          ),
          memberUserIds: (round.members ?? []).map((m) => m.userId ?? ''),
          concurrencyStamp: round.concurrencyStamp ?? null,
        }
      : emptyForm();
    this.loadUnits(this.form.cityIds);
    this.editing.set(true);
  }

  save(): void {
    const f = this.form;
    const body = {
      name: f.name,
      periodLabel: f.periodLabel || null,
      startDate: f.startDate,
      endDate: f.endDate,
      note: f.note || null,
      visits: f.cityIds.map((cityId) => ({ cityId, unitIds: f.unitIds[cityId] ?? [] })),
      memberUserIds: f.memberUserIds,
      concurrencyStamp: f.concurrencyStamp,
    };
    this.saving.set(true);
    const call = f.id
      ? this.api.supervisionRoundUpdate({ id: f.id, body })
      : this.api.supervisionRoundCreate({ body });
    call.subscribe({
      next: () => {
        this.saving.set(false);
        this.editing.set(false);
        this.load();
      },
      error: (e: unknown) => {
        this.saving.set(false);
        this.formError.set(errorText(this.i18n, e));
      },
    });
  }

  remove(round: RoundDto): void {
    this.api.supervisionRoundDelete({ id: round.id! }).subscribe({
      next: () => this.load(),
      error: (e: unknown) => this.error.set(errorText(this.i18n, e)),
    });
  }
}
