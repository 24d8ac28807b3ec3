import { DatePipe } from '@angular/common';
import { TestBed } from '@angular/core/testing';

import { beijingText, provideBeijingTime } from './beijing-time';

describe('Beijing time', () => {
  it('shows a UTC instant from the API at its Beijing wall-clock time', () => {
    TestBed.configureTestingModule({ providers: [DatePipe, provideBeijingTime()] });
    const pipe = TestBed.inject(DatePipe);

    expect(pipe.transform('2026-12-01T08:20:00Z', 'yyyy-MM-dd HH:mm')).toBe('2026-12-01 16:20');
    expect(pipe.transform('2026-12-31T16:30:00Z', 'yyyy-MM-dd HH:mm')).toBe('2027-01-01 00:30');
  });

  it('formats outside templates in Beijing time too', () => {
    expect(beijingText('2026-12-01T08:20:00Z')).toBe('2026-12-01 16:20');
    expect(beijingText(null)).toBe('');
  });

  it('reads an instant written without a zone as UTC, and leaves what is no time as it is', () => {
    expect(beijingText('2026-06-01T02:00:00')).toBe('2026-06-01 10:00');
    expect(beijingText('2026-06-01T02:00:00.123')).toBe('2026-06-01 10:00');
    expect(beijingText('2026-06-01T02:00:00+08:00')).toBe('2026-06-01 02:00');
    expect(beijingText('not a time')).toBe('not a time');
  });
});
