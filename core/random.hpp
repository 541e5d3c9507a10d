// Random: one seeded generator whose stream is the same natively and in WebAssembly.
//
// The bits come from PCG32 (O'Neill 2014, "PCG: A Family of Simple Fast Space-Efficient
// Statistically Good Algorithms for Random Number Generation"): 64-bit integer state, so the
// integer stream is bit-identical on every platform. Floats are built from the top 24 bits
// (exact), integers below n by rejection (unbiased). Normals use Box–Muller in double; their
// libm calls (log, cos, sin) are correctly rounded to well under a float ulp on glibc and on
// Emscripten's musl, so the float results agree across builds.
// Nothing here uses <random>'s distributions, whose output differs between standard libraries.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace lw {

class Rng {
 public:
  explicit Rng(std::uint64_t seed = 42) { reseed(seed); }
  void reseed(std::uint64_t seed);

  std::uint32_t next_u32();
  float uniform();                    // [0, 1)
  float uniform(float lo, float hi);  // [lo, hi)
  float normal();                     // N(0, 1)
  float normal(float mean, float std) { return mean + std * normal(); }
  std::uint32_t below(std::uint32_t n);  // uniform integer in [0, n); n > 0
  void shuffle(std::span<std::uint32_t> items);  // Fisher–Yates

 private:
  std::uint64_t state_ = 0;
  std::uint64_t inc_ = 0;
  bool has_spare_ = false;
  double spare_ = 0;
};

}  // namespace lw
