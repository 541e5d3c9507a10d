// SGD: stochastic gradient descent, with optional momentum, Nesterov momentum and weight decay.
//
// PyTorch's torch.optim.SGD. For each parameter p with gradient g, at every step:
//   g   <- g + weight_decay·p
//   if momentum != 0:
//     buf <- g                                        at the first step that uses momentum
//     buf <- momentum·buf + (1 - dampening)·g         at later steps
//     g   <- g + momentum·buf   if nesterov,   else   g <- buf
//   p   <- p - lr·g
// Momentum is Polyak's heavy ball (1964): buf is a running sum of past gradients, so steps
// grow along directions the gradients agree on and cancel where they oscillate. Nesterov's
// variant, in the form Sutskever, Martens, Dahl & Hinton 2013 ("On the importance of
// initialization and momentum in deep learning") brought to deep learning, steps from the
// point momentum is about to carry p to; PyTorch requires dampening 0 for it.
// Defaults (PyTorch's): lr 1e-3, momentum 0, dampening 0, weight_decay 0, nesterov false.
#pragma once

#include "optimizer.hpp"

namespace lw {

class SGD : public Optimizer {
 public:
  std::string_view name() const override { return "sgd"; }
  // Keys: lr, momentum (>= 0), dampening, weight_decay (>= 0), nesterov (needs momentum > 0
  // and dampening 0).
  void set(const json::Value& options) override;
  json::Value options() const override;
  std::unique_ptr<Optimizer> clone() const override { return std::make_unique<SGD>(*this); }
  std::vector<std::string_view> state_names() const override {
    if (momentum_ == 0) return {};
    return {"momentum_buffer"};
  }

 protected:
  std::size_t state_buffers() const override { return momentum_ != 0 ? 1 : 0; }  // buf
  void update(Param& p, std::vector<Tensor>& state) override;

 private:
  double momentum_ = 0;
  double dampening_ = 0;
  double weight_decay_ = 0;
  bool nesterov_ = false;
  // The step at which the momentum buffers were started, 0 before. PyTorch starts a buffer
  // at the gradient itself, undamped, on the first step that uses momentum, also when
  // momentum is switched on mid-training; switched off and on again, it keeps the old one.
  long long buffer_start_ = 0;
};

}  // namespace lw
