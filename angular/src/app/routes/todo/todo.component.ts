import { Component, OnInit, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import {
  TodoLateCityDto as LateCityDto,
  TodoLatePeriodDto as LatePeriodDto,
  TodoTodoDto as TodoDto,
} from '@api/models';
import { TodoService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { errorText } from '@shared/error-text';
import { PageHeaderComponent } from '@shared/page-header.component';
import { copyText, countdown, countdownColour } from './todo-text';
import { DisabledReasonComponent } from '@shared/disabled-reason.component';

/**
 * 待办: what the signed-in person has to do now, by role — a clerk's lines due with the countdown
 * and the returned lines, the city administrator's lines to check and the submission, the
 * auditor's queue, the official's periods by state and late cities with 催报, overdue problems.
 */
@Component({
  selector: 'app-todo',
  imports: [
    DisabledReasonComponent,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzIconModule,
    NzProgressModule,
    NzTableModule,
    NzTagModule,
    TranslatePipe,
    PageHeaderComponent,
  ],
  templateUrl: './todo.component.html',
  styleUrl: './todo.component.css',
})
export class TodoComponent implements OnInit {
  private readonly api = inject(TodoService);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(I18nService);
  protected readonly countdown = countdown;
  protected readonly countdownColour = countdownColour;

  readonly todo = signal<TodoDto | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  /** "periodId/cityId" of the 催报 being sent. */
  protected readonly urging = signal<string | null>(null);

  ngOnInit(): void {
    this.load();
  }

  load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.api.todoGetMine().subscribe({
      next: (todo) => {
        this.loading.set(false);
        this.todo.set(todo);
      },
      error: (e: unknown) => {
        this.loading.set(false);
        this.error.set(errorText(this.i18n, e));
      },
    });
  }

  /** Nothing at all to do: the page says so instead of showing empty cards. */
  protected empty(todo: TodoDto): boolean {
    return (
      !todo.entry?.length &&
      !todo.review?.length &&
      !todo.late?.length &&
      !todo.periodStates?.some((s) => (s.count ?? 0) > 0) &&
      !todo.overdueProblems?.count
    );
  }

  protected percent(reported: number | undefined, expected: number | undefined): number {
    return expected ? Math.round(((reported ?? 0) * 100) / expected) : 100;
  }

  urge(period: LatePeriodDto, city: LateCityDto): void {
    const key = `${period.periodId}/${city.cityId}`;
    this.urging.set(key);
    this.api.todoUrge({ periodId: period.periodId!, cityId: city.cityId! }).subscribe({
      next: (result) => {
        this.urging.set(null);
        this.message.success(
          this.i18n.t('todo.urged', { city: result.cityName ?? '', n: result.notified ?? 0 }),
        );
        this.load();
      },
      error: (e: unknown) => {
        this.urging.set(null);
        this.message.error(errorText(this.i18n, e));
      },
    });
  }

  async copy(period: LatePeriodDto): Promise<void> {
    if (await copyText(period.copyText ?? '')) {
      this.message.success(this.i18n.t('todo.copied'));
    } else {
      this.message.error(this.i18n.t('todo.copyFailed'));
    }
  }
}
