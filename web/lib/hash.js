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
 * Throws a URIError on a malformed escape (a lone '%').
 */
export function hashPairs(hash) {
  return hash.replace(/^#/, '').split('&').filter(Boolean).map((part) => {
    const eq = part.indexOf('=');
    return [decodeURIComponent(eq < 0 ? part : part.slice(0, eq)), eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1))];
  });
}
