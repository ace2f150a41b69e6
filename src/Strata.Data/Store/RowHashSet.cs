namespace Strata.Data.Store;

/// <summary>
/// The row hashes of one file seen so far, to drop exact repeats while the file is read: an open-addressing
/// table of the 64-bit hashes themselves (8 bytes a slot, at most three quarters full), whose size is capped.
/// Past the cap it stops taking hashes and says so by <see cref="IsComplete"/>; the caller must then find the
/// remaining repeats another way (the store does, at commit). So memory stays bounded whatever the file size.
/// </summary>
internal sealed class RowHashSet(int maxSlotsLog2 = RowHashSet.DefaultMaxSlotsLog2)
{
    /// <summary>At most 2^22 slots (32 MiB): 3,145,728 hashes.</summary>
    public const int DefaultMaxSlotsLog2 = 22;

    private ulong[] _slots = new ulong[1 << Math.Min(16, maxSlotsLog2)];
    private int _count;
    private bool _hasZero;

    /// <summary>True while every hash given to <see cref="Add"/> was recorded, so that its answers are exact.</summary>
    public bool IsComplete { get; private set; } = true;

    /// <summary>Records <paramref name="hash"/>; false when it was recorded before. Once the set is full, every
    /// call returns true (not a repeat as far as this set knows) and <see cref="IsComplete"/> turns false.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public bool Add(ulong hash)
    {
        if (hash == 0)
        {
            // 0 marks an empty slot; the one hash equal to it is kept aside.
            var seen = _hasZero;
            _hasZero = true;
            return !seen;
        }
        var slots = _slots;
        var mask = slots.Length - 1;
        // XXH3 output is uniform, so its low bits index the table directly.
        for (var i = (int)hash & mask; ; i = (i + 1) & mask)
        {
            var s = slots[i];
            if (s == hash)
            {
                return false;
            }
            if (s == 0)
            {
                if (!IsComplete)
                {
                    return true;
                }
                slots[i] = hash;
                if (++_count > slots.Length / 4 * 3)
                {
                    Grow();
                }
                return true;
            }
        }
    }

    private void Grow()
    {
        if (_slots.Length >= 1 << maxSlotsLog2)
        {
            // Full: keep answering for the hashes held (a repeat of one of them is still caught), record no more.
            IsComplete = false;
            return;
        }
        var old = _slots;
        var slots = new ulong[old.Length * 2];
        var mask = slots.Length - 1;
        foreach (var h in old)
        {
            if (h != 0)
            {
                var i = (int)h & mask;
                while (slots[i] != 0)
                {
                    i = (i + 1) & mask;
                }
                slots[i] = h;
            }
        }
        _slots = slots;
    }
}
