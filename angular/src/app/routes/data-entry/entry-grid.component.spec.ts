import { HttpTestingController } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { DataEntryEntryLineDto as EntryLineDto } from '@api/models';
import { Permissions } from '@core/permissions';
import { pageProviders, signIn } from '@testing/page-setup';
import { DataEntryComponent } from './data-entry.component';
import {
  ENTRY_GRID_QUIET_MS,
  EntryGridDrawing,
  FIRST_LINES,
  STEP_LINES,
  firstLines,
} from './entry-grid-drawing';
import { EntryGroup } from './entry-grid-view';

/** A long sheet: 60 lines of category A, then 60 of B, each entered as a number (5 points). */
const CODES = [
  ...Array.from({ length: 60 }, (_, i) => `A${i + 1}`),
  ...Array.from({ length: 60 }, (_, i) => `B${i + 1}`),
];
const definition = {
  categories: ['A', 'B'].map((category) => ({
    code: category,
    name: category === 'A' ? '政治安全' : '治安防控',
    indicators: CODES.filter((c) => c.startsWith(category)).map((code) => ({
      code,
      name: `指标${code}`,
      max_points: 5,
      rule: { kind: 'ratio_to_target' },
    })),
  })),
};

function line(code: string): EntryLineDto {
  return {
    id: null,
    periodId: 'p1',
    indicatorCode: code,
    indicatorName: `指标${code}`,
    ruleKind: 'ratio_to_target',
    maxPoints: 5,
    value: {},
    reported: false,
    status: 'Draft',
    evidence: [],
    concurrencyStamp: null,
  };
}

// 120 rows: rendering them takes a few seconds on a busy machine
describe('entry grid of a long sheet', { timeout: 60_000 }, () => {
  let fixture: ComponentFixture<DataEntryComponent>;
  let httpMock: HttpTestingController;
  let el: HTMLElement;

  // No dev-mode second pass: the closed evidence drawer's own (ng-zorro) template fails it now and then while the
  // grid draws later lines; this spec is about which lines are drawn.
  async function render(): Promise<void> {
    fixture.detectChanges(false);
    await fixture.whenStable();
    fixture.detectChanges(false);
  }

  /** Opens the page on the long sheet; the grid draws more after `quietMs` without a click or a key. */
  async function open(quietMs: number): Promise<void> {
    TestBed.configureTestingModule({
      imports: [DataEntryComponent],
      providers: [...pageProviders(), { provide: ENTRY_GRID_QUIET_MS, useValue: quietMs }],
    });
    httpMock = signIn([Permissions.DataEntry.Default], { tenantId: 't1', tenantName: 'lanzhou' });
    fixture = TestBed.createComponent(DataEntryComponent);
    el = fixture.nativeElement;
    fixture.detectChanges();
    httpMock
      .expectOne((r) => r.url === '/api/app/periods')
      .flush([{ id: 'p1', schemeId: 's1', name: '2026年度考核', status: 'Open' }]);
    httpMock.expectOne('/api/app/schemes/s1').flush({ id: 's1', definition });
    httpMock.expectOne('/api/app/data-entry/periods/p1').flush({
      periodId: 'p1',
      periodStatus: 'Open',
      submissionStatus: 'Draft',
      writable: true,
      factsWritable: true,
      lines: CODES.map(line),
      facts: { vetoFacts: {}, bonusCounts: {}, dataItems: {}, concurrencyStamp: 'f1' },
    });
    await render();
  }

  beforeEach(() => open(0));

  afterEach(() => {
    httpMock.verify();
    el.remove();
  });

  function drawn(): string[] {
    return Array.from(el.querySelectorAll('tr[data-line]')).map((r) =>
      r.getAttribute('data-line')!,
    );
  }

  /** Lets the grid draw its later steps. */
  async function drawRest(): Promise<void> {
    while (el.querySelector('[data-testid="entry-more"]')) {
      await new Promise((resolve) => setTimeout(resolve));
      await render();
    }
  }

  it('draws the first screen at once and the other lines after it, subtotals over the whole category', async () => {
    expect(drawn().slice(0, FIRST_LINES)).toEqual(CODES.slice(0, FIRST_LINES));
    expect(el.querySelector('[data-subtotal="A"]')!.textContent).toContain('300');

    await drawRest();
    expect(drawn()).toEqual(CODES);
    expect(el.querySelector('[data-subtotal="B"]')!.textContent).toContain('300');
  });

  it('Enter on the last line drawn draws the rest and goes down to the next line', async () => {
    document.body.appendChild(el); // focus needs an attached element
    expect(el.querySelector('[data-testid="entry-more"]')).not.toBeNull();
    const last = drawn().at(-1)!;
    const next = CODES[CODES.indexOf(last) + 1];
    const box = el.querySelector<HTMLInputElement>(`input[data-code="${last}"]`)!;
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await render();

    expect(drawn()).toEqual(CODES);
    expect(el.querySelector('[data-testid="entry-more"]')).toBeNull();
    expect(document.activeElement).toBe(el.querySelector(`input[data-code="${next}"]`));
  });

  it('tells the drawing of each click and key in the grid', () => {
    const noted = vi.spyOn(EntryGridDrawing.prototype, 'noteActivity');
    const box = el.querySelector('tr[data-line] input')!;
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    box.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    expect(noted).toHaveBeenCalledTimes(2);
    noted.mockRestore();
  });

  it('starts again from the first screen when a filter is picked', async () => {
    await drawRest();
    el.querySelector<HTMLElement>('[data-filter="unreported"] input')!.click();
    await render();
    expect(drawn()).toEqual(CODES.slice(0, FIRST_LINES));
    await drawRest();
    expect(drawn()).toEqual(CODES);
  });
});

describe('entry grid drawing', () => {
  const group = (code: string, n: number): EntryGroup => ({
    code,
    name: code,
    lines: Array.from({ length: n }, (_, i) => line(`${code}${i + 1}`)),
    points: 1,
    maxPoints: n * 5,
  });

  afterEach(() => vi.useRealTimers());

  it('draws the later lines only once the user has paused for the quiet time', () => {
    vi.useFakeTimers();
    const total = signal(0);
    const drawing = TestBed.runInInjectionContext(
      () =>
        new EntryGridDrawing(
          { groups: signal([group('A', 60)]), total, restart: signal('p1') },
          1500,
        ),
    );
    TestBed.tick();
    total.set(60); // the sheet's lines arrive: the quiet time counts from here
    TestBed.tick();
    expect(drawing.pending()).toBe(60 - FIRST_LINES);

    vi.advanceTimersByTime(1000);
    drawing.noteActivity(); // a key within the quiet time puts the next step off again
    vi.advanceTimersByTime(1400);
    TestBed.tick();
    expect(drawing.pending()).toBe(60 - FIRST_LINES);

    vi.advanceTimersByTime(200);
    TestBed.tick();
    expect(drawing.pending()).toBe(60 - FIRST_LINES - STEP_LINES);
  });

  it('cuts the groups to the first lines, each group keeping its subtotal', () => {
    const cut = firstLines([group('A', 3), group('B', 3), group('C', 3)], 4);
    expect(cut.map((g) => [g.code, g.lines.length, g.maxPoints])).toEqual([
      ['A', 3, 15],
      ['B', 1, 15],
    ]);
    expect(firstLines([group('A', 3)], 10)[0].lines).toHaveLength(3);
  });
});
