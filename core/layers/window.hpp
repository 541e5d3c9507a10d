// Window: the kernel, stride and padding of a conv2d, maxpool2d or avgpool2d layer, as its
// spec writes them ({"kernel": 5, "stride": 1, "padding": 0}; each a number or [h, w]), and
// the checks PyTorch makes before such a layer runs: an image input [C, H, W], a kernel no
// larger than the padded input, stride ≥ 1 and, for pooling, padding ≤ kernel / 2.
#pragma once

#include <string>

#include "../json.hpp"
#include "../kernels/conv.hpp"
#include "../tensor.hpp"

namespace lw {

struct Window {
  std::size_t kh = 1, kw = 1, sh = 1, sw = 1, ph = 0, pw = 0;

  // Reads kernel (required), stride (default 1, or the kernel for a pool) and padding
  // (default 0) of a layer's spec; `what` names it in errors: "spec.layers[2] (conv2d)".
  static Window parse(const json::Value& layer, const std::string& where, const std::string& what,
                      bool pool);
  // Writes kernel, stride and padding into a layer's spec (a number when h = w).
  void write(json::Value& spec) const;
  // The geometry over one input sample [C, H, W], or an error naming the layer and shapes.
  Conv2dGeometry geometry(const Shape& input, const std::string& what) const;
};

}  // namespace lw
