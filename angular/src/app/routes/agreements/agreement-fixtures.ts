import { AgreementsAgreementDto as AgreementDto } from '@api/models';

/** An agreement as the host returns it (test data). */
export function agreementDto(overrides: Partial<AgreementDto> = {}): AgreementDto {
  return {
    id: 'a1',
    cityId: 'c1',
    cityName: '兰州市',
    title: '2026年度兰州市平安建设目标责任书',
    year: 2026,
    schemeId: 's1',
    seriesId: 'x1',
    version: 1,
    status: 'Draft',
    concurrencyStamp: 'st1',
    lines: [],
    keyTasks: [],
    duties: [],
    prohibitions: [],
    rules: [],
    ...overrides,
  };
}
