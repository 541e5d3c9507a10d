// WeightedLayer: a layer with a weight and a bias that the model's initialisers fill (Linear,
// Conv2d). It names its parameters PyTorch's way ("<index>.weight", "<index>.bias"), keeps its
// own spec-level "init", and computes the fans PyTorch's init functions use
// (torch.nn.init._calculate_fan_in_and_fan_out): for a weight of shape [out, in, k…],
//   fan_in = in · Π k,   fan_out = out · Π k   (Linear: in and out).
#pragma once

#include <cstdint>

#include "layer.hpp"

namespace lw {

class WeightedLayer : public Layer {
 public:
  ParamList params() override { return {&weight_, &bias_}; }
  Param& weight() { return weight_; }
  Param& bias() { return bias_; }
  std::size_t fan_in() const { return fan_in_; }
  std::size_t fan_out() const { return fan_out_; }
  const json::Value& init() const { return init_; }  // this layer's own init, or null
  // Parameters this layer would hold on a sample of shape `input` (0 if the shape is wrong,
  // which configure() then reports), counted before anything is allocated.
  virtual std::uint64_t param_count(const Shape& input) const = 0;

 protected:
  WeightedLayer(std::size_t index, json::Value init) : index_(index), init_(std::move(init)) {}
  // Allocates the weight of `shape` ([out, in, k…]) and a bias of [out], and sets the fans.
  void make_params(const Shape& shape) {
    std::size_t receptive = 1;
    for (std::size_t d = 2; d < shape.size(); ++d) receptive *= shape[d];
    fan_in_ = shape[1] * receptive;
    fan_out_ = shape[0] * receptive;
    std::string prefix = std::to_string(index_) + ".";
    weight_ = Param(prefix + "weight", shape);
    bias_ = Param(prefix + "bias", {shape[0]});
  }
  // Adds "init" to a layer's spec when the layer has its own.
  void write_init(json::Value& spec) const {
    if (!init_.is_null()) spec["init"] = init_;
  }

  std::size_t index_;
  json::Value init_;
  Param weight_{"weight", {0}};
  Param bias_{"bias", {0}};

 private:
  std::size_t fan_in_ = 0, fan_out_ = 0;
};

}  // namespace lw
