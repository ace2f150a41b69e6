using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Spectre.Console.Cli;
using Strata.ChangePoints;
using Strata.Data;
using Strata.Data.Series;

namespace Strata.Cli.Commands;

/// <summary>
/// <c>strata cpd eval</c>: detects the change points of a series and scores them against annotated change points
/// with TCPDBench's F1 (margin 5) and covering.
/// </summary>
public sealed class CpdEvalCommand : Command<CpdEvalCommand.Settings>
{
    public sealed class Settings : CpdSettings
    {
        [CommandOption("-a|--annotations <FILE>")]
        [Description("Annotated change points (repeatable). JSON as TCPDBench ({\"annotator\": [[0-based index of each segment's first observation, ...]]}, one list per annotator) or text (one change point per line in R's convention, as 'cpd detect' prints; the file is one annotator). Both conventions give the same number for the same change.")]
        public string[] Annotations { get; init; } = [];

        [CommandOption("--margin <M>")]
        [Description("A detected change within M observations of an annotated one is a true positive (default 5, as TCPDBench).")]
        [DefaultValue(ChangePointEvaluation.DefaultMargin)]
        public int Margin { get; init; } = ChangePointEvaluation.DefaultMargin;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var request = CpdRequest.Parse(settings);
        if (settings.Annotations.Length == 0)
        {
            throw new UsageException("give at least one --annotations FILE");
        }
        if (settings.Margin < 0)
        {
            throw new UsageException($"--margin must be at least 0, was {settings.Margin}");
        }
        foreach (var file in settings.Annotations)
        {
            if (!File.Exists(file))
            {
                throw new UsageException($"no such file: {file}");
            }
        }
        var annotators = settings.Annotations.SelectMany(AnnotationReader.Read).ToList();
        var series = request.ReadSeries(settings);
        Segmentation seg;
        try
        {
            seg = request.Detect(series, settings.Hazard).Segmentation;
        }
        catch (ArgumentException e)
        {
            throw new DataException($"{settings.File}: {e.Message}");
        }
        var score = ChangePointEvaluation.Evaluate(seg.ChangePoints, series.Length, [.. annotators.Select(a => a.Locations)], settings.Margin);
        var config = request.Config;
        var description = config?.ToString() ?? FormattableString.Invariant($"bocpd hazard 1/{settings.Hazard}");

        if (request.Format == "text")
        {
            static string F(double v) => v.ToString("0.0000", CultureInfo.InvariantCulture);
            Console.WriteLine($"configuration: {description}");
            Console.WriteLine($"n: {series.Length}");
            Console.WriteLine($"changepoints: {string.Join(' ', seg.ChangePoints)}");
            foreach (var a in annotators)
            {
                Console.WriteLine($"annotator {a.Id}: {string.Join(' ', a.Locations)}");
            }
            Console.WriteLine($"f1: {F(score.F1)} (precision {F(score.Precision)}, recall {F(score.Recall)}, margin {score.Margin})");
            Console.WriteLine($"covering: {F(score.Covering)}");
            return ExitCode.Ok;
        }

        using var stdout = Console.OpenStandardOutput();
        using (var w = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("n", series.Length);
            w.WriteString("method", request.Method);
            w.WriteString("configuration", description);
            if (config is not null)
            {
                w.WriteString("cost", config.Cost.Name);
                w.WriteString("penalty", config.Penalty.Name);
                w.WriteNumber("pen_value", seg.PenaltyValue);
                w.WriteNumber("min_seg_len", seg.MinSegmentLength);
                w.WriteString("scaling", CpdDetectCommand.ScalingName(config.Scaling));
            }
            w.WriteStartArray("changepoints");
            foreach (var c in seg.ChangePoints)
            {
                w.WriteNumberValue(c);
            }
            w.WriteEndArray();
            w.WriteStartArray("locations");
            foreach (var c in score.Locations)
            {
                w.WriteNumberValue(c);
            }
            w.WriteEndArray();
            w.WriteStartObject("annotations");
            foreach (var a in annotators)
            {
                w.WriteStartArray(a.Id);
                foreach (var c in a.Locations)
                {
                    w.WriteNumberValue(c);
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
            w.WriteNumber("margin", score.Margin);
            w.WriteNumber("f1", score.F1);
            w.WriteNumber("precision", score.Precision);
            w.WriteNumber("recall", score.Recall);
            w.WriteNumber("covering", score.Covering);
            w.WriteEndObject();
        }
        Console.WriteLine();
        return ExitCode.Ok;
    }
}
