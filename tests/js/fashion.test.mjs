// web/lib/fashion.js: the IDX parser against headers written here byte by byte, every error it
// reports, the loader's progress, cache and failure paths (with a fetch and a cache made here),
// and the site's real data file (web/data/fashion-mnist.bin, written by scripts/build-data.mjs)
// against numbers computed straight from Debian's .gz files with Node's zlib, over the HTTP of
// scripts/serve.mjs as a browser gets it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { LayerwiseError } from '../../web/engine/checks.mjs';
import { CACHE_NAME, CLASS_NAMES, DEFAULT_URL, gunzip, loadFashionMnist, parseFashionBundle, parseIdx } from '../../web/lib/fashion.js';
import { startServer } from '../../scripts/serve.mjs';

const PIXELS = 28 * 28;

/** An IDX file: the 4-byte magic, one big-endian 32-bit size per dimension, then the bytes. */
function idx(magic, dims, body) {
  const header = [0, 0, (magic >> 8) & 0xff, magic & 0xff];
  for (const d of dims) header.push((d >>> 24) & 0xff, (d >>> 16) & 0xff, (d >>> 8) & 0xff, d & 0xff);
  return Uint8Array.from([...header, ...body]);
}
/** n pictures whose pixel p of picture i is (i · 7 + p) mod 256. */
const pictureBytes = (n, first = 0) => Array.from({ length: n * PIXELS }, (_, k) => ((Math.floor(k / PIXELS) + first) * 7 + (k % PIXELS)) % 256);
const images = (n, first) => idx(0x0803, [n, 28, 28], pictureBytes(n, first));
const labels = (values) => idx(0x0801, [values.length], values);
const concat = (...parts) => Uint8Array.from(parts.flatMap((p) => [...p]));
/** A small data file: 3 train pictures (labels 4, 0, 9) and 2 test pictures (labels 9, 1);
 * the train part is 16 + 3·784 + 8 + 3 = 2,379 bytes, a test picture file 16 + 2·784 = 1,584. */
const bundle = () => concat(images(3, 0), labels([4, 0, 9]), images(2, 3), labels([9, 1]));

const rejects = (promise, message) => assert.rejects(promise, (err) => err instanceof LayerwiseError && (message instanceof RegExp ? message.test(err.message) : err.message === message) ? true : assert.fail(`got ${err?.name}: ${err?.message}`));
const throws = (fn, message) => assert.throws(fn, (err) => err instanceof LayerwiseError && (message instanceof RegExp ? message.test(err.message) : err.message === message) ? true : assert.fail(`got ${err?.name}: ${err?.message}`));

test('parseIdx reads pictures and labels from headers written by hand', () => {
  const pics = parseIdx(images(2, 0), 'p');
  assert.deepEqual([pics.kind, pics.count, pics.rows, pics.cols, pics.data.length], ['images', 2, 28, 28, 2 * PIXELS]);
  assert.equal(pics.data[0], 0);
  assert.equal(pics.data[300], 300 % 256);
  assert.equal(pics.data[PIXELS + 1], 8, 'picture 1, pixel 1: 1·7 + 1');
  const labs = parseIdx(labels([3, 0, 9]).buffer, 'l'); // an ArrayBuffer works too
  assert.deepEqual([labs.kind, labs.count, [...labs.data]], ['labels', 3, [3, 0, 9]]);
  assert.deepEqual([...parseIdx(labels([11]), 'l', { classes: 12 }).data], [11]);
});

test('parseIdx: every malformed file is refused with its name and what is wrong', () => {
  throws(() => parseIdx(Uint8Array.of(0, 0, 8), 'a.idx'), 'a.idx: ends after 3 bytes, inside the 4-byte IDX header (the file is cut short)');
  throws(() => parseIdx(Uint8Array.of(0, 0, 8, 3, 0, 0, 0, 1), 'a.idx'), 'a.idx: ends after 8 bytes, inside the 16-byte IDX header of its pictures (the file is cut short)');
  throws(() => parseIdx(images(2, 0).subarray(0, 16 + 1000), 'a.idx'), 'a.idx: the header announces 2 pictures (1,568 bytes), but only 1,000 bytes follow (the file is cut short)');
  throws(() => parseIdx(concat(labels([1, 2]), [0, 0]), 'a.idx'), 'a.idx: 2 bytes follow the 2 labels the header announces');
  throws(() => parseIdx(concat(images(1, 0), [0]), 'a.idx'), 'a.idx: 1 byte follows the 1 picture the header announces');
  throws(() => parseIdx(idx(0x0802, [1, 28], new Array(28).fill(0)), 'a.idx'),
    'a.idx: starts with 0x00000802, which is not the IDX magic number of pictures (0x00000803) or of labels (0x00000801)');
  throws(() => parseIdx(gzipSync(labels([1])), 'a.idx'), /^a\.idx: starts with 0x1f8b.*; it is still gzip-compressed$/);
  throws(() => parseIdx(new TextEncoder().encode('<!doctype html><p>Not found'), 'a.idx'), /^a\.idx: starts with 0x3c21646f, .*; it looks like a web page \(HTML\), not data$/);
  throws(() => parseIdx(idx(0x0803, [1, 32, 32], new Array(1024).fill(0)), 'a.idx'), "a.idx: the pictures are 32 × 32 pixels; Fashion-MNIST's are 28 × 28");
  throws(() => parseIdx(idx(0x0801, [0], []), 'a.idx'), 'a.idx: the header announces no labels');
  throws(() => parseIdx(labels([0, 1, 2, 3, 4, 10]), 'a.idx'), 'a.idx: label 10 at index 5 is out of range 0–9');
  throws(() => parseIdx('0000', 'a.idx'), 'a.idx: expected the file\'s bytes as a Uint8Array or an ArrayBuffer, got string');
});

test('parseFashionBundle splits the four files, copies each into its own buffer, and checks them', () => {
  const data = parseFashionBundle(bundle());
  assert.deepEqual([data.rows, data.cols, data.classes, data.train.count, data.test.count], [28, 28, 10, 3, 2]);
  assert.deepEqual([...data.train.labels], [4, 0, 9]);
  assert.deepEqual([...data.test.labels], [9, 1]);
  assert.deepEqual([...data.train.images], pictureBytes(3, 0));
  assert.deepEqual([...data.test.images], pictureBytes(2, 3));
  assert.equal(data.train.images.buffer.byteLength, 3 * PIXELS, 'its own buffer, transferable alone');
  assert.notEqual(data.train.images.buffer, data.test.images.buffer);
  assert.equal(CLASS_NAMES.length, 10);
  assert.equal(CLASS_NAMES[9], 'Ankle boot');

  const f = 'fashion-mnist.bin';
  throws(() => parseFashionBundle(concat(images(3, 0), labels([4, 0, 9]), images(2, 3), labels([9, 12]))), `${f}: test labels: label 12 at index 1 is out of range 0–9`);
  throws(() => parseFashionBundle(concat(labels([4]), images(1, 0), images(1, 0), labels([1]))),
    `${f}: train images: found labels (0x00000801) where pictures (0x00000803) belong`);
  throws(() => parseFashionBundle(concat(images(3, 0), labels([4, 0]), images(2, 3), labels([9, 1]))), `${f}: train: 3 pictures but 2 labels; each picture needs one label`);
  throws(() => parseFashionBundle(concat(images(3, 0), labels([4, 0, 9]))), `${f}: test images: missing (the file ends after 2,379 bytes; it is cut short)`);
  throws(() => parseFashionBundle(bundle().subarray(0, 3000)), `${f}: test images: the header announces 2 pictures (1,568 bytes), but only 605 bytes follow (the file is cut short)`);
  throws(() => parseFashionBundle(concat(bundle(), [7])), `${f}: 1 byte follows the test labels, where the file should end`);
  throws(() => parseFashionBundle(new Uint8Array(0), 'x.bin'), 'x.bin: the file is empty');
});

test('gunzip unpacks gzip and names the file when the bytes are not gzip or are cut short', async () => {
  const packed = gzipSync(bundle());
  assert.deepEqual(await gunzip(packed, 'f.bin'), bundle());
  await rejects(gunzip(bundle(), 'f.bin'), 'f.bin: not a gzip stream (a gzip stream starts with 0x1f 0x8b)');
  await rejects(gunzip(new TextEncoder().encode('<html>'), 'f.bin'), 'f.bin: not a gzip stream (a gzip stream starts with 0x1f 0x8b); it looks like a web page (HTML), not data');
  await rejects(gunzip(packed.subarray(0, packed.length >> 1), 'f.bin'), /^f\.bin: the gzip stream is damaged or cut short \(.+\)$/);
  const damaged = packed.slice();
  damaged[20] ^= 0xff;
  damaged[21] ^= 0xff;
  await rejects(gunzip(damaged, 'f.bin'), /^f\.bin: the gzip stream is damaged or cut short/);
});

// --- the loader, with a fetch and a cache made here ----------------------------------------

const URL_ = 'https://layerwise.test/data/fashion-mnist.bin';

/** A Response that delivers the bytes in chunks of `chunk`, with or without a Content-Length. */
function chunked(bytes, { chunk = 1000, length = true, status = 200 } = {}) {
  let at = 0;
  const body = new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, (at += chunk)));
    },
  });
  return new Response(status === 200 ? body : null, { status, headers: length ? { 'Content-Length': String(bytes.length) } : {} });
}

/** A fetch that serves `bytes` (or what `respond` returns) and counts its calls. */
function fakeFetch(respond) {
  const fn = async (url, init) => {
    fn.calls.push(url);
    init?.signal?.throwIfAborted();
    return respond(url, init);
  };
  fn.calls = [];
  return fn;
}

/** The part of the Cache API the loader uses, in memory. */
class MemoryCache {
  entries = new Map();
  async match(key) {
    return this.entries.get(String(key))?.clone();
  }
  async put(key, response) {
    this.entries.set(String(key), response);
  }
  async delete(key) {
    return this.entries.delete(String(key));
  }
}

test('the loader reports progress as bytes arrive, with the Content-Length as total', async () => {
  const packed = gzipSync(bundle());
  const events = [];
  const data = await loadFashionMnist({ url: URL_, cache: null, fetch: fakeFetch(() => chunked(packed, { chunk: 1000 })), onProgress: (loaded, total) => events.push([loaded, total]) });
  assert.equal(data.source, 'network');
  assert.equal(data.bytes, packed.length);
  assert.deepEqual([...data.train.labels], [4, 0, 9]);
  const expected = [0];
  for (let n = 1000; n < packed.length; n += 1000) expected.push(n);
  expected.push(packed.length);
  assert.deepEqual(events, expected.map((n) => [n, packed.length]), 'one event at the start, one per 1000-byte chunk');

  const withoutLength = [];
  await loadFashionMnist({ url: URL_, cache: null, fetch: fakeFetch(() => chunked(packed, { length: false })), onProgress: (...e) => withoutLength.push(e) });
  assert.ok(withoutLength.every(([, total]) => total === null), 'no Content-Length: total is null');
  assert.deepEqual(withoutLength.at(-1), [packed.length, null]);
});

test('the second load comes from the cache, with no request', async () => {
  const packed = gzipSync(bundle());
  const cache = new MemoryCache();
  const fetch = fakeFetch(() => chunked(packed));
  const first = await loadFashionMnist({ url: URL_, cache, fetch });
  assert.deepEqual([first.source, fetch.calls.length, [...cache.entries.keys()]], ['network', 1, [URL_]]);
  const events = [];
  const second = await loadFashionMnist({ url: URL_, cache, fetch, onProgress: (...e) => events.push(e) });
  assert.deepEqual([second.source, fetch.calls.length], ['cache', 1], 'no second request');
  assert.deepEqual(second.train, first.train);
  assert.deepEqual(second.test, first.test);
  assert.deepEqual(events.at(-1), [packed.length, packed.length], 'progress from the cached copy too');
});

test('a broken download is refused and never cached; a broken cached copy is replaced', async () => {
  const packed = gzipSync(bundle());
  const cache = new MemoryCache();
  await rejects(loadFashionMnist({ url: URL_, cache, fetch: fakeFetch(() => chunked(packed.subarray(0, 300))) }), /^fashion-mnist\.bin: the gzip stream is damaged or cut short/);
  assert.equal(cache.entries.size, 0, 'a truncated download is not kept');
  await rejects(loadFashionMnist({ url: URL_, cache, fetch: fakeFetch(() => chunked(bundle())) }), 'fashion-mnist.bin: not a gzip stream (a gzip stream starts with 0x1f 0x8b)');
  const badLabel = gzipSync(concat(images(3, 0), labels([4, 0, 9]), images(2, 3), labels([9, 12])));
  await rejects(loadFashionMnist({ url: URL_, cache, fetch: fakeFetch(() => chunked(badLabel)) }), 'fashion-mnist.bin: test labels: label 12 at index 1 is out of range 0–9');
  assert.equal(cache.entries.size, 0, 'nothing that failed a check is kept');

  await cache.put(URL_, new Response(packed.subarray(0, 300)));
  const fetch = fakeFetch(() => chunked(packed));
  const data = await loadFashionMnist({ url: URL_, cache, fetch });
  assert.deepEqual([data.source, fetch.calls.length], ['network', 1], 'the damaged copy was dropped and the file downloaded');
  assert.equal((await (await cache.match(URL_)).arrayBuffer()).byteLength, packed.length, 'the good copy replaced it');
});

test('the loader: HTTP errors, network errors and aborts', async () => {
  await rejects(loadFashionMnist({ url: URL_, cache: null, fetch: fakeFetch(() => new Response('Not found', { status: 404, statusText: 'Not Found' })) }),
    `could not download fashion-mnist.bin from ${URL_}: the server answered 404 Not Found (a site built without its data? bash scripts/build.sh writes web/data/)`);
  await rejects(loadFashionMnist({ url: URL_, cache: null, fetch: fakeFetch(() => Promise.reject(new TypeError('fetch failed'))) }),
    `could not download fashion-mnist.bin from ${URL_}: fetch failed`);

  const before = new AbortController();
  before.abort();
  const fetch = fakeFetch(() => chunked(gzipSync(bundle())));
  await assert.rejects(loadFashionMnist({ url: URL_, cache: null, fetch, signal: before.signal }), { name: 'AbortError' });
  assert.equal(fetch.calls.length, 0, 'an aborted load asks for nothing');

  const during = new AbortController();
  const cache = new MemoryCache();
  await assert.rejects(
    loadFashionMnist({ url: URL_, cache, fetch: fakeFetch(() => chunked(gzipSync(bundle()), { chunk: 100 })), signal: during.signal, onProgress: (loaded) => loaded >= 200 && during.abort() }),
    { name: 'AbortError' },
  );
  assert.equal(cache.entries.size, 0);
});

// --- the site's real file ------------------------------------------------------------------

const root = fileURLToPath(new URL('../../', import.meta.url));
const asset = join(root, 'web/data/fashion-mnist.bin');
const source = process.env.LAYERWISE_FASHION_MNIST || '/usr/share/datasets/fashion-mnist';
/** One of Debian's files, unpacked here with zlib, independently of the build and the loader. */
const debian = (file) => gunzipSync(readFileSync(join(source, file + '.gz')));
const sum = (bytes, from, n) => bytes.subarray(from, from + n).reduce((s, v) => s + v, 0);

function checkAgainstDebian(data) {
  assert.equal(data.train.count, 10000);
  assert.equal(data.test.count, 2000);
  assert.equal(data.train.images.length, 10000 * PIXELS);
  for (const [split, n, prefix] of [['train', 10000, 'train'], ['test', 2000, 't10k']]) {
    const debLabels = debian(`${prefix}-labels-idx1-ubyte`);
    const histogram = (bytes, from, count) => bytes.subarray(from, from + count).reduce((h, l) => (h[l]++, h), new Array(10).fill(0));
    const expected = histogram(debLabels, 8, n);
    assert.deepEqual(histogram(data[split].labels, 0, n), expected, `${split}: the first ${n} labels`);
    assert.ok(expected.every((c) => Math.abs(c - n / 10) <= n / 10 * 0.1), `${split}: every class within 10% of ${n / 10}: ${expected}`);
    const debImages = debian(`${prefix}-images-idx3-ubyte`);
    for (const i of [0, 1, 777, n - 1]) {
      assert.equal(sum(data[split].images, i * PIXELS, PIXELS), sum(debImages, 16 + i * PIXELS, PIXELS), `${split} picture ${i}: pixel sum`);
    }
  }
  assert.equal(data.train.labels[0], 9, "the dataset's first training picture is an ankle boot");
}

test('the built file holds the first 10,000 train and 2,000 test pictures of the dataset', async () => {
  assert.equal(DEFAULT_URL.href, new URL('web/data/fashion-mnist.bin', `file://${root}`).href);
  assert.ok(statSync(asset, { throwIfNoEntry: false }), `${asset} is missing: run bash scripts/build.sh (it runs scripts/build-data.mjs)`);
  const data = await loadFashionMnist(); // Node: the default URL is a file, read from disk
  assert.equal(data.source, 'network');
  assert.ok(data.bytes <= 6e6, `at most 6 MB to download, got ${data.bytes}`);
  checkAgainstDebian(data);
});

test('served by scripts/serve.mjs as a browser gets it: octet-stream, a Content-Length, no Content-Encoding', async () => {
  const server = await startServer({ root: join(root, 'web'), port: 0 });
  try {
    const url = new URL('data/fashion-mnist.bin', server.url);
    const head = await fetch(url, { method: 'HEAD' });
    assert.equal(head.headers.get('content-type'), 'application/octet-stream');
    assert.equal(head.headers.get('content-encoding'), null);
    assert.equal(Number(head.headers.get('content-length')), statSync(asset).size);
    const events = [];
    const cache = new MemoryCache();
    const data = await loadFashionMnist({ url, cache, onProgress: (...e) => events.push(e) });
    assert.ok(events.length > 2, 'progress while the bytes arrive');
    assert.deepEqual(events.at(-1), [statSync(asset).size, statSync(asset).size]);
    checkAgainstDebian(data);
    assert.equal((await loadFashionMnist({ url, cache })).source, 'cache');
  } finally {
    await server.close();
  }
  assert.equal(CACHE_NAME, 'layerwise-data-v1');
});
