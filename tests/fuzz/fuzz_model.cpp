// A model spec, end to end: parse and build it, train one step, then save and load it both
// ways. Whatever builds must train or refuse with lw::Error and give its statistics, and what
// is saved must load back to a model that computes the same outputs, bit for bit, and saves
// the same bytes.
#include <cmath>
#include <optional>
#include <string>

#include "fuzz.hpp"
#include "losses/loss.hpp"
#include "model.hpp"
#include "optim/optimizer.hpp"

namespace {

// Big models are built (the spec checks run) but not trained: a run must stay fast.
constexpr std::size_t kMaxTrained = std::size_t{1} << 16;

void check_round_trips(lw::Model& model, std::span<const float> x, std::size_t batch) {
  using namespace lw;
  const Tensor& forward = model.forward(x, batch);
  const std::vector<float> out(forward.span().begin(), forward.span().end());

  const std::string saved = json::dump(model.to_json());
  Model from_text = Model::from_json(json::parse(saved));
  fuzz::require(json::dump(from_text.to_json()) == saved, "JSON save -> load -> save changed");
  fuzz::require(fuzz::same_bits(from_text.forward(x, batch).span(), out),
                "the model loaded from JSON computes other outputs");

  const std::vector<std::uint8_t> bytes = model.to_binary();
  Model from_bytes = Model::from_binary(bytes);
  fuzz::require(from_bytes.to_binary() == bytes, "binary save -> load -> save changed");
  fuzz::require(fuzz::same_bits(from_bytes.forward(x, batch).span(), out),
                "the model loaded from binary computes other outputs");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace lw;
  std::optional<Model> model;
  try {
    model.emplace(Model::from_spec_text(fuzz::text(data, size)));
  } catch (const Error&) {
    return 0;
  }
  const std::size_t batch = 2;
  if (model->num_params() > kMaxTrained || model->input_size() * batch > kMaxTrained) return 0;

  static const char* const kLosses[] = {"mse", "cross_entropy", "bce", "bce_with_logits"};
  static const char* const kOptimizers[] = {"sgd", "adam", "adamw", "rmsprop"};
  const auto loss = make_loss(kLosses[size % 4]);
  const auto opt = make_optimizer(kOptimizers[(size / 4) % 4]);

  const std::vector<float> x = fuzz::samples(model->input_size() * batch, unsigned(size));
  const std::size_t k = model->output_size();
  std::vector<float> y(loss->target_width(k) * batch);
  for (std::size_t i = 0; i < y.size(); ++i)
    y[i] = loss->name() == "cross_entropy" ? float(i % k) : float(i % 2);  // a class, or 0/1
  try {
    model->train_step(x, y, batch, *loss, *opt);
    // What the views draw, from whatever the step left (a huge step leaves ±inf and NaN).
    for (const LayerStats& s : model->stats(1 + size % 30))
      fuzz::require(s.activations.count > 0, "a layer of the last forward pass has no activations");
  } catch (const Error&) {
    // A refusal (a target the loss cannot take, a batch too big) leaves a usable model.
  }
  // A step may diverge (a bias of 1e34 does): such a model is refused by save, and only it.
  bool finite = true;
  for (Param* p : model->params())
    for (float v : p->value.span()) finite = finite && std::isfinite(v);
  try {
    check_round_trips(*model, x, batch);
  } catch (const Error& e) {
    std::fprintf(stderr, "%s\n", e.what());
    fuzz::require(!finite && std::string_view(e.what()).starts_with("cannot save the model"),
                  "a model that built and trained could not be saved and loaded back");
  }
  return 0;
}
