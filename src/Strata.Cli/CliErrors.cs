using Spectre.Console.Cli;
using Strata.Data;

namespace Strata.Cli;

/// <summary>Exit codes of the strata command.</summary>
public static class ExitCode
{
    public const int Ok = 0;

    /// <summary>The data is invalid or an operation on it failed (problems printed to stderr).</summary>
    public const int DataError = 1;

    /// <summary>The command line itself is wrong.</summary>
    public const int UsageError = 2;

    /// <summary>A bug in Strata: please report it.</summary>
    public const int InternalError = 70;
}

/// <summary>A mistake in what the user asked for, told in one line.</summary>
public sealed class UsageException(string message) : Exception(message)
{
    public UsageException()
        : this("invalid usage") { }

    public UsageException(string message, Exception inner)
        : this(message + ": " + inner.Message) { }
}

/// <summary>Turns every failure into a clear message on stderr and an exit code; never a stack trace.</summary>
internal static class CliErrors
{
    public static int Run(CommandApp app, string[] args)
    {
        try
        {
            return app.Run(args);
        }
        catch (CommandParseException e)
        {
            return Fail(ExitCode.UsageError, e.Message + " (see 'strata --help')");
        }
        catch (CommandRuntimeException e)
        {
            return Fail(ExitCode.UsageError, e.Message + " (see 'strata --help')");
        }
        catch (UsageException e)
        {
            return Fail(ExitCode.UsageError, e.Message);
        }
        catch (DataException e)
        {
            foreach (var issue in e.Issues)
            {
                Console.Error.WriteLine(issue.ToString());
            }
            return Fail(ExitCode.DataError, e.Message);
        }
        catch (IOException e)
        {
            return Fail(ExitCode.DataError, e.Message);
        }
        catch (UnauthorizedAccessException e)
        {
            return Fail(ExitCode.DataError, e.Message);
        }
        catch (Exception e)
        {
            return Fail(ExitCode.InternalError, $"internal error ({e.GetType().Name}): {e.Message}. Please report this with the command you ran.");
        }
    }

    private static int Fail(int code, string message)
    {
        Console.Error.WriteLine($"strata: error: {message}");
        return code;
    }
}
