#include "scores.h"

#include <algorithm>
#include <cmath>

namespace dateline::query {

namespace {

// x log(x / expected), 0 for an empty cell.
double term(double observed, double expected) {
    return observed > 0 && expected > 0 ? observed * std::log(observed / expected) : 0;
}

} // namespace

double lift(double k, double n, double K, double N) {
    if (n <= 0 || K <= 0 || N <= 0) return 0;
    return (k / n) / (K / N);
}

double lift_low(double k, double n, double K, double N) {
    return lift(std::max(0.0, k - 1.96 * std::sqrt(std::max(0.0, k))), n, K, N);
}

double g2(double k, double n, double K, double N) {
    if (n <= 0 || N <= 0) return 0;
    n = std::min(n, N);
    K = std::clamp(K, 0.0, N);
    k = std::clamp(k, 0.0, std::min(n, K));
    if (k / n <= K / N) return 0;
    // The table: rows matches / rest of the archive, columns with / without the item.
    const double a = k, b = n - k, c = K - k, d = (N - n) - (K - k);
    const double rows[2] = {n, N - n}, cols[2] = {K, N - K};
    const double cells[2][2] = {{a, b}, {c, std::max(d, 0.0)}};
    double sum = 0;
    for (int i = 0; i < 2; ++i)
        for (int j = 0; j < 2; ++j)
            sum += term(cells[i][j], rows[i] * cols[j] / N);
    return std::max(0.0, 2 * sum);
}

double z_two_proportions(double x1, double n1, double x0, double n0) {
    if (n1 <= 0 || n0 <= 0) return 0;
    const double p = (x1 + x0) / (n1 + n0);
    if (p <= 0 || p >= 1) return 0;
    const double se = std::sqrt(p * (1 - p) * (1 / n1 + 1 / n0));
    return (x1 / n1 - x0 / n0) / se;
}

} // namespace dateline::query
