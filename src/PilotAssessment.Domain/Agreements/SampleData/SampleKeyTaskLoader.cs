using System.Globalization;

namespace PilotAssessment.Agreements.SampleData;

/// <summary>The pilot plan's 20 key tasks (重点任务, 4 work areas) embedded from key-tasks.csv, for new agreements and demos.</summary>
public static class SampleKeyTaskLoader
{
    public const string ResourceName = "PilotAssessment.Agreements.SampleData.key-tasks.csv";

    /// <summary>
    /// code,area,task,responsible_unit,due (yyyy-MM: due at the end of that month). The texts have no commas.
    /// The plan's months are kept and moved into <paramref name="year"/>, the year of the agreement they go into.
    /// </summary>
    public static IReadOnlyList<AgreementKeyTask> Load(int year)
    {
        using var stream = typeof(SampleKeyTaskLoader).Assembly.GetManifestResourceStream(ResourceName)
                           ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var tasks = new List<AgreementKeyTask>();
        _ = reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var cells = line.Split(',');
            var planned = DateTime.ParseExact(cells[4].Trim(), "yyyy-MM", CultureInfo.InvariantCulture);
            var month = new DateTime(year, planned.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
            tasks.Add(new AgreementKeyTask
            {
                Code = cells[0].Trim(),
                Area = cells[1].Trim(),
                Task = cells[2].Trim(),
                ResponsibleUnit = cells[3].Trim(),
                DueDate = month.AddMonths(1).AddDays(-1),
            });
        }

        return tasks;
    }
}
