// pool: 2-D max and average pooling over NCHW batches, as PyTorch's nn.MaxPool2d and
// nn.AvgPool2d (dilation 1, ceil_mode false). Every (sample, channel) plane is pooled alone.
//
//   window (i, j) covers input rows i·sh − ph … i·sh − ph + kh − 1 (columns likewise);
//   oh = ⌊(h + 2·ph − kh) / sh⌋ + 1.
//   max: y = the largest value of the window; padding counts as −∞, so it never wins.
//        The gradient goes to that one input. Ties: the first maximum in row-major scan
//        order wins (the scan takes a value only when it is > the best so far, or NaN),
//        as PyTorch's CPU kernel (aten/src/ATen/native/cpu/MaxPoolKernel.cpp).
//   avg: y = Σ window / (kh·kw), padding counted as zeros in the sum and in the divisor
//        (count_include_pad = true, PyTorch's default); dx gets dy / (kh·kw) on each input.
// The max pool's forward records where each maximum was (its index in the plane), and its
// backward sends dy there.
#pragma once

#include <cstddef>
#include <cstdint>

#include "conv.hpp"

namespace lw {

// y[planes, oh, ow] from x[planes, h, w], and argmax[planes, oh, ow] the index in its plane
// of each maximum; g.c is ignored (planes = batch · channels).
void f32_maxpool2d(float* y, std::uint32_t* argmax, const float* x, std::size_t planes,
                   const Conv2dGeometry& g);
// dx[planes, h, w] = the gradient of the max pool, given dy[planes, oh, ow] and the forward's
// argmax.
void f32_maxpool2d_backward(float* dx, const float* dy, const std::uint32_t* argmax,
                            std::size_t planes, const Conv2dGeometry& g);
void f32_avgpool2d(float* y, const float* x, std::size_t planes, const Conv2dGeometry& g);
void f32_avgpool2d_backward(float* dx, const float* dy, std::size_t planes,
                            const Conv2dGeometry& g);

}  // namespace lw
