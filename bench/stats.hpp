// What the benchmarks share: their timing options, medians of repeats and how noisy they were.
#pragma once

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdlib>
#include <string_view>
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

// The options every timing benchmark takes, in its Config (which derives from this):
// --repeats N (the median of N is reported), --min-ms MS (the least time of one repeat) and
// --quick (a smoke run: 3 repeats of 10 ms).
struct Timing {
  int repeats = 9;
  double min_ms = 60;
  bool quick = false;
};

// Reads argv[i] into t when it is one of Timing's options, moving i past its value; returns
// false for any other word. Later options win; values below 1 count as 1.
inline bool read_timing(int argc, char** argv, int& i, Timing& t) {
  const std::string_view a = argv[i];
  if (a == "--quick") {
    t.quick = true;
    t.repeats = 3;
    t.min_ms = 10;
  } else if (a == "--repeats" && i + 1 < argc) {
    t.repeats = std::max(1, std::atoi(argv[++i]));
  } else if (a == "--min-ms" && i + 1 < argc) {
    t.min_ms = std::max(1.0, std::atof(argv[++i]));
  } else {
    return false;
  }
  return true;
}

}  // namespace lw::bench
