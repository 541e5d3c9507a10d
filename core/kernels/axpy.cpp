#include "axpy.hpp"

#include "simd.hpp"

namespace lw {

void f32_axpy(float* y, float a, const float* x, std::size_t n) {
  simd::map2(y, x, y, n, [a](auto xv, auto yv) { return simd::fma(decltype(xv)(a), xv, yv); });
}

void f32_scale(float* y, float a, std::size_t n) {
  simd::map(y, y, n, [a](auto v) { return v * decltype(v)(a); });
}

namespace ref {
void f32_axpy(float* y, float a, const float* x, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) y[i] += a * x[i];
}
void f32_scale(float* y, float a, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) y[i] *= a;
}
}  // namespace ref

}  // namespace lw
