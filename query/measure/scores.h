// The statistics behind the measurements (measure.h), as plain functions of counts.
//   lift(k, n, K, N)  = (k / n) / (K / N): how much more often an item appears among n matches
//                       (k of them) than in the N articles of the archive (K of them). 0 when
//                       any denominator is 0.
//   lift_low(k, n, K, N) = lift(max(0, k − 1.96 √k), n, K, N): the lift of the low end of a 95%
//                       interval of the count (normal approximation to Poisson). --cooccur ranks
//                       by it: an entity seen 11 times and nowhere else has the same lift as one
//                       seen 133 times and nowhere else, but less evidence for it.
//   g2(k, n, K, N)    = Dunning's log-likelihood ratio G² (Dunning 1993, "Accurate methods for
//                       the statistics of surprise and coincidence") of the 2×2 table
//                       [k, n − k; K − k, (N − n) − (K − k)]: matches against the rest of the
//                       archive, the matches being part of it (k ≤ K, n ≤ N). Values are
//                       clamped to those bounds. 0 when the item is not over-represented
//                       (k / n ≤ K / N): only distinctive items score.
//   z_two_proportions(x1, n1, x0, n0) = (p1 − p0) / sqrt(p (1 − p) (1 / n1 + 1 / n0)), with
//                       p1 = x1 / n1, p0 = x0 / n0 and the pooled p = (x1 + x0) / (n1 + n0):
//                       the binomial (two-proportion) z-test of a rate that changed between two
//                       periods. With no baseline (n0 = 0) or no window (n1 = 0) it is 0; when
//                       p is 0 or 1 it is 0.
#pragma once

#include <cstdint>

namespace dateline::query {

double lift(double k, double n, double K, double N);
double lift_low(double k, double n, double K, double N);
double g2(double k, double n, double K, double N);
double z_two_proportions(double x1, double n1, double x0, double n0);

} // namespace dateline::query
