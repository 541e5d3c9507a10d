// Tensor: a float32, contiguous, row-major, 64-byte aligned N-d array.
//
// A Tensor owns its storage and is move-only: copying the numbers is always explicit
// (clone()), so no hot path can copy by accident. reshape() keeps the storage; resize()
// reallocates only when the element count grows.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace lw {

using Shape = std::vector<std::size_t>;

std::size_t shape_size(const Shape& shape);
std::string shape_str(const Shape& shape);  // "[32, 784]"
// [batch, ...sample]: the shape of a batch of samples.
Shape batch_shape(std::size_t batch, const Shape& sample);

class Tensor {
 public:
  Tensor() = default;
  explicit Tensor(Shape shape);  // zero-filled
  Tensor(Tensor&&) noexcept = default;
  Tensor& operator=(Tensor&&) noexcept = default;
  Tensor(const Tensor&) = delete;
  Tensor& operator=(const Tensor&) = delete;

  Tensor clone() const;
  static Tensor from(Shape shape, std::span<const float> values);

  const Shape& shape() const { return shape_; }
  std::size_t dim(std::size_t i) const { return shape_[i]; }
  std::size_t ndim() const { return shape_.size(); }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  // Every way to write the numbers goes through a non-const accessor, and each of those counts
  // one more generation: a cache derived from the numbers (Linear's packed weights) is valid
  // while the generation it was built at is still the tensor's.
  float* data() {
    ++generation_;
    return data_.get();
  }
  const float* data() const { return data_.get(); }
  float& operator[](std::size_t i) {
    ++generation_;
    return data_[i];
  }
  float operator[](std::size_t i) const { return data_[i]; }
  std::span<float> span() { return {data(), size_}; }
  std::span<const float> span() const { return {data(), size_}; }

  // Same numbers, new shape of the same size.
  void reshape(Shape shape);
  // New shape of any size; contents are unspecified afterwards (zero when newly allocated).
  // Storage and the shape's own memory are reused when large enough, so a training step
  // that resizes to the shapes it had last step allocates nothing.
  void resize(const Shape& shape);
  void resize(std::initializer_list<std::size_t> dims);
  // [batch, ...sample], as resize(batch_shape(batch, sample)) without building the shape.
  void resize_batch(std::size_t batch, const Shape& sample);
  void fill(float value);
  std::uint64_t generation() const { return generation_; }

 private:
  void reserve(std::size_t n);
  struct Free {
    void operator()(float* p) const;
  };
  Shape shape_;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
  std::uint64_t generation_ = 0;
  std::unique_ptr<float[], Free> data_;
};

}  // namespace lw
