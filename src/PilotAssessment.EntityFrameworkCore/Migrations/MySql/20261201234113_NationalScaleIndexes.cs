using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PilotAssessment.Migrations.MySql
{
    /// <inheritdoc />
    public partial class NationalScaleIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_CitySubmissions_PeriodId_Status",
                table: "CitySubmissions",
                columns: new[] { "PeriodId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CityPeriodFacts_PeriodId",
                table: "CityPeriodFacts",
                column: "PeriodId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CitySubmissions_PeriodId_Status",
                table: "CitySubmissions");

            migrationBuilder.DropIndex(
                name: "IX_CityPeriodFacts_PeriodId",
                table: "CityPeriodFacts");
        }
    }
}
