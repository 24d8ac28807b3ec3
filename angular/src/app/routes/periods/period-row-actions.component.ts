import { Component, inject, input, output } from '@angular/core';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';

import { PeriodsPeriodDto as PeriodDto } from '@api/models';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { Permissions } from '@core/permissions';
import { SessionService } from '@core/session/session.service';
import { PeriodAction } from './period-actions.component';

/**
 * What may be done with one period, by its status and the user's permissions: open or close
 * entry (confirmed here) and the result actions (publish, exceptions, veto, withdraw).
 */
@Component({
  selector: 'app-period-row-actions',
  imports: [NzPopconfirmModule, TranslatePipe],
  template: `
    @if (period().status === 'Planned' && session.isGranted(P.Manage)) {
      <a
        nz-popconfirm
        [nzPopconfirmTitle]="'periods.confirmOpen' | t: { name: period().name }"
        [nzOkText]="'common.ok' | t"
        [nzCancelText]="'common.cancel' | t"
        (nzOnConfirm)="transition.emit('open')"
        role="button"
        tabindex="0"
        [class.disabled]="busy()"
        data-testid="period-open"
        >{{ 'periods.open' | t }}</a
      >
    }
    @if (period().status === 'Open' && session.isGranted(P.Manage)) {
      <a
        nz-popconfirm
        [nzPopconfirmTitle]="'periods.confirmClose' | t: { name: period().name }"
        [nzOkText]="'common.ok' | t"
        [nzCancelText]="'common.cancel' | t"
        nzOkDanger
        (nzOnConfirm)="transition.emit('close')"
        role="button"
        tabindex="0"
        [class.disabled]="busy()"
        data-testid="period-close"
        >{{ 'periods.close' | t }}</a
      >
    }
    @if (period().status === 'Open' || period().status === 'Locked') {
      @if (session.isGranted(R.Publish)) {
        <a (click)="act.emit('publish')" role="button" tabindex="0" data-testid="period-publish">{{
          'periodResults.publish' | t
        }}</a>
      }
      @if (session.isGranted(P.Manage)) {
        <a
          (click)="act.emit('exceptions')"
          role="button"
          tabindex="0"
          data-testid="period-exceptions"
          >{{ 'periodResults.exceptions' | t }}</a
        >
      }
    }
    @if (period().status === 'Published' && session.isGranted(R.Publish)) {
      <a (click)="act.emit('veto')" role="button" tabindex="0" data-testid="period-veto">{{
        'periodResults.retroactiveVeto' | t
      }}</a>
      <a (click)="act.emit('withdraw')" role="button" tabindex="0" data-testid="period-withdraw">{{
        'periodResults.withdraw' | t
      }}</a>
      @if (!period().finalizedTime) {
        <a
          (click)="act.emit('withdrawPublication')"
          role="button"
          tabindex="0"
          data-testid="period-withdraw-publication"
          >{{ 'periodResults.withdrawPublication' | t }}</a
        >
        <a
          (click)="act.emit('finalize')"
          role="button"
          tabindex="0"
          data-testid="period-finalize"
          >{{ 'periodResults.finalize' | t }}</a
        >
      }
    }
  `,
  styles: `
    a {
      display: inline-block;
      margin-right: 12px;
    }
  `,
})
export class PeriodRowActionsComponent {
  protected readonly session = inject(SessionService);
  protected readonly P = Permissions.Periods;
  protected readonly R = Permissions.Results;

  readonly period = input.required<PeriodDto>();
  /** A transition of this period is running. */
  readonly busy = input(false);
  readonly transition = output<'open' | 'close'>();
  readonly act = output<PeriodAction>();
}
