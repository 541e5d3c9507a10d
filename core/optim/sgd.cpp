// SGD's update, written out per element; see sgd.hpp for the rule and its sources.
#include "sgd.hpp"

#include "option_reader.hpp"

namespace lw {

void SGD::set(const json::Value& options) {
  const optim::OptionReader in(options, name(),
                               {"lr", "momentum", "dampening", "weight_decay", "nesterov"});
  const double lr = in.number("lr", lr_, optim::kNonNegative);
  const double momentum = in.number("momentum", momentum_, optim::kNonNegative);
  const double dampening = in.number("dampening", dampening_, optim::kAnyNumber);
  const double weight_decay = in.number("weight_decay", weight_decay_, optim::kNonNegative);
  const bool nesterov = in.flag("nesterov", nesterov_);
  check(!nesterov || (momentum > 0 && dampening == 0), in.what("nesterov"),
        " requires momentum > 0 and dampening = 0, got momentum ", momentum, " and dampening ",
        dampening);

  lr_ = static_cast<float>(lr);
  momentum_ = momentum;
  dampening_ = dampening;
  weight_decay_ = weight_decay;
  nesterov_ = nesterov;
}

json::Value SGD::options() const {
  json::Value o;
  o["lr"] = json::Value::f32(lr_);
  o["momentum"] = momentum_;
  o["dampening"] = dampening_;
  o["weight_decay"] = weight_decay_;
  o["nesterov"] = nesterov_;
  return o;
}

void SGD::update(Param& p, std::vector<Tensor>& state) {
  const std::size_t n = p.size();
  float* w = p.value.data();
  const float* g = p.grad.data();
  const float lr = lr_;
  const float wd = static_cast<float>(weight_decay_);
  if (t_ == 1) buffer_start_ = 0;  // first step after construction or reset()

  if (momentum_ == 0) {
    for (std::size_t i = 0; i < n; ++i) w[i] -= lr * (g[i] + wd * w[i]);
    return;
  }

  if (buffer_start_ == 0) buffer_start_ = t_;
  const bool first = buffer_start_ == t_;
  const float mu = static_cast<float>(momentum_);
  const float keep = static_cast<float>(1.0 - dampening_);  // share of g entering buf
  float* buf = state[0].data();
  for (std::size_t i = 0; i < n; ++i) {
    const float gi = g[i] + wd * w[i];
    buf[i] = first ? gi : mu * buf[i] + keep * gi;
    const float d = nesterov_ ? gi + mu * buf[i] : buf[i];
    w[i] -= lr * d;
  }
}

}  // namespace lw
