import {
  entryOptions,
  fileSizeText,
  isPreviewable,
  offersLastYear,
  sameValue,
  toggled,
  valueText,
  withOccurrence,
} from './entry-value';

describe('entry values', () => {
  it('reads the inputs a rule needs from the scheme indicator', () => {
    const occurrences = entryOptions(
      { ruleKind: 'per_occurrence_deduction' },
      {
        code: 'D02',
        name: '越级上访',
        max_points: 4,
        rule: {
          kind: 'per_occurrence_deduction',
          rates: [{ type: 'per_province', name: '到省' }],
          double_when: ['major_event_period'],
        },
      },
    );
    expect(occurrences.kind).toBe('occurrences');
    expect(occurrences.occurrenceTypes).toEqual([{ type: 'per_province', name: '到省' }]);
    expect(occurrences.flags).toEqual(['major_event_period']);
    // one rate for every occurrence: a single untyped count
    expect(entryOptions({ ruleKind: 'per_occurrence_deduction' }).occurrenceTypes).toEqual([
      { type: null, name: '' },
    ]);
    const grade = entryOptions(
      { ruleKind: 'qualitative_grade' },
      {
        code: 'F01',
        name: '综治中心',
        max_points: 4,
        rule: { kind: 'qualitative_grade', grades: [{ grade: '优' }, { grade: '良' }] },
      },
    );
    expect(grade.grades).toEqual(['优', '良']);
    const survey = entryOptions(
      { ruleKind: 'survey_composite' },
      {
        code: 'I09',
        name: '九率一度',
        max_points: 10,
        rule: { kind: 'survey_composite', components: [{ key: 'aware', name: '知晓率' }] },
      },
    );
    expect(survey.surveyComponents).toEqual([{ key: 'aware', name: '知晓率' }]);
    expect(
      entryOptions(
        { ruleKind: 'ratio_to_target' },
        { code: 'H9', name: '合计', max_points: 1, formula: 'H1 + H2' },
      ).kind,
    ).toBe('computed');
    expect(entryOptions({ ruleKind: 'shortfall_bands' }).kind).toBe('number');
  });

  it('knows which rules compare with a reference and when 上年同期值 may be entered', () => {
    const yoy = entryOptions(
      { ruleKind: 'yoy_change' },
      {
        code: 'B01',
        name: '刑事案件立案数同比变化',
        max_points: 5,
        rule: { kind: 'yoy_change', measure: 'percent_change' },
      },
    );
    expect([yoy.kind, yoy.reference, yoy.lastYear]).toEqual(['number', true, true]);
    const reported = entryOptions(
      { ruleKind: 'yoy_change' },
      { code: 'X', name: 'x', max_points: 1, rule: { kind: 'yoy_change', measure: 'reported' } },
    );
    expect([reported.reference, reported.lastYear]).toEqual([false, false]);
    const average = entryOptions(
      { ruleKind: 'reference_comparison' },
      {
        code: 'B03',
        name: '千人刑事案件发案率',
        max_points: 3,
        rule: { kind: 'reference_comparison', ref: 'province_average' },
      },
    );
    expect([average.reference, average.lastYear]).toEqual([true, false]);
    expect(entryOptions({ ruleKind: 'rank_change' }).lastYear).toBe(true);
    expect(entryOptions({ ruleKind: 'threshold_bands' }).reference).toBe(false);

    // Offered unless the system already has the previous period's figure.
    expect(offersLastYear({ referenceSource: null }, yoy)).toBe(true);
    expect(offersLastYear({ referenceSource: 'Entered' }, yoy)).toBe(true);
    expect(offersLastYear({ referenceSource: 'PreviousPeriod' }, yoy)).toBe(false);
    expect(offersLastYear({ referenceSource: null }, average)).toBe(false);
    expect(sameValue({ number: 1, lastYearNumber: 2 }, { number: 1 })).toBe(false);
  });

  it('sets occurrences by type and compares values as data', () => {
    const value = withOccurrence({}, 'per_capital', 2, ['major_event_period']);
    expect(value.occurrences).toEqual([
      { type: 'per_capital', count: 2, flags: ['major_event_period'] },
    ]);
    expect(
      sameValue({ occurrences: [] }, { occurrences: [{ type: null, count: 0, flags: [] }] }),
    ).toBe(true);
    expect(sameValue({ checklistPresent: ['a', 'b'] }, { checklistPresent: ['b', 'a'] })).toBe(
      true,
    );
    expect(sameValue({ number: 1 }, { number: 2 })).toBe(false);
    expect(toggled(['a'], 'b', true)).toEqual(['a', 'b']);
    expect(toggled(['a', 'b'], 'a', false)).toEqual(['b']);
  });

  it('writes a value as one line of text', () => {
    expect(valueText({ number: 92 })).toBe('92');
    expect(
      valueText(
        { occurrences: [{ type: 'per_province', count: 2, flags: ['重复发生'] }] },
        { occurrenceTypes: [{ type: 'per_province', name: '到省' }], surveyComponents: [] },
      ),
    ).toBe('到省×2（重复发生）');
    expect(valueText({ occurrences: [{ type: null, count: 1, flags: [] }] })).toBe('1');
    expect(valueText({ grade: '优' })).toBe('优');
    expect(valueText({ checklistPresent: ['制度', '台账'] })).toBe('制度、台账');
    expect(valueText(null)).toBe('—');
    expect(fileSizeText(2 * 1024 * 1024)).toBe('2.0 MB');
    expect(isPreviewable('application/pdf')).toBe(true);
    expect(isPreviewable('application/zip')).toBe(false);
  });
});
