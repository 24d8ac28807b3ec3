import { DATE_PIPE_DEFAULT_OPTIONS, DatePipeConfig, formatDate } from '@angular/common';
import { Provider } from '@angular/core';

/** Every time a person sees is Beijing time, whatever the zone of the office PC or the browser. */
export const BEIJING_UTC_OFFSET = '+0800';

export function provideBeijingTime(): Provider {
  const options: DatePipeConfig = { timezone: BEIJING_UTC_OFFSET };
  return { provide: DATE_PIPE_DEFAULT_OPTIONS, useValue: options };
}

/** "2026-12-01 16:20" for a UTC instant, in Beijing time, for code that formats outside a template. */
export function beijingText(value: string | null | undefined, format = 'yyyy-MM-dd HH:mm'): string {
  return value ? formatDate(value, format, 'en-US', BEIJING_UTC_OFFSET) : '';
}
