// Optimiser options: the first byte picks the optimiser, the rest is its options as JSON.
// Options are accepted or refused with lw::Error; accepted ones read back through options()
// to an optimiser with the same options; a refused set() changes nothing; steps never crash.
#include <string>

#include "fuzz.hpp"
#include "optim/optimizer.hpp"
#include "param.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace lw;
  if (size == 0) return 0;
  static const char* const kNames[] = {"sgd", "adam", "adamw", "rmsprop"};
  const char* name = kNames[data[0] % 4];
  json::Value options;
  try {
    options = json::parse(fuzz::text(data + 1, size - 1));
  } catch (const Error&) {
    return 0;
  }

  // As the constructor's options, then as a change to a default optimiser.
  std::unique_ptr<Optimizer> opt;
  try {
    opt = make_optimizer(name, options);
  } catch (const Error&) {
  }
  const auto changed = make_optimizer(name);
  const std::string before = json::dump(changed->options());
  if (!options.is_null()) try {  // null: no options for the constructor, nothing to set()
    changed->set(options);
    fuzz::require(opt != nullptr, "set() took options the constructor refused");
  } catch (const Error&) {
    fuzz::require(opt == nullptr, "the constructor took options set() refused");
    fuzz::require(json::dump(changed->options()) == before, "a refused set() changed options");
  }
  if (!opt) return 0;
  const std::string read = json::dump(opt->options());
  fuzz::require(json::dump(make_optimizer(name, opt->options())->options()) == read,
                "options() does not read back to the same optimiser");

  Param w("0.weight", {3, 2}), b("0.bias", {3});
  const std::vector<float> g = fuzz::samples(6, unsigned(size));
  for (int step = 0; step < 3; ++step) {
    for (std::size_t i = 0; i < 6; ++i) w.grad[i] = g[i], w.value[i] += g[i];
    for (std::size_t i = 0; i < 3; ++i) b.grad[i] = g[i];
    opt->step({&w, &b});
  }
  return 0;
}
