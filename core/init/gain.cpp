#include "gain.hpp"

#include <cmath>

#include "../error.hpp"

namespace lw {

float calculate_gain(std::string_view nonlinearity, float param) {
  if (nonlinearity == "linear" || nonlinearity == "identity" || nonlinearity == "sigmoid")
    return 1.0f;
  if (nonlinearity == "tanh") return 5.0f / 3.0f;
  if (nonlinearity == "relu") return std::sqrt(2.0f);
  if (nonlinearity == "leaky_relu") return std::sqrt(2.0f / (1.0f + param * param));
  fail("calculate_gain: unknown nonlinearity \"", nonlinearity,
       "\"; allowed: linear, identity, sigmoid, tanh, relu, leaky_relu");
}

}  // namespace lw
