import {
  KIND_NAMES,
  RULE_KINDS,
  changeKind,
  fieldOfMessage,
  setParam,
  validateRule,
} from './rule-kinds';

describe('rule kinds', () => {
  it('describes the twelve kinds of the host', () => {
    expect(KIND_NAMES).toHaveLength(12);
    expect(RULE_KINDS['shortfall_bands'].map((p) => p.name)).toContain('steep_below');
  });

  it('checks parameters like the host: required, ≥ 0, > 0, at most the points', () => {
    expect(validateRule({ kind: 'shortfall_bands', per: -1, cap: 9, unit_step: 0 }, 6)).toEqual({
      full_at: { key: 'required' },
      per: { key: 'nonNegative' },
      cap: { key: 'atMostMax', params: { max: 6 } },
      unit_step: { key: 'positive' },
    });
    expect(validateRule({ kind: 'shortfall_bands', full_at: 96, per: 0.25, cap: 5 }, 6)).toEqual(
      {},
    );
  });

  it('checks every cell of a list and that a list is not empty', () => {
    expect(
      validateRule(
        {
          kind: 'threshold_bands',
          bands: [{ at: 95, points: 3 }, { points: 9 }],
        },
        5,
      ),
    ).toEqual({
      'bands[1].at': { key: 'required' },
      'bands[1].points': { key: 'atMostMax', params: { max: 5 } },
    });
    expect(validateRule({ kind: 'checklist', per: 0.25 }, 2)).toEqual({
      items: { key: 'nonEmpty' },
    });
    expect(validateRule({ kind: 'unknown' }, 2)).toEqual({});
    expect(validateRule(null, 2)).toEqual({});
  });

  it('changing the kind keeps the parameters both kinds take', () => {
    expect(
      changeKind(
        { kind: 'shortfall_bands', per: 0.5, full_at: 96, missing_scores_full: true },
        'checklist',
      ),
    ).toEqual({ kind: 'checklist', per: 0.5, missing_scores_full: true });
  });

  it('a blank parameter is left out (the host default applies)', () => {
    expect(setParam({ kind: 'checklist', cap: 2 }, 'cap', null)).toEqual({ kind: 'checklist' });
    expect(setParam({ kind: 'checklist' }, 'items', [])).toEqual({ kind: 'checklist' });
    expect(setParam({ kind: 'checklist' }, 'per', 0)).toEqual({ kind: 'checklist', per: 0 });
  });

  it('finds the field a host message is about', () => {
    const rule = { kind: 'threshold_bands', bands: [] };
    expect(fieldOfMessage('计分规则参数“otherwise”（9）超过指标分值5分。', rule)).toBe('otherwise');
    expect(fieldOfMessage('计分规则参数“bands[1].points”不能为负数', rule)).toBe('bands[1].points');
    expect(fieldOfMessage('“bands.otherwise”超过', rule)).toBe('otherwise');
    expect(fieldOfMessage('计分规则缺少参数“full_at”。', rule)).toBeNull();
    expect(fieldOfMessage('该指标没有计分规则。', rule)).toBeNull();
  });
});
