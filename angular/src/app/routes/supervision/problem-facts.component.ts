import { Component, input } from '@angular/core';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { SupervisionProblemDto as ProblemDto } from '@api/models';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { beijingText } from '@core/time/beijing-time';
import { problemStatusColour } from './supervision';

/** What was found: status, city and unit, deadline, source, severity, the description and the rectification. */
@Component({
  selector: 'app-problem-facts',
  imports: [NzDescriptionsModule, NzTagModule, TranslatePipe],
  template: `
    <nz-descriptions nzBordered nzSize="small" [nzColumn]="2">
      <nz-descriptions-item [nzTitle]="'common.status' | t">
        <nz-tag [nzColor]="colour(problem()?.status)" data-testid="detail-status">{{
          'supervision.statuses.' + problem()?.status | t
        }}</nz-tag>
        @if (problem()?.overdue) {
          <nz-tag nzColor="red">{{ 'supervision.overdue' | t }}</nz-tag>
        }
        @if (problem()?.repeat) {
          <nz-tag nzColor="volcano">{{ 'supervision.repeat' | t }}</nz-tag>
        }
      </nz-descriptions-item>
      <nz-descriptions-item [nzTitle]="'supervision.city' | t">{{
        problem()?.cityName
      }}</nz-descriptions-item>
      <nz-descriptions-item [nzTitle]="'supervision.unit' | t">
        <span data-testid="detail-unit">{{ problem()?.unitName ?? '-' }}</span>
      </nz-descriptions-item>
      <nz-descriptions-item [nzTitle]="'supervision.deadline' | t">{{
        problem()?.deadline
      }}</nz-descriptions-item>
      <nz-descriptions-item [nzTitle]="'supervision.category' | t">{{
        problem()?.category
      }}</nz-descriptions-item>
      <nz-descriptions-item [nzTitle]="'supervision.source' | t">
        {{ 'supervision.sources.' + problem()?.source | t }}
        @if (problem()?.indicatorCode || problem()?.categoryCode) {
          ({{ problem()?.indicatorCode ?? problem()?.categoryCode }})
        }
        @if (problem()?.roundName) {
          · {{ problem()?.roundName }}
        }
      </nz-descriptions-item>
      <nz-descriptions-item [nzTitle]="'supervision.severity' | t">{{
        'supervision.severities.' + problem()?.severity | t
      }}</nz-descriptions-item>
      <nz-descriptions-item [nzTitle]="'supervision.assignedAt' | t">{{
        time(problem()?.creationTime)
      }}</nz-descriptions-item>
      <nz-descriptions-item [nzTitle]="'supervision.description' | t" [nzSpan]="2">
        <span class="pre">{{ problem()?.description }}</span>
      </nz-descriptions-item>
      @if (problem()?.rectificationNote) {
        <nz-descriptions-item [nzTitle]="'supervision.rectification' | t" [nzSpan]="2">
          <span class="pre" data-testid="detail-note">{{ problem()?.rectificationNote }}</span>
        </nz-descriptions-item>
      }
      @if (problem()?.rejectReason) {
        <nz-descriptions-item [nzTitle]="'supervision.rejectReason' | t" [nzSpan]="2">{{
          problem()?.rejectReason
        }}</nz-descriptions-item>
      }
    </nz-descriptions>
  `,
  styles: `
    .pre {
      white-space: pre-wrap;
    }
  `,
})
export class ProblemFactsComponent {
  readonly problem = input.required<ProblemDto | null>();

  protected colour(status: string | null | undefined): string {
    return problemStatusColour(status);
  }

  protected time(value: string | null | undefined): string {
    return beijingText(value);
  }
}
