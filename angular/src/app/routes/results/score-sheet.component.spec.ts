import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';

import { pageProviders, settle, signIn } from '@testing/page-setup';
import { ResultsScoreSheetRecordDto as ScoreSheetRecordDto } from '@api/models';
import { Permissions } from '@core/permissions';
import { ScoreSheetComponent, bandColour, changeText } from './score-sheet.component';

function sheet(overrides: Partial<ScoreSheetRecordDto> = {}): ScoreSheetRecordDto {
  return {
    id: 'r1',
    cityId: 'c1',
    cityName: '兰州市',
    periodId: 'p1',
    version: 1,
    kind: 'Published',
    isCurrent: true,
    total: 86.5,
    auditedTotal: 86.5,
    selfTotal: 88.2,
    maxPoints: 100,
    grade: '良好',
    colour: 'blue',
    rank: 2,
    change: -1.5,
    previousTotal: 88,
    categories: [
      {
        code: 'A',
        name: '政治安全',
        depth: 1,
        maxPoints: 10,
        points: 9,
        percent: 90,
        colour: 'green',
      },
    ],
    bonusLines: [],
    vetoes: [{ code: 'V4', name: '重大群体性事件', effectZh: '扣30分', effectEn: '-30' }],
    lines: [
      {
        indicatorCode: 'B02',
        indicatorName: '命案现案破案率',
        maxPoints: 4,
        value: 92,
        valueText: '92',
        referenceValue: 95,
        referenceSource: 'PreviousPeriod',
        referenceSourceText: '上期（2025年度）填报值',
        selfScore: 3.68,
        auditorScore: 3.5,
        adjustReason: '台账不一致',
        points: 3.5,
        explanationZh: '审核调整为3.5分',
        explanationEn: 'Adjusted to 3.5',
      },
    ],
    ...overrides,
  };
}

describe('ScoreSheetComponent', () => {
  let fixture: ComponentFixture<ScoreSheetComponent>;
  let component: ScoreSheetComponent;
  let httpMock: HttpTestingController;
  let el: HTMLElement;

  const render = (): Promise<void> => settle(fixture);

  function setup(granted: string[], tenant = false, url = '/'): Promise<void> | void {
    if (url !== '/') {
      return (async () => {
        configure(granted, tenant);
        await TestBed.inject(Router).navigateByUrl(url);
        create();
      })();
    }
    configure(granted, tenant);
    create();
  }

  function configure(granted: string[], tenant: boolean): void {
    TestBed.configureTestingModule({
      imports: [ScoreSheetComponent],
      providers: pageProviders(),
    });
    httpMock = signIn(granted, tenant ? { tenantId: 'c1', tenantName: 'lanzhou' } : {});
  }

  function create(): void {
    fixture = TestBed.createComponent(ScoreSheetComponent);
    component = fixture.componentInstance;
    el = fixture.nativeElement;
    fixture.detectChanges();
    const periods = httpMock.expectOne((r) => r.url === '/api/app/periods');
    expect(periods.request.params.get('Status')).toBe('Published');
    periods.flush([{ id: 'p1', name: '2026年9月', status: 'Published' }]);
  }

  afterEach(() => httpMock?.verify());

  it('formats change and colour bands', () => {
    expect(changeText(1.5)).toBe('+1.5');
    expect(changeText(-2)).toBe('-2');
    expect(changeText(null)).toBe('—');
    expect(bandColour('green')).toBe('green');
    expect(bandColour('红')).toBe('red');
    expect(bandColour('purple')).toBe('default');
  });

  it('a city reads its own sheet: total, grade, rank, change, vetoes, explanations, versions', async () => {
    setup([Permissions.Results.Default], true);
    httpMock.expectOne((r) => r.url === '/api/app/results/periods/p1/my-sheet').flush(sheet());
    httpMock
      .expectOne('/api/app/results/periods/p1/cities/c1/versions')
      .flush([sheet(), sheet({ id: 'r2', version: 2, kind: 'RetroactiveVeto', isCurrent: false })]);
    await render();
    expect(el.querySelector('[data-testid="sheet-ranking"]')).toBeNull();
    expect(el.querySelector('[data-testid="sheet-total"]')!.textContent).toContain('86.5');
    expect(el.querySelector('[data-testid="sheet-grade"]')!.textContent).toContain('良好');
    expect(el.textContent).toContain('-1.5');
    expect(el.querySelector('[data-testid="sheet-vetoes"]')!.textContent).toContain('扣30分');
    expect(el.querySelector('tr[data-line="B02"]')!.textContent).toContain('审核调整为3.5分');
    expect(component.versions().map((v) => v.version)).toEqual([2, 1]);
    expect(component.versionLabel(component.versions()[0])).toContain('追溯否决');
  });

  it('shows 审核总分 beside 自评总分, the 填报值 and the 参考值 with its source', async () => {
    setup([Permissions.Results.Default], true);
    httpMock.expectOne((r) => r.url === '/api/app/results/periods/p1/my-sheet').flush(sheet());
    httpMock.expectOne('/api/app/results/periods/p1/cities/c1/versions').flush([sheet()]);
    await render();
    expect(el.querySelector('[data-testid="sheet-summary"]')!.textContent).toContain('审核总分');
    expect(el.querySelector('[data-testid="sheet-self-total"]')!.textContent).toContain('88.2');
    const line = el.querySelector('tr[data-line="B02"]')!;
    expect(line.querySelector('[data-testid="line-value"]')!.textContent).toContain('92');
    expect(line.querySelector('[data-testid="line-reference"]')!.textContent).toContain('95');
    expect(line.querySelector('[data-testid="line-reference"]')!.textContent).toContain(
      '上期（2025年度）填报值',
    );
  });

  it('says where each value came from: by hand, a data feed, or a fed value changed by hand', async () => {
    setup([Permissions.Results.Default], true);
    const line = sheet().lines![0];
    const sourced = sheet({
      lines: [
        { ...line, source: 'Entered', sourceText: '人工录入' },
        {
          ...line,
          indicatorCode: 'B04',
          source: 'Fed',
          sourceName: '公安局 · 警情推送',
          sourceTimeLocal: '2026-12-01 10:00',
          sourceText: '数据接口：公安局 · 警情推送（2026-12-01 10:00 北京时间报送）',
        },
        {
          ...line,
          indicatorCode: 'C04',
          source: 'Overridden',
          sourceName: '公安局 · 警情推送',
          overrideReason: '含外市案件',
          sourceText: '人工修改，原值来自数据接口：公安局 · 警情推送（原因：含外市案件）',
        },
        { ...line, indicatorCode: 'I01', value: null, valueText: null },
      ],
    });
    httpMock.expectOne((r) => r.url === '/api/app/results/periods/p1/my-sheet').flush(sourced);
    httpMock.expectOne('/api/app/results/periods/p1/cities/c1/versions').flush([sourced]);
    await render();
    const source = (code: string) =>
      el.querySelector(`tr[data-line="${code}"] [data-testid="line-source"]`);
    expect(source('B02')!.textContent).toContain('人工录入');
    expect(source('B02')!.querySelector('nz-tag')).toBeNull();
    expect(source('B04')!.getAttribute('data-source')).toBe('Fed');
    expect(source('B04')!.querySelector('nz-tag')!.textContent).toContain(
      '公安局 · 警情推送（2026-12-01 10:00 北京时间报送）',
    );
    expect(source('C04')!.querySelector('nz-tag')!.textContent).toContain('原因：含外市案件');
    expect(source('I01')).toBeNull();
  });

  it('a city left out reads 未参评: no total, grade or rank', async () => {
    setup([Permissions.Results.Default], true);
    const left = sheet({
      notAssessed: true,
      total: null,
      auditedTotal: null,
      grade: null,
      rank: null,
      reason: '未按期报送',
      lines: [],
    });
    httpMock.expectOne((r) => r.url === '/api/app/results/periods/p1/my-sheet').flush(left);
    httpMock.expectOne('/api/app/results/periods/p1/cities/c1/versions').flush([left]);
    await render();
    expect(el.querySelector('[data-testid="sheet-not-assessed"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="sheet-total"]')!.textContent).toContain('未参评');
    expect(el.querySelector('[data-testid="sheet-grade"]')!.textContent).toContain('未参评');
    expect(el.textContent).not.toContain('不合格');
    expect(el.textContent).toContain('未按期报送');
  });

  it('the ranking shows a city left out as 未参评', async () => {
    setup([Permissions.Results.Default, Permissions.Review.Default]);
    httpMock.expectOne('/api/app/results/periods/p1/ranking').flush([
      {
        rank: 1,
        cityId: 'c2',
        cityName: '天水市',
        sheetId: 'r9',
        version: 1,
        total: 90,
        grade: '优秀',
      },
      {
        rank: null,
        cityId: 'c3',
        cityName: '张掖市',
        sheetId: 'r8',
        version: 1,
        total: null,
        notAssessed: true,
      },
    ]);
    await render();
    const cells = el.querySelectorAll('[data-testid="ranking-not-assessed"]');
    expect(cells).toHaveLength(1);
    expect(cells[0].textContent).toContain('未参评');
  });

  it('the province picks a city from the ranking and downloads its xlsx', async () => {
    setup([Permissions.Results.Default, Permissions.Review.Default]);
    httpMock.expectOne('/api/app/results/periods/p1/ranking').flush([
      {
        rank: 1,
        cityId: 'c2',
        cityName: '天水市',
        sheetId: 'r9',
        version: 1,
        total: 90,
        grade: '优秀',
        colour: 'green',
      },
      {
        rank: 2,
        cityId: 'c1',
        cityName: '兰州市',
        sheetId: 'r1',
        version: 1,
        total: 86.5,
        grade: '良好',
        colour: 'blue',
        change: -1.5,
      },
    ]);
    await render();
    const rows = el.querySelectorAll('[data-testid="sheet-ranking"] tbody tr.ant-table-row');
    expect(rows).toHaveLength(2);
    component.openRow(component.ranking()[1]);
    httpMock.expectOne('/api/app/results/sheets/r1').flush(sheet());
    httpMock.expectOne('/api/app/results/periods/p1/cities/c1/versions').flush([sheet()]);
    await render();
    expect(el.querySelector('[data-testid="sheet-title"]')!.textContent).toContain('兰州市');

    const create = vi.fn(() => 'blob:x');
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: vi.fn() });
    component.downloadXlsx();
    httpMock.expectOne('/api/app/results/sheets/r1/export/xlsx').flush(new Blob(['x']));
    expect(create).toHaveBeenCalled();
    component.downloadPdf();
    httpMock.expectOne('/api/app/results/sheets/r1/export/pdf').flush(new Blob(['%PDF']));
    expect(create).toHaveBeenCalledTimes(2);
  });
  it('keeps the picked city in the URL: a reload and Back restore it', async () => {
    await setup(
      [Permissions.Results.Default, Permissions.Review.Default],
      false,
      '/?period=p1&city=c1',
    );
    const router = TestBed.inject(Router);
    const ranking = [
      { rank: 1, cityId: 'c2', cityName: '天水市', sheetId: 'r9', version: 1, total: 90 },
      { rank: 2, cityId: 'c1', cityName: '兰州市', sheetId: 'r1', version: 1, total: 86.5 },
    ];
    // A reload of /score-sheet?period=p1&city=c1 opens 兰州市 again
    httpMock.expectOne('/api/app/results/periods/p1/ranking').flush(ranking);
    httpMock.expectOne('/api/app/results/sheets/r1').flush(sheet());
    httpMock.expectOne('/api/app/results/periods/p1/cities/c1/versions').flush([sheet()]);
    await render();
    expect(router.url).toBe('/?period=p1&city=c1');
    expect(el.querySelector('[data-testid="sheet-title"]')!.textContent).toContain('兰州市');

    el.querySelector<HTMLElement>('[data-testid="sheet-city-c2"]')!.click();
    httpMock
      .expectOne('/api/app/results/sheets/r9')
      .flush(sheet({ cityId: 'c2', cityName: '天水市' }));
    httpMock.expectOne('/api/app/results/periods/p1/cities/c2/versions').flush([]);
    await render();
    expect(router.url).toBe('/?period=p1&city=c2');
    expect(el.querySelector('[data-testid="sheet-title"]')!.textContent).toContain('天水市');

    // Back: 兰州市 again; further back: no city picked
    await router.navigateByUrl('/?period=p1&city=c1');
    httpMock.expectOne('/api/app/results/sheets/r1').flush(sheet());
    httpMock.expectOne('/api/app/results/periods/p1/cities/c1/versions').flush([sheet()]);
    await render();
    expect(component.cityId()).toBe('c1');
    expect(el.querySelector('[data-testid="sheet-title"]')!.textContent).toContain('兰州市');
    await router.navigateByUrl('/?period=p1');
    await render();
    expect(component.cityId()).toBeNull();
    expect(el.querySelector('[data-testid="sheet-title"]')).toBeNull();
  });

  it('opens the ranking of 300 cities at the page of the city shown, 20 a page', async () => {
    await setup(
      [Permissions.Results.Default, Permissions.Review.Default],
      false,
      '/?period=p1&city=c170',
    );
    const ranking = Array.from({ length: 300 }, (_, i) => ({
      rank: i + 1,
      cityId: `c${i}`,
      cityName: `城市${i}`,
      sheetId: `r${i}`,
      version: 1,
      total: 100 - i / 10,
    }));
    httpMock.expectOne('/api/app/results/periods/p1/ranking').flush(ranking);
    httpMock
      .expectOne('/api/app/results/sheets/r170')
      .flush(sheet({ id: 'r170', cityId: 'c170', cityName: '城市170' }));
    httpMock.expectOne('/api/app/results/periods/p1/cities/c170/versions').flush([]);
    await render();

    const rows = () =>
      Array.from(el.querySelectorAll('[data-testid="sheet-ranking"] tbody tr.ant-table-row'));
    expect(rows()).toHaveLength(20);
    // index 170 is on page 9 (rows 161–180)
    expect(rows()[0].getAttribute('data-city')).toBe('城市160');
    expect(rows()[10].classList).toContain('active');
    (
      el.querySelector(
        '[data-testid="sheet-ranking"] li.ant-pagination-item[title="15"]',
      ) as HTMLElement
    ).click();
    await render();
    expect(rows()[19].getAttribute('data-city')).toBe('城市299');
  });
});
