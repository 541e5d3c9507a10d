#include "softmax.hpp"

#include <algorithm>
#include <cmath>

#include "elementwise.hpp"
#include "reduce.hpp"
#include "simd.hpp"

namespace lw {

void f32_softmax(float* y, const float* x, std::size_t rows, std::size_t cols) {
  for (std::size_t r = 0; r < rows; ++r) {
    const float* xr = x + r * cols;
    float* yr = y + r * cols;
    float m = f32_max(xr, cols);
    simd::map(yr, xr, cols, [m](auto v) { return xsimd::exp(v - decltype(v)(m)); });
    float inv = 1.0f / f32_sum(yr, cols);
    f32_scale(yr, inv, cols);
  }
}

void f32_softmax_backward(float* dx, const float* dy, const float* y, std::size_t rows,
                          std::size_t cols) {
  for (std::size_t r = 0; r < rows; ++r) {
    const float* g = dy + r * cols;
    const float* s = y + r * cols;
    float dot = 0.0f;
    for (std::size_t j = 0; j < cols; ++j) dot += g[j] * s[j];
    simd::map2(dx + r * cols, g, s, cols, [dot](auto gv, auto sv) {
      return sv * (gv - decltype(gv)(dot));
    });
  }
}

namespace ref {
void f32_softmax(float* y, const float* x, std::size_t rows, std::size_t cols) {
  for (std::size_t r = 0; r < rows; ++r) {
    const float* xr = x + r * cols;
    float m = *std::max_element(xr, xr + cols);
    double sum = 0;
    for (std::size_t j = 0; j < cols; ++j) sum += std::exp(static_cast<double>(xr[j]) - m);
    for (std::size_t j = 0; j < cols; ++j)
      y[r * cols + j] = static_cast<float>(std::exp(static_cast<double>(xr[j]) - m) / sum);
  }
}
void f32_softmax_backward(float* dx, const float* dy, const float* y, std::size_t rows,
                          std::size_t cols) {
  for (std::size_t r = 0; r < rows; ++r) {
    double dot = 0;
    for (std::size_t j = 0; j < cols; ++j) dot += double(dy[r * cols + j]) * y[r * cols + j];
    for (std::size_t j = 0; j < cols; ++j)
      dx[r * cols + j] = static_cast<float>(y[r * cols + j] * (dy[r * cols + j] - dot));
  }
}
}  // namespace ref

}  // namespace lw
