using System.Globalization;

namespace PilotAssessment.Agreements.SampleData;

/// <summary>The pilot plan's 20 key tasks (重点任务, 4 work areas) embedded from key-tasks.csv, for new agreements and demos.</summary>
public static class SampleKeyTaskLoader
{
    public const string ResourceName = "PilotAssessment.Agreements.SampleData.key-tasks.csv";

    /// <summary>code,area,task,responsible_unit,due (yyyy-MM: due at the end of that month). The texts have no commas.</summary>
    public static IReadOnlyList<AgreementKeyTask> Load()
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
            var month = DateTime.ParseExact(cells[4].Trim(), "yyyy-MM", CultureInfo.InvariantCulture);
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
