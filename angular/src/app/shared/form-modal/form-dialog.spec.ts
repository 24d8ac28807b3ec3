import { FormControl, FormGroup, Validators } from '@angular/forms';
import { Subject, throwError } from 'rxjs';

import { FormDialog } from './form-dialog';

describe('FormDialog', () => {
  function dialog(): FormDialog<FormGroup<{ name: FormControl<string> }>> {
    const form = new FormGroup({
      name: new FormControl('', { nonNullable: true, validators: Validators.required }),
    });
    return new FormDialog(form, (_, e) => `failed: ${(e as Error).message}`);
  }

  it('should not call the server with an invalid form and should show its messages', () => {
    const d = dialog();
    d.show();
    let called = false;

    d.save(
      () => {
        called = true;
        return new Subject<void>();
      },
      () => undefined,
    );

    expect(called).toBe(false);
    expect(d.form.controls.name.touched).toBe(true);
    expect(d.open()).toBe(true);
  });

  it('should save the raw value, close on success and hand over the answer', () => {
    const d = dialog();
    d.form.setValue({ name: '兰州市' });
    d.show();
    const answer = new Subject<number>();
    let sent: unknown;
    let received: number | undefined;

    d.save(
      (value) => {
        sent = value;
        return answer;
      },
      (result) => (received = result),
    );
    expect(d.saving()).toBe(true);
    answer.next(7);

    expect(sent).toEqual({ name: '兰州市' });
    expect(received).toBe(7);
    expect(d.saving()).toBe(false);
    expect(d.open()).toBe(false);
  });

  it('should stay open with the error text after a failed save and clear it when shown again', () => {
    const d = dialog();
    d.form.setValue({ name: 'x' });
    d.show();

    d.save(
      () => throwError(() => new Error('conflict')),
      () => undefined,
    );

    expect(d.open()).toBe(true);
    expect(d.error()).toBe('failed: conflict');
    d.close();
    d.show();
    expect(d.error()).toBeNull();
  });
});
