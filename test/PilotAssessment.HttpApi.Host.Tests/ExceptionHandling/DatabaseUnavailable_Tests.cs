using System.Data.Common;
using Microsoft.Extensions.Configuration;
using MySqlConnector;
using Shouldly;
using Xunit;

namespace PilotAssessment.ExceptionHandling;

/// <summary>A connection the database dropped is answered 503 whatever shape the driver gives its error, never 500.</summary>
public sealed class DatabaseUnavailable_Tests(MySqlHostFixture host) : IClassFixture<MySqlHostFixture>
{
    [Fact]
    public async Task Should_Take_The_Drivers_Unwrapped_Error_On_A_Dropped_Session_For_The_Database_Being_Unavailable()
    {
        var connectionString = host.GetService<IConfiguration>().GetConnectionString("Default")!;
        await using var dropped = new MySqlConnection(connectionString);
        await dropped.OpenAsync();
        await using (var admin = new MySqlConnection(connectionString))
        {
            await admin.OpenAsync();
            await using var kill = new MySqlCommand($"KILL {dropped.ServerThread}", admin);
            await kill.ExecuteNonQueryAsync();
        }

        // Beginning a transaction (as a unit of work does) on the dropped session: the driver lets its I/O error through as it is.
        var error = await Should.ThrowAsync<Exception>(async () => await dropped.BeginTransactionAsync());

        error.ShouldNotBeAssignableTo<DbException>();
        error.ShouldBeAssignableTo<IOException>();
        ExceptionStatusCodes.For(error).ShouldBe(503);
        ExceptionStatusCodes.For(new IOException("a file the product could not write")).ShouldBe(500);
    }
}
