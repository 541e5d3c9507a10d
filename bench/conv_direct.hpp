// conv_direct: the direct convolution that bench_core.cpp (section 4) times against the
// engine's im2col + GEMM (core/kernels/conv.hpp). Same contracts as f32_conv2d_im2col and
// f32_conv2d_im2col_backward, no scratch: the defining sum walked one kernel tap (c, u, v) at
// a time over whole output rows, y_row += w[o, c, u, v] · x_row (shifted by the tap), with the
// xsimd body of core/kernels/simd.hpp when the stride is 1. It never beat im2col (at best a
// tie, bench/README.md, "Convolution"), so it lives here, not in the engine.
#pragma once

#include <cstddef>

#include "kernels/conv.hpp"

namespace lw::bench {

void conv2d_direct(float* y, const float* x, const float* w, const float* bias, std::size_t batch,
                   std::size_t out, const Conv2dGeometry& g);
void conv2d_direct_backward(float* dx, float* dw, float* db, const float* dy, const float* x,
                            const float* w, std::size_t batch, std::size_t out,
                            const Conv2dGeometry& g);

}  // namespace lw::bench
