import { DATE_PIPE_DEFAULT_OPTIONS, DatePipeConfig, formatDate } from '@angular/common';
import { Provider } from '@angular/core';

/** Every time a person sees is Beijing time, whatever the zone of the office PC or the browser. */
export const BEIJING_UTC_OFFSET = '+0800';

export function provideBeijingTime(): Provider {
  const options: DatePipeConfig = { timezone: BEIJING_UTC_OFFSET };
  return { provide: DATE_PIPE_DEFAULT_OPTIONS, useValue: options };
}

/**
 * "2026-12-01 16:20" for a UTC instant, in Beijing time, for code that formats outside a template. The host's
 * instants are UTC: one written without a zone ("2026-12-01T08:20:00") is read as UTC, not in the browser's zone.
 */
export function beijingText(value: string | null | undefined, format = 'yyyy-MM-dd HH:mm'): string {
  if (!value) {
    return '';
  }
  const instant = /T\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(value) ? `${value}Z` : value;
  try {
    return formatDate(instant, format, 'en-US', BEIJING_UTC_OFFSET);
  } catch {
    return value;
  }
}
