import {
  colourOf,
  lineStatusColour,
  periodStatusColour,
  submissionStatusColour,
} from './status-colours';

describe('status colours', () => {
  it('gives an open period green and a published one purple', () => {
    expect(periodStatusColour('Open')).toBe('green');
    expect(periodStatusColour('Published')).toBe('purple');
  });

  it('shows a returned line or submission in red and a reported line in cyan', () => {
    expect(lineStatusColour('Returned')).toBe('red');
    expect(lineStatusColour('UnitSubmitted')).toBe('cyan');
    expect(submissionStatusColour('Returned')).toBe('red');
    expect(submissionStatusColour('Withdrawn')).toBe('orange');
  });

  it('falls back to the default colour for a missing or unknown status', () => {
    expect(periodStatusColour(null)).toBe('default');
    expect(lineStatusColour('Draft')).toBe('default');
    expect(submissionStatusColour(undefined)).toBe('default');
  });
});

describe('colourOf', () => {
  it('does not take a name inherited from Object for a colour', () => {
    expect(colourOf({ Open: 'green' }, 'constructor')).toBe('default');
    expect(colourOf({ Open: 'green' }, 'Open')).toBe('green');
  });
});
