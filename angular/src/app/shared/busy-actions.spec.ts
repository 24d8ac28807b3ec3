import { Subject, throwError } from 'rxjs';

import { BusyActions } from './busy-actions';

describe('BusyActions', () => {
  it('should name the running action until its answer and then hand the answer over', () => {
    const actions = new BusyActions(() => undefined);
    const answer = new Subject<string>();
    let received = '';

    actions.run('issue', answer, (r) => (received = r));
    expect(actions.busy()).toBe('issue');
    answer.next('done');

    expect(actions.busy()).toBeNull();
    expect(received).toBe('done');
  });

  it("should show a failure's message unless the action handles it itself", () => {
    const shown: unknown[] = [];
    const handled: unknown[] = [];
    const actions = new BusyActions((e) => shown.push(e));

    actions.run(
      'save',
      throwError(() => 'conflict'),
      () => undefined,
    );
    actions.run(
      'save',
      throwError(() => 'gone'),
      () => undefined,
      (e) => handled.push(e),
    );

    expect(shown).toEqual(['conflict']);
    expect(handled).toEqual(['gone']);
    expect(actions.busy()).toBeNull();
  });
});
