import { DecimalPipe } from '@angular/common';
import { Component, ElementRef, OnInit, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import {
  DataEntryEntryLineDto as EntryLineDto,
  DataEntryEntrySheetDto as EntrySheetDto,
  PeriodsPeriodDto as PeriodDto,
} from '../../api/models';
import { DataEntryService, PeriodService } from '../../api/services';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { toProblemDetails } from '../../core/net/problem-details';
import { errorText } from '../../shared/error-text';
import { localText } from '../periods/period-list.component';
import { valueInputKind } from '../schemes/scheme-definition';

/** Save state of one line, by indicator code. */
export type LineState =
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'error'; message: string }
  /** Someone else saved first: their value, while the typed one stays in the box. */
  | { kind: 'conflict'; otherValue: number | null | undefined };

@Component({
  selector: 'app-data-entry',
  imports: [
    DecimalPipe,
    FormsModule,
    NzAlertModule,
    NzInputModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    TranslatePipe,
  ],
  template: `
    <div class="page-header">
      <div>
        <h1>{{ 'dataEntry.title' | t }}</h1>
        <div class="subtitle">{{ 'dataEntry.subtitle' | t }}</div>
      </div>
      <nz-select
        [ngModel]="periodId()"
        (ngModelChange)="pick($event)"
        [nzPlaceHolder]="'dataEntry.pickPeriod' | t"
        style="width: 280px"
        data-testid="entry-period"
      >
        @for (period of periods(); track period.id) {
          <nz-option [nzValue]="period.id" [nzLabel]="period.name ?? ''" />
        }
      </nz-select>
    </div>

    @if (loadError()) {
      <nz-alert class="form-alert" nzType="error" nzShowIcon [nzMessage]="loadError()!" />
    }
    @if (!periodsLoading() && !periods().length) {
      <nz-alert nzType="info" nzShowIcon [nzMessage]="'dataEntry.noOpenPeriod' | t" />
    }

    @if (sheet(); as s) {
      <div class="sheet-info">
        @if (selected(); as period) {
          <span
            >{{ 'dataEntry.window' | t }}: {{ localText(period.entryOpensAtLocal) }} ~
            {{ localText(period.entryClosesAtLocal) }}</span
          >
        }
        <nz-tag>{{ 'dashboard.submissionStatuses.' + s.submissionStatus | t }}</nz-tag>
        @if (!s.writable) {
          <nz-tag nzColor="orange" data-testid="entry-readonly">{{
            'dataEntry.readOnly' | t
          }}</nz-tag>
        }
        <span class="hint">{{ 'dataEntry.keyboardHint' | t }}</span>
      </div>
      @if (s.returnComment) {
        <nz-alert
          class="form-alert"
          nzType="warning"
          nzShowIcon
          [nzMessage]="('dataEntry.returned' | t) + s.returnComment"
        />
      }

      <nz-table
        #table
        [nzData]="lines()"
        [nzLoading]="loading()"
        [nzShowPagination]="false"
        [nzFrontPagination]="false"
        nzSize="small"
        data-testid="entry-table"
      >
        <thead>
          <tr>
            <th nzWidth="90px">{{ 'dataEntry.code' | t }}</th>
            <th>{{ 'dataEntry.indicator' | t }}</th>
            <th nzWidth="80px">{{ 'dataEntry.maxPoints' | t }}</th>
            <th nzWidth="180px">{{ 'dataEntry.value' | t }}</th>
            <th nzWidth="80px">{{ 'dataEntry.unit' | t }}</th>
            <th nzWidth="260px">{{ 'dataEntry.state' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (line of table.data; track line.indicatorCode; let i = $index) {
            <tr>
              <td class="mono">{{ line.indicatorCode }}</td>
              <td>{{ line.indicatorName }}</td>
              <td>{{ line.maxPoints | number: '1.0-2' }}</td>
              <td>
                @if (isNumeric(line)) {
                  <input
                    nz-input
                    type="number"
                    inputmode="decimal"
                    [value]="draft(line) ?? ''"
                    (input)="onInput(line, $event)"
                    (blur)="save(line)"
                    (keydown.enter)="saveAndNext(line, i)"
                    [disabled]="!s.writable"
                    [attr.data-row]="i"
                    [attr.data-code]="line.indicatorCode"
                    [attr.aria-label]="line.indicatorName"
                  />
                } @else {
                  <span class="muted">{{ 'dataEntry.otherInput' | t }}</span>
                }
              </td>
              <td>{{ line.unit }}</td>
              <td [attr.data-state]="line.indicatorCode">
                @switch (states()[line.indicatorCode ?? '']?.kind) {
                  @case ('saving') {
                    <span class="muted">{{ 'dataEntry.saving' | t }}</span>
                  }
                  @case ('saved') {
                    <nz-tag nzColor="green">{{ 'dataEntry.saved' | t }}</nz-tag>
                  }
                  @case ('error') {
                    <span class="error">{{ stateMessage(line) }}</span>
                  }
                  @case ('conflict') {
                    <span class="error" data-testid="entry-conflict">{{
                      'dataEntry.conflict' | t: { value: conflictValue(line) }
                    }}</span>
                  }
                  @default {
                    @if (line.reported) {
                      <nz-tag>{{ 'dataEntry.reported' | t }}</nz-tag>
                    } @else {
                      <span class="muted">{{ 'dataEntry.notReported' | t }}</span>
                    }
                  }
                }
              </td>
            </tr>
          }
        </tbody>
      </nz-table>
    }
  `,
  styles: `
    .sheet-info {
      display: flex;
      gap: 12px;
      align-items: center;
      flex-wrap: wrap;
      margin-bottom: 12px;
    }
    .hint,
    .muted {
      color: rgba(0, 0, 0, 0.45);
    }
    .error {
      color: #f5222d;
    }
  `,
})
export class DataEntryComponent implements OnInit {
  private readonly periodApi = inject(PeriodService);
  private readonly api = inject(DataEntryService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly i18n = inject(I18nService);
  protected readonly localText = localText;

  protected readonly periods = signal<PeriodDto[]>([]);
  protected readonly periodsLoading = signal(false);
  readonly periodId = signal<string | null>(null);
  protected readonly selected = signal<PeriodDto | null>(null);
  readonly sheet = signal<EntrySheetDto | null>(null);
  readonly lines = signal<EntryLineDto[]>([]);
  protected readonly loading = signal(false);
  protected readonly loadError = signal<string | null>(null);
  readonly states = signal<Record<string, LineState>>({});
  /** What is typed in each box (kept as typed on errors and conflicts), by indicator code. */
  readonly drafts: Record<string, number | null> = {};

  ngOnInit(): void {
    this.periodsLoading.set(true);
    this.periodApi.periodGetList({ Status: 'Open' }).subscribe({
      next: (list) => {
        this.periodsLoading.set(false);
        this.periods.set(list ?? []);
        const first = (list ?? [])[0];
        if (first?.id) {
          this.pick(first.id);
        }
      },
      error: (e: unknown) => {
        this.periodsLoading.set(false);
        this.loadError.set(errorText(this.i18n, e));
      },
    });
  }

  pick(id: string | null): void {
    this.periodId.set(id);
    this.selected.set(this.periods().find((p) => p.id === id) ?? null);
    this.sheet.set(null);
    this.lines.set([]);
    this.states.set({});
    for (const key of Object.keys(this.drafts)) {
      delete this.drafts[key];
    }
    if (!id) {
      return;
    }
    this.loading.set(true);
    this.loadError.set(null);
    this.api.dataEntryGetSheet({ periodId: id }).subscribe({
      next: (sheet) => {
        if (this.periodId() !== id) {
          return;
        }
        this.loading.set(false);
        this.sheet.set(sheet);
        this.lines.set(sheet.lines ?? []);
      },
      error: (e: unknown) => {
        this.loading.set(false);
        this.loadError.set(errorText(this.i18n, e));
      },
    });
  }

  isNumeric(line: EntryLineDto): boolean {
    return valueInputKind(line.ruleKind) === 'number';
  }

  draft(line: EntryLineDto): number | null {
    const code = line.indicatorCode ?? '';
    return code in this.drafts ? this.drafts[code] : (line.value?.number ?? null);
  }

  stateMessage(line: EntryLineDto): string {
    const state = this.states()[line.indicatorCode ?? ''];
    return state?.kind === 'error' ? state.message : '';
  }

  conflictValue(line: EntryLineDto): string {
    const state = this.states()[line.indicatorCode ?? ''];
    const value = state?.kind === 'conflict' ? state.otherValue : null;
    return value === null || value === undefined ? '—' : String(value);
  }

  /** Saves the line as a draft when its typed value differs from the stored one. */
  save(line: EntryLineDto): void {
    const code = line.indicatorCode ?? '';
    const periodId = this.periodId();
    const sheet = this.sheet();
    if (
      !periodId ||
      !sheet?.writable ||
      !(code in this.drafts) ||
      this.states()[code]?.kind === 'saving'
    ) {
      return;
    }
    const typed = this.drafts[code];
    const current = this.lines().find((l) => l.indicatorCode === code) ?? line;
    const unchanged = typed === (current.value?.number ?? null);
    if (unchanged && this.states()[code]?.kind !== 'conflict') {
      return;
    }
    this.setState(code, { kind: 'saving' });
    this.api
      .dataEntrySaveLine({
        periodId,
        indicatorCode: code,
        body: {
          value: { ...current.value, number: typed },
          note: current.note ?? null,
          unitId: current.unitId ?? null,
          concurrencyStamp: current.concurrencyStamp ?? null,
        },
      })
      .subscribe({
        next: (saved) => {
          this.replaceLine(code, saved);
          if (this.drafts[code] === typed) {
            delete this.drafts[code];
          }
          this.setState(code, { kind: 'saved' });
        },
        error: (e: unknown) => {
          const problem = toProblemDetails(e);
          const status = problem?.status ?? (e as { status?: number }).status;
          if (status === 409 && problem?.current && typeof problem.current === 'object') {
            // Keep what was typed; the next save (blur or Enter) overwrites the other value.
            const other = problem.current as EntryLineDto;
            this.replaceLine(code, other);
            this.setState(code, { kind: 'conflict', otherValue: other.value?.number });
          } else {
            this.setState(code, { kind: 'error', message: errorText(this.i18n, e) });
          }
        },
      });
  }

  onInput(line: EntryLineDto, event: Event): void {
    const text = (event.target as HTMLInputElement).value.trim();
    const value = text === '' ? null : Number(text);
    this.drafts[line.indicatorCode ?? ''] = value === null || Number.isFinite(value) ? value : null;
  }

  /** Enter saves the line and moves to the next box, like a spreadsheet. */
  saveAndNext(line: EntryLineDto, index: number): void {
    this.save(line);
    const next = this.host.nativeElement.querySelector<HTMLInputElement>(
      `input[data-row="${index + 1}"]`,
    );
    next?.focus();
  }

  private replaceLine(code: string, line: EntryLineDto): void {
    this.lines.update((lines) => lines.map((l) => (l.indicatorCode === code ? line : l)));
  }

  private setState(code: string, state: LineState): void {
    this.states.update((states) => ({ ...states, [code]: state }));
  }
}
