// The one error type the engine throws.
//
// Every public call checks its input at the boundary and, when something is wrong, throws
// lw::Error with a message that says what was wrong and what is allowed, for example
//   "Linear: input has 3 features per sample, but the layer expects 2".
// State is never changed before a check fails. Kernels assert instead (their callers check).
#pragma once

#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>

namespace lw {

class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : std::runtime_error(message) {}
};

// Builds a message from any streamable parts: fail("Linear: got ", n, ", expected ", m).
template <class... Parts>
[[noreturn]] void fail(Parts&&... parts) {
  std::ostringstream out;
  (out << ... << std::forward<Parts>(parts));
  throw Error(out.str());
}

template <class... Parts>
void check(bool ok, Parts&&... parts) {
  if (!ok) fail(std::forward<Parts>(parts)...);
}

// Largest number of parameters (and of elements in any one tensor) the engine accepts: 2^26.
// Past it a browser tab would run out of memory long before training did anything useful.
inline constexpr std::size_t kMaxElements = std::size_t{1} << 26;

}  // namespace lw
