namespace PilotAssessment.Schemes.Excel;

/// <summary>A column of a scheme sheet: the machine key (hidden row 2) and the Chinese header (row 1).</summary>
public sealed record SchemeExcelColumn(string Key, string Header);

/// <summary>A sheet of the scheme workbook and its columns, in order.</summary>
public sealed record SchemeExcelSheet(string Name, IReadOnlyList<SchemeExcelColumn> Columns)
{
    public SchemeExcelColumn this[string key] => Columns.Single(c => c.Key == key);
}

/// <summary>
/// The workbook layout shared by <see cref="SchemeExcelWriter"/> and <see cref="SchemeExcelReader"/>
/// (documented in src/PilotAssessment.Domain/Schemes/README.md). Row 1 = Chinese headers, row 2 (hidden) =
/// machine keys, data from row 3. The reader finds columns by their key, so columns may be reordered.
/// </summary>
public static class SchemeExcelLayout
{
    public const int HeaderRow = 1;
    public const int KeyRow = 2;
    public const int FirstDataRow = 3;

    public const string CategoryRow = "分类";
    public const string IndicatorRow = "指标";
    public const string PathSeparator = "/";
    public const string Yes = "是";
    public const string No = "否";

    public static readonly SchemeExcelSheet Scheme = new("方案",
    [
        new("name", "方案名称"),
        new("year", "年度"),
        new("version", "版本"),
        new("scale", "总分"),
        new("rounding_decimals", "保留小数位数"),
        new("rounding_mode", "舍入方式"),
        new("bonus_total_cap", "加分合计上限"),
    ]);

    public static readonly SchemeExcelSheet Indicators = new("指标",
    [
        new("row_type", "类型"),
        new("parent_path", "所属分类路径"),
        new("level", "层级"),
        new("code", "编码"),
        new("name", "名称"),
        new("name_en", "英文名称"),
        new("unit", "单位"),
        new("unit_en", "英文单位"),
        new("max_points", "分值"),
        new("responsible_unit", "责任单位"),
        new("score_source", "评分来源"),
        new("evidence_required", "需要佐证"),
        new("target", "目标值"),
        new("formula", "计算公式"),
        new("rule_kind", "计分规则"),
        new("rule", "规则参数（JSON）"),
        new("rule_summary", "规则说明（按参数生成）"),
        new("rule_text", "细则原文"),
        new("min", "合理值下限"),
        new("max", "合理值上限"),
    ]);

    public static readonly SchemeExcelSheet DataItems = new("数据项",
    [
        new("code", "编码"),
        new("name", "名称"),
        new("name_en", "英文名称"),
        new("unit", "单位"),
        new("formula", "计算公式"),
    ]);

    public static readonly SchemeExcelSheet Bonus = new("加分项",
    [
        new("code", "编码"),
        new("name", "名称"),
        new("name_en", "英文名称"),
        new("points_per_instance", "每次加分"),
        new("cap", "单项上限"),
        new("rule_text", "加分标准"),
    ]);

    public static readonly SchemeExcelSheet Vetoes = new("否决项",
    [
        new("code", "编码"),
        new("name", "名称"),
        new("name_en", "英文名称"),
        new("trigger_fact", "触发事实键"),
        new("trigger_text", "否决情形"),
        new("condition", "触发条件"),
        new("consequence_kind", "否决后果"),
        new("points", "扣分"),
        new("grade", "等次"),
        new("award_ineligible", "取消评优资格"),
    ]);

    public static readonly SchemeExcelSheet Grades = new("等次",
    [
        new("name", "名称"),
        new("name_en", "英文名称"),
        new("key", "键"),
        new("min_score", "最低分"),
    ]);

    public static readonly SchemeExcelSheet Colours = new("预警色",
    [
        new("name", "名称"),
        new("name_en", "英文名称"),
        new("key", "键"),
        new("min_percent", "最低百分比"),
    ]);

    public static readonly IReadOnlyList<SchemeExcelSheet> Sheets = [Scheme, Indicators, DataItems, Bonus, Vetoes, Grades, Colours];

    /// <summary>1-based index of the letters of a cell reference ("AB12" → 28); 0 when there are none.</summary>
    public static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
            {
                index = (index * 26) + (c - 'A' + 1);
            }
            else if (c is >= 'a' and <= 'z')
            {
                index = (index * 26) + (c - 'a' + 1);
            }
            else
            {
                break;
            }
        }

        return index;
    }
}
