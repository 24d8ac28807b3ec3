import { Injectable, effect, inject } from '@angular/core';
import { NzI18nService, en_US, zh_CN } from 'ng-zorro-antd/i18n';
import { NzIconService } from 'ng-zorro-antd/icon';

import { APP_ICONS } from '@core/icons';
import { I18nService } from '@core/i18n/i18n.service';
import { registerZorroLocaleData } from './locale-data';

/**
 * Registers the app's icons and keeps ng-zorro's locale (pagination, date picker, empty texts...)
 * in step with the UI language. Injected by the lazily loaded shells (sign-in page, layout) so
 * that ng-zorro's i18n (with date-fns) and the icon service stay out of the initial bundle.
 */
@Injectable({ providedIn: 'root' })
export class ZorroSetupService {
  private readonly i18n = inject(I18nService);
  private readonly nzI18n = inject(NzI18nService);

  constructor() {
    registerZorroLocaleData();
    inject(NzIconService).addIcon(...APP_ICONS);
    effect(() => this.nzI18n.setLocale(this.i18n.lang() === 'en' ? en_US : zh_CN));
  }
}
