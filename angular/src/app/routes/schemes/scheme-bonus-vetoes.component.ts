import { NgTemplateOutlet } from '@angular/common';
import { Component, inject, input } from '@angular/core';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { I18nService } from '@core/i18n/i18n.service';
import { consequenceWords, lookupOf } from '@core/i18n/rule-words';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { SchemeDefinition, SchemeRule } from '@shared/scheme-definition';

/** A scheme's bonus items, vetoes, grades and colour bands, with the host's problems beside the items. */
@Component({
  selector: 'app-scheme-bonus-vetoes',
  imports: [NgTemplateOutlet, NzCardModule, NzTableModule, NzTagModule, TranslatePipe],
  template: `
    @let bonus = definition().bonus ?? null;
    @let vetoes = definition().vetoes ?? [];
    @let grades = definition().grades ?? [];
    @let colours = definition().colours ?? [];
    <nz-card [nzTitle]="'schemes.bonus' | t" class="section" data-testid="bonus-card">
      <p class="muted">
        @if (bonus?.total_cap !== null && bonus?.total_cap !== undefined) {
          {{ 'schemes.bonusCap' | t: { cap: bonus?.total_cap } }}
        } @else {
          {{ 'schemes.noBonusCap' | t }}
        }
      </p>
      <nz-table
        #bonusTable
        [nzData]="bonus?.items ?? []"
        [nzFrontPagination]="false"
        [nzShowPagination]="false"
        nzSize="small"
      >
        <thead>
          <tr>
            <th nzWidth="80px">{{ 'schemes.code' | t }}</th>
            <th>{{ 'schemes.indicatorName' | t }}</th>
            <th nzWidth="100px">{{ 'schemes.perInstance' | t }}</th>
            <th nzWidth="80px">{{ 'schemes.cap' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (item of bonusTable.data; track item.code) {
            <tr>
              <td class="mono">{{ item.code }}</td>
              <td>
                <ng-container *ngTemplateOutlet="named; context: { $implicit: item }" />
              </td>
              <td>{{ item.points_per_instance ?? '—' }}</td>
              <td>{{ item.cap ?? '—' }}</td>
            </tr>
          }
        </tbody>
      </nz-table>
    </nz-card>

    <nz-card [nzTitle]="'schemes.vetoes' | t" class="section" data-testid="veto-card">
      <nz-table
        #vetoTable
        [nzData]="vetoes"
        [nzFrontPagination]="false"
        [nzShowPagination]="false"
        nzSize="small"
      >
        <thead>
          <tr>
            <th nzWidth="64px">{{ 'schemes.code' | t }}</th>
            <th>{{ 'schemes.indicatorName' | t }}</th>
            <th>{{ 'schemes.trigger' | t }}</th>
            <th>{{ 'schemes.consequence' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (veto of vetoTable.data; track veto.code) {
            <tr>
              <td class="mono">{{ veto.code }}</td>
              <td>
                <ng-container *ngTemplateOutlet="named; context: { $implicit: veto }" />
              </td>
              <td>
                @if (veto.trigger_text) {
                  <div>{{ veto.trigger_text }}</div>
                }
                @if (veto.condition) {
                  <div class="mono">{{ veto.condition }}</div>
                }
              </td>
              <td>{{ consequence(veto.consequence) }}</td>
            </tr>
          }
        </tbody>
      </nz-table>
    </nz-card>

    <nz-card class="section" data-testid="grade-card">
      <div class="bands">
        <span class="band-title">{{ 'schemes.grades' | t }}</span>
        @for (grade of grades; track grade.name) {
          <nz-tag nzColor="blue">{{
            'schemes.gradeBand' | t: { name: grade.name, min: grade.min_score }
          }}</nz-tag>
        } @empty {
          <span class="muted">{{ 'schemes.none' | t }}</span>
        }
      </div>
      <div class="bands">
        <span class="band-title">{{ 'schemes.colours' | t }}</span>
        @for (colour of colours; track colour.name) {
          <nz-tag [nzColor]="colour.key ?? 'default'">{{
            'schemes.colourBand' | t: { name: colour.name, min: colour.min_percent }
          }}</nz-tag>
        } @empty {
          <span class="muted">{{ 'schemes.none' | t }}</span>
        }
      </div>
    </nz-card>

    <!-- the name of a bonus item or veto and the host's problems with it -->
    <ng-template #named let-item>
      {{ item.name }}
      @if (problemsByCode().get(item.code); as problems) {
        <div class="row-problems">{{ problems.join(' ') }}</div>
      }
    </ng-template>
  `,
  styles: `
    .section {
      margin-bottom: 16px;
    }
    .row-problems {
      color: #d4380d;
      font-size: 12px;
    }
    .bands {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
      align-items: center;
      margin-bottom: 8px;
    }
    .band-title {
      font-weight: 600;
      margin-right: 8px;
    }
  `,
})
export class SchemeBonusVetoesComponent {
  private readonly i18n = inject(I18nService);

  readonly definition = input.required<SchemeDefinition>();
  readonly problemsByCode = input.required<Map<string, string[]>>();

  protected consequence(rule: SchemeRule | null | undefined): string {
    return consequenceWords(rule, lookupOf(this.i18n));
  }
}
