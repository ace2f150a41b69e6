namespace Strata.Model;

/// <summary>
/// A small, fast, seeded generator (xoshiro256**, seeded through SplitMix64) whose sequence is fixed by this code
/// rather than by the runtime, so a seed gives the same draws on every machine and .NET version.
/// </summary>
public struct SeededRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;
    private double _spare;
    private bool _hasSpare;

    public SeededRandom(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
        _spare = 0;
        _hasSpare = false;
    }

    /// <summary>A generator for one stream of a seeded computation (for example one year of a simulation).</summary>
    public static SeededRandom ForStream(long seed, long stream) => new(unchecked(((ulong)seed * 0x9E3779B97F4A7C15UL) ^ ((ulong)stream * 0xD1B54A32D192ED03UL) ^ 0x5851F42D4C957F2DUL));

    private static ulong SplitMix(ref ulong x)
    {
        x = unchecked(x + 0x9E3779B97F4A7C15UL);
        var z = x;
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    public ulong NextUInt64()
    {
        var result = unchecked(RotateLeft(_s1 * 5, 7) * 9);
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    /// <summary>Uniform on [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer on [0, n).</summary>
    public int Next(int n) => (int)((NextUInt64() >> 33) * (ulong)n >> 31);

    /// <summary>A standard normal draw (Marsaglia's polar method).</summary>
    public double NextNormal()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spare;
        }
        double u, v, s;
        do
        {
            u = (2 * NextDouble()) - 1;
            v = (2 * NextDouble()) - 1;
            s = (u * u) + (v * v);
        }
        while (s >= 1 || s == 0);
        var f = Math.Sqrt(-2 * Math.Log(s) / s);
        _spare = v * f;
        _hasSpare = true;
        return u * f;
    }
}
