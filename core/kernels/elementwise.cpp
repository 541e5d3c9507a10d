#include "elementwise.hpp"

#include "simd.hpp"

namespace lw {

void f32_vadd(float* z, const float* x, const float* y, std::size_t n) {
  simd::map2(z, x, y, n, [](auto a, auto b) { return a + b; });
}

void f32_vmul(float* z, const float* x, const float* y, std::size_t n) {
  simd::map2(z, x, y, n, [](auto a, auto b) { return a * b; });
}

void f32_bias_add(float* y, const float* b, std::size_t rows, std::size_t cols) {
  for (std::size_t r = 0; r < rows; ++r) f32_vadd(y + r * cols, y + r * cols, b, cols);
}

namespace ref {
void f32_vadd(float* z, const float* x, const float* y, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) z[i] = x[i] + y[i];
}
void f32_vmul(float* z, const float* x, const float* y, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) z[i] = x[i] * y[i];
}
void f32_bias_add(float* y, const float* b, std::size_t rows, std::size_t cols) {
  for (std::size_t r = 0; r < rows; ++r)
    for (std::size_t c = 0; c < cols; ++c) y[r * cols + c] += b[c];
}
}  // namespace ref

}  // namespace lw
