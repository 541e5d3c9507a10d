#include "stats.hpp"

#include <algorithm>
#include <cmath>

namespace lw {

Summary Summary::of(std::span<const float> values, std::size_t bins) {
  Summary s;
  s.count = values.size();
  s.histogram.assign(bins, 0);
  if (values.empty()) return s;
  double sum = 0, sq = 0;
  float lo = values[0], hi = values[0];
  for (float v : values) {
    sum += v;
    sq += double(v) * v;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  s.mean = sum / double(s.count);
  s.std = std::sqrt(std::max(0.0, sq / double(s.count) - s.mean * s.mean));
  s.min = lo;
  s.max = hi;
  if (bins == 0) return s;
  double width = (double(hi) - lo) / double(bins);
  for (float v : values) {
    std::size_t b = width > 0 ? static_cast<std::size_t>((double(v) - lo) / width) : 0;
    s.histogram[std::min(b, bins - 1)]++;
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
