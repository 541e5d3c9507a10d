// AdamW: Adam with decoupled weight decay (Loshchilov & Hutter 2019, "Decoupled Weight Decay
// Regularization", ICLR).
//
// PyTorch's torch.optim.AdamW. At every step, for each parameter p:
//   p <- p·(1 - lr·weight_decay)        shrink the weights directly, first
//   then Adam's step (adam.hpp) with weight_decay 0
// In Adam the L2 term weight_decay·p joins the gradient and so is divided by √v̂ like the
// rest: weights with large gradients are hardly decayed. Decoupling it makes every weight
// decay at the same rate, which is what weight decay means for plain SGD.
// Defaults (PyTorch's): Adam's, except weight_decay 1e-2.
#pragma once

#include "adam.hpp"

namespace lw {

class AdamW : public Adam {
 public:
  AdamW() { weight_decay_ = 1e-2; }
  std::string_view name() const override { return "adamw"; }
  std::unique_ptr<Optimizer> clone() const override { return std::make_unique<AdamW>(*this); }

 protected:
  void update(Param& p, std::vector<Tensor>& state) override;
};

}  // namespace lw
