import { DEFINITION } from '@testing/scheme-fixtures';
import {
  categoryCodesUnder,
  categoryTree,
  flattenIndicators,
  groupDraftProblems,
  groupProblems,
  referenceKind,
  valueInputKind,
} from './scheme-definition';

describe('scheme definition helpers', () => {
  it('flattens the category tree into indicator rows in the scheme order', () => {
    const rows = flattenIndicators(DEFINITION);
    expect(rows.map((r) => `${r.categoryCode}/${r.code}`)).toEqual(['A/A01', 'A1/A11', 'I/I01']);
  });

  it('builds tree nodes with indicator counts and finds the codes under a category', () => {
    const tree = categoryTree(DEFINITION);
    expect(tree.map((n) => n.title)).toEqual(['A 政治安全 (2)', 'I 群众评价 (1)']);
    expect(tree[0].children[0].isLeaf).toBe(true);
    expect([...categoryCodesUnder(DEFINITION, 'A')]).toEqual(['A', 'A1']);
  });

  it('chooses the preview input by rule kind and knows which rules need a reference', () => {
    expect(valueInputKind('shortfall_bands')).toBe('number');
    expect(valueInputKind('per_occurrence_deduction')).toBe('occurrences');
    expect(valueInputKind('qualitative_grade')).toBe('grade');
    expect(valueInputKind('checklist')).toBe('checklist');
    expect(referenceKind({ kind: 'yoy_change', measure: 'percent_change' })).toBe('lastYear');
    expect(referenceKind({ kind: 'yoy_change', measure: 'reported' })).toBeNull();
    expect(referenceKind({ kind: 'reference_comparison', ref: 'province_average' })).toBe(
      'average',
    );
    expect(referenceKind({ kind: 'threshold_bands' })).toBeNull();
  });

  it('groups every publish problem by target, scheme first, then in the scheme order', () => {
    const groups = groupProblems(
      {
        errors: {
          I01: ['计分规则缺少参数“full_at”。', '计分规则参数“cap”（9）超过指标分值6分。'],
          A01: ['指标分值必须大于0（当前为0）。'],
          scheme: ['各指标分值合计99分，与方案总分100分不一致。'],
          ZZ: ['其他问题'],
        },
      },
      ['A01', 'A11', 'I01'],
    );
    expect(groups.map((g) => g.target)).toEqual(['scheme', 'A01', 'I01', 'ZZ']);
    expect(groups[2].messages).toHaveLength(2);
    expect(groups.flatMap((g) => g.messages)).toHaveLength(5);
  });

  it('groups a draft’s own problems the same way', () => {
    const groups = groupDraftProblems([
      { target: 'I01', code: 'x', message: 'm1' },
      { target: 'I01', code: 'y', message: 'm2' },
      { target: null, code: 'z', message: 'm3' },
    ]);
    expect(groups).toEqual([
      { target: 'scheme', messages: ['m3'] },
      { target: 'I01', messages: ['m1', 'm2'] },
    ]);
  });
});
