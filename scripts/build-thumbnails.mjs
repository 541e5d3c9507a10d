// Writes web/playground/controls/thumbnail-data.js: the points of the playground's dataset
// thumbnails, made by the engine's own generator (lw.data.generate, the one the training worker
// uses) with THUMBNAIL settings, packed small (coordinates to 0.1, values to 0.01, as int8 in
// base64). Run it after changing a generator: node scripts/build-thumbnails.mjs
// (tests/js/thumbnails.test.mjs fails while the file and the engine disagree).
import { writeFile } from 'node:fs/promises';
import { loadLayerwise } from '../web/engine/load.mjs';
import { THUMBNAIL, packThumbnail } from '../web/playground/controls/thumbnails.js';

const lw = await loadLayerwise();
const names = lw.data.names.filter((name) => name !== 'drawn');
const lines = [];
for (const name of names) {
  const data = lw.data.generate(name, THUMBNAIL);
  const { x, y } = data.toArrays();
  lines.push(`  ${name}: { classes: ${data.classes}, points: '${packThumbnail(x, y, data.classes)}' },`);
  data.dispose?.();
}
const text = `// Made by scripts/build-thumbnails.mjs from the engine's generators (do not edit): each
// dataset's thumbnail points, packed by thumbnails.js packThumbnail.
export const THUMBNAIL_POINTS = Object.freeze({
${lines.join('\n')}
});
`;
await writeFile(new URL('../web/playground/controls/thumbnail-data.js', import.meta.url), text);
console.log(`thumbnail-data.js: ${names.join(', ')}`);
