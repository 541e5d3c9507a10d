#include "conv_direct.hpp"

#include <algorithm>

#include "kernels/simd.hpp"

namespace lw::bench {

namespace {

using simd::fvec;
using simd::kLanes;

// y[j] += a · x[j·s] for j < n.
void axpy(float* y, float a, const float* x, std::size_t s, std::size_t n) {
  if (s == 1) {
    simd::map2(y, y, x, n, [a](auto yv, auto xv) { return simd::fma(decltype(yv)(a), xv, yv); });
    return;
  }
  for (std::size_t j = 0; j < n; ++j) y[j] = simd::fma(a, x[j * s], y[j]);
}

// Σ_j y[j] · x[j·s] for j < n.
float dot(const float* y, const float* x, std::size_t s, std::size_t n) {
  std::size_t j = 0;
  float sum = 0.0f;
  if (s == 1) {
    fvec acc(0.0f);
    for (; j + kLanes <= n; j += kLanes) acc = simd::fma(simd::load(y + j), simd::load(x + j), acc);
    sum = xsimd::hadd(acc);
  }
  for (; j < n; ++j) sum = simd::fma(y[j], x[j * s], sum);
  return sum;
}

// Calls f(tap index in w[o], input offset of the run, output row i, columns) for every
// in-image stretch of every tap (c, u, v) of one sample.
template <class F>
void each_tap_row(const Conv2dGeometry& g, F f) {
  const std::size_t oh = g.out_h(), ow = g.out_w();
  for (std::size_t c = 0; c < g.c; ++c)
    for (std::size_t u = 0; u < g.kh; ++u) {
      ConvRun rows = conv_run(oh, g.sh, u, g.ph, g.h);
      for (std::size_t v = 0; v < g.kw; ++v) {
        ConvRun cols = conv_run(ow, g.sw, v, g.pw, g.w);
        std::size_t tap = (c * g.kh + u) * g.kw + v;
        for (std::size_t i = rows.lo; i < rows.hi; ++i) {
          std::size_t iy = rows.first + (i - rows.lo) * g.sh;
          f(tap, (c * g.h + iy) * g.w + cols.first, i * ow + cols.lo, cols.hi - cols.lo);
        }
      }
    }
}

}  // namespace

void conv2d_direct(float* y, const float* x, const float* w, const float* bias, std::size_t batch,
                   std::size_t out, const Conv2dGeometry& g) {
  const std::size_t P = g.out_h() * g.out_w();
  for (std::size_t b = 0; b < batch; ++b)
    for (std::size_t o = 0; o < out; ++o) {
      float* yp = y + (b * out + o) * P;
      std::fill(yp, yp + P, bias[o]);
      const float* xb = x + b * g.in_size();
      const float* wo = w + o * g.patch();
      each_tap_row(g, [&](std::size_t tap, std::size_t in, std::size_t at, std::size_t n) {
        axpy(yp + at, wo[tap], xb + in, g.sw, n);
      });
    }
}

void conv2d_direct_backward(float* dx, float* dw, float* db, const float* dy, const float* x,
                            const float* w, std::size_t batch, std::size_t out,
                            const Conv2dGeometry& g) {
  const std::size_t P = g.out_h() * g.out_w();
  if (dx) std::fill(dx, dx + batch * g.in_size(), 0.0f);
  for (std::size_t b = 0; b < batch; ++b)
    for (std::size_t o = 0; o < out; ++o) {
      const float* dyp = dy + (b * out + o) * P;
      for (std::size_t p = 0; p < P; ++p) db[o] += dyp[p];
      const float* xb = x + b * g.in_size();
      float* dxb = dx ? dx + b * g.in_size() : nullptr;
      float* dwo = dw + o * g.patch();
      const float* wo = w + o * g.patch();
      each_tap_row(g, [&](std::size_t tap, std::size_t in, std::size_t at, std::size_t n) {
        dwo[tap] += dot(dyp + at, xb + in, g.sw, n);
        if (!dxb) return;
        if (g.sw == 1) {
          axpy(dxb + in, wo[tap], dyp + at, 1, n);
        } else {
          for (std::size_t j = 0; j < n; ++j) dxb[in + j * g.sw] += wo[tap] * dyp[at + j];
        }
      });
    }
}

}  // namespace lw::bench
