// Adam: adaptive moment estimation (Kingma & Ba 2015, "Adam: A Method for Stochastic
// Optimization", ICLR), with AMSGrad (Reddi, Kale & Kumar 2018, "On the Convergence of Adam
// and Beyond") as an option.
//
// PyTorch's torch.optim.Adam. For each parameter p with gradient g, at step t = 1, 2, ...:
//   g <- g + weight_decay·p                      (L2 penalty folded into the gradient)
//   m <- beta1·m + (1 - beta1)·g                 running mean of g
//   v <- beta2·v + (1 - beta2)·g²                running mean of g², elementwise
//   amsgrad: v_max <- max(v_max, v), and v_max replaces v below
//   m̂ = m / (1 - beta1^t),  v̂ = v / (1 - beta2^t)   bias corrections: m and v start at 0
//   p <- p - lr·m̂ / (√v̂ + eps)
// Each weight's step is about lr in size whatever the scale of its gradient: m̂ / √v̂ is a
// signal-to-noise ratio. AMSGrad never lets v̂ shrink, so a run of small gradients after a
// large one cannot blow the step up. Like PyTorch, the bias corrections are computed in
// double (beta^t underflows float precision early) and the rest in float, as
//   p <- p - (lr / (1 - beta1^t))·m / (√v / √(1 - beta2^t) + eps).
// Defaults (PyTorch's): lr 1e-3, betas (0.9, 0.999), eps 1e-8, weight_decay 0, amsgrad false.
#pragma once

#include "optimizer.hpp"

namespace lw {

class Adam : public Optimizer {
 public:
  std::string_view name() const override { return "adam"; }
  // Keys: lr, betas ([beta1, beta2], each in [0, 1)), eps (>= 0), weight_decay (>= 0),
  // amsgrad.
  void set(const json::Value& options) override;
  json::Value options() const override;
  std::unique_ptr<Optimizer> clone() const override { return std::make_unique<Adam>(*this); }
  std::vector<std::string_view> state_names() const override {
    if (amsgrad_) return {"exp_avg", "exp_avg_sq", "max_exp_avg_sq"};
    return {"exp_avg", "exp_avg_sq"};
  }

 protected:
  std::size_t state_buffers() const override { return amsgrad_ ? 3 : 2; }  // m, v, v_max
  void update(Param& p, std::vector<Tensor>& state) override;
  // The Adam step proper, on the gradient g + l2·p (AdamW passes l2 = 0).
  void adam_update(Param& p, std::vector<Tensor>& state, float l2);

  double beta1_ = 0.9;
  double beta2_ = 0.999;
  double eps_ = 1e-8;
  double weight_decay_ = 0;
  bool amsgrad_ = false;
};

}  // namespace lw
