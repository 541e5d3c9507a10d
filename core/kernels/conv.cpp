#include "conv.hpp"

#include <algorithm>
#include <cstddef>

#include "gemm.hpp"
#include "reduce.hpp"
#include "simd.hpp"

namespace lw {

namespace {

using simd::fvec;
using simd::kLanes;

// The outputs j in [lo, hi) of a row of n_out whose input index j·s + off lies inside [0, n);
// the others read padding.
struct Span {
  std::size_t lo, hi;
};
Span inside(std::size_t n_out, std::size_t s, std::ptrdiff_t off, std::size_t n) {
  auto S = static_cast<std::ptrdiff_t>(s), N = static_cast<std::ptrdiff_t>(n);
  std::ptrdiff_t lo = off >= 0 ? 0 : (-off + S - 1) / S;
  std::ptrdiff_t hi = N - 1 - off < 0 ? 0 : (N - 1 - off) / S + 1;
  hi = std::min(hi, static_cast<std::ptrdiff_t>(n_out));
  lo = std::min(lo, hi);
  return {static_cast<std::size_t>(lo), static_cast<std::size_t>(hi)};
}

// Offsets of kernel tap (u, v) from the output position, in input coordinates.
std::ptrdiff_t offset(std::size_t tap, std::size_t pad) {
  return static_cast<std::ptrdiff_t>(tap) - static_cast<std::ptrdiff_t>(pad);
}

// Calls f(i, iy) for every output row i whose input row iy = i·sh + u − ph is inside the image.
template <class F>
void for_rows(const Conv2dGeometry& g, std::size_t u, F f) {
  std::ptrdiff_t off = offset(u, g.ph);
  Span rows = inside(g.out_h(), g.sh, off, g.h);
  for (std::size_t i = rows.lo; i < rows.hi; ++i)
    f(i, static_cast<std::size_t>(static_cast<std::ptrdiff_t>(i * g.sh) + off));
}

// y[j] += a · x[j·s] for j < n; one fused step per element on the vector body when s = 1.
void axpy_strided(float* y, float a, const float* x, std::size_t s, std::size_t n) {
  if (s == 1) {
    simd::map2(y, y, x, n, [a](auto yv, auto xv) { return simd::fma(decltype(yv)(a), xv, yv); });
    return;
  }
  for (std::size_t j = 0; j < n; ++j) y[j] = simd::fma(a, x[j * s], y[j]);
}

// Σ_j y[j] · x[j·s] for j < n.
float dot_strided(const float* y, const float* x, std::size_t s, std::size_t n) {
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

// Each output plane of y[B, out, P] starts at its bias (or 0).
void fill_bias(float* y, const float* bias, std::size_t batch, std::size_t out, std::size_t P) {
  for (std::size_t b = 0; b < batch; ++b)
    for (std::size_t o = 0; o < out; ++o, y += P) std::fill(y, y + P, bias ? bias[o] : 0.0f);
}

// db[o] += Σ over the batch and the plane of dy[B, out, P].
void bias_grad(float* db, const float* dy, std::size_t batch, std::size_t out, std::size_t P) {
  for (std::size_t b = 0; b < batch; ++b)
    for (std::size_t o = 0; o < out; ++o, dy += P) db[o] += f32_sum(dy, P);
}

}  // namespace

void f32_im2col(float* col, const float* x, const Conv2dGeometry& g) {
  const std::size_t oh = g.out_h(), ow = g.out_w(), P = oh * ow;
  for (std::size_t c = 0; c < g.c; ++c)
    for (std::size_t u = 0; u < g.kh; ++u)
      for (std::size_t v = 0; v < g.kw; ++v, col += P) {
        std::fill(col, col + P, 0.0f);
        std::ptrdiff_t off = offset(v, g.pw);
        Span cols = inside(ow, g.sw, off, g.w);
        for_rows(g, u, [&](std::size_t i, std::size_t iy) {
          const float* src = x + (c * g.h + iy) * g.w;
          float* dst = col + i * ow;
          for (std::size_t j = cols.lo; j < cols.hi; ++j)
            dst[j] = src[static_cast<std::ptrdiff_t>(j * g.sw) + off];
        });
      }
}

void f32_col2im_add(float* x, const float* col, const Conv2dGeometry& g) {
  const std::size_t oh = g.out_h(), ow = g.out_w(), P = oh * ow;
  for (std::size_t c = 0; c < g.c; ++c)
    for (std::size_t u = 0; u < g.kh; ++u)
      for (std::size_t v = 0; v < g.kw; ++v, col += P) {
        std::ptrdiff_t off = offset(v, g.pw);
        Span cols = inside(ow, g.sw, off, g.w);
        for_rows(g, u, [&](std::size_t i, std::size_t iy) {
          float* dst = x + (c * g.h + iy) * g.w;
          const float* src = col + i * ow;
          for (std::size_t j = cols.lo; j < cols.hi; ++j)
            dst[static_cast<std::ptrdiff_t>(j * g.sw) + off] += src[j];
        });
      }
}

void f32_conv2d_im2col(float* y, const float* x, const float* w, const float* bias,
                       std::size_t batch, std::size_t out, const Conv2dGeometry& g, float* col) {
  const std::size_t P = g.out_h() * g.out_w(), K = g.patch();
  fill_bias(y, bias, batch, out, P);
  for (std::size_t b = 0; b < batch; ++b) {
    f32_im2col(col, x + b * g.in_size(), g);
    // Y_b[out, P] += W[out, K] · col[K, P]
    f32_gemm({y + b * out * P, P, w, K, Trans::N, col, P, Trans::N, out, P, K, true, nullptr});
  }
}

void f32_conv2d_im2col_backward(float* dx, float* dw, float* db, const float* dy, const float* x,
                                const float* w, std::size_t batch, std::size_t out,
                                const Conv2dGeometry& g, float* col) {
  const std::size_t P = g.out_h() * g.out_w(), K = g.patch();
  bias_grad(db, dy, batch, out, P);
  for (std::size_t b = 0; b < batch; ++b) {
    const float* dyb = dy + b * out * P;
    f32_im2col(col, x + b * g.in_size(), g);
    // dW[out, K] += dY_b[out, P] · col[K, P]ᵀ
    f32_gemm({dw, K, dyb, P, Trans::N, col, P, Trans::T, out, K, P, true, nullptr});
    if (!dx) continue;
    // dcol[K, P] = W[out, K]ᵀ · dY_b[out, P], then scattered back onto the image.
    f32_gemm({col, P, w, K, Trans::T, dyb, P, Trans::N, K, P, out, false, nullptr});
    float* dxb = dx + b * g.in_size();
    std::fill(dxb, dxb + g.in_size(), 0.0f);
    f32_col2im_add(dxb, col, g);
  }
}

void f32_conv2d_direct(float* y, const float* x, const float* w, const float* bias,
                       std::size_t batch, std::size_t out, const Conv2dGeometry& g) {
  const std::size_t ow = g.out_w(), P = g.out_h() * ow;
  fill_bias(y, bias, batch, out, P);
  for (std::size_t b = 0; b < batch; ++b)
    for (std::size_t o = 0; o < out; ++o) {
      float* yp = y + (b * out + o) * P;
      const float* wo = w + o * g.patch();
      for (std::size_t c = 0; c < g.c; ++c) {
        const float* xc = x + b * g.in_size() + c * g.h * g.w;
        for (std::size_t u = 0; u < g.kh; ++u)
          for (std::size_t v = 0; v < g.kw; ++v) {
            float wt = wo[(c * g.kh + u) * g.kw + v];
            std::ptrdiff_t off = offset(v, g.pw);
            Span cols = inside(ow, g.sw, off, g.w);
            for_rows(g, u, [&](std::size_t i, std::size_t iy) {
              const float* src = xc + iy * g.w + static_cast<std::ptrdiff_t>(cols.lo * g.sw) + off;
              axpy_strided(yp + i * ow + cols.lo, wt, src, g.sw, cols.hi - cols.lo);
            });
          }
      }
    }
}

void f32_conv2d_direct_backward(float* dx, float* dw, float* db, const float* dy, const float* x,
                                const float* w, std::size_t batch, std::size_t out,
                                const Conv2dGeometry& g) {
  const std::size_t ow = g.out_w(), P = g.out_h() * ow;
  bias_grad(db, dy, batch, out, P);
  if (dx) std::fill(dx, dx + batch * g.in_size(), 0.0f);
  for (std::size_t b = 0; b < batch; ++b)
    for (std::size_t o = 0; o < out; ++o) {
      const float* dyp = dy + (b * out + o) * P;
      for (std::size_t c = 0; c < g.c; ++c) {
        std::size_t plane = b * g.in_size() + c * g.h * g.w;
        for (std::size_t u = 0; u < g.kh; ++u)
          for (std::size_t v = 0; v < g.kw; ++v) {
            std::size_t tap = (o * g.c + c) * g.kh * g.kw + u * g.kw + v;
            std::ptrdiff_t off = offset(v, g.pw);
            Span cols = inside(ow, g.sw, off, g.w);
            std::size_t n = cols.hi - cols.lo;
            std::ptrdiff_t start = static_cast<std::ptrdiff_t>(cols.lo * g.sw) + off;
            float sum = 0.0f;
            for_rows(g, u, [&](std::size_t i, std::size_t iy) {
              const float* d = dyp + i * ow + cols.lo;
              sum += dot_strided(d, x + plane + iy * g.w + start, g.sw, n);
              if (dx) {
                float* dst = dx + plane + iy * g.w + start;
                if (g.sw == 1) {
                  axpy_strided(dst, w[tap], d, 1, n);
                } else {
                  for (std::size_t j = 0; j < n; ++j) dst[j * g.sw] = simd::fma(w[tap], d[j], dst[j * g.sw]);
                }
              }
            });
            dw[tap] += sum;
          }
      }
    }
}

bool conv2d_use_im2col(const Conv2dGeometry&, std::size_t) { return true; }

}  // namespace lw
