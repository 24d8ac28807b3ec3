using PilotAssessment.MultiTenancy;

namespace PilotAssessment.Authorization;

public sealed class PermissionGroupDefinition(string name)
{
    private readonly List<PermissionDefinition> _permissions = [];

    public string Name { get; } = name;

    /// <summary>Localization key of the group's display name.</summary>
    public string DisplayNameKey => $"Permission:Group:{Name}";

    public IReadOnlyList<PermissionDefinition> Permissions => _permissions;

    public PermissionDefinition AddPermission(string name, MultiTenancySides sides = MultiTenancySides.Both)
    {
        var permission = new PermissionDefinition(name, null, sides);
        _permissions.Add(permission);
        return permission;
    }
}

public sealed class PermissionDefinition(string name, PermissionDefinition? parent, MultiTenancySides sides)
{
    private readonly List<PermissionDefinition> _children = [];

    public string Name { get; } = name;

    public PermissionDefinition? Parent { get; } = parent;

    /// <summary>The sides a role may hold this permission on; a child never reaches wider than its parent.</summary>
    public MultiTenancySides Sides { get; } = parent is null ? sides : sides & parent.Sides;

    /// <summary>Localization key: "Permission:" + the name without the product prefix.</summary>
    public string DisplayNameKey => "Permission:" + Name[(Name.IndexOf('.') + 1)..];

    public IReadOnlyList<PermissionDefinition> Children => _children;

    public PermissionDefinition AddChild(string name, MultiTenancySides sides = MultiTenancySides.Both)
    {
        var child = new PermissionDefinition(name, this, sides);
        _children.Add(child);
        return child;
    }
}

public interface IPermissionDefinitionProvider
{
    void Define(PermissionDefinitionContext context);
}

public sealed class PermissionDefinitionContext
{
    private readonly List<PermissionGroupDefinition> _groups = [];

    public IReadOnlyList<PermissionGroupDefinition> Groups => _groups;

    public PermissionGroupDefinition AddGroup(string name)
    {
        var group = new PermissionGroupDefinition(name);
        _groups.Add(group);
        return group;
    }
}

/// <summary>All permission definitions of the product, read once from every provider.</summary>
public interface IPermissionDefinitionManager
{
    IReadOnlyList<PermissionGroupDefinition> Groups { get; }

    PermissionDefinition? Find(string name);

    IReadOnlyList<PermissionDefinition> All { get; }
}

public sealed class PermissionDefinitionManager : IPermissionDefinitionManager
{
    private readonly Dictionary<string, PermissionDefinition> _byName;

    public PermissionDefinitionManager(IEnumerable<IPermissionDefinitionProvider> providers)
    {
        var context = new PermissionDefinitionContext();
        foreach (var provider in providers)
        {
            provider.Define(context);
        }

        Groups = context.Groups;
        All = Groups.SelectMany(g => g.Permissions).SelectMany(Flatten).ToList();
        _byName = All.ToDictionary(p => p.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<PermissionGroupDefinition> Groups { get; }

    public IReadOnlyList<PermissionDefinition> All { get; }

    public PermissionDefinition? Find(string name) => _byName.GetValueOrDefault(name);

    private static IEnumerable<PermissionDefinition> Flatten(PermissionDefinition permission) =>
        new[] { permission }.Concat(permission.Children.SelectMany(Flatten));
}
