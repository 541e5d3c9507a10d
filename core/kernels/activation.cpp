#include "activation.hpp"

#include <cmath>

#include "simd.hpp"

namespace lw {

using simd::select;

void f32_relu(float* y, const float* x, std::size_t n) {
  simd::map(y, x, n, [](auto v) { return xsimd::max(v, decltype(v)(0.0f)); });
}

void f32_relu_backward(float* dx, const float* dy, const float* x, std::size_t n) {
  simd::map2(dx, dy, x, n, [](auto g, auto v) {
    using T = decltype(v);
    return select(v > T(0.0f), g, T(0.0f));
  });
}

void f32_leaky_relu(float* y, const float* x, std::size_t n, float slope) {
  simd::map(y, x, n, [slope](auto v) {
    using T = decltype(v);
    return select(v > T(0.0f), v, v * T(slope));
  });
}

void f32_leaky_relu_backward(float* dx, const float* dy, const float* x, std::size_t n,
                             float slope) {
  simd::map2(dx, dy, x, n, [slope](auto g, auto v) {
    using T = decltype(v);
    return select(v > T(0.0f), g, g * T(slope));
  });
}

void f32_sigmoid(float* y, const float* x, std::size_t n) {
  simd::map(y, x, n, [](auto v) {
    using T = decltype(v);
    return T(1.0f) / (T(1.0f) + xsimd::exp(-v));
  });
}

void f32_sigmoid_backward(float* dx, const float* dy, const float* y, std::size_t n) {
  simd::map2(dx, dy, y, n, [](auto g, auto s) {
    using T = decltype(s);
    return g * s * (T(1.0f) - s);
  });
}

void f32_tanh(float* y, const float* x, std::size_t n) {
  simd::map(y, x, n, [](auto v) { return xsimd::tanh(v); });
}

void f32_tanh_backward(float* dx, const float* dy, const float* y, std::size_t n) {
  simd::map2(dx, dy, y, n, [](auto g, auto t) {
    using T = decltype(t);
    return g * (T(1.0f) - t * t);
  });
}

namespace ref {
void f32_relu(float* y, const float* x, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) y[i] = x[i] > 0.0f ? x[i] : 0.0f;
}
void f32_relu_backward(float* dx, const float* dy, const float* x, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) dx[i] = x[i] > 0.0f ? dy[i] : 0.0f;
}
void f32_leaky_relu(float* y, const float* x, std::size_t n, float slope) {
  for (std::size_t i = 0; i < n; ++i) y[i] = x[i] > 0.0f ? x[i] : slope * x[i];
}
void f32_leaky_relu_backward(float* dx, const float* dy, const float* x, std::size_t n,
                             float slope) {
  for (std::size_t i = 0; i < n; ++i) dx[i] = x[i] > 0.0f ? dy[i] : slope * dy[i];
}
void f32_sigmoid(float* y, const float* x, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) y[i] = 1.0f / (1.0f + std::exp(-x[i]));
}
void f32_sigmoid_backward(float* dx, const float* dy, const float* y, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) dx[i] = dy[i] * y[i] * (1.0f - y[i]);
}
void f32_tanh(float* y, const float* x, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) y[i] = std::tanh(x[i]);
}
void f32_tanh_backward(float* dx, const float* dy, const float* y, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) dx[i] = dy[i] * (1.0f - y[i] * y[i]);
}
}  // namespace ref

}  // namespace lw
