using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PilotAssessment.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Feeds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OverrideReason",
                table: "EntryValueHistory",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SourceClientId",
                table: "EntryValueHistory",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceName",
                table: "EntryValueHistory",
                type: "TEXT",
                maxLength: 132,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OverriddenSourceName",
                table: "EntryLines",
                type: "TEXT",
                maxLength: 132,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OverrideReason",
                table: "EntryLines",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SourceClientId",
                table: "EntryLines",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceEvidence",
                table: "EntryLines",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceName",
                table: "EntryLines",
                type: "TEXT",
                maxLength: 132,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FeedClients",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CityIds = table.Column<string>(type: "TEXT", nullable: false),
                    AllIndicators = table.Column<bool>(type: "INTEGER", nullable: false),
                    IndicatorCodes = table.Column<string>(type: "TEXT", nullable: false),
                    SecretHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SecretSalt = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RevokedTime = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokeReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    CreationTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LastModificationTime = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastModifierId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IsDeleted = table.Column<bool>(type: "INTEGER", nullable: false),
                    DeletionTime = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeleterId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedClients", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FeedImports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Imported = table.Column<int>(type: "INTEGER", nullable: false),
                    Updated = table.Column<int>(type: "INTEGER", nullable: false),
                    Ignored = table.Column<int>(type: "INTEGER", nullable: false),
                    SummaryJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreationTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatorId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedImports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FeedClients_TenantId",
                table: "FeedClients",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedImports_ClientId_CreationTime",
                table: "FeedImports",
                columns: new[] { "ClientId", "CreationTime" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedImports_ClientId_IdempotencyKey",
                table: "FeedImports",
                columns: new[] { "ClientId", "IdempotencyKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FeedClients");

            migrationBuilder.DropTable(
                name: "FeedImports");

            migrationBuilder.DropColumn(
                name: "OverrideReason",
                table: "EntryValueHistory");

            migrationBuilder.DropColumn(
                name: "SourceClientId",
                table: "EntryValueHistory");

            migrationBuilder.DropColumn(
                name: "SourceName",
                table: "EntryValueHistory");

            migrationBuilder.DropColumn(
                name: "OverriddenSourceName",
                table: "EntryLines");

            migrationBuilder.DropColumn(
                name: "OverrideReason",
                table: "EntryLines");

            migrationBuilder.DropColumn(
                name: "SourceClientId",
                table: "EntryLines");

            migrationBuilder.DropColumn(
                name: "SourceEvidence",
                table: "EntryLines");

            migrationBuilder.DropColumn(
                name: "SourceName",
                table: "EntryLines");
        }
    }
}
