// Challenges as a learner meets them: not done on load, not after a wrong attempt or a
// shortcut, done after a run that keeps the rules; progress survives a reload; a course
// author's own challenge from the attribute, and a text that cannot be read is said.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextFrames, openPage, serveAndLaunch } from './browser.mjs';
import { idle, mount } from './playground-helpers.mjs';

const web = serveAndLaunch();
const el = 'layerwise-playground';
const step = (page, n) => page.evaluate((k) => document.querySelector('layerwise-playground').step(k), n);
const setState = (page, changes) => page.evaluate((c) => { document.querySelector('layerwise-playground').state = c; }, changes);
async function settle(page) {
  await idle(page);
  await nextFrames(page);
}
const badge = (page, id) => page.locator(`${el} .challenge-pick[data-challenge="${id}"] + .challenge-badge`).textContent();

test('plain SGD on the XOR: not on load, not with Adam, not by switching a trained run; yes by a run that keeps the rules', async () => {
  const { page, errors } = await openPage(web.browser, new URL('index.html', web.server.url).href);
  await mount(page, { dataset: 'xor', optimizer: 'adam', lr: '0.05', layers: '8' });
  await page.locator(`${el} .challenges-box > summary`).click();
  await page.locator(`${el} .challenge-pick[data-challenge="xor-sgd"]`).click();
  assert.equal(await badge(page, 'xor-sgd'), 'not done', 'on load');

  // A wrong attempt: Adam gets the accuracy, but breaks a rule.
  await step(page, 150);
  await settle(page);
  const acc = await page.evaluate(() => document.querySelector('layerwise-playground').snapshot({ metrics: true }).then((s) => s.testAccuracy));
  assert.ok(acc >= 0.97, `Adam reached ${acc}`);
  assert.equal(await badge(page, 'xor-sgd'), 'not done', 'with Adam');
  assert.equal(await page.locator(`${el} .challenge-checklist li[data-clause="optimizer"]`).getAttribute('class'), 'no');

  // The shortcut: switch the trained network to SGD in place and train on.
  await setState(page, { optimizer: 'sgd', momentum: 0 });
  await step(page, 10);
  await settle(page);
  assert.equal(await page.locator(`${el} .challenge-checklist li.no`).count(), 0, 'every line holds now');
  assert.equal(await badge(page, 'xor-sgd'), 'not done', 'after the shortcut');
  assert.match(await page.locator(`${el} .challenge-status`).textContent(), /does not count/);

  // The learner's way: Reset starts a run under the rules; SGD trains it.
  await setState(page, { lr: 0.3 });
  await page.evaluate(() => document.querySelector('layerwise-playground').reset());
  await settle(page);
  assert.match(await page.locator(`${el} .challenge-status`).textContent(), /Keep to the rules/);
  await step(page, 200);
  await settle(page);
  assert.equal(await badge(page, 'xor-sgd'), 'done');
  assert.match(await page.locator(`${el} .challenge-status`).textContent(), /Done!/);

  // Kept: a new element on a reloaded page still shows it done.
  await page.reload();
  await mount(page, { dataset: 'circle' });
  assert.equal(await badge(page, 'xor-sgd'), 'done', 'after a reload');
  assert.equal(await badge(page, 'spiral-small'), 'not done');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a course author\'s challenge from the attribute; an unreadable one is named', async () => {
  const { page, errors } = await openPage(web.browser, new URL('index.html', web.server.url).href);
  await mount(page, { dataset: 'circle', layers: '8', optimizer: 'adam', lr: '0.05', challenge: 'title=Quick circle; dataset=circle; epoch<=80; testAccuracy>=0.9' });
  assert.equal(await page.locator(`${el} .challenges-box`).getAttribute('open'), '', 'the panel opens');
  assert.equal(await page.locator(`${el} .challenge-pick`).first().textContent(), 'Quick circle');
  assert.equal(await page.locator(`${el} .challenge-pick`).first().getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator(`${el} .challenge-badge`).first().textContent(), 'not done', 'on load');
  await step(page, 80);
  await settle(page);
  assert.equal(await page.locator(`${el} .challenge-badge`).first().textContent(), 'done');

  await mount(page, { challenge: 'accuracy>=0.9' });
  assert.match(await page.locator(`${el} .refusal`).textContent(), /the challenge cannot be read: "accuracy" is not something a challenge can check/);
  assert.equal(await page.locator(`${el} .challenge-pick`).count(), 4, 'the built-in ones stay');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the embed page takes a challenge from its hash', async () => {
  const challenge = encodeURIComponent('title=Frame challenge; dataset=xor; testAccuracy>=0.9');
  const { page, errors } = await openPage(web.browser, new URL(`embed.html#dataset=xor&challenge=${challenge}`, web.server.url).href);
  await page.evaluate(async () => {
    await customElements.whenDefined('layerwise-playground');
    await document.querySelector('layerwise-playground').ready;
  });
  assert.equal(await page.locator(`${el} .challenge-pick`).first().textContent(), 'Frame challenge');
  assert.equal(await page.locator(`${el} .challenges-box`).getAttribute('open'), '');
  assert.deepEqual(errors, []);
  await page.close();
});
