import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { DataEntryEntryLineDto as EntryLineDto } from '@api/models';
import { Permissions } from '@core/permissions';
import { pageProviders, settle, signIn } from '@testing/page-setup';
import { DataEntryStore } from './data-entry.store';
import { EntryOverrideReasonComponent } from './entry-override-reason.component';

const SOURCE = '公安局 · 警情推送';
const URL = '/api/app/data-entry/periods/p1/lines/B04';

function fed(overrides: Partial<EntryLineDto> = {}): EntryLineDto {
  return {
    id: 'l1',
    periodId: 'p1',
    indicatorCode: 'B04',
    indicatorName: '矛盾纠纷化解率',
    ruleKind: 'threshold_bands',
    maxPoints: 4,
    value: { number: 80 },
    reported: true,
    status: 'Draft',
    evidence: [],
    concurrencyStamp: 's1',
    sourceName: SOURCE,
    sourceText: `数据接口：${SOURCE}`,
    ...overrides,
  };
}

describe('EntryOverrideReasonComponent', () => {
  let fixture: ComponentFixture<EntryOverrideReasonComponent>;
  let store: DataEntryStore;
  let httpMock: HttpTestingController;

  async function render(): Promise<void> {
    await settle(fixture);
  }

  const body = () => document.body;

  function typeReason(text: string): void {
    const box = body().querySelector<HTMLTextAreaElement>('[data-testid="override-reason"]')!;
    box.value = text;
    box.dispatchEvent(new Event('input'));
  }

  function change(to: string): void {
    store.onNumber(store.lines()[0], to);
    store.save(store.lines()[0]);
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [EntryOverrideReasonComponent],
      providers: pageProviders(DataEntryStore),
    });
    httpMock = signIn([Permissions.DataEntry.Default], { tenantId: 't1', tenantName: 'lanzhou' });
    store = TestBed.inject(DataEntryStore);
    store.load();
    httpMock
      .expectOne((r) => r.url === '/api/app/periods')
      .flush([{ id: 'p1', schemeId: 's1', name: '2026年度考核', status: 'Open' }]);
    httpMock.expectOne('/api/app/schemes/s1').flush({ id: 's1', definition: { categories: [] } });
    httpMock.expectOne('/api/app/data-entry/periods/p1').flush({
      periodId: 'p1',
      submissionStatus: 'Draft',
      writable: true,
      lines: [fed()],
    });
    fixture = TestBed.createComponent(EntryOverrideReasonComponent);
  });

  afterEach(() => httpMock.verify());

  it('asks for the reason before saving a changed fed value and sends it with the save', async () => {
    change('90');
    httpMock.expectNone(URL);
    await render();
    expect(body().querySelector('[data-testid="override-source"]')!.textContent).toContain(SOURCE);

    // No reason, no save.
    fixture.componentInstance.confirm();
    httpMock.expectNone(URL);

    typeReason('公安局数据漏报一起');
    fixture.componentInstance.confirm();
    const save = httpMock.expectOne(URL);
    expect(save.request.body.value).toEqual({ number: 90 });
    expect(save.request.body.overrideReason).toBe('公安局数据漏报一起');
    const mark = `人工修改，原值来自数据接口：${SOURCE}（原因：公安局数据漏报一起）`;
    save.flush(
      fed({
        value: { number: 90 },
        concurrencyStamp: 's2',
        sourceName: null,
        overriddenSourceName: SOURCE,
        overrideReason: '公安局数据漏报一起',
        sourceText: mark,
      }),
    );
    expect(store.lines()[0].sourceText).toBe(mark);
    expect(store.drafts.overrides.ask()).toBeNull();

    // The value is no longer fed: the next change is saved without asking.
    change('91');
    const next = httpMock.expectOne(URL);
    expect(next.request.body.overrideReason).toBeUndefined();
    next.flush(fed({ value: { number: 91 }, sourceName: null, sourceText: mark }));
  });

  it('puts the fed value back when the person gives up the change', async () => {
    change('90');
    await render();
    expect(store.drafts.overrides.ask()?.code).toBe('B04');

    fixture.componentInstance.cancel();

    expect(store.drafts.overrides.ask()).toBeNull();
    expect(store.drafts.drafts()['B04']).toBeUndefined();
    expect(store.drafts.value(store.lines()[0]).number).toBe(80);
    httpMock.expectNone(URL);
  });

  it('asks again with the host message when the host refuses the reason', async () => {
    change('90');
    await render();
    typeReason('x');
    fixture.componentInstance.confirm();
    const message = `该值来自数据接口“${SOURCE}”，人工修改须填写原因（不超过500个字符）。`;
    httpMock
      .expectOne(URL)
      .flush(
        { status: 400, title: message, errors: { overrideReason: [message] } },
        { status: 400, statusText: 'Bad Request' },
      );
    await render();

    expect(store.drafts.overrides.ask()?.message).toBe(message);
    expect(body().querySelector('nz-alert')!.textContent).toContain(message);
    expect(store.drafts.value(store.lines()[0]).number).toBe(90);
  });
});
