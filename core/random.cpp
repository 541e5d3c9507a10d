#include "random.hpp"

#include <cmath>
#include <numbers>
#include <utility>

namespace lw {

void Rng::reseed(std::uint64_t seed) {
  // PCG32's reference seeding: stream from the seed, then two advances.
  state_ = 0;
  inc_ = (seed << 1u) | 1u;
  next_u32();
  state_ += seed ^ 0x853c49e6748fea9bULL;
  next_u32();
  has_spare_ = false;
  spare_ = 0;
}

std::uint32_t Rng::next_u32() {
  std::uint64_t old = state_;
  state_ = old * 6364136223846793005ULL + inc_;
  auto xorshifted = static_cast<std::uint32_t>(((old >> 18u) ^ old) >> 27u);
  auto rot = static_cast<std::uint32_t>(old >> 59u);
  return (xorshifted >> rot) | (xorshifted << ((32u - rot) & 31u));
}

float Rng::uniform() { return static_cast<float>(next_u32() >> 8) * 0x1.0p-24f; }

float Rng::uniform(float lo, float hi) { return lo + (hi - lo) * uniform(); }

float Rng::normal() {
  if (has_spare_) {
    has_spare_ = false;
    return static_cast<float>(spare_);
  }
  // u1 in (0, 1] so the log is finite.
  double u1 = (static_cast<double>(next_u32() >> 8) + 1.0) * 0x1.0p-24;
  double u2 = static_cast<double>(next_u32() >> 8) * 0x1.0p-24;
  double r = std::sqrt(-2.0 * std::log(u1));
  double theta = 2.0 * std::numbers::pi * u2;
  spare_ = r * std::sin(theta);
  has_spare_ = true;
  return static_cast<float>(r * std::cos(theta));
}

std::uint32_t Rng::below(std::uint32_t n) {
  // Rejects the top sliver of the 32-bit range that would bias small residues.
  std::uint32_t threshold = (0u - n) % n;
  for (;;) {
    std::uint32_t r = next_u32();
    if (r >= threshold) return r % n;
  }
}

void Rng::shuffle(std::span<std::uint32_t> items) {
  for (std::size_t i = items.size(); i > 1; --i) {
    std::uint32_t j = below(static_cast<std::uint32_t>(i));
    std::swap(items[i - 1], items[j]);
  }
}

}  // namespace lw
