import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { provideNzConfig } from 'ng-zorro-antd/core/config';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';
import { provideNzIcons } from 'ng-zorro-antd/icon';

import { routes } from './app.routes';
import { APP_ICONS } from './core/icons';
import { authInterceptor } from './core/net/auth.interceptor';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(routes, withComponentInputBinding()),
    provideHttpClient(withInterceptors([authInterceptor])),
    // I18nService switches this to en_US when the user picks English.
    provideNzI18n(zh_CN),
    provideNzIcons(APP_ICONS),
    provideNzConfig({
      modal: { nzMaskClosable: false },
      message: { nzMaxStack: 3 },
      table: { nzSize: 'middle' },
    }),
  ],
};
