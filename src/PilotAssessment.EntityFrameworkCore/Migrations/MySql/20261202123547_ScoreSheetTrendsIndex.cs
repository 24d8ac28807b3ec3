using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PilotAssessment.Migrations.MySql
{
    /// <inheritdoc />
    public partial class ScoreSheetTrendsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ScoreSheets_Trends",
                table: "ScoreSheets",
                columns: new[] { "PeriodId", "IsCurrent", "NotAssessed", "TenantId", "Total", "Percent", "Grade", "Colour" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ScoreSheets_Trends",
                table: "ScoreSheets");
        }
    }
}
