using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Spectre.Console.Cli;
using Strata.ChangePoints;
using Strata.Data;
using Strata.Data.Series;

namespace Strata.Cli.Commands;

/// <summary><c>strata cpd detect</c>: change points of any numeric series.</summary>
public sealed class CpdDetectCommand : Command<CpdDetectCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("The series: one number per line, or a CSV file with a header row (then give --column). Empty, NA and NaN are missing values.")]
        public string File { get; init; } = "";

        [CommandOption("-m|--method <METHOD>")]
        [Description("pelt (default; exact, as R's changepoint), binseg (binary segmentation), op (optimal partitioning, O(n²)) or bocpd (Bayesian online, Normal model).")]
        [DefaultValue("pelt")]
        public string Method { get; init; } = "pelt";

        [CommandOption("-c|--cost <COST>")]
        [Description("normal-mean (default), normal-var, normal-meanvar, poisson, exponential or l1. Not used by bocpd.")]
        [DefaultValue("normal-mean")]
        public string Cost { get; init; } = "normal-mean";

        [CommandOption("-p|--penalty <PENALTY>")]
        [Description("sic, bic, mbic (default), aic, hq (Hannan-Quinn) or manual (with --pen-value). Not used by bocpd.")]
        [DefaultValue("mbic")]
        public string Penalty { get; init; } = "mbic";

        [CommandOption("--pen-value <X>")]
        [Description("The penalty per change point, with --penalty manual.")]
        public double? PenValue { get; init; }

        [CommandOption("--min-seg-len <K>")]
        [Description("Minimum segment length. Default: R's for the cost (1 for means, 2 otherwise).")]
        public int? MinSegLen { get; init; }

        [CommandOption("--max-cpts <Q>")]
        [Description("binseg: the most change points to look for (default 5).")]
        [DefaultValue(5)]
        public int MaxCpts { get; init; } = 5;

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

        [CommandOption("--bootstrap <N>")]
        [Description("Also estimate each change point's strength and 95% interval from N bootstrap replicates (not for bocpd).")]
        public int? Bootstrap { get; init; }

        [CommandOption("--seed <S>")]
        [Description("Seed of the bootstrap (default 1): the same seed gives the same answer.")]
        [DefaultValue(1)]
        public int Seed { get; init; } = 1;

        [CommandOption("--window <W>")]
        [Description("A change is found again when within ±W (bootstrap strength, BOCPD probability; default 2).")]
        [DefaultValue(2)]
        public int Window { get; init; } = 2;

        [CommandOption("-f|--format <FORMAT>")]
        [Description("text (default: the change points, one per line, R's convention) or json.")]
        [DefaultValue("text")]
        public string Format { get; init; } = "text";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var method = settings.Method.Trim().ToLowerInvariant();
        if (method is not ("pelt" or "binseg" or "op" or "bocpd"))
        {
            throw new UsageException($"unknown method '{settings.Method}': expected pelt, binseg, op or bocpd");
        }
        if (!SegmentCosts.TryParse(settings.Cost, out var cost))
        {
            throw new UsageException($"unknown cost '{settings.Cost}': expected normal-mean, normal-var, normal-meanvar, poisson, exponential or l1");
        }
        if (!ChangePoints.Penalty.TryParse(settings.Penalty, settings.PenValue, out var penalty, out var penaltyError))
        {
            throw new UsageException(penaltyError);
        }
        if (settings.PenValue is not null && penalty.Kind != PenaltyKind.Manual)
        {
            throw new UsageException("--pen-value is only used with --penalty manual");
        }
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
        if (settings.MinSegLen is { } m && m < cost.MinSize)
        {
            throw new UsageException($"--min-seg-len must be at least {cost.MinSize} for the {cost.Name} cost, was {m}");
        }
        if (settings.MaxCpts < 1 || settings.Window < 0 || settings.Bootstrap is < 1 || !(settings.Hazard >= 1))
        {
            throw new UsageException("--max-cpts and --bootstrap must be at least 1, --window at least 0, --hazard at least 1");
        }
        if (!System.IO.File.Exists(settings.File))
        {
            throw new UsageException($"no such file: {settings.File}");
        }

        var series = SeriesReader.Read(settings.File, settings.Column);
        if (series.Length == 0)
        {
            throw new DataException($"{settings.File}: no values");
        }
        if (missing == MissingValues.Reject)
        {
            var bad = Array.FindIndex(series, v => double.IsNaN(v));
            if (bad >= 0)
            {
                var line = bad + (settings.Column is null ? 1 : 2);
                throw new DataException($"{settings.File}:{line}: missing value (observation {bad + 1}); fill it, or pass --missing interpolate");
            }
        }

        try
        {
            if (method == "bocpd")
            {
                var options = new BocpdOptions { ExpectedRunLength = settings.Hazard, KeepPosterior = series.Length <= 5000 };
                var result = Bocpd.Detect(series, options, missing);
                var x = SeriesInput.Prepare(series, missing);
                var seg = Segmentation.Of(x, result.ChangePoints, SegmentCosts.NormalMeanVar, ChangePoints.Penalty.Manual(0), "bocpd");
                var probabilities = result.HasPosterior
                    ? result.ChangePoints.Select(c => result.ChangeProbabilityNear(c, settings.Window)).ToArray()
                    : null;
                Write(settings, format, "bocpd", "normal-gamma", null, seg, null, probabilities);
            }
            else
            {
                var x = SeriesInput.Prepare(series, missing);
                Func<double[], Segmentation> search = method switch
                {
                    "binseg" => y => BinarySegmentation.Detect(y, cost, penalty, settings.MaxCpts, settings.MinSegLen),
                    "op" => y => OptimalPartitioning.Detect(y, cost, penalty, settings.MinSegLen),
                    _ => y => Pelt.Detect(y, cost, penalty, settings.MinSegLen),
                };
                var seg = search(x);
                var uncertainty = settings.Bootstrap is { } b
                    ? ChangePointBootstrap.Run(x, seg, cost, search, new BootstrapOptions { Replicates = b, Seed = settings.Seed, Window = settings.Window })
                    : null;
                Write(settings, format, method, cost.Name, penalty, seg, uncertainty, null);
            }
        }
        catch (ArgumentException e)
        {
            throw new DataException($"{settings.File}: {e.Message}");
        }
        return ExitCode.Ok;
    }

    private static void Write(
        Settings settings, string format, string method, string cost, Penalty? penalty, Segmentation seg,
        SegmentationUncertainty? uncertainty, double[]? probabilities)
    {
        if (format == "text")
        {
            for (var k = 0; k < seg.ChangePoints.Count; k++)
            {
                var c = seg.ChangePoints[k].ToString(CultureInfo.InvariantCulture);
                if (uncertainty is not null)
                {
                    var u = uncertainty.ChangePoints[k];
                    Console.WriteLine(FormattableString.Invariant($"{c}\tstrength {u.Strength:0.###}\tinterval {u.Lower}-{u.Upper}"));
                }
                else if (probabilities is not null)
                {
                    Console.WriteLine(FormattableString.Invariant($"{c}\tprobability {probabilities[k]:0.###}"));
                }
                else
                {
                    Console.WriteLine(c);
                }
            }
            return;
        }

        using var stdout = Console.OpenStandardOutput();
        using (var w = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("n", seg.N);
            w.WriteString("method", method);
            w.WriteString("cost", cost);
            if (penalty is null)
            {
                w.WriteNull("penalty");
                w.WriteNull("pen_value");
            }
            else
            {
                w.WriteString("penalty", penalty.Name);
                w.WriteNumber("pen_value", seg.PenaltyValue);
                w.WriteNumber("min_seg_len", seg.MinSegmentLength);
            }
            w.WriteStartArray("changepoints");
            foreach (var c in seg.ChangePoints)
            {
                w.WriteNumberValue(c);
            }
            w.WriteEndArray();
            w.WriteStartArray("segments");
            foreach (var s in seg.Segments)
            {
                w.WriteStartObject();
                w.WriteNumber("start", s.Start);
                w.WriteNumber("end", s.End);
                w.WriteNumber("mean", s.Mean);
                w.WriteNumber("variance", s.Variance);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (uncertainty is not null)
            {
                w.WriteStartObject("bootstrap");
                w.WriteNumber("replicates", uncertainty.Options.Replicates);
                w.WriteNumber("seed", uncertainty.Options.Seed);
                w.WriteNumber("window", uncertainty.Options.Window);
                w.WriteString("kind", uncertainty.Kind);
                w.WriteEndObject();
                w.WriteStartArray("uncertainty");
                foreach (var u in uncertainty.ChangePoints)
                {
                    w.WriteStartObject();
                    w.WriteNumber("changepoint", u.ChangePoint);
                    w.WriteNumber("strength", u.Strength);
                    w.WriteNumber("lower", u.Lower);
                    w.WriteNumber("upper", u.Upper);
                    w.WriteNumber("found", u.Found);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            if (probabilities is not null)
            {
                w.WriteNumber("hazard_run_length", settings.Hazard);
                w.WriteNumber("window", settings.Window);
                w.WriteStartArray("probabilities");
                foreach (var p in probabilities)
                {
                    w.WriteNumberValue(p);
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        Console.WriteLine();
    }
}
