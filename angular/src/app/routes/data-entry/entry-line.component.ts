import { DecimalPipe } from '@angular/common';
import { Component, computed, inject, input, signal } from '@angular/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';

import { DataEntryEntryLineDto as EntryLineDto } from '@api/models';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { DisabledReasonComponent } from '@shared/disabled-reason.component';
import { DataEntryStore } from './data-entry.store';
import { focusNextCell, typedText } from './entry-cells';
import { EntryLineStateComponent } from './entry-line-state.component';
import { EntryValueEditorComponent, GradeWanted } from './entry-value-editor.component';
import { QualityFlagComponent } from '../quality/quality-flag.component';

/**
 * One line of the entry grid. Drawn light: boxes, tags and check boxes are plain markup in ng-zorro's
 * classes, so a sheet of 150 lines is drawn at once. The heavy ng-zorro parts (the grade's dropdown,
 * the evidence button with its reason on hover) are made only once the line is pointed at or gets
 * the focus, and then kept: a line being edited keeps its editor.
 */
@Component({
  // eslint-disable-next-line @angular-eslint/component-selector
  selector: 'tr[app-entry-line]',
  imports: [
    DecimalPipe,
    DisabledReasonComponent,
    EntryLineStateComponent,
    EntryValueEditorComponent,
    NzButtonModule,
    NzIconModule,
    QualityFlagComponent,
    TranslatePipe,
  ],
  host: {
    '[attr.data-line]': 'line().indicatorCode',
    '[attr.data-active]': 'active() || null',
    '[class.quality-flagged]': "!!line().quality && line().quality!.flag !== 'None'",
    '(pointerenter)': 'activate()',
    '(focusin)': 'onFocusIn($event)',
  },
  templateUrl: './entry-line.component.html',
  styleUrl: './data-entry.component.css',
})
export class EntryLineComponent {
  protected readonly store = inject(DataEntryStore);
  protected readonly typedText = typedText;

  readonly line = input.required<EntryLineDto>();
  /** Row index, for the keyboard order of the grid. */
  readonly row = input(0);

  private readonly _active = signal(false);
  /** Whether the heavy editors are drawn (the line was pointed at or focused). */
  readonly active = this._active.asReadonly();
  /** The grade's look-alike was clicked (its dropdown is drawn open) or focused (drawn focused). */
  protected readonly gradeWanted = signal<GradeWanted>(null);

  protected readonly o = computed(() => this.store.options(this.line()));
  protected readonly canEdit = computed(() => this.store.editable(this.line()));
  protected readonly score = computed(() => this.store.scores.of(this.line()));
  protected readonly selected = computed(() => this.store.workflow.isSelected(this.line()));

  activate(): void {
    this._active.set(true);
  }

  /** Focus came in: the line is drawn whole, and a focused grade look-alike hands its focus on. */
  protected onFocusIn(event: Event): void {
    if (!this._active() && (event.target as HTMLElement).closest('app-entry-light-grade')) {
      this.gradeWanted.set('focus');
    }
    this.activate();
  }

  /** The grade's look-alike was clicked: its dropdown is drawn open. */
  protected openGradeEditor(): void {
    this.gradeWanted.set('open');
    this.activate();
  }

  /**
   * Enter on a grade or checklist line (its boxes do not take Enter themselves) goes down to the next
   * line's value; a grade's dropdown keeps Enter to pick its option.
   */
  protected enterOnValue(event: Event): void {
    const target = event.target as HTMLElement;
    if (event.defaultPrevented || target.closest('nz-select')) {
      return;
    }
    this.saveAndNext(event);
  }

  /** Enter saves the line and moves to the next line's value. */
  protected saveAndNext(event: Event): void {
    event.preventDefault();
    this.store.save(this.line());
    focusNextCell(event);
  }

  protected checked(event: Event): boolean {
    return (event.target as HTMLInputElement).checked;
  }
}
