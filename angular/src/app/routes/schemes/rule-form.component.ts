import { Component, computed, inject, input, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzSelectModule } from 'ng-zorro-antd/select';

import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import {
  FieldError,
  KIND_NAMES,
  ParamSpec,
  RULE_KINDS,
  changeKind,
  setParam,
  validateRule,
} from './rule-kinds';
import { SchemeRule } from '@shared/scheme-definition';
import { RuleRowsFieldComponent } from './rule-rows-field.component';

/**
 * A form for one scoring rule: the kind, then the parameters that kind takes (numbers, choices,
 * lists of bands or rates), each with its error beside it — our own checks at once, the host's
 * messages (`serverErrors`, by field) after a save.
 */
@Component({
  selector: 'app-rule-form',
  imports: [
    FormsModule,
    NzButtonModule,
    NzCheckboxModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzInputNumberModule,
    NzSelectModule,
    TranslatePipe,
    RuleRowsFieldComponent,
  ],
  template: `
    <div nz-form nzLayout="vertical" data-testid="rule-form">
      <nz-form-item>
        <nz-form-label nzRequired nzFor="rule-kind">{{ 'schemes.ruleKind' | t }}</nz-form-label>
        <nz-form-control>
          <nz-select
            nzId="rule-kind"
            [ngModel]="rule()?.kind"
            (ngModelChange)="setKind($event)"
            [nzPlaceHolder]="'schemes.ruleForm.pickKind' | t"
            data-testid="rule-kind"
          >
            @for (kind of kinds; track kind) {
              <nz-option [nzValue]="kind" [nzLabel]="'schemes.ruleKinds.' + kind | t" />
            }
          </nz-select>
        </nz-form-control>
      </nz-form-item>

      @if (rule(); as r) {
        <div class="params">
          @for (spec of specs(); track spec.name) {
            @switch (spec.type) {
              @case ('rows') {
                <app-rule-rows-field
                  class="wide"
                  [spec]="spec"
                  [rows]="rows(spec.name)"
                  [error]="errorOf"
                  (cellChange)="setCell(spec.name, $event.index, $event.key, $event.value)"
                  (add)="addRow(spec)"
                  (remove)="removeRow(spec.name, $event)"
                />
              }
              @case ('strings') {
                <div class="wide">
                  <nz-form-item>
                    <nz-form-label [nzRequired]="!!spec.nonEmpty">{{
                      'schemes.params.' + spec.name | t
                    }}</nz-form-label>
                    <nz-form-control
                      [nzValidateStatus]="error(spec.name) ? 'error' : ''"
                      [nzErrorTip]="error(spec.name)"
                      [nzExtra]="'schemes.ruleForm.tagsHint' | t"
                    >
                      <nz-select
                        nzMode="tags"
                        [ngModel]="stringLists()[spec.name]"
                        (ngModelChange)="set(spec.name, $event)"
                        [attr.data-testid]="'rule-' + spec.name"
                      />
                    </nz-form-control>
                  </nz-form-item>
                </div>
              }
              @case ('select') {
                <nz-form-item>
                  <nz-form-label>{{ 'schemes.params.' + spec.name | t }}</nz-form-label>
                  <nz-form-control
                    [nzValidateStatus]="error(spec.name) ? 'error' : ''"
                    [nzErrorTip]="error(spec.name)"
                  >
                    <nz-select
                      nzAllowClear
                      [ngModel]="r[spec.name] ?? null"
                      (ngModelChange)="set(spec.name, $event)"
                      [nzPlaceHolder]="'schemes.ruleForm.options.' + spec.placeholder | t"
                      [attr.data-testid]="'rule-' + spec.name"
                    >
                      @for (o of spec.options; track o) {
                        <nz-option [nzValue]="o" [nzLabel]="'schemes.ruleForm.options.' + o | t" />
                      }
                    </nz-select>
                  </nz-form-control>
                </nz-form-item>
              }
              @case ('text') {
                <div class="wide">
                  <nz-form-item>
                    <nz-form-label [nzRequired]="required(spec)">{{
                      'schemes.params.' + spec.name | t
                    }}</nz-form-label>
                    <nz-form-control
                      [nzValidateStatus]="error(spec.name) ? 'error' : ''"
                      [nzErrorTip]="error(spec.name)"
                    >
                      <input
                        nz-input
                        class="mono"
                        [ngModel]="r[spec.name] ?? ''"
                        (ngModelChange)="set(spec.name, $event)"
                        [attr.data-testid]="'rule-' + spec.name"
                      />
                    </nz-form-control>
                  </nz-form-item>
                </div>
              }
              @default {
                <nz-form-item>
                  <nz-form-label [nzRequired]="required(spec)">{{
                    'schemes.params.' + spec.name | t
                  }}</nz-form-label>
                  <nz-form-control
                    [nzValidateStatus]="error(spec.name) ? 'error' : ''"
                    [nzErrorTip]="error(spec.name)"
                  >
                    <nz-input-number
                      [ngModel]="r[spec.name] ?? null"
                      (ngModelChange)="set(spec.name, $event)"
                      [nzPlaceHolder]="spec.placeholder ?? ''"
                      [attr.data-testid]="'rule-' + spec.name"
                    />
                  </nz-form-control>
                </nz-form-item>
              }
            }
          }
        </div>
        <!-- eslint-disable-next-line @angular-eslint/template/label-has-associated-control -->
        <label
          nz-checkbox
          [ngModel]="r['missing_scores_full'] === true"
          (ngModelChange)="set('missing_scores_full', $event ? true : null)"
          >{{ 'schemes.ruleForm.missingScoresFull' | t }}</label
        >
      }
    </div>
  `,
  styles: `
    .params {
      display: grid;
      grid-template-columns: repeat(3, minmax(0, 1fr));
      column-gap: 12px;
    }
    .wide {
      display: block;
      grid-column: 1 / -1;
    }
  `,
})
export class RuleFormComponent {
  private readonly i18n = inject(I18nService);
  protected readonly kinds = KIND_NAMES;

  readonly rule = input<SchemeRule | null>(null);
  readonly maxPoints = input<number>(0);
  /** The host's messages by field ("cap", "bands[1].points"). */
  readonly serverErrors = input<Record<string, string>>({});
  readonly ruleChange = output<SchemeRule>();

  protected readonly specs = computed(() => RULE_KINDS[this.rule()?.kind ?? ''] ?? []);
  readonly errors = computed(() => validateRule(this.rule(), this.maxPoints()));

  /** `error` for the row fields, bound to this form. */
  protected readonly errorOf = (field: string): string => this.error(field);

  error(field: string): string {
    const own: FieldError | undefined = this.errors()[field];
    if (own) {
      return this.i18n.t('schemes.ruleForm.errors.' + own.key, own.params);
    }
    return this.serverErrors()[field] ?? '';
  }

  required(spec: ParamSpec): boolean {
    return (spec.checks ?? []).includes('required');
  }

  rows(name: string): Record<string, unknown>[] {
    const value = this.rule()?.[name];
    return Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
  }

  /** The string lists of the rule, one stable array per rule (a new array each time would loop nz-select). */
  protected readonly stringLists = computed(() => {
    const lists: Record<string, string[]> = {};
    for (const spec of this.specs()) {
      if (spec.type === 'strings') {
        lists[spec.name] = this.strings(spec.name);
      }
    }
    return lists;
  });

  strings(name: string): string[] {
    const value = this.rule()?.[name];
    return Array.isArray(value) ? value.map(String) : [];
  }

  setKind(kind: string): void {
    if (kind && kind !== this.rule()?.kind) {
      this.ruleChange.emit(changeKind(this.rule(), kind));
    }
  }

  set(name: string, value: unknown): void {
    const rule = this.rule();
    if (!rule) {
      return;
    }
    const next = setParam(rule, name, value);
    // controls echo the value they were given: only a real change goes out
    if (JSON.stringify(next) !== JSON.stringify(rule)) {
      this.ruleChange.emit(next);
    }
  }

  setCell(name: string, index: number, key: string, value: unknown): void {
    const rows = this.rows(name).map((row, i) => {
      if (i !== index) {
        return row;
      }
      const next = { ...row };
      if (value === null || value === undefined || value === '') {
        delete next[key];
      } else {
        next[key] = value;
      }
      return next;
    });
    this.set(name, rows);
  }

  addRow(spec: ParamSpec): void {
    this.set(spec.name, [...this.rows(spec.name), {}]);
  }

  removeRow(name: string, index: number): void {
    this.set(
      name,
      this.rows(name).filter((_, i) => i !== index),
    );
  }
}
