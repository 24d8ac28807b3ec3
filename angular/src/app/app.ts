import { Component, inject } from '@angular/core';
import { RouterOutlet } from '@angular/router';

import { I18nService } from '@core/i18n/i18n.service';

@Component({
  selector: 'app-root',
  imports: [RouterOutlet],
  template: '<router-outlet />',
})
export class App {
  // Instantiated at start-up so the stored language (and ng-zorro locale) applies at once.
  protected readonly i18n = inject(I18nService);
}
