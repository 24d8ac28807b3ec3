import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { appConfig } from '@testing/fixtures';
import { schemeDto } from '@testing/scheme-fixtures';
import { Permissions } from '@core/permissions';
import { SessionService } from '@core/session/session.service';
import { pageProviders, settle } from '@testing/page-setup';
import { SchemeDetailComponent } from './scheme-detail.component';
import { PREVIEW_DEBOUNCE_MS } from './scheme-preview.component';

describe('SchemeDetailComponent', () => {
  let fixture: ComponentFixture<SchemeDetailComponent>;
  let component: SchemeDetailComponent;
  let httpMock: HttpTestingController;
  let el: HTMLElement;

  const render = (): Promise<void> => settle(fixture);

  async function setup(status: string): Promise<void> {
    TestBed.configureTestingModule({
      imports: [SchemeDetailComponent],
      providers: pageProviders({ provide: PREVIEW_DEBOUNCE_MS, useValue: 0 }),
    });
    httpMock = TestBed.inject(HttpTestingController);
    TestBed.inject(SessionService).load().subscribe();
    httpMock
      .expectOne('/api/app/application-configuration')
      .flush(
        appConfig([
          Permissions.Schemes.Default,
          Permissions.Schemes.Manage,
          Permissions.Schemes.Publish,
        ]),
      );
    fixture = TestBed.createComponent(SchemeDetailComponent);
    fixture.componentRef.setInput('id', 's1');
    component = fixture.componentInstance;
    el = fixture.nativeElement;
    fixture.detectChanges();
    httpMock
      .expectOne('/api/app/schemes/s1')
      .flush(schemeDto({ status, publishedTime: status === 'Draft' ? null : '2026-11-02' }));
    await render();
  }

  afterEach(() => httpMock.verify());

  it('shows the indicators with Chinese rule kinds, parameters and score sources', async () => {
    await setup('Published');
    const rows = Array.from(
      el.querySelectorAll('[data-testid="indicator-table"] tbody tr.ant-table-row'),
    );
    expect(rows.map((r) => r.getAttribute('data-code'))).toEqual(['A01', 'A11', 'I01']);
    const i01 = rows[2].textContent!;
    expect(i01).toContain('群众安全感');
    expect(i01).toContain('差距扣分');
    expect(i01).toContain('满分线 96');
    expect(i01).toContain('群众评价');
    expect(el.querySelector('[data-testid="bonus-card"]')!.textContent).toContain('加分上限 5 分');
    expect(el.querySelector('[data-testid="veto-card"]')!.textContent).toContain('扣分');
    // a published scheme can be archived, not published or deleted
    expect(el.querySelector('[data-testid="scheme-archive"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="scheme-publish"]')).toBeNull();
    expect(el.querySelector('[data-testid="scheme-delete"]')).toBeNull();
  });

  it('lists every publish problem grouped by indicator code, beside the indicators too', async () => {
    await setup('Draft');
    component.publish();
    httpMock.expectOne({ url: '/api/app/schemes/s1/publish', method: 'POST' }).flush(
      {
        title: '考评方案有4处问题，请查看标出的项目。',
        code: 'Scheme:Invalid',
        errors: {
          I01: ['计分规则缺少参数“full_at”。', '计分规则参数“cap”（9）超过指标分值6分。'],
          A01: ['指标分值必须大于0（当前为0）。'],
          scheme: ['各指标分值合计96分，与方案总分100分不一致。'],
        },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await render();

    expect(component.publishProblems()!.map((g) => g.target)).toEqual(['scheme', 'A01', 'I01']);
    const alert = el.querySelector('[data-testid="publish-problems"]')!;
    expect(alert.textContent).toContain('考评方案有4处问题');
    const groups = Array.from(alert.querySelectorAll('[data-testid="problem-group"]'));
    expect(groups.map((g) => g.querySelector('strong')!.textContent!.trim())).toEqual([
      '方案整体',
      'A01 重大涉政案事件防范',
      'I01 群众安全感',
    ]);
    expect(groups[2].querySelectorAll('li')).toHaveLength(2);
    const i01 = el.querySelector('[data-testid="indicator-table"] tr[data-code="I01"]')!;
    expect(i01.textContent).toContain('计分规则缺少参数“full_at”。');
  });
});
