#include "conv2d.hpp"

#include "../error.hpp"

namespace lw {

Conv2d::Conv2d(std::size_t index, std::size_t out, const Window& window, json::Value init)
    : WeightedLayer(index, std::move(init)), out_(out), window_(window) {}

std::string Conv2d::what() const { return str("spec.layers[", index_, "] (conv2d)"); }

std::uint64_t Conv2d::param_count(const Shape& input) const {
  if (input.size() != 3) return 0;
  return std::uint64_t{out_} * input[0] * window_.kh * window_.kw + out_;
}

Shape Conv2d::configure(const Shape& input) {
  Conv2dGeometry g = window_.geometry(input, what());
  Shape output{out_, g.out_h(), g.out_w()};
  // 64-bit: in wasm size_t is 32 bits and these products can pass 2^32.
  std::uint64_t plane = std::uint64_t{g.out_h()} * g.out_w();
  check(plane * out_ <= kMaxElements && plane * g.patch() <= kMaxElements, what(),
        " would output ", shape_str(output), " per sample from ", shape_str(input),
        ", more than the limit of 2^26 values; use a smaller input, a larger stride or fewer "
        "channels");
  geometry_ = g;
  make_params({out_, g.c, g.kh, g.kw});
  return output;
}

void Conv2d::forward(Tensor& y, const Tensor& x, const Pass&) {
  const Conv2dGeometry& g = geometry_;
  std::size_t batch = x.dim(0);
  y.resize({batch, out_, g.out_h(), g.out_w()});
  col_.resize({g.col_size()});
  f32_conv2d_im2col(y.data(), x.data(), weight_.value.data(), bias_.value.data(), batch, out_, g,
                    col_.data());
}

void Conv2d::backward(Tensor* dx, const Tensor& dy, const Tensor& x, const Tensor&) {
  const Conv2dGeometry& g = geometry_;
  std::size_t batch = x.dim(0);
  if (dx) dx->resize(x.shape());
  col_.resize({g.col_size()});
  f32_conv2d_im2col_backward(dx ? dx->data() : nullptr, weight_.grad.data(), bias_.grad.data(),
                             dy.data(), x.data(), weight_.value.data(), batch, out_, g,
                             col_.data());
}

json::Value Conv2d::spec() const {
  json::Value s = json::Value::Object{{"type", "conv2d"}, {"out", out_}};
  window_.write(s);
  write_init(s);
  return s;
}

}  // namespace lw
