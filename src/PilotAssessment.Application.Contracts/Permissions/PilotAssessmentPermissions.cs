namespace PilotAssessment.Permissions;

/// <summary>Names of every permission. Definitions (groups, children, sides) are in <see cref="PilotAssessmentPermissionDefinitionProvider"/>.</summary>
public static class PilotAssessmentPermissions
{
    public const string Prefix = "PilotAssessment";

    public static class Tenants
    {
        public const string Default = Prefix + ".Tenants";
        public const string Create = Default + ".Create";
        public const string Update = Default + ".Update";
        public const string ManageStatus = Default + ".ManageStatus";
        public const string ActInCity = Default + ".ActInCity";
    }

    public static class Users
    {
        public const string Default = Prefix + ".Users";
        public const string Create = Default + ".Create";
        public const string Update = Default + ".Update";
        public const string Delete = Default + ".Delete";
    }

    public static class Roles
    {
        public const string Default = Prefix + ".Roles";
        public const string Create = Default + ".Create";
        public const string Update = Default + ".Update";
        public const string Delete = Default + ".Delete";
        public const string ManagePermissions = Default + ".ManagePermissions";
    }

    public const string AuditLogs = Prefix + ".AuditLogs";

    public static class Schemes
    {
        public const string Default = Prefix + ".Schemes";
        public const string Manage = Default + ".Manage";
        public const string Publish = Default + ".Publish";
    }

    public static class Agreements
    {
        public const string Default = Prefix + ".Agreements";
        public const string Manage = Default + ".Manage";
        public const string Sign = Default + ".Sign";

        /// <summary>A city cascades agreement lines and key tasks to its units.</summary>
        public const string Assign = Default + ".Assign";

        /// <summary>Report progress on key tasks (of the user's units).</summary>
        public const string Report = Default + ".Report";
    }

    public static class OrganizationUnits
    {
        public const string Default = Prefix + ".OrganizationUnits";
        public const string Manage = Default + ".Manage";
    }

    public static class Periods
    {
        public const string Default = Prefix + ".Periods";
        public const string Manage = Default + ".Manage";
    }

    public static class DataEntry
    {
        public const string Default = Prefix + ".DataEntry";
        public const string Submit = Default + ".Submit";
    }

    public static class Review
    {
        public const string Default = Prefix + ".Review";
        public const string Adjust = Default + ".Adjust";
        public const string Approve = Default + ".Approve";
    }

    public static class Results
    {
        public const string Default = Prefix + ".Results";
        public const string Publish = Default + ".Publish";

        /// <summary>A city reads its own monitoring figures and warnings (the province uses <see cref="Dashboard"/>).</summary>
        public const string Monitoring = Default + ".Monitoring";
    }

    public static class Appeals
    {
        /// <summary>Read appeals: a city its own, the province all.</summary>
        public const string Default = Prefix + ".Appeals";

        /// <summary>A city administrator appeals a line or the total during the public notice (公示).</summary>
        public const string Create = Default + ".Create";

        /// <summary>An auditor upholds or rejects an appeal.</summary>
        public const string Decide = Default + ".Decide";
    }

    public const string Dashboard = Prefix + ".Dashboard";

    /// <summary>Honours across years (荣誉): the province keeps the rules and revokes awards; reading goes with <see cref="Results.Default"/>.</summary>
    public static class Honours
    {
        public const string Manage = Prefix + ".Honours.Manage";
    }

    /// <summary>Supervision rounds and assigned problems (督导、交办问题、整改).</summary>
    public static class Supervision
    {
        /// <summary>Read problems: the province all cities', a city its own, a unit's member the unit's.</summary>
        public const string Default = Prefix + ".Supervision";

        /// <summary>The province plans rounds, raises problems, verifies and closes them.</summary>
        public const string Manage = Default + ".Manage";

        /// <summary>A city accepts a problem and hands it to one of its units.</summary>
        public const string Assign = Default + ".Assign";

        /// <summary>A unit (or the city) reports the rectification with evidence.</summary>
        public const string Rectify = Default + ".Rectify";
    }

    /// <summary>Data feeds from departments (数据接口): the province registers them for any city, a city for itself.</summary>
    public static class Feeds
    {
        public const string Manage = Prefix + ".Feeds.Manage";
    }
}
