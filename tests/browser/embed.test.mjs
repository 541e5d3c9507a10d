// The embed page (web/embed.html, web/embed/) in a course page of another origin, and the Embed
// button's snippets. Three local servers: the site, the course (the origin the frames name as
// their parent) and a third origin that tries to command a frame. The course pages use the
// parent snippet of web/lib/embed.js verbatim, and docs/embedding.md shows that same text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { PARENT_SNIPPET } from '../../web/lib/embed.js';
import { launchBrowser, openPage } from './browser.mjs';

let site;
let course;
let other;
let dirs = [];
let browser;
let siteOrigin;
let courseOrigin;

// A page of `dir` holding one frame of the embed page (id "frame"), the parent snippet, and a
// log of every Layerwise message it hears (window.heard), with the origin it came from.
// The frame's height once it equals the height of what the page inside shows. The content may
// still grow while its views draw, so both are read again until they agree.
async function settledHeight(page, frame, timeout = 30_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const inside = await frame.evaluate(() => Math.ceil(document.getElementById('embed').getBoundingClientRect().height));
    const outside = await page.evaluate(() => document.getElementById('frame').height);
    if (outside === String(inside)) return inside;
    if (Date.now() > end) throw new Error(`the frame is ${outside} px high, its content ${inside} px`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function framePage(src, { height = 150, extra = '' } = {}) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A course page</title><link rel="icon" href="data:,">
<script>
  window.heard = [];
  addEventListener('message', (event) => {
    if (event.data && event.data.source === 'layerwise') window.heard.push({ origin: event.origin, ...event.data });
  });
</script></head>
<body><h1>Week 3: hidden layers</h1>
<iframe id="frame" src="${src}" title="Layerwise" width="100%" height="${height}"></iframe>
${extra}
${PARENT_SNIPPET}
</body></html>
`;
}

async function serveDir(files) {
  const dir = await mkdtemp(path.join(tmpdir(), 'lw-embed-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return { dir, server: await startServer({ root: dir, port: 0 }) };
}

const embed = (hash) => new URL(`embed.html${hash}`, site.url).href;

before(async () => {
  site = await startServer({ port: 0 });
  siteOrigin = new URL(site.url).origin;
  course = await serveDir({});
  other = await serveDir({});
  courseOrigin = new URL(course.server.url).origin;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await course?.server.close();
  await other?.server.close();
  await site?.close();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

// Writes a page into a served folder and opens it; returns {page, errors, frame} (the embed
// page's frame, its `ready` settled).
async function openFramePage(where, name, html, options = {}) {
  await writeFile(path.join(where.dir, name), html);
  const opened = await openPage(browser, new URL(name, where.server.url).href, options);
  const frame = await (await opened.page.$('#frame')).contentFrame();
  await frame.waitForFunction(() => window.layerwiseEmbed);
  await frame.evaluate(() => window.layerwiseEmbed.ready);
  return { ...opened, frame };
}

const stateIn = (frame) => frame.evaluate(() => JSON.parse(JSON.stringify(document.querySelector('layerwise-playground').state)));
const send = (page, message, targetOrigin = siteOrigin) => page.evaluate(([m, o]) => document.getElementById('frame').contentWindow.postMessage(m, o), [message, targetOrigin]);
const heard = (page, type) => page.evaluate((t) => window.heard.filter((m) => m.type === t), type);

test('docs/embedding.md shows the parent snippet exactly as the pages use it', async () => {
  const docs = await readFile(new URL('../../docs/embedding.md', import.meta.url), 'utf8');
  assert.ok(docs.includes(PARENT_SNIPPET), 'the documented parent snippet is the one web/lib/embed.js writes');
  assert.ok(PARENT_SNIPPET.split('\n').length <= 10, 'ten lines at most');
});

test('a frame on another origin sizes itself from its height messages and reports its epochs and state', { timeout: 120_000 }, async () => {
  assert.notEqual(siteOrigin, courseOrigin);
  const src = embed(`#dataset=xor&layers=4&hide=histograms,code&parent=${encodeURIComponent(courseOrigin)}`);
  const { page, frame, errors, context } = await openFramePage(course, 'sized.html', framePage(src));
  await page.waitForFunction(() => window.heard.some((m) => m.type === 'ready'));
  const ready = (await heard(page, 'ready'))[0];
  assert.equal(ready.origin, siteOrigin);
  assert.equal(ready.kind, 'playground');
  assert.equal(ready.state.dataset, 'xor', 'a named parent gets the state with `ready`');
  assert.deepEqual(ready.state.layers, [4]);

  // the frame's height: what the page inside reports, and what the snippet set
  const inside = await settledHeight(page, frame);
  const last = (await heard(page, 'height')).at(-1);
  assert.equal(last.height, inside);
  assert.ok(inside > 600, `the playground is taller than the frame's first 150 px: ${inside}`);
  const box = await page.evaluate(() => document.getElementById('frame').getBoundingClientRect().height);
  assert.ok(Math.abs(box - inside) <= 4, `the frame is as tall as its content: ${box} vs ${inside}`);
  assert.equal(await frame.evaluate(() => document.scrollingElement.scrollHeight <= innerHeight + 1), true, 'nothing to scroll inside');

  // commands from the named parent apply; epochs and the state come back
  await send(page, { type: 'step', epochs: 3 });
  await page.waitForFunction(() => window.heard.some((m) => m.type === 'epoch' && m.epoch >= 3));
  const epoch = (await heard(page, 'epoch')).at(-1);
  for (const key of ['trainLoss', 'testLoss', 'trainAccuracy', 'testAccuracy']) assert.equal(typeof epoch[key], 'number', key);
  await send(page, { type: 'setState', state: { dataset: 'circle', noise: 20 } });
  await page.waitForFunction(() => window.heard.some((m) => m.type === 'statechange' && m.state.dataset === 'circle'));
  assert.equal((await stateIn(frame)).noise, 20);
  await send(page, { type: 'getState' });
  await page.waitForFunction(() => window.heard.some((m) => m.type === 'state'));
  assert.equal((await heard(page, 'state'))[0].state.noise, 20);
  // a bad value is refused, with the reason, and the rest applies
  await send(page, { type: 'setState', state: { dataset: 'spirals', lr: 0.1 } });
  await page.waitForFunction(() => window.heard.some((m) => m.type === 'error'));
  assert.deepEqual((await heard(page, 'error'))[0].problems.map((p) => [p.setting, p.value]), [['dataset', 'spirals']]);
  assert.match((await heard(page, 'error'))[0].problems[0].message, /^dataset must be one of .*"spirals"$/);
  assert.equal((await stateIn(frame)).lr, 0.1);
  await send(page, { type: 'fly' });
  await page.waitForFunction(() => window.heard.some((m) => m.type === 'error' && /unknown command "fly"/.test(m.problems[0].message)));
  // play and pause
  await send(page, { type: 'play' });
  await frame.waitForFunction(() => document.querySelector('layerwise-playground').playing);
  await send(page, { type: 'pause' });
  await frame.waitForFunction(() => !document.querySelector('layerwise-playground').playing);
  assert.deepEqual(errors, []);
  await context.close();
});

test('with no parent named, only height, ready and epoch go out, to any page, and no command is taken; open=stepper opens the stepper', { timeout: 120_000 }, async () => {
  const { page, frame, errors, context } = await openFramePage(course, 'open.html', framePage(embed('#dataset=xor&hide=code&open=stepper')));
  await page.waitForFunction(() => window.heard.some((m) => m.type === 'ready'));
  assert.equal(await frame.evaluate(() => document.querySelector('layerwise-playground').shadowRoot.querySelector('.stepper-box').open), true, 'open=stepper');
  assert.equal((await heard(page, 'ready'))[0].state, undefined, 'no state without a named parent');
  await send(page, { type: 'setState', state: { dataset: 'gauss' } }, '*');
  await frame.evaluate(() => document.querySelector('layerwise-playground').step(2));
  await page.waitForFunction(() => window.heard.some((m) => m.type === 'epoch' && m.epoch >= 2));
  await frame.evaluate(() => { document.querySelector('layerwise-playground').state = { noise: 10 }; });
  await page.waitForFunction(() => window.heard.some((m) => m.type === 'height'));
  assert.equal((await stateIn(frame)).dataset, 'xor', 'the command was not taken');
  const types = new Set((await page.evaluate(() => window.heard)).map((m) => m.type));
  assert.deepEqual([...types].filter((t) => !['height', 'ready', 'epoch'].includes(t)), [], 'no statechange, state or error');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a command from another origin, or from another window of the right one, is ignored', { timeout: 120_000 }, async () => {
  const src = embed(`#dataset=xor&hide=code,histograms&parent=${encodeURIComponent(courseOrigin)}`);
  // another origin frames the same address and commands it
  const evil = await openFramePage(other, 'evil.html', framePage(src));
  await send(evil.page, { type: 'setState', state: { dataset: 'spiral' } }, '*');
  await send(evil.page, { type: 'getState' }, '*');
  await evil.frame.evaluate(() => document.querySelector('layerwise-playground').step(1));
  assert.equal((await stateIn(evil.frame)).dataset, 'xor', 'the other origin\'s command is ignored');
  assert.deepEqual(await evil.page.evaluate(() => window.heard), [], 'nothing goes to a parent that is not the one named');
  await evil.context.close();

  // the course page: a sibling frame of the course's own origin tries, then the page itself
  await writeFile(path.join(course.dir, 'sibling.html'), `<!doctype html><html><head><link rel="icon" href="data:,"></head><body><script>
    window.tryIt = () => parent.frames[0].postMessage({ type: 'setState', state: { dataset: 'moons' } }, '*');
  </script></body></html>`);
  const right = await openFramePage(course, 'right.html', framePage(src, { extra: '<iframe id="sibling" src="sibling.html" title="sibling"></iframe>' }));
  const sibling = await (await right.page.$('#sibling')).contentFrame();
  await sibling.waitForFunction(() => window.tryIt);
  await sibling.evaluate(() => window.tryIt());
  await send(right.page, { type: 'getState' }); // answered after the sibling's message was handled
  await right.page.waitForFunction(() => window.heard.some((m) => m.type === 'state'));
  assert.equal((await heard(right.page, 'state'))[0].state.dataset, 'xor', 'a window that is not the parent is ignored');
  await send(right.page, { type: 'setState', state: { dataset: 'spiral' } });
  await right.frame.waitForFunction(() => document.querySelector('layerwise-playground').state.dataset === 'spiral');
  assert.deepEqual(right.errors, []);
  await right.context.close();
});

test('the frame neither reads nor writes the main site\'s autosave; autosave=name keeps its own', { timeout: 120_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // the main site, with work of the learner's own
  const main = await openPage(browser, site.url, { context });
  await main.page.evaluate(async () => {
    const node = document.querySelector('layerwise-playground');
    await node.ready;
    node.state = { dataset: 'moons', lr: 1, batch: 1, noise: 40, features: ['sinx1'] };
  });
  const mainKey = 'layerwise-playground:main';
  const saved = await main.page.evaluate((k) => localStorage.getItem(k), mainKey);
  assert.match(saved, /"dataset":"moons"/);
  await main.page.close();

  // a frame with other settings, in the same browser: it starts from its hash, not the autosave
  const src = embed(`#dataset=spiral&layers=8,8&activation=tanh&parent=${encodeURIComponent(courseOrigin)}`);
  await writeFile(path.join(course.dir, 'autosave.html'), framePage(src));
  const page = await context.newPage();
  await page.goto(new URL('autosave.html', course.server.url).href);
  let frame = await (await page.$('#frame')).contentFrame();
  await frame.waitForFunction(() => window.layerwiseEmbed);
  await frame.evaluate(() => window.layerwiseEmbed.ready);
  const state = await stateIn(frame);
  assert.deepEqual([state.dataset, state.layers, state.lr, state.batch, state.noise, state.features], ['spiral', [8, 8], 0.03, 10, 0, ['x1', 'x2']]);
  const keysBefore = await frame.evaluate(() => Object.keys(localStorage).sort());
  // the learner changes the frame's settings: the main site's entry stays as it was
  await send(page, { type: 'setState', state: { noise: 25, lr: 0.3 } });
  await frame.evaluate(() => { document.querySelector('layerwise-playground').state = { batch: 30 }; });
  await frame.waitForFunction(() => document.querySelector('layerwise-playground').state.noise === 25);
  assert.equal(await frame.evaluate((k) => localStorage.getItem(k), mainKey), saved);
  assert.deepEqual(await frame.evaluate(() => Object.keys(localStorage).sort()), keysBefore, 'no entry of its own either');
  // a reload of the frame: its hash again, not what was changed
  await page.reload();
  frame = await (await page.$('#frame')).contentFrame();
  await frame.waitForFunction(() => window.layerwiseEmbed);
  await frame.evaluate(() => window.layerwiseEmbed.ready);
  assert.equal((await stateIn(frame)).noise, 0);

  // autosave=mine: its own entry, kept over a reload, and still not the main site's
  const own = embed(`#dataset=spiral&autosave=mine&parent=${encodeURIComponent(courseOrigin)}`);
  await writeFile(path.join(course.dir, 'own.html'), framePage(own));
  await page.goto(new URL('own.html', course.server.url).href);
  frame = await (await page.$('#frame')).contentFrame();
  await frame.waitForFunction(() => window.layerwiseEmbed);
  await frame.evaluate(() => window.layerwiseEmbed.ready);
  await send(page, { type: 'setState', state: { noise: 35 } });
  await frame.waitForFunction(() => /"noise":35/.test(localStorage.getItem('layerwise-playground:embed.mine') ?? ''));
  await page.reload();
  frame = await (await page.$('#frame')).contentFrame();
  await frame.waitForFunction(() => window.layerwiseEmbed);
  await frame.evaluate(() => window.layerwiseEmbed.ready);
  assert.equal((await stateIn(frame)).noise, 35, 'its own autosave brings its work back');
  assert.equal(await frame.evaluate((k) => localStorage.getItem(k), mainKey), saved);

  // and the main site still opens as the learner left it
  const again = await context.newPage();
  await again.goto(site.url);
  const back = await again.evaluate(async () => {
    const node = document.querySelector('layerwise-playground');
    await node.ready;
    return JSON.parse(JSON.stringify(node.state));
  });
  assert.deepEqual([back.dataset, back.lr, back.batch, back.noise, back.features], ['moons', 1, 1, 40, ['sinx1']]);
  await context.close();
});

test('`hide` in the hash hides those panels; bad keys of the address show a note and reach the parent', { timeout: 120_000 }, async () => {
  const src = embed(`#dataset=xor&hide=settings,histograms,code,files&colour=red&parent=${encodeURIComponent(courseOrigin)}`);
  const { page, frame, context } = await openFramePage(course, 'hide.html', framePage(src));
  const panels = await frame.evaluate(() => {
    const root = document.querySelector('layerwise-playground').shadowRoot;
    return Object.fromEntries(['settings', 'histograms', 'code', 'files', 'data', 'network', 'output', 'embed']
      .map((p) => [p, root.querySelector(`[data-panel="${p}"]`).checkVisibility()]));
  });
  assert.deepEqual(panels, { settings: false, histograms: false, code: false, files: false, data: true, network: true, output: true, embed: true });
  const note = await frame.evaluate(() => [...document.querySelectorAll('#embed > .refusal li')].map((li) => li.textContent));
  assert.equal(note.length, 1);
  assert.match(note[0], /^unknown setting "colour"; the settings are: dataset, .*, parent, autosave, hide, open, speed, challenge, lesson, widget$/);
  await page.waitForFunction(() => window.heard.some((m) => m.type === 'error'));
  assert.deepEqual((await heard(page, 'error'))[0].problems.map((p) => [p.setting, p.value, p.key]), [['colour', 'red', 'setting.unknown']]);
  await frame.click('#embed > .refusal .refusal-dismiss');
  assert.equal(await frame.evaluate(() => document.querySelector('#embed > .refusal').checkVisibility()), false, 'the note can be dismissed');
  await context.close();
});

test('a lesson widget embedded alone renders, with its caption, and is short', { timeout: 120_000 }, async () => {
  const lesson = await openPage(browser, new URL('lessons/lesson.html?id=hidden&lang=en', site.url).href);
  await lesson.page.evaluate(() => window.layerwiseLesson.ready);
  const whole = await lesson.page.evaluate(() => document.documentElement.scrollHeight);
  await lesson.context.close();

  const src = embed(`#lesson=hidden&widget=spiral&lang=ko&parent=${encodeURIComponent(courseOrigin)}`);
  const { page, frame, errors, context } = await openFramePage(course, 'widget.html', framePage(src));
  await page.waitForFunction(() => window.heard.some((m) => m.type === 'ready'));
  const ready = (await heard(page, 'ready'))[0];
  assert.deepEqual([ready.kind, ready.lesson, ready.widget], ['playground', 'hidden', 'spiral']);
  const shown = await frame.evaluate(() => ({
    playground: !!document.querySelector('figure.widget layerwise-playground'),
    caption: document.querySelector('figure.widget figcaption')?.textContent ?? '',
    prose: document.querySelectorAll('h1, section, .task').length,
    lang: document.querySelector('layerwise-playground').state.lang,
  }));
  assert.ok(shown.playground);
  assert.match(shown.caption, /[\uac00-\ud7a3]/, 'the caption, in Korean');
  assert.equal(shown.prose, 0, 'no lesson text around it');
  assert.equal(shown.lang, 'ko');
  shown.height = await settledHeight(page, frame);
  assert.ok(shown.height < whole / 4, `the widget alone (${shown.height} px) is far shorter than its lesson (${whole} px)`);
  await send(page, { type: 'step', epochs: 2 });
  await page.waitForFunction(() => window.heard.some((m) => m.type === 'epoch' && m.epoch >= 2));
  assert.deepEqual(errors, []);
  await context.close();

  // a widget that is not a playground: it draws, and takes no commands
  const curves = await openFramePage(course, 'curves.html', framePage(embed(`#lesson=loss&widget=curves&parent=${encodeURIComponent(courseOrigin)}`)));
  await curves.frame.waitForFunction(() => document.querySelectorAll('figure.widget svg path').length > 2);
  await send(curves.page, { type: 'play' });
  await curves.page.waitForFunction(() => window.heard.some((m) => m.type === 'error'));
  assert.match((await heard(curves.page, 'error'))[0].problems[0].message, /takes no commands/);
  assert.deepEqual(curves.errors, []);
  await curves.context.close();
});

// Opens the Embed dialog of `button` in `page` (within root, a shadow root's host or the
// document) and returns the snippets it shows.
async function snippetsOf(page, open) {
  await open();
  await page.waitForFunction(() => {
    const find = (root) => root.querySelector('dialog.lw-embed[open]') ?? [...root.querySelectorAll('layerwise-playground')].map((n) => n.shadowRoot?.querySelector('dialog.lw-embed[open]')).find(Boolean);
    return find(document);
  });
  return page.evaluate(() => {
    const find = (root) => root.querySelector('dialog.lw-embed[open]') ?? [...root.querySelectorAll('layerwise-playground')].map((n) => n.shadowRoot?.querySelector('dialog.lw-embed[open]')).find(Boolean);
    const dialog = find(document);
    const text = (key) => dialog.querySelector(`[data-snippet="${key}"]`)?.value ?? null;
    return { iframe: text('iframe'), script: text('script'), title: dialog.querySelector('h2').textContent, all: dialog.textContent };
  });
}

const srcOf = (snippet) => snippet.match(/<iframe src="([^"]+)"/)[1].replace(/&amp;/g, '&');

test('the playground\'s Embed button gives both snippets for the current state, and they round-trip', { timeout: 120_000 }, async () => {
  const { page, errors, context } = await openPage(browser, site.url, { locale: 'ko-KR' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: siteOrigin });
  const want = await page.evaluate(async () => {
    const node = document.querySelector('layerwise-playground');
    await node.ready;
    node.state = { dataset: 'spiral', layers: [8, 8], activation: ['relu'], lr: 0.1, trainRatio: 70, showTest: true, noise: 15 };
    return JSON.parse(JSON.stringify(node.state));
  });
  assert.equal(want.lang, 'ko');
  const snippets = await snippetsOf(page, () => page.locator('layerwise-playground .btn:has(.icon) >> text=페이지에 넣기').click());
  assert.equal(snippets.title, '이 플레이그라운드를 내 페이지에 넣기', 'the dialog speaks the page\'s language');
  const src = srcOf(snippets.iframe);
  assert.ok(src.startsWith(`${site.url}embed.html#`), src);
  for (const part of ['dataset=spiral', 'layers=8,8', 'activation=relu', 'lr=0.1', 'trainRatio=70', 'showTest=1', 'noise=15', 'lang=ko', 'hide=embed']) {
    assert.ok(src.includes(part), `${part} in ${src}`);
  }
  assert.ok(snippets.iframe.includes(PARENT_SNIPPET), 'the iframe snippet brings the sizing script');
  assert.ok(snippets.script.startsWith(`<script type="module" src="${site.url}layerwise.js"></script>`), snippets.script);
  for (const part of ['dataset="spiral"', 'layers="8,8"', 'train-ratio="70"', 'show-test="1"', 'lang="ko"', 'hide="embed"']) {
    assert.ok(snippets.script.includes(part), `${part} in ${snippets.script}`);
  }
  // Copy: the clipboard gets the snippet
  await page.locator('layerwise-playground .lw-embed-copy').first().click();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), snippets.iframe);
  assert.deepEqual(errors, []);
  await context.close();

  // the iframe snippet's address opens the same state, in a frame of a course page
  const framed = await openFramePage(course, 'roundtrip.html', `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>${snippets.iframe.replace('<iframe ', '<iframe id="frame" ').replace(' loading="lazy"', '')}</body></html>`);
  assert.deepEqual(await stateIn(framed.frame), want);
  assert.deepEqual(await framed.frame.evaluate(() => Object.keys(localStorage)), [], 'and saves nothing');
  assert.deepEqual(framed.errors, []);
  await framed.context.close();

  // the script snippet, pasted into a course page, makes the same element
  await writeFile(path.join(course.dir, 'script.html'), `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>${snippets.script}</body></html>`);
  const pasted = await openPage(browser, new URL('script.html', course.server.url).href);
  const state = await pasted.page.evaluate(async () => {
    await customElements.whenDefined('layerwise-playground');
    const node = document.querySelector('layerwise-playground');
    await node.ready;
    return JSON.parse(JSON.stringify(node.state));
  });
  assert.deepEqual(state, want);
  assert.deepEqual(pasted.errors, []);
  await pasted.context.close();
});

test('without the Clipboard API the Copy button selects the snippet and says to copy it by hand', { timeout: 120_000 }, async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) } });
  });
  const { page } = await openPage(browser, site.url + '#lang=en', { context });
  await page.evaluate(() => document.querySelector('layerwise-playground').ready);
  await snippetsOf(page, () => page.locator('layerwise-playground .btn >> text=Embed').click());
  await page.locator('layerwise-playground .lw-embed-copy').nth(1).click();
  const seen = await page.evaluate(() => {
    const dialog = document.querySelector('layerwise-playground').shadowRoot.querySelector('dialog.lw-embed');
    const box = dialog.querySelector('[data-snippet="script"]');
    return { status: dialog.querySelectorAll('.lw-embed-status')[1].textContent, selected: [box.selectionStart, box.selectionEnd, box.value.length], focused: dialog.getRootNode().activeElement === box };
  });
  assert.match(seen.status, /selected: press Ctrl\+C/);
  assert.deepEqual(seen.selected.slice(0, 2), [0, seen.selected[2]], 'the whole snippet is selected');
  assert.ok(seen.focused);
  await context.close();
});

test('a lesson widget\'s Embed button gives its frame, and a playground\'s element too, for its state now', { timeout: 120_000 }, async () => {
  const { page, errors, context } = await openPage(browser, new URL('lessons/lesson.html?id=hidden&lang=en', site.url).href);
  await page.evaluate(() => window.layerwiseLesson.ready);
  const want = await page.evaluate(() => {
    const node = window.layerwiseLesson.widgets.spiral.element;
    node.state = { layers: [6, 6], lr: 0.03 };
    return JSON.parse(JSON.stringify(node.state));
  });
  const snippets = await snippetsOf(page, () => page.click('[data-embed="spiral"]'));
  assert.equal(snippets.title, 'Put this part of the lesson in your page');
  const src = srcOf(snippets.iframe);
  for (const part of ['lesson=hidden', 'widget=spiral', 'layers=6,6', 'lr=0.03', 'optimizer=adam']) assert.ok(src.includes(part), `${part} in ${src}`);
  assert.match(snippets.script, /<layerwise-playground [^>]*dataset="spiral"[^>]*layers="6,6"/);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('dialog.lw-embed'));
  // a widget with no element of its own: the frame only
  const lossPage = await context.newPage();
  await lossPage.goto(new URL('lessons/lesson.html?id=loss&lang=ko', site.url).href);
  await lossPage.evaluate(() => window.layerwiseLesson.ready);
  const loss = await snippetsOf(lossPage, () => lossPage.click('[data-embed="curves"]'));
  assert.equal(loss.script, null);
  assert.match(loss.all, /프레임으로 넣어 주세요/);
  assert.ok(srcOf(loss.iframe).endsWith('embed.html#lesson=loss&widget=curves&lang=ko'), loss.iframe);
  assert.deepEqual(errors, []);
  await context.close();

  // the playground widget's address opens the same state
  const framed = await openFramePage(course, 'lesson-roundtrip.html', `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>${snippets.iframe.replace('<iframe ', '<iframe id="frame" ')}</body></html>`);
  assert.deepEqual(await stateIn(framed.frame), want);
  assert.deepEqual(framed.errors, []);
  await framed.context.close();
});
