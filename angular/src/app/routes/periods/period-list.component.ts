import { Component, OnInit, computed, inject, signal, viewChild } from '@angular/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { PeriodsPeriodDto as PeriodDto, SchemesSchemeDto as SchemeDto } from '@api/models';
import { PeriodService, SchemeService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { Permissions } from '@core/permissions';
import { SessionService } from '@core/session/session.service';
import { busyActions } from '@shared/busy-actions';
import { listSource } from '@shared/list-source';
import { ListTableDirective } from '@shared/list-table.directive';
import { PageHeaderComponent } from '@shared/page-header.component';
import { localText } from '@shared/period-time';
import { periodStatusColour } from '@shared/status-colours';
import { PeriodAction, PeriodActionsComponent } from './period-actions.component';
import { PeriodCreateDialogComponent } from './period-create-dialog.component';
import { PeriodRowActionsComponent } from './period-row-actions.component';

export { PERIOD_KINDS, PERIOD_STATUSES } from './period-kinds';

@Component({
  selector: 'app-period-list',
  imports: [
    NzAlertModule,
    NzButtonModule,
    NzIconModule,
    NzTableModule,
    NzTagModule,
    TranslatePipe,
    PageHeaderComponent,
    ListTableDirective,
    PeriodActionsComponent,
    PeriodCreateDialogComponent,
    PeriodRowActionsComponent,
  ],

  template: `
    <app-page-header
      [title]="'periods.title' | t"
      [subtitle]="'periods.subtitle' | t"
      reloadable
      (reload)="list.load()"
      [createLabel]="session.isGranted(P.Manage) ? ('periods.create' | t) : ''"
      createTestId="period-create"
      (create)="openCreate()"
    />

    @if (list.loadError()) {
      <nz-alert class="form-alert" nzType="error" nzShowIcon [nzMessage]="list.loadError()!" />
    }

    <nz-table #table [appListTable]="list" data-testid="period-table">
      <thead>
        <tr>
          <th>{{ 'periods.name' | t }}</th>
          <th>{{ 'periods.scheme' | t }}</th>
          <th nzWidth="90px">{{ 'periods.kind' | t }}</th>
          <th nzWidth="110px">{{ 'periods.yearNumber' | t }}</th>
          <th nzWidth="300px">{{ 'periods.window' | t }}</th>
          <th nzWidth="100px">{{ 'periods.status' | t }}</th>
          @if (canAct()) {
            <th nzWidth="150px">{{ 'common.actions' | t }}</th>
          }
        </tr>
      </thead>
      <tbody>
        @for (period of table.data; track period.id) {
          <tr>
            <td>{{ period.name }}</td>
            <td>{{ schemeName(period.schemeId) }}</td>
            <td>{{ 'periods.kinds.' + period.kind | t }}</td>
            <td>{{ period.year }} / {{ period.number }}</td>
            <td class="mono">
              {{ localText(period.entryOpensAtLocal) }} ~ {{ localText(period.entryClosesAtLocal) }}
            </td>
            <td>
              <nz-tag [nzColor]="statusColour(period.status)">{{
                'periods.statuses.' + period.status | t
              }}</nz-tag>
            </td>
            @if (canAct()) {
              <td>
                <app-period-row-actions
                  [period]="period"
                  [busy]="actions.busy() === period.id"
                  (transition)="transition(period, $event)"
                  (act)="act(period, $event)"
                />
              </td>
            }
          </tr>
        }
      </tbody>
    </nz-table>

    <app-period-actions
      [period]="actionPeriod()"
      [action]="action()"
      (changed)="list.load()"
      (closed)="action.set(null)"
    />

    <app-period-create-dialog [schemes]="publishedSchemes()" (created)="created($event)" />
  `,
})
export class PeriodListComponent implements OnInit {
  private readonly api = inject(PeriodService);
  private readonly schemeApi = inject(SchemeService);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(I18nService);
  protected readonly session = inject(SessionService);
  protected readonly P = Permissions.Periods;
  protected readonly R = Permissions.Results;
  protected readonly canAct = computed(
    () => this.session.isGranted(this.P.Manage) || this.session.isGranted(this.R.Publish),
  );
  protected readonly actionPeriod = signal<PeriodDto | null>(null);
  protected readonly action = signal<PeriodAction | null>(null);
  protected readonly statusColour = periodStatusColour;
  protected readonly localText = localText;

  readonly list = listSource(() => this.api.periodGetList({}));
  /** Opening or closing a period: the busy action is the period's id. */
  protected readonly actions = busyActions();
  /** Schemes of every status: they name the scheme column (an archived scheme keeps its name). */
  protected readonly schemes = signal<SchemeDto[]>([]);
  /** Only a published scheme may get a new period. */
  protected readonly publishedSchemes = computed(() =>
    this.schemes().filter((s) => s.status === 'Published'),
  );
  private readonly createDialog = viewChild(PeriodCreateDialogComponent);

  ngOnInit(): void {
    this.list.load();
    this.schemeApi.schemeGetList({ SkipCount: 0, MaxResultCount: 1000 }).subscribe({
      next: (result) => this.schemes.set(result.items ?? []),
      error: () => this.schemes.set([]),
    });
  }

  act(period: PeriodDto, action: PeriodAction): void {
    this.actionPeriod.set(period);
    this.action.set(action);
  }

  schemeName(id: string | null | undefined): string {
    return this.schemes().find((s) => s.id === id)?.name ?? '';
  }

  openCreate(): void {
    this.createDialog()?.show();
  }

  created(period: PeriodDto | null | undefined): void {
    this.message.success(this.i18n.t('periods.created', { name: period?.name ?? '' }));
    this.list.load();
  }

  transition(period: PeriodDto, action: 'open' | 'close'): void {
    const id = period.id ?? '';
    const call = action === 'open' ? this.api.periodOpen({ id }) : this.api.periodClose({ id });
    this.actions.run(id, call, () => {
      this.message.success(
        this.i18n.t(action === 'open' ? 'periods.opened' : 'periods.closed', {
          name: period.name,
        }),
      );
      this.list.load();
    });
  }
}
