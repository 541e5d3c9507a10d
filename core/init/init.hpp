// Initialisers: how a layer's weights and biases start, each as PyTorch's torch.nn.init.
//
//   zeros, constant(value), normal(mean, std), uniform(a, b)
//   xavier_uniform(gain)  U(−g·√(6/(fan_in+fan_out)), +…)   Glorot & Bengio 2010, eq. 16
//   xavier_normal(gain)   N(0, (g·√(2/(fan_in+fan_out)))²)
//   kaiming_uniform(a, mode, nonlinearity)  U(−g·√(3/fan), +…)   He et al. 2015
//   kaiming_normal(a, mode, nonlinearity)   N(0, (g/√fan)²)
//   default   PyTorch's nn.Linear reset_parameters(): weight kaiming_uniform(a = √5), i.e.
//             U(−1/√fan_in, 1/√fan_in); bias U(−1/√fan_in, 1/√fan_in).
// Xavier keeps the variance of activations and of gradients roughly constant from layer to
// layer for activations that are linear near 0 (tanh, sigmoid); He does it for ReLU, which
// zeroes half its input and so needs twice the variance.
//
// An initialiser is written in a spec as a name ("xavier_uniform") or an object with options
// ({"type": "xavier_uniform", "gain": "tanh"}; a gain may be a number or a nonlinearity name).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "../json.hpp"
#include "../random.hpp"
#include "../tensor.hpp"

namespace lw {

enum class InitRole { Weight, Bias };

struct Init {
  std::string type = "default";
  float gain = 1.0f;       // xavier
  float a = 0.0f;          // kaiming: negative slope of the leaky ReLU that follows
  bool use_fan_out = false;  // kaiming mode "fan_out"
  std::string nonlinearity = "leaky_relu";  // kaiming, PyTorch's default
  float mean = 0.0f, std = 1.0f;            // normal
  float lo = 0.0f, hi = 1.0f;               // uniform
  float value = 0.0f;                       // constant

  // Parses and validates a spec entry; `where` names it in errors ("spec.init.weight").
  static Init parse(const json::Value& spec, std::string_view where);
  json::Value to_json() const;
  // Fills t. fan_in/fan_out are the layer's (in, out); for a bias fan_in is the layer's in.
  void fill(Tensor& t, std::size_t fan_in, std::size_t fan_out, InitRole role, Rng& rng) const;
  // Throws lw::Error (naming `where`) unless fill() with these fans and role gives finite
  // floats for every draw: a model checks each of its initialisers before it fills any.
  void check_fits(std::size_t fan_in, std::size_t fan_out, InitRole role, std::string_view where) const;

 private:
  // What fill() draws from: all `p` (constant), U(p, q) (uniform), or N(p, q²) (normal).
  struct Distribution {
    enum class Kind { Constant, Uniform, Normal } kind;
    float p, q;
  };
  Distribution distribution(std::size_t fan_in, std::size_t fan_out, InitRole role) const;
};

const std::vector<std::string_view>& init_names();

// Fill helpers, usable on their own.
void fill_uniform(Tensor& t, float lo, float hi, Rng& rng);
void fill_normal(Tensor& t, float mean, float std, Rng& rng);
float xavier_uniform_bound(std::size_t fan_in, std::size_t fan_out, float gain);
float xavier_normal_std(std::size_t fan_in, std::size_t fan_out, float gain);
float kaiming_uniform_bound(std::size_t fan, float gain);
float kaiming_normal_std(std::size_t fan, float gain);

}  // namespace lw
