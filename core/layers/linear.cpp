#include "linear.hpp"

#include <utility>

#include "../error.hpp"
#include "../kernels/gemm.hpp"
#include "../kernels/reduce.hpp"

namespace lw {

Linear::Linear(std::size_t index, std::size_t out, json::Value init)
    : WeightedLayer(index, std::move(init)), out_(out) {}

std::uint64_t Linear::param_count(const Shape& input) const {
  return input.size() == 1 ? std::uint64_t{input[0]} * out_ + out_ : 0;
}

Shape Linear::configure(const Shape& input) {
  check(input.size() == 1, "layer ", index_, " (linear) needs a flat input, got shape ",
        shape_str(input), "; put a flatten layer before it");
  in_ = input[0];
  check(in_ * out_ <= kMaxElements, "layer ", index_, " (linear) would have ", in_, " x ", out_,
        " weights, more than the limit of 2^26");
  make_params({out_, in_});
  return {out_};
}

void Linear::forward(Tensor& y, const Tensor& x, const Pass& pass) {
  std::size_t batch = x.dim(0);
  y.resize({batch, out_});
  const Tensor& w = weight_.value;
  const float* b = std::as_const(bias_.value).data();
  if (pass.training || !f32_gemm_nt_packs(batch, out_, in_)) {
    f32_gemm_nt(y.data(), x.data(), w.data(), b, batch, out_, in_);
    return;
  }
  if (packed_from_ != w.data() || packed_generation_ != w.generation()) {
    packed_.resize({f32_packed_w_size(out_, in_)});
    f32_pack_w(packed_.data(), w.data(), out_, in_);
    packed_from_ = w.data();
    packed_generation_ = w.generation();
  }
  f32_gemm_nt_packed(y.data(), x.data(), std::as_const(packed_).data(), b, batch, out_, in_);
}

void Linear::backward(Tensor* dx, const Tensor& dy, const Tensor& x, const Tensor&) {
  std::size_t batch = x.dim(0);
  f32_gemm_tn(weight_.grad.data(), dy.data(), x.data(), batch, out_, in_);
  f32_col_sum_add(bias_.grad.data(), dy.data(), batch, out_);
  if (dx) {
    dx->resize(x.shape());
    f32_gemm_nn(dx->data(), dy.data(), weight_.value.data(), batch, out_, in_);
  }
}

json::Value Linear::spec() const {
  json::Value s = json::Value::Object{{"type", "linear"}, {"out", out_}};
  write_init(s);
  return s;
}

}  // namespace lw
