using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PilotAssessment.Migrations.MySql
{
    /// <inheritdoc />
    public partial class Publication : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "NotAssessed",
                table: "ScoreSheets",
                type: "tinyint(1)",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ReferencePeriodName",
                table: "ScoreSheets",
                type: "varchar(128)",
                maxLength: 128,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<decimal>(
                name: "SelfTotal",
                table: "ScoreSheets",
                type: "decimal(18,4)",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WithdrawnTime",
                table: "ScoreSheets",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReferenceSource",
                table: "ScoreSheetLines",
                type: "varchar(32)",
                maxLength: 32,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<decimal>(
                name: "ReferenceValue",
                table: "ScoreSheetLines",
                type: "decimal(18,4)",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ValueText",
                table: "ScoreSheetLines",
                type: "varchar(2000)",
                maxLength: 2000,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<string>(
                name: "AdjustClearReason",
                table: "EntryLines",
                type: "varchar(2000)",
                maxLength: 2000,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<decimal>(
                name: "AuditedTotal",
                table: "CitySubmissions",
                type: "decimal(18,4)",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EarlyCloseReason",
                table: "AssessmentPeriods",
                type: "varchar(1000)",
                maxLength: 1000,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<DateTime>(
                name: "FinalizedTime",
                table: "AssessmentPeriods",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublicationWithdrawReason",
                table: "AssessmentPeriods",
                type: "varchar(1000)",
                maxLength: 1000,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<DateTime>(
                name: "PublicationWithdrawnTime",
                table: "AssessmentPeriods",
                type: "datetime(6)",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NotAssessed",
                table: "ScoreSheets");

            migrationBuilder.DropColumn(
                name: "ReferencePeriodName",
                table: "ScoreSheets");

            migrationBuilder.DropColumn(
                name: "SelfTotal",
                table: "ScoreSheets");

            migrationBuilder.DropColumn(
                name: "WithdrawnTime",
                table: "ScoreSheets");

            migrationBuilder.DropColumn(
                name: "ReferenceSource",
                table: "ScoreSheetLines");

            migrationBuilder.DropColumn(
                name: "ReferenceValue",
                table: "ScoreSheetLines");

            migrationBuilder.DropColumn(
                name: "ValueText",
                table: "ScoreSheetLines");

            migrationBuilder.DropColumn(
                name: "AdjustClearReason",
                table: "EntryLines");

            migrationBuilder.DropColumn(
                name: "AuditedTotal",
                table: "CitySubmissions");

            migrationBuilder.DropColumn(
                name: "EarlyCloseReason",
                table: "AssessmentPeriods");

            migrationBuilder.DropColumn(
                name: "FinalizedTime",
                table: "AssessmentPeriods");

            migrationBuilder.DropColumn(
                name: "PublicationWithdrawReason",
                table: "AssessmentPeriods");

            migrationBuilder.DropColumn(
                name: "PublicationWithdrawnTime",
                table: "AssessmentPeriods");
        }
    }
}
