// Conv2d: PyTorch's nn.Conv2d (groups 1, dilation 1, zero padding), NCHW.
//   x [B, in, H, W] → y [B, out, oh, ow],  oh = ⌊(H + 2·ph − kh) / sh⌋ + 1 (ow likewise)
//   y[b, o] = bias[o] + Σ_c w[o, c] ⋆ x[b, c]   (⋆: cross-correlation with stride and padding)
//   weight [out, in, kh, kw], bias [out]; fan_in = in·kh·kw, fan_out = out·kh·kw.
//   backward:  dw[o, c, u, v] += Σ dy[b, o, i, j] · x[b, c, i·sh + u − ph, j·sw + v − pw]
//              db[o] += Σ dy[b, o]      dx = the same sum taken the other way (col2im)
// The arithmetic is im2col + the packed GEMM of kernels/conv.hpp (measured against a direct
// kernel in bench/bench_core.cpp, section 4).
#pragma once

#include "weighted.hpp"
#include "window.hpp"

namespace lw {

class Conv2d final : public WeightedLayer {
 public:
  // index: position in the model, for parameter names ("0.weight") and errors.
  Conv2d(std::size_t index, std::size_t out, const Window& window,
         json::Value init = json::Value());
  std::string_view type() const override { return "conv2d"; }
  Shape configure(const Shape& input) override;
  void forward(Tensor& y, const Tensor& x, const Pass& pass) override;
  void backward(Tensor* dx, const Tensor& dy, const Tensor& x, const Tensor& y) override;
  json::Value spec() const override;
  std::uint64_t param_count(const Shape& input) const override;

  const Conv2dGeometry& geometry() const { return geometry_; }
  std::size_t out() const { return out_; }

 private:
  std::string what() const;
  std::size_t out_;
  Window window_;
  Conv2dGeometry geometry_;
  Tensor col_;  // im2col scratch for one sample, [in·kh·kw, oh·ow]
};

}  // namespace lw
