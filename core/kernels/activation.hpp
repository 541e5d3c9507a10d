// Pointwise activation kernels, each a forward and a backward side by side.
// Backward takes whichever of x (the input) and y (the output) gives the cheaper derivative.
//   relu        y = max(0, x)                  dx = dy · [x > 0]
//   leaky_relu  y = x > 0 ? x : slope·x        dx = dy · (x > 0 ? 1 : slope)
//   sigmoid     y = 1 / (1 + e^(−x))           dx = dy · y(1 − y)
//   tanh        y = tanh x                     dx = dy · (1 − y²)
// Softmax (a row operation) is in softmax.hpp.
#pragma once
#include <cstddef>

namespace lw {
void f32_relu(float* y, const float* x, std::size_t n);
void f32_relu_backward(float* dx, const float* dy, const float* x, std::size_t n);
void f32_leaky_relu(float* y, const float* x, std::size_t n, float slope);
void f32_leaky_relu_backward(float* dx, const float* dy, const float* x, std::size_t n, float slope);
void f32_sigmoid(float* y, const float* x, std::size_t n);
void f32_sigmoid_backward(float* dx, const float* dy, const float* y, std::size_t n);
void f32_tanh(float* y, const float* x, std::size_t n);
void f32_tanh_backward(float* dx, const float* dy, const float* y, std::size_t n);

namespace ref {
void f32_relu(float* y, const float* x, std::size_t n);
void f32_relu_backward(float* dx, const float* dy, const float* x, std::size_t n);
void f32_leaky_relu(float* y, const float* x, std::size_t n, float slope);
void f32_leaky_relu_backward(float* dx, const float* dy, const float* x, std::size_t n, float slope);
void f32_sigmoid(float* y, const float* x, std::size_t n);
void f32_sigmoid_backward(float* dx, const float* dy, const float* y, std::size_t n);
void f32_tanh(float* y, const float* x, std::size_t n);
void f32_tanh_backward(float* dx, const float* dy, const float* y, std::size_t n);
}  // namespace ref
}  // namespace lw
