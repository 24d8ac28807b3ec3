using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PilotAssessment.Migrations.MySql
{
    /// <inheritdoc />
    public partial class EntryLineRevision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "EntryLines",
                type: "int",
                nullable: false,
                defaultValue: 0);

            // Lines saved before the counter: their latest revision number, from the history.
            migrationBuilder.Sql(
                "UPDATE `EntryLines` AS l JOIN (SELECT `EntryLineId`, MAX(`Revision`) AS r FROM `EntryValueHistory` GROUP BY `EntryLineId`) AS h ON h.`EntryLineId` = l.`Id` SET l.`Revision` = h.r;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Revision",
                table: "EntryLines");
        }
    }
}
