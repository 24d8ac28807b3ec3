import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  ApplicationConfig,
  importProvidersFrom,
  provideBrowserGlobalErrorListeners,
} from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { provideNzConfig } from 'ng-zorro-antd/core/config';
import { NzModalModule } from 'ng-zorro-antd/modal';

import { routes } from './app.routes';
import { authInterceptor } from '@core/net/auth.interceptor';
import { provideBeijingTime } from '@core/time/beijing-time';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(routes, withComponentInputBinding()),
    provideHttpClient(withInterceptors([authInterceptor])),
    provideBeijingTime(),
    // Root services (the unsaved-changes question, route guards) open modals outside any page's injector.
    importProvidersFrom(NzModalModule),
    // ng-zorro's locale defaults to zh_CN; ZorroSetupService (loaded with the first lazy page)
    // switches it with the UI language and registers the icons.
    provideNzConfig({
      modal: { nzMaskClosable: false },
      message: { nzMaxStack: 3 },
      table: { nzSize: 'middle' },
    }),
  ],
};
