using PilotAssessment.Schemes;

namespace PilotAssessment.Results;

/// <summary>
/// Early-warning levels from the scheme's colour bands, which are listed best first (绿 蓝 橙 红 in the sample scheme).
/// By position, not by name: the last band is Red, the one before it Orange when the scheme has three bands or more
/// (with two bands only the worse one warns; with fewer nothing does).
/// </summary>
public static class ColourWarnings
{
    public const string Orange = "Orange";
    public const string Red = "Red";

    /// <summary>The band a percentage falls in, as the engine assigns it.</summary>
    public static string? ColourOf(SchemeDefinition definition, decimal percent)
    {
        foreach (var band in definition.Colours)
        {
            if (percent >= band.MinPercent)
            {
                return band.Name;
            }
        }

        return definition.Colours.Count == 0 ? null : definition.Colours[^1].Name;
    }

    public static string? LevelOf(SchemeDefinition definition, string? colour)
    {
        var bands = definition.Colours;
        if (colour is null || bands.Count < 2)
        {
            return null;
        }

        var index = -1;
        for (var i = 0; i < bands.Count; i++)
        {
            if (bands[i].Name == colour)
            {
                index = i;
            }
        }

        if (index == bands.Count - 1)
        {
            return Red;
        }

        return index == bands.Count - 2 && bands.Count >= 3 ? Orange : null;
    }

    public static decimal Percent(decimal points, decimal max) =>
        max == 0m ? 0m : Math.Round(points / max * 100m, 2, MidpointRounding.AwayFromZero);
}
