import { DecimalPipe } from '@angular/common';
import { Component, inject, input, output } from '@angular/core';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { I18nService } from '@core/i18n/i18n.service';
import { lookupOf, ruleParameterWords } from '@core/i18n/rule-words';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { IndicatorRow, SchemeRule } from '@shared/scheme-definition';
import { RuleTextRow } from './scheme-edits';

/**
 * A scheme's indicators with their rule in words, the official's wording and the problems the host found, each row
 * with a preview link and, on a draft the user may edit, links to edit, move and remove it.
 */
@Component({
  selector: 'app-indicator-table',
  imports: [
    DecimalPipe,
    NzIconModule,
    NzPopconfirmModule,
    NzTableModule,
    NzTagModule,
    TranslatePipe,
  ],
  template: `
    <nz-table
      #table
      [nzData]="rows()"
      [nzFrontPagination]="false"
      [nzShowPagination]="false"
      nzSize="small"
      data-testid="indicator-table"
    >
      <thead>
        <tr>
          <th nzWidth="64px">{{ 'schemes.code' | t }}</th>
          <th>{{ 'schemes.indicatorName' | t }}</th>
          <th nzWidth="56px">{{ 'schemes.unit' | t }}</th>
          <th nzWidth="64px">{{ 'schemes.maxPoints' | t }}</th>
          <th nzWidth="100px">{{ 'schemes.ruleKind' | t }}</th>
          <th class="params-col">{{ 'schemes.ruleParams' | t }}</th>
          <th nzWidth="80px">{{ 'schemes.scoreSource' | t }}</th>
          <th nzWidth="56px">{{ 'schemes.evidence' | t }}</th>
          <th nzWidth="60px"></th>
        </tr>
      </thead>
      <tbody>
        @for (row of table.data; track row.code) {
          <tr [attr.data-code]="row.code">
            <td class="mono">{{ row.code }}</td>
            <td>
              {{ row.name }}
              @if (problemsByCode().get(row.code); as problems) {
                <div class="row-problems">
                  @for (p of problems; track $index) {
                    <div><nz-icon nzType="warning" /> {{ p }}</div>
                  }
                </div>
              }
            </td>
            <td>{{ row.unit }}</td>
            <td>{{ row.max_points | number: '1.0-2' }}</td>
            <td>
              <nz-tag>{{ kindLabel(row.rule?.kind) }}</nz-tag>
            </td>
            <td>
              <div class="params">{{ params(row.rule) }}</div>
              @if (ruleTexts().get(row.code); as generated) {
                <div class="wording" [attr.data-testid]="'generated-' + row.code">
                  <span class="wording-label">{{ 'schemes.generatedText' | t }}</span>
                  {{ generated.generatedText }}
                </div>
              }
              @if (row.rule_text) {
                <div class="wording muted">
                  <span class="wording-label">{{ 'schemes.ruleText' | t }}</span>
                  {{ row.rule_text }}
                </div>
              }
              @if (ruleTexts().get(row.code)?.ruleTextDisagrees) {
                <div class="row-problems" [attr.data-testid]="'disagrees-' + row.code">
                  <nz-icon nzType="warning" />
                  {{
                    'schemes.ruleTextDisagrees'
                      | t: { numbers: ruleTexts().get(row.code)!.staleNumbers.join('、') }
                  }}
                </div>
              }
            </td>
            <td>{{ sourceLabel(row.score_source) }}</td>
            <td>{{ (row.evidence_required ? 'common.yes' : 'common.no') | t }}</td>
            <td>
              <a
                role="button"
                tabindex="0"
                (click)="preview.emit(row)"
                (keyup.enter)="preview.emit(row)"
                [title]="'schemes.preview' | t"
                [attr.data-testid]="'preview-' + row.code"
                ><nz-icon nzType="calculator"
              /></a>
              @if (canEdit()) {
                @for (a of rowActions; track a.testId) {
                  <a
                    role="button"
                    tabindex="0"
                    class="edit"
                    (click)="a.run(row)"
                    (keyup.enter)="a.run(row)"
                    [title]="a.title | t"
                    [attr.data-testid]="a.testId + row.code"
                    ><nz-icon [nzType]="a.icon"
                  /></a>
                }
                <a
                  role="button"
                  tabindex="0"
                  class="edit"
                  nz-popconfirm
                  [nzPopconfirmTitle]="
                    'schemes.tree.removeIndicatorConfirm' | t: { code: row.code }
                  "
                  (nzOnConfirm)="remove.emit(row)"
                  [title]="'schemes.tree.remove' | t"
                  [attr.data-testid]="'remove-' + row.code"
                  ><nz-icon nzType="delete"
                /></a>
              }
            </td>
          </tr>
        }
      </tbody>
    </nz-table>
  `,
  styles: `
    .params-col {
      min-width: 240px;
    }
    .params {
      font-size: 12px;
    }
    .row-problems {
      color: #d4380d;
      font-size: 12px;
    }
    .edit {
      margin-left: 8px;
    }
    .wording {
      margin-top: 4px;
      font-size: 12px;
    }
    .wording-label {
      margin-right: 4px;
      padding: 0 4px;
      color: rgba(0, 0, 0, 0.45);
      border: 1px solid #f0f0f0;
      border-radius: 2px;
    }
  `,
})
export class IndicatorTableComponent {
  private readonly i18n = inject(I18nService);

  readonly rows = input.required<IndicatorRow[]>();
  readonly problemsByCode = input.required<Map<string, string[]>>();
  readonly ruleTexts = input.required<Map<string, RuleTextRow>>();
  readonly canEdit = input(false);
  readonly preview = output<IndicatorRow>();
  readonly edit = output<IndicatorRow>();
  /** One place up (-1) or down (+1) within its category. */
  readonly move = output<{ row: IndicatorRow; delta: number }>();
  readonly remove = output<IndicatorRow>();

  /** The links of an editable row that act at once (removing asks first). */
  protected readonly rowActions = [
    {
      icon: 'edit',
      title: 'schemes.editor.edit',
      testId: 'edit-',
      run: (row: IndicatorRow) => this.edit.emit(row),
    },
    {
      icon: 'arrow-up',
      title: 'schemes.tree.moveUp',
      testId: 'move-up-',
      run: (row: IndicatorRow) => this.move.emit({ row, delta: -1 }),
    },
    {
      icon: 'arrow-down',
      title: 'schemes.tree.moveDown',
      testId: 'move-down-',
      run: (row: IndicatorRow) => this.move.emit({ row, delta: 1 }),
    },
  ];

  protected kindLabel(kind: string | null | undefined): string {
    return kind ? this.label(`schemes.ruleKinds.${kind}`, kind) : '';
  }

  protected sourceLabel(source: string | null | undefined): string {
    return source ? this.label(`schemes.sources.${source}`, source) : '';
  }

  protected params(rule: SchemeRule | null | undefined): string {
    return ruleParameterWords(rule, lookupOf(this.i18n));
  }

  private label(key: string, fallback: string): string {
    const text = this.i18n.t(key);
    return text === key ? fallback : text;
  }
}
