// Every code block of every lesson runs as written, and prints what its comments say.
//
// The lessons show PyTorch beside Layerwise JavaScript. This test takes each lesson's blocks out
// of its content file (imported in Chromium, where the widgets it imports can load) and runs
// them outside the browser, the way a reader who copies them would:
//   - JavaScript: one Node module per lesson, its blocks in the lesson's order, as a reader who
//     pastes them into a console one after another runs them: a later block may use what an
//     earlier one made, and may declare a name again (a top-level `const` or `let` becomes `var`);
//     the blocks' imports go to the top. `'layerwise'` is this package (Node resolves a package's
//     own name), the same engine the pages load.
//   - PyTorch: one Python script per lesson, its blocks in order, under a python3 that has torch
//     (LAYERWISE_PYTHON, else /usr/bin/python3, else python3). Where none has torch the test
//     fails, saying to install Debian's python3-torch; with LAYERWISE_NO_TORCH=1 it only
//     compiles the scripts instead, and says so.
// A comment that holds nothing but numbers (`console.log(model.numParams); // 242762`, or
// `# 0.1234 0.5` on the line after a print) is the output the reader is promised: the numbers
// that print call printed must be the same, to the comment's last digit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { launchBrowser, openPage } from './browser.mjs';
import { startServer } from '../../scripts/serve.mjs';
import { LESSON_IDS } from './lessons-harness.mjs';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const OUT = `${root}build/lesson-code/`;

/** { id: [{ where, torch, js }] }: the English text of every code block of every lesson. */
let blocks;
let server;
let browser;
after(async () => { await browser?.close(); await server?.close(); });
before(async () => {
  server = await startServer({ port: 0 });
  browser = await launchBrowser();
  const { page, context } = await openPage(browser, `${server.url}lessons/index.html?lang=en`);
  blocks = await page.evaluate(async ([base, ids]) => {
    const text = (code) => (typeof code === 'string' ? code : code.en).trim();
    const out = {};
    for (const id of ids) {
      const { default: lesson } = await import(`${base}lessons/content/${id}.js`);
      out[id] = lesson.sections.flatMap((s) => s.blocks.filter((b) => b.code)
        .map((b, i) => ({ where: `${s.id}[${i}]`, torch: text(b.code.torch), js: text(b.code.js) })));
    }
    return out;
  }, [server.url, LESSON_IDS]);
  await context.close();
  await mkdir(OUT, { recursive: true });
});

// --- what a comment promises ------------------------------------------------------------------

const NUMBER = /[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi;
/** The numbers in a text ("242,762" is one number; "1, 2" two). */
const numbers = (text) => (text.replace(/(\d),(?=\d{3}\b)/g, '$1').match(NUMBER) ?? []).map((s) => ({ value: Number(s), text: s }));
/** A comment's text when it holds nothing but numbers (and separators), else null. */
function numericComment(line, mark) {
  const at = line.indexOf(`${mark} `);
  if (at < 0) return null;
  const body = line.slice(at + mark.length).trim();
  return /^[-+\d.,e\s[\]()]+$/i.test(body) && /\d/.test(body) ? body : null;
}
/** Half a unit in the comment's last shown digit (what rounding to that digit may move). */
function tolerance(text) {
  const [mantissa, exponent = '0'] = text.toLowerCase().split('e');
  const decimals = mantissa.includes('.') ? mantissa.split('.')[1].length : 0;
  return 0.5 * 10 ** (Number(exponent) - decimals) * (1 + 1e-9);
}

/**
 * Rewrites a block so that each print call records its line: `print(` / `console.log(` becomes
 * `__log("<block>:<line>", `. Returns { code, expected: [{ key, comment }] }: the numeric comments,
 * each tied to the print on its own line or, for a comment line, on the line before it.
 */
function instrument(code, b, { call, mark }) {
  const lines = code.split('\n');
  const expected = [];
  let lastPrint = null;
  const out = lines.map((line, l) => {
    const key = `${b}:${l}`;
    const printing = line.includes(call);
    const comment = numericComment(line, mark);
    const isComment = line.trim().startsWith(mark);
    if (comment && printing) expected.push({ key, comment, line });
    else if (comment && isComment && lastPrint) expected.push({ key: lastPrint.key, comment, line: lastPrint.line });
    if (printing) lastPrint = { key, line };
    else if (!isComment) lastPrint = null;
    return printing ? line.split(call).join(`__log(${JSON.stringify(key)}, `) : line;
  });
  return { code: out.join('\n'), expected };
}

/** Checks each numeric comment against what its print printed (all of that line's output). */
function compare(id, lang, expected, printed) {
  for (const { key, comment, line } of expected) {
    const got = printed.filter(([k]) => k === key).map(([, text]) => text).join(' ');
    const want = numbers(comment);
    const have = numbers(got);
    const where = `${id} (${lang}) "${line.trim()}" promises "${comment}" and printed "${got}"`;
    assert.equal(have.length, want.length, where);
    want.forEach((w, i) => assert.ok(Math.abs(have[i].value - w.value) <= tolerance(w.text), where));
  }
  return expected.length;
}

// --- JavaScript -------------------------------------------------------------------------------

function jsModule(list) {
  const imports = new Set();
  const expected = [];
  const bodies = list.map(({ js, where }, b) => {
    const kept = js.split('\n').filter((line) => {
      if (!/^import\s/.test(line)) return true;
      imports.add(line.trim());
      return false;
    }).map((line) => line.replace(/^(const|let) /, 'var ')).join('\n');
    const one = instrument(kept, b, { call: 'console.log(', mark: '//' });
    expected.push(...one.expected);
    return `// --- ${where}\n${one.code}`;
  });
  const code = [...imports,
    'const __printed = [];',
    'const __log = (key, ...args) => { __printed.push([key, args.map((a) => (Array.isArray(a) || ArrayBuffer.isView(a) ? `[${Array.from(a).join(", ")}]` : String(a))).join(" ")]); };',
    ...bodies,
    'process.stdout.write("\\n@@printed " + JSON.stringify(__printed) + "\\n");',
  ].join('\n');
  return { code, expected };
}

const printedOf = (stdout) => JSON.parse(stdout.split('\n@@printed ').at(-1));

for (const id of LESSON_IDS) {
  test(`${id}: every JavaScript block runs against the engine and prints what its comments say`, async (t) => {
    const list = blocks[id].filter((b) => b.js);
    if (!list.length) return t.diagnostic('no JavaScript blocks');
    const { code, expected } = jsModule(list);
    const file = `${OUT}${id}.mjs`;
    await writeFile(file, code);
    let stdout;
    try {
      ({ stdout } = await run(process.execPath, [file], { cwd: root, timeout: 120_000, maxBuffer: 1 << 24 }));
    } catch (e) {
      assert.fail(`${id}: the lesson's JavaScript (${file}) failed:\n${e.stderr || e.message}`);
    }
    const n = compare(id, 'js', expected, printedOf(stdout));
    t.diagnostic(`${list.length} blocks, ${n} printed numbers checked`);
  });
}

// --- PyTorch ----------------------------------------------------------------------------------

/** The first python3 that imports torch, or null (then the scripts are only compiled). */
async function pythonWithTorch() {
  for (const python of [process.env.LAYERWISE_PYTHON, '/usr/bin/python3', 'python3'].filter(Boolean)) {
    try {
      await run(python, ['-c', 'import torch']);
      return python;
    } catch { /* next */ }
  }
  return null;
}
const torchPython = pythonWithTorch();

function pyScript(list) {
  const expected = [];
  const bodies = list.map(({ torch, where }, b) => {
    const one = instrument(torch, b, { call: 'print(', mark: '#' });
    expected.push(...one.expected);
    return `# --- ${where}\n${one.code}`;
  });
  const code = [
    'import json as __json',
    '__printed = []',
    'def __log(key, *args, **kwargs):',
    '    __printed.append([key, " ".join(str(a) for a in args)])',
    ...bodies,
    'print("\\n@@printed " + __json.dumps(__printed))',
  ].join('\n');
  return { code, expected };
}

for (const id of LESSON_IDS) {
  test(`${id}: every PyTorch block runs under torch and prints what its comments say`, async (t) => {
    const list = blocks[id].filter((b) => b.torch);
    if (!list.length) return t.diagnostic('no PyTorch blocks');
    const { code, expected } = pyScript(list);
    const file = `${OUT}${id}.py`;
    await writeFile(file, code);
    const python = await torchPython;
    if (!python) {
      assert.equal(process.env.LAYERWISE_NO_TORCH, '1', 'no python3 here can import torch: install Debian\'s '
        + 'python3-torch (bash scripts/setup.sh does), or set LAYERWISE_NO_TORCH=1 to only compile the lessons\' PyTorch');
      await run('python3', ['-m', 'py_compile', file]);
      return t.diagnostic('LAYERWISE_NO_TORCH=1 and no python3 with torch here: the PyTorch blocks were compiled, not run');
    }
    let stdout;
    try {
      ({ stdout } = await run(python, [file], { cwd: OUT, timeout: 300_000, maxBuffer: 1 << 24 }));
    } catch (e) {
      assert.fail(`${id}: the lesson's PyTorch (${file}) failed under ${python}:\n${e.stderr || e.message}`);
    }
    const n = compare(id, 'torch', expected, printedOf(stdout));
    t.diagnostic(`${list.length} blocks, ${n} printed numbers checked (${python})`);
  });
}
