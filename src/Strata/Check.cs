using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Strata;

/// <summary>The one place where Strata checks arguments and throws for them.</summary>
public static class Check
{
    public static string NotBlank([NotNull] string? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            ThrowHelper.Argument(name, "must not be empty");
        }
        return value;
    }

    public static T NotNull<T>([NotNull] T? value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : class
    {
        if (value is null)
        {
            ThrowHelper.ArgumentNull(name);
        }
        return value;
    }

    public static double InRange(double value, double min, double max, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (double.IsNaN(value) || value < min || value > max)
        {
            ThrowHelper.ArgumentOutOfRange(name, $"must be between {min} and {max}, was {value}");
        }
        return value;
    }

    /// <summary>
    /// Every value must be a finite number. The message names the first bad position (0-based index and 1-based
    /// observation number), so that an analyst can find it in the file.
    /// </summary>
    public static void AllFinite(ReadOnlySpan<double> values, string? hint = null, [CallerArgumentExpression(nameof(values))] string? name = null)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                var what = double.IsNaN(values[i]) ? "a missing value (NaN)" : $"a non-finite value ({values[i]})";
                ThrowHelper.Argument(name, $"has {what} at index {i} (observation {i + 1}){(hint is null ? "" : "; " + hint)}");
            }
        }
    }

    public static int AtLeast(int value, int min, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value < min)
        {
            ThrowHelper.ArgumentOutOfRange(name, $"must be at least {min}, was {value}");
        }
        return value;
    }

    public static double Positive(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            ThrowHelper.ArgumentOutOfRange(name, $"must be a positive finite number, was {value}");
        }
        return value;
    }

    public static double NonNegative(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!(value >= 0) || double.IsInfinity(value))
        {
            ThrowHelper.ArgumentOutOfRange(name, $"must be a non-negative finite number, was {value}");
        }
        return value;
    }

    public static void That(bool condition, string message, [CallerArgumentExpression(nameof(condition))] string? name = null)
    {
        if (!condition)
        {
            ThrowHelper.Argument(name, message);
        }
    }

    /// <summary>
    /// The same check with an interpolated message that is only formatted when the condition fails, so that a check
    /// inside a loop over a series costs a comparison, not a string (measured: 250 bytes and most of the time per
    /// point of PELT with the Poisson cost before this overload).
    /// </summary>
    public static void That(
        bool condition, [InterpolatedStringHandlerArgument(nameof(condition))] ref CheckMessageHandler message,
        [CallerArgumentExpression(nameof(condition))] string? name = null)
    {
        if (!condition)
        {
            ThrowHelper.Argument(name, message.ToStringAndClear());
        }
    }
}

/// <summary>Builds <see cref="Check.That(bool, ref CheckMessageHandler, string?)"/>'s message only when the check fails.</summary>
[InterpolatedStringHandler]
public ref struct CheckMessageHandler
{
    private DefaultInterpolatedStringHandler _inner;
    private readonly bool _enabled;

    public CheckMessageHandler(int literalLength, int formattedCount, bool condition, out bool shouldAppend)
    {
        _enabled = !condition;
        shouldAppend = _enabled;
        _inner = _enabled ? new DefaultInterpolatedStringHandler(literalLength, formattedCount, System.Globalization.CultureInfo.InvariantCulture) : default;
    }

    public void AppendLiteral(string value) => _inner.AppendLiteral(value);

    public void AppendFormatted<T>(T value) => _inner.AppendFormatted(value);

    public void AppendFormatted<T>(T value, string? format) => _inner.AppendFormatted(value, format);

    public void AppendFormatted(string? value) => _inner.AppendFormatted(value);

    public string ToStringAndClear() => _enabled ? _inner.ToStringAndClear() : "";
}

/// <summary>Throw helpers, kept out of line so that the checks above stay small.</summary>
public static class ThrowHelper
{
    [DoesNotReturn]
    public static void Argument(string? name, string message) => throw new ArgumentException($"{name} {message}", name);

    [DoesNotReturn]
    public static void ArgumentNull(string? name) => throw new ArgumentNullException(name);

    [DoesNotReturn]
    public static void ArgumentOutOfRange(string? name, string message) => throw new ArgumentOutOfRangeException(name, message);

    [DoesNotReturn]
    public static T Format<T>(string message) => throw new FormatException(message);
}
