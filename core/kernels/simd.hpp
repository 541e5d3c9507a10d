// simd: the one place that names the SIMD vector type, and the loop shapes every kernel uses.
//
// Kernels are written once over xsimd::batch<float>, the widest batch the build targets:
// AVX-512 or AVX2 natively with -march=native, SSE4.1 for `-msse4.1`, and SSE4.1 mapped onto
// WebAssembly SIMD128 in the wasm build (docs/toolchain.md, trap 2). A kernel is a scalar body
// plus a vector body; map() and map2() run the vector body over whole batches and the scalar
// body over the tail, so that logic is written once.
#pragma once

#include <cassert>
#include <cstddef>

#include <xsimd/xsimd.hpp>

// Put before a loop that is not worth vectorising (a strided gather, a 2×2 window): the
// compiler's vector copy, with its runtime checks and scalar remainder, costs the wasm binary
// more bytes than the loop saves time. Clang (the wasm compiler) obeys it; GCC 12 has no such
// pragma, and the native build does not mind the size.
#if defined(__clang__)
#define LW_SCALAR_LOOP _Pragma("clang loop vectorize(disable) interleave(disable)")
#else
#define LW_SCALAR_LOOP
#endif

namespace lw::simd {

using fvec = xsimd::batch<float>;
inline constexpr std::size_t kLanes = fvec::size;

// a·b + c. With FMA hardware one fused instruction (one rounding); xsimd 8.1 has no AVX-512
// fma, so that case calls the intrinsic. SSE4.1 and wasm SIMD128 have no FMA: mul then add.
// The float overload is the unfused form, as the vector body computes it there.
inline fvec fma(fvec a, fvec b, fvec c) {
#if defined(__AVX512F__)
  if constexpr (kLanes == 16) return fvec(_mm512_fmadd_ps(a, b, c));
#endif
  return xsimd::fma(a, b, c);
}
inline float fma(float a, float b, float c) { return a * b + c; }

inline fvec load(const float* p) { return fvec::load_unaligned(p); }
inline void store(float* p, fvec v) { v.store_unaligned(p); }

// out[i] = f(in[i]) for i < n, with f callable on both fvec and float.
template <class F>
inline void map(float* out, const float* in, std::size_t n, F f) {
  std::size_t i = 0;
  for (; i + kLanes <= n; i += kLanes) store(out + i, f(load(in + i)));
  for (; i < n; ++i) out[i] = f(in[i]);
}

// out[i] = f(a[i], b[i]).
template <class F>
inline void map2(float* out, const float* a, const float* b, std::size_t n, F f) {
  std::size_t i = 0;
  for (; i + kLanes <= n; i += kLanes) store(out + i, f(load(a + i), load(b + i)));
  for (; i < n; ++i) out[i] = f(a[i], b[i]);
}

// out[i] = f(a[i], b[i], c[i]).
template <class F>
inline void map3(float* out, const float* a, const float* b, const float* c, std::size_t n, F f) {
  std::size_t i = 0;
  for (; i + kLanes <= n; i += kLanes) store(out + i, f(load(a + i), load(b + i), load(c + i)));
  for (; i < n; ++i) out[i] = f(a[i], b[i], c[i]);
}

// Folds x[0..n) with a vector accumulator, then the lanes, then the tail:
// returns combine over all elements, starting from `init` in every lane.
template <class V, class S>
inline float fold(const float* x, std::size_t n, float init, V vec_op, S scalar_op) {
  fvec acc(init);
  std::size_t i = 0;
  for (; i + kLanes <= n; i += kLanes) acc = vec_op(acc, load(x + i));
  alignas(64) float lanes[kLanes];
  acc.store_aligned(lanes);
  float r = init;
  for (std::size_t l = 0; l < kLanes; ++l) r = scalar_op(r, lanes[l]);
  for (; i < n; ++i) r = scalar_op(r, x[i]);
  return r;
}

}  // namespace lw::simd

namespace lw::simd {
// Scalar twin of xsimd::select, so one generic lambda serves the vector body and the tail.
inline float select(bool condition, float a, float b) { return condition ? a : b; }
using xsimd::select;
}  // namespace lw::simd
