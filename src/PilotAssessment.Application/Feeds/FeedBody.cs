using System.Globalization;
using System.Text;
using System.Text.Json;
using PilotAssessment.DataEntry;

namespace PilotAssessment.Feeds;

/// <summary>
/// Reads an import body as it arrives: JSON (<c>{"rows":[…]}</c>) or CSV (UTF-8, a byte-order mark tolerated, a header row). CSV
/// columns, in any order and case: city, period, indicator (required), number, lastYearNumber, grade, checklist
/// (items separated by <c>;</c>), occurrences (<c>type:count;…</c>), surveyRates (<c>key:rate;…</c>), note, evidence.
/// Anything unreadable is a 400 naming the row and column (<c>rows[i].field</c>, i counting data rows from 0).
/// </summary>
public static class FeedBody
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { MaxDepth = 16 };
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    private static readonly string[] Columns =
        ["city", "period", "indicator", "number", "lastYearNumber", "grade", "checklist", "occurrences", "surveyRates", "note", "evidence"];

    private const int MaxFieldLength = 4000;

    /// <summary>Reads the body as it arrives (never a copy of the whole body): the rows are what stays in memory.</summary>
    public static async Task<List<FeedRowInput>> ReadAsync(string? contentType, Stream body)
    {
        var media = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        return media switch
        {
            "application/json" or "text/json" or null or "" => await ReadJsonAsync(body),
            "text/csv" or "application/csv" => await ReadCsvAsync(body),
            _ => throw new BusinessException(FeedErrorCodes.UnsupportedContentType, media),
        };
    }

    private static async Task<List<FeedRowInput>> ReadJsonAsync(Stream body)
    {
        try
        {
            var input = await JsonSerializer.DeserializeAsync<FeedImportInput>(body, Json);
            return input?.Rows?.Select(r => r ?? new FeedRowInput()).ToList() ?? [];
        }
        catch (JsonException exception)
        {
            var at = exception.Path is { Length: > 0 } path ? path.TrimStart('$', '.') : "rows";
            throw new BusinessException(FeedErrorCodes.MalformedJson).WithError(at.Length == 0 ? "rows" : at, FeedErrorCodes.MalformedJson);
        }
    }

    private static async Task<List<FeedRowInput>> ReadCsvAsync(Stream body)
    {
        List<List<string>> records;
        try
        {
            using var reader = new StreamReader(body, StrictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true);
            records = await SplitAsync(reader);
        }
        catch (DecoderFallbackException)
        {
            throw new BusinessException(FeedErrorCodes.MalformedCsv, 1).WithError("rows", FeedErrorCodes.MalformedCsv, 1);
        }

        if (records.Count == 0)
        {
            return [];
        }

        var header = records[0].Select(h => h.Trim()).ToList();
        var error = new BusinessException(FeedErrorCodes.Invalid);
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var c = 0; c < header.Count; c++)
        {
            var known = Columns.FirstOrDefault(k => k.Equals(header[c], StringComparison.OrdinalIgnoreCase));
            if (known is null || !index.TryAdd(known, c))
            {
                error.WithError("header", FeedErrorCodes.CsvUnknownColumn, header[c].Length > 40 ? header[c][..40] : header[c]);
            }
        }

        foreach (var required in new[] { "city", "period", "indicator" }.Where(r => !index.ContainsKey(r)))
        {
            error.WithError("header", FeedErrorCodes.CsvMissingColumn, required);
        }

        if (error.Errors.Count > 0)
        {
            throw error;
        }

        if (records.Count - 1 > FeedConsts.MaxRows)
        {
            throw new BusinessException(FeedErrorCodes.TooManyRows, FeedConsts.MaxRows).WithError("rows", FeedErrorCodes.TooManyRows, FeedConsts.MaxRows);
        }

        var rows = new List<FeedRowInput>(records.Count - 1);
        for (var r = 1; r < records.Count; r++)
        {
            var record = records[r];
            var key = $"rows[{r - 1}]";
            string? Cell(string column) =>
                index.TryGetValue(column, out var c) && c < record.Count && !string.IsNullOrWhiteSpace(record[c]) ? record[c].Trim() : null;
            var value = new EntryValueDto
            {
                Number = Number(Cell("number"), $"{key}.value.number", error),
                LastYearNumber = Number(Cell("lastYearNumber"), $"{key}.value.lastYearNumber", error),
                Grade = Cell("grade"),
                ChecklistPresent = Cell("checklist")?.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList(),
                Occurrences = Pairs(Cell("occurrences"), $"{key}.value.occurrences", error)?.Select(p => new EntryOccurrenceDto
                {
                    Type = p.Key,
                    Count = p.Value == decimal.Truncate(p.Value) && Math.Abs(p.Value) <= int.MaxValue ? (int)p.Value : Fail(error, $"{key}.value.occurrences"),
                }).ToList(),
                SurveyRates = Pairs(Cell("surveyRates"), $"{key}.value.surveyRates", error)?.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value),
            };
            rows.Add(new FeedRowInput { City = Cell("city"), Period = Cell("period"), Indicator = Cell("indicator"), Value = value, Note = Cell("note"), Evidence = Cell("evidence") });
        }

        return error.Errors.Count > 0 ? throw error : rows;
    }

    private static int Fail(BusinessException error, string key)
    {
        error.WithError(key, FeedErrorCodes.CsvBadNumber);
        return 0;
    }

    private static decimal? Number(string? cell, string key, BusinessException error)
    {
        if (cell is null)
        {
            return null;
        }

        if (decimal.TryParse(cell, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        error.WithError(key, FeedErrorCodes.CsvBadNumber);
        return null;
    }

    private static List<KeyValuePair<string, decimal>>? Pairs(string? cell, string key, BusinessException error)
    {
        if (cell is null)
        {
            return null;
        }

        var pairs = new List<KeyValuePair<string, decimal>>();
        foreach (var part in cell.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var at = part.LastIndexOf(':');
            if (at <= 0 || !decimal.TryParse(part[(at + 1)..], NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
            {
                error.WithError(key, FeedErrorCodes.CsvBadNumber);
                continue;
            }

            pairs.Add(new(part[..at].Trim(), number));
        }

        return pairs;
    }

    /// <summary>RFC 4180 records, read in blocks: quoted fields may hold commas, quotes ("") and line breaks.</summary>
    private static async Task<List<List<string>>> SplitAsync(StreamReader reader)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var buffer = new char[16 * 1024];
        var first = true;
        var pendingQuote = false; // a quote inside a quoted field, waiting for the next character
        var pendingReturn = false; // a \r that ended a record; a \n right after it belongs to it
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var ch = buffer[i];
                if (first)
                {
                    first = false;
                    if (ch == '\uFEFF')
                    {
                        continue;
                    }
                }

                if (pendingReturn)
                {
                    pendingReturn = false;
                    if (ch == '\n')
                    {
                        continue;
                    }
                }

                if (pendingQuote)
                {
                    pendingQuote = false;
                    if (ch == '"')
                    {
                        field.Append('"');
                        continue;
                    }

                    quoted = false;
                }

                if (quoted)
                {
                    if (ch == '"')
                    {
                        pendingQuote = true;
                    }
                    else
                    {
                        field.Append(ch);
                    }
                }
                else if (ch == '"' && field.Length == 0)
                {
                    quoted = true;
                }
                else if (ch == ',')
                {
                    record.Add(field.ToString());
                    field.Clear();
                }
                else if (ch is '\r' or '\n')
                {
                    pendingReturn = ch == '\r';
                    record.Add(field.ToString());
                    field.Clear();
                    AddRecord(records, record);
                    record = [];
                }
                else
                {
                    field.Append(ch);
                }

                if (field.Length > MaxFieldLength || record.Count > Columns.Length * 2)
                {
                    throw Malformed(records);
                }
            }
        }

        if (quoted && !pendingQuote)
        {
            throw Malformed(records);
        }

        record.Add(field.ToString());
        AddRecord(records, record);
        return records;
    }

    private static BusinessException Malformed(List<List<string>> records) =>
        new BusinessException(FeedErrorCodes.MalformedCsv, records.Count + 1).WithError($"rows[{Math.Max(0, records.Count - 1)}]", FeedErrorCodes.MalformedCsv, records.Count + 1);

    private static void AddRecord(List<List<string>> records, List<string> record)
    {
        // Blank lines (and the end of the file) are no rows.
        if (record.Count > 1 || record[0].Length > 0)
        {
            records.Add(record);
        }

        if (records.Count > FeedConsts.MaxRows + 1)
        {
            throw new BusinessException(FeedErrorCodes.TooManyRows, FeedConsts.MaxRows).WithError("rows", FeedErrorCodes.TooManyRows, FeedConsts.MaxRows);
        }
    }
}
