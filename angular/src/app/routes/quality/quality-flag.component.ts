import { DecimalPipe } from '@angular/common';
import { Component, booleanAttribute, computed, input } from '@angular/core';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';

import { QualityEntryLineQualityDto as EntryLineQualityDto } from '@api/models';
import { TranslatePipe } from '@core/i18n/translate.pipe';

/**
 * The data-quality flag beside a saved value: a warning tag with why the value is unusual (far from
 * the city's median, or outside the indicator's bounds) and, when a note is still missing, that one
 * is needed to report it. With `showHistory` (the auditor's sheet), the city's earlier values too.
 */
@Component({
  selector: 'app-quality-flag',
  imports: [DecimalPipe, NzTagModule, NzTooltipModule, TranslatePipe],
  template: `
    @let q = quality();
    @if (q && flagged()) {
      <div class="quality-flag" [attr.data-quality]="code()">
        <nz-tag nzColor="warning">{{ q.flagText }}</nz-tag>
        <span class="quality-warning">{{ q.warning }}</span>
        @if (q.noteRequired) {
          <div class="field-error" [attr.data-quality-note]="code()">
            {{ 'quality.noteRequired' | t }}
          </div>
        }
      </div>
    }
    @if (showHistory() && q?.history; as history) {
      <div class="quality-history muted" [attr.data-quality-history]="code()">
        @if (history.length) {
          {{ 'quality.history' | t }}
          @for (point of history; track point.periodId; let last = $last) {
            <span [nz-tooltip]="point.periodName"
              >{{ point.periodName }} {{ point.value | number: '1.0-2' }}</span
            >{{ last ? '' : '；' }}
          }
        } @else {
          {{ 'quality.noHistory' | t }}
        }
      </div>
    }
  `,
  styles: `
    .quality-flag {
      margin-top: 4px;
    }
    .quality-warning {
      color: #d46b08;
    }
    .quality-history {
      margin-top: 4px;
      font-size: 12px;
    }
  `,
})
export class QualityFlagComponent {
  readonly quality = input<EntryLineQualityDto | null | undefined>(null);
  /** The indicator code, for tests and anchors. */
  readonly code = input<string | null | undefined>(null);
  readonly showHistory = input(false, { transform: booleanAttribute });

  protected readonly flagged = computed(() => {
    const flag = this.quality()?.flag;
    return !!flag && flag !== 'None';
  });
}
