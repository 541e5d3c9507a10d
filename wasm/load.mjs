// Loading the engine: find layerwise.wasm (next to this module, or at options.wasmUrl), read
// and compile it — fetch in a browser or a worker, the file system in Node, where fetch cannot
// read file: URLs (docs/toolchain.md, trap 4) — once per URL, then instantiate Emscripten's
// glue (layerwise-glue.mjs) with it and hand the module to makeApi (api.mjs). A failure to
// load becomes a LayerwiseError that says where it looked and how to build the engine.
import createLayerwiseModule from './layerwise-glue.mjs';
import { LayerwiseError } from './checks.mjs';
import { makeApi } from './api.mjs';

const compiled = new Map(); // wasm URL -> Promise<WebAssembly.Module>

/**
 * Loads the engine and resolves to `lw`, the API of docs/js-api.md.
 * options.wasmUrl: where layerwise.wasm is (default: next to this module);
 * options.wasmBinary: its bytes; options.wasmModule: an already compiled WebAssembly.Module
 * (e.g. posted to a worker by the page that compiled it).
 */
export async function loadLayerwise(options = {}) {
  try {
    const module = await compileEngine(options);
    // Emscripten's glue waits for receive() and has no way to hear of a failure: race it.
    let fail;
    const failed = new Promise((_, reject) => (fail = reject));
    const ready = createLayerwiseModule({
      // The glue would look for the file beside itself, which a Blob worker (the one-file
      // build) has no "beside" for; the module above is all it needs.
      locateFile: (name) => name,
      instantiateWasm(imports, receive) {
        // catch, not then's second argument: a throw inside receive() must reject too.
        WebAssembly.instantiate(module, imports).then(receive).catch(fail);
        return {};
      },
    });
    return makeApi(await Promise.race([ready, failed]));
  } catch (err) {
    if (err instanceof LayerwiseError) throw err;
    throw new LayerwiseError(`could not start the engine: ${err?.message ?? err}`, { cause: err });
  }
}

function compileEngine({ wasmUrl, wasmBinary, wasmModule } = {}) {
  if (wasmModule instanceof WebAssembly.Module) return wasmModule;
  if (wasmBinary) return WebAssembly.compile(wasmBinary);
  const url = new URL(wasmUrl ?? 'layerwise.wasm', import.meta.url).href;
  if (!compiled.has(url)) {
    const promise = fetchAndCompile(url);
    promise.catch(() => compiled.delete(url)); // a later call may try again
    compiled.set(url, promise);
  }
  return compiled.get(url);
}

async function fetchAndCompile(url) {
  let response;
  try {
    if (url.startsWith('file:')) {
      // Node: fetch() cannot read files, so read it (browsers never reach here with file:).
      const { readFile } = await import('node:fs/promises');
      return await WebAssembly.compile(await readFile(new URL(url)));
    }
    response = await fetch(url);
  } catch (err) {
    throw new LayerwiseError(`could not load the engine from ${url}: ${err.message}` +
      (err.code === 'ENOENT' ? ' (build it with: bash scripts/build.sh)' : ''), { cause: err });
  }
  if (!response.ok) {
    throw new LayerwiseError(`could not load the engine from ${url}: HTTP ${response.status}`);
  }
  // Streaming compilation needs the right MIME type; without it, compile the bytes.
  const type = response.headers.get('Content-Type') ?? '';
  if (type.startsWith('application/wasm') && WebAssembly.compileStreaming) {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}
