// Layer: one forward/backward pair of a Sequential model.
//
// Shapes are per sample (the batch dimension is implicit and first): a Linear layer maps
// [in] to [out], a Conv2d [C, H, W] to [out, H', W']. configure() is called once with the
// input shape, checks it, and returns the output shape, so a bad stack fails when it is
// built, not when it first runs.
//
// forward(y, x) writes y from x ([B, ...]); backward(dx, dy, x, y) gets the same x and y
// back (the model keeps them) and ADDS the parameter gradients into each Param's grad
// (PyTorch's accumulation), then writes dx unless it is null (the first layer needs none).
#pragma once

#include <string_view>

#include "../json.hpp"
#include "../param.hpp"
#include "../random.hpp"
#include "../tensor.hpp"

namespace lw {

struct Pass {
  bool training = false;  // Dropout drops only when training
  Rng* rng = nullptr;     // randomness for Dropout's masks
};

class Layer {
 public:
  virtual ~Layer() = default;
  virtual std::string_view type() const = 0;
  virtual Shape configure(const Shape& input) = 0;
  virtual void forward(Tensor& y, const Tensor& x, const Pass& pass) = 0;
  virtual void backward(Tensor* dx, const Tensor& dy, const Tensor& x, const Tensor& y) = 0;
  virtual ParamList params() { return {}; }
  virtual json::Value spec() const = 0;  // the layer's entry of the model spec
};

}  // namespace lw
