namespace Strata.Triangles;

/// <summary>
/// The fissure between two patrons as seen by a client: how hostile the patrons are to each other, limited by how
/// far the client's worse tie to them is from hostility. On scores in [−1, 1]:
/// <code>F = max(0, −s_PQ) · min(1, 1 + s_CP, 1 + s_CQ)</code>
/// F is 0 when the patrons are not hostile, 1 when they are wholly hostile and the client's ties to both are
/// non-negative, and falls to 0 as the client's tie to either patron falls to wholly hostile (the client then sits
/// in one patron's camp and has no split to play). See docs/triangles.md.
/// </summary>
public static class Fissure
{
    /// <param name="patrons">s_PQ, the score of the tie between the two patrons.</param>
    /// <param name="clientToFirst">s_CP.</param>
    /// <param name="clientToSecond">s_CQ.</param>
    public static double Of(double patrons, double clientToFirst, double clientToSecond)
    {
        Check.InRange(patrons, -1, 1);
        Check.InRange(clientToFirst, -1, 1);
        Check.InRange(clientToSecond, -1, 1);
        return Math.Max(0, -patrons) * Math.Min(1, Math.Min(1 + clientToFirst, 1 + clientToSecond));
    }

    /// <summary>
    /// The fissure with missing scores: null when the patrons' tie is missing; 0 when the patrons are not hostile
    /// whatever the client's ties; null when the patrons are hostile but a client tie is missing.
    /// </summary>
    public static double? Of(double? patrons, double? clientToFirst, double? clientToSecond)
    {
        if (patrons is not { } pq)
        {
            return null;
        }
        if (Check.InRange(pq, -1, 1) >= 0)
        {
            return 0;
        }
        return clientToFirst is { } cp && clientToSecond is { } cq ? Of(pq, cp, cq) : null;
    }
}
