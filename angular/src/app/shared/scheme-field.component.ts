import { Component, input } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzSelectModule } from 'ng-zorro-antd/select';

import { SchemesSchemeDto as SchemeDto } from '@api/models';
import { FieldErrorPipe } from '@shared/field-error.pipe';

/**
 * The required scheme of a form (a new period, a new agreement): a select of the schemes offered, each named with
 * its year and version. Texts come translated from the form.
 */
@Component({
  selector: 'app-scheme-field',
  imports: [ReactiveFormsModule, NzFormModule, NzSelectModule, FieldErrorPipe],
  template: `
    <nz-form-item>
      <nz-form-label nzRequired [nzFor]="inputId()">{{ label() }}</nz-form-label>
      <nz-form-control [nzErrorTip]="err" [nzExtra]="hint()">
        <nz-select
          [nzId]="inputId()"
          [formControl]="control()"
          [nzPlaceHolder]="placeholder()"
          [attr.data-testid]="testId()"
        >
          @for (scheme of schemes(); track scheme.id) {
            <nz-option
              [nzValue]="scheme.id"
              [nzLabel]="scheme.name + ' (' + scheme.year + ' v' + scheme.version + ')'"
            />
          }
        </nz-select>
      </nz-form-control>
    </nz-form-item>
    <ng-template #err let-c>{{ c | fieldError }}</ng-template>
  `,
})
export class SchemeFieldComponent {
  readonly control = input.required<FormControl<string | null>>();
  readonly schemes = input.required<SchemeDto[]>();
  readonly inputId = input.required<string>();
  readonly label = input.required<string>();
  readonly hint = input('');
  readonly placeholder = input('');
  readonly testId = input('');
}
