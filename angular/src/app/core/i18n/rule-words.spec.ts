import { RULE_KINDS } from '../../routes/schemes/rule-kinds';
import en from './en.json';
import { Lookup, consequenceWords, ruleParameterWords, valueWords } from './rule-words';
import zhCN from './zh-CN.json';

type Dictionary = Record<string, unknown>;

function lookup(dict: Dictionary, english: boolean): Lookup {
  return {
    t: (key) => {
      let node: unknown = dict;
      for (const part of key.split('.')) {
        node = node && typeof node === 'object' ? (node as Dictionary)[part] : undefined;
      }
      return typeof node === 'string' ? node : undefined;
    },
    english,
  };
}

const DICTIONARIES = [
  ['zh-CN', lookup(zhCN, false)],
  ['en', lookup(en, true)],
] as const;

/** What must never reach a person: snake_case names, true/false. */
const IDENTIFIER = /(?<![A-Za-z0-9_])([a-z][a-z0-9]*(?:_[a-z0-9]+)+|true|false)(?![A-Za-z0-9_])/;

const CONSEQUENCE_KINDS = ['fixed_deduction', 'grade_cap', 'grade_set', 'total_zeroed'];
const CONSEQUENCE_PARAMETERS = ['points', 'max_grade', 'grade', 'award_ineligible'];
const FLAGS = ['major_event_period', 'repeated', 'not_rectified'];

describe('rule words', () => {
  for (const [lang, words] of DICTIONARIES) {
    it(`has a ${lang} label for every rule kind, parameter, value and consequence`, () => {
      const missing: string[] = [];
      const need = (key: string) => {
        if (!words.t(key)) {
          missing.push(key);
        }
      };
      for (const [kind, specs] of Object.entries(RULE_KINDS)) {
        need(`schemes.ruleKinds.${kind}`);
        for (const spec of specs) {
          need(`schemes.params.${spec.name}`);
          (spec.options ?? []).forEach((option) => need(`schemes.values.${option}`));
        }
      }
      need('schemes.params.missing_scores_full');
      CONSEQUENCE_KINDS.forEach((kind) => need(`schemes.consequences.${kind}`));
      CONSEQUENCE_PARAMETERS.forEach((name) => need(`schemes.params.${name}`));
      FLAGS.forEach((flag) => need(`schemes.values.${flag}`));
      expect(missing).toEqual([]);
    });

    it(`writes the sample's rules and consequences in ${lang} words`, () => {
      const texts = [
        ruleParameterWords(
          {
            kind: 'yoy_change',
            dir: 'lower',
            measure: 'percent_change',
            steps: 'proportional',
            per: 0.5,
          },
          words,
        ),
        ruleParameterWords(
          { kind: 'reference_comparison', ref: 'province_average', dir: 'lower' },
          words,
        ),
        ruleParameterWords(
          {
            kind: 'per_occurrence_deduction',
            rates: [
              { type: 'per_province', name: '到省', name_en: 'to the province', per: 1 },
              { type: 'per_capital', name: '到京', name_en: 'to Beijing', per: 3 },
            ],
            double_when: ['major_event_period'],
            missing_scores_full: true,
          },
          words,
        ),
        consequenceWords({ kind: 'grade_set', grade: '不合格', award_ineligible: true }, words),
        consequenceWords({ kind: 'fixed_deduction', points: 30 }, words),
      ];
      for (const text of texts) {
        expect(text, text).not.toMatch(IDENTIFIER);
        expect(text, text).not.toContain('points 30');
      }
      expect(texts[2]).toContain(lang === 'en' ? 'to the province:1' : '到省:1');
    });
  }

  it('reads a flag as yes/no and a known value by its label', () => {
    const zh = DICTIONARIES[0][1];
    expect(valueWords(true, zh)).toBe('是');
    expect(valueWords('last_year', zh)).toBe('上年');
    expect(ruleParameterWords({ kind: 'yoy_change', dir: 'lower' }, zh)).toBe('方向 越低越好');
    expect(
      consequenceWords({ kind: 'grade_set', grade: '不合格', award_ineligible: true }, zh),
    ).toBe('等次设定（等次 不合格；不得评优）');
  });
});
