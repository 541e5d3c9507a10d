// Identity: y = x, the "linear" activation of a regression head.
#pragma once
#include <algorithm>

#include "activation.hpp"

namespace lw {
class Identity final : public Activation {
 public:
  std::string_view name() const override { return "identity"; }
  void forward(float* y, const float* x, std::size_t rows, std::size_t cols) const override {
    std::copy(x, x + rows * cols, y);
  }
  void backward(float* dx, const float* dy, const float*, const float*, std::size_t rows,
                std::size_t cols) const override {
    std::copy(dy, dy + rows * cols, dx);
  }
};
}  // namespace lw
