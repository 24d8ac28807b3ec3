import { registerLocaleData } from '@angular/common';
import localeZh from '@angular/common/locales/zh';

/**
 * ng-zorro formats dates (date picker input, calendar) with Angular's formatDate under its own
 * locale id ("zh-cn" for zh_CN, "en" for en_US). Angular knows "en" out of the box; "zh-cn"
 * must be registered or the date picker throws NG0701 as soon as it shows a value.
 */
export function registerZorroLocaleData(): void {
  registerLocaleData(localeZh, 'zh-cn');
}
