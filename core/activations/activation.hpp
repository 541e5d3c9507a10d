// Activation: a pointwise (or, for softmax, row-wise) nonlinearity, forward and backward.
//
// x and y are [rows, cols] with cols the last dimension (softmax normalises over it).
// backward writes dx = ∂L/∂x from dy = ∂L/∂y and may read the forward's x or y,
// whichever gives the cheaper derivative.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>

#include "../json.hpp"

namespace lw {

class Activation {
 public:
  virtual ~Activation() = default;
  virtual std::string_view name() const = 0;
  virtual void forward(float* y, const float* x, std::size_t rows, std::size_t cols) const = 0;
  virtual void backward(float* dx, const float* dy, const float* x, const float* y,
                        std::size_t rows, std::size_t cols) const = 0;
  // The spec object that rebuilds it, e.g. {"type":"leaky_relu","slope":0.01}.
  virtual json::Value spec() const { return json::Value::Object{{"type", std::string(name())}}; }
};

const std::vector<std::string_view>& activation_names();
bool is_activation(std::string_view name);
// Builds from a layer spec object ({"type": name, ...options}); validates options.
std::unique_ptr<Activation> make_activation(const json::Value& spec, std::string_view where);

}  // namespace lw
