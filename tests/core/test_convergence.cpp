// Convergence: the engine actually learns. Each toy problem must reach ≥ 97% training
// accuracy (and sine regression a small MSE) within a fixed number of epochs, with Adam and
// with SGD + momentum — the two optimisers a learner meets first.
#include <catch2/catch.hpp>

#include <string>

#include "data/dataset.hpp"
#include "model.hpp"

using namespace lw;

namespace {

struct Run {
  const char* optimizer;
  const char* options;
};
const Run kRuns[] = {{"adam", R"({"lr":0.02})"}, {"sgd", R"({"lr":0.05,"momentum":0.9})"}};

std::string mlp_spec(std::size_t inputs, const char* activation, std::size_t width,
                     std::size_t outputs, const char* head) {
  std::string act = std::string(R"({"type":")") + activation + R"("})";
  std::string s = R"({"input":[)" + std::to_string(inputs) + R"(],"layers":[)";
  s += R"({"type":"linear","out":)" + std::to_string(width) + "}," + act + ",";
  s += R"({"type":"linear","out":)" + std::to_string(width) + "}," + act + ",";
  s += R"({"type":"linear","out":)" + std::to_string(outputs) + "}";
  if (head) s += std::string(R"(,{"type":")") + head + R"("})";
  return s + R"(],"init":{"weight":"xavier_uniform","bias":"zeros"},"seed":1})";
}

// Trains on (standardised) data and returns the final training evaluation.
Evaluation train(const char* dataset, const Run& run, int epochs, float noise = 0.05f) {
  Dataset d = generate(dataset, 400, noise, 5);
  Standardizer::fit(d.x).apply(d.x);
  bool multi = d.classes > 2;
  Model m = Model::from_spec_text(multi ? mlp_spec(2, "tanh", 16, d.classes, nullptr)
                                        : mlp_spec(2, "tanh", 16, 1, "sigmoid"));
  auto loss = make_loss(multi ? "cross_entropy" : "bce");
  auto opt = make_optimizer(run.optimizer, json::parse(run.options));
  for (int e = 0; e < epochs; ++e) m.train_epoch(d.x.span(), d.y.span(), d.size(), 16, *loss, *opt);
  return m.evaluate(d.x.span(), d.y.span(), d.size(), *loss, true);
}

}  // namespace

TEST_CASE("classification problems reach 97% training accuracy", "[convergence]") {
  const std::pair<const char*, int> problems[] = {
      {"xor", 60}, {"circle", 60}, {"moons", 80}, {"blobs3", 40}, {"spiral", 400}};
  for (const Run& run : kRuns) {
    for (auto [name, epochs] : problems) {
      Evaluation e = train(name, run, epochs);
      INFO(name << " with " << run.optimizer << ": loss " << e.loss << ", accuracy "
                << *e.accuracy);
      CHECK(*e.accuracy >= 0.97);
    }
  }
}

TEST_CASE("sine regression reaches a small MSE", "[convergence]") {
  for (const Run& run : kRuns) {
    Dataset d = generate("sine", 300, 0.0f, 2);
    std::vector<std::string> features = {"x1"};
    Tensor x = feature_map(d.x, features);
    Standardizer::fit(x).apply(x);
    Model m = Model::from_spec_text(mlp_spec(1, "tanh", 24, 1, nullptr));
    auto mse = make_loss("mse");
    auto opt = make_optimizer(run.optimizer, json::parse(run.options));
    double first = m.evaluate(x.span(), d.y.span(), d.size(), *mse, false).loss;
    for (int e = 0; e < 300; ++e) m.train_epoch(x.span(), d.y.span(), d.size(), 16, *mse, *opt);
    double last = m.evaluate(x.span(), d.y.span(), d.size(), *mse, false).loss;
    INFO(run.optimizer << ": MSE " << first << " -> " << last);
    // Var(sin x) over a whole number of periods is 1/2: an MSE of 0.01 explains 98% of it.
    CHECK(last < 0.01);
  }
}
