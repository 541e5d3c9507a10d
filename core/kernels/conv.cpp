#include "conv.hpp"

#include <algorithm>
#include <cstddef>
#include <cstring>

#include "gemm.hpp"
#include "reduce.hpp"
#include "simd.hpp"

namespace lw {

namespace {

// Each output plane of y[B, out, P] starts at its bias.
void fill_bias(float* y, const float* bias, std::size_t batch, std::size_t out, std::size_t P) {
  for (std::size_t b = 0; b < batch; ++b)
    for (std::size_t o = 0; o < out; ++o, y += P) std::fill(y, y + P, bias[o]);
}

// Calls f(row of col, input row, column run) for every in-image stretch of every patch row:
// col row (c, u, v), output row i, with input row iy and the columns of `cols`.
template <class F>
void each_patch_row(const Conv2dGeometry& g, F f) {
  const std::size_t oh = g.out_h(), ow = g.out_w(), P = oh * ow;
  std::size_t r = 0;
  for (std::size_t c = 0; c < g.c; ++c)
    for (std::size_t u = 0; u < g.kh; ++u) {
      ConvRun rows = conv_run(oh, g.sh, u, g.ph, g.h);
      for (std::size_t v = 0; v < g.kw; ++v, ++r) {
        ConvRun cols = conv_run(ow, g.sw, v, g.pw, g.w);
        for (std::size_t i = rows.lo; i < rows.hi; ++i) {
          std::size_t iy = rows.first + (i - rows.lo) * g.sh;
          f(r * P + i * ow, (c * g.h + iy) * g.w, cols);
        }
      }
    }
}

}  // namespace

ConvRun conv_run(std::size_t n_out, std::size_t stride, std::size_t tap, std::size_t pad,
                 std::size_t n) {
  // j·stride + tap − pad ≥ 0  ⇔  j ≥ ⌈(pad − tap) / stride⌉;   < n  ⇔  j·stride < n + pad − tap
  std::size_t lo = tap >= pad ? 0 : (pad - tap + stride - 1) / stride;
  std::size_t hi = n + pad <= tap ? 0 : (n + pad - tap - 1) / stride + 1;
  hi = std::min(hi, n_out);
  if (lo >= hi) return {0, 0, 0};  // the tap reads only padding
  return {lo, hi, lo * stride + tap - pad};
}

void f32_im2col(float* col, const float* x, const Conv2dGeometry& g) {
  // Without padding every window lies inside the image and every entry is written below.
  if (g.ph || g.pw) std::fill(col, col + g.col_size(), 0.0f);
  each_patch_row(g, [&](std::size_t at, std::size_t row, const ConvRun& cols) {
    const float* src = x + row + cols.first;
    float* dst = col + at + cols.lo;
    std::size_t n = cols.hi - cols.lo;
    if (g.sw == 1) {
      std::memcpy(dst, src, n * sizeof(float));
    } else {
      LW_SCALAR_LOOP
      for (std::size_t j = 0; j < n; ++j) dst[j] = src[j * g.sw];
    }
  });
}

void f32_col2im_add(float* x, const float* col, const Conv2dGeometry& g) {
  each_patch_row(g, [&](std::size_t at, std::size_t row, const ConvRun& cols) {
    float* dst = x + row + cols.first;
    const float* src = col + at + cols.lo;
    std::size_t n = cols.hi - cols.lo;
    if (g.sw == 1) {
      for (std::size_t j = 0; j < n; ++j) dst[j] += src[j];
    } else {
      LW_SCALAR_LOOP
      for (std::size_t j = 0; j < n; ++j) dst[j * g.sw] += src[j];
    }
  });
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
  for (std::size_t b = 0; b < batch; ++b) {
    const float* dyb = dy + b * out * P;
    for (std::size_t o = 0; o < out; ++o) db[o] += f32_sum(dyb + o * P, P);
    f32_im2col(col, x + b * g.in_size(), g);
    // dW[out, K] += dY_b[out, P] · col[K, P]ᵀ
    f32_gemm({dw, K, dyb, P, Trans::N, col, P, Trans::T, out, K, P, true, nullptr});
    if (!dx) continue;
    // dcol[K, P] = W[out, K]ᵀ · dY_b[out, P], then added back onto the image.
    f32_gemm({col, P, w, K, Trans::T, dyb, P, Trans::N, K, P, out, false, nullptr});
    float* dxb = dx + b * g.in_size();
    std::fill(dxb, dxb + g.in_size(), 0.0f);
    f32_col2im_add(dxb, col, g);
  }
}

}  // namespace lw
