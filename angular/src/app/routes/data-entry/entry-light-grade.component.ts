import { Component, input, output } from '@angular/core';

import { TranslatePipe } from '@core/i18n/translate.pipe';

/**
 * A grade line's dropdown as it looks closed, in plain markup: the line's real dropdown (ng-zorro's,
 * with its overlay) is drawn only once the line is pointed at or focused; a click here opens it.
 */
@Component({
  selector: 'app-entry-light-grade',
  imports: [TranslatePipe],
  template: `
    <div
      class="ant-select ant-select-single ant-select-show-arrow ant-select-outlined"
      [class.ant-select-disabled]="disabled()"
      [attr.data-grade]="code()"
      (mousedown)="open($event)"
    >
      <div class="ant-select-selector">
        <span class="ant-select-selection-search">
          <input
            class="ant-select-selection-search-input"
            readonly
            autocomplete="off"
            [disabled]="disabled()"
            [attr.aria-label]="label()"
          />
        </span>
        @if (grade(); as g) {
          <span class="ant-select-selection-item">{{ g }}</span>
        } @else {
          <span class="ant-select-selection-placeholder">{{ 'dataEntry.pickGrade' | t }}</span>
        }
      </div>
      <span class="ant-select-arrow"
        ><span class="anticon anticon-down"
          ><svg
            viewBox="64 64 896 896"
            focusable="false"
            fill="currentColor"
            width="1em"
            height="1em"
            aria-hidden="true"
          >
            <path
              d="M884 256h-75c-5.1 0-9.9 2.5-12.9 6.6L512 654.2 227.9 262.6c-3-4.1-7.8-6.6-12.9-6.6h-75c-6.5 0-10.3 7.4-6.5 12.7l352.6 486.1c12.8 17.6 39 17.6 51.7 0l352.6-486.1c3.9-5.3.1-12.7-6.4-12.7z"
            /></svg></span
      ></span>
    </div>
  `,
  styles: `
    /* the width of .value-input (the real dropdown's) */
    .ant-select {
      display: inline-block;
      width: 140px;
    }
  `,
})
export class EntryLightGradeComponent {
  readonly grade = input<string | null>(null);
  readonly disabled = input(false);
  readonly code = input('');
  /** The line's name, read out for the box. */
  readonly label = input('');
  /** Clicked: the real dropdown is drawn open in its place. */
  readonly opened = output<void>();

  protected open(event: Event): void {
    if (this.disabled()) {
      return;
    }
    event.preventDefault();
    this.opened.emit();
  }
}
