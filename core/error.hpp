// The one error type the engine throws.
//
// Every public call checks its input at the boundary and, when something is wrong, throws
// lw::Error with a message that says what was wrong and what is allowed, for example
//   "Linear: input has 3 features per sample, but the layer expects 2".
// State is never changed before a check fails. Kernels assert instead (their callers check).
#pragma once

#include <cstdio>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace lw {

class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : std::runtime_error(message) {}
};

// Message text from parts: strings, characters and numbers (as iostreams would print them,
// "%g" for floating point). Written without <sstream>, which would add ~70 KB of locale code
// to the wasm binary.
inline void append(std::string& out, std::string_view s) { out += s; }
inline void append(std::string& out, char c) { out += c; }
template <class T>
  requires std::is_arithmetic_v<T>
void append(std::string& out, T value) {
  char buf[32];
  if constexpr (std::is_floating_point_v<T>) {
    std::snprintf(buf, sizeof buf, "%g", static_cast<double>(value));
  } else if constexpr (std::is_signed_v<T>) {
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(value));
  } else {
    std::snprintf(buf, sizeof buf, "%llu", static_cast<unsigned long long>(value));
  }
  out += buf;
}

template <class... Parts>
std::string str(const Parts&... parts) {
  std::string out;
  (append(out, parts), ...);
  return out;
}

// Throws lw::Error built from the parts: fail("Linear: got ", n, ", expected ", m).
template <class... Parts>
[[noreturn]] void fail(const Parts&... parts) {
  throw Error(str(parts...));
}

template <class... Parts>
void check(bool ok, const Parts&... parts) {
  if (!ok) fail(parts...);
}

// Largest number of parameters (and of elements in any one tensor) the engine accepts: 2^26.
// Past it a browser tab would run out of memory long before training did anything useful.
// (The fuzz build lowers it to 2^20, CMakeLists.txt; messages still say 2^26.)
#ifndef LW_MAX_ELEMENTS_LOG2
#define LW_MAX_ELEMENTS_LOG2 26
#endif
inline constexpr std::size_t kMaxElements = std::size_t{1} << LW_MAX_ELEMENTS_LOG2;

}  // namespace lw
