#include "dropout.hpp"

#include <algorithm>

#include "../kernels/elementwise.hpp"

namespace lw {

void Dropout::forward(Tensor& y, const Tensor& x, const Pass& pass) {
  y.resize(x.shape());
  masked_ = pass.training && p_ > 0.0f;
  if (!masked_) {
    std::copy(x.data(), x.data() + x.size(), y.data());
    return;
  }
  mask_.resize(x.shape());
  float keep = 1.0f / (1.0f - p_);
  for (std::size_t i = 0; i < mask_.size(); ++i)
    mask_[i] = pass.rng->uniform() < p_ ? 0.0f : keep;
  f32_vmul(y.data(), x.data(), mask_.data(), x.size());
}

void Dropout::backward(Tensor* dx, const Tensor& dy, const Tensor& x, const Tensor&) {
  if (!dx) return;
  dx->resize(x.shape());
  if (masked_) {
    f32_vmul(dx->data(), dy.data(), mask_.data(), dy.size());
  } else {
    std::copy(dy.data(), dy.data() + dy.size(), dx->data());
  }
}

}  // namespace lw
