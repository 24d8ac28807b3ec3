import { TestBed } from '@angular/core/testing';
import { NzI18nService } from 'ng-zorro-antd/i18n';

import { ZorroSetupService } from '@shared/zorro-setup.service';
import en from './en.json';
import { I18nService, LANG_STORAGE_KEY } from './i18n.service';
import zhCN from './zh-CN.json';

function keys(dict: object, prefix = ''): string[] {
  return Object.entries(dict).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('I18nService', () => {
  it('defaults to Simplified Chinese', () => {
    const i18n = TestBed.inject(I18nService);
    expect(i18n.lang()).toBe('zh-CN');
    expect(i18n.t('menu.tenants')).toBe('试点城市');
    expect(i18n.acceptLanguage()).toBe('zh-Hans');
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('switches to English, persists the choice and switches the ng-zorro locale', () => {
    const i18n = TestBed.inject(I18nService);
    TestBed.inject(ZorroSetupService);
    const nzI18n = TestBed.inject(NzI18nService);
    TestBed.tick();
    expect(nzI18n.getLocaleId()).toBe('zh-cn');

    i18n.use('en');
    TestBed.tick();
    expect(i18n.t('menu.tenants')).toBe('Pilot cities');
    expect(i18n.acceptLanguage()).toBe('en');
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('en');
    expect(nzI18n.getLocaleId()).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('restores the stored language on start-up', () => {
    localStorage.setItem(LANG_STORAGE_KEY, 'en');
    const i18n = TestBed.inject(I18nService);
    expect(i18n.lang()).toBe('en');
    expect(i18n.t('login.submit')).toBe('Sign in');
  });

  it('ignores an unknown stored language', () => {
    localStorage.setItem(LANG_STORAGE_KEY, 'fr');
    expect(TestBed.inject(I18nService).lang()).toBe('zh-CN');
  });

  it('fills parameters and shows the key of a missing text', () => {
    const i18n = TestBed.inject(I18nService);
    expect(i18n.t('tenants.created', { name: '兰州市' })).toBe('已创建试点城市「兰州市」');
    expect(i18n.t('no.such.key')).toBe('no.such.key');
  });

  it('has the same keys in both dictionaries', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });
});
