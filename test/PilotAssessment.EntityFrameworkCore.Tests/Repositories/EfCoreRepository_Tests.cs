using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.EntityFrameworkCore;
using PilotAssessment.ExceptionHandling;
using PilotAssessment.Repositories;
using PilotAssessment.Tenants;
using Shouldly;
using Xunit;

namespace PilotAssessment.EntityFrameworkCore.Repositories;

public abstract class EfCoreRepository_Tests<TApplication>(TApplication app) : IClassFixture<TApplication>
    where TApplication : PilotAssessmentTestApplication
{
    [Fact]
    public async Task Should_Return_The_First_Row_In_The_Querys_Order_Reading_One_Row_Only()
    {
        await app.AsUserAsync(null, "admin", async sp =>
        {
            using var sql = await SqlCapture.StartAsync(sp.GetRequiredService<PilotAssessmentDbContext>());
            var tenants = sp.GetRequiredService<IRepository<Tenant>>();
            var ascending = tenants.Query().OrderBy(t => t.Name);
            var descending = tenants.Query().OrderByDescending(t => t.Name);
            var expectedFirst = (await tenants.ToListAsync(ascending))[0].Name;
            var expectedLast = (await tenants.ToListAsync(descending))[0].Name;
            expectedFirst.ShouldNotBe(expectedLast);
            sql.Commands.Count.ShouldBe(2);
            sql.Commands.ShouldAllBe(c => !c.Contains("LIMIT", StringComparison.OrdinalIgnoreCase));

            (await tenants.FirstOrDefaultAsync(ascending))!.Name.ShouldBe(expectedFirst);
            (await tenants.FirstOrDefaultAsync(descending))!.Name.ShouldBe(expectedLast);

            sql.Commands.Count.ShouldBe(4);
            sql.Commands.Skip(2).ShouldAllBe(c => c.Contains("LIMIT", StringComparison.OrdinalIgnoreCase));
        });
    }

    [Fact]
    public async Task Should_Return_Null_When_The_Query_Has_No_Row()
    {
        await app.AsUserAsync(null, "admin", async sp =>
        {
            var tenants = sp.GetRequiredService<IRepository<Tenant>>();
            var nobody = tenants.Query().Where(t => t.Name == "不存在的城市");

            (await tenants.FirstOrDefaultAsync(nobody)).ShouldBeNull();
            (await tenants.FirstOrDefaultAsync(nobody.Select(t => (Guid?)t.Id))).ShouldBeNull();
        });
    }

    [Fact]
    public async Task Should_Tell_Whether_The_Query_Has_A_Row_With_An_Exists_Query()
    {
        await app.AsUserAsync(null, "admin", async sp =>
        {
            var tenants = sp.GetRequiredService<IRepository<Tenant>>();
            var normalized = Tenant.Normalize("兰州");

            using var sql = await SqlCapture.StartAsync(sp.GetRequiredService<PilotAssessmentDbContext>());
            (await tenants.AnyAsync(tenants.Query().Where(t => t.NormalizedName == normalized))).ShouldBeTrue();
            (await tenants.AnyAsync(tenants.Query().Where(t => t.Name == "不存在的城市"))).ShouldBeFalse();

            sql.Commands.Count.ShouldBe(2);
            sql.Commands.ShouldAllBe(c => c.Contains("EXISTS", StringComparison.OrdinalIgnoreCase));
            sql.Commands.ShouldAllBe(c => !c.Contains("COUNT", StringComparison.OrdinalIgnoreCase));
        });
    }

    [Fact]
    public async Task Should_Report_A_Lost_Race_On_The_Concurrency_Stamp_As_The_Domains_Conflict()
    {
        await app.AsUserAsync(null, "admin", async sp =>
        {
            var tenants = sp.GetRequiredService<IRepository<Tenant>>();
            var normalized = Tenant.Normalize("金昌");
            var mine = (await tenants.FirstOrDefaultAsync(tenants.Query().Where(t => t.NormalizedName == normalized)))!;

            // Another request renames the same city first.
            using (var other = sp.GetRequiredService<IServiceScopeFactory>().CreateScope())
            {
                var theirs = other.ServiceProvider.GetRequiredService<IRepository<Tenant>>();
                var city = await theirs.GetAsync(mine.Id);
                city.Rename(city.DisplayName + "（先）");
                await theirs.UpdateAsync(city);
            }

            mine.Rename(mine.DisplayName + "（后）");
            var error = await Should.ThrowAsync<ConcurrencyConflictException>(() => tenants.UpdateAsync(mine));
            error.Code.ShouldBe(PilotAssessmentErrorCodes.ConcurrencyConflict);
        });
    }

    [Fact]
    public async Task Should_Throw_Entity_Not_Found_When_Getting_A_Missing_Id()
    {
        await app.AsUserAsync(null, "admin", async sp =>
        {
            var tenants = sp.GetRequiredService<IRepository<Tenant>>();
            var missing = Guid.NewGuid();

            var error = await Should.ThrowAsync<EntityNotFoundException>(() => tenants.GetAsync(missing));
            error.EntityType.ShouldBe(typeof(Tenant));
            error.Id.ShouldBe(missing);
        });
    }

    /// <summary>
    /// Records the SQL commands one DbContext sends, from EF Core's diagnostic events. EF Core caches for up to a second
    /// whether anyone listens, and a context from the pool has run commands before: <see cref="StartAsync"/> waits
    /// until its probes are seen, then forgets them.
    /// </summary>
    private sealed class SqlCapture : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly DbContext _context;
        private readonly ConcurrentQueue<string> _commands = new();
        private readonly ConcurrentBag<IDisposable> _subscriptions = [];
        private readonly IDisposable _all;

        public SqlCapture(DbContext context)
        {
            _context = context;
            _all = DiagnosticListener.AllListeners.Subscribe(this);
        }

        public IReadOnlyList<string> Commands => [.. _commands];

        public static async Task<SqlCapture> StartAsync(DbContext context)
        {
            var capture = new SqlCapture(context);
            for (var probe = 0; capture._commands.IsEmpty && probe < 30; probe++)
            {
                await context.Database.ExecuteSqlRawAsync("SELECT 1");
                if (capture._commands.IsEmpty)
                {
                    await Task.Delay(100);
                }
            }

            capture._commands.Clear();
            return capture;
        }

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name)
            {
                _subscriptions.Add(listener.Subscribe(this));
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData data && ReferenceEquals(data.Context, _context))
            {
                _commands.Enqueue(data.Command.CommandText);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            _all.Dispose();
            foreach (var subscription in _subscriptions)
            {
                subscription.Dispose();
            }
        }
    }
}

public sealed class EfCoreRepository_Sqlite_Tests(SqliteTestApplication app) : EfCoreRepository_Tests<SqliteTestApplication>(app);

public sealed class EfCoreRepository_MySql_Tests(MySqlTestApplication app) : EfCoreRepository_Tests<MySqlTestApplication>(app);
