import { Component, booleanAttribute, input, output } from '@angular/core';
import { FormControl } from '@angular/forms';

import { TranslatePipe } from '@core/i18n/translate.pipe';
import { PageHeaderComponent } from './page-header.component';
import { SearchToolbarComponent } from './search-toolbar.component';

/**
 * The top of a searchable paged list (cities, users): the page header with its "new" button and the search toolbar.
 * The texts are `<texts>.title`, `.subtitle`, `.create` and `.searchPlaceholder`.
 */
@Component({
  selector: 'app-list-header',
  imports: [TranslatePipe, PageHeaderComponent, SearchToolbarComponent],
  template: `
    <app-page-header
      [title]="texts() + '.title' | t"
      [subtitle]="texts() + '.subtitle' | t"
      [createLabel]="canCreate() ? (texts() + '.create' | t) : ''"
      [createTestId]="createTestId()"
      (create)="create.emit()"
    />

    <app-search-toolbar
      [control]="filter()"
      [placeholder]="texts() + '.searchPlaceholder' | t"
      [error]="error()"
      (searched)="searched.emit()"
      (reload)="reload.emit()"
    />
  `,
})
export class ListHeaderComponent {
  /** The prefix of the list's text keys ("tenants", "users"). */
  readonly texts = input.required<string>();
  readonly filter = input.required<FormControl<string>>();
  readonly canCreate = input(false, { transform: booleanAttribute });
  readonly createTestId = input('');
  /** Why the list did not load; no alert when empty. */
  readonly error = input<string | null>(null);
  readonly create = output();
  readonly searched = output();
  readonly reload = output();
}
