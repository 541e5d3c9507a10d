// Module hooks (node:module register) that let Node 20 load tfjs-core's ES-module sources
// (dist/**/*.js), for bench_wasm.mjs.
//
// Why: tfjs-core's Node entry (dist/tf-core.node.js) registers no gradients; the gradient
// configs ship only as ES modules (dist/register_all_gradients.js and dist/gradients/*.js),
// which the union package @tensorflow/tfjs or a bundler would pull in. Node cannot load them
// as they are: the package has no "type": "module" (so .js means CommonJS) and the files
// import without extensions ('./gradients/Add_grad'). These hooks load those files as ES
// modules and add the ".js". The gradients' ops then come from this ES-module copy of
// tfjs-core, which shares the one engine, environment and kernel/gradient registries with
// the CommonJS copy through globalThis (tfjs-core is built to allow several copies), so the
// kernels that run are the same backend kernels either way.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const marker = '/@tensorflow/tfjs-core/dist/';
const isCoreEsm = (url) => url.startsWith('file:') && url.includes(marker) && !url.endsWith('.node.js');

export async function resolve(specifier, context, nextResolve) {
  if (context.parentURL && isCoreEsm(context.parentURL) && specifier.startsWith('.')) {
    const url = new URL(specifier, context.parentURL);
    for (const candidate of [url.href, `${url.href}.js`, `${url.href}/index.js`]) {
      if (candidate.endsWith('.js') && existsSync(fileURLToPath(candidate))) {
        return { url: candidate, format: 'module', shortCircuit: true };
      }
    }
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (isCoreEsm(url) && url.endsWith('.js')) {
    return nextLoad(url, { ...context, format: 'module' });
  }
  return nextLoad(url, context);
}
