using System.ComponentModel;
using Spectre.Console.Cli;
using Strata.ChangePoints;
using Strata.Data;
using Strata.Data.Series;

namespace Strata.Cli.Commands;

/// <summary>
/// The options shared by <c>strata cpd detect</c> and <c>strata cpd eval</c>: the series file and the detection
/// configuration. An option left out takes its value from <see cref="DetectionConfig.Default"/>.
/// </summary>
public class CpdSettings : CommandSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("The series: one number per line, or a CSV file with a header row (then give --column). Empty, NA and NaN are missing values.")]
    public string File { get; init; } = "";

    [CommandOption("-m|--method <METHOD>")]
    [Description("pelt (default; exact, as R's changepoint), binseg (binary segmentation), op (optimal partitioning, O(n²)) or bocpd (Bayesian online, Normal model).")]
    public string? Method { get; init; }

    [CommandOption("-c|--cost <COST>")]
    [Description("normal-meanvar (default), normal-mean, normal-var, poisson, exponential or l1. Not used by bocpd.")]
    public string? Cost { get; init; }

    [CommandOption("-p|--penalty <PENALTY>")]
    [Description("sic, bic, mbic (default), aic, hq (Hannan-Quinn) or manual (with --pen-value). Not used by bocpd.")]
    public string? Penalty { get; init; }

    [CommandOption("--pen-value <X>")]
    [Description("The penalty per change point, with --penalty manual.")]
    public double? PenValue { get; init; }

    [CommandOption("--min-seg-len <K>")]
    [Description("Minimum segment length. Default: 5 with the default cost; R's for a cost given with --cost (1 for normal-mean and l1, 2 otherwise).")]
    public int? MinSegLen { get; init; }

    [CommandOption("--max-cpts <Q>")]
    [Description("binseg: the most change points to look for (default 5).")]
    public int? MaxCpts { get; init; }

    [CommandOption("--scale <SCALING>")]
    [Description("Rescale the series before the search: none (default), standardise (centre, divide by the standard deviation, as TCPDBench) or noise (divide by a robust noise estimate). Segments are reported in the original units.")]
    public string? Scale { get; init; }

    [CommandOption("--hazard <LAMBDA>")]
    [Description("bocpd: expected segment length in observations (constant hazard 1/LAMBDA; default 100).")]
    [DefaultValue(100.0)]
    public double Hazard { get; init; } = 100;

    [CommandOption("--column <NAME>")]
    [Description("Read this column of a CSV file whose first row is a header.")]
    public string? Column { get; init; }

    [CommandOption("--missing <POLICY>")]
    [Description("reject (default: a missing value is an error naming its line) or interpolate (linear, indices kept).")]
    [DefaultValue("reject")]
    public string Missing { get; init; } = "reject";

    [CommandOption("-f|--format <FORMAT>")]
    [Description("text (default) or json.")]
    [DefaultValue("text")]
    public string Format { get; init; } = "text";
}

/// <summary>What a <see cref="CpdSettings"/> asks for, checked: the configuration (null for bocpd) and how to read the series.</summary>
internal sealed record CpdRequest(string Method, DetectionConfig? Config, MissingValues Missing, string Format)
{
    /// <summary>Checks the options; every mistake is a <see cref="UsageException"/>.</summary>
    public static CpdRequest Parse(CpdSettings settings)
    {
        var d = DetectionConfig.Default;
        var method = (settings.Method ?? d.MethodName).Trim().ToLowerInvariant();
        if (method is not ("pelt" or "binseg" or "op" or "bocpd"))
        {
            throw new UsageException($"unknown method '{settings.Method}': expected pelt, binseg, op or bocpd");
        }
        var cost = d.Cost;
        if (settings.Cost is not null && !SegmentCosts.TryParse(settings.Cost, out cost))
        {
            throw new UsageException($"unknown cost '{settings.Cost}': expected normal-mean, normal-var, normal-meanvar, poisson, exponential or l1");
        }
        var penalty = d.Penalty;
        if (settings.Penalty is not null && !ChangePoints.Penalty.TryParse(settings.Penalty, settings.PenValue, out penalty, out var penaltyError))
        {
            throw new UsageException(penaltyError);
        }
        if (settings.PenValue is not null && penalty.Kind != PenaltyKind.Manual)
        {
            throw new UsageException("--pen-value is only used with --penalty manual");
        }
        var scaling = (settings.Scale?.Trim().ToLowerInvariant()) switch
        {
            null => d.Scaling,
            "none" => Scaling.None,
            "standardise" or "standardize" or "z" => Scaling.Standardise,
            "noise" => Scaling.NoiseScale,
            _ => throw new UsageException($"unknown scaling '{settings.Scale}': expected none, standardise or noise"),
        };
        var format = settings.Format.Trim().ToLowerInvariant();
        if (format is not ("text" or "json"))
        {
            throw new UsageException($"unknown format '{settings.Format}': expected text or json");
        }
        var missing = settings.Missing.Trim().ToLowerInvariant() switch
        {
            "reject" => MissingValues.Reject,
            "interpolate" => MissingValues.Interpolate,
            _ => throw new UsageException($"unknown missing-value policy '{settings.Missing}': expected reject or interpolate"),
        };
        // The cost's own default minimum length when the cost was chosen on the command line; else the default's.
        var minSegLen = settings.MinSegLen ?? (settings.Cost is null ? d.MinSegmentLength : null);
        if (minSegLen is { } m && m < cost.MinSize)
        {
            throw new UsageException($"--min-seg-len must be at least {cost.MinSize} for the {cost.Name} cost, was {m}");
        }
        if (settings.MaxCpts is < 1 || !(settings.Hazard >= 1))
        {
            throw new UsageException("--max-cpts must be at least 1, --hazard at least 1");
        }
        if (!System.IO.File.Exists(settings.File))
        {
            throw new UsageException($"no such file: {settings.File}");
        }
        var config = method == "bocpd" ? null : new DetectionConfig
        {
            Method = method switch { "binseg" => SearchMethod.BinSeg, "op" => SearchMethod.OptimalPartitioning, _ => SearchMethod.Pelt },
            Cost = cost,
            Penalty = penalty,
            MinSegmentLength = minSegLen,
            MaxChangePoints = settings.MaxCpts ?? d.MaxChangePoints,
            Scaling = scaling,
        };
        return new CpdRequest(method, config, missing, format);
    }

    /// <summary>Reads the series; a missing value is an error naming its line unless interpolation was asked for.</summary>
    public double[] ReadSeries(CpdSettings settings)
    {
        var series = SeriesReader.Read(settings.File, settings.Column);
        if (series.Length == 0)
        {
            throw new DataException($"{settings.File}: no values");
        }
        if (Missing == MissingValues.Reject)
        {
            var bad = Array.FindIndex(series, double.IsNaN);
            if (bad >= 0)
            {
                var line = bad + (settings.Column is null ? 1 : 2);
                throw new DataException($"{settings.File}:{line}: missing value (observation {bad + 1}); fill it, or pass --missing interpolate");
            }
        }
        return series;
    }

    /// <summary>Runs the detection: the segmentation, and BOCPD's result when the method is bocpd.</summary>
    public (Segmentation Segmentation, BocpdResult? Bocpd) Detect(double[] series, double hazard)
    {
        if (Config is null)
        {
            var options = new BocpdOptions { ExpectedRunLength = hazard, KeepPosterior = series.Length <= 5000 };
            var result = Bocpd.Detect(series, options, Missing);
            var x = SeriesInput.Prepare(series, Missing);
            return (Segmentation.Of(x, result.ChangePoints, SegmentCosts.NormalMeanVar, ChangePoints.Penalty.Manual(0), "bocpd"), result);
        }
        return (Config.Detect(series, Missing), null);
    }
}
