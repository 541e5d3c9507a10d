// Fashion-MNIST for the pages, with no DOM (a page, a worker and Node 20 all run it): the
// site's one data file, web/data/fashion-mnist.bin, downloaded with progress, kept in the
// browser's Cache API so that a second visit works offline, unpacked and checked.
//
//   const data = await loadFashionMnist({ onProgress: (loaded, total) => bar(loaded, total) });
//   data.train.images  // Uint8Array of count · 784 grey levels 0–255, row by row, picture by picture
//   data.train.labels  // Uint8Array of count class indices 0–9 (CLASS_NAMES gives their names)
//
// The file (written by scripts/build-data.mjs; README.md says why this format and this
// subset) is one gzip stream holding the dataset's own IDX files, one after another: train
// pictures, train labels, test pictures, test labels. Its name ends in .bin, not .gz, so that
// no server sends it with a Content-Encoding that the browser would undo on its own.
// An IDX file is a big-endian header (the magic 0x00000803 for pictures, 0x00000801 for labels,
// then one 32-bit size per dimension) followed by the bytes, one per pixel or label.
//
// Every check is strict and every failure is a LayerwiseError that names the file, the part
// and what is wrong ("fashion-mnist.bin: train labels: label 12 at index 5 is out of range
// 0–9"). A download is stored in the cache only after it has been unpacked and checked, and a
// cached copy that fails the checks is deleted and downloaded again, so nothing broken stays.
// Nothing is fetched from anywhere but the URL given (by default the site's own file).
import { LayerwiseError } from '../engine/checks.mjs';

export const ROWS = 28;
export const COLS = 28;
export const CLASSES = 10;
/** The dataset's class names, by label (Zalando's Fashion-MNIST README). */
export const CLASS_NAMES = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'];
/** The dataset's own file names, by split (unpacked; the distributed files add .gz). */
export const IDX_FILES = {
  train: { images: 'train-images-idx3-ubyte', labels: 'train-labels-idx1-ubyte' },
  test: { images: 't10k-images-idx3-ubyte', labels: 't10k-labels-idx1-ubyte' },
};
/** The Cache API bucket; a new version (another subset or format) gets a new name. */
export const CACHE_NAME = 'layerwise-data-v1';
export const DEFAULT_URL = new URL('../data/fashion-mnist.bin', import.meta.url);

const MAGIC = { images: 0x00000803, labels: 0x00000801 };
const KIND_WORDS = { images: 'pictures', labels: 'labels' };
const PARTS = [
  ['train', 'images'],
  ['train', 'labels'],
  ['test', 'images'],
  ['test', 'labels'],
];

const hex = (n) => '0x' + n.toString(16).padStart(8, '0');
const plural = (n, word) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
/** "1 byte follows", "3 bytes follow". */
const follow = (n) => `${plural(n, 'byte')} follow${n === 1 ? 's' : ''}`;

/** What the first bytes of a file that is not what it should be look like, to help the reader. */
function looksLike(bytes, at) {
  if (bytes[at] === 0x1f && bytes[at + 1] === 0x8b) return '; it is still gzip-compressed';
  if (bytes[at] === 0x3c) return '; it looks like a web page (HTML), not data';
  return '';
}

/**
 * Reads one IDX file starting at `offset`: { kind: 'images' | 'labels', count, rows, cols,
 * data (a view, not a copy), end (the offset after it) }. Pictures must be 28 × 28 and labels
 * below `classes`.
 */
function readIdx(bytes, offset, name, classes) {
  const left = bytes.length - offset;
  if (left < 4) throw new LayerwiseError(`${name}: ends after ${plural(left, 'byte')}, inside the 4-byte IDX header (the file is cut short)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, left);
  const magic = view.getUint32(0);
  const kind = magic === MAGIC.images ? 'images' : magic === MAGIC.labels ? 'labels' : null;
  if (!kind) {
    throw new LayerwiseError(
      `${name}: starts with ${hex(magic)}, which is not the IDX magic number of pictures (${hex(MAGIC.images)}) or of labels (${hex(MAGIC.labels)})${looksLike(bytes, offset)}`,
    );
  }
  const ndims = magic & 0xff;
  const header = 4 + 4 * ndims;
  if (left < header) throw new LayerwiseError(`${name}: ends after ${plural(left, 'byte')}, inside the ${header}-byte IDX header of its ${KIND_WORDS[kind]} (the file is cut short)`);
  const dims = Array.from({ length: ndims }, (_, i) => view.getUint32(4 + 4 * i));
  const [count, rows = 1, cols = 1] = dims;
  if (kind === 'images' && (rows !== ROWS || cols !== COLS)) {
    throw new LayerwiseError(`${name}: the pictures are ${rows} × ${cols} pixels; Fashion-MNIST's are ${ROWS} × ${COLS}`);
  }
  if (count === 0) throw new LayerwiseError(`${name}: the header announces no ${KIND_WORDS[kind]}`);
  const size = count * rows * cols;
  if (left - header < size) {
    throw new LayerwiseError(
      `${name}: the header announces ${plural(count, kind === 'images' ? 'picture' : 'label')} (${plural(size, 'byte')}), but only ${follow(left - header)} (the file is cut short)`,
    );
  }
  const data = bytes.subarray(offset + header, offset + header + size);
  if (kind === 'labels') {
    const bad = data.findIndex((label) => label >= classes);
    if (bad >= 0) throw new LayerwiseError(`${name}: label ${data[bad]} at index ${bad} is out of range 0–${classes - 1}`);
  }
  return { kind, count, rows, cols, data, end: offset + header + size };
}

function asBytes(bytes, name) {
  if (bytes instanceof Uint8Array) return bytes;
  if (bytes instanceof ArrayBuffer) return new Uint8Array(bytes);
  throw new LayerwiseError(`${name}: expected the file's bytes as a Uint8Array or an ArrayBuffer, got ${bytes === null ? 'null' : typeof bytes}`);
}

/**
 * Parses one whole IDX file of Fashion-MNIST pictures (N × 28 × 28) or labels (N, each below
 * `classes`, default 10): { kind: 'images' | 'labels', count, rows, cols, data }. `name` starts
 * every error message. Bytes after the announced data are an error too.
 */
export function parseIdx(bytes, name, { classes = CLASSES } = {}) {
  const all = asBytes(bytes, name);
  const { end, ...idx } = readIdx(all, 0, name, classes);
  if (end !== all.length) {
    throw new LayerwiseError(`${name}: ${follow(all.length - end)} the ${plural(idx.count, idx.kind === 'images' ? 'picture' : 'label')} the header announces`);
  }
  return idx;
}

/**
 * Splits the unpacked data file into its four IDX files and checks them: the order, 28 × 28
 * pictures, labels 0–9, as many labels as pictures, nothing after the last. Returns
 * { rows, cols, classes, train: { images, labels, count }, test: { … } }, each array a copy
 * with its own buffer (so one may be transferred to a worker without the others).
 */
export function parseFashionBundle(bytes, name = 'fashion-mnist.bin') {
  const all = asBytes(bytes, name);
  if (all.length === 0) throw new LayerwiseError(`${name}: the file is empty`);
  const out = { rows: ROWS, cols: COLS, classes: CLASSES, train: {}, test: {} };
  let offset = 0;
  for (const [split, kind] of PARTS) {
    const part = `${name}: ${split} ${kind === 'images' ? 'images' : 'labels'}`;
    if (offset === all.length) throw new LayerwiseError(`${part}: missing (the file ends after ${plural(offset, 'byte')}; it is cut short)`);
    const idx = readIdx(all, offset, part, CLASSES);
    if (idx.kind !== kind) {
      throw new LayerwiseError(`${part}: found ${KIND_WORDS[idx.kind]} (${hex(MAGIC[idx.kind])}) where ${KIND_WORDS[kind]} (${hex(MAGIC[kind])}) belong`);
    }
    if (kind === 'labels' && idx.count !== out[split].count) {
      throw new LayerwiseError(`${name}: ${split}: ${plural(out[split].count, 'picture')} but ${plural(idx.count, 'label')}; each picture needs one label`);
    }
    out[split][kind] = idx.data.slice();
    out[split].count = idx.count;
    offset = idx.end;
  }
  if (offset !== all.length) throw new LayerwiseError(`${name}: ${follow(all.length - offset)} the test labels, where the file should end`);
  return out;
}

/** Unpacks a gzip stream with the platform's DecompressionStream. */
export async function gunzip(bytes, name) {
  const all = asBytes(bytes, name);
  if (all[0] !== 0x1f || all[1] !== 0x8b) {
    throw new LayerwiseError(`${name}: not a gzip stream (a gzip stream starts with 0x1f 0x8b)${looksLike(all, 0)}`);
  }
  try {
    const stream = new Response(all).body.pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (err) {
    throw new LayerwiseError(`${name}: the gzip stream is damaged or cut short (${err.message})`, { cause: err });
  }
}

/** Node's fetch cannot read file: URLs (docs/toolchain.md, trap 4): a Response from the file instead. */
async function fetchFile(url) {
  const [{ createReadStream }, { stat }, { Readable }] = await Promise.all([import('node:fs'), import('node:fs/promises'), import('node:stream')]);
  const { size } = await stat(url);
  return new Response(Readable.toWeb(createReadStream(url)), { headers: { 'Content-Length': String(size) } });
}

/** The default cache: the Cache API's bucket when there is one (not in Node; not where storage is refused). */
async function openDefaultCache() {
  if (!globalThis.caches) return null;
  try {
    const cache = await caches.open(CACHE_NAME);
    // Older versions of the data are dead weight: let them go (best effort).
    for (const key of await caches.keys()) if (key.startsWith('layerwise-data-') && key !== CACHE_NAME) caches.delete(key).catch(() => {});
    return cache;
  } catch {
    return null; // e.g. a sandboxed frame or a private window that refuses storage
  }
}

/** The body's bytes, with onProgress(loaded, total) at the start and after every chunk. */
async function readBody(response, onProgress, signal) {
  const length = Number(response.headers.get('Content-Length'));
  const total = response.headers.has('Content-Length') && Number.isSafeInteger(length) ? length : null;
  const chunks = [];
  let loaded = 0;
  onProgress?.(0, total);
  if (!response.body) return new Uint8Array(0); // no body at all: the checks say the file is not gzip
  const reader = response.body.getReader();
  try {
    for (;;) {
      signal?.throwIfAborted();
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.length;
      onProgress?.(loaded, total);
    }
  } finally {
    reader.releaseLock();
  }
  const bytes = new Uint8Array(loaded);
  let at = 0;
  for (const chunk of chunks) bytes.set(chunk, (at += chunk.length) - chunk.length);
  return bytes;
}

/**
 * Loads Fashion-MNIST: from the cache when it holds the file, else downloaded from `url`
 * (default: the site's web/data/fashion-mnist.bin), then unpacked and checked.
 *
 * options.onProgress(loaded, total): bytes received so far and the file's size (null when the
 *   server does not say); called at the start and as bytes arrive.
 * options.signal: an AbortSignal; aborting rejects with its reason (an AbortError).
 * options.cache: a Cache (or anything with match, put and delete), or null for none; default
 *   the Cache API's CACHE_NAME bucket where there is one.
 * options.fetch: the fetch function to use (default the global one; file: URLs are read from
 *   disk in Node).
 *
 * Resolves to { rows: 28, cols: 28, classes: 10, train: { images, labels, count }, test: {…},
 * source: 'cache' | 'network', bytes: the file's size }.
 */
export async function loadFashionMnist({ url = DEFAULT_URL, onProgress, signal, cache, fetch: fetchFn } = {}) {
  const href = String(url);
  const name = decodeURIComponent(new URL(href, 'file:///').pathname.split('/').pop()) || href;
  const store = cache === undefined ? await openDefaultCache() : cache;
  signal?.throwIfAborted();

  const cached = await store?.match(href).catch(() => undefined);
  if (cached) {
    try {
      const bytes = await readBody(cached, onProgress, signal);
      return { ...parseFashionBundle(await gunzip(bytes, name), name), source: 'cache', bytes: bytes.length };
    } catch {
      signal?.throwIfAborted();
      await store.delete(href).catch(() => {}); // a damaged copy: fetch a good one below
    }
  }

  let response;
  try {
    response = href.startsWith('file:') && !fetchFn ? await fetchFile(new URL(href)) : await (fetchFn ?? fetch)(href, { signal });
  } catch (err) {
    signal?.throwIfAborted();
    throw new LayerwiseError(`could not download ${name} from ${href}: ${err?.message ?? err}`, { cause: err });
  }
  if (!response.ok) {
    throw new LayerwiseError(
      `could not download ${name} from ${href}: the server answered ${response.status}${response.statusText ? ' ' + response.statusText : ''}` +
        (response.status === 404 ? ' (a site built without its data? bash scripts/build.sh writes web/data/)' : ''),
    );
  }
  const bytes = await readBody(response, onProgress, signal);
  const data = parseFashionBundle(await gunzip(bytes, name), name);
  // Stored only now that it has proved whole; a full or refused cache costs the next visit a
  // download, never this one its data.
  await store
    ?.put(href, new Response(bytes, { headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': String(bytes.length) } }))
    .catch(() => {});
  return { ...data, source: 'network', bytes: bytes.length };
}
