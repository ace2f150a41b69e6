using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Spectre.Console.Cli;
using Strata.ChangePoints;
using Strata.Data;

namespace Strata.Cli.Commands;

/// <summary><c>strata cpd detect</c>: change points of any numeric series.</summary>
public sealed class CpdDetectCommand : Command<CpdDetectCommand.Settings>
{
    public sealed class Settings : CpdSettings
    {
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
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var request = CpdRequest.Parse(settings);
        if (settings.Window < 0 || settings.Bootstrap is < 1)
        {
            throw new UsageException("--bootstrap must be at least 1, --window at least 0");
        }
        var series = request.ReadSeries(settings);
        try
        {
            var (seg, bocpd) = request.Detect(series, settings.Hazard);
            if (bocpd is not null)
            {
                var probabilities = bocpd.HasPosterior
                    ? bocpd.ChangePoints.Select(c => bocpd.ChangeProbabilityNear(c, settings.Window)).ToArray()
                    : null;
                Write(settings, request.Format, "bocpd", "normal-gamma", null, null, seg, null, probabilities);
            }
            else
            {
                var config = request.Config!;
                var x = SeriesInput.Prepare(series, request.Missing);
                var uncertainty = settings.Bootstrap is { } b
                    ? ChangePointBootstrap.Run(x, seg, config.Cost, y => config.Detect(y), new BootstrapOptions { Replicates = b, Seed = settings.Seed, Window = settings.Window })
                    : null;
                Write(settings, request.Format, config.MethodName, config.Cost.Name, config.Penalty, config, seg, uncertainty, null);
            }
        }
        catch (ArgumentException e)
        {
            throw new DataException($"{settings.File}: {e.Message}");
        }
        return ExitCode.Ok;
    }

    private static void Write(
        Settings settings, string format, string method, string cost, Penalty? penalty, DetectionConfig? config, Segmentation seg,
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
            if (config is not null)
            {
                if (config.Method == SearchMethod.BinSeg)
                {
                    w.WriteNumber("max_cpts", config.MaxChangePoints);
                }
                w.WriteString("scaling", ScalingName(config.Scaling));
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

    internal static string ScalingName(Scaling scaling) => scaling switch
    {
        Scaling.Standardise => "standardise",
        Scaling.NoiseScale => "noise",
        _ => "none",
    };
}
