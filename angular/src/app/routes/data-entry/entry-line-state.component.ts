import { Component, computed, input } from '@angular/core';

import { DataEntryEntryLineDto as EntryLineDto } from '@api/models';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { lineStatusColour } from '@shared/status-colours';
import { LineState } from './entry-drafts';

/**
 * A line's status and the fate of its last save: saving, saved, the host's message, or a conflict with
 * the value someone else saved first; and the comment of a returned line. Tags in plain markup (one a
 * line of a long grid).
 */
@Component({
  selector: 'app-entry-line-state',
  imports: [TranslatePipe],
  template: `
    @let l = line();
    <span [class]="tagClass(l.status)" [attr.data-status]="l.indicatorCode">{{
      'dataEntry.lineStatuses.' + (l.status || 'Draft') | t
    }}</span>
    @switch (state()?.kind) {
      @case ('saving') {
        <span class="muted">{{ 'dataEntry.saving' | t }}</span>
      }
      @case ('saved') {
        <span class="ant-tag ant-tag-green">{{ 'dataEntry.saved' | t }}</span>
      }
      @case ('error') {
        <div class="error">{{ message() }}</div>
      }
      @case ('conflict') {
        <div class="error" data-testid="entry-conflict">
          {{ 'dataEntry.conflict' | t: { value: otherValue() } }}
        </div>
      }
      @default {
        @if (!l.reported) {
          <span class="muted">{{ 'dataEntry.notReported' | t }}</span>
        }
      }
    }
    @if (l.returnComment) {
      <div class="return-comment" [attr.data-return]="l.indicatorCode">
        {{ 'dataEntry.returned' | t }}{{ l.returnComment }}
      </div>
    }
  `,
  styleUrl: './data-entry.component.css',
})
export class EntryLineStateComponent {
  readonly line = input.required<EntryLineDto>();
  readonly state = input<LineState | undefined>(undefined);

  /** ng-zorro's tag classes of the status' colour. */
  protected tagClass(status: string | null | undefined): string {
    const colour = lineStatusColour(status);
    return colour === 'default' ? 'ant-tag' : `ant-tag ant-tag-${colour}`;
  }

  protected readonly message = computed(() => {
    const state = this.state();
    return state?.kind === 'error' ? state.message : '';
  });

  /** The value someone else saved first. */
  protected readonly otherValue = computed(() => {
    const state = this.state();
    return state?.kind === 'conflict' ? state.otherValue : '—';
  });
}
