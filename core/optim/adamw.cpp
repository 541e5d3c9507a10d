// AdamW's update: decoupled decay, then Adam's step; see adamw.hpp.
#include "adamw.hpp"

#include "../kernels/elementwise.hpp"

namespace lw {

void AdamW::update(Param& p, std::vector<Tensor>& state) {
  const float shrink = static_cast<float>(1.0 - static_cast<double>(lr_) * weight_decay_);
  f32_scale(p.value.data(), shrink, p.size());
  adam_update(p, state, 0.0f);
}

}  // namespace lw
