#!/usr/bin/python3
"""Reference values for the experiment statistics, computed independently of the Java code.

Generated once and committed as fixtures.json next to this script, with Debian's packages
(python3-scipy, python3-statsmodels, python3-numpy), from the repository root:

    /usr/bin/python3 flags-core/src/test/resources/experiment/make-fixtures.py \
        > flags-core/src/test/resources/experiment/fixtures.json

ExperimentStatisticsFixturesTests reads the JSON and compares the Java results with it.

Where the values come from:
- two-proportion z-test (no continuity correction): scipy.stats.chi2_contingency(correction=False)
  on the 2x2 table, cross-checked against statsmodels' proportions_ztest;
- Wald interval of the difference of proportions: statsmodels' confint_proportions_2indep;
- Welch's t-test: scipy.stats.ttest_ind(equal_var=False) on raw values, or ttest_ind_from_stats;
  its interval: statsmodels' CompareMeans.tconfint_diff(usevar="unequal") on raw values;
- relative lift intervals: the delta method, written out in numpy;
- sample ratio mismatch: scipy.stats.chisquare;
- Holm's correction: statsmodels' multipletests(method="holm");
- sample size: scipy.stats.norm quantiles, cross-checked against statsmodels' NormalIndPower;
- the sequential test: the confidence sequence of Waudby-Smith et al. in its raw form
  (per-user sigma, N and rho), and the always-valid p-value found numerically as the smallest
  alpha at which the sequence excludes 0 (a root search, not the closed form the Java code uses).
"""

import json
import math
import sys

import numpy as np
import scipy
import scipy.optimize as optimize
import scipy.stats as stats
import statsmodels
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.power import NormalIndPower
from statsmodels.stats.proportion import confint_proportions_2indep, proportions_ztest
from statsmodels.stats.weightstats import CompareMeans, DescrStatsW


def rho(alpha, tuning):
    a = -2 * math.log(alpha)
    return math.sqrt((a + math.log(a + 1)) / tuning)


def cs_half_width(log_alpha, n, sigma, r):
    # Waudby-Smith et al., asymptotic confidence sequence, with rho on the standardised scale.
    return sigma * math.sqrt(2 * (n * r * r + 1) / (n * n * r * r) * (math.log(math.sqrt(n * r * r + 1)) - log_alpha))


def sequential(diff, se, rel, rel_se, n, alpha, tuning):
    r = rho(alpha, tuning)
    sigma = se * math.sqrt(n)
    width = cs_half_width(math.log(alpha), n, sigma, r)
    result = {"absoluteSequence": [diff - width, diff + width]}
    if rel is not None:
        rel_width = cs_half_width(math.log(alpha), n, rel_se * math.sqrt(n), r)
        result["relativeSequence"] = [rel - rel_width, rel + rel_width]
    if cs_half_width(0.0, n, sigma, r) <= abs(diff):
        log_p = optimize.brentq(lambda la: cs_half_width(la, n, sigma, r) - abs(diff), -745.0, 0.0,
                                xtol=1e-15, rtol=4 * np.finfo(float).eps, maxiter=500)
        result["sequentialPValue"] = math.exp(log_p)
    else:
        result["sequentialPValue"] = 1.0
    return result


def binomial_case(name, alpha, tuning, n0, x0, n1, x1):
    p0, p1 = x0 / n0, x1 / n1
    _, p_chi2, _, _ = stats.chi2_contingency([[x1, n1 - x1], [x0, n0 - x0]], correction=False)
    _, p_z = proportions_ztest([x1, x0], [n1, n0])
    assert math.isclose(p_chi2, p_z, rel_tol=1e-9), (name, p_chi2, p_z)
    low, high = confint_proportions_2indep(x1, n1, x0, n0, method="wald", compare="diff", alpha=alpha)
    z = stats.norm.isf(alpha / 2)
    rel = p1 / p0 - 1
    rel_se = math.sqrt(p1 * (1 - p1) / (n1 * p0 ** 2) + p1 ** 2 * p0 * (1 - p0) / (n0 * p0 ** 4))
    se = math.sqrt(p0 * (1 - p0) / n0 + p1 * (1 - p1) / n1)
    expected = {
        "pValue": p_chi2,
        "absolute": [low, high],
        "relative": [rel - z * rel_se, rel + z * rel_se],
    }
    expected.update(sequential(p1 - p0, se, rel, rel_se, n0 + n1, alpha, tuning))
    return {"name": name, "alpha": alpha, "tuningSampleSize": tuning,
            "control": {"users": n0, "conversions": x0},
            "treatment": {"users": n1, "conversions": x1},
            "expected": expected}


def welch_expected(name, alpha, tuning, n0, m0, v0, n1, m1, v1, p_value, absolute):
    se = math.sqrt(v0 / n0 + v1 / n1)
    z = stats.norm.isf(alpha / 2)
    rel = m1 / m0 - 1
    rel_se = math.sqrt(v1 / (n1 * m0 ** 2) + m1 ** 2 * v0 / (n0 * m0 ** 4))
    expected = {
        "pValue": p_value,
        "absolute": list(absolute),
        "relative": [rel - z * rel_se, rel + z * rel_se],
    }
    expected.update(sequential(m1 - m0, se, rel, rel_se, n0 + n1, alpha, tuning))
    return expected


def continuous_raw_case(name, alpha, tuning, control, treatment):
    control = np.asarray(control)
    treatment = np.asarray(treatment)
    p_value = stats.ttest_ind(treatment, control, equal_var=False).pvalue
    absolute = CompareMeans(DescrStatsW(treatment), DescrStatsW(control)).tconfint_diff(alpha=alpha, usevar="unequal")
    expected = welch_expected(name, alpha, tuning, len(control), control.mean(), control.var(ddof=1),
                              len(treatment), treatment.mean(), treatment.var(ddof=1), p_value, absolute)
    return {"name": name, "alpha": alpha, "tuningSampleSize": tuning,
            "control": {"values": control.tolist()},
            "treatment": {"values": treatment.tolist()},
            "expected": expected}


def summary(n, mean, sd):
    return {"users": n, "sum": n * mean, "sumOfSquares": (n - 1) * sd * sd + n * mean * mean}


def moments(s):
    n = s["users"]
    mean = s["sum"] / n
    variance = (s["sumOfSquares"] - s["sum"] ** 2 / n) / (n - 1)
    return n, mean, variance


def continuous_summary_case(name, alpha, tuning, control, treatment):
    n0, m0, v0 = moments(control)
    n1, m1, v1 = moments(treatment)
    p_value = stats.ttest_ind_from_stats(m1, math.sqrt(v1), n1, m0, math.sqrt(v0), n0, equal_var=False).pvalue
    a0, a1 = v0 / n0, v1 / n1
    df = (a0 + a1) ** 2 / (a0 ** 2 / (n0 - 1) + a1 ** 2 / (n1 - 1))
    width = stats.t.isf(alpha / 2, df) * math.sqrt(a0 + a1)
    absolute = (m1 - m0 - width, m1 - m0 + width)
    expected = welch_expected(name, alpha, tuning, n0, m0, v0, n1, m1, v1, p_value, absolute)
    return {"name": name, "alpha": alpha, "tuningSampleSize": tuning,
            "control": control, "treatment": treatment, "expected": expected}


def sample_ratio_case(name, weights, users):
    total = sum(users.values())
    weight_sum = sum(weights.values())
    observed = [users[v] for v in weights]
    expected = [total * weights[v] / weight_sum for v in weights]
    chi_square, p_value = stats.chisquare(observed, f_exp=expected)
    return {"name": name, "weights": weights, "users": users,
            "expected": {"chiSquare": chi_square, "pValue": p_value}}


def holm_case(name, alpha, tuning, control, treatments):
    n0, x0 = control
    p0 = x0 / n0
    fixed = []
    seq = []
    for (n1, x1) in treatments.values():
        p1 = x1 / n1
        fixed.append(stats.chi2_contingency([[x1, n1 - x1], [x0, n0 - x0]], correction=False)[1])
        se = math.sqrt(p0 * (1 - p0) / n0 + p1 * (1 - p1) / n1)
        seq.append(sequential(p1 - p0, se, None, None, n0 + n1, alpha, tuning)["sequentialPValue"])
    fixed_adjusted = multipletests(fixed, method="holm")[1]
    seq_adjusted = multipletests(seq, method="holm")[1]
    expected = {}
    for i, variant in enumerate(treatments):
        expected[variant] = {"pValue": fixed[i], "adjustedPValue": fixed_adjusted[i],
                             "sequentialPValue": seq[i], "sequentialAdjustedPValue": seq_adjusted[i]}
    return {"name": name, "alpha": alpha, "tuningSampleSize": tuning,
            "control": {"users": n0, "conversions": x0},
            "treatments": {v: {"users": n, "conversions": x} for v, (n, x) in treatments.items()},
            "expected": expected}


def sample_size_case(name, kind, alpha, power, mde, goal, weights, control):
    treatments = len(weights) - 1
    z_alpha = stats.norm.isf(alpha / treatments / 2)
    z_power = stats.norm.ppf(power)
    if kind == "BINOMIAL":
        m0 = control["conversions"] / control["users"]
        v0 = m0 * (1 - m0)
        m1 = min(1.0, max(0.0, m0 * (1 + mde if goal == "INCREASE" else 1 - mde)))
        v1 = m1 * (1 - m1)
    else:
        _, m0, v0 = moments(control)
        m1 = m0 * (1 + mde if goal == "INCREASE" else 1 - mde)
        v1 = v0
    delta = abs(m1 - m0)
    names = list(weights)
    w0 = weights[names[0]]
    total_weight = sum(weights.values())
    required = 0.0
    for variant in names[1:]:
        wt = weights[variant]
        k0, k1 = w0 / (w0 + wt), wt / (w0 + wt)
        pair = (z_alpha + z_power) ** 2 * (v0 / k0 + v1 / k1) / delta ** 2
        required = max(required, pair * total_weight / (w0 + wt))
    if kind == "CONTINUOUS" and len(weights) == 2 and weights[names[0]] == weights[names[1]]:
        # statsmodels also counts rejections in the wrong tail, so it needs a hair fewer users.
        per_arm = NormalIndPower().solve_power(effect_size=delta / math.sqrt(v0), alpha=alpha, power=power, ratio=1.0)
        assert math.isclose(2 * per_arm, required, rel_tol=1e-4), (name, 2 * per_arm, required)
    return {"name": name, "kind": kind, "alpha": alpha, "power": power, "minimumDetectableEffect": mde,
            "goal": goal, "weights": weights, "control": control,
            "expected": {"requiredUsers": required, "zAlpha": z_alpha, "zPower": z_power}}


def main():
    rng = np.random.default_rng(20240601)
    revenue_control = np.round(rng.lognormal(3.0, 0.8, 60), 2)
    revenue_treatment = np.round(rng.lognormal(3.2, 0.8, 75), 2)
    small_control = np.round(rng.normal(10.0, 1.0, 12), 3)
    small_treatment = np.round(rng.normal(11.0, 3.0, 20), 3)
    fixtures = {
        "command": "/usr/bin/python3 flags-core/src/test/resources/experiment/make-fixtures.py"
                   " > flags-core/src/test/resources/experiment/fixtures.json",
        "versions": {"python": sys.version.split()[0], "numpy": np.__version__, "scipy": scipy.__version__,
                     "statsmodels": statsmodels.__version__},
        "binomial": [
            binomial_case("balanced", 0.05, 5000, 5000, 500, 5000, 560),
            binomial_case("unbalanced, alpha 0.1, N* 2000", 0.1, 2000, 1200, 96, 800, 88),
            binomial_case("no difference", 0.05, 5000, 3000, 300, 3100, 310),
            binomial_case("worse", 0.05, 5000, 8000, 1200, 8000, 1090),
            binomial_case("small", 0.05, 5000, 40, 3, 38, 9),
            binomial_case("alpha 0.01, N* 20000", 0.01, 20000, 25000, 2500, 25000, 2650),
            binomial_case("far tail", 0.05, 5000, 1000000, 100000, 1000000, 113500),
        ],
        "continuous": [
            continuous_raw_case("revenue, raw values", 0.05, 5000, revenue_control, revenue_treatment),
            continuous_raw_case("small samples, unequal variances", 0.1, 1000, small_control, small_treatment),
            continuous_summary_case("large samples", 0.05, 5000, summary(10000, 52.3, 40.0),
                                    summary(9800, 53.9, 43.0)),
            continuous_summary_case("far tail", 0.05, 5000, summary(200000, 10.0, 5.0),
                                    summary(200000, 10.5, 5.0)),
        ],
        "sampleRatio": [
            sample_ratio_case("52/48 at 20 000 users", {"control": 50.0, "treatment": 50.0},
                              {"control": 10400, "treatment": 9600}),
            sample_ratio_case("balanced", {"control": 50.0, "treatment": 50.0},
                              {"control": 10050, "treatment": 9950}),
            sample_ratio_case("three variants", {"control": 34.0, "b": 33.0, "c": 33.0},
                              {"control": 3450, "b": 3280, "c": 3270}),
            sample_ratio_case("90/10", {"control": 90.0, "treatment": 10.0},
                              {"control": 9000, "treatment": 1100}),
        ],
        "holm": [
            holm_case("three treatments", 0.05, 5000, (4000, 400),
                      {"b": (4000, 470), "c": (4000, 430), "d": (4000, 455)}),
        ],
        "sampleSize": [
            sample_size_case("binomial 10 %, 5 % lift", "BINOMIAL", 0.05, 0.8, 0.05, "INCREASE",
                             {"control": 50.0, "treatment": 50.0}, {"users": 10000, "conversions": 1000}),
            sample_size_case("binomial, three variants, decrease", "BINOMIAL", 0.05, 0.8, 0.1, "DECREASE",
                             {"control": 50.0, "b": 25.0, "c": 25.0}, {"users": 2000, "conversions": 300}),
            sample_size_case("continuous, alpha 0.1, power 0.9", "CONTINUOUS", 0.1, 0.9, 0.03, "INCREASE",
                             {"control": 50.0, "treatment": 50.0}, summary(10000, 52.3, 40.0)),
        ],
    }
    json.dump(fixtures, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
