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

namespace {

struct RmspropCoefficients {
  float lr, a, one_minus_a, eps, wd, mu;
};

// The update for one (centered, momentum) variant; the flags are template parameters so each
// variant is a branch-free loop the compiler vectorises.
template <bool kCentered, bool kMomentum>
void rmsprop_loop(std::size_t n, float* __restrict w, const float* __restrict g,
                  float* __restrict v, float* __restrict buf, float* __restrict g_mean,
                  const RmspropCoefficients& c) {
  for (std::size_t i = 0; i < n; ++i) {
    const float gi = g[i] + c.wd * w[i];
    v[i] = flush_tiny(c.a * v[i] + c.one_minus_a * gi * gi);
    float var = v[i];
    if constexpr (kCentered) {
      g_mean[i] = flush_tiny(c.a * g_mean[i] + c.one_minus_a * gi);
      // v ≥ ḡ² in exact arithmetic; rounding can leave it a hair below, and √ would be NaN.
      var = std::max(v[i] - g_mean[i] * g_mean[i], 0.0f);
    }
    const float s = std::sqrt(var) + c.eps;
    if constexpr (kMomentum) {
      buf[i] = flush_tiny(c.mu * buf[i] + gi / s);
      w[i] -= c.lr * buf[i];
    } else {
      w[i] -= c.lr * (gi / s);
    }
  }
}

}  // namespace

void RMSprop::update(Param& p, std::vector<Tensor>& state) {
  const std::size_t n = p.size();
  float* w = p.value.data();
  const float* g = p.grad.data();
  float* v = state[0].data();
  float* buf = momentum_ > 0 ? state[1].data() : nullptr;
  float* g_mean = centered_ ? state[2].data() : nullptr;
  const RmspropCoefficients c{lr_,
                              static_cast<float>(alpha_),
                              static_cast<float>(1.0 - alpha_),
                              static_cast<float>(eps_),
                              static_cast<float>(weight_decay_),
                              static_cast<float>(momentum_)};
  if (g_mean && buf) return rmsprop_loop<true, true>(n, w, g, v, buf, g_mean, c);
  if (g_mean) return rmsprop_loop<true, false>(n, w, g, v, buf, g_mean, c);
  if (buf) return rmsprop_loop<false, true>(n, w, g, v, buf, g_mean, c);
  rmsprop_loop<false, false>(n, w, g, v, buf, g_mean, c);
}

}  // namespace lw
