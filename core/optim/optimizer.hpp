// Optimizer: updates parameters from their gradients, keeping its own per-parameter state.
//
// Each optimiser follows PyTorch's update rule and defaults (docs/semantics.md) and takes
// its hyperparameters under PyTorch's names ("lr", "momentum", "betas", "weight_decay", ...)
// as a JSON object, so a spec, a URL and the JS API all speak the same words. set() may be
// called between steps (the playground changes the learning rate while training); it checks
// every value first and changes nothing when one is bad.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "../json.hpp"
#include "../param.hpp"

namespace lw {

class Optimizer {
 public:
  virtual ~Optimizer() = default;
  virtual std::string_view name() const = 0;  // "sgd", "adam", "adamw", "rmsprop"

  // One update of every parameter from its gradient. The first call fixes the list:
  // later calls must pass the same parameters (same count, order and sizes).
  void step(const ParamList& params);

  // Changes hyperparameters (a JSON object of PyTorch names); unknown names and bad values
  // throw lw::Error and leave every hyperparameter as it was.
  virtual void set(const json::Value& options) = 0;
  // The current hyperparameters under the same names.
  virtual json::Value options() const = 0;

  float lr() const { return lr_; }
  void set_lr(float lr);  // finite and >= 0
  long long steps() const { return t_; }
  // Forgets all state (moments, momentum buffers, step count); hyperparameters stay.
  void reset();

  // A copy with the same hyperparameters, step count and state: Model::trace_step works out
  // the next update on it without making it.
  virtual std::unique_ptr<Optimizer> clone() const = 0;
  // PyTorch's names (the keys of optimizer.state[p]) of the state buffers the current
  // options use, by buffer index; "" marks a buffer kept but unused now (RMSprop's momentum
  // buffer when only `centered` is on). SGD: momentum_buffer; Adam and AdamW: exp_avg,
  // exp_avg_sq, max_exp_avg_sq; RMSprop: square_avg, momentum_buffer, grad_avg.
  virtual std::vector<std::string_view> state_names() const = 0;
  // Parameter i's state buffers (empty before the first step, or when it keeps none).
  const std::vector<Tensor>& state(std::size_t i) const;

 protected:
  Optimizer() = default;
  Optimizer(const Optimizer& other);  // deep: the state buffers are cloned (for clone())
  Optimizer& operator=(const Optimizer&) = delete;

  // One parameter's update; `state` is this parameter's slot of per-parameter buffers,
  // sized by init_state(). t_ is the step number, 1 at the first step.
  virtual std::size_t state_buffers() const = 0;  // how many buffers of p's size it keeps
  virtual void update(Param& p, std::vector<Tensor>& state) = 0;

  float lr_ = 1e-3f;
  long long t_ = 0;

 private:
  std::vector<std::vector<Tensor>> state_;
  std::vector<std::size_t> sizes_;
};

// Running averages of gradients that have become 0 (dead ReLU units) decay geometrically into
// subnormal floats, which are 10-100x slower to compute with, and wasm cannot flush them to
// zero. Below 1e-30 a moment changes no parameter by a representable amount, so it is set to 0.
inline float flush_tiny(float x) { return (x < 1e-30f && x > -1e-30f) ? 0.0f : x; }

// "sgd" | "adam" | "adamw" | "rmsprop", with options as in set(); unknown names throw.
std::unique_ptr<Optimizer> make_optimizer(std::string_view name,
                                          const json::Value& options = json::Value());

}  // namespace lw
