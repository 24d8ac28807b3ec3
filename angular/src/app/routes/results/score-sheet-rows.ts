export interface CategoryRow {
  code: string;
  name: string;
  depth: number;
  maxPoints: number;
  points: number;
  percent: number;
  colour: string | null;
}

export interface BonusRow {
  code: string;
  name: string;
  count: number;
  points: number;
  explanationZh: string;
  explanationEn: string;
}

export interface VetoRow {
  code: string;
  name: string;
  effectZh: string;
  effectEn: string;
}

export function rows<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

const BANDS: Record<string, string> = {
  绿: 'green',
  green: 'green',
  蓝: 'blue',
  blue: 'blue',
  黄: 'gold',
  yellow: 'gold',
  橙: 'orange',
  orange: 'orange',
  红: 'red',
  red: 'red',
};

/** Ant Design tag colour of a scheme colour band (named 绿/蓝/黄/橙/红 or by key). */
export function bandColour(colour: string | null | undefined): string {
  return BANDS[(colour ?? '').trim().toLowerCase()] ?? 'default';
}

/** "+1.5" / "-2" / "—". */
export function changeText(change: number | null | undefined): string {
  if (change === null || change === undefined) {
    return '—';
  }
  return change > 0 ? `+${change}` : String(change);
}
