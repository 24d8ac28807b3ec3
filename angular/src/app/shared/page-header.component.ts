import { Component, booleanAttribute, input, output } from '@angular/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';

import { TranslatePipe } from '@core/i18n/translate.pipe';

/**
 * The heading of a page: title, subtitle and, at the right, the page's buttons (content), after a
 * reload button when `reloadable` is set and before the primary "new" button when `createLabel`
 * is given (leave it empty for a user who may not create).
 */
@Component({
  selector: 'app-page-header',
  imports: [NzButtonModule, NzIconModule, TranslatePipe],
  template: `
    <div class="page-header">
      <div>
        <h1>{{ title() }}</h1>
        @if (subtitle()) {
          <div class="subtitle">{{ subtitle() }}</div>
        }
      </div>
      <div class="header-actions">
        @if (reloadable()) {
          <button nz-button (click)="reload.emit()" [attr.aria-label]="'common.refresh' | t">
            <nz-icon nzType="reload" />
          </button>
        }
        <ng-content />
        @if (createLabel()) {
          <button
            nz-button
            nzType="primary"
            (click)="create.emit()"
            [attr.data-testid]="createTestId() || null"
          >
            <nz-icon nzType="plus" />{{ createLabel() }}
          </button>
        }
      </div>
    </div>
  `,
  styles: `
    .header-actions {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
    }
  `,
})
export class PageHeaderComponent {
  readonly title = input.required<string>();
  readonly subtitle = input('');
  readonly reloadable = input(false, { transform: booleanAttribute });
  readonly reload = output();
  /** Text of the primary button that creates a new row; no button when empty. */
  readonly createLabel = input('');
  readonly createTestId = input('');
  readonly create = output();
}
