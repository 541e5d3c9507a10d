// Layerwise: the engine as a JavaScript library, for the browser, a Web Worker and Node. This is
// its public entry; the API reference is wasm/layerwise.d.ts and docs/js-api.md, the model spec
// docs/model-spec.md. The work is split by job: load.mjs loads the engine, api.mjs (with
// handles.mjs and optim.mjs) is the API over the bindings, nn.mjs the engine-free lw.nn/lw.init
// spec builder, checks.mjs the argument checks and LayerwiseError, random.mjs the seeded
// generator.
//
//   import { loadLayerwise } from 'layerwise';   // or './engine/layerwise.mjs' in the site
//   const lw = await loadLayerwise();
//   const model = lw.Model.fromSpec({ input: [2], layers: [{ type: 'linear', out: 1 }] });
//   const opt = lw.optim.Adam(model, { lr: 0.01 });
//   const loss = model.trainStep(x, y, batch, lw.loss.MSE(), opt);
//
// or, as the seed article writes it in PyTorch (lw.nn and lw.init only build the spec; the
// engine fills the weights from the spec's seed):
//   const seq = lw.nn.Sequential(lw.nn.Linear(784, 256), lw.nn.ReLU(), lw.nn.Linear(256, 10));
//   seq.apply((m) => { if (m instanceof lw.nn.Linear) { lw.init.xavierUniform_(m.weight); lw.init.zeros_(m.bias); } });
//   const model = lw.Model.fromSpec(seq);   // seq.toSpec({ input: [784], seed: 1 }) is its spec
//
// Optimisers also step parameters of your own, as torch.optim.Adam([w]) does; JavaScript
// computes the gradients (here of an analytic loss surface) and the engine takes the step:
//   const w = new Float32Array([-1.5, 0.5]);
//   const opt = lw.optim.Adam([w], { lr: 0.05 });       // opt.params is [w], opt.model null
//   for (let t = 0; t < 200; ++t) opt.step([grad(w)]);  // updates w in place
export { LayerwiseError } from './checks.mjs';
export { loadLayerwise } from './load.mjs';
export { nn, init } from './nn.mjs';
export { random, shuffled } from './random.mjs';
