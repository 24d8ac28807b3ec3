using BenchmarkDotNet.Attributes;
using PilotAssessment.Benchmarks;
using PilotAssessment.Schemes;
using PilotAssessment.Schemes.Scoring;

[MemoryDiagnoser]
public class ProvinceBenchmark
{
    private readonly ScoringEngine _engine = new();
    private SchemeDefinition _scheme = null!;
    private (CityPeriodValues Values, ReferenceData Reference)[] _cities = null!;

    [GlobalSetup]
    public void Setup()
    {
        _scheme = ProvinceGenerator.Scheme();
        _cities = ProvinceGenerator.Cities(_scheme, 300);
    }

    [Benchmark]
    public int ScoreAndRankProvince()
    {
        var sheets = new ScoreSheet[_cities.Length];
        for (var i = 0; i < _cities.Length; i++)
        {
            sheets[i] = _engine.Score(_scheme, _cities[i].Values, _cities[i].Reference);
        }

        return CityRanking.Rank(sheets).Count;
    }
}
