#include "activation.hpp"

#include <cmath>

#include "../error.hpp"
#include "identity.hpp"
#include "leaky_relu.hpp"
#include "relu.hpp"
#include "sigmoid.hpp"
#include "softmax.hpp"
#include "tanh.hpp"

namespace lw {

const std::vector<std::string_view>& activation_names() {
  static const std::vector<std::string_view> names = {"relu",    "leaky_relu", "sigmoid",
                                                      "tanh",    "softmax",    "identity"};
  return names;
}

bool is_activation(std::string_view name) {
  for (auto n : activation_names())
    if (n == name) return true;
  return false;
}

std::unique_ptr<Activation> make_activation(const json::Value& spec, std::string_view where) {
  const std::string& type = spec.find("type")->as_string(std::string(where) + ".type");
  if (type == "leaky_relu") {
    json::check_keys(spec, where, {"type", "slope"});
    float slope = 0.01f;
    if (const json::Value* s = spec.find("slope")) {
      double v = s->as_number(std::string(where) + ".slope");
      check(std::isfinite(v) && v >= 0 && v < 1, where, ".slope must be in [0, 1), got ", v);
      slope = static_cast<float>(v);
    }
    return std::make_unique<LeakyRelu>(slope);
  }
  json::check_keys(spec, where, {"type"});
  if (type == "relu") return std::make_unique<Relu>();
  if (type == "sigmoid") return std::make_unique<Sigmoid>();
  if (type == "tanh") return std::make_unique<Tanh>();
  if (type == "softmax") return std::make_unique<Softmax>();
  if (type == "identity") return std::make_unique<Identity>();
  fail(where, ": unknown activation \"", type, "\"");
}

}  // namespace lw
