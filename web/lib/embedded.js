// Files a page carries inside itself. The site keeps each file beside the module that names
// it; the one-file playground (scripts/build-single.mjs) is a single HTML file, so its first
// module hands the files it carries to embedFiles() before any element starts, and from then
// on a file it does not carry (another page of the site) is not there at all.
//
//   link.href = located('playground/playground.css', new URL('./playground.css', import.meta.url));
//   // on the site: that URL; in the one file: the carried copy (a blob: URL)
//   const href = located('sketch.html', new URL('../../sketch.html', import.meta.url));
//   // in the one file: null, so the element leaves the link out
//
// The engine's own files (worker and wasm) are the engine's to carry: embedEngine() in
// web/engine/trainer.mjs.

const carried = new Map(); // a path under web/ -> the URL of its copy (blob: or data:)
let selfContained = false;

/** Declares this page one file that carries `files` ({'path/under/web': url}) and nothing else. */
export function embedFiles(files) {
  for (const [name, url] of Object.entries(files)) carried.set(name, String(url));
  selfContained = true;
}

/**
 * Where the file `name` (its path under web/) is: the carried copy, or null when this page is
 * one file that does not carry it; on the site, `url` (where it lies) as a string.
 */
export function located(name, url) {
  return selfContained ? carried.get(name) ?? null : String(url);
}
