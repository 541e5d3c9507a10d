// Model: a Sequential stack of layers built from the JSON model spec of docs/model-spec.md,
//   {"input":[2],"layers":[{"type":"linear","out":8},{"type":"tanh"},
//    {"type":"linear","out":1},{"type":"sigmoid"}],
//    "init":{"weight":"xavier_uniform","bias":"zeros"},"seed":42}
// with training (one batch, or a whole epoch over data held here), prediction, evaluation,
// save/load (versioned JSON and a compact binary) and per-layer statistics for the views.
//
// Every public call validates its input before it changes anything, and reports a bad
// spec, shape or value with lw::Error.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "json.hpp"
#include "layers/layer.hpp"
#include "losses/loss.hpp"
#include "optim/optimizer.hpp"
#include "random.hpp"
#include "stats.hpp"

namespace lw {

struct Evaluation {
  double loss = 0;
  std::optional<double> accuracy;  // for classification only
};

struct TrainOptions {
  float l1 = 0.0f;  // L1 penalty λ·Σ|w| over weights (not biases) added to the loss
};

// One example's training step, every number of it (Model::trace_step): what a backprop
// stepper shows. Tensors hold one sample ([1, ...]).
struct LayerTrace {
  Tensor output;       // the layer's output: a Linear layer's is the pre-activation z
  Tensor grad_output;  // ∂L/∂output; after a Linear layer this is each unit's δ = ∂L/∂z
};
struct ParamTrace {
  std::string name;     // "0.weight", ...
  Tensor value;         // before the update
  Tensor grad;          // ∂L/∂p as the optimiser receives it (with the L1 term, if any)
  Tensor updated;       // after the update
  std::vector<std::pair<std::string, Tensor>> state;  // the optimiser's buffers after it
};
struct StepTrace {
  Tensor input;
  double loss = 0;     // the loss of this example
  double penalty = 0;  // the L1 penalty added to it (0 without L1)
  long long step = 0;  // the optimiser's step number t of this update (1 for the first)
  std::vector<LayerTrace> layers;
  std::vector<ParamTrace> params;
};

class Model {
 public:
  // Validates the spec (names, sizes, the 2^26-parameter limit) and initialises from its seed.
  static Model from_spec(const json::Value& spec);
  static Model from_spec_text(std::string_view text);

  Model(Model&&) noexcept;
  Model& operator=(Model&&) noexcept;
  ~Model();

  json::Value spec() const;
  const Shape& input_shape() const { return input_; }
  const Shape& output_shape() const { return output_; }
  std::size_t input_size() const { return shape_size(input_); }
  std::size_t output_size() const { return shape_size(output_); }
  std::size_t num_layers() const { return layers_.size(); }
  Layer& layer(std::size_t i) { return *layers_[i]; }
  // Every parameter, in spec order (the layers own them; the list is built once).
  const ParamList& params();
  std::size_t num_params() const;

  // Initialises every parameter again from `seed` (the spec's seed is updated to it).
  void reset(std::uint64_t seed);

  // x holds batch × input_size floats; returns [batch, ...output] (a view of a buffer owned
  // by the model, valid until the next call).
  const Tensor& forward(std::span<const float> x, std::size_t batch, bool training = false);
  // Room for n input values in the model's own input buffer. forward and train_step read an
  // x that starts here in place, without copying it (what the wasm bindings hand JavaScript
  // to write a batch into). Valid until the next call on the model.
  float* input_buffer(std::size_t n);
  // One step: zero_grad, forward, loss, backward, optimiser step; returns the mean loss.
  float train_step(std::span<const float> x, std::span<const float> y, std::size_t batch,
                   const Loss& loss, Optimizer& opt, const TrainOptions& options = {});
  // One training step on one example (x: input_size values, y: its target), recorded: every
  // layer's output and ∂L/∂output, every parameter's gradient and updated value, and the
  // optimiser's state after the update. Dropout is off (a step a learner can replay). With
  // apply false the model, its buffers and the optimiser are left exactly as they were (the
  // step is worked out on copies of them); with apply true the update is made, as train_step
  // would make it on a batch of this one example.
  StepTrace trace_step(std::span<const float> x, std::span<const float> y, const Loss& loss,
                       Optimizer& opt, const TrainOptions& options = {}, bool apply = false);
  // One pass over n samples in shuffled batches (the last may be smaller); returns the mean
  // of the batch losses weighted by batch size.
  float train_epoch(std::span<const float> x, std::span<const float> y, std::size_t n,
                    std::size_t batch, const Loss& loss, Optimizer& opt,
                    const TrainOptions& options = {});
  // Mean loss over n samples (evaluated in chunks, dropout off) and, if classification,
  // the fraction classified right.
  Evaluation evaluate(std::span<const float> x, std::span<const float> y, std::size_t n,
                      const Loss& loss, bool classification);

  // Save and load. JSON: {"format":"layerwise-model","version":1,"spec":{...},
  // "parameters":[{"name":"0.weight","shape":[8,2],"data":[...]},...]}. Binary: see model_io.cpp.
  json::Value to_json() const;
  static Model from_json(const json::Value& saved);
  std::vector<std::uint8_t> to_binary() const;
  static Model from_binary(std::span<const std::uint8_t> bytes);
  // Copies values in, checking names and shapes against this model; all or nothing.
  void set_parameters(const std::vector<std::pair<std::string, std::span<const float>>>& values);

  // Output of layer i in the last forward pass ([batch, ...]); what a neuron view draws.
  const Tensor& layer_output(std::size_t i) const;

  // Per-layer statistics of the last forward (activations) and backward (gradients).
  std::vector<LayerStats> stats(std::size_t bins = 20) const;

  Rng& rng() { return rng_; }

 private:
  Model() = default;
  void build(const json::Value& spec);
  void check_batch(std::span<const float> x, std::size_t batch, const char* what) const;
  // A batch's activations must fit the 2^26-value limit at every layer.
  void check_activations(std::size_t batch, const char* what) const;
  // acts_[0] = x as [batch, ...input] (x is checked already; it may live in acts_[0] itself).
  void take_input(std::span<const float> x, std::size_t batch);
  void run_forward(bool training);  // acts_[0] must hold the batch
  void backward();
  // Forward (training), loss, backward, L1, optimiser step on the batch in acts_[0].
  double fit_batch(const float* y, const Loss& loss, Optimizer& opt,
                   const TrainOptions& options, const ParamList& ps);

  Shape input_, output_;
  std::size_t widest_ = 1;  // the most values one sample holds at any layer (memory per sample)
  json::Value init_;  // the spec's "init" object (may be null)
  std::uint64_t seed_ = 42;
  std::vector<std::unique_ptr<Layer>> layers_;
  ParamList params_;  // the layers' parameters, in order
  std::vector<Tensor> acts_;   // acts_[0] input, acts_[i + 1] output of layer i
  std::vector<Tensor> grads_;  // grads_[i] = ∂L/∂acts_[i]
  std::vector<std::uint32_t> order_;
  Tensor batch_x_, batch_y_;
  Rng rng_;
  bool has_backward_ = false;
};

}  // namespace lw
