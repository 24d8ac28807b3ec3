using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PilotAssessment.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Honours : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HonourAwards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RuleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    Stars = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodIds = table.Column<string>(type: "TEXT", nullable: false),
                    Years = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    AwardedTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedTime = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokeReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RevocationKind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    RevokedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    RevokedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreationTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatorId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HonourAwards", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HonourRules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SeriesName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    VetoBreaksRun = table.Column<bool>(type: "INTEGER", nullable: false),
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
                    table.PrimaryKey("PK_HonourRules", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HonourAwards_RuleId",
                table: "HonourAwards",
                column: "RuleId");

            migrationBuilder.CreateIndex(
                name: "IX_HonourAwards_TenantId_RuleId",
                table: "HonourAwards",
                columns: new[] { "TenantId", "RuleId" });

            migrationBuilder.CreateIndex(
                name: "IX_HonourRules_SeriesName",
                table: "HonourRules",
                column: "SeriesName");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HonourAwards");

            migrationBuilder.DropTable(
                name: "HonourRules");
        }
    }
}
