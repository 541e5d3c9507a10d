// Optimizer's shared machinery: checking the parameter list, counting steps, owning the
// per-parameter state buffers; and make_optimizer, the one place that maps names to classes.
#include "optimizer.hpp"

#include "../error.hpp"
#include "adam.hpp"
#include "adamw.hpp"
#include "option_reader.hpp"
#include "rmsprop.hpp"
#include "sgd.hpp"

namespace lw {

void Optimizer::step(const ParamList& params) {
  // Check everything before touching anything, so a refused step leaves no trace.
  // (`if` before each message: name() is a virtual call, and this runs every training step.)
  for (std::size_t i = 0; i < params.size(); ++i) {
    const Param* p = params[i];
    if (!p) fail(name(), ".step: parameter ", i, " is null");
    if (p->grad.size() != p->size())
      fail(name(), ".step: parameter ", i, " (\"", p->name, "\") has ", p->size(),
           " values but ", p->grad.size(), " gradient entries");
  }
  if (t_ > 0) {
    if (params.size() != sizes_.size())
      fail(name(), ".step: got ", params.size(), " parameters, but the first step had ",
           sizes_.size(),
           "; an optimiser keeps state for one fixed list (call reset() to start on another)");
    for (std::size_t i = 0; i < params.size(); ++i)
      if (params[i]->size() != sizes_[i])
        fail(name(), ".step: parameter ", i, " (\"", params[i]->name, "\") has ",
             params[i]->size(), " values, but it had ", sizes_[i],
             " at the first step; an optimiser keeps state for one fixed list (call reset() to "
             "start on another)");
  } else {  // the first step since construction or reset(): state_ and sizes_ are empty
    for (const Param* p : params) sizes_.push_back(p->size());
    state_.resize(params.size());
  }

  ++t_;
  // Buffers are created on first use, zero-filled. An option switched on between steps (say,
  // momentum) may need more of them than before; existing ones are never dropped.
  const std::size_t buffers = state_buffers();
  for (std::size_t i = 0; i < params.size(); ++i) {
    std::vector<Tensor>& state = state_[i];
    while (state.size() < buffers) state.emplace_back(params[i]->value.shape());
    update(*params[i], state);
  }
}

Optimizer::Optimizer(const Optimizer& other)
    : lr_(other.lr_), t_(other.t_), sizes_(other.sizes_) {
  state_.resize(other.state_.size());
  for (std::size_t i = 0; i < state_.size(); ++i)
    for (const Tensor& buffer : other.state_[i]) state_[i].push_back(buffer.clone());
}

const std::vector<Tensor>& Optimizer::state(std::size_t i) const {
  static const std::vector<Tensor> none;
  return i < state_.size() ? state_[i] : none;
}

void Optimizer::set_lr(float lr) {
  optim::checked(lr, std::string(name()) + ": lr", optim::kNonNegative);
  lr_ = lr;
}

void Optimizer::reset() {
  t_ = 0;
  state_.clear();
  sizes_.clear();
}

std::unique_ptr<Optimizer> make_optimizer(std::string_view name, const json::Value& options) {
  std::unique_ptr<Optimizer> optimizer;
  if (name == "sgd") {
    optimizer = std::make_unique<SGD>();
  } else if (name == "adam") {
    optimizer = std::make_unique<Adam>();
  } else if (name == "adamw") {
    optimizer = std::make_unique<AdamW>();
  } else if (name == "rmsprop") {
    optimizer = std::make_unique<RMSprop>();
  } else {
    fail("unknown optimizer \"", name, "\"; allowed: sgd, adam, adamw, rmsprop");
  }
  if (!options.is_null()) optimizer->set(options);
  return optimizer;
}

}  // namespace lw
