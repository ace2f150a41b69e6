using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Strata.Data.Curated;
using Strata.Domain;

namespace Strata.Cli.Commands;

public sealed class ActorsCommand : Command<ActorsCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-f|--format <FORMAT>")]
        [Description("table (default), csv or json.")]
        [DefaultValue(OutputFormat.Table)]
        public OutputFormat Format { get; init; } = OutputFormat.Table;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var reference = CuratedData.RequireReference(DataFolder.Bundled());
        var actors = reference.Actors.All.OrderBy(a => a.Code, StringComparer.Ordinal).ToList();
        switch (settings.Format)
        {
            case OutputFormat.Json:
                WriteJson(actors);
                break;
            case OutputFormat.Csv:
                Console.WriteLine("code,kind,names,iso3,cameo,cow,icews");
                foreach (var a in actors)
                {
                    Console.WriteLine(string.Join(',', new[] { a.Code, a.Kind.ToString().ToLowerInvariant(), Names(a), Codes(a, CodeSystem.Iso3), Codes(a, CodeSystem.Cameo), Codes(a, CodeSystem.Cow), Codes(a, CodeSystem.Icews) }.Select(Csv)));
                }
                break;
            default:
                var table = new Table().Border(TableBorder.Simple);
                foreach (var c in new[] { "Code", "Names over time", "ISO", "CAMEO", "COW", "ICEWS" })
                {
                    table.AddColumn(c);
                }
                foreach (var a in actors)
                {
                    table.AddRow(a.Code, Markup.Escape(Names(a)), Codes(a, CodeSystem.Iso3), Markup.Escape(Codes(a, CodeSystem.Cameo)), Codes(a, CodeSystem.Cow), Markup.Escape(Codes(a, CodeSystem.Icews)));
                }
                AnsiConsole.Write(table);
                break;
        }
        return ExitCode.Ok;
    }

    private static string Names(Actor a) => string.Join("; ", a.Names.Select(n =>
        n.From is null && n.To is null ? n.Name : $"{n.Name} ({Day(n.From)}–{Day(n.To)})"));

    private static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static string Codes(Actor a, CodeSystem system) => string.Join("; ", a.Aliases.Where(x => x.System == system).Select(x =>
        x.From is null && x.To is null ? x.Code : $"{x.Code} ({Day(x.From)}–{Day(x.To)})"));

    private static string Csv(string s) => s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    private static void WriteJson(IEnumerable<Actor> actors)
    {
        using var stdout = Console.OpenStandardOutput();
        using var w = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartArray();
        foreach (var a in actors)
        {
            w.WriteStartObject();
            w.WriteString("code", a.Code);
            w.WriteString("kind", a.Kind.ToString().ToLowerInvariant());
            w.WriteStartArray("names");
            foreach (var n in a.Names)
            {
                w.WriteStartObject();
                w.WriteString("name", n.Name);
                if (n.Formal is not null)
                {
                    w.WriteString("formal", n.Formal);
                }
                if (n.From is not null)
                {
                    w.WriteString("from", Day(n.From));
                }
                if (n.To is not null)
                {
                    w.WriteString("to", Day(n.To));
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("aliases");
            foreach (var x in a.Aliases)
            {
                w.WriteStartObject();
                w.WriteString("system", x.System.ToString().ToLowerInvariant());
                w.WriteString("code", x.Code);
                if (x.From is not null)
                {
                    w.WriteString("from", Day(x.From));
                }
                if (x.To is not null)
                {
                    w.WriteString("to", Day(x.To));
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.Flush();
        stdout.Write("\n"u8);
    }
}
