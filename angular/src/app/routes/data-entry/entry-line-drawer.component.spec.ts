import { HttpEventType } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { DataEntryEntryLineDto as EntryLineDto } from '@api/models';
import { pageProviders } from '@testing/page-setup';
import { EntryLineDrawerComponent } from './entry-line-drawer.component';

const line: EntryLineDto = {
  id: 'l4',
  indicatorCode: 'F01',
  indicatorName: '综治中心规范化建设',
  ruleKind: 'qualitative_grade',
  evidenceRequired: true,
  evidence: [{ id: 'e1', fileName: '旧照片.png', contentType: 'image/png', size: 1024 }],
};

describe('EntryLineDrawerComponent', () => {
  let fixture: ComponentFixture<EntryLineDrawerComponent>;
  let component: EntryLineDrawerComponent;
  let httpMock: HttpTestingController;
  let changes: { code: string; evidence: unknown[] }[];

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [EntryLineDrawerComponent],
      providers: pageProviders(),
    });
    httpMock = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(EntryLineDrawerComponent);
    component = fixture.componentInstance;
    fixture.componentRef.setInput('line', line);
    fixture.componentRef.setInput('writable', true);
    changes = [];
    component.evidenceChanged.subscribe((c) => changes.push(c));
    fixture.detectChanges();
    await fixture.whenStable();
  });

  afterEach(() => httpMock.verify());

  it('lists the evidence and uploads with a progress bar that ends at 100%', async () => {
    expect(document.body.textContent).toContain('旧照片.png');
    component.upload(new File(['png'], '新照片.png', { type: 'image/png' }));
    const req = httpMock.expectOne('/api/app/data-entry/lines/l4/evidence');
    req.event({ type: HttpEventType.UploadProgress, loaded: 50, total: 100 });
    expect(component.progress()).toBe(50);
    expect(component.uploading()).toBe(true);
    req.flush({ id: 'e2', fileName: '新照片.png', contentType: 'image/png', size: 3 });
    expect(component.progress()).toBe(100);
    expect(component.uploading()).toBe(false);
    expect(changes[0].code).toBe('F01');
    expect(changes[0].evidence).toHaveLength(2);
  });

  it("shows the host's type or size error of the file", async () => {
    component.upload(new File(['x'], 'a.exe'));
    httpMock
      .expectOne('/api/app/data-entry/lines/l4/evidence')
      .flush(
        { title: '文件类型不支持', status: 400, errors: { file: ['只接受 PDF、PNG、JPG 文件'] } },
        { status: 400, statusText: 'Bad Request' },
      );
    fixture.detectChanges();
    await fixture.whenStable();
    expect(component.uploadError()).toBe('只接受 PDF、PNG、JPG 文件');
    expect(component.progress()).toBeNull();
    expect(document.body.querySelector('[data-testid="evidence-error"]')!.textContent).toContain(
      '只接受',
    );
  });

  it('deletes a file and loads the value history', () => {
    component.remove(line.evidence![0]);
    const del = httpMock.expectOne('/api/app/data-entry/evidence/e1');
    expect(del.request.method).toBe('DELETE');
    del.flush(null);
    expect(changes[0].evidence).toEqual([]);

    component.loadHistory();
    httpMock.expectOne('/api/app/data-entry/lines/l4/history').flush([
      { id: 'h1', time: '2026-11-01T01:00:00Z', userName: 'clerk', newValue: { grade: '良' } },
      {
        id: 'h2',
        time: '2026-11-02T01:00:00Z',
        userName: 'admin',
        oldValue: { grade: '良' },
        newValue: { grade: '优' },
      },
    ]);
    // newest first
    expect(component.history().map((h) => h.id)).toEqual(['h2', 'h1']);
    expect(component.text(component.history()[0].newValue)).toBe('优');
  });

  it("shows the auditor's adjustment and the reason it was cleared in the history", () => {
    const tab = [...document.querySelectorAll<HTMLElement>('.ant-tabs-tab-btn')].find((t) =>
      t.textContent?.includes('修改记录'),
    );
    tab!.click();
    fixture.detectChanges();

    httpMock.expectOne('/api/app/data-entry/lines/l4/history').flush([
      {
        id: 'h1',
        time: '2026-11-01T01:00:00Z',
        userName: 'auditor',
        newValue: { grade: '良' },
        auditorScore: 2.5,
        adjustReason: '佐证不全',
      },
      {
        id: 'h2',
        time: '2026-11-02T01:00:00Z',
        userName: 'auditor',
        newValue: { grade: '良' },
        adjustClearReason: '已补交佐证',
      },
    ]);
    fixture.detectChanges();
    const page = document.body.textContent ?? '';
    expect(page).toContain('审核调整为 2.5 分，理由：佐证不全');
    expect(page).toContain('撤销审核调整，恢复自评得分，理由：已补交佐证');
  });
});
