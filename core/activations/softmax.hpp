// Softmax over the last dimension: y_j = e^(x_j) / Σ_k e^(x_k), so each row sums to 1.
// Its Jacobian is diag(y) − y·yᵀ, hence dx = y ⊙ (dy − ⟨dy, y⟩).
// Note: PyTorch's CrossEntropyLoss applies log-softmax itself; put softmax before it only to
// see what the classic double-softmax bug does.
#pragma once
#include "../kernels/softmax.hpp"
#include "activation.hpp"

namespace lw {
class Softmax final : public Activation {
 public:
  std::string_view name() const override { return "softmax"; }
  void forward(float* y, const float* x, std::size_t rows, std::size_t cols) const override {
    f32_softmax(y, x, rows, cols);
  }
  void backward(float* dx, const float* dy, const float*, const float* y, std::size_t rows,
                std::size_t cols) const override {
    f32_softmax_backward(dx, dy, y, rows, cols);
  }
};
}  // namespace lw
