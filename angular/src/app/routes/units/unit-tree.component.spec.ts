import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { OrganizationUnitsOrganizationUnitDto as UnitDto } from '@api/models';
import { Permissions } from '@core/permissions';
import { pageProviders, settle, signIn } from '@testing/page-setup';
import { UnitTreeComponent } from './unit-tree.component';
import { flatten, toNodes, unitOptions } from './unit-tree';

const TREE: UnitDto[] = [
  {
    id: 'u1',
    code: 'chengguan',
    name: '城关区',
    kind: 'District',
    memberCount: 1,
    children: [
      {
        id: 'u2',
        code: 'gw',
        name: '城关区网格中心',
        kind: 'Department',
        parentId: 'u1',
        children: [],
      },
    ],
  },
  { id: 'u3', code: 'zfw', name: '市委政法委', kind: 'Department', children: [] },
];

describe('UnitTreeComponent', () => {
  let fixture: ComponentFixture<UnitTreeComponent>;
  let component: UnitTreeComponent;
  let httpMock: HttpTestingController;
  let el: HTMLElement;

  const render = (): Promise<void> => settle(fixture);

  function setup(granted: string[]): void {
    TestBed.configureTestingModule({
      imports: [UnitTreeComponent],
      providers: pageProviders(),
    });
    httpMock = signIn(granted, { tenantId: 'c1', tenantName: 'lanzhou' });
    fixture = TestBed.createComponent(UnitTreeComponent);
    component = fixture.componentInstance;
    el = fixture.nativeElement;
    fixture.detectChanges();
    httpMock.expectOne('/api/app/organization-units?includeClosed=false').flush(TREE);
  }

  afterEach(() => httpMock.verify());

  const admin = [
    Permissions.OrganizationUnits.Default,
    Permissions.OrganizationUnits.Manage,
    Permissions.Users.Default,
  ];

  function selectLanzhouDistrict(): void {
    component.select('u1');
    httpMock
      .expectOne('/api/app/organization-units/u1/members')
      .flush([{ userId: 'x1', userName: 'clerk', name: '张填报' }]);
    httpMock
      .expectOne((r) => r.url === '/api/app/users')
      .flush({
        items: [
          { id: 'x1', userName: 'clerk' },
          { id: 'x2', userName: 'li', name: '李四' },
        ],
      });
  }

  it('shows the tree, the picked unit and its members', async () => {
    setup(admin);
    await render();
    expect(el.querySelector('[data-testid="unit-tree"]')!.textContent).toContain('城关区网格中心');
    selectLanzhouDistrict();
    await render();
    expect(el.querySelector('[data-testid="unit-detail"]')!.textContent).toContain('chengguan');
    expect(el.querySelector('[data-testid="unit-members"]')!.textContent).toContain('张填报');
    expect(el.querySelector('[data-testid="unit-close"]')).not.toBeNull();
  });

  it('creates a sub-unit under the picked one', async () => {
    setup(admin);
    selectLanzhouDistrict();
    component.openDialog('create', true);
    component.form.patchValue({ code: ' jd1 ', name: '东岗街道' });
    component.submit();
    const req = httpMock.expectOne(
      (r) => r.method === 'POST' && r.url === '/api/app/organization-units',
    );
    expect(req.request.body).toEqual({ code: 'jd1', name: '东岗街道', kind: 3, parentId: 'u1' });
    req.flush({ id: 'u9', name: '东岗街道' });
    httpMock.expectOne('/api/app/organization-units?includeClosed=false').flush(TREE);
    httpMock.expectOne('/api/app/organization-units/u9/members').flush([]);
    httpMock.expectOne((r) => r.url === '/api/app/users').flush({ items: [] });
    expect(component.dialog()).toBeNull();
  });

  it('picks a unit just created and offers the current users in its 人员 picker', async () => {
    setup(admin);
    await render();
    component.openDialog('create');
    component.form.patchValue({ code: '620102', name: '城关区' });
    component.submit();
    httpMock
      .expectOne((r) => r.method === 'POST' && r.url === '/api/app/organization-units')
      .flush({ id: 'u9', name: '城关区' });
    httpMock
      .expectOne('/api/app/organization-units?includeClosed=false')
      .flush([
        ...TREE,
        { id: 'u9', code: '620102', name: '城关区', kind: 'District', children: [] },
      ]);
    httpMock.expectOne('/api/app/organization-units/u9/members').flush([]);
    httpMock
      .expectOne((r) => r.url === '/api/app/users')
      .flush({ items: [{ id: 'x7', userName: 'new-clerk', name: '新来的' }] });
    await render();

    expect(component.selectedId()).toBe('u9');
    expect(el.querySelector('[data-testid="unit-detail"]')!.textContent).toContain('620102');
    expect(component['candidates']().map((u) => u.userName)).toEqual(['new-clerk']);
    expect(el.querySelector('[data-testid="unit-member-user"]')).not.toBeNull();

    // Picking another unit asks for the users again: someone created meanwhile is there.
    component.select('u3');
    httpMock.expectOne('/api/app/organization-units/u3/members').flush([]);
    httpMock
      .expectOne((r) => r.url === '/api/app/users')
      .flush({
        items: [
          { id: 'x7', userName: 'new-clerk' },
          { id: 'x8', userName: 'later' },
        ],
      });
    expect(component['candidates']().map((u) => u.userName)).toEqual(['new-clerk', 'later']);
  });

  it('shows a unit code example that is not pinyin', async () => {
    setup(admin);
    await render();
    component.openDialog('create');
    await render();
    const hint = document.querySelector('.ant-form-item-extra')?.textContent ?? '';
    expect(hint).toContain('620102');
    expect(hint).not.toMatch(/chengguan/i);
  });

  it("moving offers no unit of its own subtree and shows the host's error, keeping the dialog", async () => {
    setup(admin);
    selectLanzhouDistrict();
    component.openDialog('move');
    await render();
    expect(component['parentOptions']().map((o) => o.id)).toEqual(['u3']);
    component.form.controls.parentId.setValue('u3');
    component.submit();
    httpMock
      .expectOne('/api/app/organization-units/u1/move')
      .flush(
        { title: '不能把“城关区”移到它自己或它的下级单位之下。' },
        { status: 400, statusText: 'Bad Request' },
      );
    await render();
    expect(component.dialog()).toBe('move');
    expect(component.dialogError()).toContain('不能把');
  });

  it('adds and removes members', async () => {
    setup(admin);
    selectLanzhouDistrict();
    component.addUserId.set('x2');
    component.addMember();
    httpMock.expectOne('/api/app/organization-units/u1/members/x2').flush(null);
    httpMock.expectOne('/api/app/organization-units/u1/members').flush([]);
    httpMock.expectOne((r) => r.url === '/api/app/users').flush({ items: [] });
    httpMock.expectOne('/api/app/organization-units?includeClosed=false').flush(TREE);

    component.removeMember({ userId: 'x1' });
    const del = httpMock.expectOne('/api/app/organization-units/u1/members/x1');
    expect(del.request.method).toBe('DELETE');
    del.flush(null);
    httpMock.expectOne('/api/app/organization-units/u1/members').flush([]);
    httpMock.expectOne((r) => r.url === '/api/app/users').flush({ items: [] });
    httpMock.expectOne('/api/app/organization-units?includeClosed=false').flush(TREE);
  });

  it('a unit manager without the user list keeps the members table but is offered no user to add, nor calls the user list', async () => {
    setup([Permissions.OrganizationUnits.Default, Permissions.OrganizationUnits.Manage]);
    component.select('u1');
    httpMock
      .expectOne('/api/app/organization-units/u1/members')
      .flush([{ userId: 'x1', userName: 'clerk', name: '张填报' }]);
    httpMock.expectNone((r) => r.url === '/api/app/users');
    await render();
    expect(el.querySelector('[data-testid="unit-members"]')!.textContent).toContain('张填报');
    expect(el.querySelector('[data-testid="unit-member-user"]')).toBeNull();
    expect(el.querySelector('[data-testid="unit-rename"]')).not.toBeNull();
  });

  it('a clerk reads the tree without the editing buttons', async () => {
    setup([Permissions.OrganizationUnits.Default]);
    component.select('u1');
    httpMock.expectOne('/api/app/organization-units/u1/members').flush([]);
    await render();
    expect(el.querySelector('[data-testid="unit-create"]')).toBeNull();
    expect(el.querySelector('[data-testid="unit-rename"]')).toBeNull();
    expect(el.textContent).not.toContain('责任分解');
  });
});

describe('unit tree helpers', () => {
  it('nodes, flattening and indented options', () => {
    const nodes = toNodes([{ ...TREE[0], isClosed: true }], '已撤销');
    expect(nodes[0].title).toBe('城关区 (已撤销)');
    expect(nodes[0].children[0].isLeaf).toBe(true);
    expect(flatten(TREE).map((u) => u.id)).toEqual(['u1', 'u2', 'u3']);
    expect(unitOptions(TREE).map((o) => o.label)).toEqual([
      '城关区',
      '— 城关区网格中心',
      '市委政法委',
    ]);
  });
});
