// Param: a trainable tensor and its gradient, as optimisers see it.
//
// Layers own their Params; backward() adds into grad (it never overwrites), so gradients
// from several backward passes accumulate until zero_grad(), as in PyTorch.
#pragma once

#include <string>
#include <vector>

#include "tensor.hpp"

namespace lw {

struct Param {
  std::string name;  // "0.weight", "0.bias", ... (PyTorch's state_dict naming)
  Tensor value;
  Tensor grad;

  Param(std::string n, Shape shape) : name(std::move(n)), value(shape), grad(shape) {}
  std::size_t size() const { return value.size(); }
};

using ParamList = std::vector<Param*>;

inline void zero_grad(const ParamList& params) {
  for (Param* p : params) p->grad.fill(0.0f);
}

}  // namespace lw
