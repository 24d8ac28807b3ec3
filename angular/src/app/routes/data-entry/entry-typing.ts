import { DataEntryEntryValueDto as EntryValueDto } from '@api/models';

/** The value with one survey component's rate typed (null: the rate is taken away). */
export function withRate(value: EntryValueDto, key: string, rate: number | null): EntryValueDto {
  const rates = { ...(value.surveyRates ?? {}) };
  if (rate === null) {
    delete rates[key];
  } else {
    rates[key] = rate;
  }
  return { ...value, surveyRates: rates };
}
