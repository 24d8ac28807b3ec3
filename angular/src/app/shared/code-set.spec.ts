import { withCode } from './code-set';

describe('withCode', () => {
  it('should add or remove the code in a new set and leave the old one as it was', () => {
    const before = new Set(['A01']);

    const added = withCode(before, 'B04', true);
    const removed = withCode(added, 'A01', false);

    expect([...added]).toEqual(['A01', 'B04']);
    expect([...removed]).toEqual(['B04']);
    expect([...before]).toEqual(['A01']);
  });
});
