import { Component, input } from '@angular/core';
import { NzTimelineModule } from 'ng-zorro-antd/timeline';

import { SupervisionProblemEventDto as EventDto } from '@api/models';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { beijingText } from '@core/time/beijing-time';

/** A problem's history, oldest first: each step with its time in Beijing time, who took it and the note. */
@Component({
  selector: 'app-problem-history',
  imports: [NzTimelineModule, TranslatePipe],
  template: `
    <nz-timeline data-testid="problem-history">
      @for (e of events(); track e.id) {
        <nz-timeline-item>
          <strong>{{ 'supervision.events.' + e.kind | t }}</strong>
          <span class="hint">
            {{ time(e.time) }} · {{ e.userName ?? ('supervision.system' | t) }}
            @if (e.unitName && e.kind === 'HandedToUnit') {
              · {{ e.unitName }}
            }
          </span>
          @if (e.note) {
            <div class="pre">{{ e.note }}</div>
          }
        </nz-timeline-item>
      }
    </nz-timeline>
  `,
  styles: `
    .hint {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
      margin-left: 8px;
    }
    .pre {
      white-space: pre-wrap;
    }
  `,
})
export class ProblemHistoryComponent {
  readonly events = input.required<EventDto[]>();

  protected time(value: string | null | undefined): string {
    return beijingText(value);
  }
}
