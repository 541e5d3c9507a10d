#include "pool2d.hpp"

#include "../error.hpp"
#include "../kernels/pool.hpp"

namespace lw {

Shape Pool2d::configure(const Shape& input) {
  geometry_ = window_.geometry(input, str("spec.layers[", index_, "] (", type(), ")"));
  return {geometry_.c, geometry_.out_h(), geometry_.out_w()};
}

void Pool2d::forward(Tensor& y, const Tensor& x, const Pass&) {
  const Conv2dGeometry& g = geometry_;
  std::size_t batch = x.dim(0);
  y.resize({batch, g.c, g.out_h(), g.out_w()});
  if (kind_ == Kind::Max) {
    argmax_.resize(y.size());
    f32_maxpool2d(y.data(), argmax_.data(), x.data(), batch * g.c, g);
  } else {
    f32_avgpool2d(y.data(), x.data(), batch * g.c, g);
  }
}

void Pool2d::backward(Tensor* dx, const Tensor& dy, const Tensor& x, const Tensor&) {
  if (!dx) return;
  dx->resize(x.shape());
  std::size_t planes = x.dim(0) * geometry_.c;
  if (kind_ == Kind::Max) {
    f32_maxpool2d_backward(dx->data(), dy.data(), argmax_.data(), planes, geometry_);
  } else {
    f32_avgpool2d_backward(dx->data(), dy.data(), planes, geometry_);
  }
}

json::Value Pool2d::spec() const {
  json::Value s = json::Value::Object{{"type", std::string(type())}};
  window_.write(s);
  return s;
}

}  // namespace lw
