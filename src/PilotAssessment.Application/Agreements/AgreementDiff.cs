namespace PilotAssessment.Agreements;

/// <summary>What changed between two versions of one agreement, by line and task code.</summary>
public static class AgreementDiff
{
    /// <param name="fromContent">What of <paramref name="from"/> the reader may see (default: all of it).</param>
    /// <param name="toContent">What of <paramref name="to"/> the reader may see (default: all of it).</param>
    public static AgreementDiffDto Compute(Agreement from, Agreement to, AgreementContent? fromContent = null, AgreementContent? toContent = null)
    {
        var a = fromContent ?? from.Content;
        var b = toContent ?? to.Content;
        var oldLines = a.Lines.ToDictionary(l => l.Code);
        var newLines = b.Lines.ToDictionary(l => l.Code);
        var targets = new List<TargetChangeDto>();
        var lineChanges = new List<FieldChangeDto>();
        foreach (var line in b.Lines.Where(l => oldLines.ContainsKey(l.Code)))
        {
            var old = oldLines[line.Code];
            if (old.EffectiveTarget != line.EffectiveTarget)
            {
                targets.Add(new TargetChangeDto(line.Code, old.EffectiveTarget, line.EffectiveTarget));
            }

            var fields = new List<string>();
            AddIf(fields, "name", old.Name != line.Name);
            AddIf(fields, "maxPoints", old.MaxPoints != line.MaxPoints);
            AddIf(fields, "target", old.EffectiveTarget != line.EffectiveTarget);
            AddIf(fields, "note", old.Note != line.Note);
            if (fields.Count > 0)
            {
                lineChanges.Add(new FieldChangeDto(line.Code, fields));
            }
        }

        var oldTasks = a.KeyTasks.ToDictionary(t => t.Code);
        var newTasks = b.KeyTasks.ToDictionary(t => t.Code);
        var taskChanges = new List<FieldChangeDto>();
        foreach (var task in b.KeyTasks.Where(t => oldTasks.ContainsKey(t.Code)))
        {
            var old = oldTasks[task.Code];
            var fields = new List<string>();
            AddIf(fields, "area", old.Area != task.Area);
            AddIf(fields, "task", old.Task != task.Task);
            AddIf(fields, "responsibleUnit", old.ResponsibleUnit != task.ResponsibleUnit || old.ResponsibleUnitId != task.ResponsibleUnitId);
            AddIf(fields, "dueDate", old.DueDate != task.DueDate);
            AddIf(fields, "milestones", !old.Milestones.SequenceEqual(task.Milestones));
            if (fields.Count > 0)
            {
                taskChanges.Add(new FieldChangeDto(task.Code, fields));
            }
        }

        var lists = new List<ListChangeDto>();
        AddList(lists, "duties", a.Duties, b.Duties);
        AddList(lists, "prohibitions", a.Prohibitions, b.Prohibitions);
        AddList(lists, "rules", a.Rules, b.Rules);

        return new AgreementDiffDto(
            from.Id,
            from.Version,
            to.Id,
            to.Version,
            b.Lines.Where(l => !oldLines.ContainsKey(l.Code)).Select(l => l.Code).ToList(),
            a.Lines.Where(l => !newLines.ContainsKey(l.Code)).Select(l => l.Code).ToList(),
            targets,
            lineChanges,
            b.KeyTasks.Where(t => !oldTasks.ContainsKey(t.Code)).Select(t => t.Code).ToList(),
            a.KeyTasks.Where(t => !newTasks.ContainsKey(t.Code)).Select(t => t.Code).ToList(),
            taskChanges,
            lists);
    }

    private static void AddIf(List<string> fields, string name, bool changed)
    {
        if (changed)
        {
            fields.Add(name);
        }
    }

    private static void AddList(List<ListChangeDto> lists, string name, IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var added = after.Except(before, StringComparer.Ordinal).ToList();
        var removed = before.Except(after, StringComparer.Ordinal).ToList();
        if (added.Count > 0 || removed.Count > 0)
        {
            lists.Add(new ListChangeDto(name, added, removed));
        }
    }
}
