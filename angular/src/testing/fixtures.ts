import { ApplicationConfigurationApplicationConfigurationDto as ApplicationConfigurationDto } from '@api/models';

/** An application configuration as the host returns it, with the given permissions granted. */
export function appConfig(
  granted: string[],
  overrides: { tenantId?: string | null; tenantName?: string | null; userName?: string } = {},
): ApplicationConfigurationDto {
  return {
    currentUser: {
      isAuthenticated: true,
      id: '3a0f0000-0000-0000-0000-000000000001',
      userName: overrides.userName ?? 'admin',
      name: '省级管理员',
      tenantId: overrides.tenantId ?? null,
      roles: ['admin'],
    },
    currentTenant: {
      id: overrides.tenantId ?? null,
      name: overrides.tenantName ?? null,
      isAvailable: !!overrides.tenantId,
    },
    auth: { grantedPolicies: Object.fromEntries(granted.map((p) => [p, true])) },
    localization: {
      currentCulture: 'zh-Hans',
      languages: [
        { cultureName: 'zh-Hans', displayName: '简体中文' },
        { cultureName: 'en', displayName: 'English' },
      ],
    },
  };
}
