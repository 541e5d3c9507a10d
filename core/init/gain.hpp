// calculate_gain: the factor by which an activation shrinks the variance of what passes
// through it, as PyTorch's torch.nn.init.calculate_gain defines it:
//   linear, identity, sigmoid → 1;  tanh → 5/3;  relu → √2;  leaky_relu(a) → √(2 / (1 + a²)).
// (selu and the conv variants are not part of Layerwise.)
#pragma once
#include <string_view>

namespace lw {
float calculate_gain(std::string_view nonlinearity, float param = 0.01f);
}
