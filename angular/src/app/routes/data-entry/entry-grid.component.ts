import { DecimalPipe } from '@angular/common';
import { Component, inject } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';

import { DataEntryEntryLineDto as EntryLineDto } from '@api/models';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { DataEntryStore } from './data-entry.store';
import { focusNextCell, typedText } from './entry-cells';
import { EntryLineStateComponent } from './entry-line-state.component';
import { EntryValueEditorComponent } from './entry-value-editor.component';

/**
 * The keyboard-friendly grid of the sheet's lines: selection, value, note, evidence and state of each.
 * Tab and Enter move between the value boxes; a line is saved on blur or Enter.
 */
@Component({
  selector: 'app-entry-grid',
  imports: [
    DecimalPipe,
    FormsModule,
    NzButtonModule,
    NzCheckboxModule,
    NzIconModule,
    NzInputModule,
    NzTableModule,
    NzTooltipModule,
    TranslatePipe,
    EntryLineStateComponent,
    EntryValueEditorComponent,
  ],
  templateUrl: './entry-grid.component.html',
  styleUrl: './data-entry.component.css',
})
export class EntryGridComponent {
  protected readonly store = inject(DataEntryStore);
  protected readonly typedText = typedText;

  /** Enter saves the line and moves to the next value box. */
  protected saveAndNext(line: EntryLineDto, event: Event): void {
    event.preventDefault();
    this.store.save(line);
    focusNextCell(event);
  }
}
