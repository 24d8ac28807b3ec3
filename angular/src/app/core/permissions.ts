/** Permission (policy) names granted by the host in `auth.grantedPolicies`. */
export const Permissions = {
  Tenants: {
    Default: 'PilotAssessment.Tenants',
    Create: 'PilotAssessment.Tenants.Create',
    Update: 'PilotAssessment.Tenants.Update',
    ManageStatus: 'PilotAssessment.Tenants.ManageStatus',
    ActInCity: 'PilotAssessment.Tenants.ActInCity',
  },
  Users: {
    Default: 'PilotAssessment.Users',
    Create: 'PilotAssessment.Users.Create',
    Update: 'PilotAssessment.Users.Update',
    Delete: 'PilotAssessment.Users.Delete',
  },
  Roles: {
    Default: 'PilotAssessment.Roles',
    Create: 'PilotAssessment.Roles.Create',
    Update: 'PilotAssessment.Roles.Update',
    Delete: 'PilotAssessment.Roles.Delete',
    ManagePermissions: 'PilotAssessment.Roles.ManagePermissions',
  },
  AuditLogs: { Default: 'PilotAssessment.AuditLogs' },
  Schemes: {
    Default: 'PilotAssessment.Schemes',
    Manage: 'PilotAssessment.Schemes.Manage',
    Publish: 'PilotAssessment.Schemes.Publish',
  },
  Agreements: {
    Default: 'PilotAssessment.Agreements',
    Manage: 'PilotAssessment.Agreements.Manage',
    Sign: 'PilotAssessment.Agreements.Sign',
    Assign: 'PilotAssessment.Agreements.Assign',
    Report: 'PilotAssessment.Agreements.Report',
  },
  OrganizationUnits: {
    Default: 'PilotAssessment.OrganizationUnits',
    Manage: 'PilotAssessment.OrganizationUnits.Manage',
  },
  Periods: { Default: 'PilotAssessment.Periods', Manage: 'PilotAssessment.Periods.Manage' },
  DataEntry: { Default: 'PilotAssessment.DataEntry', Submit: 'PilotAssessment.DataEntry.Submit' },
  Review: {
    Default: 'PilotAssessment.Review',
    Adjust: 'PilotAssessment.Review.Adjust',
    Approve: 'PilotAssessment.Review.Approve',
  },
  Results: {
    Default: 'PilotAssessment.Results',
    Publish: 'PilotAssessment.Results.Publish',
    Monitoring: 'PilotAssessment.Results.Monitoring',
  },
  Appeals: {
    Default: 'PilotAssessment.Appeals',
    Create: 'PilotAssessment.Appeals.Create',
    Decide: 'PilotAssessment.Appeals.Decide',
  },
  Dashboard: { Default: 'PilotAssessment.Dashboard' },
  Honours: { Manage: 'PilotAssessment.Honours.Manage' },
  Supervision: {
    Default: 'PilotAssessment.Supervision',
    Manage: 'PilotAssessment.Supervision.Manage',
    Assign: 'PilotAssessment.Supervision.Assign',
    Rectify: 'PilotAssessment.Supervision.Rectify',
  },
  Feeds: { Manage: 'PilotAssessment.Feeds.Manage' },
} as const;
