namespace Strata.Data;

/// <summary>
/// One thing wrong with an input: the file, the line and column (1-based; 0 when not known), the field,
/// and what was expected. Printed as <c>file:line:column: field: message</c>, the form editors jump to.
/// </summary>
public sealed record DataIssue(string File, int Line, int Column, string Field, string Message)
{
    public override string ToString() =>
        $"{File}:{Line}:{Column}: {(Field.Length > 0 ? Field + ": " : "")}{Message}";
}

/// <summary>Thrown when an input cannot be used at all; carries every issue found in it.</summary>
public sealed class DataException : Exception
{
    public DataException(string message, IReadOnlyList<DataIssue> issues)
        : base(message) => Issues = issues;

    public DataException(string message)
        : this(message, []) { }

    public DataException()
        : this("invalid data") { }

    public DataException(string message, Exception inner)
        : base(message, inner) => Issues = [];

    public IReadOnlyList<DataIssue> Issues { get; }
}
