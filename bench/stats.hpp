// Timing statistics shared by the benchmarks: medians of repeats and how noisy they were.
#pragma once

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <vector>

namespace lw::bench {

using Clock = std::chrono::steady_clock;

inline double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

inline double median(std::vector<double> v) {
  if (v.empty()) return NAN;
  std::sort(v.begin(), v.end());
  std::size_t n = v.size();
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

// Interquartile range relative to the median, in percent: how noisy the repeats were.
inline double spread_pct(std::vector<double> v) {
  if (v.size() < 3) return NAN;
  std::sort(v.begin(), v.end());
  auto q = [&](double f) {
    double pos = f * double(v.size() - 1);
    std::size_t i = static_cast<std::size_t>(pos);
    double t = pos - double(i);
    return i + 1 < v.size() ? v[i] * (1 - t) + v[i + 1] * t : v[i];
  };
  return 100.0 * (q(0.75) - q(0.25)) / median(v);
}

}  // namespace lw::bench
