// Dropout (Srivastava et al. 2014), PyTorch's "inverted" form: in training each element is
// zeroed with probability p and the survivors are scaled by 1/(1 − p), so evaluation is the
// identity and needs no rescaling.
//   training: y = x ⊙ m,  m_i = 0 with probability p, else 1/(1 − p);   dx = dy ⊙ m
#pragma once

#include "layer.hpp"

namespace lw {

class Dropout final : public Layer {
 public:
  explicit Dropout(float p) : p_(p) {}
  std::string_view type() const override { return "dropout"; }
  Shape configure(const Shape& input) override { return input; }
  void forward(Tensor& y, const Tensor& x, const Pass& pass) override;
  void backward(Tensor* dx, const Tensor& dy, const Tensor& x, const Tensor& y) override;
  json::Value spec() const override {
    return json::Value::Object{{"type", "dropout"}, {"p", json::Value::f32(p_)}};
  }
  float p() const { return p_; }

 private:
  float p_;
  bool masked_ = false;  // whether the last forward dropped (training) or passed through
  Tensor mask_;
};

}  // namespace lw
