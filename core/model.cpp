#include "model.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "activations/activation.hpp"
#include "error.hpp"
#include "init/init.hpp"
#include "kernels/reduce.hpp"
#include "layers/activation_layer.hpp"
#include "layers/conv2d.hpp"
#include "layers/dropout.hpp"
#include "layers/flatten.hpp"
#include "layers/linear.hpp"
#include "layers/pool2d.hpp"

namespace lw {

namespace {

constexpr std::size_t kMaxLayers = 64;
constexpr long long kMaxWidth = 1 << 16;
constexpr std::size_t kEvalChunk = 256;

const char* kLayerTypes =
    "linear, relu, leaky_relu, sigmoid, tanh, softmax, identity, dropout, flatten, conv2d, "
    "maxpool2d, avgpool2d";

// "forward: x value 3 is nan; ...": the message is built only when a value fails.
void check_finite(std::span<const float> v, const char* what, const char* array) {
  if (f32_all_finite(v.data(), v.size())) return;  // vectorised; the scan below finds which
  for (std::size_t i = 0; i < v.size(); ++i)
    if (!std::isfinite(v[i]))
      fail(what, ": ", array, " value ", i, " is ", v[i], "; every value must be finite");
}

// The spec's {"weight": ..., "bias": ...} object (either may be absent), parsed.
std::pair<Init, Init> parse_inits(const json::Value* init, const std::string& where) {
  Init weight, bias;
  if (!init || init->is_null()) return {weight, bias};
  json::check_keys(*init, where, {"weight", "bias"});
  if (const json::Value* w = init->find("weight")) weight = Init::parse(*w, where + ".weight");
  if (const json::Value* b = init->find("bias")) bias = Init::parse(*b, where + ".bias");
  return {weight, bias};
}

// Adds λ·Σ|w| over the weight matrices to the loss and λ·sign(w) to their gradients.
double apply_l1(const ParamList& params, float l1) {
  if (l1 == 0.0f) return 0.0;
  double penalty = 0;
  for (Param* p : params) {
    if (p->value.ndim() < 2) continue;  // biases are not penalised
    for (std::size_t i = 0; i < p->size(); ++i) {
      float w = p->value[i];
      penalty += std::fabs(w);
      p->grad[i] += l1 * float((w > 0) - (w < 0));
    }
  }
  return l1 * penalty;
}

// Length, finiteness and the loss's own rules for the targets of n samples, all up front,
// so no step is taken on data that a later batch would reject.
void check_targets(const Loss& loss, std::span<const float> y, std::size_t n, std::size_t k,
                   const char* what) {
  std::size_t want = n * loss.target_width(k);
  check(y.size() == want, what, ": y has ", y.size(), " values, but ", n, " samples need ", want,
        " for ", loss.name());
  check_finite(y, what, "y");
  loss.check_target(y.data(), y.size(), n, k);
}

void check_train_options(const TrainOptions& o) {
  check(std::isfinite(o.l1) && o.l1 >= 0, "l1 must be a finite number >= 0, got ", o.l1);
}

}  // namespace

Model::Model(Model&&) noexcept = default;
Model& Model::operator=(Model&&) noexcept = default;
Model::~Model() = default;

Model Model::from_spec_text(std::string_view text) { return from_spec(json::parse(text)); }

Model Model::from_spec(const json::Value& spec) {
  Model m;
  m.build(spec);
  m.reset(m.seed_);
  return m;
}

void Model::build(const json::Value& spec) {
  json::check_keys(spec, "spec", {"input", "layers", "init", "seed"});
  const json::Value* input = spec.find("input");
  check(input != nullptr, "spec needs \"input\": the shape of one sample, e.g. [2]");
  const auto& dims = input->as_array("spec.input");
  check(!dims.empty() && dims.size() <= 3, "spec.input must have 1 to 3 dimensions, got ",
        dims.size());
  for (std::size_t i = 0; i < dims.size(); ++i)
    input_.push_back(static_cast<std::size_t>(
        dims[i].as_int("spec.input[" + std::to_string(i) + "]", 1, kMaxElements)));
  widest_ = shape_size(input_);

  const json::Value* layers = spec.find("layers");
  check(layers != nullptr, "spec needs \"layers\": a list such as [{\"type\":\"linear\",\"out\":1}]");
  const auto& list = layers->as_array("spec.layers");
  check(!list.empty(), "spec.layers is empty; a model needs at least one layer");
  check(list.size() <= kMaxLayers, "spec.layers has ", list.size(), " layers; at most ",
        kMaxLayers, " are allowed");

  Shape shape = input_;
  std::uint64_t params = 0;  // 64-bit even in wasm, where size_t is 32: no overflow past 2^32
  for (std::size_t i = 0; i < list.size(); ++i) {
    std::string where = "spec.layers[" + std::to_string(i) + "]";
    const json::Value& l = list[i];
    l.as_object(where);
    const json::Value* t = l.find("type");
    check(t != nullptr, where, " needs a \"type\"; allowed: ", kLayerTypes);
    const std::string& type = t->as_string(where + ".type");
    std::unique_ptr<Layer> layer;
    if (type == "linear") {
      json::check_keys(l, where, {"type", "out", "init"});
      const json::Value* out = l.find("out");
      check(out != nullptr, where, " (linear) needs \"out\": the number of output features");
      auto n = static_cast<std::size_t>(out->as_int(where + ".out", 1, kMaxWidth));
      json::Value init = l.find("init") ? *l.find("init") : json::Value();
      parse_inits(&init, where + ".init");  // validate now
      layer = std::make_unique<Linear>(i, n, std::move(init));
    } else if (type == "conv2d") {
      std::string what = where + " (conv2d)";
      json::check_keys(l, where, {"type", "out", "kernel", "stride", "padding", "init"});
      const json::Value* out = l.find("out");
      check(out != nullptr, what, " needs \"out\": the number of output channels");
      auto n = static_cast<std::size_t>(out->as_int(where + ".out", 1, kMaxWidth));
      Window window = Window::parse(l, where, what, false);
      json::Value init = l.find("init") ? *l.find("init") : json::Value();
      parse_inits(&init, where + ".init");  // validate now
      layer = std::make_unique<Conv2d>(i, n, window, std::move(init));
    } else if (type == "maxpool2d" || type == "avgpool2d") {
      json::check_keys(l, where, {"type", "kernel", "stride", "padding"});
      Window window = Window::parse(l, where, where + " (" + type + ")", true);
      layer = std::make_unique<Pool2d>(
          type == "maxpool2d" ? Pool2d::Kind::Max : Pool2d::Kind::Avg, i, window);
    } else if (type == "dropout") {
      json::check_keys(l, where, {"type", "p"});
      double p = 0.5;
      if (const json::Value* pv = l.find("p")) p = pv->as_number(where + ".p");
      check(p >= 0 && p < 1, where, ".p must be in [0, 1), got ", p);
      layer = std::make_unique<Dropout>(static_cast<float>(p));
    } else if (type == "flatten") {
      json::check_keys(l, where, {"type"});
      layer = std::make_unique<Flatten>();
    } else if (is_activation(type)) {
      layer = std::make_unique<ActivationLayer>(make_activation(l, where));
    } else {
      fail(where, ": unknown layer type \"", type, "\"; allowed: ", kLayerTypes);
    }
    if (type == "linear")
      check(shape.size() == 1, where, " (linear) needs a flat input, got shape ", shape_str(shape),
            "; put a flatten layer before it");
    // Reject the 2^26 limit before any weight is allocated.
    if (auto* weighted = dynamic_cast<WeightedLayer*>(layer.get())) {
      params += weighted->param_count(shape);
      check(params <= kMaxElements, "the model would have more than 2^26 (67,108,864) ",
            "parameters; make the layers smaller");
    }
    shape = layer->configure(shape);
    check(shape_size(shape) <= kMaxElements, where, " (", type, ") would output ",
          shape_str(shape), " per sample, more than the limit of 2^26 values");
    widest_ = std::max(widest_, shape_size(shape));
    layers_.push_back(std::move(layer));
  }
  output_ = shape;

  const json::Value* init = spec.find("init");
  parse_inits(init, "spec.init");
  if (init) init_ = *init;
  if (const json::Value* s = spec.find("seed"))
    seed_ = static_cast<std::uint64_t>(s->as_int("spec.seed", 0, (1LL << 53)));
  acts_.resize(layers_.size() + 1);
  grads_.resize(layers_.size() + 1);
  for (auto& l : layers_)
    for (Param* p : l->params()) params_.push_back(p);
}

json::Value Model::spec() const {
  json::Value::Array input, layers;
  for (auto d : input_) input.emplace_back(d);
  for (const auto& l : layers_) layers.push_back(l->spec());
  json::Value s = json::Value::Object{{"input", input}, {"layers", layers}};
  if (!init_.is_null()) s["init"] = init_;
  s["seed"] = seed_;
  return s;
}

const ParamList& Model::params() { return params_; }

std::size_t Model::num_params() const {
  std::size_t n = 0;
  for (auto& l : layers_)
    for (Param* p : l->params()) n += p->size();
  return n;
}

void Model::reset(std::uint64_t seed) {
  // Every layer's initialisers first, checked against its fans (a bias that asks for Xavier,
  // draws too large for a float32), so a refusal changes no weight, seed or random stream.
  auto [weight, bias] = parse_inits(&init_, "spec.init");
  std::vector<std::pair<Init, Init>> inits(layers_.size());
  for (std::size_t i = 0; i < layers_.size(); ++i) {
    auto* layer = dynamic_cast<WeightedLayer*>(layers_[i].get());
    if (!layer) continue;
    auto& [w, b] = inits[i] = {weight, bias};
    if (const json::Value* own = layer->init().find("weight")) w = Init::parse(*own, "init.weight");
    if (const json::Value* own = layer->init().find("bias")) b = Init::parse(*own, "init.bias");
    w.check_fits(layer->fan_in(), layer->fan_out(), InitRole::Weight, layer->weight().name);
    b.check_fits(layer->fan_in(), layer->fan_out(), InitRole::Bias, layer->bias().name);
  }
  seed_ = seed;
  rng_.reseed(seed);
  for (std::size_t i = 0; i < layers_.size(); ++i) {
    auto* layer = dynamic_cast<WeightedLayer*>(layers_[i].get());
    if (!layer) continue;
    std::size_t fan_in = layer->fan_in(), fan_out = layer->fan_out();
    inits[i].first.fill(layer->weight().value, fan_in, fan_out, InitRole::Weight, rng_);
    inits[i].second.fill(layer->bias().value, fan_in, fan_out, InitRole::Bias, rng_);
    layer->weight().grad.fill(0.0f);
    layer->bias().grad.fill(0.0f);
  }
  has_backward_ = false;
}

void Model::check_batch(std::span<const float> x, std::size_t batch, const char* what) const {
  check(batch >= 1, what, ": batch must be at least 1");
  check(batch <= kMaxElements / input_size(), what, ": batch of ", batch, " is too large");
  if (x.size() != batch * input_size())
    fail(what, ": x has ", x.size(), " values, but a batch of ",
        batch, " samples of shape ", shape_str(input_), " needs ", batch * input_size());
  check_finite(x, what, "x");
}

void Model::check_activations(std::size_t batch, const char* what) const {
  check(batch <= kMaxElements / widest_, what, ": batch of ", batch, " is too large; the widest ",
        "layer holds ", widest_, " values per sample and a batch may hold at most 2^26 of them");
}

const Tensor& Model::forward(std::span<const float> x, std::size_t batch, bool training) {
  check_batch(x, batch, "forward");
  check_activations(batch, "forward");
  take_input(x, batch);
  run_forward(training);
  return acts_.back();
}

float* Model::input_buffer(std::size_t n) {
  acts_[0].resize({n});
  return acts_[0].data();
}

void Model::take_input(std::span<const float> x, std::size_t batch) {
  // Same size as before, so the storage (and an x written into it) stays where it is.
  acts_[0].resize_batch(batch, input_);
  if (x.data() != acts_[0].data()) std::copy(x.begin(), x.end(), acts_[0].data());
}

void Model::run_forward(bool training) {
  Pass pass{training, &rng_};
  for (std::size_t i = 0; i < layers_.size(); ++i)
    layers_[i]->forward(acts_[i + 1], acts_[i], pass);
}

void Model::backward() {
  for (std::size_t i = layers_.size(); i-- > 0;)
    layers_[i]->backward(i > 0 ? &grads_[i] : nullptr, grads_[i + 1], acts_[i], acts_[i + 1]);
  has_backward_ = true;
}

float Model::train_step(std::span<const float> x, std::span<const float> y, std::size_t batch,
                        const Loss& loss, Optimizer& opt, const TrainOptions& options) {
  check_batch(x, batch, "train_step");
  check_activations(batch, "train_step");
  check_train_options(options);
  check_targets(loss, y, batch, output_size(), "train_step");
  take_input(x, batch);
  return static_cast<float>(fit_batch(y.data(), loss, opt, options, params_));
}

StepTrace Model::trace_step(std::span<const float> x, std::span<const float> y,
                            const Loss& loss, Optimizer& opt, const TrainOptions& options,
                            bool apply) {
  check_batch(x, 1, "trace_step");
  check_train_options(options);
  check_targets(loss, y, 1, output_size(), "trace_step");
  if (!apply) {  // on copies of the model and the optimiser, which stay exactly as they were
    Model copy;
    copy.build(spec());
    ParamList from = params(), to = copy.params();
    for (std::size_t i = 0; i < from.size(); ++i)
      std::copy_n(from[i]->value.data(), from[i]->size(), to[i]->value.data());
    std::unique_ptr<Optimizer> ahead = opt.clone();
    return copy.trace_step(x, y, loss, *ahead, options, true);
  }

  StepTrace trace;
  acts_[0].resize_batch(1, input_);
  std::copy(x.begin(), x.end(), acts_[0].data());
  trace.input = acts_[0].clone();
  run_forward(false);
  const Tensor& pred = acts_.back();
  loss.check_prediction(pred);
  trace.loss = loss.value(pred, y.data());
  ParamList ps = params();
  loss.grad(grads_.back(), pred, y.data());
  zero_grad(ps);
  backward();
  trace.penalty = apply_l1(ps, options.l1);
  for (std::size_t i = 0; i < layers_.size(); ++i)
    trace.layers.push_back({acts_[i + 1].clone(), grads_[i + 1].clone()});
  for (Param* p : ps) trace.params.push_back({p->name, p->value.clone(), p->grad.clone(), {}, {}});

  opt.step(ps);
  trace.step = opt.steps();
  std::vector<std::string_view> names = opt.state_names();
  for (std::size_t i = 0; i < ps.size(); ++i) {
    trace.params[i].updated = ps[i]->value.clone();
    const std::vector<Tensor>& buffers = opt.state(i);
    for (std::size_t b = 0; b < names.size() && b < buffers.size(); ++b)
      if (!names[b].empty()) trace.params[i].state.emplace_back(names[b], buffers[b].clone());
  }
  return trace;
}

double Model::fit_batch(const float* y, const Loss& loss, Optimizer& opt,
                        const TrainOptions& options, const ParamList& ps) {
  run_forward(true);
  const Tensor& pred = acts_.back();
  loss.check_prediction(pred);
  double value = loss.value(pred, y);
  loss.grad(grads_.back(), pred, y);
  zero_grad(ps);
  backward();
  value += apply_l1(ps, options.l1);
  opt.step(ps);
  return value;
}

float Model::train_epoch(std::span<const float> x, std::span<const float> y, std::size_t n,
                         std::size_t batch, const Loss& loss, Optimizer& opt,
                         const TrainOptions& options) {
  check(n >= 1, "train_epoch: there are no samples to train on");
  check_batch(x, n, "train_epoch");
  check_train_options(options);
  check(batch >= 1, "train_epoch: batch must be at least 1");
  batch = std::min(batch, n);  // as PyTorch's DataLoader: one short batch when batch > n
  check_activations(batch, "train_epoch");
  std::size_t in = input_size(), tw = loss.target_width(output_size());
  check_targets(loss, y, n, output_size(), "train_epoch");

  order_.resize(n);
  std::iota(order_.begin(), order_.end(), 0u);
  rng_.shuffle(order_);
  double total = 0;
  const ParamList& ps = params_;
  for (std::size_t start = 0; start < n; start += batch) {
    std::size_t b = std::min(batch, n - start);
    acts_[0].resize_batch(b, input_);
    batch_y_.resize({b * tw});
    for (std::size_t r = 0; r < b; ++r) {
      std::uint32_t s = order_[start + r];
      std::copy_n(x.data() + s * in, in, acts_[0].data() + r * in);
      std::copy_n(y.data() + s * tw, tw, batch_y_.data() + r * tw);
    }
    total += fit_batch(batch_y_.data(), loss, opt, options, ps) * double(b);
  }
  return static_cast<float>(total / double(n));
}

Evaluation Model::evaluate(std::span<const float> x, std::span<const float> y, std::size_t n,
                           const Loss& loss, bool classification) {
  check(n >= 1, "evaluate: there are no samples");
  check_batch(x, n, "evaluate");
  std::size_t in = input_size(), tw = loss.target_width(output_size());
  check_targets(loss, y, n, output_size(), "evaluate");
  double total = 0;
  std::size_t correct = 0;
  const std::size_t chunk = std::min(kEvalChunk, kMaxElements / widest_);
  for (std::size_t start = 0; start < n; start += chunk) {
    std::size_t b = std::min(chunk, n - start);
    const Tensor& pred = forward(x.subspan(start * in, b * in), b, false);
    const float* t = y.data() + start * tw;
    loss.check_prediction(pred);
    total += loss.value(pred, t) * double(b);
    if (classification) correct += loss.correct(pred, t);
  }
  Evaluation e;
  e.loss = total / double(n);
  if (classification) e.accuracy = double(correct) / double(n);
  return e;
}

const Tensor& Model::layer_output(std::size_t i) const {
  check(i < layers_.size(), "layer_output: layer ", i, " does not exist; the model has ",
        layers_.size(), " layers (0 .. ", layers_.size() - 1, ")");
  return acts_[i + 1];
}

std::vector<LayerStats> Model::stats(std::size_t bins) const {
  check(bins >= 1 && bins <= 1024, "stats: bins must be between 1 and 1024, got ", bins);
  std::vector<LayerStats> out;
  for (std::size_t i = 0; i < layers_.size(); ++i) {
    LayerStats s;
    s.type = std::string(layers_[i]->type());
    if (auto* layer = dynamic_cast<WeightedLayer*>(layers_[i].get())) {
      s.weights = Summary::of(layer->weight().value.span(), bins);
      if (has_backward_) s.weight_grads = Summary::of(layer->weight().grad.span(), bins);
    }
    const Tensor& a = acts_[i + 1];
    s.activations = Summary::of(a.span(), bins);
    if (has_backward_) s.activation_grads = Summary::of(grads_[i + 1].span(), bins);
    if (!a.empty()) {
      std::size_t rows = a.dim(0), cols = a.size() / rows;
      if (s.type == "relu") {
        std::size_t dead = 0;
        for (std::size_t c = 0; c < cols; ++c) {
          bool all_zero = true;
          for (std::size_t r = 0; r < rows && all_zero; ++r) all_zero = a[r * cols + c] <= 0.0f;
          dead += all_zero;
        }
        s.dead = double(dead) / double(cols);
      }
      if (s.type == "sigmoid" || s.type == "tanh") {
        std::size_t sat = 0;
        for (float v : a.span())
          sat += s.type == "tanh" ? std::fabs(v) > 0.99f : (v < 0.01f || v > 0.99f);
        s.saturated = double(sat) / double(a.size());
      }
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace lw
