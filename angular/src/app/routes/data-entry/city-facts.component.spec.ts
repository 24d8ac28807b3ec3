import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { pageProviders, settle } from '@testing/page-setup';
import { CityFactsComponent } from './city-facts.component';

describe('CityFactsComponent', () => {
  let fixture: ComponentFixture<CityFactsComponent>;
  let component: CityFactsComponent;
  let httpMock: HttpTestingController;
  let el: HTMLElement;

  async function render(): Promise<void> {
    await settle(fixture);
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [CityFactsComponent],
      providers: pageProviders(),
    });
    httpMock = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CityFactsComponent);
    component = fixture.componentInstance;
    el = fixture.nativeElement;
    fixture.componentRef.setInput('periodId', 'p1');
    fixture.componentRef.setInput('writable', true);
    fixture.componentRef.setInput('definition', {
      vetoes: [
        {
          code: 'V1',
          name: '政治安全',
          trigger_fact: 'political_security_incident',
          trigger_text: '发生危害国家政治安全的重大案事件',
        },
      ],
      bonus: { items: [{ code: 'X01', name: '见义勇为' }] },
    });
    fixture.componentRef.setInput('facts', {
      vetoFacts: {},
      bonusCounts: { X01: 2 },
      dataItems: {},
      concurrencyStamp: 'f1',
    });
    await render();
  });

  afterEach(() => httpMock.verify());

  it('shows every veto and bonus item of the scheme', () => {
    expect(el.textContent).toContain('发生危害国家政治安全的重大案事件');
    expect(el.textContent).toContain('X01 见义勇为');
    expect(component.bonus('X01')).toBe(2);
  });

  it('saves with the stamp; a 409 keeps the input and takes the new stamp', async () => {
    component.setVeto('political_security_incident', true);
    component.setBonus('X01', 3);
    component.save();
    const req = httpMock.expectOne('/api/app/data-entry/periods/p1/facts');
    expect(req.request.body).toEqual({
      vetoFacts: { political_security_incident: true },
      bonusCounts: { X01: 3 },
      dataItems: {},
      note: null,
      concurrencyStamp: 'f1',
    });
    req.flush(
      { title: '已被他人修改', status: 409, current: { concurrencyStamp: 'f2' } },
      { status: 409, statusText: 'Conflict' },
    );
    await render();
    expect(el.querySelector('[data-testid="facts-conflict"]')).not.toBeNull();
    expect(component.bonus('X01')).toBe(3);
    component.save();
    const retry = httpMock.expectOne('/api/app/data-entry/periods/p1/facts');
    expect(retry.request.body.concurrencyStamp).toBe('f2');
    retry.flush(
      { title: '无效', status: 400, errors: { 'bonusCounts.X01': ['不能为负数'] } },
      { status: 400, statusText: 'Bad Request' },
    );
    await render();
    expect(component.fieldError('bonusCounts.X01')).toBe('不能为负数');
  });
});
