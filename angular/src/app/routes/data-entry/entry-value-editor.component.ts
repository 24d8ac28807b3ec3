import { Component, computed, inject, input, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzSelectModule } from 'ng-zorro-antd/select';

import { DataEntryEntryLineDto as EntryLineDto } from '@api/models';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { offersLastYear } from '@shared/entry-value';
import { DataEntryStore } from './data-entry.store';
import { focusNextCell, typedText } from './entry-cells';
import { EntryLightGradeComponent } from './entry-light-grade.component';

/** A grade's look-alike was clicked ('open') or focused ('focus'). */
export type GradeWanted = 'open' | 'focus' | null;

/**
 * The inputs of one line's value, by its rule: number, occurrences, grade, checklist, survey rates.
 * Boxes and check boxes are plain inputs in ng-zorro's classes (cheap to draw); a grade's dropdown is
 * ng-zorro's once the line is active, a look-alike before.
 */
@Component({
  selector: 'app-entry-value-editor',
  imports: [EntryLightGradeComponent, FormsModule, NzSelectModule, TranslatePipe],
  templateUrl: './entry-value-editor.component.html',
  styleUrl: './data-entry.component.css',
})
export class EntryValueEditorComponent {
  protected readonly store = inject(DataEntryStore);
  private readonly i18n = inject(I18nService);

  readonly line = input.required<EntryLineDto>();
  /** Row index, for the keyboard order of the grid. */
  readonly row = input(0);
  /** The line was pointed at or focused: the grade's real dropdown is drawn. */
  readonly active = input(false);
  /** How the grade's dropdown is drawn: open (its look-alike was clicked), focused, or as it is. */
  readonly gradeWanted = input<GradeWanted>(null);
  /** The grade's look-alike was clicked. */
  readonly gradeClicked = output<void>();

  protected readonly o = computed(() => this.store.options(this.line()));
  protected readonly canEdit = computed(() => this.store.editable(this.line()));
  protected readonly offersLastYear = computed(() => offersLastYear(this.line(), this.o()));
  protected readonly typedText = typedText;

  /** A doubling flag's text ("major_event_period" → 重大活动安保期间), or the flag itself. */
  protected flagLabel(flag: string): string {
    const key = `dataEntry.flags.${flag}`;
    const text = this.i18n.t(key);
    return text === key ? flag : text;
  }

  protected checked(event: Event): boolean {
    return (event.target as HTMLInputElement).checked;
  }

  /** A column copied from Excel fills this line's value and the next lines' ones. */
  protected onPaste(event: ClipboardEvent): void {
    if (this.store.paste(this.line(), event.clipboardData?.getData('text/plain') ?? '')) {
      event.preventDefault();
    }
  }

  /** Enter saves the line and moves to the next line's value. */
  protected saveAndNext(event: Event): void {
    event.preventDefault();
    this.store.save(this.line());
    focusNextCell(event);
  }
}
