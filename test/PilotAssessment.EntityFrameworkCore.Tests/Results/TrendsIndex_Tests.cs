using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace PilotAssessment.EntityFrameworkCore.Results;

/// <summary>
/// The trends read (current, assessed sheets of a scheme's periods) is answered by one covering index on every provider,
/// so it never reads the sheets' rows with their JSON.
/// </summary>
public abstract class TrendsIndex_Tests<TApplication>(TApplication app) : IClassFixture<TApplication>
    where TApplication : PilotAssessmentTestApplication
{
    private static readonly string[] Columns = ["PeriodId", "IsCurrent", "NotAssessed", "TenantId", "Total", "Percent", "Grade", "Colour"];

    protected abstract string ColumnsSql { get; }

    [Fact]
    public async Task Should_Cover_The_Trends_Read_With_One_Index_On_ScoreSheets()
    {
        var columns = await app.WithScopeAsync(sp =>
            sp.GetRequiredService<PilotAssessmentDbContext>().Database.SqlQueryRaw<string>(ColumnsSql).ToListAsync());

        columns.ShouldBe(Columns);
    }
}

public sealed class TrendsIndex_Sqlite_Tests(SqliteTestApplication app) : TrendsIndex_Tests<SqliteTestApplication>(app)
{
    protected override string ColumnsSql =>
        "SELECT name AS Value FROM pragma_index_info('IX_ScoreSheets_Trends') ORDER BY seqno";
}

public sealed class TrendsIndex_MySql_Tests(MySqlTestApplication app) : TrendsIndex_Tests<MySqlTestApplication>(app)
{
    protected override string ColumnsSql =>
        "SELECT COLUMN_NAME AS Value FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() " +
        "AND TABLE_NAME = 'ScoreSheets' AND INDEX_NAME = 'IX_ScoreSheets_Trends' ORDER BY SEQ_IN_INDEX";
}
