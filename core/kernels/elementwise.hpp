// Elementwise binary ops over equal-length arrays, and the row-broadcast bias add.
//   f32_vadd: z = x + y     f32_vmul: z = x ⊙ y     f32_bias_add: y[r, :] += b  (y is [rows, cols])
#pragma once
#include <cstddef>

namespace lw {
void f32_vadd(float* z, const float* x, const float* y, std::size_t n);
void f32_vmul(float* z, const float* x, const float* y, std::size_t n);
void f32_bias_add(float* y, const float* b, std::size_t rows, std::size_t cols);
namespace ref {
void f32_vadd(float* z, const float* x, const float* y, std::size_t n);
void f32_vmul(float* z, const float* x, const float* y, std::size_t n);
void f32_bias_add(float* y, const float* b, std::size_t rows, std::size_t cols);
}  // namespace ref
}  // namespace lw
