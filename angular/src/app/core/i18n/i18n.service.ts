import { DOCUMENT, Injectable, computed, inject, signal } from '@angular/core';

import en from './en.json';
import zhCN from './zh-CN.json';

export type Lang = 'zh-CN' | 'en';

export const LANGS: readonly Lang[] = ['zh-CN', 'en'];
export const DEFAULT_LANG: Lang = 'zh-CN';
export const LANG_STORAGE_KEY = 'pa.lang';

type Dictionary = Record<string, unknown>;

const DICTIONARIES: Record<Lang, Dictionary> = { 'zh-CN': zhCN, en };

function lookup(dict: Dictionary, key: string): string | undefined {
  let node: unknown = dict;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') {
      return undefined;
    }
    node = (node as Dictionary)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

function readStoredLang(): Lang {
  try {
    const stored = localStorage.getItem(LANG_STORAGE_KEY);
    return (LANGS as readonly string[]).includes(stored ?? '') ? (stored as Lang) : DEFAULT_LANG;
  } catch {
    return DEFAULT_LANG;
  }
}

/**
 * UI texts. zh-CN is the default; the choice is kept in localStorage and also switches the
 * document language and the Accept-Language sent to the API. ng-zorro's own locale follows it
 * through ZorroSetupService (kept out of the initial bundle).
 */
@Injectable({ providedIn: 'root' })
export class I18nService {
  private readonly document = inject(DOCUMENT);

  private readonly current = signal<Lang>(readStoredLang());

  /** The active UI language. */
  readonly lang = this.current.asReadonly();

  /** Value for the Accept-Language header understood by the host. */
  readonly acceptLanguage = computed(() => (this.current() === 'en' ? 'en' : 'zh-Hans'));

  constructor() {
    this.apply(this.current());
  }

  use(lang: Lang): void {
    if (!LANGS.includes(lang)) {
      return;
    }
    this.current.set(lang);
    try {
      localStorage.setItem(LANG_STORAGE_KEY, lang);
    } catch {
      // storage may be unavailable (private mode); the choice still applies to this page
    }
    this.apply(lang);
  }

  /**
   * Translates a dotted key, e.g. `t('tenants.created', { name: '兰州' })`.
   * Falls back to zh-CN, then to the key itself so a missing text is visible rather than blank.
   */
  t(key: string, params?: Record<string, unknown>): string {
    const text =
      lookup(DICTIONARIES[this.current()], key) ?? lookup(DICTIONARIES[DEFAULT_LANG], key) ?? key;
    if (!params) {
      return text;
    }
    return text.replace(/\{(\w+)\}/g, (match, name: string) =>
      params[name] === undefined || params[name] === null ? match : String(params[name]),
    );
  }

  private apply(lang: Lang): void {
    this.document.documentElement.lang = lang;
  }
}
