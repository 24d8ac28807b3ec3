import { DatePipe } from '@angular/common';
import { Component, input, output } from '@angular/core';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { AgreementsAgreementKeyTaskDto as KeyTaskDto } from '@api/models';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { keyTaskStatusColour } from '../agreement-status';

/** The agreement's key tasks with their progress; each row opens its history or a new report. */
@Component({
  selector: 'app-agreement-key-tasks',
  imports: [DatePipe, NzProgressModule, NzTableModule, NzTagModule, TranslatePipe],
  template: `
    <nz-table
      #taskTable
      [nzData]="tasks()"
      [nzPageSize]="50"
      [nzShowPagination]="tasks().length > 50"
      nzSize="small"
      data-testid="agreement-tasks"
    >
      <thead>
        <tr>
          <th nzWidth="80px">{{ 'agreements.code' | t }}</th>
          <th nzWidth="120px">{{ 'agreements.area' | t }}</th>
          <th>{{ 'agreements.task' | t }}</th>
          <th nzWidth="110px">{{ 'agreements.dueDate' | t }}</th>
          <th nzWidth="160px">{{ 'agreements.progress' | t }}</th>
          <th nzWidth="90px">{{ 'agreements.status' | t }}</th>
          <th nzWidth="140px">{{ 'common.actions' | t }}</th>
        </tr>
      </thead>
      <tbody>
        @for (task of taskTable.data; track task.code) {
          <tr>
            <td class="mono">{{ task.code }}</td>
            <td>{{ task.area }}</td>
            <td>
              {{ task.task }}
              @if (task.responsibleUnit) {
                <div class="hint">{{ task.responsibleUnit }}</div>
              }
            </td>
            <td>{{ task.dueDate | date: 'yyyy-MM-dd' }}</td>
            <td>
              <nz-progress
                [nzPercent]="task.percent ?? 0"
                nzSize="small"
                [nzStatus]="task.isOverdue ? 'exception' : 'normal'"
              />
            </td>
            <td>
              <nz-tag [nzColor]="taskColour(task.status)">{{
                'agreements.taskStatuses.' + task.status | t
              }}</nz-tag>
            </td>
            <td>
              <a (click)="history.emit(task)" role="button" tabindex="0">{{
                'agreements.history' | t
              }}</a>
              @if (canReport()) {
                &nbsp;
                <a
                  (click)="report.emit(task)"
                  role="button"
                  tabindex="0"
                  data-testid="task-report"
                  >{{ 'agreements.report' | t }}</a
                >
              }
            </td>
          </tr>
        }
      </tbody>
    </nz-table>
  `,
  styleUrl: './agreement-parts.css',
})
export class AgreementKeyTasksComponent {
  protected readonly taskColour = keyTaskStatusColour;
  readonly tasks = input.required<KeyTaskDto[]>();
  readonly canReport = input(false);
  readonly history = output<KeyTaskDto>();
  readonly report = output<KeyTaskDto>();
}
