import { Component, computed, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import {
  AgreementsAgreementDto as AgreementDto,
  AgreementsBulkIssueRowDto as ResultRow,
  TenantsTenantDto as TenantDto,
} from '@api/models';
import { AgreementService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { toProblemDetails } from '@core/net/problem-details';
import { errorText } from '@shared/error-text';
import {
  BulkCityRow,
  bulkBody,
  bulkRows,
  invalidCells,
  parsePaste,
  pasteInto,
  rowErrors,
} from './agreement-bulk-issue';

/**
 * The province issues every chosen city's agreement of a year from one template agreement, the cities'
 * own targets in a table (typed, or pasted from Excel). One request, all or none; the host's problems
 * are shown on their rows, and issuing again changes nothing.
 */
@Component({
  selector: 'app-agreement-bulk-issue-dialog',
  imports: [
    FormsModule,
    NzAlertModule,
    NzCheckboxModule,
    NzInputNumberModule,
    NzModalModule,
    NzSelectModule,
    NzSpinModule,
    NzTableModule,
    NzTagModule,
    TranslatePipe,
  ],
  templateUrl: './agreement-bulk-issue-dialog.component.html',
  styleUrl: './agreement-bulk-issue-dialog.component.css',
})
export class AgreementBulkIssueDialogComponent {
  private readonly api = inject(AgreementService);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(I18nService);

  readonly cities = input<TenantDto[]>([]);
  /** Agreements offered as templates. */
  readonly agreements = input<AgreementDto[]>([]);
  readonly done = output<void>();

  readonly visible = signal(false);
  readonly template = signal<AgreementDto | null>(null);
  readonly year = signal<number | null>(null);
  readonly issue = signal(true);
  readonly rows = signal<BulkCityRow[]>([]);
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);
  readonly errors = signal<Record<string, string[]>>({});
  readonly results = signal<Record<string, ResultRow>>({});
  protected readonly lines = computed(() => this.template()?.lines ?? []);
  protected readonly codes = computed(() => this.lines().map((l) => l.code ?? ''));
  protected readonly selectedCount = computed(() => this.rows().filter((r) => r.selected).length);
  protected readonly invalid = computed(() => invalidCells(this.rows()));
  protected readonly allSelected = computed(() => this.rows().every((r) => r.selected));

  show(templateId?: string): void {
    this.rows.set(bulkRows(this.cities()));
    this.error.set(null);
    this.errors.set({});
    this.results.set({});
    this.template.set(null);
    this.visible.set(true);
    const first = templateId ?? this.agreements()[0]?.id;
    if (first) {
      this.pickTemplate(first);
    }
  }

  pickTemplate(id: string): void {
    this.api.agreementGet({ id }).subscribe({
      next: (a) => {
        this.template.set(a);
        this.year.set(a.year ?? null);
      },
      error: (e: unknown) => this.error.set(errorText(this.i18n, e)),
    });
  }

  templateLabel(a: AgreementDto): string {
    const status = this.i18n.t('agreements.statuses.' + a.status);
    return `${a.cityName ?? ''} · ${a.year} · ${a.title} v${a.version}（${status}）`;
  }

  setAll(selected: boolean): void {
    this.rows.update((rows) => rows.map((r) => ({ ...r, selected })));
  }

  setSelected(cityId: string, selected: boolean): void {
    this.rows.update((rows) => rows.map((r) => (r.cityId === cityId ? { ...r, selected } : r)));
  }

  setTarget(cityId: string, code: string, text: string): void {
    this.rows.update((rows) =>
      rows.map((r) =>
        r.cityId === cityId ? { ...r, targets: { ...r.targets, [code]: text } } : r,
      ),
    );
  }

  /** A block copied from Excel fills the table from the cell it is pasted into. */
  paste(event: ClipboardEvent, row: number, column: number): void {
    const text = event.clipboardData?.getData('text/plain') ?? '';
    const block = parsePaste(text);
    if (block.length <= 1 && (block[0]?.length ?? 0) <= 1) {
      return;
    }
    event.preventDefault();
    this.rows.set(pasteInto(this.rows(), this.codes(), row, column, block));
  }

  submit(): void {
    const template = this.template();
    if (!template?.id || this.busy() || !this.selectedCount() || this.invalid().size) {
      return;
    }
    const body = bulkBody(template.id, this.year(), this.issue(), this.rows());
    this.busy.set(true);
    this.error.set(null);
    this.errors.set({});
    this.api.agreementBulkIssue({ body }).subscribe({
      next: (result) => {
        this.busy.set(false);
        const byCity: Record<string, ResultRow> = {};
        for (const row of result.rows ?? []) {
          byCity[row.cityId ?? ''] = row;
        }
        this.results.set(byCity);
        this.message.success(
          this.i18n.t('agreements.bulk.done', { count: result.rows?.length ?? 0 }),
        );
        this.done.emit();
      },
      error: (e: unknown) => {
        this.busy.set(false);
        const problem = toProblemDetails(e);
        this.errors.set(rowErrors(problem?.errors, body));
        const others = Object.entries(problem?.errors ?? {})
          .filter(([key]) => !/^cities\[/i.test(key))
          .flatMap(([, messages]) => messages ?? []);
        this.error.set([errorText(this.i18n, e), ...others].join(' '));
      },
    });
  }
}
