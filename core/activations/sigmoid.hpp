// Sigmoid: y = 1 / (1 + e^(−x)), squashing to (0, 1); dy/dx = y(1 − y), at most 1/4,
// which is why deep sigmoid stacks make gradients vanish.
#pragma once
#include "../kernels/activation.hpp"
#include "activation.hpp"

namespace lw {
class Sigmoid final : public Activation {
 public:
  std::string_view name() const override { return "sigmoid"; }
  void forward(float* y, const float* x, std::size_t rows, std::size_t cols) const override {
    f32_sigmoid(y, x, rows * cols);
  }
  void backward(float* dx, const float* dy, const float*, const float* y, std::size_t rows,
                std::size_t cols) const override {
    f32_sigmoid_backward(dx, dy, y, rows * cols);
  }
};
}  // namespace lw
