import { Component, effect, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzDividerModule } from 'ng-zorro-antd/divider';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzMessageService } from 'ng-zorro-antd/message';

import { DataEntryCityFactsDto as CityFactsDto } from '@api/models';
import { DataEntryService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { toProblemDetails } from '@core/net/problem-details';
import { errorText } from '@shared/error-text';
import { SchemeDefinition, SchemeVeto } from '@shared/scheme-definition';

/** The city's facts of a period: veto facts, bonus counts, data items and a note. */
@Component({
  selector: 'app-city-facts',
  imports: [
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzCheckboxModule,
    NzDividerModule,
    NzFormModule,
    NzInputModule,
    NzInputNumberModule,
    TranslatePipe,
  ],
  template: `
    @if (error()) {
      <nz-alert class="form-alert" nzType="error" nzShowIcon [nzMessage]="error()!" />
    }
    @if (conflict()) {
      <nz-alert
        class="form-alert"
        nzType="warning"
        nzShowIcon
        [nzMessage]="'dataEntry.factsConflict' | t"
        data-testid="facts-conflict"
      />
    }
    <form nz-form nzLayout="horizontal" (ngSubmit)="save()" data-testid="facts-form">
      <nz-divider nzOrientation="left" [nzText]="'dataEntry.vetoFacts' | t" />
      @for (veto of definition()?.vetoes ?? []; track veto.code) {
        @if (veto.trigger_fact) {
          <nz-form-item>
            <nz-form-control
              [nzValidateStatus]="fieldError('vetoFacts.' + veto.trigger_fact) ? 'error' : ''"
              [nzErrorTip]="fieldError('vetoFacts.' + veto.trigger_fact) ?? ''"
            >
              <!-- eslint-disable-next-line @angular-eslint/template/label-has-associated-control -->
              <label
                nz-checkbox
                [name]="'veto-' + veto.code"
                [ngModel]="!!vetoFacts()[veto.trigger_fact]"
                (ngModelChange)="setVeto(veto.trigger_fact, $event)"
                [nzDisabled]="!writable()"
                >{{ veto.code }} {{ veto.name }}：{{ triggerText(veto) }}</label
              >
            </nz-form-control>
          </nz-form-item>
        }
      }
      <nz-divider nzOrientation="left" [nzText]="'dataEntry.bonusCounts' | t" />
      @for (item of definition()?.bonus?.items ?? []; track item.code) {
        <nz-form-item>
          <nz-form-label [nzSpan]="10">{{ item.code }} {{ item.name }}</nz-form-label>
          <nz-form-control
            [nzSpan]="6"
            [nzValidateStatus]="fieldError('bonusCounts.' + item.code) ? 'error' : ''"
            [nzErrorTip]="fieldError('bonusCounts.' + item.code) ?? ''"
          >
            <nz-input-number
              [name]="'bonus-' + item.code"
              [nzMin]="0"
              [nzStep]="1"
              [ngModel]="bonus(item.code)"
              (ngModelChange)="setBonus(item.code, $event)"
              [nzDisabled]="!writable()"
            />
          </nz-form-control>
        </nz-form-item>
      }
      @if ((definition()?.data_items ?? []).length) {
        <nz-divider nzOrientation="left" [nzText]="'dataEntry.dataItems' | t" />
        @for (item of definition()?.data_items ?? []; track item.code) {
          <nz-form-item>
            <nz-form-label [nzSpan]="10">{{ item.code }} {{ item.name }}</nz-form-label>
            <nz-form-control [nzSpan]="6">
              <nz-input-number
                [name]="'data-' + item.code"
                [ngModel]="dataItem(item.code)"
                (ngModelChange)="setDataItem(item.code, $event)"
                [nzDisabled]="!writable()"
              />
            </nz-form-control>
          </nz-form-item>
        }
      }
      <nz-form-item>
        <nz-form-label [nzSpan]="10">{{ 'dataEntry.note' | t }}</nz-form-label>
        <nz-form-control [nzSpan]="14">
          <textarea
            nz-input
            name="note"
            rows="2"
            [ngModel]="note()"
            (ngModelChange)="note.set($event)"
            [disabled]="!writable()"
          ></textarea>
        </nz-form-control>
      </nz-form-item>
      @if (writable()) {
        <button
          nz-button
          nzType="primary"
          type="submit"
          [nzLoading]="saving()"
          data-testid="facts-save"
        >
          {{ 'common.save' | t }}
        </button>
      }
    </form>
  `,
})
export class CityFactsComponent {
  private readonly api = inject(DataEntryService);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(I18nService);

  readonly periodId = input<string | null>(null);
  readonly facts = input<CityFactsDto | null>(null);
  readonly definition = input<SchemeDefinition | null>(null);
  readonly writable = input(false);
  readonly saved = output<CityFactsDto>();

  readonly vetoFacts = signal<Record<string, boolean>>({});
  readonly bonusCounts = signal<Record<string, number>>({});
  readonly dataItems = signal<Record<string, number>>({});
  readonly note = signal<string | null>(null);
  private stamp: string | null = null;
  readonly saving = signal(false);
  readonly error = signal<string | null>(null);
  readonly conflict = signal(false);
  readonly fieldErrors = signal<Record<string, string>>({});

  constructor() {
    effect(() => this.reset(this.facts()));
  }

  private reset(facts: CityFactsDto | null): void {
    this.vetoFacts.set({ ...(facts?.vetoFacts ?? {}) });
    this.bonusCounts.set({ ...(facts?.bonusCounts ?? {}) });
    this.dataItems.set({ ...(facts?.dataItems ?? {}) });
    this.note.set(facts?.note ?? null);
    this.stamp = facts?.concurrencyStamp ?? null;
  }

  triggerText(veto: SchemeVeto): string {
    const text = (veto as unknown as Record<string, unknown>)['trigger_text'];
    return typeof text === 'string' ? text : (veto.trigger_fact ?? '');
  }

  bonus(code: string): number {
    return this.bonusCounts()[code] ?? 0;
  }

  dataItem(code: string): number | null {
    return this.dataItems()[code] ?? null;
  }

  fieldError(key: string): string | null {
    return this.fieldErrors()[key] ?? null;
  }

  setVeto(fact: string, on: boolean): void {
    this.vetoFacts.update((v) => ({ ...v, [fact]: on }));
  }

  setBonus(code: string, count: number | null): void {
    this.bonusCounts.update((v) => ({ ...v, [code]: count ?? 0 }));
  }

  setDataItem(code: string, value: number | null): void {
    this.dataItems.update((v) => {
      const next = { ...v };
      if (value === null || value === undefined) {
        delete next[code];
      } else {
        next[code] = value;
      }
      return next;
    });
  }

  save(): void {
    const periodId = this.periodId();
    if (!periodId || this.saving()) {
      return;
    }
    this.saving.set(true);
    this.error.set(null);
    this.fieldErrors.set({});
    this.api
      .dataEntrySaveFacts({
        periodId,
        body: {
          vetoFacts: this.vetoFacts(),
          bonusCounts: this.bonusCounts(),
          dataItems: this.dataItems(),
          note: this.note(),
          concurrencyStamp: this.stamp,
        },
      })
      .subscribe({
        next: (facts) => {
          this.saving.set(false);
          this.conflict.set(false);
          this.stamp = facts.concurrencyStamp ?? null;
          this.message.success(this.i18n.t('common.saved'));
          this.saved.emit(facts);
        },
        error: (e: unknown) => {
          this.saving.set(false);
          const problem = toProblemDetails(e);
          if (problem?.status === 409 && problem.current && typeof problem.current === 'object') {
            // keep what was typed; take the new stamp so the next save overwrites
            this.stamp = (problem.current as CityFactsDto).concurrencyStamp ?? null;
            this.conflict.set(true);
            return;
          }
          const errors: Record<string, string> = {};
          for (const [key, messages] of Object.entries(problem?.errors ?? {})) {
            errors[key] = (messages ?? []).join(' ');
          }
          this.fieldErrors.set(errors);
          this.error.set(errorText(this.i18n, e));
        },
      });
  }
}
