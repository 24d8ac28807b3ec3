using System.Text;
using PilotAssessment.Results;

namespace PilotAssessment.EntityFrameworkCore;

/// <summary>
/// Raises the <see cref="CityChangeStamp"/> of each (period, city) with one atomic upsert per 200 pairs on the
/// context's connection and in its current transaction, so the stamp commits with the change it stands for.
/// </summary>
public static class CityChangeStampWriter
{
    private const int PairsPerStatement = 200;

    public static async Task BumpAsync(DbContext context, IEnumerable<(Guid PeriodId, Guid CityId)> changed, CancellationToken cancellationToken = default)
    {
        foreach (var (sql, parameters) in Statements(context, changed))
        {
            await context.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);
        }
    }

    public static void Bump(DbContext context, IEnumerable<(Guid PeriodId, Guid CityId)> changed)
    {
        foreach (var (sql, parameters) in Statements(context, changed))
        {
            context.Database.ExecuteSqlRaw(sql, parameters);
        }
    }

    // Sorted, so two transactions raising the same stamps lock them in the same order (no deadlock).
    private static IEnumerable<(string Sql, object[] Parameters)> Statements(DbContext context, IEnumerable<(Guid PeriodId, Guid CityId)> changed)
    {
        var pairs = changed.Distinct().OrderBy(p => p.PeriodId).ThenBy(p => p.CityId).ToList();
        var mySql = context.Database.IsMySql();
        foreach (var chunk in pairs.Chunk(PairsPerStatement))
        {
            var sql = new StringBuilder("INSERT INTO CityChangeStamps (Id, PeriodId, TenantId, Version) VALUES ");
            var parameters = new List<object>(chunk.Length * 3);
            for (var i = 0; i < chunk.Length; i++)
            {
                var first = i * 3;
                sql.Append(i == 0 ? "(" : ", (").Append('{').Append(first).Append("}, {").Append(first + 1).Append("}, {").Append(first + 2).Append("}, 1)");
                parameters.AddRange([SequentialGuid.Next(), chunk[i].PeriodId, chunk[i].CityId]);
            }

            sql.Append(mySql
                ? " ON DUPLICATE KEY UPDATE Version = Version + 1"
                : " ON CONFLICT (PeriodId, TenantId) DO UPDATE SET Version = Version + 1");
            yield return (sql.ToString(), parameters.ToArray());
        }
    }
}
