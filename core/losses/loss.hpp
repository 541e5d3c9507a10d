// Loss: a scalar measure of error over a batch (mean reduction, as PyTorch's default), its
// gradient with respect to the prediction, and how many predictions were right.
//
// pred is [B, k]. The target is [B, k] values, except for cross_entropy, which takes [B] class
// indices (stored as floats) and k logits per sample. check() validates shapes and values
// (a BCE target outside [0, 1], a class index out of range) with a message naming the problem.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "../tensor.hpp"

namespace lw {

class Loss {
 public:
  virtual ~Loss() = default;
  virtual std::string_view name() const = 0;
  // Values per sample the target holds for k outputs per sample.
  virtual std::size_t target_width(std::size_t k) const { return k; }
  // Throws lw::Error when `len` target values do not suit `batch` samples of k outputs.
  virtual void check_target(const float* target, std::size_t len, std::size_t batch,
                            std::size_t k) const;
  // Throws when a prediction lies outside the loss's domain (bce needs [0, 1]). NaN passes:
  // a diverged run reports a NaN loss rather than a complaint about its input.
  virtual void check_prediction(const Tensor&) const {}
  void check(const Tensor& pred, const float* target, std::size_t len) const {
    check_target(target, len, pred.dim(0), pred.size() / pred.dim(0));
    check_prediction(pred);
  }
  virtual double value(const Tensor& pred, const float* target) const = 0;
  // dpred = ∂(mean loss)/∂pred; dpred is resized to pred's shape.
  virtual void grad(Tensor& dpred, const Tensor& pred, const float* target) const = 0;
  // Correct classifications in the batch: argmax for k > 1, a threshold for k = 1.
  virtual std::size_t correct(const Tensor& pred, const float* target) const;

 protected:
  // Threshold at which a single output means class 1: 0.5 for probabilities, 0 for logits.
  virtual float threshold() const { return 0.5f; }
};

const std::vector<std::string_view>& loss_names();
// "mse" | "bce" | "bce_with_logits" | "cross_entropy"; unknown names throw, listing these.
std::unique_ptr<Loss> make_loss(std::string_view name);

}  // namespace lw
