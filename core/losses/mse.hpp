// Mean squared error: L = (1 / (B·k)) Σ (y − t)²,  ∂L/∂y = 2(y − t) / (B·k).
#pragma once
#include "loss.hpp"

namespace lw {
class MSELoss final : public Loss {
 public:
  std::string_view name() const override { return "mse"; }
  double value(const Tensor& pred, const float* target) const override {
    double sum = 0;
    for (std::size_t i = 0; i < pred.size(); ++i) {
      double d = double(pred[i]) - target[i];
      sum += d * d;
    }
    return sum / double(pred.size());
  }
  void grad(Tensor& dpred, const Tensor& pred, const float* target) const override {
    dpred.resize(pred.shape());
    float scale = 2.0f / float(pred.size());
    for (std::size_t i = 0; i < pred.size(); ++i) dpred[i] = scale * (pred[i] - target[i]);
  }
};
}  // namespace lw
