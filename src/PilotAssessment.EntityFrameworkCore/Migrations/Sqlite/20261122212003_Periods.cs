using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PilotAssessment.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Periods : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AssessmentPeriods",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchemeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    EntryOpensAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EntryClosesAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OpenedTime = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LockedTime = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedTime = table.Column<DateTime>(type: "TEXT", nullable: true),
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
                    table.PrimaryKey("PK_AssessmentPeriods", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CityPeriodFacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PeriodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VetoFacts = table.Column<string>(type: "TEXT", nullable: false),
                    BonusCounts = table.Column<string>(type: "TEXT", nullable: false),
                    DataItems = table.Column<string>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
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
                    table.PrimaryKey("PK_CityPeriodFacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CitySubmissions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PeriodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FirstSubmittedTime = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmittedTime = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmittedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SelfTotal = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    ReturnComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ApprovedTime = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ApprovedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    WithdrawReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
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
                    table.PrimaryKey("PK_CitySubmissions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EntryLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PeriodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IndicatorCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ValueJson = table.Column<string>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReportedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReportedTime = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SelfScore = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    AuditorScore = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    AdjustReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AdjustedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReturnComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
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
                    table.PrimaryKey("PK_EntryLines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EntryValueHistory",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EntryLineId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    OldValueJson = table.Column<string>(type: "TEXT", nullable: true),
                    NewValueJson = table.Column<string>(type: "TEXT", nullable: false),
                    OldNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    NewNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreationTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatorId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EntryValueHistory", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EvidenceFiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EntryLineId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    IsDeleted = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreationTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatorId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceFiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MonitoringIndexSnapshots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PeriodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Total = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Percent = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Colour = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ReportedLines = table.Column<int>(type: "INTEGER", nullable: false),
                    ComputedTime = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitoringIndexSnapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ReadTime = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreationTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatorId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PeriodLockExceptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PeriodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Deadline = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreationTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatorId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeriodLockExceptions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ScoreSheets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PeriodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IsCurrent = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    IndicatorPoints = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    MaxPoints = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Bonus = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    VetoDeduction = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Total = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Percent = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    ScoreGrade = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Colour = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    AwardEligible = table.Column<bool>(type: "INTEGER", nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: true),
                    PreviousTotal = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    UnreportedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CategoriesJson = table.Column<string>(type: "TEXT", nullable: false),
                    BonusJson = table.Column<string>(type: "TEXT", nullable: false),
                    VetoesJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreationTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatorId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreSheets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ScoreSheetLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ScoreSheetRecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    IndicatorCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IndicatorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CategoryCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    MaxPoints = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    SelfScore = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    AuditorScore = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    AdjustReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Points = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ExplanationZh = table.Column<string>(type: "TEXT", nullable: false),
                    ExplanationEn = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreSheetLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoreSheetLines_ScoreSheets_ScoreSheetRecordId",
                        column: x => x.ScoreSheetRecordId,
                        principalTable: "ScoreSheets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentPeriods_SchemeId_Kind_Year_Number",
                table: "AssessmentPeriods",
                columns: new[] { "SchemeId", "Kind", "Year", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentPeriods_Status",
                table: "AssessmentPeriods",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_CityPeriodFacts_TenantId_PeriodId",
                table: "CityPeriodFacts",
                columns: new[] { "TenantId", "PeriodId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CitySubmissions_TenantId_PeriodId",
                table: "CitySubmissions",
                columns: new[] { "TenantId", "PeriodId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EntryLines_PeriodId",
                table: "EntryLines",
                column: "PeriodId");

            migrationBuilder.CreateIndex(
                name: "IX_EntryLines_TenantId_PeriodId_IndicatorCode",
                table: "EntryLines",
                columns: new[] { "TenantId", "PeriodId", "IndicatorCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EntryValueHistory_EntryLineId_Revision",
                table: "EntryValueHistory",
                columns: new[] { "EntryLineId", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceFiles_EntryLineId",
                table: "EvidenceFiles",
                column: "EntryLineId");

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringIndexSnapshots_PeriodId_TenantId_Day",
                table: "MonitoringIndexSnapshots",
                columns: new[] { "PeriodId", "TenantId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_TenantId_UserId_Key",
                table: "Notifications",
                columns: new[] { "TenantId", "UserId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PeriodLockExceptions_PeriodId_CityId",
                table: "PeriodLockExceptions",
                columns: new[] { "PeriodId", "CityId" });

            migrationBuilder.CreateIndex(
                name: "IX_ScoreSheetLines_ScoreSheetRecordId",
                table: "ScoreSheetLines",
                column: "ScoreSheetRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_ScoreSheets_PeriodId_TenantId_Version",
                table: "ScoreSheets",
                columns: new[] { "PeriodId", "TenantId", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssessmentPeriods");

            migrationBuilder.DropTable(
                name: "CityPeriodFacts");

            migrationBuilder.DropTable(
                name: "CitySubmissions");

            migrationBuilder.DropTable(
                name: "EntryLines");

            migrationBuilder.DropTable(
                name: "EntryValueHistory");

            migrationBuilder.DropTable(
                name: "EvidenceFiles");

            migrationBuilder.DropTable(
                name: "MonitoringIndexSnapshots");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "PeriodLockExceptions");

            migrationBuilder.DropTable(
                name: "ScoreSheetLines");

            migrationBuilder.DropTable(
                name: "ScoreSheets");
        }
    }
}
