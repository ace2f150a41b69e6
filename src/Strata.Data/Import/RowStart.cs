using System.Text;
using nietras.SeparatedValues;

namespace Strata.Data.Import;

/// <summary>
/// The start every text-format reader makes on a row: progress and cancellation every 4,096 rows, blank lines
/// skipped, the row counted, and its raw bytes (re-encoded as UTF-8) for the row hash and the quarantine.
/// </summary>
internal sealed class RowStart(CountingStream counting, ReadCounters counters, CancellationToken cancellationToken)
{
    private byte[] _bytes = new byte[4096];

    /// <summary>False for a blank line; otherwise counts the row and gives its bytes, valid until the next call.</summary>
    public bool TryBegin(SepReader.Row row, out ReadOnlySpan<byte> raw)
    {
        if ((row.RowIndex & 0xFFF) == 0)
        {
            counters.BytesRead = counting.BytesRead;
            cancellationToken.ThrowIfCancellationRequested();
        }
        var chars = row.Span;
        if (chars.Trim().IsEmpty)
        {
            raw = default;
            return false;
        }
        counters.RowsRead++;
        var max = Encoding.UTF8.GetMaxByteCount(chars.Length);
        if (_bytes.Length < max)
        {
            _bytes = new byte[max];
        }
        raw = _bytes.AsSpan(0, Encoding.UTF8.GetBytes(chars, _bytes));
        return true;
    }
}
