using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PilotAssessment.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Lines saved before the counter: their latest revision number, from the history.
            migrationBuilder.Sql(
                "UPDATE \"EntryLines\" SET \"Revision\" = (SELECT MAX(h.\"Revision\") FROM \"EntryValueHistory\" AS h WHERE h.\"EntryLineId\" = \"EntryLines\".\"Id\") WHERE EXISTS (SELECT 1 FROM \"EntryValueHistory\" AS h WHERE h.\"EntryLineId\" = \"EntryLines\".\"Id\");");
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
