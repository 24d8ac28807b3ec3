import { DecimalPipe } from '@angular/common';
import { Component, ElementRef, Injector, afterNextRender, computed, inject } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzTableModule } from 'ng-zorro-antd/table';

import { TranslatePipe } from '@core/i18n/translate.pipe';
import { DataEntryStore } from './data-entry.store';
import { focusLineAfter } from './entry-cells';
import { EntryLineComponent } from './entry-line.component';
import { ENTRY_GRID_QUIET_MS, EntryGridDrawing } from './entry-grid-drawing';
import { ENTRY_FILTERS } from './entry-grid-view';

/**
 * The keyboard-friendly grid of the sheet's lines, grouped by category with subtotals and filtered
 * (未填报, 缺佐证, 被退回): selection, value, note, evidence and state of each. Like a spreadsheet,
 * Enter saves the line and goes down to the next line's value, Tab to the next input of the line;
 * a line is saved on blur or Enter. A long sheet is drawn step by step (the first screen at once).
 */
@Component({
  selector: 'app-entry-grid',
  imports: [
    DecimalPipe,
    EntryLineComponent,
    FormsModule,
    NzRadioModule,
    NzTableModule,
    TranslatePipe,
  ],
  // MORE_LINES_EVENT of entry-cells.ts
  host: {
    '(entrymorelines)': 'drawAllAndGoOn($event)',
    '(pointerdown)': 'drawing.noteActivity()',
    '(keydown)': 'drawing.noteActivity()',
  },
  templateUrl: './entry-grid.component.html',
  styleUrl: './data-entry.component.css',
})
export class EntryGridComponent {
  protected readonly store = inject(DataEntryStore);
  protected readonly filters = ENTRY_FILTERS;
  private readonly element = inject(ElementRef<HTMLElement>);
  private readonly injector = inject(Injector);
  protected readonly drawing = new EntryGridDrawing(
    {
      groups: this.store.view.groups,
      total: computed(() => this.store.view.visible().length),
      restart: computed(() => [this.store.view.filter(), this.store.periodId()]),
    },
    inject(ENTRY_GRID_QUIET_MS),
  );

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
}
