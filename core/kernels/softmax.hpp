// Row-wise softmax over the last dimension, with the row max subtracted for stability.
//   forward   y[r, :] = e^(x[r, :] − max) / Σ e^(x[r, :] − max)
//   backward  dx[r, :] = y[r, :] ⊙ (dy[r, :] − Σ_j dy[r, j]·y[r, j])
#pragma once
#include <cstddef>

namespace lw {
void f32_softmax(float* y, const float* x, std::size_t rows, std::size_t cols);
void f32_softmax_backward(float* dx, const float* dy, const float* y, std::size_t rows,
                          std::size_t cols);
namespace ref {
void f32_softmax(float* y, const float* x, std::size_t rows, std::size_t cols);
void f32_softmax_backward(float* dx, const float* dy, const float* y, std::size_t rows,
                          std::size_t cols);
}  // namespace ref
}  // namespace lw
