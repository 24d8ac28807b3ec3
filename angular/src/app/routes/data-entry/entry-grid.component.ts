import { DecimalPipe } from '@angular/common';
import { Component, ElementRef, Injector, afterNextRender, computed, inject } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { DataEntryEntryLineDto as EntryLineDto } from '@api/models';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { DataEntryStore } from './data-entry.store';
import { focusLineAfter, focusNextCell, typedText } from './entry-cells';
import { EntryGridDrawing } from './entry-grid-drawing';
import { ENTRY_FILTERS } from './entry-grid-view';
import { EntryLineStateComponent } from './entry-line-state.component';
import { EntryValueEditorComponent } from './entry-value-editor.component';
import { DisabledReasonComponent } from '@shared/disabled-reason.component';
import { QualityFlagComponent } from '../quality/quality-flag.component';

/**
 * The keyboard-friendly grid of the sheet's lines, grouped by category with subtotals and filtered
 * (未填报, 缺佐证, 被退回): selection, value, note, evidence and state of each. Like a spreadsheet,
 * Enter saves the line and goes down to the next line's value, Tab to the next input of the line;
 * a line is saved on blur or Enter. A long sheet is drawn step by step (the first screen at once).
 */
@Component({
  selector: 'app-entry-grid',
  imports: [
    DisabledReasonComponent,
    DecimalPipe,
    FormsModule,
    NzButtonModule,
    NzCheckboxModule,
    NzIconModule,
    NzInputModule,
    NzRadioModule,
    NzTableModule,
    NzTagModule,
    QualityFlagComponent,
    TranslatePipe,
    EntryLineStateComponent,
    EntryValueEditorComponent,
  ],
  // MORE_LINES_EVENT of entry-cells.ts
  host: { '(entrymorelines)': 'drawAllAndGoOn($event)' },
  templateUrl: './entry-grid.component.html',
  styleUrl: './data-entry.component.css',
})
export class EntryGridComponent {
  protected readonly store = inject(DataEntryStore);
  protected readonly typedText = typedText;
  protected readonly filters = ENTRY_FILTERS;
  private readonly element = inject(ElementRef<HTMLElement>);
  private readonly injector = inject(Injector);
  protected readonly drawing = new EntryGridDrawing({
    groups: this.store.view.groups,
    total: computed(() => this.store.view.visible().length),
    restart: computed(() => [this.store.view.filter(), this.store.periodId()]),
  });

  /** Enter went past the last line drawn: every line is drawn, then the next one gets the focus. */
  protected drawAllAndGoOn(event: Event): void {
    if (!this.drawing.pending()) {
      return;
    }
    const code = (event as CustomEvent<string | null>).detail;
    this.drawing.drawAll();
    afterNextRender(() => focusLineAfter(this.element.nativeElement as HTMLElement, code), {
      injector: this.injector,
    });
  }

  /**
   * Enter on a grade or checklist line (its boxes do not take Enter themselves) goes down to the next
   * line's value; a grade's dropdown keeps Enter to pick its option.
   */
  protected enterOnValue(line: EntryLineDto, event: Event): void {
    const target = event.target as HTMLElement;
    if (event.defaultPrevented || target.closest('nz-select')) {
      return;
    }
    this.saveAndNext(line, event);
  }

  /** Enter saves the line and moves to the next line's value. */
  protected saveAndNext(line: EntryLineDto, event: Event): void {
    event.preventDefault();
    this.store.save(line);
    focusNextCell(event);
  }
}
