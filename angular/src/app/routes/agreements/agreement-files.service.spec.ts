import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { AgreementFilesService } from './agreement-files.service';

describe('AgreementFilesService', () => {
  let service: AgreementFilesService;
  let httpMock: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    service = TestBed.inject(AgreementFilesService);
    httpMock = TestBed.inject(HttpTestingController);
  });

  afterEach(() => httpMock.verify());

  it('downloads the Word export under the name the host gives', () => {
    const click = vi.fn();
    const create = vi.spyOn(document, 'createElement');
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    let anchor: HTMLAnchorElement | null = null;
    create.mockImplementation(((tag: string) => {
      const node = Document.prototype.createElement.call(document, tag) as HTMLAnchorElement;
      if (tag === 'a') {
        anchor = node;
        node.click = click;
      }
      return node;
    }) as typeof document.createElement);

    service.exportDocx('a1', 'fallback.docx').subscribe();
    httpMock.expectOne('/api/app/agreements/a1/export/docx').flush(new Blob(['x']), {
      headers: {
        'Content-Disposition': "attachment; filename*=UTF-8''%E8%B4%A3%E4%BB%BB%E4%B9%A6.docx",
      },
    });
    expect(click).toHaveBeenCalled();
    expect(anchor!.download).toBe('责任书.docx');
    create.mockRestore();
  });

  it('uploads a scan as multipart "file"', () => {
    service.uploadScan('a1', new File(['%PDF'], 's.pdf')).subscribe();
    const req = httpMock.expectOne('/api/app/agreements/a1/attachments');
    expect((req.request.body as FormData).get('file')).toBeInstanceOf(File);
    req.flush({});
  });
});
