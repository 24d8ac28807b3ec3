/**
 * Scoring rules, their parameters and veto consequences in words. The scheme definition travels
 * as JSON with snake_case names and values (`dir: "lower"`, `measure: "percent_change"`,
 * `double_when: ["major_event_period"]`, `award_ineligible: true`); a person reads the labels of
 * `schemes.params.*` and `schemes.values.*` instead, yes/no for flags, and the own language's
 * name of a typed entry (到省 rather than `per_province:到省:to the province`).
 */

/**
 * The person's dictionary: `t` translates a key or gives `undefined` when there is no text for it;
 * `english` picks the English name of an entry that has both.
 */
export interface Lookup {
  t: (key: string) => string | undefined;
  english: boolean;
}

/** A lookup over the I18nService's dictionaries in its current language. */
export function lookupOf(i18n: { t(key: string): string; lang(): string }): Lookup {
  return {
    t: (key) => {
      const text = i18n.t(key);
      return text === key ? undefined : text;
    },
    english: i18n.lang() === 'en',
  };
}

/** Keys of an entry that only the machine reads when the entry has a name of its own. */
const MACHINE_KEYS = new Set(['type', 'key', 'code', 'kind']);

/** The label of a parameter's value: a known value's text, yes/no, or the value itself. */
export function valueWords(value: unknown, words: Lookup): string {
  if (value === null || value === undefined) {
    return '—';
  }
  const t = words.t;
  if (typeof value === 'boolean') {
    return t(value ? 'common.yes' : 'common.no') ?? String(value);
  }
  if (typeof value === 'string') {
    return t(`schemes.values.${value}`) ?? value;
  }
  if (Array.isArray(value)) {
    const objects = value.some((v) => v && typeof v === 'object');
    return value.map((item) => valueWords(item, words)).join(objects ? ' | ' : '、');
  }
  if (typeof value === 'object') {
    return entryWords(value as Record<string, unknown>, words);
  }
  return String(value);
}

/** One entry of a list (a band, a typed rate, a survey component): its values, the name in the person's language. */
function entryWords(entry: Record<string, unknown>, words: Lookup): string {
  const english = words.english;
  const named = typeof entry['name'] === 'string' && entry['name'] !== '';
  return Object.entries(entry)
    .filter(([key, value]) => {
      if (value === null || value === undefined) {
        return false;
      }
      if (named && MACHINE_KEYS.has(key)) {
        return false;
      }
      if (key === 'name_en') {
        return false;
      }
      return true;
    })
    .map(([key, value]) =>
      key === 'name' && english && typeof entry['name_en'] === 'string'
        ? (entry['name_en'] as string)
        : valueWords(value, words),
    )
    .join(':');
}

/**
 * The rule's parameters in one line, e.g. "方向 越低越好；比较方式 变化百分比；每单位 0.5". The kind is
 * shown on its own; false flags are the defaults (missing_scores_full) and left out.
 */
export function ruleParameterWords(
  rule: Record<string, unknown> | null | undefined,
  words: Lookup,
): string {
  if (!rule) {
    return '';
  }
  const t = words.t;
  return Object.entries(rule)
    .filter(
      ([name, value]) =>
        name !== 'kind' && value !== null && value !== undefined && value !== false,
    )
    .map(([name, value]) => {
      const label = t(`schemes.params.${name}`) ?? name;
      // a flag that is set says it all by its name (不得评优, 未报满分)
      return value === true ? label : `${label} ${valueWords(value, words)}`;
    })
    .join('；');
}

/** A veto consequence: its kind and its parameters, e.g. "等次设定（等次 不合格；不得评优）". */
export function consequenceWords(
  consequence: Record<string, unknown> | null | undefined,
  words: Lookup,
): string {
  if (!consequence) {
    return '';
  }
  const t = words.t;
  const kind = String(consequence['kind'] ?? '');
  const label = t(`schemes.consequences.${kind}`) ?? kind;
  const parameters = ruleParameterWords(consequence, words);
  return parameters ? `${label}（${parameters}）` : label;
}
