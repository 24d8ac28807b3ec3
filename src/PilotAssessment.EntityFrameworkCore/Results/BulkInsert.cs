using System.Data;
using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using MySqlConnector;

namespace PilotAssessment.EntityFrameworkCore.Results;

/// <summary>
/// New rows of one entity type written on the DbContext's connection and in its current transaction, without change
/// tracking (docs/adr/0020): <c>MySqlBulkCopy</c> (LOAD DATA LOCAL INFILE) on MySQL, multi-row parameterized INSERTs
/// on SQLite. The columns and their provider values come from the EF model, so the rows are exactly what
/// SaveChanges would have written; the caller stamps what the save would have stamped.
/// </summary>
public static class BulkInsert
{
    /// <summary>SQLite binds at most 32,766 parameters per statement; 200 rows of ≤ 40 columns stay far below.</summary>
    private const int SqliteRowsPerStatement = 200;

    public static async Task InsertAsync<T>(PilotAssessmentDbContext dbContext, IReadOnlyList<T> rows, CancellationToken cancellationToken = default)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var connection = dbContext.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open)
        {
            await dbContext.Database.OpenConnectionAsync(cancellationToken);
        }

        var transaction = dbContext.Database.CurrentTransaction?.GetDbTransaction();
        await WriteAsync(connection, transaction, Columns<T>(dbContext), rows, cancellationToken);
    }

    private static TableColumns Columns<T>(PilotAssessmentDbContext dbContext)
    {
        var entityType = dbContext.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType.GetProperties()
            .Select(p => new Column(p, p.GetColumnName(table)!, (RelationalTypeMapping)p.GetRelationalTypeMapping()))
            .ToList();
        return new TableColumns(table.Name, columns);
    }

    private static Task WriteAsync<T>(DbConnection connection, DbTransaction? transaction, TableColumns table, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class =>
        connection is MySqlConnection mySql
            ? BulkCopyAsync(mySql, transaction as MySqlTransaction, table, rows, cancellationToken)
            : InsertBatchesAsync(connection, transaction, table, rows, cancellationToken);

    private static async Task BulkCopyAsync<T>(MySqlConnection connection, MySqlTransaction? transaction, TableColumns table, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var data = new DataTable(table.Name);
        foreach (var column in table.Columns)
        {
            var type = column.Mapping.Converter?.ProviderClrType ?? column.Property.ClrType;
            type = Nullable.GetUnderlyingType(type) ?? type;
            data.Columns.Add(column.Name, type == typeof(Guid) ? typeof(string) : type);
        }

        foreach (var row in rows)
        {
            var values = new object[table.Columns.Count];
            for (var i = 0; i < values.Length; i++)
            {
                var value = table.Columns[i].ProviderValue(row);
                values[i] = value is Guid guid ? guid.ToString("D") : value ?? DBNull.Value;
            }

            data.Rows.Add(values);
        }

        var bulkCopy = new MySqlBulkCopy(connection, transaction) { DestinationTableName = $"`{table.Name}`", BulkCopyTimeout = 0 };
        for (var i = 0; i < table.Columns.Count; i++)
        {
            bulkCopy.ColumnMappings.Add(new MySqlBulkCopyColumnMapping(i, table.Columns[i].Name));
        }

        var result = await bulkCopy.WriteToServerAsync(data, cancellationToken);
        if (result.RowsInserted != rows.Count)
        {
            throw new InvalidOperationException($"Bulk copy into {table.Name} wrote {result.RowsInserted} of {rows.Count} rows: {string.Join("; ", result.Warnings.Select(w => w.Message))}");
        }
    }

    private static async Task InsertBatchesAsync<T>(DbConnection connection, DbTransaction? transaction, TableColumns table, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var head = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))}) VALUES ";
        for (var start = 0; start < rows.Count; start += SqliteRowsPerStatement)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder(head);
            var end = Math.Min(rows.Count, start + SqliteRowsPerStatement);
            for (var r = start; r < end; r++)
            {
                sql.Append(r == start ? "(" : ", (");
                for (var c = 0; c < table.Columns.Count; c++)
                {
                    var name = $"@p{r - start}_{c}";
                    sql.Append(c == 0 ? name : ", " + name);
                    // The type mapping converts the CLR value to the provider's as SaveChanges does.
                    var column = table.Columns[c];
                    command.Parameters.Add(column.Mapping.CreateParameter(command, name, column.Property.GetGetter().GetClrValue(rows[r]), column.Property.IsNullable));
                }

                sql.Append(')');
            }

            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private sealed record TableColumns(string Name, List<Column> Columns);

    private sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping)
    {
        public object? ProviderValue(object entity)
        {
            var value = Property.GetGetter().GetClrValue(entity);
            return value is not null && Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
        }
    }
}
