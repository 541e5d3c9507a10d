// The npm package: `import { loadLayerwise } from 'layerwise'` works in Node through
// package.json "exports" — from inside the package (a self-reference), and from a project
// that installed the packed tarball (npm pack, then npm install --offline in a temp folder),
// whose TypeScript finds the types through the same "exports".
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { engineUrl, rootUrl } from './helpers.mjs';

const root = fileURLToPath(rootUrl);

// Runs a program; on failure, the error carries what it printed (tsc writes errors to stdout).
function run(file, args, cwd) {
  try {
    return execFileSync(file, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    throw new Error(`${file} ${args.join(' ')} failed:\n${err.stdout}${err.stderr}`);
  }
}
let dir;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lw-package-'));
});
after(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

test("package.json: exports, types and files point at the built library", async () => {
  const pkg = JSON.parse(await readFile(new URL('package.json', rootUrl), 'utf8'));
  assert.equal(pkg.name, 'layerwise');
  assert.equal(pkg.type, 'module');
  assert.deepEqual(pkg.exports, { '.': { types: './web/engine/layerwise.d.ts', default: './web/engine/layerwise.mjs' } });
  assert.equal(pkg.types, './web/engine/layerwise.d.ts');
  assert.deepEqual(pkg.files, ['web/engine/']);
  // The engine needs nothing at run time; what the site or the tests use (KaTeX, Playwright,
  // TypeScript, TF.js) is a devDependency, so installing the package fetches nothing more.
  assert.deepEqual(pkg.dependencies ?? {}, {}, 'the engine package declares no run-time dependencies');
});

test("self-reference: import 'layerwise' from inside the package", async () => {
  assert.equal(import.meta.resolve('layerwise'), engineUrl.href);
  const { loadLayerwise, LayerwiseError, nn } = await import('layerwise');
  const lw = await loadLayerwise();
  assert.equal(lw.LayerwiseError, LayerwiseError);
  const model = lw.Model.fromSpec(nn.Linear(2, 1).apply(lw.init.xavierUniform), { seed: 1 });
  assert.equal(model.forward([0, 0], 1)[0], 0); // zero bias
  model.dispose();
});

test('npm pack ships web/engine; the installed package loads and trains in Node, and type-checks', async (t) => {
  const npm = (args, cwd) => run('npm', args, cwd);
  const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', dir], root));
  const files = packed.files.map((f) => f.path).sort();
  // The engine: every module and declaration file of wasm/ (the entry imports the others; the
  // trainer's client and worker ship beside it), Emscripten's glue and the binary.
  const modules = (await readdir(new URL('wasm/', rootUrl))).filter((f) => /\.(mjs|d\.ts)$/.test(f));
  for (const f of ['layerwise.mjs', 'layerwise.d.ts', 'load.mjs', 'api.mjs', 'nn.mjs', 'checks.mjs', 'random.mjs',
    'trainer.mjs', 'trainer.d.ts', 'trainer-worker.mjs']) {
    assert.ok(modules.includes(f), `wasm/${f} exists`);
  }
  const engine = [...modules, 'layerwise-glue.mjs', 'layerwise.wasm'].map((f) => `web/engine/${f}`);
  for (const f of ['package.json', ...engine]) assert.ok(files.includes(f), `${f} is not in the package`);
  assert.ok(files.every((f) => f === 'package.json' || /^README/i.test(f) || /^LICEN[CS]E/i.test(f) || f.startsWith('web/engine/')),
    `only web/engine ships: ${files.join(', ')}`);
  t.diagnostic(`${packed.filename}: ${packed.size} B packed, ${packed.unpackedSize} B unpacked, ${files.length} files`);

  const app = join(dir, 'app');
  await mkdir(app);
  await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  npm(['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', join(dir, packed.filename)], app);

  await writeFile(join(app, 'main.mjs'), `
    import { loadLayerwise, nn, init } from 'layerwise';
    const lw = await loadLayerwise();
    const seq = nn.Sequential(nn.Linear(2, 4), nn.Tanh(), nn.Linear(4, 1), nn.Sigmoid()).apply(init.xavierUniform);
    const model = lw.Model.fromSpec(seq, { seed: 1 });
    const opt = lw.optim.Adam(model, { lr: 0.05 });
    const data = lw.data.generate('xor', { n: 64, seed: 1 });
    const first = model.trainEpoch(data, 16, 'bce', opt);
    let last = first;
    for (let i = 0; i < 50; i++) last = model.trainEpoch(data, 16, 'bce', opt);
    console.log(JSON.stringify({ first, last, url: import.meta.resolve('layerwise') }));
  `);
  const out = JSON.parse(run(process.execPath, ['main.mjs'], app));
  assert.ok(out.last < out.first, `loss ${out.first} → ${out.last}`);
  assert.match(out.url, /\/node_modules\/layerwise\/web\/engine\/layerwise\.mjs$/);

  // A TypeScript project finds the declarations through the installed package's "exports".
  await writeFile(join(app, 'main.ts'), `
    import { loadLayerwise, nn, type Model } from 'layerwise';
    const lw = await loadLayerwise();
    const model: Model = lw.Model.fromSpec(nn.Sequential(nn.Linear(2, 1)));
    const y: Float32Array = model.forward([1, 2], 1);
    // @ts-expect-error: forward needs a batch size
    model.forward([1, 2]);
    console.log(y);
  `);
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  run(process.execPath, [tsc, '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext',
    '--target', 'es2022', '--lib', 'es2022,dom', 'main.ts'], app);
});
