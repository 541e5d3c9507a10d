// Binary cross-entropy on logits (PyTorch's BCEWithLogitsLoss), the stable form:
//   L = (1/N) Σ [max(z, 0) − z·t + log(1 + e^(−|z|))],   ∂L/∂z = (σ(z) − t) / N.
// Never overflows and never loses the gradient when the sigmoid saturates.
#pragma once
#include <cmath>

#include "../error.hpp"
#include "loss.hpp"

namespace lw {
class BCEWithLogitsLoss final : public Loss {
 public:
  std::string_view name() const override { return "bce_with_logits"; }
  void check_target(const float* target, std::size_t len, std::size_t batch,
                    std::size_t k) const override {
    Loss::check_target(target, len, batch, k);
    for (std::size_t i = 0; i < len; ++i)
      lw::check(target[i] >= 0.0f && target[i] <= 1.0f, "bce_with_logits: target ", i, " is ",
                target[i], "; targets must be in [0, 1]");
  }
  double value(const Tensor& pred, const float* target) const override {
    double sum = 0;
    for (std::size_t i = 0; i < pred.size(); ++i) {
      double z = pred[i];
      sum += std::max(z, 0.0) - z * target[i] + std::log1p(std::exp(-std::fabs(z)));
    }
    return sum / double(pred.size());
  }
  void grad(Tensor& dpred, const Tensor& pred, const float* target) const override {
    dpred.resize(pred.shape());
    double n = double(pred.size());
    for (std::size_t i = 0; i < pred.size(); ++i) {
      double s = 1.0 / (1.0 + std::exp(-double(pred[i])));
      dpred[i] = static_cast<float>((s - target[i]) / n);
    }
  }

 protected:
  float threshold() const override { return 0.0f; }
};
}  // namespace lw
