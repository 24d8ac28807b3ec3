using PilotAssessment.ExceptionHandling;

namespace PilotAssessment.Schemes.Editing;

/// <summary>
/// One change to a draft's category tree: add, rename, move or remove a category or an indicator, or edit an indicator.
/// Each returns a new definition (the definition is immutable) or refuses with a field error (field names are those of
/// the request). Points and weights are never adjusted: the validator reports when they no longer add up.
/// </summary>
public static class SchemeDraftEditor
{
    public const string CodeField = "code";
    public const string ParentField = "parentCode";
    public const string CategoryField = "categoryCode";
    public const string NameField = "name";
    public const string PositionField = "position";

    public static SchemeDefinition AddCategory(SchemeDefinition definition, string? parentCode, string code, string name, string? nameEn, int? position = null)
    {
        var category = new CategoryDefinition { Code = NewCode(definition, code), Name = Name(name), NameEn = Blank(nameEn) };
        if (string.IsNullOrEmpty(parentCode))
        {
            return definition with { Categories = Insert(definition.Categories, category, position) };
        }

        var parent = Category(definition, parentCode, ParentField);
        EnsureDepth(definition, parent.Code, 1);
        return definition with { Categories = MapCategory(definition.Categories, parent.Code, p => p with { Children = Insert(p.Children, category, position) }) };
    }

    public static SchemeDefinition RenameCategory(SchemeDefinition definition, string code, string name, string? nameEn)
    {
        Category(definition, code, CodeField);
        return definition with { Categories = MapCategory(definition.Categories, code, c => c with { Name = Name(name), NameEn = Blank(nameEn) }) };
    }

    /// <summary>Moves a category (with everything in it) under another parent, or to the top level when <paramref name="parentCode"/> is empty, at <paramref name="position"/>.</summary>
    public static SchemeDefinition MoveCategory(SchemeDefinition definition, string code, string? parentCode, int? position)
    {
        var category = Category(definition, code, CodeField);
        if (!string.IsNullOrEmpty(parentCode))
        {
            var parent = Category(definition, parentCode, ParentField);
            if (category.SelfAndDescendants().Any(c => c.Code == parent.Code))
            {
                throw Refuse(SchemeErrorCodes.CategoryMoveIntoItself, ParentField, code, parentCode);
            }

            EnsureDepth(definition, parent.Code, Height(category));
        }

        var removed = RemoveCategoryFrom(definition.Categories, code);
        return string.IsNullOrEmpty(parentCode)
            ? definition with { Categories = Insert(removed, category, position) }
            : definition with { Categories = MapCategory(removed, parentCode, p => p with { Children = Insert(p.Children, category, position) }) };
    }

    /// <summary>Removes an empty category; one that still holds indicators or subcategories is refused, so nothing is lost by a slip.</summary>
    public static SchemeDefinition RemoveCategory(SchemeDefinition definition, string code)
    {
        var category = Category(definition, code, CodeField);
        if (category.Indicators.Count > 0 || category.Children.Count > 0)
        {
            throw Refuse(SchemeErrorCodes.CategoryNotEmpty, CodeField, code, category.AllIndicators().Count(), category.Children.Count);
        }

        return definition with { Categories = RemoveCategoryFrom(definition.Categories, code) };
    }

    public static SchemeDefinition AddIndicator(SchemeDefinition definition, string categoryCode, IndicatorDefinition indicator, int? position = null)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var category = Category(definition, categoryCode, CategoryField);
        var added = indicator with { Code = NewCode(definition, indicator.Code), Name = Name(indicator.Name) };
        return definition with { Categories = MapCategory(definition.Categories, category.Code, c => c with { Indicators = Insert(c.Indicators, added, position) }) };
    }

    /// <summary>Replaces an indicator by what <paramref name="change"/> makes of it; its code stays.</summary>
    public static SchemeDefinition UpdateIndicator(SchemeDefinition definition, string code, Func<IndicatorDefinition, IndicatorDefinition> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var (category, indicator) = Indicator(definition, code);
        var changed = change(indicator) with { Code = indicator.Code };
        changed = changed with { Name = Name(changed.Name) };
        return definition with
        {
            Categories = MapCategory(definition.Categories, category.Code, c => c with { Indicators = c.Indicators.Select(i => i.Code == code ? changed : i).ToList() }),
        };
    }

    public static SchemeDefinition MoveIndicator(SchemeDefinition definition, string code, string categoryCode, int? position)
    {
        var (from, indicator) = Indicator(definition, code);
        var to = Category(definition, categoryCode, CategoryField);
        var removed = MapCategory(definition.Categories, from.Code, c => c with { Indicators = c.Indicators.Where(i => i.Code != code).ToList() });
        return definition with { Categories = MapCategory(removed, to.Code, c => c with { Indicators = Insert(c.Indicators, indicator, position) }) };
    }

    public static SchemeDefinition RemoveIndicator(SchemeDefinition definition, string code)
    {
        var (category, _) = Indicator(definition, code);
        return definition with { Categories = MapCategory(definition.Categories, category.Code, c => c with { Indicators = c.Indicators.Where(i => i.Code != code).ToList() }) };
    }

    private static CategoryDefinition Category(SchemeDefinition definition, string? code, string field) =>
        definition.AllCategories().FirstOrDefault(c => c.Code == code)
        ?? throw Refuse(SchemeErrorCodes.CategoryNotFound, field, code ?? string.Empty);

    private static (CategoryDefinition Category, IndicatorDefinition Indicator) Indicator(SchemeDefinition definition, string code)
    {
        foreach (var category in definition.AllCategories())
        {
            if (category.Indicators.FirstOrDefault(i => i.Code == code) is { } indicator)
            {
                return (category, indicator);
            }
        }

        throw Refuse(SchemeErrorCodes.IndicatorNotFound, CodeField, code);
    }

    /// <summary>Categories, indicators and data items share one code space (formulas refer to all of them).</summary>
    private static string NewCode(SchemeDefinition definition, string? code)
    {
        var trimmed = code?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw Refuse(SchemeErrorCodes.CodeRequired, CodeField);
        }

        if (trimmed.Length > SchemeConsts.MaxCodeLength)
        {
            throw Refuse(SchemeErrorCodes.CodeTooLong, CodeField, trimmed, SchemeConsts.MaxCodeLength);
        }

        var taken = definition.AllCategories().Select(c => c.Code)
            .Concat(definition.AllIndicators().Select(i => i.Code))
            .Concat(definition.DataItems.Select(d => d.Code))
            .Concat(definition.Bonus.Items.Select(b => b.Code))
            .Concat(definition.Vetoes.Select(v => v.Code));
        if (taken.Contains(trimmed, StringComparer.Ordinal))
        {
            throw Refuse(SchemeErrorCodes.DuplicateCode, CodeField, trimmed);
        }

        return trimmed;
    }

    private static string Name(string? name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > SchemeConsts.MaxNameLength)
        {
            throw Refuse(SchemeErrorCodes.ItemNameRequired, NameField, SchemeConsts.MaxNameLength);
        }

        return trimmed;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>A category placed under <paramref name="parentCode"/> with <paramref name="height"/> levels of its own stays within the allowed depth.</summary>
    private static void EnsureDepth(SchemeDefinition definition, string parentCode, int height)
    {
        var depth = Depth(definition.Categories, parentCode, 1) + height;
        if (depth > SchemeConsts.MaxCategoryDepth)
        {
            throw Refuse(SchemeErrorCodes.CategoryTooDeep, ParentField, depth, SchemeConsts.MaxCategoryDepth);
        }
    }

    private static int Depth(IReadOnlyList<CategoryDefinition> categories, string code, int level)
    {
        foreach (var category in categories)
        {
            if (category.Code == code)
            {
                return level;
            }

            if (Depth(category.Children, code, level + 1) is > 0 and var found)
            {
                return found;
            }
        }

        return 0;
    }

    private static int Height(CategoryDefinition category) => 1 + (category.Children.Count == 0 ? 0 : category.Children.Max(Height));

    private static List<T> Insert<T>(IReadOnlyList<T> items, T item, int? position)
    {
        if (position is < 0 || position > items.Count)
        {
            throw Refuse(SchemeErrorCodes.PositionOutOfRange, PositionField, position, items.Count);
        }

        var list = items.ToList();
        list.Insert(position ?? list.Count, item);
        return list;
    }

    private static IReadOnlyList<CategoryDefinition> MapCategory(IReadOnlyList<CategoryDefinition> categories, string code, Func<CategoryDefinition, CategoryDefinition> change) =>
        categories.Select(c => c.Code == code ? change(c) : c with { Children = MapCategory(c.Children, code, change) }).ToList();

    private static IReadOnlyList<CategoryDefinition> RemoveCategoryFrom(IReadOnlyList<CategoryDefinition> categories, string code) =>
        categories.Where(c => c.Code != code).Select(c => c with { Children = RemoveCategoryFrom(c.Children, code) }).ToList();

    private static BusinessException Refuse(string code, string field, params object?[] arguments) =>
        new BusinessException(code, arguments).WithError(field, code, arguments);
}
