using System.ComponentModel;
using Spectre.Console.Cli;
using Strata.Data.Curated;
using Strata.Data.Store;

namespace Strata.Cli.Commands;

public sealed class LoadCommand : Command<LoadCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<PATH>")]
        [Description("A chronology file or a folder of .yaml files (format: docs/chronology.md).")]
        public string Path { get; init; } = "";

        [CommandOption("--dataset <NAME>")]
        [Description("The data set name in the store. Loading the same name again replaces its events. Default: the file or folder name.")]
        public string? Dataset { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!File.Exists(settings.Path) && !Directory.Exists(settings.Path))
        {
            throw new UsageException($"no such file or directory: {settings.Path}");
        }
        var dataset = settings.Dataset ?? System.IO.Path.GetFileNameWithoutExtension(System.IO.Path.TrimEndingDirectorySeparator(settings.Path));
        var reference = CuratedData.RequireReference(DataFolder.Bundled());
        using var store = DuckDbEventStore.Open(settings.StorePath);
        var result = CuratedLoader.Load(store, reference, settings.Path, dataset);
        Console.WriteLine(result.Unchanged
            ? $"{dataset}: unchanged, {result.EventsAfter} events (store {store.Path})"
            : $"{dataset}: {result.EventsAfter} events loaded, replacing {result.EventsBefore} (store {store.Path})");
        return ExitCode.Ok;
    }
}
