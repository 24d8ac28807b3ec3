import { Component, booleanAttribute, inject, input } from '@angular/core';
import { ControlContainer, ReactiveFormsModule } from '@angular/forms';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';

import { FieldErrorPipe } from './field-error.pipe';

/**
 * The reason (or comment) a person writes to justify a decision: a labelled, required textarea of the enclosing
 * reactive form, with its client or server message below it. Used inside `[formGroup]`, as a field of it:
 * `<app-reason-field inputId="d-reason" [label]="'appeals.decisionReason' | t" />`.
 */
@Component({
  selector: 'app-reason-field',
  imports: [ReactiveFormsModule, NzFormModule, NzInputModule, FieldErrorPipe],
  viewProviders: [
    { provide: ControlContainer, useFactory: () => inject(ControlContainer, { skipSelf: true }) },
  ],
  template: `
    <nz-form-item>
      <nz-form-label [nzRequired]="required()" [nzFor]="inputId()">{{ label() }}</nz-form-label>
      <nz-form-control [nzErrorTip]="err">
        <textarea
          nz-input
          [id]="inputId()"
          rows="3"
          [formControlName]="controlName()"
          [attr.data-testid]="testId() || null"
        ></textarea>
      </nz-form-control>
    </nz-form-item>
    <ng-template #err let-control>{{ control | fieldError }}</ng-template>
  `,
})
export class ReasonFieldComponent {
  readonly label = input.required<string>();
  readonly inputId = input.required<string>();
  /** The control of the enclosing form group. */
  readonly controlName = input('reason');
  readonly testId = input('');
  readonly required = input(true, { transform: booleanAttribute });
}
