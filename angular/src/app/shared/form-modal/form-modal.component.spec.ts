import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { throwError } from 'rxjs';

import { APP_ICONS } from '@core/icons';
import { settle } from '@testing/page-setup';
import { FormDialog } from './form-dialog';
import { FormModalComponent } from './form-modal.component';

@Component({
  imports: [ReactiveFormsModule, FormModalComponent],
  template: `
    <app-form-modal [dialog]="dialog" title="重命名" (submitted)="submitted = submitted + 1">
      <ng-container [formGroup]="dialog.form">
        <input id="f-name" formControlName="name" />
      </ng-container>
    </app-form-modal>
  `,
})
class HostComponent {
  readonly dialog = new FormDialog(
    new FormGroup({
      name: new FormControl('兰州市', { nonNullable: true, validators: Validators.required }),
    }),
    () => '保存失败',
  );
  submitted = 0;
}

describe('FormModalComponent', () => {
  let fixture: ComponentFixture<HostComponent>;

  const render = (): Promise<void> => settle(fixture);

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideNzIcons(APP_ICONS)] });
    fixture = TestBed.createComponent(HostComponent);
    fixture.componentInstance.dialog.show();
    await render();
  });

  afterEach(() => fixture.destroy());

  it('should show the title and the fields bound to the form', () => {
    const input = document.body.querySelector<HTMLInputElement>('#f-name')!;

    expect(document.body.querySelector('.ant-modal-title')!.textContent).toContain('重命名');
    expect(input.value).toBe('兰州市');
    input.value = '金昌市';
    input.dispatchEvent(new Event('input'));
    expect(fixture.componentInstance.dialog.form.getRawValue().name).toBe('金昌市');
  });

  it('should report Enter and OK as a submit and close on cancel', async () => {
    const form = document.body.querySelector('form')!;
    form.dispatchEvent(new Event('submit'));
    const buttons = document.body.querySelectorAll<HTMLButtonElement>('.ant-modal-footer button');
    buttons[1].click();
    expect(fixture.componentInstance.submitted).toBe(2);

    buttons[0].click();
    await render();
    expect(fixture.componentInstance.dialog.open()).toBe(false);
  });

  it('should show the alert of a failed save above the fields', async () => {
    fixture.componentInstance.dialog.save(
      () => throwError(() => new Error('x')),
      () => undefined,
    );
    await render();

    expect(document.body.querySelector('.ant-modal-body .ant-alert')!.textContent).toContain(
      '保存失败',
    );
  });

  it('should show the same fields again after closing and opening', async () => {
    const dialog = fixture.componentInstance.dialog;
    dialog.close();
    await render();
    dialog.show();
    await render();

    expect(document.body.querySelector<HTMLInputElement>('#f-name')!.value).toBe('兰州市');
  });
});
