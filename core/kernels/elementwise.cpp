#include "elementwise.hpp"

#include "simd.hpp"

namespace lw {

void f32_vadd(float* z, const float* x, const float* y, std::size_t n) {
  simd::map2(z, x, y, n, [](auto a, auto b) { return a + b; });
}

void f32_vmul(float* z, const float* x, const float* y, std::size_t n) {
  simd::map2(z, x, y, n, [](auto a, auto b) { return a * b; });
}

void f32_scale(float* y, float a, std::size_t n) {
  simd::map(y, y, n, [a](auto v) { return v * decltype(v)(a); });
}

namespace ref {
void f32_vadd(float* z, const float* x, const float* y, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) z[i] = x[i] + y[i];
}
void f32_vmul(float* z, const float* x, const float* y, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) z[i] = x[i] * y[i];
}
void f32_scale(float* y, float a, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) y[i] *= a;
}
}  // namespace ref

}  // namespace lw
