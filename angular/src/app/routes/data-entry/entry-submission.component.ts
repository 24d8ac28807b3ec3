import { Component, input } from '@angular/core';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzTagModule } from 'ng-zorro-antd/tag';

import {
  DataEntryEntryLineDto as EntryLineDto,
  DataEntryEntrySheetDto as EntrySheetDto,
} from '@api/models';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { submissionStatusColour } from '@shared/status-colours';

/** The city's submission: its status, self total, return comment and the returned lines. */
@Component({
  selector: 'app-entry-submission',
  imports: [NzDescriptionsModule, NzTagModule, TranslatePipe],
  template: `
    @let s = sheet();
    <nz-descriptions nzBordered [nzColumn]="2" nzSize="small" data-testid="entry-submission">
      <nz-descriptions-item [nzTitle]="'dataEntry.submissionStatus' | t">
        <nz-tag [nzColor]="submissionStatusColour(s.submissionStatus)">{{
          'dataEntry.submissionStatuses.' + s.submissionStatus | t
        }}</nz-tag>
      </nz-descriptions-item>
      <nz-descriptions-item [nzTitle]="'dataEntry.selfTotal' | t">{{
        s.selfTotal ?? '—'
      }}</nz-descriptions-item>
      <nz-descriptions-item [nzTitle]="'dataEntry.returnComment' | t" [nzSpan]="2">{{
        s.returnComment || '—'
      }}</nz-descriptions-item>
    </nz-descriptions>
    <h3 class="section-title">{{ 'dataEntry.returnedLines' | t }}</h3>
    @if (returnedLines().length) {
      <ul data-testid="entry-returned-lines">
        @for (l of returnedLines(); track l.indicatorCode) {
          <li>
            <b>{{ l.indicatorCode }} {{ l.indicatorName }}</b
            >：<span class="error">{{ l.returnComment || s.returnComment || '—' }}</span>
          </li>
        }
      </ul>
    } @else {
      <span class="muted">{{ 'common.empty' | t }}</span>
    }
  `,
  styleUrl: './data-entry.component.css',
})
export class EntrySubmissionComponent {
  readonly sheet = input.required<EntrySheetDto>();
  readonly returnedLines = input.required<EntryLineDto[]>();
  protected readonly submissionStatusColour = submissionStatusColour;
}
