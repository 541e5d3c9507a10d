#include "activation.hpp"

#include <cmath>
#include <cstdint>
#include <cstring>

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

namespace {

// tanh without libm, the same arithmetic in every vector lane and in the scalar tail. For
// |x| < 0.625 an odd polynomial, x + x³·P(x²); above, (1 − e)/(1 + e) with e = exp(−2|x|),
// and that exp is 2^k · exp(r), k = round(−2|x| / ln 2), r the rest (|r| ≤ ln 2 / 2), with
// 2^k built straight in the exponent bits. xsimd's tanh converts floats to integers there,
// which SSE does with x86 rounding rules that wasm SIMD128 lacks, so Emscripten emulates it
// lane by lane: in wasm that tanh cost 7 ns a value, a third of a 2-8-8-1 training step.
// P and Q are our own weighted least-squares fits (relative error of the approximations
// 4e-9 and 3e-9, under float32's 6e-8); tests/core/test_kernels.cpp checks the result within
// 4 ulp of tanh computed in double over the whole float range.
constexpr float kTanhP[] = {-0.3333328f, 0.13331442f, -0.05373971f, 0.020639079f, -0.0057049785f};
constexpr float kExpQ[] = {0.49999994f, 0.16666521f, 0.04166839f, 0.00836871f, 0.001381461f};
constexpr float kLog2e = 1.44269504f;
constexpr float kLn2Hi = 0.693359375f;            // ln 2 = kLn2Hi + kLn2Lo, kLn2Hi exact in
constexpr float kLn2Lo = -2.12194440054690583e-4f;  // few bits so k·kLn2Hi is exact
constexpr float kRoundMagic = 12582912.0f;  // 1.5·2^23: k + this holds k in its low bits
constexpr std::int32_t kPow2Bias = 0x4B400000 - 127;  // those bits − k = 0x4B400000; +127 bias
constexpr float kTanhOne = 10.0f;  // tanh(x) rounds to 1 in float32 beyond 9.01

template <class T>
T horner(T x, const float (&c)[5]) {
  return (((T(c[4]) * x + T(c[3])) * x + T(c[2])) * x + T(c[1])) * x + T(c[0]);
}

// 2^k for a whole number k in [−126, 127] held in a float.
// (std::bit_cast is missing from the libc++ of Emscripten 3.1.6, hence memcpy.)
inline float pow2(float k) {
  float m = k + kRoundMagic, out;
  std::int32_t bits;
  std::memcpy(&bits, &m, sizeof bits);
  bits = (bits - kPow2Bias) << 23;
  std::memcpy(&out, &bits, sizeof out);
  return out;
}
inline simd::fvec pow2(simd::fvec k) {
  using ivec = xsimd::batch<std::int32_t, simd::fvec::arch_type>;
  ivec bits = xsimd::bitwise_cast<ivec>(k + simd::fvec(kRoundMagic));
  return xsimd::bitwise_cast<simd::fvec>((bits - ivec(kPow2Bias)) << 23);
}

inline float round_even(float v) { return std::nearbyint(v); }
inline simd::fvec round_even(simd::fvec v) { return xsimd::nearbyint(v); }
inline float copy_sign(float magnitude, float sign) { return std::copysign(magnitude, sign); }
inline simd::fvec copy_sign(simd::fvec magnitude, simd::fvec sign) {
  return xsimd::copysign(magnitude, sign);
}

template <class T>
T tanh_of(T x) {
  T a = xsimd::abs(x);
  T z = x * x;
  T small = a + a * z * horner(z, kTanhP);
  T t = select(a > T(kTanhOne), T(kTanhOne), a);  // NaN stays NaN
  T y = T(-2.0f) * t;
  T k = round_even(y * T(kLog2e));
  T r = (y - k * T(kLn2Hi)) - k * T(kLn2Lo);
  T e = pow2(k) * (T(1.0f) + r + r * r * horner(r, kExpQ));
  T large = (T(1.0f) - e) / (T(1.0f) + e);
  return copy_sign(select(a < T(0.625f), small, large), x);
}

}  // namespace

void f32_tanh(float* y, const float* x, std::size_t n) {
  simd::map(y, x, n, [](auto v) { return tanh_of(v); });
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
