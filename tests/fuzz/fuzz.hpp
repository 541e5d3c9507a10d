// What the libFuzzer targets of tests/fuzz/ share. Each target feeds its bytes to one part of
// the core and checks properties that must hold for every input:
//   - the only exception that leaves the core is lw::Error (libFuzzer reports any other as a
//     crash, and ASan + UBSan report memory errors and undefined behaviour);
//   - what is accepted round-trips (write it, read it back, get the same thing);
//   - a refused change changes nothing.
// A broken property calls require(), which prints what broke and aborts: a finding.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <span>
#include <string_view>
#include <vector>

#include "error.hpp"

namespace lw::fuzz {

inline void require(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz property broken: %s\n", what);
  std::abort();
}

// The fuzzer's bytes as text.
inline std::string_view text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// n values in [-1, 1] that depend only on n and `salt`: the inputs of a training step.
inline std::vector<float> samples(std::size_t n, unsigned salt) {
  std::vector<float> v(n);
  unsigned s = 2463534242u ^ salt;
  for (auto& x : v) {
    s ^= s << 13, s ^= s >> 17, s ^= s << 5;  // xorshift32
    x = static_cast<float>(s % 2001) / 1000.0f - 1.0f;
  }
  return v;
}

// Two forward outputs are the same floats, bit for bit (NaN included).
inline bool same_bits(std::span<const float> a, std::span<const float> b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::memcmp(&a[i], &b[i], sizeof(float)) != 0) return false;
  return true;
}

}  // namespace lw::fuzz
