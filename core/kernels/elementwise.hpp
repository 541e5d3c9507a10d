// Elementwise ops over equal-length arrays.
//   f32_vadd: z = x + y     f32_vmul: z = x ⊙ y     f32_scale: y ← a·y
#pragma once
#include <cstddef>

namespace lw {
void f32_vadd(float* z, const float* x, const float* y, std::size_t n);
void f32_vmul(float* z, const float* x, const float* y, std::size_t n);
void f32_scale(float* y, float a, std::size_t n);
namespace ref {
void f32_vadd(float* z, const float* x, const float* y, std::size_t n);
void f32_vmul(float* z, const float* x, const float* y, std::size_t n);
void f32_scale(float* y, float a, std::size_t n);
}  // namespace ref
}  // namespace lw
