// Binary cross-entropy on probabilities (PyTorch's BCELoss):
//   L = −(1/N) Σ [t·log y + (1 − t)·log(1 − y)],  each log clamped to ≥ −100 as PyTorch does,
// so a confident wrong answer costs 100, not infinity.
//   ∂L/∂y = (y − t) / (y(1 − y)) / N, with y(1 − y) kept ≥ 1e-12 (PyTorch's EPSILON) for the
// same reason. Inputs must lie in [0, 1]: feed it a sigmoid's output (or use bce_with_logits).
#pragma once
#include <algorithm>
#include <cmath>

#include "../error.hpp"
#include "loss.hpp"

namespace lw {
class BCELoss final : public Loss {
 public:
  std::string_view name() const override { return "bce"; }
  void check_target(const float* target, std::size_t len, std::size_t batch,
                    std::size_t k) const override {
    Loss::check_target(target, len, batch, k);
    for (std::size_t i = 0; i < len; ++i)
      lw::check(target[i] >= 0.0f && target[i] <= 1.0f, "bce: target ", i, " is ", target[i],
                "; targets must be in [0, 1]");
  }
  void check_prediction(const Tensor& pred) const override {
    for (std::size_t i = 0; i < pred.size(); ++i)
      lw::check(!(pred[i] < 0.0f || pred[i] > 1.0f), "bce: prediction ", i, " is ", pred[i],
                "; bce needs probabilities in [0, 1] (put a sigmoid before it, or use "
                "bce_with_logits)");
  }
  double value(const Tensor& pred, const float* target) const override {
    double sum = 0;
    for (std::size_t i = 0; i < pred.size(); ++i) {
      double y = pred[i], t = target[i];
      double log_y = std::max(std::log(y), -100.0), log_1y = std::max(std::log(1.0 - y), -100.0);
      sum -= t * log_y + (1.0 - t) * log_1y;
    }
    return sum / double(pred.size());
  }
  void grad(Tensor& dpred, const Tensor& pred, const float* target) const override {
    dpred.resize(pred.shape());
    double n = double(pred.size());
    for (std::size_t i = 0; i < pred.size(); ++i) {
      double y = pred[i];
      double denom = std::max(y * (1.0 - y), 1e-12);
      dpred[i] = static_cast<float>((y - target[i]) / denom / n);
    }
  }
};
}  // namespace lw
