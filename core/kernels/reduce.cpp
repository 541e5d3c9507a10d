#include "reduce.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "elementwise.hpp"
#include "simd.hpp"

namespace lw {

float f32_sum(const float* x, std::size_t n) {
  return simd::fold(x, n, 0.0f, [](auto a, auto b) { return a + b; },
                    [](float a, float b) { return a + b; });
}

float f32_max(const float* x, std::size_t n) {
  assert(n > 0);
  return simd::fold(x, n, -std::numeric_limits<float>::infinity(),
                    [](auto a, auto b) { return xsimd::max(a, b); },
                    [](float a, float b) { return std::max(a, b); });
}

void f32_col_sum_add(float* s, const float* x, std::size_t rows, std::size_t cols) {
  for (std::size_t r = 0; r < rows; ++r) f32_vadd(s, s, x + r * cols, cols);
}

// x·0 is 0 for a finite x and NaN for ±Inf or NaN, and a NaN survives every sum after it.
// Four independent sums, so the adds do not wait on each other (every input batch passes here).
bool f32_all_finite(const float* x, std::size_t n) {
  using simd::fvec;
  using simd::kLanes;
  const fvec zero(0.0f);
  fvec acc[4] = {zero, zero, zero, zero};
  std::size_t i = 0;
  for (; i + 4 * kLanes <= n; i += 4 * kLanes)
    for (std::size_t a = 0; a < 4; ++a) acc[a] = acc[a] + simd::load(x + i + a * kLanes) * zero;
  float z = xsimd::hadd((acc[0] + acc[1]) + (acc[2] + acc[3]));
  for (; i < n; ++i) z += x[i] * 0.0f;
  return z == 0.0f;
}

namespace ref {
bool f32_all_finite(const float* x, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i)
    if (!std::isfinite(x[i])) return false;
  return true;
}
float f32_sum(const float* x, std::size_t n) {
  double s = 0;
  for (std::size_t i = 0; i < n; ++i) s += x[i];
  return static_cast<float>(s);
}
float f32_max(const float* x, std::size_t n) {
  float m = x[0];
  for (std::size_t i = 1; i < n; ++i) m = std::max(m, x[i]);
  return m;
}
void f32_col_sum_add(float* s, const float* x, std::size_t rows, std::size_t cols) {
  for (std::size_t c = 0; c < cols; ++c) {
    double acc = 0;
    for (std::size_t r = 0; r < rows; ++r) acc += x[r * cols + c];
    s[c] += static_cast<float>(acc);
  }
}
}  // namespace ref

}  // namespace lw
