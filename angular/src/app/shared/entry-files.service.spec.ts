import { HttpEventType, HttpHeaders, HttpResponse, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { EntryFilesService, fileNameOf } from './entry-files.service';

describe('EntryFilesService', () => {
  let service: EntryFilesService;
  let httpMock: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    service = TestBed.inject(EntryFilesService);
    httpMock = TestBed.inject(HttpTestingController);
  });

  afterEach(() => httpMock.verify());

  it('uploads evidence as multipart "file" and reports progress', () => {
    const events: number[] = [];
    service
      .uploadEvidence('l1', new File(['abc'], '照片.png', { type: 'image/png' }))
      .subscribe((e) => events.push(e.type));
    const req = httpMock.expectOne('/api/app/data-entry/lines/l1/evidence');
    expect(req.request.method).toBe('POST');
    expect((req.request.body as FormData).get('file')).toBeInstanceOf(File);
    expect(req.request.reportProgress).toBe(true);
    req.event({ type: HttpEventType.UploadProgress, loaded: 1, total: 3 });
    req.flush({ id: 'e1', fileName: '照片.png' });
    expect(events).toContain(HttpEventType.UploadProgress);
    expect(events).toContain(HttpEventType.Response);
  });

  it('downloads a blob with the name from Content-Disposition', () => {
    let name = '';
    service.download('/api/app/data-entry/periods/p1/xlsx', 'fallback.xlsx').subscribe((f) => {
      name = f.fileName;
    });
    httpMock.expectOne('/api/app/data-entry/periods/p1/xlsx').flush(new Blob(['x']), {
      headers: { 'Content-Disposition': "attachment; filename*=UTF-8''2026%E5%B9%B4.xlsx" },
    });
    expect(name).toBe('2026年.xlsx');
    const plain = new HttpResponse({
      headers: new HttpHeaders({ 'Content-Disposition': 'attachment; filename="a.pdf"' }),
    });
    expect(fileNameOf(plain, 'x')).toBe('a.pdf');
    expect(fileNameOf(new HttpResponse({}), 'x')).toBe('x');
  });

  it('prefers the encoded name and allows spaces around "="', () => {
    const both = new HttpResponse({
      headers: new HttpHeaders({
        'Content-Disposition':
          "attachment; filename=___-2026-v1.json; filename*=UTF-8''%E7%A4%BA%E4%BE%8B-2026-v1.json",
      }),
    });
    expect(fileNameOf(both, 'x')).toBe('示例-2026-v1.json');
    const spaced = new HttpResponse({
      headers: new HttpHeaders({ 'Content-Disposition': 'attachment; filename = "a.json"' }),
    });
    expect(fileNameOf(spaced, 'x')).toBe('a.json');
  });
});
