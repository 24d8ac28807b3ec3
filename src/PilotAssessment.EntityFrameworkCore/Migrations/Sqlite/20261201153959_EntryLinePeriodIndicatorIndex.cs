using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PilotAssessment.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EntryLinePeriodIndicatorIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_EntryLines_PeriodId_IndicatorCode",
                table: "EntryLines",
                columns: new[] { "PeriodId", "IndicatorCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EntryLines_PeriodId_IndicatorCode",
                table: "EntryLines");
        }
    }
}
