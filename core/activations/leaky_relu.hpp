// Leaky ReLU (Maas et al. 2013): y = x for x > 0, slope·x otherwise (PyTorch's default slope 0.01).
// The small slope keeps a gradient flowing through units that a plain ReLU would leave dead.
#pragma once
#include "../kernels/activation.hpp"
#include "activation.hpp"

namespace lw {
class LeakyRelu final : public Activation {
 public:
  explicit LeakyRelu(float slope = 0.01f) : slope_(slope) {}
  float slope() const { return slope_; }
  std::string_view name() const override { return "leaky_relu"; }
  void forward(float* y, const float* x, std::size_t rows, std::size_t cols) const override {
    f32_leaky_relu(y, x, rows * cols, slope_);
  }
  void backward(float* dx, const float* dy, const float* x, const float*, std::size_t rows,
                std::size_t cols) const override {
    f32_leaky_relu_backward(dx, dy, x, rows * cols, slope_);
  }
  json::Value spec() const override {
    return json::Value::Object{{"type", "leaky_relu"}, {"slope", json::Value::f32(slope_)}};
  }

 private:
  float slope_;
};
}  // namespace lw
