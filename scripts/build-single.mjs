// The playground as one self-contained HTML file: web/index.html with everything it loads
// inside it, so that it works opened from disk (file://), offline, and uploaded as a single
// file to a course platform that takes nothing else. docs/embedding.md says what it is for
// and what it leaves out.
//
// What goes in, and how the page finds it:
// - The page's modules (its <script type="module" src>, and all they import, the views'
//   import() calls included): one ES module bundled by esbuild, inline in a <script>.
// - The training worker (engine/trainer-worker.mjs and its imports, Emscripten's glue
//   included): bundled into one module's text that the page starts as a Blob worker, and
// - the engine (engine/layerwise.wasm): its bytes in base64, compiled once by the page and
//   handed to every worker. Both reach the engine through embedEngine() (web/engine/trainer.mjs),
//   which the bundle's first module calls, before any element starts.
// - The element's stylesheet (playground/playground.css with its @imports): bundled, and handed
//   to web/lib/embedded.js as a Blob URL by that same first module; the page's own stylesheets
//   are inlined as <style>.
// Links to the site's other pages are left out (embedded.js: a file the page does not carry is
// not there). Nothing in the result refers to a file: the build stops if a src or href that is
// not data: remains.
//
// Usage: node scripts/build-single.mjs [OUT]   (default dist/layerwise-playground.html)
// It reads the built engine in web/engine/ (bash scripts/build.sh makes it); build-site.sh runs it.
import { build } from 'esbuild';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WEB = path.join(ROOT, 'web');
const PAGE = 'index.html';
// The stylesheets the page's elements link to themselves, by their path under web/.
const ELEMENT_STYLES = ['playground/playground.css'];
const CARRIED = 'layerwise:carried'; // the generated first module

// Shared esbuild settings: a browser bundle, minified (names kept: error messages print
// constructor names), UTF-8 kept as it is (the Korean strings), no comments kept.
const COMMON = {
  bundle: true,
  write: false,
  minify: true,
  keepNames: true,
  charset: 'utf8',
  legalComments: 'none',
  logLevel: 'warning',
};

/**
 * Writes the one-file playground to `out`; resolves to {out, bytes, gzipBytes}.
 * `web`: the folder to read (default the repository's web/, with the engine built in it).
 */
export async function buildSingle(out = path.join(ROOT, 'dist', 'layerwise-playground.html'), { web = WEB } = {}) {
  const html = await readFile(path.join(web, PAGE), 'utf8');
  const workerSource = await bundleScript(web, { entryPoints: [path.join(web, 'engine', 'trainer-worker.mjs')] });
  const wasm = await readFile(path.join(web, 'engine', 'layerwise.wasm')).catch((err) => {
    throw new Error(`build-single: ${err.message} (build the engine first: bash scripts/build.sh)`);
  });
  const styles = {};
  for (const name of ELEMENT_STYLES) styles[name] = await bundleStyle(path.join(web, name));

  const entries = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*><\/script>\n?/g)];
  if (entries.length === 0) throw new Error(`build-single: ${PAGE} has no <script src> to bundle`);
  const carried = carriedModule({ workerSource, wasm, styles });
  const pageSource = await bundleScript(web, {
    stdin: {
      contents: [CARRIED, ...entries.map((m) => `./${m[1]}`)].map((s) => `import ${JSON.stringify(s)};`).join('\n'),
      resolveDir: web,
      sourcefile: 'one-file-entry.js',
    },
    format: 'esm',
    plugins: [{
      name: 'carried',
      setup(b) {
        b.onResolve({ filter: /^layerwise:carried$/ }, () => ({ path: CARRIED, namespace: 'carried' }));
        b.onLoad({ filter: /.*/, namespace: 'carried' }, () => ({ contents: carried, resolveDir: web, loader: 'js' }));
      },
    }],
  });

  // The page's own HTML first, checked before the bundle goes in (the bundle's text may hold
  // markup of its own, e.g. the Embed button's snippets, which names no file of this page).
  const BUNDLE = '<!--layerwise:bundle-->';
  let page = html.replace(entries[0][0], () => BUNDLE);
  for (const m of entries.slice(1)) page = page.replace(m[0], '');
  page = await inlineLinks(page, web);
  const left = [...page.matchAll(/<(?:script|link|img)\b[^>]*\b(?:src|href)="(?!data:)([^"]*)"/g)].map((m) => m[1]);
  if (left.length) throw new Error(`build-single: the page still refers to ${left.join(', ')}`);
  page = page.replace(BUNDLE, () => `<script type="module">${pageSource}</script>\n`);

  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, page);
  const bytes = Buffer.byteLength(page);
  return { out, bytes, gzipBytes: gzipSync(page, { level: 9 }).length };
}

// The first module of the page's bundle: hands the worker, the engine and the elements'
// stylesheets to the modules that look for them, before any of those modules runs.
function carriedModule({ workerSource, wasm, styles }) {
  return `import { embedEngine } from './engine/trainer.mjs';
import { embedFiles } from './lib/embedded.js';
const styles = ${JSON.stringify(styles)};
embedEngine({
  workerSource: ${JSON.stringify(workerSource)},
  wasmBinary: Uint8Array.from(atob(${JSON.stringify(wasm.toString('base64'))}), (c) => c.charCodeAt(0)),
});
embedFiles(Object.fromEntries(Object.entries(styles).map(([name, text]) =>
  [name, URL.createObjectURL(new Blob([text], { type: 'text/css' }))])));
`;
}

// One ES module's text from esbuild; the Node-only imports (node:*) stay as they are, never
// reached in a browser.
async function bundleScript(web, options) {
  const result = await build({ ...COMMON, format: 'esm', platform: 'browser', external: ['node:*'], absWorkingDir: web, ...options });
  const text = result.outputFiles[0].text;
  // Inline in <script>, the text must not end the element early; esbuild escapes "</script"
  // inside strings, and this checks that nothing else holds it.
  if (/<\/script|<!--/i.test(text)) throw new Error('build-single: a bundle holds "</script" or "<!--", which cannot be inlined');
  return text.trimEnd();
}

// A stylesheet with its @imports, as one text.
async function bundleStyle(file) {
  const result = await build({ ...COMMON, entryPoints: [file], loader: { '.css': 'css' } });
  const text = result.outputFiles[0].text.trimEnd();
  if (/<\/style/i.test(text)) throw new Error(`build-single: ${file} holds "</style"`);
  return text;
}

// The page's own <link>s: a stylesheet becomes a <style> of its text, the icon a data: URL, a
// preload goes (what it named is inside already); data: links stay.
async function inlineLinks(page, web) {
  let result = page;
  for (const [tag, href] of page.matchAll(/<link\b[^>]*\bhref="([^"]+)"[^>]*>\n?/g)) {
    if (href.startsWith('data:')) continue;
    const rel = /\brel="([^"]+)"/.exec(tag)?.[1] ?? '';
    if (rel === 'stylesheet') { const css = await bundleStyle(path.join(web, href)); result = result.replace(tag, () => `<style>${css}</style>\n`); }
    else if (rel === 'icon') {
      const type = /\btype="([^"]+)"/.exec(tag)?.[1] ?? 'image/svg+xml';
      const data = (await readFile(path.join(web, href))).toString('base64');
      result = result.replace(tag, tag.replace(`href="${href}"`, `href="data:${type};base64,${data}"`));
    } else if (rel === 'preload' || rel === 'modulepreload') result = result.replace(tag, '');
    else throw new Error(`build-single: ${PAGE} links to ${href} (rel="${rel}"), which the one file cannot carry`);
  }
  return result;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ? path.resolve(process.argv[2]) : undefined;
  buildSingle(out).then(({ out: file, bytes, gzipBytes }) => {
    const shown = path.relative(process.cwd(), file);
    console.log(`build-single: ${shown.startsWith('..') ? file : shown}, ${bytes} bytes (${gzipBytes} gzipped)`);
  }, (err) => {
    console.error(err.message);
    process.exit(1);
  });
}
