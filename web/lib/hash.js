// URL hashes of key=value parts ('#dataset=spiral&layers=8,8'), the form of the playground's
// links and of the embed page's address: written escaped, with commas kept readable, and read
// back decoded. What the keys mean is up to each user (web/playground/state.js, web/embed/).

/** A URL hash of [key, text] pairs: '#k=v&…', each part escaped, commas kept readable. */
export function hashOf(pairs) {
  const part = (text) => encodeURIComponent(text).replace(/%2C/g, ',');
  return '#' + pairs.map(([k, v]) => `${part(k)}=${part(v)}`).join('&');
}

/**
 * The [key, text] pairs of a URL hash, decoded, in order; '' for a key written without '='.
 * A part with a malformed escape (a lone '%') is left out and pushed, as written, to `malformed`
 * (the caller says so: web/lib/refusals.js, 'setting.escape').
 */
export function hashPairs(hash, malformed = []) {
  const pairs = [];
  for (const part of hash.replace(/^#/, '').split('&').filter(Boolean)) {
    const eq = part.indexOf('=');
    try {
      pairs.push([decodeURIComponent(eq < 0 ? part : part.slice(0, eq)), eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1))]);
    } catch {
      malformed.push(part);
    }
  }
  return pairs;
}
