import { inject, signal } from '@angular/core';
import { NzMessageService } from 'ng-zorro-antd/message';
import { Observable } from 'rxjs';

import { I18nService } from '@core/i18n/i18n.service';
import { errorText } from '@shared/error-text';

/**
 * One call at a time from a page's buttons: `busy` names the running action (a button shows its
 * spinner while `busy() === 'issue'`, a row while `busy() === row.id`); a failure without its own
 * handler shows the server's message.
 */
export class BusyActions {
  readonly busy = signal<string | null>(null);

  constructor(private readonly showError: (e: unknown) => void) {}

  run<T>(
    action: string,
    call: Observable<T>,
    done: (result: T) => void,
    failed?: (e: unknown) => void,
  ): void {
    this.busy.set(action);
    call.subscribe({
      next: (result) => {
        this.busy.set(null);
        done(result);
      },
      error: (e: unknown) => {
        this.busy.set(null);
        (failed ?? this.showError)(e);
      },
    });
  }
}

/** Busy actions whose failures pop up in the user's language (call in an injection context). */
export function busyActions(): BusyActions {
  const i18n = inject(I18nService);
  const message = inject(NzMessageService);
  return new BusyActions((e) => message.error(errorText(i18n, e)));
}
