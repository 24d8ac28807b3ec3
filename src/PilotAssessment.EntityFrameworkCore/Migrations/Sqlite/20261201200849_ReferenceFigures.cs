using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PilotAssessment.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReferenceFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AdjustClearReason",
                table: "EntryValueHistory",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AdjustReason",
                table: "EntryValueHistory",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "AuditorScore",
                table: "EntryValueHistory",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReferenceFigures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PeriodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IndicatorCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ReportedSum = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    ReportedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ApprovedSum = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    ApprovedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LastModificationTime = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastModifierId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferenceFigures", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReferenceFigures_PeriodId_IndicatorCode",
                table: "ReferenceFigures",
                columns: new[] { "PeriodId", "IndicatorCode" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReferenceFigures");

            migrationBuilder.DropColumn(
                name: "AdjustClearReason",
                table: "EntryValueHistory");

            migrationBuilder.DropColumn(
                name: "AdjustReason",
                table: "EntryValueHistory");

            migrationBuilder.DropColumn(
                name: "AuditorScore",
                table: "EntryValueHistory");
        }
    }
}
