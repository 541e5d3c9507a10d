// conv: 2-D convolution of NCHW batches (PyTorch's nn.Conv2d, cross-correlation as it computes
// it), two ways that compute the same numbers:
//
//   y[b, o, i, j] = bias[o] + Σ_c Σ_u Σ_v w[o, c, u, v] · x[b, c, i·sh + u − ph, j·sw + v − pw]
//   (x read as 0 outside the image: zero padding), for output rows i < oh, columns j < ow,
//   oh = ⌊(h + 2·ph − kh) / sh⌋ + 1, ow likewise.
//
// im2col + GEMM (Chellapilla et al. 2006, "High performance convolutional neural networks for
// document processing"): the patches of one sample are copied into a matrix col of shape
// [c·kh·kw, oh·ow] (row (c, u, v), column (i, j)), and the convolution becomes the product
//   forward   Y_b[out, oh·ow]    = W[out, c·kh·kw] · col_b            (+ bias per row)
//   weights   dW[out, c·kh·kw]  += dY_b · col_bᵀ
//   inputs    dcol_b             = Wᵀ · dY_b, then col2im adds each patch back into dx_b
// which the packed GEMM of gemm.hpp runs at full speed. bench/bench_core.cpp times it against
// a direct kernel (bench/conv_direct.cpp) on the small CNN's layers: im2col was 2.5–12× faster
// with AVX-512, and tied or 3–4× faster with SSE4.1 (bench/README.md, "Convolution"), so it
// is the only one in the engine.
#pragma once

#include <cstddef>

namespace lw {

// The sizes of one convolution or pooling window over a [c, h, w] sample.
struct Conv2dGeometry {
  std::size_t c = 1, h = 1, w = 1;  // input channels, height, width
  std::size_t kh = 1, kw = 1;       // kernel
  std::size_t sh = 1, sw = 1;       // stride
  std::size_t ph = 0, pw = 0;       // padding on each side
  std::size_t out_h() const { return (h + 2 * ph - kh) / sh + 1; }
  std::size_t out_w() const { return (w + 2 * pw - kw) / sw + 1; }
  std::size_t in_size() const { return c * h * w; }               // one input sample
  std::size_t patch() const { return c * kh * kw; }                // one column of col
  std::size_t col_size() const { return patch() * out_h() * out_w(); }
};

// The output positions j in [lo, hi) of a row of n_out whose input j·stride + tap − pad lies
// inside [0, n) (the others read padding); `first` is the input index of j = lo. An empty run
// is {0, 0, 0}.
struct ConvRun {
  std::size_t lo, hi, first;
};
ConvRun conv_run(std::size_t n_out, std::size_t stride, std::size_t tap, std::size_t pad,
                 std::size_t n);

// col[c·kh·kw, oh·ow] ← the patches of one sample x[c, h, w] (0 where they overhang).
void f32_im2col(float* col, const float* x, const Conv2dGeometry& g);
// x[c, h, w] += each patch of col (the transpose of im2col: overlapping patches add up).
void f32_col2im_add(float* x, const float* col, const Conv2dGeometry& g);

// y[B, out, oh, ow] = conv(x[B, c, h, w], w[out, c, kh, kw]) + bias[out].
// col: scratch of g.col_size() floats (one sample's patches at a time).
void f32_conv2d_im2col(float* y, const float* x, const float* w, const float* bias,
                       std::size_t batch, std::size_t out, const Conv2dGeometry& g, float* col);
// dw += ∂L/∂w, db += ∂L/∂bias, and dx = ∂L/∂x unless dx is null, from dy[B, out, oh, ow].
void f32_conv2d_im2col_backward(float* dx, float* dw, float* db, const float* dy, const float* x,
                                const float* w, std::size_t batch, std::size_t out,
                                const Conv2dGeometry& g, float* col);

}  // namespace lw
