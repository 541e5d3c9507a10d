// ActivationLayer: an Activation as a layer of the model; the shape passes through unchanged.
// Softmax normalises over the last dimension of the per-sample shape.
#pragma once

#include <memory>

#include "../activations/activation.hpp"
#include "layer.hpp"

namespace lw {

class ActivationLayer final : public Layer {
 public:
  explicit ActivationLayer(std::unique_ptr<Activation> f) : f_(std::move(f)) {}
  std::string_view type() const override { return f_->name(); }
  Shape configure(const Shape& input) override {
    cols_ = input.empty() ? 1 : input.back();
    return input;
  }
  void forward(Tensor& y, const Tensor& x, const Pass&) override {
    y.resize(x.shape());
    f_->forward(y.data(), x.data(), x.size() / cols_, cols_);
  }
  void backward(Tensor* dx, const Tensor& dy, const Tensor& x, const Tensor& y) override {
    if (!dx) return;
    dx->resize(x.shape());
    f_->backward(dx->data(), dy.data(), x.data(), y.data(), x.size() / cols_, cols_);
  }
  json::Value spec() const override { return f_->spec(); }
  const Activation& activation() const { return *f_; }

 private:
  std::unique_ptr<Activation> f_;
  std::size_t cols_ = 1;
};

}  // namespace lw
