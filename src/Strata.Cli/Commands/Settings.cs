using System.ComponentModel;
using Spectre.Console.Cli;
using Strata.Data.Store;

namespace Strata.Cli.Commands;

/// <summary>Options shared by every command that uses the store.</summary>
public class StoreSettings : CommandSettings
{
    [CommandOption("--db <PATH>")]
    [Description("The DuckDB store file. Default: $STRATA_DB, else ~/.local/share/strata/strata.duckdb (created on first use).")]
    public string? Db { get; init; }

    public string StorePath => Db ?? StoreLocation.Default();
}

/// <summary>The output formats of listing commands.</summary>
public enum OutputFormat
{
    Table,
    Csv,
    Json,
}
