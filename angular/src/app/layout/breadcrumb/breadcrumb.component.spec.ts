import { Component, input, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, RouterOutlet, provideRouter, withComponentInputBinding } from '@angular/router';

import { I18nService } from '@core/i18n/i18n.service';
import { breadcrumbName } from '@shared/breadcrumbs';
import { BreadcrumbComponent } from './breadcrumb.component';

@Component({ selector: 'app-list-page', template: '<h1>考评方案</h1>' })
class ListPage {}

/** A detail page that knows its entity's name once loaded. */
@Component({ selector: 'app-detail-page', template: '<h1>{{ name() }}</h1>' })
class DetailPage {
  readonly id = input('');
  static readonly loaded = signal<string | null>(null);
  readonly name = DetailPage.loaded;
  protected readonly breadcrumb = breadcrumbName(() => this.name());
}

@Component({ selector: 'app-rounds-page', template: '<h1>督导轮次</h1>' })
class RoundsPage {}

@Component({
  selector: 'app-shell',
  imports: [BreadcrumbComponent, RouterOutlet],
  template: '<app-breadcrumb /><router-outlet />',
})
class Shell {}

describe('BreadcrumbComponent', () => {
  let router: Router;

  async function open(url: string): Promise<HTMLElement> {
    await router.navigateByUrl(url);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  function crumbs(el: HTMLElement): string[] {
    return Array.from(el.querySelectorAll('nz-breadcrumb-item')).map((c) =>
      c.textContent!.replace('/', '').trim(),
    );
  }

  let fixture: ReturnType<typeof TestBed.createComponent<Shell>>;

  beforeEach(() => {
    DetailPage.loaded.set(null);
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [
            { path: 'schemes', component: ListPage },
            { path: 'schemes/:id', component: DetailPage, data: { breadcrumb: 'menu.schemes' } },
            {
              path: 'supervision/rounds',
              component: RoundsPage,
              data: { breadcrumb: 'supervision.menu', breadcrumbName: 'supervision.rounds' },
            },
            {
              path: 'score-sheet',
              component: DetailPage,
              data: { breadcrumb: 'menu.scoreSheet', breadcrumbDrop: ['city'] },
            },
          ],
          withComponentInputBinding(),
        ),
      ],
    });
    router = TestBed.inject(Router);
    fixture = TestBed.createComponent(Shell);
  });

  it('shows the list and the entity name, and goes back to the list with its filters', async () => {
    let el = await open('/schemes?status=Draft&page=2');
    expect(el.querySelector('[data-testid="breadcrumb"]')).toBeNull();

    el = await open('/schemes/s1');
    // the name arrives with the scheme
    expect(el.querySelector('[data-testid="breadcrumb"]')).toBeNull();
    DetailPage.loaded.set('2026年度方案');
    fixture.detectChanges();
    expect(crumbs(el)).toEqual(['考评方案', '2026年度方案']);
    const back = el.querySelector<HTMLAnchorElement>('[data-testid="breadcrumb"] a')!;
    expect(back.getAttribute('href')).toBe('/schemes?status=Draft&page=2');

    back.click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(router.url).toBe('/schemes?status=Draft&page=2');
    expect(el.querySelector('[data-testid="breadcrumb"]')).toBeNull();
  });

  it('a page without an entity has its own label; the words follow the language', async () => {
    const el = await open('/supervision/rounds');
    expect(crumbs(el)).toEqual(['督导整改', '督导轮次']);
    TestBed.inject(I18nService).use('en');
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(crumbs(el).join(' / ')).not.toMatch(/[\u4e00-\u9fff]/);
    TestBed.inject(I18nService).use('zh-CN');
  });

  it('on the same path the crumb drops the picked city and keeps the period', async () => {
    DetailPage.loaded.set('兰州市');
    const el = await open('/score-sheet?period=p1&city=c1');
    expect(crumbs(el)).toEqual(['评分表', '兰州市']);
    expect(el.querySelector('[data-testid="breadcrumb"] a')!.getAttribute('href')).toBe(
      '/score-sheet?period=p1',
    );
  });
});
