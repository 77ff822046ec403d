namespace PhysicalTheraPT.Analytics.Retention;

/// <summary>
/// The standard normal distribution and the chi-square distribution with one degree of freedom, for the
/// report's intervals and tests. Accurate to about 1e-14 absolute and 1e-12 relative in the tails that
/// p-values reach, which is far beyond what any count of patients can tell apart.
/// </summary>
internal static class NormalDistribution
{
    /// <summary>The 97.5% point, the z of every 95% interval and two-sided 5% test in the reports.</summary>
    public const double Z95 = 1.959964;

    /// <summary>P(Z ≤ <paramref name="x"/>).</summary>
    public static double Cdf(double x) => 0.5 * Erfc(-x / Math.Sqrt(2));

    /// <summary>P(|Z| ≥ |<paramref name="z"/>|): the two-sided p-value of a z statistic.</summary>
    public static double TwoSidedP(double z) => Erfc(Math.Abs(z) / Math.Sqrt(2));

    /// <summary>P(X ≥ <paramref name="chiSquare"/>) for X chi-square with one degree of freedom (X = Z²).</summary>
    public static double ChiSquareOneDegreeP(double chiSquare) =>
        chiSquare <= 0 ? 1 : Erfc(Math.Sqrt(chiSquare / 2));

    /// <summary>The x with P(Z ≤ x) = <paramref name="p"/>, for 0 &lt; p &lt; 1 (bisection, then Newton steps).</summary>
    public static double Quantile(double p)
    {
        if (!(p > 0 && p < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A probability strictly between 0 and 1 is needed.");
        }

        double low = -40, high = 40;
        for (var i = 0; i < 60; i++)
        {
            var middle = (low + high) / 2;
            if (Cdf(middle) < p)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        var x = (low + high) / 2;
        for (var i = 0; i < 3; i++)
        {
            var density = Math.Exp(-x * x / 2) / Math.Sqrt(2 * Math.PI);
            if (density <= 0)
            {
                break;
            }

            x -= (Cdf(x) - p) / density;
        }

        return x;
    }

    /// <summary>
    /// The complementary error function: the Maclaurin series of erf for small x (where 1 − erf loses
    /// nothing that matters), the continued fraction of erfc (modified Lentz) beyond, where the series
    /// would cancel away the digits a small p-value needs.
    /// </summary>
    internal static double Erfc(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (x < 0)
        {
            return 2 - Erfc(-x);
        }

        if (x < 2)
        {
            // erf(x) = 2/√π Σ (−1)ⁿ x^(2n+1) / (n! (2n+1))
            double term = x, sum = x;
            var x2 = x * x;
            for (var n = 1; n < 200; n++)
            {
                term *= -x2 / n;
                var addend = term / (2 * n + 1);
                sum += addend;
                if (Math.Abs(addend) < 1e-17 * Math.Abs(sum))
                {
                    break;
                }
            }

            return 1 - 2 / Math.Sqrt(Math.PI) * sum;
        }

        if (x > 27)
        {
            return 0;
        }

        // erfc(x) = exp(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + …)))))
        const double tiny = 1e-300;
        var f = x;
        var c = x;
        var d = 0.0;
        for (var k = 1; k < 500; k++)
        {
            var a = k / 2.0;
            d = x + a * d;
            d = Math.Abs(d) < tiny ? tiny : d;
            c = x + a / c;
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1 / d;
            var delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1) < 1e-16)
            {
                break;
            }
        }

        return Math.Exp(-x * x) / Math.Sqrt(Math.PI) / f;
    }
}
