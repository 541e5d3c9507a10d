// Cross-entropy on logits with class indices (PyTorch's CrossEntropyLoss):
//   L = −(1/B) Σ_b log_softmax(z_b)[c_b],   ∂L/∂z_b = (softmax(z_b) − onehot(c_b)) / B.
// It applies log-softmax itself, so the model must end in raw logits: a softmax layer before
// it squashes the logits twice and training crawls (the classic bug; try it in the lessons).
#pragma once
#include <algorithm>
#include <cmath>

#include "../error.hpp"
#include "../kernels/elementwise.hpp"
#include "../kernels/softmax.hpp"
#include "loss.hpp"

namespace lw {
class CrossEntropyLoss final : public Loss {
 public:
  std::string_view name() const override { return "cross_entropy"; }
  std::size_t target_width(std::size_t) const override { return 1; }
  void check_target(const float* target, std::size_t len, std::size_t batch,
                    std::size_t k) const override {
    lw::check(k >= 2, "cross_entropy: the model gives ", k,
              " output per sample; cross_entropy needs one logit per class (at least 2); for "
              "two classes with one output use bce_with_logits");
    Loss::check_target(target, len, batch, k);
    for (std::size_t i = 0; i < len; ++i)
      lw::check(target[i] >= 0 && target[i] < float(k) && target[i] == std::floor(target[i]),
                "cross_entropy: target ", i, " is ", target[i],
                "; targets are class indices 0 .. ", k - 1);
  }
  double value(const Tensor& pred, const float* target) const override {
    std::size_t batch = pred.dim(0), k = pred.size() / batch;
    double sum = 0;
    for (std::size_t b = 0; b < batch; ++b) {
      const float* z = pred.data() + b * k;
      double m = z[0], e = 0;
      for (std::size_t j = 1; j < k; ++j) m = std::max(m, double(z[j]));
      for (std::size_t j = 0; j < k; ++j) e += std::exp(z[j] - m);
      sum += m + std::log(e) - z[std::size_t(target[b])];  // −log_softmax(z)[c]
    }
    return sum / double(batch);
  }
  void grad(Tensor& dpred, const Tensor& pred, const float* target) const override {
    std::size_t batch = pred.dim(0), k = pred.size() / batch;
    dpred.resize(pred.shape());
    f32_softmax(dpred.data(), pred.data(), batch, k);
    for (std::size_t b = 0; b < batch; ++b) dpred[b * k + std::size_t(target[b])] -= 1.0f;
    f32_scale(dpred.data(), 1.0f / float(batch), dpred.size());
  }
};
}  // namespace lw
