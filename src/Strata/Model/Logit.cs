using MathNet.Numerics.LinearAlgebra;

namespace Strata.Model;

/// <summary>A fitted logistic regression P(y = 1) = 1 / (1 + exp(−x·c)), with the inverse negative Hessian.</summary>
public sealed record LogitFit(double[] Coefficients, double LogLikelihood, double[,] Covariance, bool Converged)
{
    public double Probability(ReadOnlySpan<double> x)
    {
        var z = 0.0;
        for (var j = 0; j < Coefficients.Length; j++)
        {
            z += Coefficients[j] * x[j];
        }
        return Logit.Logistic(z);
    }
}

/// <summary>
/// Maximum-likelihood logistic regression by Newton's method (concave log-likelihood), with an optional Gaussian
/// penalty ½·(c_j/s_j)² that keeps the estimates finite under complete separation.
/// </summary>
public static class Logit
{
    public static double Logistic(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    public static LogitFit Fit(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int k, ReadOnlySpan<double> priorScale, ReadOnlySpan<double> weights = default)
    {
        var n = y.Length;
        Check.That(x.Length == n * k, "x must have n × k values");
        Check.That(priorScale.Length == k, "one prior scale per column");
        var xs = x.ToArray();
        var ys = y.ToArray();
        var w = weights.IsEmpty ? null : weights.ToArray();
        var precision = new double[k];
        for (var j = 0; j < k; j++)
        {
            precision[j] = double.IsPositiveInfinity(priorScale[j]) ? 0 : 1 / (priorScale[j] * priorScale[j]);
        }
        var c = new double[k];
        var g = new double[k];
        var h = new double[k * k];
        var ll = LogLik(xs, ys, k, w, precision, c, null, null);
        var converged = false;
        for (var iter = 0; iter < 100; iter++)
        {
            LogLik(xs, ys, k, w, precision, c, g, h);
            var hm = Matrix<double>.Build.Dense(k, k, (i, j) => -h[(i * k) + j] + (i == j ? 1e-10 : 0));
            var step = hm.Solve(Vector<double>.Build.Dense(g));
            var t = 1.0;
            var trial = new double[k];
            double llNew;
            while (true)
            {
                for (var j = 0; j < k; j++)
                {
                    trial[j] = c[j] + (t * step[j]);
                }
                llNew = LogLik(xs, ys, k, w, precision, trial, null, null);
                if (llNew >= ll - 1e-12 || t < 1e-10)
                {
                    break;
                }
                t /= 2;
            }
            var change = Math.Abs(llNew - ll);
            Array.Copy(trial, c, k);
            ll = llNew;
            if (change < 1e-10)
            {
                converged = true;
                break;
            }
        }
        LogLik(xs, ys, k, w, precision, c, g, h);
        var info = Matrix<double>.Build.Dense(k, k, (i, j) => -h[(i * k) + j] + (i == j ? 1e-12 : 0));
        return new LogitFit(c, ll, info.Inverse().ToArray(), converged);
    }

    private static double LogLik(double[] x, double[] y, int k, double[]? w, double[] precision, double[] c, double[]? g, double[]? h)
    {
        if (g is not null)
        {
            Array.Clear(g);
            Array.Clear(h!);
        }
        var ll = 0.0;
        for (var i = 0; i < y.Length; i++)
        {
            var wi = w?[i] ?? 1;
            if (wi == 0)
            {
                continue;
            }
            var z = 0.0;
            for (var j = 0; j < k; j++)
            {
                z += x[(i * k) + j] * c[j];
            }
            // ln P(y) = y·z − ln(1 + e^z), computed without overflow.
            var softplus = z > 0 ? z + Math.Log(1 + Math.Exp(-z)) : Math.Log(1 + Math.Exp(z));
            ll += wi * ((y[i] * z) - softplus);
            if (g is not null)
            {
                var pr = Logistic(z);
                for (var a = 0; a < k; a++)
                {
                    g[a] += wi * (y[i] - pr) * x[(i * k) + a];
                    for (var b = 0; b < k; b++)
                    {
                        h![(a * k) + b] -= wi * pr * (1 - pr) * x[(i * k) + a] * x[(i * k) + b];
                    }
                }
            }
        }
        for (var j = 0; j < k; j++)
        {
            if (precision[j] > 0)
            {
                ll -= 0.5 * precision[j] * c[j] * c[j];
                if (g is not null)
                {
                    g[j] -= precision[j] * c[j];
                    h![(j * k) + j] -= precision[j];
                }
            }
        }
        return ll;
    }
}
