// RMSprop's options and update, written out per element; see rmsprop.hpp for the rule.
#include "rmsprop.hpp"

#include <algorithm>
#include <cmath>

#include "option_reader.hpp"

namespace lw {

void RMSprop::set(const json::Value& options) {
  const optim::OptionReader in(options, name(),
                               {"lr", "alpha", "eps", "weight_decay", "momentum", "centered"});
  const double lr = in.number("lr", lr_, optim::kNonNegative);
  const double alpha = in.number("alpha", alpha_, optim::kZeroToOne);
  const double eps = in.number("eps", eps_, optim::kNonNegative);
  const double weight_decay = in.number("weight_decay", weight_decay_, optim::kNonNegative);
  const double momentum = in.number("momentum", momentum_, optim::kNonNegative);
  const bool centered = in.flag("centered", centered_);

  lr_ = static_cast<float>(lr);
  alpha_ = alpha;
  eps_ = eps;
  weight_decay_ = weight_decay;
  momentum_ = momentum;
  centered_ = centered;
}

json::Value RMSprop::options() const {
  json::Value o;
  o["lr"] = json::Value::f32(lr_);
  o["alpha"] = alpha_;
  o["eps"] = eps_;
  o["weight_decay"] = weight_decay_;
  o["momentum"] = momentum_;
  o["centered"] = centered_;
  return o;
}

void RMSprop::update(Param& p, std::vector<Tensor>& state) {
  const std::size_t n = p.size();
  float* w = p.value.data();
  const float* g = p.grad.data();
  float* v = state[0].data();
  float* buf = momentum_ > 0 ? state[1].data() : nullptr;
  float* g_mean = centered_ ? state[2].data() : nullptr;

  const float lr = lr_;
  const float a = static_cast<float>(alpha_), one_minus_a = static_cast<float>(1.0 - alpha_);
  const float eps = static_cast<float>(eps_);
  const float wd = static_cast<float>(weight_decay_);
  const float mu = static_cast<float>(momentum_);

  for (std::size_t i = 0; i < n; ++i) {
    const float gi = g[i] + wd * w[i];
    v[i] = a * v[i] + one_minus_a * gi * gi;
    float var = v[i];
    if (g_mean) {
      g_mean[i] = a * g_mean[i] + one_minus_a * gi;
      // v ≥ ḡ² in exact arithmetic; rounding can leave it a hair below, and √ would be NaN.
      var = std::max(v[i] - g_mean[i] * g_mean[i], 0.0f);
    }
    const float s = std::sqrt(var) + eps;
    if (buf) {
      buf[i] = mu * buf[i] + gi / s;
      w[i] -= lr * buf[i];
    } else {
      w[i] -= lr * (gi / s);
    }
  }
}

}  // namespace lw
