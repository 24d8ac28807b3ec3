import { Component, input, output } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';

import { TranslatePipe } from '@core/i18n/translate.pipe';

/**
 * The toolbar of a paged list: a search box (Enter or 搜索 searches) and a reload button at the end;
 * below it the alert of a failed load (`error`).
 */
@Component({
  selector: 'app-search-toolbar',
  imports: [
    ReactiveFormsModule,
    NzAlertModule,
    NzButtonModule,
    NzIconModule,
    NzInputModule,
    TranslatePipe,
  ],
  template: `
    <div class="toolbar">
      <nz-input-wrapper class="search">
        <nz-icon nzInputPrefix nzType="search" />
        <input
          nz-input
          [formControl]="control()"
          (keyup.enter)="searched.emit()"
          [placeholder]="placeholder()"
          [attr.aria-label]="'common.search' | t"
        />
      </nz-input-wrapper>
      <button nz-button (click)="searched.emit()">{{ 'common.search' | t }}</button>
      <span class="spacer"></span>
      <button nz-button (click)="reload.emit()" [attr.aria-label]="'common.refresh' | t">
        <nz-icon nzType="reload" />
      </button>
    </div>
    @if (error()) {
      <nz-alert class="form-alert" nzType="error" nzShowIcon [nzMessage]="error()!" />
    }
  `,
})
export class SearchToolbarComponent {
  readonly control = input.required<FormControl<string>>();
  readonly placeholder = input('');
  /** Why the list did not load; no alert when empty. */
  readonly error = input<string | null>(null);
  readonly searched = output();
  readonly reload = output();
}
