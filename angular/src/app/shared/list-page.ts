import { DatePipe } from '@angular/common';
import { ReactiveFormsModule } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDividerModule } from 'ng-zorro-antd/divider';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { TranslatePipe } from '@core/i18n/translate.pipe';
import { FieldErrorPipe } from '@shared/field-error.pipe';
import { FormModalComponent } from '@shared/form-modal/form-modal.component';
import { ListHeaderComponent } from '@shared/list-header.component';
import { PageHeaderComponent } from '@shared/page-header.component';
import { PagedTableDirective } from '@shared/paged-table.directive';
import { RowPagesDirective } from '@shared/row-pages.directive';
import { SearchToolbarComponent } from '@shared/search-toolbar.component';

/**
 * What the template of a searchable, server-paged list with form dialogs uses: header, search
 * toolbar, paged table with tags and confirmed row links, form modals. `imports: [LIST_PAGE_IMPORTS]`.
 */
export const LIST_PAGE_IMPORTS = [
  DatePipe,
  ReactiveFormsModule,
  NzAlertModule,
  NzButtonModule,
  NzDividerModule,
  NzFormModule,
  NzIconModule,
  NzInputModule,
  NzPopconfirmModule,
  NzTableModule,
  NzTagModule,
  TranslatePipe,
  FieldErrorPipe,
  FormModalComponent,
  ListHeaderComponent,
  PageHeaderComponent,
  PagedTableDirective,
  RowPagesDirective,
  SearchToolbarComponent,
] as const;
