import { Injectable, inject } from '@angular/core';
import { CanDeactivateFn } from '@angular/router';
import { NzModalService } from 'ng-zorro-antd/modal';

import { I18nService } from '@core/i18n/i18n.service';

/** A page or form that may hold input not saved yet. */
export interface HasUnsavedChanges {
  hasUnsavedChanges(): boolean;
}

/** The texts of the question; the shared ones ("unsaved.*") unless a form has its own. */
export interface DiscardTexts {
  title?: string;
  content?: string;
  discard?: string;
  keep?: string;
}

/**
 * Asks before input not saved yet is thrown away (leaving a page, Esc on a form): resolves true when
 * the person chooses to discard it, false when they keep editing.
 */
@Injectable({ providedIn: 'root' })
export class UnsavedChanges {
  private readonly modal = inject(NzModalService);
  private readonly i18n = inject(I18nService);

  confirmDiscard(texts: DiscardTexts = {}): Promise<boolean> {
    return new Promise((resolve) => {
      this.modal.confirm({
        nzTitle: texts.title ?? this.i18n.t('unsaved.title'),
        nzContent: texts.content ?? this.i18n.t('unsaved.content'),
        nzOkText: texts.discard ?? this.i18n.t('unsaved.discard'),
        nzOkDanger: true,
        nzCancelText: texts.keep ?? this.i18n.t('unsaved.keep'),
        nzOnOk: () => resolve(true),
        nzOnCancel: () => resolve(false),
      });
    });
  }
}

/** Route guard: leaving a page with unsaved input asks first. */
export const unsavedChangesGuard: CanDeactivateFn<HasUnsavedChanges> = (component) =>
  !component?.hasUnsavedChanges() || inject(UnsavedChanges).confirmDiscard();
