// One language across the site (web/lib/i18n.js: siteLang, keepSiteLang, withLang), in headless
// Chromium. First: each page (the playground, the sketch pad, the images page, the lesson
// index, a lesson) opens in English in a fresh en-US browser; the learner picks Korean in the
// page's own language control; the page relabels in place, every link to another page of the
// site then names ?lang=ko, the pick is kept as the site's, and each page linked to, opened in a
// browser that never saw a pick (so the link alone carries the language; an address reached
// from two pages is followed once), is in Korean. Then: a fresh ko-KR browser opens every page
// in Korean; an element's `lang` attribute and a playground's URL-hash `lang` win over the site's
// choice; a page opened by its bare address takes the learner's latest pick, over the
// playground's autosaved language. The images page's pictures are never downloaded (its words
// show while they load), so each page costs only its start; pages that do not depend on one
// another open side by side (one Chromium, a browser context for each learner).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, serveAndLaunch } from './browser.mjs';

const web = serveAndLaunch();
// a page's language shows as soon as its element is built: no need to wait for every file
const FAST = { waitUntil: 'domcontentloaded' };

/**
 * A browser of its own (empty storage) in `locale`, on `path`. The images page's pictures never
 * arrive in it (its words show while they load: nothing here needs 5 MB unpacked and a network
 * built on them), and no service worker keeps files (images.html registers one).
 */
async function browse(locale, path = 'about:blank') {
  const context = await web.browser.newContext({ locale, serviceWorkers: 'block', viewport: { width: 1280, height: 800 } });
  await context.route('**/data/fashion-mnist.bin', () => {}); // left unanswered
  const opened = await openPage(web.browser, 'about:blank', { context });
  if (path !== 'about:blank') await opened.page.goto(new URL(path, web.server.url).href, FAST);
  return opened;
}

// Each page: where it is, where its text is (an element's shadow root, or the document), its
// language control, and its links to the site's pages (in the element's shadow root, or in the
// document itself: a lesson's playgrounds have links of their own, hidden).
const PAGES = {
  playground: { path: 'index.html', tag: 'layerwise-playground', root: '.lwp',
    pick: (page, lang) => page.locator('layerwise-playground [data-panel="lang"] select').selectOption(lang),
    links: 'a.brand-link' },
  sketch: { path: 'sketch.html', tag: 'layerwise-sketch', root: '.lws',
    pick: (page, lang) => page.locator('layerwise-sketch select.lang').selectOption(lang),
    links: 'nav.nav a' },
  images: { path: 'images.html', tag: 'layerwise-images', root: '.lwi',
    pick: (page, lang) => page.locator('layerwise-images select.lang').selectOption(lang),
    links: 'nav.nav a' },
  lessons: { path: 'lessons/index.html',
    pick: (page, lang) => page.locator(`.lang-switch button[lang="${lang}"]`).click(),
    links: 'a[href]' },
  lesson: { path: 'lessons/lesson.html?id=output',
    pick: (page, lang) => page.locator(`.lang-switch button[data-lang="${lang}"]`).click(),
    links: 'header a[href], nav.pager a[href]' },
};

/** Which of PAGES an address is. */
function kindOf(href) {
  const { pathname } = new URL(href);
  if (pathname.endsWith('/lessons/index.html')) return 'lessons';
  if (pathname.endsWith('/lessons/lesson.html')) return 'lesson';
  if (pathname.endsWith('/sketch.html')) return 'sketch';
  if (pathname.endsWith('/images.html')) return 'images';
  if (pathname.endsWith('/index.html') || pathname.endsWith('/')) return 'playground';
  throw new Error(`not a page of the site: ${href}`);
}

/**
 * The language a page shows once it has drawn itself: {lang, text}, the element's (or the
 * document's) lang and the visible text of the element (or the page).
 */
async function shown(page, kind) {
  const { tag, root } = PAGES[kind];
  const handle = await page.waitForFunction(({ tag, root }) => {
    if (tag) {
      const node = document.querySelector(tag)?.shadowRoot?.querySelector(root);
      // (an element shows its content once its stylesheet is in)
      return node?.lang && node.innerText.trim().length > 50 ? { lang: node.lang, text: node.innerText } : null;
    }
    if (!document.querySelector('.lang-switch') || !document.querySelector('main h1')) return null;
    return { lang: document.documentElement.lang, text: document.body.innerText };
  }, { tag, root }, { timeout: 45_000 });
  return handle.jsonValue();
}

// Hangul syllables; the language control names Korean in Korean ("한국어") in either language.
const hangul = (text) => (text.replaceAll('한국어', '').match(/[\uac00-\ud7a3]/g) ?? []).length;

async function assertLanguage(page, kind, lang, where) {
  const { lang: said, text } = await shown(page, kind);
  assert.equal(said, lang, `${where}: the ${kind} page's lang`);
  const count = hangul(text);
  if (lang === 'ko') assert.ok(count >= 20, `${where}: the ${kind} page shows Korean text (${count} Hangul syllables)`);
  else assert.equal(count, 0, `${where}: the ${kind} page shows no Korean text`);
}

/** The addresses (absolute) of the page's links to pages of the site. */
async function siteLinks(page, kind) {
  const { tag, links } = PAGES[kind];
  const hrefs = await page.evaluate(({ tag, links }) =>
    [...(tag ? document.querySelector(tag).shadowRoot : document).querySelectorAll(links)].map((a) => a.href), { tag, links });
  return hrefs.filter((href) => {
    try { kindOf(href); return true; } catch { return false; } // a section of this page, say
  });
}

/** Errors a page recorded, without requests cut short by leaving the page. */
const realErrors = (errors) => errors.filter((e) => !e.includes('net::ERR_ABORTED'));

test('a language picked on any page is carried by its links and kept for the whole site', { timeout: 120_000 }, async () => {
  // the pages are independent browsers: the five start together, then the pages they link to
  const picked = await Promise.all(Object.keys(PAGES).map(async (kind) => {
    // the learner's browser: English, nothing stored
    const { page, context, errors } = await browse('en-US', PAGES[kind].path);
    await assertLanguage(page, kind, 'en', `${kind}, en-US, nothing picked`);
    const before = await siteLinks(page, kind);
    assert.ok(before.length >= 2, `the ${kind} page links to other pages (${before.length})`);
    for (const href of before) assert.equal(new URL(href).searchParams.get('lang'), 'en', `${kind}: ${href} names the page's language`);

    await PAGES[kind].pick(page, 'ko');
    await assertLanguage(page, kind, 'ko', `${kind} after picking 한국어`);
    const links = await siteLinks(page, kind);
    assert.equal(links.length, before.length, `${kind}: the same links after the switch`);
    for (const href of links) assert.equal(new URL(href).searchParams.get('lang'), 'ko', `${kind}: ${href} follows the switch`);
    // the learner's own browser keeps the pick for the site (the pages read it: the last test)
    assert.equal(await page.evaluate(() => localStorage.getItem('layerwise.lang')), 'ko', `${kind}: the pick is the site's`);
    assert.deepEqual(realErrors(errors), [], `the ${kind} page`);
    const here = page.url().split('#')[0];
    await context.close();
    // each other page it links to (of the lessons, the last it links to: the index's last, a
    // lesson's next; lighter than the first ones, which hold more playgrounds)
    const targets = new Map();
    for (const href of links) if (href.split('#')[0] !== here) targets.set(kindOf(href), href);
    const others = [...targets.keys()].filter((k) => k !== kind);
    assert.ok(others.length >= 2, `${kind} links to ${others}`);
    return [...targets].map(([target, href]) => ({ from: kind, target, href }));
  }));

  // each address linked to (once, when two pages link to it), in a browser that never saw a
  // pick (English, nothing stored): the language it shows, the link carried
  const follower = await browse('en-US');
  const seen = new Set();
  const links = picked.flat().filter(({ href }) => !seen.has(href) && seen.add(href));
  const opened = await Promise.all(links.map(async ({ from, target, href }) => {
    const { page, errors } = await openPage(web.browser, 'about:blank', { context: follower.context });
    await page.goto(href, FAST);
    await assertLanguage(page, target, 'ko', `${from} → ${target} (${href})`);
    assert.deepEqual(realErrors(errors), [], href);
    return page;
  }));
  // following a link is no pick: the follower's browser has none
  assert.equal(await opened[0].evaluate(() => localStorage.getItem('layerwise.lang')), null);
  await follower.context.close();
});

test('a fresh browser opens every page in its own language; an element\'s lang attribute and the playground\'s hash are explicit; the latest pick beats the autosave', { timeout: 90_000 }, async () => {
  // (a fresh en-US browser shows each page in English: the first test starts each page so)
  const url = (path) => new URL(path, web.server.url).href;
  const { page, context, errors } = await browse('ko-KR', PAGES.lessons.path);
  await Promise.all(['playground', 'sketch', 'images', 'lesson', 'lessons'].map(async (kind) => {
    const opened = kind === 'lessons' ? { page, errors: [] } : await openPage(web.browser, 'about:blank', { context });
    if (kind !== 'lessons') await opened.page.goto(url(PAGES[kind].path), FAST);
    await assertLanguage(opened.page, kind, 'ko', `ko-KR, ${kind}`);
    assert.deepEqual(realErrors(opened.errors), [], kind);
    if (opened.page !== page) await opened.page.close();
  }));

  // the learner picks Korean; a teacher's page with lang="en" on each element: English
  await PAGES.lessons.pick(page, 'ko');
  const tags = ['layerwise-playground', 'layerwise-sketch', 'layerwise-images'];
  await page.evaluate(async (names) => {
    await Promise.all(['../playground/element.js', '../sketch/element.js', '../images/element.js'].map((m) => import(m)));
    for (const tag of names) document.body.append(Object.assign(document.createElement(tag), { lang: 'en' }));
  }, tags);
  // each element's root takes its language once built (the playground's, once its views are in)
  const langs = await (await page.waitForFunction((names) => {
    const shown = names.map((tag) => document.querySelector(tag).shadowRoot?.querySelector('.lwp, .lws, .lwi')?.lang);
    return shown.every(Boolean) && shown;
  }, tags)).jsonValue();
  assert.deepEqual(langs, ['en', 'en', 'en'], 'lang="en" over the site\'s Korean');

  // the playground's own address: a hash's lang wins over the site's Korean (and is no pick)
  await page.goto(url('index.html#dataset=xor&lang=en'), FAST);
  await assertLanguage(page, 'playground', 'en', 'hash lang=en over the site\'s ko');
  // without the hash: the site's Korean, over the English the playground autosaved just now
  await page.goto(url('index.html'), FAST);
  await assertLanguage(page, 'playground', 'ko', 'no hash: the site\'s Korean over the autosaved English');
  // picking English there is the learner's pick: the sketch pad follows
  await PAGES.playground.pick(page, 'en');
  await page.goto(url('sketch.html'), FAST);
  await assertLanguage(page, 'sketch', 'en', 'picked English in the playground, then the sketch pad');
  // a pick elsewhere beats the playground's autosaved English
  await PAGES.sketch.pick(page, 'ko');
  await page.goto(url('index.html'), FAST);
  await assertLanguage(page, 'playground', 'ko', 'picked Korean in the sketch pad, then the playground (autosaved English)');
  assert.deepEqual(realErrors(errors), []);
  await context.close();
});
