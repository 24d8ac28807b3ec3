import { IdentityPermissionGroupDto as PermissionGroupDto } from '@api/models';
import {
  grantedOf,
  groupState,
  toGroupView,
  toggleGroup,
  togglePermission,
} from './permission-tree';

const GROUPS: PermissionGroupDto[] = [
  {
    name: 'PilotAssessment',
    displayName: '试点考评',
    permissions: [
      { name: 'T', displayName: '试点城市', parentName: null, isGranted: true },
      { name: 'T.Create', displayName: '新建', parentName: 'T', isGranted: false },
      { name: 'T.Update', displayName: '修改', parentName: 'T', isGranted: true },
      { name: 'U', displayName: '用户', parentName: null, isGranted: false },
      { name: 'U.Delete', displayName: '删除', parentName: 'U', isGranted: false },
    ],
  },
  {
    name: 'Other',
    displayName: '其他',
    permissions: [{ name: 'A', displayName: '审计日志', parentName: null, isGranted: false }],
  },
];

describe('permission tree', () => {
  it('orders children under their parent with depth', () => {
    const view = toGroupView(GROUPS[0]);
    expect(view.rows.map((r) => `${r.depth}:${r.name}`)).toEqual([
      '0:T',
      '1:T.Create',
      '1:T.Update',
      '0:U',
      '1:U.Delete',
    ]);
  });

  it('reads the granted permissions', () => {
    expect([...grantedOf(GROUPS)].sort()).toEqual(['T', 'T.Update']);
  });

  it('checking a child also checks its parent', () => {
    const next = togglePermission(new Set(), GROUPS, 'U.Delete', true);
    expect([...next].sort()).toEqual(['U', 'U.Delete']);
  });

  it('unchecking a parent also unchecks its children, leaving others alone', () => {
    const next = togglePermission(new Set(['T', 'T.Update', 'A']), GROUPS, 'T', false);
    expect([...next].sort()).toEqual(['A']);
  });

  it('group select-all toggles only that group and reports its state', () => {
    let granted = new Set<string>(['A']);
    expect(groupState(granted, GROUPS[0])).toBe('none');
    granted = togglePermission(granted, GROUPS, 'T', true);
    expect(groupState(granted, GROUPS[0])).toBe('some');
    granted = toggleGroup(granted, GROUPS[0], true);
    expect(groupState(granted, GROUPS[0])).toBe('all');
    granted = toggleGroup(granted, GROUPS[0], false);
    expect([...granted]).toEqual(['A']);
  });
});
