// RMSprop: divide each gradient by a running root mean square of its recent values
// (Hinton, Srivastava & Swersky, "Neural Networks for Machine Learning", Coursera lecture 6e,
// 2012); the centered form subtracts the running mean first (Graves 2013, "Generating
// Sequences With Recurrent Neural Networks").
//
// PyTorch's torch.optim.RMSprop. For each parameter p with gradient g, at every step:
//   g   <- g + weight_decay·p
//   v   <- alpha·v + (1 - alpha)·g²                  running mean of g², elementwise
//   centered: ḡ <- alpha·ḡ + (1 - alpha)·g,  s = √(v - ḡ²) + eps    (a running std of g)
//   else:                                    s = √v + eps            (a running RMS of g)
//   momentum > 0: buf <- momentum·buf + g / s,  p <- p - lr·buf
//   else:         p <- p - lr·g / s
// eps is added after the square root, as in PyTorch (TF.js adds it inside).
// Defaults (PyTorch's): lr 1e-2, alpha 0.99, eps 1e-8, weight_decay 0, momentum 0,
// centered false.
#pragma once

#include "optimizer.hpp"

namespace lw {

class RMSprop : public Optimizer {
 public:
  RMSprop() { lr_ = 1e-2f; }
  std::string_view name() const override { return "rmsprop"; }
  // Keys: lr, alpha (in [0, 1]), eps (>= 0), weight_decay (>= 0), momentum (>= 0), centered.
  void set(const json::Value& options) override;
  json::Value options() const override;
  std::unique_ptr<Optimizer> clone() const override { return std::make_unique<RMSprop>(*this); }
  std::vector<std::string_view> state_names() const override {
    if (centered_) return {"square_avg", momentum_ > 0 ? "momentum_buffer" : "", "grad_avg"};
    if (momentum_ > 0) return {"square_avg", "momentum_buffer"};
    return {"square_avg"};
  }

 protected:
  // v always; buf with momentum; ḡ when centered (it sits third, so centered keeps buf too).
  std::size_t state_buffers() const override { return centered_ ? 3 : momentum_ > 0 ? 2 : 1; }
  void update(Param& p, std::vector<Tensor>& state) override;

 private:
  double alpha_ = 0.99;
  double eps_ = 1e-8;
  double weight_decay_ = 0;
  double momentum_ = 0;
  bool centered_ = false;
};

}  // namespace lw
