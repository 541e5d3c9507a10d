// Linear (fully connected): y = x·Wᵀ + b, with W of shape [out, in] and b of [out], exactly
// PyTorch's nn.Linear layout, so parameters copy across one to one.
//   x [B, in] → y [B, out]
//   backward:  dW += dyᵀ·x   db += Σ_batch dy   dx = dy·W
#pragma once

#include "weighted.hpp"

namespace lw {

class Linear final : public WeightedLayer {
 public:
  // index: position in the model, for PyTorch-style parameter names ("0.weight").
  Linear(std::size_t index, std::size_t out, json::Value init = json::Value());
  std::string_view type() const override { return "linear"; }
  Shape configure(const Shape& input) override;
  void forward(Tensor& y, const Tensor& x, const Pass& pass) override;
  void backward(Tensor* dx, const Tensor& dy, const Tensor& x, const Tensor& y) override;
  json::Value spec() const override;
  std::uint64_t param_count(const Shape& input) const override;

  std::size_t in() const { return in_; }
  std::size_t out() const { return out_; }

 private:
  std::size_t in_ = 0, out_;
  // W packed for the inference forward (Pass::training false, a batch big enough for the
  // packed kernel), rebuilt when W's data or generation has moved since (Tensor::generation).
  Tensor packed_;
  const float* packed_from_ = nullptr;
  std::uint64_t packed_generation_ = 0;
};

}  // namespace lw
