// Fashion-MNIST for a lesson widget that trains on it: the engine and the pictures (a 5 MB
// download, cached by web/lib/fashion.js) fetched once, when the widget comes near the screen or
// when the reader asks to train, with the download's progress and any failure shown in the
// widget's own words, and a retry on the next call after a failure.
//
//   const load = fashionOnce(root, {
//     progress: (doneMB, totalMB) => …,     // strings: '1.2', '5.0' ('?' when the size is unknown)
//     ready: ({ lw, data }) => env,          // make what the widget needs; load() resolves to it
//     failed: (error) => …,                  // show error.message; load() rejects
//   });
import { loadFashionMnist } from '../../lib/fashion.js';
import { getEngine } from './common.js';

const MB = 1024 * 1024;

/** Grey levels 0–255 as floats in [0, 1]. */
export const scaled = (bytes) => Float32Array.from(bytes, (v) => v / 255);

export function fashionOnce(root, { progress, ready, failed }) {
  let loading = null;
  const load = () => {
    loading ??= (async () => {
      try {
        const [lw, data] = await Promise.all([getEngine(), loadFashionMnist({
          onProgress: (done, total) => progress((done / MB).toFixed(1), total ? (total / MB).toFixed(1) : '?'),
        })]);
        return ready({ lw, data });
      } catch (error) {
        loading = null;
        console.warn('Fashion-MNIST:', error);
        failed(error);
        throw error;
      }
    })();
    return loading;
  };
  if (typeof IntersectionObserver === 'function') {
    const seen = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) { seen.disconnect(); load().catch(() => {}); }
    }, { rootMargin: '400px' });
    seen.observe(root);
  }
  return load;
}
