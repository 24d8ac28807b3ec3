import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { Router } from '@angular/router';
import { NzModalService } from 'ng-zorro-antd/modal';

import { AgreementsAgreementDto as AgreementDto } from '@api/models';
import { pageProviders, settle, signIn } from '@testing/page-setup';
import { Permissions } from '@core/permissions';
import { unsavedChangesGuard } from '@shared/unsaved-changes';
import { AgreementDetailComponent, fileSize, updateBody } from './agreement-detail.component';
import { agreementDto } from './agreement-fixtures';
import { AgreementReportDialogComponent } from './detail/agreement-report-dialog.component';
import { AgreementSignDialogComponent } from './detail/agreement-sign-dialog.component';
import { AGREEMENT_ROUTES } from './routes';

const LINES = [
  {
    code: 'A.1',
    name: '群众安全感',
    maxPoints: 5,
    schemeTarget: 96,
    target: null,
    effectiveTarget: 96,
  },
  { code: 'X.1', name: '增设指标', maxPoints: 2, target: 3, effectiveTarget: 3, isExtra: true },
];
const TASKS = [
  {
    code: 'T1',
    area: '平安建设',
    task: '推进网格化服务管理',
    percent: 40,
    status: 'InProgress',
    milestones: [{ title: '方案印发' }],
  },
];

describe('AgreementDetailComponent', () => {
  let fixture: ComponentFixture<AgreementDetailComponent>;
  let component: AgreementDetailComponent;
  let httpMock: HttpTestingController;
  let el: HTMLElement;

  function signDialog(): AgreementSignDialogComponent {
    return fixture.debugElement.query(By.directive(AgreementSignDialogComponent)).componentInstance;
  }

  function reportDialog(): AgreementReportDialogComponent {
    return fixture.debugElement.query(By.directive(AgreementReportDialogComponent))
      .componentInstance;
  }

  const render = (): Promise<void> => settle(fixture);

  function setup(granted: string[], tenantId: string | null, agreement: AgreementDto): void {
    TestBed.configureTestingModule({
      imports: [AgreementDetailComponent],
      providers: pageProviders(),
    });
    httpMock = signIn(granted, { tenantId, tenantName: tenantId ? 'lanzhou' : null });
    fixture = TestBed.createComponent(AgreementDetailComponent);
    component = fixture.componentInstance;
    fixture.componentRef.setInput('id', agreement.id);
    el = fixture.nativeElement;
    fixture.detectChanges();
    flushLoad(agreement);
  }

  function flushLoad(agreement: AgreementDto, attachments: unknown[] = []): void {
    httpMock.expectOne(`/api/app/agreements/${agreement.id}`).flush(agreement);
    httpMock.expectOne(`/api/app/agreements/${agreement.id}/attachments`).flush(attachments);
    httpMock.expectOne(`/api/app/agreements/${agreement.id}/versions`).flush([
      { id: 'a0', version: 1, status: 'Superseded' },
      { id: agreement.id, version: agreement.version, status: agreement.status },
    ]);
  }

  afterEach(() => httpMock.verify());

  const official = [Permissions.Agreements.Default, Permissions.Agreements.Manage];
  const cityAdmin = [
    Permissions.Agreements.Default,
    Permissions.Agreements.Sign,
    Permissions.Agreements.Report,
  ];

  it("lets the official edit a draft's targets and issue it", async () => {
    setup(official, null, agreementDto({ id: 'a1', version: 2, lines: LINES }));
    await render();
    expect(el.querySelector('[data-testid="agreement-issue"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="agreement-sign"]')).toBeNull();
    expect(el.querySelector('[data-testid="target-A.1"]')).not.toBeNull();

    component.draft.setTarget('A.1', 97);
    component.save();
    const put = httpMock.expectOne((r) => r.method === 'PUT');
    expect(put.request.url).toBe('/api/app/agreements/a1');
    expect(put.request.body.targets).toEqual([{ code: 'A.1', target: 97, note: undefined }]);
    expect(put.request.body.extraLines[0]).toEqual(
      expect.objectContaining({ code: 'X.1', target: 3, maxPoints: 2 }),
    );
    expect(put.request.body.concurrencyStamp).toBe('st1');
    put.flush(agreementDto({ id: 'a1', version: 2, lines: LINES, concurrencyStamp: 'st2' }));

    component.transition('issue');
    httpMock
      .expectOne((r) => r.method === 'POST' && r.url === '/api/app/agreements/a1/issue')
      .flush(agreementDto({ id: 'a1', version: 2, status: 'Issued' }));
    flushLoad(agreementDto({ id: 'a1', version: 2, status: 'Issued' }));
    await render();
    expect(el.querySelector('[data-testid="agreement-detail-status"]')!.textContent).toContain(
      '已下达',
    );
    expect(el.querySelector('[data-testid="agreement-issue"]')).toBeNull();
  });

  it('keeps the typed target and says so when the draft changed meanwhile (409)', async () => {
    setup(official, null, agreementDto({ id: 'a1', lines: LINES }));
    await render();
    component.draft.setTarget('A.1', 98);
    component.save();
    httpMock
      .expectOne((r) => r.method === 'PUT')
      .flush({ title: 'conflict' }, { status: 409, statusText: 'Conflict' });
    await render();
    expect(component.draft.targetOf('A.1', null)).toBe(98);
    expect(el.querySelector('[data-testid="agreement-save-error"]')!.textContent).toContain(
      '已被他人修改',
    );
  });

  it('the city signs an issued agreement: the scan first, then the signature', async () => {
    setup(cityAdmin, 'c1', agreementDto({ id: 'a1', status: 'Issued' }));
    await render();
    expect(el.querySelector('[data-testid="agreement-issue"]')).toBeNull();
    component.openSign();
    signDialog().sign();
    expect(signDialog().dialog.error()).toContain('扫描件');

    const scan = new File(['%PDF-1.4'], '签字盖章.pdf', { type: 'application/pdf' });
    signDialog().pickScan(scan as never);
    signDialog().signatory.set('王市长');
    signDialog().sign();
    const upload = httpMock.expectOne('/api/app/agreements/a1/attachments');
    expect(upload.request.method).toBe('POST');
    expect((upload.request.body as FormData).get('file')).toBeInstanceOf(File);
    upload.flush({ id: 'f1', fileName: '签字盖章.pdf', kind: 'SignedScan' });
    const sign = httpMock.expectOne('/api/app/agreements/a1/sign');
    expect(sign.request.body).toEqual({ signatory: '王市长' });
    sign.flush(agreementDto({ id: 'a1', status: 'Signed', signedByName: '王市长' }));
    flushLoad(
      agreementDto({
        id: 'a1',
        status: 'Signed',
        signedByName: '王市长',
        signedTime: '2026-03-01T00:00:00Z',
      }),
    );
    await render();
    expect(signDialog().dialog.open()).toBe(false);
    expect(el.querySelector('[data-testid="agreement-signed-by"]')!.textContent).toContain(
      '王市长',
    );
  });

  it("keeps the sign dialog open with the host's message when the scan is refused", async () => {
    setup(cityAdmin, 'c1', agreementDto({ id: 'a1', status: 'Issued' }));
    await render();
    component.openSign();
    signDialog().pickScan(new File(['x'], 'a.txt') as never);
    signDialog().sign();
    httpMock
      .expectOne('/api/app/agreements/a1/attachments')
      .flush({ title: '只接受 PDF、PNG 或 JPEG 文件' }, { status: 400, statusText: 'Bad Request' });
    httpMock.expectOne('/api/app/agreements/a1/attachments').flush([]);
    expect(signDialog().dialog.open()).toBe(true);
    expect(signDialog().dialog.error()).toContain('只接受 PDF');
    expect(signDialog().scan()!.name).toBe('a.txt');
  });

  it('reports key-task progress as multipart with the milestone', async () => {
    setup(cityAdmin, 'c1', agreementDto({ id: 'a1', status: 'InForce', keyTasks: TASKS }));
    await render();
    component.openReport(TASKS[0]);
    reportDialog().percent.set(60);
    reportDialog().milestone.set('方案印发');
    reportDialog().note.set(' 已印发 ');
    reportDialog().submit();
    const req = httpMock.expectOne('/api/app/agreements/a1/key-tasks/T1/progress');
    const form = req.request.body as FormData;
    expect(form.get('Percent')).toBe('60');
    expect(form.get('Milestone')).toBe('方案印发');
    expect(form.get('Note')).toBe('已印发');
    expect(form.get('file')).toBeNull();
    req.flush({ id: 'p1', percent: 60 });
    flushLoad(agreementDto({ id: 'a1', status: 'InForce', keyTasks: TASKS }));
  });

  it('the official amends an agreement in force and lands on the new draft', async () => {
    setup(official, null, agreementDto({ id: 'a1', status: 'InForce' }));
    await render();
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    expect(el.querySelector('[data-testid="agreement-close"]')).not.toBeNull();
    component.transition('amend');
    httpMock
      .expectOne('/api/app/agreements/a1/amend')
      .flush(agreementDto({ id: 'a2', version: 2 }));
    expect(navigate).toHaveBeenCalledWith(['/agreements', 'a2']);
  });

  it('shows the diff of two versions, older first', async () => {
    setup(official, null, agreementDto({ id: 'a1', version: 2, status: 'Issued' }));
    await render();
    component.tab.set(3);
    component.compare('a0');
    httpMock.expectOne('/api/app/agreements/a0/diff/a1').flush({
      fromVersion: 1,
      toVersion: 2,
      targetsChanged: [{ code: 'A.1', old: 96, new: 97 }],
      linesChanged: [{ code: 'A.1', fields: ['target', 'note'] }],
      listsChanged: [{ list: 'duties', added: ['落实网格员待遇'], removed: [] }],
    });
    await render();
    const text = el.querySelector('[data-testid="agreement-diff"]')!.textContent!;
    expect(text).toContain('第1版 → 第2版');
    expect(text).toMatch(/A\.1\s*:\s*96\s*→\s*97/);
    expect(text).toContain('目标值、备注');
    expect(text).toContain('+ 落实网格员待遇');
  });

  it('asks before leaving a draft with unsaved edits (back to the list, navigation, closing the tab)', async () => {
    setup(official, null, agreementDto({ id: 'a1', lines: LINES }));
    await render();
    const modal = TestBed.inject(NzModalService);
    let answer = false;
    const confirm = vi.spyOn(modal, 'confirm').mockImplementation((options) => {
      (answer ? (options?.nzOnOk as () => void) : (options?.nzOnCancel as () => void))();
      return {} as ReturnType<NzModalService['confirm']>;
    });
    const leave = () =>
      TestBed.runInInjectionContext(() => unsavedChangesGuard(component, null!, null!, null!));
    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };

    // The detail route carries the guard, so 返回列表 and any navigation away go through it.
    expect(AGREEMENT_ROUTES.find((r) => r.path === ':id')!.canDeactivate).toContain(
      unsavedChangesGuard,
    );
    expect(leave()).toBe(true);
    expect(unload()).toBe(false);
    expect(confirm).not.toHaveBeenCalled();

    component.draft.setTarget('A.1', 97);
    expect(component.hasUnsavedChanges()).toBe(true);
    expect(await leave()).toBe(false);
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(unload()).toBe(true);
    answer = true;
    expect(await leave()).toBe(true);

    component.save();
    httpMock
      .expectOne((r) => r.method === 'PUT')
      .flush(agreementDto({ id: 'a1', lines: LINES, concurrencyStamp: 'st2' }));
    expect(component.hasUnsavedChanges()).toBe(false);
    expect(leave()).toBe(true);
    expect(unload()).toBe(false);
    expect(confirm).toHaveBeenCalledTimes(2);
  });
});

describe('agreement helpers', () => {
  it('updateBody keeps everything but the edited targets', () => {
    const body = updateBody(
      agreementDto({ lines: LINES, keyTasks: TASKS, duties: ['d'] }),
      '标题',
      { 'X.1': null },
    );
    expect(body.title).toBe('标题');
    expect(body.targets).toEqual([{ code: 'A.1', target: null, note: undefined }]);
    expect(body.extraLines![0].target).toBeNull();
    expect(body.keyTasks![0]).toEqual(
      expect.objectContaining({ code: 'T1', milestones: [{ title: '方案印发' }] }),
    );
    expect(body.duties).toEqual(['d']);
  });

  it('fileSize', () => {
    expect(fileSize(1536 * 1024)).toBe('1.5 MB');
    expect(fileSize(100)).toBe('1 KB');
  });
});
