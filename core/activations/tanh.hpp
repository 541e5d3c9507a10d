// Tanh: y = tanh x, squashing to (−1, 1) and centred at 0; dy/dx = 1 − y².
#pragma once
#include "../kernels/activation.hpp"
#include "activation.hpp"

namespace lw {
class Tanh final : public Activation {
 public:
  std::string_view name() const override { return "tanh"; }
  void forward(float* y, const float* x, std::size_t rows, std::size_t cols) const override {
    f32_tanh(y, x, rows * cols);
  }
  void backward(float* dx, const float* dy, const float*, const float* y, std::size_t rows,
                std::size_t cols) const override {
    f32_tanh_backward(dx, dy, y, rows * cols);
  }
};
}  // namespace lw
