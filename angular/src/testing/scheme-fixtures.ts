import { SchemesSchemeDto as SchemeDto } from '@api/models';
import { SchemeDefinition } from '@shared/scheme-definition';

/** A small scheme definition: nested categories, a bonus item, a veto. */
export const DEFINITION: SchemeDefinition = {
  categories: [
    {
      code: 'A',
      name: '政治安全',
      indicators: [
        {
          code: 'A01',
          name: '重大涉政案事件防范',
          unit: '起',
          max_points: 4,
          score_source: 'department',
          evidence_required: false,
          rule: { kind: 'per_occurrence_deduction', per: 2, floor: 0 },
        },
      ],
      children: [
        {
          code: 'A1',
          name: '子类',
          indicators: [
            {
              code: 'A11',
              name: '意识形态',
              max_points: 3,
              rule: { kind: 'checklist', items: ['制度', '台账'], per: 1 },
            },
          ],
        },
      ],
    },
    {
      code: 'I',
      name: '群众评价',
      indicators: [
        {
          code: 'I01',
          name: '群众安全感',
          unit: '%',
          max_points: 6,
          score_source: 'survey',
          evidence_required: false,
          rule: {
            kind: 'shortfall_bands',
            full_at: 96,
            per: 0.25,
            steep_below: 90,
            steep_per: 0.5,
            cap: 5,
          },
        },
      ],
    },
  ],
  bonus: {
    items: [{ code: 'X01', name: '见义勇为', points_per_instance: 1, cap: 3 }],
    total_cap: 5,
  },
  vetoes: [{ code: 'V1', name: '重大案件', consequence: { kind: 'fixed_deduction', amount: 30 } }],
};

export function schemeDto(overrides: Partial<SchemeDto> = {}): SchemeDto {
  return {
    id: 's1',
    name: '市域社会治理现代化试点考评细则（示例）',
    year: 2026,
    version: 1,
    scale: 100,
    status: 'Published',
    indicatorCount: 3,
    creationTime: '2026-11-01T08:00:00Z',
    publishedTime: '2026-11-02T08:00:00Z',
    archivedTime: null,
    concurrencyStamp: 'c1',
    definition: DEFINITION,
    problems: [],
    ...overrides,
  };
}
