// Pool2d: PyTorch's nn.MaxPool2d and nn.AvgPool2d (dilation 1, ceil_mode false, and for the
// average count_include_pad true), over each channel of an NCHW batch.
//   x [B, C, H, W] → y [B, C, oh, ow],  oh = ⌊(H + 2·ph − kh) / sh⌋ + 1 (ow likewise)
//   max: y = max of the window, dx = dy at the (first) maximum, 0 elsewhere
//   avg: y = Σ window / (kh·kw),  dx = dy / (kh·kw) on every input of the window
// The stride defaults to the kernel. The loops are in kernels/pool.hpp; the max pool keeps
// where each maximum was, from forward to backward.
#pragma once

#include <cstdint>
#include <vector>

#include "layer.hpp"
#include "window.hpp"

namespace lw {

class Pool2d final : public Layer {
 public:
  enum class Kind { Max, Avg };
  // index: position in the model, for errors.
  Pool2d(Kind kind, std::size_t index, const Window& window)
      : kind_(kind), index_(index), window_(window) {}
  std::string_view type() const override { return kind_ == Kind::Max ? "maxpool2d" : "avgpool2d"; }
  Shape configure(const Shape& input) override;
  void forward(Tensor& y, const Tensor& x, const Pass& pass) override;
  void backward(Tensor* dx, const Tensor& dy, const Tensor& x, const Tensor& y) override;
  json::Value spec() const override;

 private:
  Kind kind_;
  std::size_t index_;
  Window window_;
  Conv2dGeometry geometry_;
  std::vector<std::uint32_t> argmax_;  // max pool: [B, C, oh, ow] of the last forward
};

}  // namespace lw
