// axpy and scale: the BLAS-1 updates.  y ← a·x + y  and  y ← a·y.
#pragma once
#include <cstddef>

namespace lw {
void f32_axpy(float* y, float a, const float* x, std::size_t n);
void f32_scale(float* y, float a, std::size_t n);
namespace ref {
void f32_axpy(float* y, float a, const float* x, std::size_t n);
void f32_scale(float* y, float a, std::size_t n);
}  // namespace ref
}  // namespace lw
