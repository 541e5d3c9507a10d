// AdamW's update: decoupled decay, then Adam's step; see adamw.hpp.
#include "adamw.hpp"

namespace lw {

void AdamW::update(Param& p, std::vector<Tensor>& state) {
  const float shrink = static_cast<float>(1.0 - static_cast<double>(lr_) * weight_decay_);
  // A plain loop rather than f32_scale: clang vectorises it four vectors per iteration, which
  // V8 runs twice as fast as the kernel's one (bench/README.md, "Dead kernels").
  float* w = p.value.data();
  for (std::size_t i = 0, n = p.size(); i < n; ++i) w[i] *= shrink;
  adam_update(p, state, 0.0f);
}

}  // namespace lw
