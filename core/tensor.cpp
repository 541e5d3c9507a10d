#include "tensor.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>

#include "error.hpp"

namespace lw {

namespace {
constexpr std::size_t kAlign = 64;

float* allocate(std::size_t n) {
  if (n == 0) return nullptr;
  std::size_t bytes = (n * sizeof(float) + kAlign - 1) / kAlign * kAlign;
  void* p = std::aligned_alloc(kAlign, bytes);
  if (!p) fail("out of memory allocating ", n, " floats");
  std::memset(p, 0, bytes);
  return static_cast<float*>(p);
}
}  // namespace

void Tensor::Free::operator()(float* p) const { std::free(p); }

std::size_t shape_size(const Shape& shape) {
  std::size_t n = 1;
  for (std::size_t d : shape) {
    if (d != 0 && n > kMaxElements / d)
      fail("tensor shape ", shape_str(shape), " has more than 2^26 elements");
    n *= d;
  }
  // On hot paths (every resize) the message is built only when the check fails.
  if (n > kMaxElements) fail("tensor shape ", shape_str(shape), " has more than 2^26 elements");
  return n;
}

std::string shape_str(const Shape& shape) {
  std::string s = "[";
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (i) s += ", ";
    s += std::to_string(shape[i]);
  }
  return s + "]";
}

Shape batch_shape(std::size_t batch, const Shape& sample) {
  Shape s{batch};
  s.insert(s.end(), sample.begin(), sample.end());
  return s;
}

Tensor::Tensor(Shape shape) {
  reserve(shape_size(shape));
  shape_ = std::move(shape);
}

Tensor Tensor::clone() const {
  Tensor t(shape_);
  if (size_) std::memcpy(t.data(), data(), size_ * sizeof(float));
  return t;
}

Tensor Tensor::from(Shape shape, std::span<const float> values) {
  Tensor t(std::move(shape));
  check(values.size() == t.size(), "tensor of shape ", shape_str(t.shape()), " needs ", t.size(),
        " values, got ", values.size());
  std::copy(values.begin(), values.end(), t.data());
  return t;
}

void Tensor::reshape(Shape shape) {
  std::size_t n = shape_size(shape);
  if (n != size_) fail("cannot reshape ", shape_str(shape_), " to ", shape_str(shape));
  shape_ = std::move(shape);
}

void Tensor::reserve(std::size_t n) {
  ++generation_;
  if (n > capacity_) {
    data_.reset(allocate(n));
    capacity_ = n;
  }
  size_ = n;
}

void Tensor::resize(const Shape& shape) {
  reserve(shape_size(shape));
  shape_ = shape;  // after the check: a refused size leaves the tensor as it was
}

void Tensor::resize(std::initializer_list<std::size_t> dims) {
  std::size_t n = 1;
  for (std::size_t d : dims) n = d != 0 && n > kMaxElements / d ? kMaxElements + 1 : n * d;
  if (n > kMaxElements) shape_size(Shape(dims));  // fails, naming the shape
  reserve(n);
  shape_.assign(dims);
}

void Tensor::resize_batch(std::size_t batch, const Shape& sample) {
  std::size_t n = shape_size(sample);
  if (n != 0 && batch > kMaxElements / n) shape_size(batch_shape(batch, sample));  // fails
  reserve(batch * n);
  shape_.resize(sample.size() + 1);
  shape_[0] = batch;
  std::copy(sample.begin(), sample.end(), shape_.begin() + 1);
}

void Tensor::fill(float value) { std::fill(data(), data() + size_, value); }

}  // namespace lw
