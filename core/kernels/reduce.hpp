// Reductions.
//   f32_sum(x)             Σ x
//   f32_max(x)             max x (n > 0)
//   f32_col_sum_add(s, x)  s[c] += Σ_r x[r, c]   (x is [rows, cols]; the bias gradient)
//   f32_all_finite(x)      no NaN and no ±Inf in x (every input batch is checked)
#pragma once
#include <cstddef>

namespace lw {
float f32_sum(const float* x, std::size_t n);
float f32_max(const float* x, std::size_t n);
void f32_col_sum_add(float* s, const float* x, std::size_t rows, std::size_t cols);
bool f32_all_finite(const float* x, std::size_t n);
namespace ref {
float f32_sum(const float* x, std::size_t n);
float f32_max(const float* x, std::size_t n);
void f32_col_sum_add(float* s, const float* x, std::size_t rows, std::size_t cols);
bool f32_all_finite(const float* x, std::size_t n);
}  // namespace ref
}  // namespace lw
