using System.ComponentModel;
using System.Text;
using Spectre.Console;
using Spectre.Console.Cli;
using Strata.Claims;
using Strata.Data.Claims;
using Strata.Reports;

namespace Strata.Cli.Commands;

public sealed class ClaimsCheckCommand : Command<ClaimsCheckCommand.Settings>
{
    public enum ClaimsFormat
    {
        Table,
        Json,
        Markdown,
    }

    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("The claims file (YAML; format in docs/claims.md), e.g. data/claims/jun-2025.yaml.")]
        public string File { get; init; } = "";

        [CommandOption("-f|--format <FORMAT>")]
        [Description("table (default: verdicts and findings), json (everything, with evidence) or markdown (summary table and evidence).")]
        [DefaultValue(ClaimsFormat.Table)]
        public ClaimsFormat Format { get; init; } = ClaimsFormat.Table;

        [CommandOption("-o|--out <PATH>")]
        [Description("Write the output to this file instead of the terminal.")]
        public string? Out { get; init; }

        [CommandOption("--fail-on-contradicted")]
        [Description("Exit with 1 when any claim is contradicted (for CI). Default: off, exit 0 whatever the verdicts.")]
        public bool FailOnContradicted { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!System.IO.File.Exists(settings.File))
        {
            throw new UsageException($"no such claims file: {settings.File}");
        }
        using var workspace = Workspace.Open(settings);
        var audit = ClaimsCheck.Run(workspace.Store, workspace.Reference, settings.File);
        string text;
        switch (settings.Format)
        {
            case ClaimsFormat.Json:
                {
                    using var buffer = new MemoryStream();
                    ClaimsJson.Write(audit, buffer);
                    text = Encoding.UTF8.GetString(buffer.ToArray());
                    break;
                }
            case ClaimsFormat.Markdown:
                text = ClaimsMarkdown.Render(audit, $"Claims audit: {Path.GetFileName(settings.File)}");
                break;
            default:
                text = settings.Out is null ? "" : Plain(audit);
                if (settings.Out is null)
                {
                    WriteTable(audit);
                }
                break;
        }
        if (settings.Out is not null)
        {
            var output = Path.GetFullPath(settings.Out);
            var dir = Path.GetDirectoryName(output);
            if (!string.IsNullOrEmpty(dir))
            {
                Directory.CreateDirectory(dir);
            }
            System.IO.File.WriteAllText(output, text);
            Console.Error.WriteLine($"strata: wrote {output}");
        }
        else if (settings.Format != ClaimsFormat.Table)
        {
            Console.Out.Write(text);
        }
        Console.Error.WriteLine($"strata: {ClaimsMarkdown.Summary(audit)}");
        return settings.FailOnContradicted && audit.Count(ClaimVerdict.Contradicted) > 0 ? ExitCode.DataError : ExitCode.Ok;
    }

    private static void WriteTable(ClaimsAuditResult audit)
    {
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = 200;
        }
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn(new TableColumn("Claim").NoWrap());
        table.AddColumn(new TableColumn("Kind").NoWrap());
        table.AddColumn(new TableColumn("Verdict"));
        table.AddColumn("Finding");
        foreach (var r in audit.Results)
        {
            table.AddRow(Markup.Escape(r.Claim.Id), r.Claim.Test.Kind, Markup.Escape(r.VerdictText), Markup.Escape(r.Finding));
        }
        AnsiConsole.Write(table);
    }

    /// <summary>The table as plain lines, for --out with the table format.</summary>
    private static string Plain(ClaimsAuditResult audit)
    {
        var sb = new StringBuilder();
        foreach (var r in audit.Results)
        {
            sb.Append(r.Claim.Id).Append('\t').Append(r.Claim.Test.Kind).Append('\t').Append(r.VerdictText).Append('\t').AppendLine(r.Finding);
        }
        return sb.ToString();
    }
}
