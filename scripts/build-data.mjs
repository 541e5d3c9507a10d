// Builds the Fashion-MNIST data from Debian's dataset-fashion-mnist package (the four IDX
// files, gzip-compressed, in /usr/share/datasets/fashion-mnist; LAYERWISE_FASHION_MNIST names
// another folder holding them):
//   build/data/fashion-mnist/*-ubyte  the full set, unpacked, for the native tests and benchmarks
//   web/data/fashion-mnist.bin        the site's download: the first 10,000 training and the first
//                                     2,000 test pictures as the dataset's own IDX files (headers
//                                     counting the subset), one after another (train pictures,
//                                     train labels, test pictures, test labels), in one gzip stream
// README.md ("The Fashion-MNIST data") says why this subset and this format. Every source file is
// checked by the parser the site uses (web/lib/fashion.js, which needs web/engine/ built first:
// scripts/build.sh runs this after copying the engine), and the file the site gets is checked
// again after packing. A missing or broken source stops the build with a message naming the file
// and the fix. Idempotent: nothing is written when every output is newer than the sources, this
// script and the parser. Outputs are written to a temporary name and renamed, so an interrupted
// build leaves nothing half-written.
//   node scripts/build-data.mjs
import { gunzipSync, gzipSync } from 'node:zlib';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLASSES, IDX_FILES, gunzip, parseFashionBundle, parseIdx } from '../web/lib/fashion.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const source = process.env.LAYERWISE_FASHION_MNIST || '/usr/share/datasets/fashion-mnist';
const FIX =
  'install Debian\'s dataset-fashion-mnist (bash scripts/setup.sh does; "apt-get install --reinstall dataset-fashion-mnist" repairs it), ' +
  'or set LAYERWISE_FASHION_MNIST to a folder holding the four Fashion-MNIST .gz files';

/** The site's subset: the first pictures of each split, in the dataset's order. */
export const SUBSET = { train: 10000, test: 2000 };
const FULL = { train: 60000, test: 10000 };

const nativeDir = join(root, 'build/data/fashion-mnist');
const webFile = join(root, 'web/data/fashion-mnist.bin');
const names = Object.values(IDX_FILES).flatMap((f) => [f.images, f.labels]);
const sources = names.map((f) => join(source, f + '.gz'));
const outputs = [...names.map((f) => join(nativeDir, f)), webFile];

const fail = (message) => {
  console.error(`build-data: ${message}`);
  process.exit(1);
};
const mtime = (file) => statSync(file, { throwIfNoEntry: false })?.mtimeMs;

function upToDate() {
  for (const file of sources) if (mtime(file) === undefined) fail(`${file} is missing; ${FIX}`);
  const newest = Math.max(...[...sources, fileURLToPath(import.meta.url), join(root, 'web/lib/fashion.js')].map(mtime));
  return outputs.every((file) => mtime(file) > newest);
}

function writeAtomically(file, bytes) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file + '.tmp', bytes);
  renameSync(file + '.tmp', file);
}

/** One source file: unpacked and checked, as its IDX bytes and what parseIdx read. */
function readSource(file, kind, expected) {
  const path = join(source, file + '.gz');
  let bytes;
  try {
    bytes = gunzipSync(readFileSync(path));
  } catch (err) {
    fail(`${path} cannot be read as gzip (${err.message}); ${FIX}`);
  }
  let idx;
  try {
    idx = parseIdx(bytes, path);
  } catch (err) {
    fail(`${err.message}; ${FIX}`);
  }
  if (idx.kind !== kind || idx.count !== expected) {
    fail(`${path} holds ${idx.count} ${idx.kind === 'images' ? 'pictures' : 'labels'}; Fashion-MNIST's file has ${expected} ${kind === 'images' ? 'pictures' : 'labels'}; ${FIX}`);
  }
  return { bytes, idx };
}

/** The first n items of a parsed IDX file, as an IDX file whose header counts n. */
function idxPrefix({ bytes, idx }, n) {
  const header = idx.kind === 'images' ? 16 : 8;
  const out = bytes.slice(0, header + n * idx.rows * idx.cols);
  new DataView(out.buffer).setUint32(4, n);
  return out;
}

const histogram = (labels) => labels.reduce((h, label) => (h[label]++, h), new Array(CLASSES).fill(0));

if (upToDate()) {
  console.log('build-data: build/data/fashion-mnist and web/data/fashion-mnist.bin are up to date');
} else {
  const parts = [];
  for (const split of ['train', 'test']) {
    const images = readSource(IDX_FILES[split].images, 'images', FULL[split]);
    const labels = readSource(IDX_FILES[split].labels, 'labels', FULL[split]);
    writeAtomically(join(nativeDir, IDX_FILES[split].images), images.bytes);
    writeAtomically(join(nativeDir, IDX_FILES[split].labels), labels.bytes);
    parts.push(idxPrefix(images, SUBSET[split]), idxPrefix(labels, SUBSET[split]));
  }
  const raw = Buffer.concat(parts);
  const packed = gzipSync(raw, { level: 9 });
  // The very check the browser makes, on what it will download.
  const data = parseFashionBundle(await gunzip(packed, 'web/data/fashion-mnist.bin'), 'web/data/fashion-mnist.bin');
  writeAtomically(webFile, packed);
  const mb = (n) => (n / 1e6).toFixed(2) + ' MB';
  console.log(`build-data: build/data/fashion-mnist: ${FULL.train} train + ${FULL.test} test pictures, unpacked`);
  console.log(
    `build-data: web/data/fashion-mnist.bin: ${data.train.count} train + ${data.test.count} test pictures, ` +
      `${mb(raw.length)} of IDX, ${mb(packed.length)} gzip-compressed (${packed.length} bytes)`,
  );
  for (const split of ['train', 'test']) console.log(`build-data:   ${split} pictures per class 0–9: ${histogram(data[split].labels).join(' ')}`);
}
