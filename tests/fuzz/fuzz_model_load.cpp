// The model loaders: a saved model as binary (first byte even) or JSON text (odd). Any bytes
// either load or throw lw::Error; what loads computes a forward pass and saves what it loaded.
#include <optional>

#include "fuzz.hpp"
#include "model.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace lw;
  if (size == 0) return 0;
  const bool binary = data[0] % 2 == 0;
  std::optional<Model> model;
  try {
    if (binary)
      model.emplace(Model::from_binary({data + 1, size - 1}));
    else
      model.emplace(Model::from_json(json::parse(fuzz::text(data + 1, size - 1))));
  } catch (const Error&) {
    return 0;
  }
  try {
    const std::vector<float> x = fuzz::samples(model->input_size(), 7);
    const Tensor& out = model->forward(x, 1);
    fuzz::require(out.size() == model->output_size(), "forward gave the wrong number of outputs");
    const std::vector<std::uint8_t> bytes = model->to_binary();
    fuzz::require(Model::from_binary(bytes).to_binary() == bytes,
                  "a loaded model saves bytes that load differently");
    const std::string saved = json::dump(model->to_json());
    fuzz::require(json::dump(Model::from_json(json::parse(saved)).to_json()) == saved,
                  "a loaded model saves JSON that loads differently");
  } catch (const Error& e) {
    std::fprintf(stderr, "%s\n", e.what());
    fuzz::require(false, "a model that loaded could not run or be saved");
  }
  return 0;
}
