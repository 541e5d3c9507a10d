#include "stats.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lw {

Summary Summary::of(std::span<const float> values, std::size_t bins) {
  Summary s;
  s.count = values.size();
  s.histogram.assign(bins, 0);
  if (values.empty()) return s;
  double sum = 0, sq = 0;
  // min and max over the values that are not NaN; the bins over the finite ones.
  float lo = std::numeric_limits<float>::infinity(), hi = -lo;
  float finite_lo = lo, finite_hi = hi;
  for (float v : values) {
    sum += v;
    sq += double(v) * v;
    if (std::isnan(v)) continue;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
    if (std::isfinite(v)) finite_lo = std::min(finite_lo, v), finite_hi = std::max(finite_hi, v);
  }
  s.mean = sum / double(s.count);
  s.std = std::sqrt(std::max(0.0, sq / double(s.count) - s.mean * s.mean));
  s.min = lo <= hi ? lo : std::numeric_limits<double>::quiet_NaN();  // all NaN: NaN
  s.max = lo <= hi ? hi : std::numeric_limits<double>::quiet_NaN();
  if (bins == 0) return s;
  // A diverged layer holds ±inf and NaN: -inf counts in the first bin, +inf in the last, NaN
  // in none; the bins span the finite values. Every index is clamped as a double before it
  // becomes an integer (a NaN or an infinity converted to an integer is undefined behaviour).
  const double width = finite_lo < finite_hi ? (double(finite_hi) - finite_lo) / double(bins) : 0;
  for (float v : values) {
    if (std::isnan(v)) continue;
    const double t = width > 0 ? (double(v) - finite_lo) / width : std::isinf(v) && v > 0 ? double(bins) : 0;
    const std::size_t b = t >= double(bins - 1) ? bins - 1 : t > 0 ? static_cast<std::size_t>(t) : 0;
    s.histogram[b]++;
  }
  return s;
}

json::Value Summary::to_json() const {
  json::Value::Array hist;
  for (auto h : histogram) hist.emplace_back(h);
  return json::Value::Object{{"count", count}, {"mean", mean}, {"std", std}, {"min", min},
                             {"max", max},     {"histogram", hist}};
}

json::Value LayerStats::to_json() const {
  return json::Value::Object{{"type", type},
                             {"weights", weights.to_json()},
                             {"weightGrads", weight_grads.to_json()},
                             {"activations", activations.to_json()},
                             {"activationGrads", activation_grads.to_json()},
                             {"dead", dead},
                             {"saturated", saturated}};
}

}  // namespace lw
