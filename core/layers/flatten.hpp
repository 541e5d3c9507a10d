// Flatten: [C, H, W] (or any shape) → [C·H·W], as PyTorch's nn.Flatten() with start_dim 1.
// The numbers do not move: forward and backward are copies under a new shape.
#pragma once

#include <algorithm>

#include "layer.hpp"

namespace lw {

class Flatten final : public Layer {
 public:
  std::string_view type() const override { return "flatten"; }
  Shape configure(const Shape& input) override { return {shape_size(input)}; }
  void forward(Tensor& y, const Tensor& x, const Pass&) override {
    y.resize({x.dim(0), x.size() / x.dim(0)});
    std::copy(x.data(), x.data() + x.size(), y.data());
  }
  void backward(Tensor* dx, const Tensor& dy, const Tensor& x, const Tensor&) override {
    if (!dx) return;
    dx->resize(x.shape());
    std::copy(dy.data(), dy.data() + dy.size(), dx->data());
  }
  json::Value spec() const override { return json::Value::Object{{"type", "flatten"}}; }
};

}  // namespace lw
