// Adam's options and update, written out per element; see adam.hpp for the rule and sources.
#include "adam.hpp"

#include <algorithm>
#include <cmath>

#include "option_reader.hpp"

namespace lw {

void Adam::set(const json::Value& options) {
  const optim::OptionReader in(options, name(),
                               {"lr", "betas", "eps", "weight_decay", "amsgrad"});
  const double lr = in.number("lr", lr_, optim::kNonNegative);
  double beta1 = beta1_, beta2 = beta2_;
  if (const json::Value* betas = in.find("betas")) {
    const std::string what = in.what("betas");
    const json::Value::Array& pair = betas->as_array(what);
    check(pair.size() == 2, what, " must be an array of 2 numbers [beta1, beta2], got ",
          pair.size(), " values");
    beta1 = optim::checked(pair[0].as_number(what + "[0]"), what + "[0]",
                           optim::kZeroToOneOpen);
    beta2 = optim::checked(pair[1].as_number(what + "[1]"), what + "[1]",
                           optim::kZeroToOneOpen);
  }
  const double eps = in.number("eps", eps_, optim::kNonNegative);
  const double weight_decay = in.number("weight_decay", weight_decay_, optim::kNonNegative);
  const bool amsgrad = in.flag("amsgrad", amsgrad_);

  lr_ = static_cast<float>(lr);
  beta1_ = beta1;
  beta2_ = beta2;
  eps_ = eps;
  weight_decay_ = weight_decay;
  amsgrad_ = amsgrad;
}

json::Value Adam::options() const {
  json::Value o;
  o["lr"] = json::Value::f32(lr_);
  o["betas"] = json::Value::Array{beta1_, beta2_};
  o["eps"] = eps_;
  o["weight_decay"] = weight_decay_;
  o["amsgrad"] = amsgrad_;
  return o;
}

void Adam::update(Param& p, std::vector<Tensor>& state) {
  adam_update(p, state, static_cast<float>(weight_decay_));
}

void Adam::adam_update(Param& p, std::vector<Tensor>& state, float l2) {
  const std::size_t n = p.size();
  float* __restrict w = p.value.data();
  const float* __restrict g = p.grad.data();
  float* __restrict m = state[0].data();
  float* __restrict v = state[1].data();

  const double t = static_cast<double>(t_);
  const double bias1 = 1.0 - std::pow(beta1_, t);
  const double bias2 = 1.0 - std::pow(beta2_, t);
  const float step_size = static_cast<float>(lr_ / bias1);
  const float bias2_sqrt = static_cast<float>(std::sqrt(bias2));
  const float b1 = static_cast<float>(beta1_), one_minus_b1 = static_cast<float>(1.0 - beta1_);
  const float b2 = static_cast<float>(beta2_), one_minus_b2 = static_cast<float>(1.0 - beta2_);
  const float eps = static_cast<float>(eps_);

  // Two loops rather than a branch inside one, so the compiler vectorises each (restrict
  // pointers, no errno from sqrt).
  if (!amsgrad_) {
    for (std::size_t i = 0; i < n; ++i) {
      const float gi = g[i] + l2 * w[i];
      m[i] = flush_tiny(b1 * m[i] + one_minus_b1 * gi);
      v[i] = flush_tiny(b2 * v[i] + one_minus_b2 * gi * gi);
      w[i] -= step_size * (m[i] / (std::sqrt(v[i]) / bias2_sqrt + eps));
    }
    return;
  }
  float* __restrict v_max = state[2].data();
  for (std::size_t i = 0; i < n; ++i) {
    const float gi = g[i] + l2 * w[i];
    m[i] = flush_tiny(b1 * m[i] + one_minus_b1 * gi);
    v[i] = flush_tiny(b2 * v[i] + one_minus_b2 * gi * gi);
    v_max[i] = std::max(v_max[i], v[i]);
    w[i] -= step_size * (m[i] / (std::sqrt(v_max[i]) / bias2_sqrt + eps));
  }
}

}  // namespace lw
