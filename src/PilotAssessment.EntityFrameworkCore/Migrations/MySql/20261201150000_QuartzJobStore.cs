using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PilotAssessment.EntityFrameworkCore;
using PilotAssessment.EntityFrameworkCore.BackgroundJobs;

#nullable disable

namespace PilotAssessment.Migrations.MySql
{
    /// <summary>The clustered job store's tables; they are not entities of the model.</summary>
    [DbContext(typeof(MySqlPilotAssessmentDbContext))]
    [Migration("20261201150000_QuartzJobStore")]
    public partial class QuartzJobStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(QuartzSchema.CreateMySql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in QuartzSchema.Tables)
            {
                migrationBuilder.Sql($"DROP TABLE IF EXISTS {QuartzSchema.TablePrefix}{table};");
            }
        }
    }
}
