// Lesson 1 (the input layer) in a browser: it loads in both languages without console errors,
// its formulas render, every widget works, it fits a phone, and each task is done the way a
// learner would do it, and not before. Numbers the lesson states are computed here: the photo's
// three grids against the PNG decoded here (zlib and PNG's filters, no browser), the inputs'
// places by the [C, H, W] formula, parameter counts by the layers' formulas.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { PHONE, formulas, lessonSuite, sideways } from './lessons-harness.mjs';

const suite = lessonSuite();
const SHOTS = 'test-results/lessons';

/** Draws a polyline (points in pad units) on the drawing pad with the mouse. */
async function drawOnPad(page, points) {
  const box = await page.locator('[data-widget="pixels"] canvas.pad').boundingBox();
  const at = ([x, y]) => [box.x + x * box.width, box.y + y * box.height];
  await page.mouse.move(...at(points[0]));
  await page.mouse.down();
  for (const p of points.slice(1)) await page.mouse.move(...at(p), { steps: 4 });
  await page.mouse.up();
}

/**
 * An 8-bit RGB PNG (not interlaced) as { width, height, rgb: Uint8Array of width·height·3 },
 * decoded by the PNG specification: the IDAT chunks inflated, then each row unfiltered.
 */
function decodePNG(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'a PNG signature');
  let at = 8;
  let header;
  const data = [];
  while (at < bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), depth: body[8], colour: body[9], interlace: body[12] };
    if (type === 'IDAT') data.push(body);
    assert.ok(!['iCCP', 'gAMA', 'cHRM'].includes(type), `no colour chunk that a browser would convert the values by (${type})`);
    at += 12 + length;
  }
  assert.deepEqual([header.depth, header.colour, header.interlace], [8, 2, 0], '8-bit RGB, not interlaced');
  const { width, height } = header;
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * 3;
  const rgb = new Uint8Array(height * stride);
  const paeth = (a, b, c) => {
    const p = a + b - c;
    const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
  };
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x];
      const a = x >= 3 ? rgb[y * stride + x - 3] : 0;
      const b = y > 0 ? rgb[(y - 1) * stride + x] : 0;
      const c = x >= 3 && y > 0 ? rgb[(y - 1) * stride + x - 3] : 0;
      const predicted = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter];
      assert.ok(predicted !== undefined, `row ${y}: filter ${filter}`);
      rgb[y * stride + x] = (v + predicted) & 255;
    }
  }
  return { width, height, rgb };
}
const PHOTO = decodePNG(readFileSync(new URL('../../web/lessons/assets/astronaut-32.png', import.meta.url)));
/** The decoded photo's [R, G, B] at row r, column c. */
const photoAt = (r, c) => [...PHOTO.rgb.subarray((r * PHOTO.width + c) * 3, (r * PHOTO.width + c) * 3 + 3)];
/** Input i of a flattened [C, H, W] picture: channel, row, column. */
const chw = (i, h, w) => ({ k: Math.floor(i / (h * w)), r: Math.floor((i % (h * w)) / w), c: i % w });
/** Input i of a flattened [H, W, C] picture (an image file's order). */
const hwc = (i, w, channels) => ({ k: i % channels, r: Math.floor(i / channels / w), c: Math.floor(i / channels) % w });

/** Clicks (or hovers, with move) the cell (r, c) of one of the photo widget's four pictures (0: the photo). */
async function atCell(page, { r, c }, { frame = 0, click = true } = {}) {
  const target = page.locator('[data-widget="rgb"] .frame').nth(frame);
  await target.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const box = await target.boundingBox();
  const x = box.x + ((c + 0.5) * box.width) / 32;
  const y = box.y + ((r + 0.5) * box.height) / 32;
  if (click) await page.mouse.click(x, y);
  else await page.mouse.move(x, y);
}
const photoState = (page) => page.evaluate(() => {
  const w = window.layerwiseLesson.widgets.rgb;
  return { cursor: w.cursor, picked: w.picked, readout: [...w.root.querySelectorAll('.readout')].map((p) => p.textContent) };
});

const pixels = (page) => page.evaluate(() => {
  const w = window.layerwiseLesson.widgets.pixels;
  return { nonZero: w.nonZero, source: w.source, sum: w.image.reduce((a, b) => a + b, 0) };
});

async function fillSize(page, values) {
  const fields = page.locator('[data-widget="size"] input[type="number"]');
  await fields.nth(0).fill(String(values.height));
  await fields.nth(1).fill(String(values.width));
  await page.locator('[data-widget="size"] select').selectOption(String(values.channels));
  await fields.nth(2).fill(String(values.neurons));
  if (values.kernel !== undefined) await fields.nth(3).fill(String(values.kernel));
  if (values.filters !== undefined) await fields.nth(4).fill(String(values.filters));
}
const fcParams = (inputs, n) => inputs * n + n;
const convParams = (k, channels, filters) => k * k * channels * filters + filters;

for (const lang of ['en', 'ko']) {
  test(`input (${lang}): loads cleanly, formulas render, every widget works, fits a phone`, async () => {
    const { page, errors, close } = await suite.open('input', lang);
    const k = await formulas(page);
    assert.ok(k.rendered > 0, 'formulas rendered');
    assert.equal(k.broken, 0, 'no KaTeX errors');

    // the drawing: the example fills the grid with ink in [0, 1]
    assert.deepEqual(await pixels(page), { nonZero: 0, source: null, sum: 0 });
    await page.locator('[data-widget="pixels"] button').nth(2).click();
    const drawn = await pixels(page);
    assert.equal(drawn.source, 'example');
    assert.ok(drawn.nonZero > 40 && drawn.nonZero < 784, `example lights ${drawn.nonZero} inputs`);

    // the calculator, the vectors
    await fillSize(page, { height: 32, width: 32, channels: 3, neurons: 100 });
    const size = await page.evaluate(() => window.layerwiseLesson.widgets.size.values());
    assert.equal(size.inputs, 32 * 32 * 3);
    assert.equal(size.params, 32 * 32 * 3 * 100 + 100);
    const row = await page.evaluate(() => window.layerwiseLesson.widgets.vectors.row());
    assert.deepEqual(row.x, [34, 175, 1, 0, 0]);
    assert.ok(Math.abs(row.z[0] - (34 - 40) / 12) < 1e-12 && Math.abs(row.z[1] - (175 - 168) / 9) < 1e-12);
    // min-max scaling with the table's range the note states (age 18 to 90, height 140 to 200)
    assert.ok(Math.abs(row.m[0] - (34 - 18) / (90 - 18)) < 1e-12 && Math.abs(row.m[1] - (175 - 140) / (200 - 140)) < 1e-12);
    assert.deepEqual(row.m.slice(2), [1, 0, 0], 'the one-hot city left as it is');
    const note = await page.locator('[data-widget="vectors"] .note-small').first().textContent();
    for (const n of ['18', '90', '140', '200', '40 ± 12', '168 ± 9']) assert.ok(note.includes(n), `the note states ${n}`);
    const shownRow = await page.locator('[data-widget="vectors"] .vec').nth(2).textContent();
    assert.match(shownRow, new RegExp(`\\[${((34 - 18) / 72).toFixed(2)}, ${((175 - 140) / 60).toFixed(2)}, 1, 0, 0\\]`));

    // the photo: its first cell read out in this language
    const [cellLine] = (await photoState(page)).readout;
    const [r0, g0, b0] = photoAt(22, 8);
    assert.equal(cellLine, lang === 'en' ? `Row 22, column 8: R ${r0}, G ${g0}, B ${b0}` : `22행 8열: R ${r0}, G ${g0}, B ${b0}`);
    const bag = await page.evaluate(() => window.layerwiseLesson.widgets.vectors.words());
    assert.equal(bag.vector.reduce((a, b) => a + b, 0), bag.tokens.length, 'every word counted once');
    assert.equal(bag.same, true);

    // both playgrounds train
    for (const id of ['raw', 'scaled']) {
      const d = await suite.step(page, id, 5);
      assert.equal(d.epoch, 5);
      assert.ok(Number.isFinite(d.trainLoss) && Number.isFinite(d.testLoss), `${id} loss finite`);
    }
    await suite.screenshot(page, `${SHOTS}/input-${lang}-desktop.png`);
    assert.deepEqual(errors, []);
    await close();

    const phone = await suite.open('input', lang, { viewport: PHONE });
    await phone.page.locator('[data-widget="pixels"] button').nth(2).click();
    await suite.step(phone.page, 'raw', 5);
    await suite.step(phone.page, 'scaled', 5);
    const overflow = await sideways(phone.page);
    assert.ok(overflow <= 0, `no sideways scrolling at 390 px (overflow ${overflow}px)`);
    await suite.screenshot(phone.page, `${SHOTS}/input-${lang}-phone.png`);
    assert.deepEqual(phone.errors, []);
    await phone.close();
  });
}

test('input: the drawing and lens tasks', async () => {
  const { page, errors, close } = await suite.open('input', 'en');
  assert.equal(await suite.taskDone(page, 'draw'), false);
  assert.equal(await suite.taskDone(page, 'index'), false);

  // the example button does not count as drawing
  await page.locator('[data-widget="pixels"] button').nth(2).click();
  assert.ok((await pixels(page)).nonZero >= 80);
  assert.equal(await suite.taskDone(page, 'draw'), false, 'the example is not the learner\'s drawing');
  await page.locator('[data-widget="pixels"] button').nth(1).click(); // clear

  // a straight 1 is too little ink
  await drawOnPad(page, [[0.5, 0.2], [0.5, 0.8]]);
  const one = await pixels(page);
  assert.equal(one.source, 'pen');
  assert.ok(one.nonZero < 80, `a 1 lights ${one.nonZero}`);
  assert.equal(await suite.taskDone(page, 'draw'), false);
  // a 0 drawn large is enough
  const ring = Array.from({ length: 33 }, (_, i) => [0.5 + 0.22 * Math.cos(i * Math.PI / 16), 0.5 + 0.32 * Math.sin(i * Math.PI / 16)]);
  await page.locator('[data-widget="pixels"] button').nth(1).click();
  await drawOnPad(page, ring);
  assert.ok((await pixels(page)).nonZero >= 80);
  await suite.waitTask(page, 'draw');

  // the lens: with the keyboard, from the centre (row 14, column 14 = x[406]) to x[500]
  const grid = page.locator('[data-widget="pixels"] canvas.grid');
  await grid.focus();
  const cursor = () => page.evaluate(() => window.layerwiseLesson.widgets.pixels.view.cursor);
  assert.deepEqual(await cursor(), { r: 14, c: 14 });
  assert.equal(await suite.taskDone(page, 'index'), false, 'x[406] is not x[500]');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
  assert.deepEqual(await cursor(), { r: 17, c: 24 });
  assert.equal(17 * 28 + 24, 500);
  await suite.waitTask(page, 'index');
  const readout = await page.locator('[data-widget="pixels"] .grid-readout').textContent();
  assert.match(readout, /x\[500\]/);
  assert.deepEqual(errors, []);
  await close();
});

test('input: the photo is three grids of the PNG\'s numbers; the x[2100] task', async () => {
  const { page, errors, close } = await suite.open('input', 'en');
  assert.equal(PHOTO.width * PHOTO.height * 3, 3072);
  // every pixel the widget reads, and every pixel its four pictures show, is the file's
  const shown = await page.evaluate(() => {
    const w = window.layerwiseLesson.widgets.rgb;
    const canvases = [...w.root.querySelectorAll('.frame canvas')];
    return {
      size: w.size,
      values: Array.from({ length: 32 * 32 }, (_, p) => w.pixel(Math.floor(p / 32), p % 32)).flat(),
      drawn: canvases.map((cv) => Array.from(cv.getContext('2d').getImageData(0, 0, 32, 32).data)),
    };
  });
  assert.equal(shown.size, PHOTO.width);
  assert.deepEqual(shown.values, [...PHOTO.rgb]);
  for (let p = 0; p < 32 * 32; p++) {
    const rgb = [...PHOTO.rgb.subarray(p * 3, p * 3 + 3)];
    assert.deepEqual(shown.drawn[0].slice(p * 4, p * 4 + 4), [...rgb, 255], `photo pixel ${p}`);
    for (let k = 0; k < 3; k++) {
      const want = [0, 0, 0, 255];
      want[k] = rgb[k];
      assert.deepEqual(shown.drawn[k + 1].slice(p * 4, p * 4 + 4), want, `channel ${k} pixel ${p}`);
    }
  }
  // what the text says: the orange suit (where the widget starts) is bright in red, dark in
  // blue; the pale background (row 1, column 20) bright in all three
  const [sr, , sb] = photoAt(22, 8);
  assert.ok(sr >= 200 && sb <= 80, `suit ${photoAt(22, 8)}`);
  assert.ok(photoAt(1, 20).every((v) => v >= 170), `background ${photoAt(1, 20)}`);

  // the read-out: the three values, their inputs at k·1024 + 32r + c, value / 255
  const readout = async (r, c) => {
    const [line, inputs] = (await photoState(page)).readout;
    const v = photoAt(r, c);
    assert.equal(line, `Row ${r}, column ${c}: R ${v[0]}, G ${v[1]}, B ${v[2]}`);
    assert.equal(inputs, `As inputs (÷ 255): ${v.map((x, k) => `x[${k * 1024 + 32 * r + c}] = ${(x / 255).toFixed(3)}`).join(', ')}`);
  };
  await readout(22, 8);
  // the 5 × 5 numbers around it, per channel; blank past the picture's edge
  const near = () => page.$$eval('[data-widget="rgb"] table.near', (ts) => ts.map((t) => [...t.rows].map((row) => [...row.cells].map((td) => td.textContent))));
  let tables = await near();
  for (let k = 0; k < 3; k++) {
    tables[k].forEach((row, i) => row.forEach((text, j) => assert.equal(text, String(photoAt(22 - 2 + i, 8 - 2 + j)[k]))));
  }
  await atCell(page, { r: 0, c: 31 }, { frame: 2 });   // a corner, clicked on the green grid
  await readout(0, 31);
  tables = await near();
  assert.deepEqual(tables[1][0], ['', '', '', '', ''], 'above row 0: nothing');
  assert.deepEqual(tables[1][2], [...[29, 30, 31].map((c) => String(photoAt(0, c)[1])), '', ''], 'row 0, columns 29 to 31, then nothing');
  const count = await page.locator('[data-widget="rgb"] .lw-readout').textContent();
  assert.ok(count.includes(`= ${(3 * 32 * 32).toLocaleString('en-US')} inputs`), count);

  // the task: x[2100] is blue, row 1, column 20 in [C, H, W]; [H, W, C] would say red, row 21, column 28
  const target = chw(2100, 32, 32);
  assert.deepEqual(target, { k: 2, r: 1, c: 20 });
  assert.equal(target.k * 1024 + target.r * 32 + target.c, 2100);
  const fileOrder = hwc(2100, 32, 3);
  assert.deepEqual(fileOrder, { k: 0, r: 21, c: 28 });
  assert.equal((fileOrder.r * 32 + fileOrder.c) * 3 + fileOrder.k, 2100);
  assert.equal(await suite.taskDone(page, 'channel'), false);
  await atCell(page, fileOrder);
  assert.deepEqual((await photoState(page)).picked, { r: 21, c: 28 });
  assert.equal(await suite.taskDone(page, 'channel'), false, 'the file\'s order is not the tensor\'s');
  // passing over the pixel with the mouse previews it but does not pick it
  await atCell(page, target, { frame: 3, click: false });
  const hovered = await photoState(page);
  assert.deepEqual(hovered.cursor, { r: 1, c: 20 });
  assert.deepEqual(hovered.picked, { r: 21, c: 28 });
  assert.match(hovered.readout[1], /x\[2100\]/);
  assert.equal(await suite.taskDone(page, 'channel'), false, 'a hover is not a pick');
  // leaving the pictures shows the picked pixel again
  await page.mouse.move(5, 5);
  assert.deepEqual((await photoState(page)).cursor, { r: 21, c: 28 });
  // with the keys, from row 21, column 28: up 20 (Shift: 4 at a time), left 8
  await page.locator('[data-widget="rgb"] .frame').first().focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+ArrowUp');
  for (let i = 0; i < 2; i++) await page.keyboard.press('Shift+ArrowLeft');
  assert.deepEqual((await photoState(page)).picked, { r: 1, c: 20 });
  await suite.waitTask(page, 'channel');
  assert.deepEqual(errors, []);
  await close();
});

test('input: a photo that cannot be loaded is said so, in the reader\'s language, and the rest of the lesson works', async () => {
  const { page, errors, close } = await suite.open('input', 'ko');
  await page.route('**/assets/astronaut-32.png', (route) => route.abort());
  await page.reload();
  await suite.ready(page);
  const [line] = (await photoState(page)).readout;
  assert.match(line, /^사진을 불러오지 못했습니다\(.+\)\. 페이지를 새로 고쳐 다시 시도해 보세요\.$/);
  assert.equal(await page.locator('[data-widget="rgb"] .mark:not([hidden])').count(), 0, 'no marks on empty grids');
  assert.equal(await suite.taskDone(page, 'channel'), false);
  await fillSize(page, { height: 224, width: 224, channels: 3, neurons: 256 });
  await suite.waitTask(page, 'photo');
  assert.deepEqual(errors.filter((e) => !/astronaut-32\.png|Failed to load resource/.test(e)), []);
  await close();
});

test('input: the photo-size tasks', async () => {
  const { page, errors, close } = await suite.open('input', 'en');
  assert.equal(await suite.taskDone(page, 'photo'), false);
  assert.equal(await suite.taskDone(page, 'budget'), false);
  // greyscale is not the colour photo
  await fillSize(page, { height: 224, width: 224, channels: 1, neurons: 256 });
  assert.equal((await page.evaluate(() => window.layerwiseLesson.widgets.size.values())).inputs, 224 * 224);
  assert.equal(224 * 224, 50176);
  assert.equal(await suite.taskDone(page, 'photo'), false);
  await fillSize(page, { height: 224, width: 224, channels: 3, neurons: 256 });
  await suite.waitTask(page, 'photo');
  const v = await page.evaluate(() => window.layerwiseLesson.widgets.size.values());
  assert.equal(v.inputs, 150528);
  assert.equal(v.inputs, 3 * 224 * 224);
  assert.equal(v.params, 150528 * 256 + 256);
  assert.equal(v.params, 38535424);
  assert.ok(Math.abs(v.params / (784 * 256 + 256) - 190) < 2, 'about 190 times the digit layer');

  // the largest square colour photo under a million first-layer parameters
  const params = (s) => 3 * s * s * 256 + 256;
  let largest = 1;
  while (params(largest + 1) < 1e6) largest++;
  assert.equal(largest, 36);
  assert.equal(params(36), 995584);
  assert.equal(params(37), 1051648);
  await fillSize(page, { height: 37, width: 37, channels: 3, neurons: 256 });
  assert.equal(await suite.taskDone(page, 'budget'), false, '37 is over the budget');
  await fillSize(page, { height: 35, width: 35, channels: 3, neurons: 256 });
  assert.equal(await suite.taskDone(page, 'budget'), false, '35 is not the largest');
  await fillSize(page, { height: 36, width: 36, channels: 3, neurons: 256 });
  await suite.waitTask(page, 'budget');

  // a fully connected first layer against a 3 × 3 convolution with 64 filters, on 224 × 224 × 3
  const values = () => page.evaluate(() => window.layerwiseLesson.widgets.size.values());
  await fillSize(page, { height: 224, width: 224, channels: 3, neurons: 256, kernel: 3, filters: 64 });
  const photo = await values();
  assert.equal(photo.params, fcParams(3 * 224 * 224, 256));
  assert.equal(photo.convParams, convParams(3, 3, 64));
  assert.equal(convParams(3, 3, 64), 1792);
  const line = (i) => page.locator('[data-widget="size"] dd').nth(i).textContent();
  assert.equal(await line(2), `3 × 3 × 3 × 64 + 64 = ${convParams(3, 3, 64).toLocaleString('en-US')}`);
  // "about 21,500 times fewer", and the convolution does not grow with the picture
  assert.equal(Math.round(photo.params / photo.convParams / 100) * 100, 21500);
  await fillSize(page, { height: 1024, width: 1024, channels: 3, neurons: 256, kernel: 3, filters: 64 });
  const big = await values();
  assert.equal(big.params, fcParams(3 * 1024 * 1024, 256));
  assert.equal(big.convParams, photo.convParams);
  await fillSize(page, { height: 28, width: 28, channels: 1, neurons: 256, kernel: 5, filters: 8 });
  assert.equal((await values()).convParams, convParams(5, 1, 8));
  // a filter larger than the picture is refused with what to do
  await fillSize(page, { height: 4, width: 6, channels: 1, neurons: 256, kernel: 5, filters: 8 });
  assert.equal((await values()).convParams, null);
  assert.equal(await line(2), '–');
  assert.match(await page.locator('[data-widget="size"] [role="alert"]').textContent(), /at most 4/);
  assert.deepEqual(errors, []);
  await close();
});

test('input: the text\'s and the recap\'s numbers', async () => {
  const { page, errors, close } = await suite.open('input', 'en');
  const lesson = await page.evaluate(() => import('./content/input.js').then(({ default: l }) => ({
    text: JSON.stringify(l.sections),
    code: l.sections.flatMap((s) => s.blocks.filter((b) => b.code).map((b) => b.code)),
    recap: l.recap,
  })));
  // the worked comparison: 150,528 inputs, 38,535,424 against 1,792
  const fc = fcParams(3 * 224 * 224, 256);
  const conv = convParams(3, 3, 64);
  for (const n of [3 * 224 * 224, fc, conv]) assert.ok(lesson.text.includes(`${n.toLocaleString('en-US').replace(/,/g, '{,}')}`), `the formula shows ${n}`);
  assert.ok(lesson.text.includes('224 \\\\cdot 224 = 50{,}176'), 'pixels are not inputs: 50,176 vs 150,528 kept');
  assert.equal(224 * 224, 50176);
  // the code promises the same numbers
  assert.ok(lesson.code.some((c) => c.torch.en.includes(`# ${fc} ${conv}`) && c.js.en.includes(`// ${fc} ${conv}`)));
  for (const { js } of lesson.code) {
    for (const lang of ['en', 'ko']) assert.ok(js[lang].trim().startsWith("import { loadLayerwise } from 'layerwise';\nconst lw = await loadLayerwise();"), `${lang}: ${js[lang].slice(0, 40)}`);
  }

  const q = (id) => lesson.recap.find((x) => x.id === id);
  const right = (id) => q(id).choices[q(id).answer].en;
  assert.ok(lesson.recap.length >= 3 && lesson.recap.length <= 5);
  // a 64 × 64 colour photo: 3·64·64 inputs; the 256 neurons' weights are a wrong answer
  assert.ok(right('channels').startsWith((3 * 64 * 64).toLocaleString('en-US')));
  assert.ok(q('channels').choices.some((c) => c.en.startsWith((3 * 64 * 64 * 256).toLocaleString('en-US'))));
  // x[1024] of a 32 × 32 RGB picture: green at (0, 0); the file's order would put it at (10, 21)
  assert.deepEqual(chw(1024, 32, 32), { k: 1, r: 0, c: 0 });
  assert.match(right('order'), /green value of row 0, column 0/);
  const filed = hwc(1024, 32, 3);
  assert.deepEqual(filed, { k: 1, r: 10, c: 21 });
  assert.ok(q('order').choices.some((c, i) => i !== q('order').answer && c.en.includes(`row ${filed.r}, column ${filed.c}`)));
  // 448 × 448: the Linear layer's count, the convolution's unchanged
  assert.ok(q('grow').why.en.includes(fcParams(3 * 448 * 448, 256).toLocaleString('en-US').replace(/,/g, '{,}')));
  assert.ok(Math.abs(fcParams(3 * 448 * 448, 256) / fc - 4) < 1e-3);
  assert.match(right('grow'), new RegExp(`the same ${conv.toLocaleString('en-US')}`));
  // a test value past the training range: (90 − 20) / (70 − 20)
  assert.ok(right('minmax').startsWith(`${(90 - 20) / (70 - 20)}:`));
  assert.ok(q('minmax').choices.some((c) => c.en.startsWith(`${(90 - 70) / (70 - 20)}:`)), 'measured from the maximum: a wrong answer');
  assert.deepEqual(errors, []);
  await close();
});

for (const lang of ['en', 'ko']) {
  test(`input (${lang}): the bag-of-words task`, async () => {
    const { page, errors, close } = await suite.open('input', lang);
    const box = page.locator('[data-widget="vectors"] input.sentence');
    assert.equal(await suite.taskDone(page, 'order'), false);
    const [changed, reordered] = lang === 'en'
      ? ['the dog chased a cat', 'the cat chased the dog']
      : ['개가 고양이를 보았다', '고양이를 개가 쫓았다'];
    await box.fill(changed);
    assert.equal(await suite.taskDone(page, 'order'), false, 'another vector');
    await box.fill(lang === 'en' ? 'The dog chased the cat.' : '개가 고양이를 쫓았다.');
    assert.equal(await suite.taskDone(page, 'order'), false, 'the example itself');
    await box.fill(reordered);
    await suite.waitTask(page, 'order');
    assert.deepEqual(errors, []);
    await close();
  });
}

test('input: standardised vs raw inputs, and fixing the raw run', async () => {
  const { page, errors, close } = await suite.open('input', 'en');
  assert.equal(await suite.taskDone(page, 'compare'), false);
  assert.equal(await suite.taskDone(page, 'rawfix'), false);
  const scaled = await suite.step(page, 'scaled', 60);
  assert.ok(scaled.testAccuracy >= 0.95, `standardised: ${scaled.testAccuracy}`);
  assert.equal(await suite.taskDone(page, 'compare'), false, 'the raw run has not trained yet');
  const raw = await suite.step(page, 'raw', 60);
  assert.ok(raw.testAccuracy < 0.9, `raw: ${raw.testAccuracy}`);
  await suite.waitTask(page, 'compare');
  assert.equal(await suite.taskDone(page, 'rawfix'), false, 'the raw run is below 95%');

  // turning standardisation on in the raw playground does not count for the fix
  await suite.setState(page, 'raw', { standardize: true });
  await suite.step(page, 'raw', 30);
  assert.equal(await suite.taskDone(page, 'rawfix'), false);
  // a smaller learning rate on raw inputs does
  await suite.setState(page, 'raw', { standardize: false, lr: 0.1 });
  await page.evaluate(() => window.layerwiseLesson.widgets.raw.element.reset());
  const fixed = await suite.step(page, 'raw', 60);
  assert.equal(fixed.epoch, 60);
  await suite.waitTask(page, 'rawfix');
  assert.deepEqual(errors, []);
  await close();
});
