import { Component, input, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';

import { TranslatePipe } from '@core/i18n/translate.pipe';
import { ParamSpec } from './rule-kinds';

/** A rule parameter that is a list of rows (bands, rates): one line of cells a row, a row added or removed. */
@Component({
  selector: 'app-rule-rows-field',
  imports: [
    FormsModule,
    NzButtonModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzInputNumberModule,
    TranslatePipe,
  ],
  template: `
    <nz-form-item>
      <nz-form-label [nzRequired]="!!spec().nonEmpty">{{
        'schemes.params.' + spec().name | t
      }}</nz-form-label>
      <div class="list">
        <table class="rows" [attr.data-testid]="'rule-' + spec().name">
          <thead>
            <tr>
              @for (col of spec().columns; track col.key) {
                <th>{{ 'schemes.ruleForm.columns.' + col.key | t }}</th>
              }
              <th></th>
            </tr>
          </thead>
          <tbody>
            @for (row of rows(); track $index; let i = $index) {
              <tr>
                @for (col of spec().columns; track col.key) {
                  <td>
                    <nz-form-control
                      [nzValidateStatus]="
                        error()(spec().name + '[' + i + '].' + col.key) ? 'error' : ''
                      "
                      [nzErrorTip]="error()(spec().name + '[' + i + '].' + col.key)"
                    >
                      @if (col.type === 'number') {
                        <nz-input-number
                          [ngModel]="row[col.key]"
                          (ngModelChange)="
                            cellChange.emit({ index: i, key: col.key, value: $event })
                          "
                          [attr.data-testid]="'rule-' + spec().name + '-' + i + '-' + col.key"
                        />
                      } @else {
                        <input
                          nz-input
                          [ngModel]="row[col.key] ?? ''"
                          (ngModelChange)="
                            cellChange.emit({ index: i, key: col.key, value: $event })
                          "
                          [attr.data-testid]="'rule-' + spec().name + '-' + i + '-' + col.key"
                        />
                      }
                    </nz-form-control>
                  </td>
                }
                <td>
                  <button
                    nz-button
                    nzType="text"
                    type="button"
                    (click)="remove.emit(i)"
                    [attr.aria-label]="'common.delete' | t"
                  >
                    <nz-icon nzType="delete" />
                  </button>
                </td>
              </tr>
            }
          </tbody>
        </table>
        <button
          nz-button
          nzType="dashed"
          nzSize="small"
          type="button"
          (click)="add.emit()"
          [attr.data-testid]="'rule-' + spec().name + '-add'"
        >
          <nz-icon nzType="plus" />{{ 'schemes.ruleForm.addRow' | t }}
        </button>
        @if (error()(spec().name)) {
          <div class="list-error" [attr.data-testid]="'rule-' + spec().name + '-error'">
            {{ error()(spec().name) }}
          </div>
        }
      </div>
    </nz-form-item>
  `,
  styles: `
    .rows {
      width: 100%;
      margin-bottom: 8px;
    }
    .rows th {
      text-align: left;
      font-weight: normal;
      color: rgba(0, 0, 0, 0.65);
      padding: 0 8px 4px 0;
    }
    .rows td {
      padding: 0 8px 4px 0;
      vertical-align: top;
    }
    .list-error {
      color: #ff4d4f;
    }
    .rows nz-input-number {
      width: 100%;
    }
  `,
})
export class RuleRowsFieldComponent {
  readonly spec = input.required<ParamSpec>();
  readonly rows = input.required<Record<string, unknown>[]>();
  /** The error of a field ("bands", "bands[1].points"), empty when there is none. */
  readonly error = input.required<(field: string) => string>();
  readonly cellChange = output<{ index: number; key: string; value: unknown }>();
  readonly add = output<void>();
  readonly remove = output<number>();
}
