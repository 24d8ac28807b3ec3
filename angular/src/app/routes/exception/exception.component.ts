import { Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzResultModule } from 'ng-zorro-antd/result';

import { TranslatePipe } from '@core/i18n/translate.pipe';

@Component({
  selector: 'app-exception',
  imports: [NzResultModule, NzButtonModule, RouterLink, TranslatePipe],
  template: `
    <nz-result
      [nzStatus]="status()"
      [nzTitle]="status()"
      [nzSubTitle]="'exception.' + status() | t"
    >
      <div nz-result-extra>
        <a nz-button nzType="primary" routerLink="/">{{ 'exception.backHome' | t }}</a>
      </div>
    </nz-result>
  `,
})
export class ExceptionComponent {
  /** Route parameter `:code`. */
  readonly code = input<string>();
  protected readonly status = computed(() => (this.code() === '403' ? '403' : '404'));
}
