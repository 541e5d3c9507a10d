// ReLU (Nair & Hinton 2010): y = max(0, x); the derivative at 0 is taken as 0, as PyTorch does.
#pragma once
#include "../kernels/activation.hpp"
#include "activation.hpp"

namespace lw {
class Relu final : public Activation {
 public:
  std::string_view name() const override { return "relu"; }
  void forward(float* y, const float* x, std::size_t rows, std::size_t cols) const override {
    f32_relu(y, x, rows * cols);
  }
  void backward(float* dx, const float* dy, const float* x, const float*, std::size_t rows,
                std::size_t cols) const override {
    f32_relu_backward(dx, dy, x, rows * cols);
  }
};
}  // namespace lw
