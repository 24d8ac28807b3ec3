using PilotAssessment.DataEntry;
using PilotAssessment.Periods;
using PilotAssessment.Schemes;
using PilotAssessment.Schemes.Rules;

namespace PilotAssessment.DataGeneration;

/// <summary>
/// A deterministic national-scale province for benchmarks and demos: a valid scheme of many indicators (a mix of
/// rule kinds, categories, bonus, vetoes, grade and colour bands), cities with Chinese names, monthly periods and
/// entered values. A value comes from the city's ability, the indicator's difficulty, the period's trend and noise;
/// a few lines are unreported, a few are outliers and a few cities have a veto fact. Pure: nothing is written here.
/// </summary>
public sealed class NationalDataGenerator(DataGeneratorOptions options)
{
    public const string SchemeName = "市域社会治理现代化试点考评细则（全国规模生成数据）";

    private static readonly string[] RealCities =
    [
        "石家庄", "唐山", "秦皇岛", "邯郸", "邢台", "保定", "张家口", "承德", "沧州", "廊坊", "衡水", "太原", "大同", "阳泉", "长治",
        "晋城", "朔州", "晋中", "运城", "忻州", "临汾", "吕梁", "呼和浩特", "包头", "乌海", "赤峰", "通辽", "鄂尔多斯", "沈阳", "大连",
        "鞍山", "抚顺", "本溪", "丹东", "锦州", "营口", "阜新", "辽阳", "盘锦", "铁岭", "朝阳", "葫芦岛", "长春", "吉林", "四平", "辽源",
        "通化", "白山", "松原", "白城", "哈尔滨", "齐齐哈尔", "鸡西", "鹤岗", "双鸭山", "大庆", "伊春", "佳木斯", "七台河", "牡丹江", "黑河",
        "绥化", "南京", "无锡", "徐州", "常州", "苏州", "南通", "连云港", "淮安", "盐城", "扬州", "镇江", "泰州", "宿迁", "杭州", "宁波",
        "温州", "嘉兴", "湖州", "绍兴", "金华", "衢州", "舟山", "台州", "丽水", "合肥", "芜湖", "蚌埠", "淮南", "马鞍山", "淮北", "铜陵",
        "安庆", "黄山", "滁州", "阜阳", "宿州", "六安", "亳州", "池州", "宣城", "福州", "厦门", "莆田", "三明", "泉州", "漳州", "南平",
        "龙岩", "宁德", "南昌", "景德镇", "萍乡", "九江", "新余", "鹰潭", "赣州", "吉安", "宜春", "抚州", "上饶", "济南", "青岛", "淄博",
        "枣庄", "东营", "烟台", "潍坊", "济宁", "泰安", "威海", "日照", "临沂", "德州", "聊城", "滨州", "菏泽", "郑州", "开封", "洛阳",
        "平顶山", "安阳", "鹤壁", "新乡", "焦作", "濮阳", "许昌", "漯河", "三门峡", "南阳", "商丘", "信阳", "周口", "驻马店", "武汉", "黄石",
        "十堰", "宜昌", "襄阳", "鄂州", "荆门", "孝感", "荆州", "黄冈", "咸宁", "随州", "长沙", "株洲", "湘潭", "衡阳", "邵阳", "岳阳",
        "常德", "张家界", "益阳", "郴州", "永州", "怀化", "娄底", "广州", "韶关", "深圳", "珠海", "汕头", "佛山", "江门", "湛江", "茂名",
        "肇庆", "惠州", "梅州", "汕尾", "河源", "阳江", "清远", "东莞", "中山", "潮州", "揭阳", "云浮", "南宁", "柳州", "桂林", "梧州",
        "北海", "防城港", "钦州", "贵港", "玉林", "百色", "贺州", "河池", "来宾", "崇左", "海口", "三亚", "成都", "自贡", "攀枝花", "泸州",
        "德阳", "绵阳", "广元", "遂宁", "内江", "乐山", "南充", "眉山", "宜宾", "广安", "达州", "雅安", "巴中", "资阳", "贵阳", "六盘水",
        "遵义", "安顺", "昆明", "曲靖", "玉溪", "保山", "昭通", "丽江", "普洱", "临沧", "拉萨", "西安", "铜川", "宝鸡", "咸阳", "渭南",
        "延安", "汉中", "榆林", "安康", "商洛", "嘉峪关", "白银", "武威", "平凉", "庆阳", "定西", "陇南", "西宁", "银川", "石嘴山", "吴忠",
        "固原", "中卫", "乌鲁木齐", "克拉玛依",
    ];

    private static readonly string[] NameParts = ["安", "宁", "平", "和", "兴", "昌", "泰", "德", "丰", "文", "武", "永", "新", "清", "华", "明", "江", "山", "川", "阳"];

    private static readonly (string Code, string Name, string NameEn)[] CategoryNames =
    [
        ("A", "政治安全", "Political security"), ("B", "社会治安", "Public order"), ("C", "矛盾纠纷化解", "Dispute resolution"),
        ("D", "公共安全", "Public safety"), ("E", "网络安全", "Cyber security"), ("F", "基层治理", "Grassroots governance"),
        ("G", "保障措施", "Support measures"), ("H", "群众评价", "Public evaluation"),
    ];

    private static readonly string[] IndicatorThemes =
    [
        "重点人员稳控率", "刑事案件破案率", "矛盾纠纷调处成功率", "安全生产事故起数", "网络舆情处置率", "网格员配备率", "工作经费保障率", "群众安全感",
        "信访积案化解率", "命案发案率", "社区矫正管控率", "道路交通事故起数", "综治中心建设", "平安建设宣传覆盖", "志愿者注册率", "群众满意度",
    ];

    private static readonly string[] ChecklistItems = ["制度", "队伍", "台账", "演练"];

    private static readonly string[] Grades = ["优", "良", "中", "差"];

    private static readonly string[] VetoFactKeys = ["political_incident", "mass_incident", "extreme_case"];

    public DataGeneratorOptions Options { get; } = options;

    /// <summary>1000 for a national-size scheme, 100 for a small one.</summary>
    public int Scale => Options.Indicators >= 50 ? 1000 : 100;

    public SchemeDefinition Scheme()
    {
        var count = Options.Indicators;
        var halfPoints = Scale * 2;
        var baseHalves = halfPoints / count;
        var extra = halfPoints - (baseHalves * count); // this many indicators get half a point more, so the maxima add up to the scale
        var indicators = Enumerable.Range(0, count).Select(i => Indicator(i, (baseHalves + (i < extra ? 1 : 0)) / 2m)).ToList();
        var categoryCount = Math.Min(CategoryNames.Length, Math.Max(1, count / 4));
        var categories = new List<CategoryDefinition>();
        for (var c = 0; c < categoryCount; c++)
        {
            var (code, name, nameEn) = CategoryNames[c];
            var own = indicators.Where((_, i) => i % categoryCount == c).ToList();
            var half = own.Count / 2;
            categories.Add(new CategoryDefinition
            {
                Code = code,
                Name = name,
                NameEn = nameEn,
                Indicators = own.Take(half).ToList(),
                Children = own.Count - half == 0 ? [] : [new CategoryDefinition { Code = code + "1", Name = name + "专项", NameEn = nameEn + " (special)", Indicators = own.Skip(half).ToList() }],
            });
        }

        return new SchemeDefinition
        {
            Categories = categories,
            DataItems = [new() { Code = "population", Name = "常住人口", NameEn = "Resident population" }, new() { Code = "cases", Name = "刑事案件数", NameEn = "Criminal cases" }],
            Bonus = new BonusDefinition
            {
                Items =
                [
                    new() { Code = "X01", Name = "见义勇为表彰", PointsPerInstance = Scale / 200m },
                    new() { Code = "X02", Name = "经验全国推广", PointsPerInstance = Scale / 50m, Cap = Scale / 25m },
                ],
                TotalCap = Scale / 20m,
            },
            Vetoes =
            [
                new() { Code = "V1", Name = "发生危害政治安全事件", TriggerFact = VetoFactKeys[0], Consequence = new GradeSetConsequence { Grade = "不合格", AwardIneligible = true } },
                new() { Code = "V2", Name = "发生重大群体性事件", TriggerFact = VetoFactKeys[1], Consequence = new FixedDeductionConsequence { Points = Scale * 0.3m } },
                new() { Code = "V3", Name = "发生极端恶性案事件", TriggerFact = VetoFactKeys[2], Consequence = new GradeCapConsequence { MaxGrade = "良好" } },
            ],
            Grades =
            [
                new() { Name = "优秀", NameEn = "Excellent", Key = "excellent", MinScore = Scale * 0.9m },
                new() { Name = "良好", NameEn = "Good", Key = "good", MinScore = Scale * 0.8m },
                new() { Name = "合格", NameEn = "Pass", Key = "pass", MinScore = Scale * 0.6m },
                new() { Name = "不合格", NameEn = "Fail", Key = "fail", MinScore = 0 },
            ],
            Colours =
            [
                new() { Name = "绿", NameEn = "Green", Key = "green", MinPercent = 90 },
                new() { Name = "蓝", NameEn = "Blue", Key = "blue", MinPercent = 80 },
                new() { Name = "黄", NameEn = "Yellow", Key = "yellow", MinPercent = 70 },
                new() { Name = "红", NameEn = "Red", Key = "red", MinPercent = 0 },
            ],
        };
    }

    /// <summary>Real prefecture-level city names first (without the demo cities), then generated 市 names.</summary>
    public IReadOnlyList<GeneratedCity> Cities()
    {
        var names = new List<string>(Options.Cities);
        names.AddRange(RealCities.Take(Options.Cities));
        for (var i = 0; names.Count < Options.Cities; i++)
        {
            var name = NameParts[i % NameParts.Length] + NameParts[(i / NameParts.Length + 7) % NameParts.Length] + (i >= NameParts.Length * NameParts.Length ? (i / (NameParts.Length * NameParts.Length)).ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty);
            if (!names.Contains(name))
            {
                names.Add(name);
            }
        }

        return names.Select(n => new GeneratedCity(n, n + "市")).ToList();
    }

    /// <summary>Monthly periods; each one's entry window is the first ten days of the next month (Beijing time).</summary>
    public IReadOnlyList<GeneratedPeriod> Periods() => Enumerable.Range(0, Options.Periods).Select(p =>
    {
        var month = new DateTime(Options.Year, 1, 1).AddMonths(p);
        var opens = ProvinceTime.ToUtc(month.AddMonths(1));
        return new GeneratedPeriod($"{month.Year}年{month.Month}月", PeriodKind.Monthly, month.Year, month.Month, opens, ProvinceTime.ToUtc(month.AddMonths(1).AddDays(10)));
    }).ToList();

    /// <summary>The data of city <paramref name="city"/> in period <paramref name="period"/> (indices), the same for the same seed.</summary>
    public GeneratedCityPeriod CityPeriod(SchemeDefinition scheme, int city, int period)
    {
        var random = new Random(unchecked((Options.Seed * 1_000_003) + (city * 7919) + (period * 104_729)));
        var ability = Ability(city);
        var trend = 0.04 * period; // cities improve a little every period
        var values = new Dictionary<string, EntryValue>();
        var index = 0;
        foreach (var indicator in scheme.AllIndicators())
        {
            index++;
            if (!string.IsNullOrWhiteSpace(indicator.Formula))
            {
                continue;
            }

            var roll = random.NextDouble();
            if (roll < 0.02)
            {
                continue; // not reported
            }

            var performance = Logistic(1.4 * (ability - Difficulty(index) + trend + (0.6 * Normal(random))));
            if (roll > 0.995)
            {
                performance = random.Next(2) == 0 ? 0 : 1; // an outlier: a line far from the city's usual level
            }

            values[indicator.Code] = ValueFor(indicator, performance, random);
        }

        var facts = new Dictionary<string, bool>();
        if (random.NextDouble() < 0.01)
        {
            facts[VetoFactKeys[random.Next(VetoFactKeys.Length)]] = true;
        }

        var strength = Logistic(ability);
        return new GeneratedCityPeriod(
            values,
            facts,
            new Dictionary<string, int> { ["X01"] = random.Next((int)(strength * 4) + 1), ["X02"] = random.NextDouble() < strength / 4 ? 1 : 0 },
            new Dictionary<string, decimal> { ["population"] = Population(city), ["cases"] = Math.Round(Population(city) / 100_000m * (decimal)(40 - (25 * strength) + (5 * Normal(random))), 0) });
    }

    /// <summary>
    /// A value of the indicator's rule kind for a performance between 0 (worst) and 1 (best). Works for any scheme
    /// (the demo data uses it with the sample scheme).
    /// </summary>
    public static EntryValue ValueFor(IndicatorDefinition indicator, double performance, Random random)
    {
        var p = (decimal)Math.Clamp(performance, 0, 1);
        decimal Round(decimal v) => Math.Round(v, 1, MidpointRounding.AwayFromZero);
        switch (indicator.Rule)
        {
            case PerOccurrenceDeductionRule occurrence:
                // Few occurrences for a good city, a handful for a weak one; only the types the rule knows.
                int Count(double mean) => (int)Math.Max(0, Math.Round((mean * (1 - (double)p)) + (Normal(random) * 0.5)));
                var occurrences = new List<EntryOccurrence>();
                if (occurrence.Per is not null)
                {
                    occurrences.Add(new EntryOccurrence { Count = Count(1.5) });
                }

                occurrences.AddRange(occurrence.Rates.Select(r => new EntryOccurrence { Type = r.Type, Count = Count(occurrence.Per is null ? 1.2 : 0.5) }));
                return new EntryValue { Occurrences = occurrences, Flags = occurrence.DoubleWhen.Count > 0 && random.NextDouble() < 0.05 ? [occurrence.DoubleWhen[0]] : null };
            case QualitativeGradeRule graded:
                var grades = graded.Grades.Count > 0 ? graded.Grades.Select(g => g.Grade).ToArray() : Grades;
                return new EntryValue { Grade = grades[Math.Min(grades.Length - 1, (int)((1 - p) * grades.Length))] };
            case ChecklistRule checklist:
                var items = checklist.Items.Count > 0 ? checklist.Items : ChecklistItems;
                return new EntryValue { ChecklistPresent = items.Where(_ => random.NextDouble() < 0.35 + (0.65 * (double)p)).ToList() };
            case SurveyCompositeRule survey:
                return new EntryValue { SurveyRates = survey.Components.ToDictionary(c => c.Key, _ => Round(Math.Clamp(78 + (22 * p) + ((decimal)Normal(random) * 2), 0, 100))) };
            case RatioToTargetRule ratio:
                var target = ratio.Target ?? indicator.Target ?? 100;
                return new EntryValue { Number = Round(target * (ratio.Dir == BetterDirection.Higher ? 0.6m + (0.5m * p) : 1.5m - (0.6m * p))) };
            case ShortfallBandsRule shortfall:
                return new EntryValue { Number = Round((shortfall.FullAt ?? 100) - ((1 - p) * 15)) };
            case ThresholdBandsRule bands when bands.Bands.Count > 0:
                // Between a little past the lowest scoring band (p = 0) and a little past the best one (p = 1).
                var higher = bands.Dir == BetterDirection.Higher;
                var ats = bands.Bands.Select(b => b.At).Where(a => !higher || a > 0).DefaultIfEmpty(bands.Bands[0].At).ToList();
                var best = higher ? ats.Max() : ats.Min();
                var worst = ats.Count > 1 ? (higher ? ats.Min() : ats.Max()) : (higher ? best * 0.8m : (best * 1.5m) + 1);
                var value = worst + ((best - worst) * ((p * 1.3m) - 0.15m));
                return new EntryValue { Number = Math.Max(0, Round(higher && best <= 100 ? Math.Min(100, value) : value)) };
            case YoyChangeRule:
            case ReferenceComparisonRule:
                return new EntryValue { Number = Round(100 - (40 * p)) };
            case RankBasedRule or RankChangeRule:
                return new EntryValue { Number = Math.Max(1, Math.Round((1 - p) * 20)) };
            default:
                return new EntryValue { Number = Round(60 + (40 * p)) };
        }
    }

    /// <summary>A standard normal draw (Box–Muller), from the seeded generator.</summary>
    public static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    public static double Logistic(double x) => 1 / (1 + Math.Exp(-x));

    /// <summary>The city's lasting ability (about N(0.4, 0.8)): some cities are consistently stronger.</summary>
    public double Ability(int city) => 0.4 + (0.8 * Normal(new Random(unchecked((Options.Seed * 31) + city))));

    private double Difficulty(int indicator) => 0.7 * Normal(new Random(unchecked((Options.Seed * 17) + indicator)));

    private int Population(int city) => 500_000 + (new Random(unchecked((Options.Seed * 13) + city)).Next(0, 95) * 100_000);

    private IndicatorDefinition Indicator(int i, decimal max)
    {
        var theme = IndicatorThemes[i % IndicatorThemes.Length];
        var code = $"K{i + 1:000}";
        var (rule, unit, formula) = (i % 8) switch
        {
            0 => ((ScoringRule)new ThresholdBandsRule { Bands = [new() { At = 95, Points = max }, new() { At = 85, Points = Half(max * 0.6m) }, new() { At = 70, Points = Half(max * 0.3m) }] }, "%", (string?)null),
            1 => (new PerOccurrenceDeductionRule { Per = Half(max / 4), Rates = [new() { Type = "major", Name = "重大", Per = Half(max / 2) }], DoubleWhen = ["major_event_period"], Cap = max }, "起", null),
            2 => (new RatioToTargetRule { Target = 100 }, "%", null),
            3 => (new ShortfallBandsRule { FullAt = 96, Per = Half(max / 20) + 0.25m, SteepBelow = 90, SteepPer = Half(max / 10) + 0.5m, Cap = max }, "%", null),
            4 => (new QualitativeGradeRule { Grades = [new() { Grade = "优", Percent = 100 }, new() { Grade = "良", Percent = 80 }, new() { Grade = "中", Percent = 60 }, new() { Grade = "差", Percent = 40 }] }, null, null),
            5 => (new ChecklistRule { Items = ChecklistItems, Per = max / ChecklistItems.Length }, "项", null),
            6 => (new SurveyCompositeRule { Components = [new() { Key = "safety", Name = "安全感", Weight = 0.6m }, new() { Key = "satisfaction", Name = "满意度", Weight = 0.4m }], FullAt = 95 }, "%", null),
            _ when i % 24 == 7 => (new ThresholdBandsRule { Dir = BetterDirection.Lower, Bands = [new() { At = 30, Points = max }, new() { At = 45, Points = Half(max / 2) }] }, "件/10万人", "cases / population * 100000"),
            _ => (new ThresholdBandsRule { Dir = BetterDirection.Lower, Bands = [new() { At = 5, Points = max }, new() { At = 10, Points = Half(max * 0.6m) }, new() { At = 20, Points = Half(max * 0.2m) }] }, "‰", null),
        };
        return new IndicatorDefinition
        {
            Code = code,
            Name = $"{theme}（{code}）",
            NameEn = $"Indicator {code}",
            Unit = unit,
            MaxPoints = max,
            Rule = rule,
            Formula = formula,
            ScoreSource = i % 8 == 6 ? ScoreSource.Survey : ScoreSource.Department,
        };
    }

    private static decimal Half(decimal points) => Math.Max(0.5m, Math.Round(points * 2, MidpointRounding.AwayFromZero) / 2);
}
