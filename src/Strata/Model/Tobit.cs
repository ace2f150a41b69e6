using MathNet.Numerics.LinearAlgebra;

namespace Strata.Model;

/// <summary>
/// A fitted Tobit regression left-censored at zero: y* = x·β + σε, ε ~ N(0, 1), y = max(0, y*).
/// <see cref="Covariance"/> is the inverse of the negative Hessian of the penalised log-likelihood in (β, ln σ).
/// </summary>
public sealed record TobitFit(double[] Beta, double Sigma, double LogLikelihood, double[,] Covariance, int Iterations, bool Converged)
{
    /// <summary>The latent mean x·β.</summary>
    public double Mean(ReadOnlySpan<double> x)
    {
        var m = 0.0;
        for (var j = 0; j < Beta.Length; j++)
        {
            m += Beta[j] * x[j];
        }
        return m;
    }

    /// <summary>E[y] = Φ(μ/σ)μ + σφ(μ/σ), the expected observed (censored) value.</summary>
    public double Expected(ReadOnlySpan<double> x) => Tobit.Expected(Mean(x), Sigma);

    /// <summary>The standard error of coefficient j (from <see cref="Covariance"/>).</summary>
    public double StandardError(int j) => Math.Sqrt(Math.Max(0, Covariance[j, j]));
}

/// <summary>
/// Maximum-likelihood Tobit regression by Newton's method in Olsen's parameters (b = β/σ, θ = 1/σ), in which
/// the log-likelihood is globally concave, so Newton with step halving converges from the least-squares start.
/// An optional Gaussian penalty ½·(b_j/s_j)² on chosen coefficients keeps estimates finite when a covariate
/// separates the censored observations (a weak prior; documented in docs/models/buffer-value.md).
/// </summary>
public static class Tobit
{
    private const double LogSqrt2Pi = 0.91893853320467274178;

    /// <summary>E[max(0, y*)] for y* ~ N(μ, σ²).</summary>
    public static double Expected(double mu, double sigma)
    {
        var z = mu / sigma;
        return (Normal.Cdf(z) * mu) + (sigma * Normal.Pdf(z));
    }

    /// <param name="x">Design rows (n × k), row-major: x[i * k + j].</param>
    /// <param name="y">Outcomes, zero or more; zero is read as censored.</param>
    /// <param name="k">Number of columns.</param>
    /// <param name="priorScale">Per column, the scale s_j of the penalty on b_j = β_j/σ, or +∞ for none.</param>
    /// <param name="weights">Per row, a frequency weight (for the bootstrap); null for 1.</param>
    public static TobitFit Fit(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int k, ReadOnlySpan<double> priorScale, ReadOnlySpan<double> weights = default)
    {
        var n = y.Length;
        Check.That(x.Length == n * k, "x must have n × k values");
        Check.That(priorScale.Length == k, "one prior scale per column");
        Check.That(n > k, "more observations than columns are needed");
        var w = weights.IsEmpty ? null : weights.ToArray();
        var xs = x.ToArray();
        var ys = y.ToArray();
        var precision = new double[k];
        for (var j = 0; j < k; j++)
        {
            precision[j] = double.IsPositiveInfinity(priorScale[j]) ? 0 : 1 / (priorScale[j] * priorScale[j]);
        }

        // Start: least squares on all rows (ridge-stabilised), residual scale.
        var (b0, s0) = LeastSquaresStart(xs, ys, k, w);
        var p = new double[k + 1];
        for (var j = 0; j < k; j++)
        {
            p[j] = b0[j] / s0;
        }
        p[k] = 1 / s0;

        var ll = LogLik(xs, ys, k, w, precision, p, null, null);
        var g = new double[k + 1];
        var h = new double[(k + 1) * (k + 1)];
        var converged = false;
        var iter = 0;
        for (; iter < 200; iter++)
        {
            LogLik(xs, ys, k, w, precision, p, g, h);
            var hm = Matrix<double>.Build.Dense(k + 1, k + 1, (i, j) => -h[(i * (k + 1)) + j]);
            var gv = Vector<double>.Build.Dense(g);
            Vector<double> step;
            try
            {
                step = hm.Cholesky().Solve(gv);
            }
            catch (ArgumentException)
            {
                step = (hm + Matrix<double>.Build.DenseIdentity(k + 1) * 1e-6).Solve(gv);
            }
            var t = 1.0;
            var trial = new double[k + 1];
            double llNew;
            while (true)
            {
                for (var j = 0; j <= k; j++)
                {
                    trial[j] = p[j] + (t * step[j]);
                }
                llNew = trial[k] > 0 ? LogLik(xs, ys, k, w, precision, trial, null, null) : double.NegativeInfinity;
                if (llNew >= ll - 1e-12 || t < 1e-10)
                {
                    break;
                }
                t /= 2;
            }
            var change = Math.Abs(llNew - ll);
            Array.Copy(trial, p, k + 1);
            ll = llNew;
            if (change < 1e-10 && t == 1.0)
            {
                converged = true;
                iter++;
                break;
            }
        }

        // Back to (β, σ): β = b/θ, σ = 1/θ; covariance in (β, ln σ) by the delta method.
        LogLik(xs, ys, k, w, precision, p, g, h);
        var info = Matrix<double>.Build.Dense(k + 1, k + 1, (i, j) => -h[(i * (k + 1)) + j]);
        Matrix<double> covOlsen;
        try
        {
            covOlsen = info.Inverse();
        }
        catch (ArgumentException)
        {
            covOlsen = (info + Matrix<double>.Build.DenseIdentity(k + 1) * 1e-9).Inverse();
        }
        var theta = p[k];
        var jac = Matrix<double>.Build.Dense(k + 1, k + 1);
        for (var j = 0; j < k; j++)
        {
            jac[j, j] = 1 / theta;
            jac[j, k] = -p[j] / (theta * theta);
        }
        jac[k, k] = -1 / theta; // d ln σ / dθ = -1/θ
        var cov = jac * covOlsen * jac.Transpose();
        var beta = new double[k];
        for (var j = 0; j < k; j++)
        {
            beta[j] = p[j] / theta;
        }
        return new TobitFit(beta, 1 / theta, ll, cov.ToArray(), iter, converged);
    }

    private static (double[] Beta, double Sigma) LeastSquaresStart(double[] x, double[] y, int k, double[]? w)
    {
        var n = y.Length;
        var xtx = Matrix<double>.Build.Dense(k, k);
        var xty = Vector<double>.Build.Dense(k);
        var wsum = 0.0;
        for (var i = 0; i < n; i++)
        {
            var wi = w?[i] ?? 1;
            if (wi == 0)
            {
                continue;
            }
            wsum += wi;
            for (var a = 0; a < k; a++)
            {
                xty[a] += wi * x[(i * k) + a] * y[i];
                for (var b = 0; b < k; b++)
                {
                    xtx[a, b] += wi * x[(i * k) + a] * x[(i * k) + b];
                }
            }
        }
        for (var a = 0; a < k; a++)
        {
            xtx[a, a] += 1e-6 * Math.Max(1, xtx[a, a]);
        }
        var beta = xtx.Solve(xty).ToArray();
        var ss = 0.0;
        for (var i = 0; i < n; i++)
        {
            var wi = w?[i] ?? 1;
            var r = y[i];
            for (var a = 0; a < k; a++)
            {
                r -= x[(i * k) + a] * beta[a];
            }
            ss += wi * r * r;
        }
        var sigma = Math.Sqrt(ss / Math.Max(1, wsum - k));
        return (beta, sigma > 1e-6 ? sigma : 1);
    }

    /// <summary>The penalised log-likelihood at Olsen parameters p = (b, θ); fills the gradient and Hessian when given.</summary>
    private static double LogLik(double[] x, double[] y, int k, double[]? w, double[] precision, double[] p, double[]? g, double[]? h)
    {
        var m = k + 1;
        if (g is not null)
        {
            Array.Clear(g);
            Array.Clear(h!);
        }
        var theta = p[k];
        var lnTheta = Math.Log(theta);
        var ll = 0.0;
        for (var i = 0; i < y.Length; i++)
        {
            var wi = w?[i] ?? 1;
            if (wi == 0)
            {
                continue;
            }
            var z = 0.0;
            var row = i * k;
            for (var j = 0; j < k; j++)
            {
                z += x[row + j] * p[j];
            }
            if (y[i] <= 0)
            {
                var u = -z;
                var logCdf = Normal.LogCdf(u);
                ll += wi * logCdf;
                if (g is not null)
                {
                    var lambda = Math.Exp(Normal.LogPdf(u) - logCdf);
                    var curv = lambda * (u + lambda);
                    for (var a = 0; a < k; a++)
                    {
                        g[a] += wi * -lambda * x[row + a];
                        for (var b = 0; b < k; b++)
                        {
                            h![(a * m) + b] -= wi * curv * x[row + a] * x[row + b];
                        }
                    }
                }
            }
            else
            {
                var e = (theta * y[i]) - z;
                ll += wi * (lnTheta - (0.5 * e * e) - LogSqrt2Pi);
                if (g is not null)
                {
                    for (var a = 0; a < k; a++)
                    {
                        g[a] += wi * e * x[row + a];
                        h![(a * m) + k] += wi * x[row + a] * y[i];
                        h[(k * m) + a] += wi * x[row + a] * y[i];
                        for (var b = 0; b < k; b++)
                        {
                            h[(a * m) + b] -= wi * x[row + a] * x[row + b];
                        }
                    }
                    g[k] += wi * ((1 / theta) - (e * y[i]));
                    h![(k * m) + k] -= wi * ((1 / (theta * theta)) + (y[i] * y[i]));
                }
            }
        }
        for (var j = 0; j < k; j++)
        {
            if (precision[j] > 0)
            {
                ll -= 0.5 * precision[j] * p[j] * p[j];
                if (g is not null)
                {
                    g[j] -= precision[j] * p[j];
                    h![(j * m) + j] -= precision[j];
                }
            }
        }
        return ll;
    }
}

/// <summary>The standard normal distribution's functions, accurate in the tails.</summary>
public static class Normal
{
    private const double InvSqrt2Pi = 0.39894228040143267794;

    public static double Pdf(double z) => InvSqrt2Pi * Math.Exp(-0.5 * z * z);

    public static double LogPdf(double z) => -0.91893853320467274178 - (0.5 * z * z);

    public static double Cdf(double z) => 0.5 * MathNet.Numerics.SpecialFunctions.Erfc(-z / Math.Sqrt(2));

    /// <summary>ln Φ(z), by an asymptotic series far in the left tail, where Φ underflows.</summary>
    public static double LogCdf(double z)
    {
        if (z > -30)
        {
            return Math.Log(Cdf(z));
        }
        var z2 = z * z;
        return LogPdf(z) - Math.Log(-z) + Math.Log(1 - (1 / z2) + (3 / (z2 * z2)));
    }
}
