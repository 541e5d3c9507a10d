// Canvases sharp on every screen: a canvas's backing store is sized to its CSS box times the
// device pixel ratio (only when that changed, since resizing clears it), and its context is
// scaled so drawing code works in CSS pixels. Used by the views (fitCanvas, watchSize), the
// playground's drawing pad, the sketch pad and the 28 × 28 input view (fitSquare).

/** Device pixels per CSS pixel (1 where the page cannot tell). */
export const pixelRatio = () => globalThis.devicePixelRatio || 1;

// The backing store for cssW × cssH CSS pixels at the device pixel ratio.
function sizeStore(canvas, cssW, cssH) {
  const dpr = pixelRatio();
  const w = Math.max(1, Math.round(cssW * dpr));
  const h = Math.max(1, Math.round(cssH * dpr));
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  return { w, h, dpr };
}

/**
 * Sizes canvas to cssW × cssH CSS pixels (its style too) at the device pixel ratio and returns
 * its 2-D context scaled to CSS pixels.
 */
export function fitCanvas(canvas, cssW, cssH) {
  const { w, h } = sizeStore(canvas, cssW, cssH);
  canvas.style.width = `${cssW}px`;
  canvas.style.height = `${cssH}px`;
  const ctx = canvas.getContext('2d');
  ctx.setTransform(w / cssW, 0, 0, h / cssH, 0, 0);
  return ctx;
}

/**
 * For a square canvas whose CSS sets its size (width: 100%; aspect-ratio: 1): its backing
 * store at the device pixel ratio, its CSS left alone. Returns null while it has no width (not
 * laid out yet), else { ctx, size: its side in CSS pixels, px: in device pixels, dpr }, ctx
 * scaled by dpr.
 */
export function fitSquare(canvas) {
  const size = canvas.clientWidth;
  if (!size) return null;
  const { w: px, dpr } = sizeStore(canvas, size, size);
  const ctx = canvas.getContext('2d');
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  return { ctx, size, px, dpr };
}

/** Calls onResize(width, height) when element's content box changes; returns a stop function. */
export function watchSize(element, onResize) {
  if (typeof ResizeObserver !== 'function') return () => {};
  let last = '';
  const ro = new ResizeObserver((entries) => {
    const box = entries[entries.length - 1].contentRect;
    const key = `${Math.round(box.width)}x${Math.round(box.height)}`;
    if (key === last) return;
    last = key;
    onResize(Math.round(box.width), Math.round(box.height));
  });
  ro.observe(element);
  return () => ro.disconnect();
}
