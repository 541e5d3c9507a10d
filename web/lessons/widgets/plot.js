// A small SVG line plot for the lessons: axes with ticks, several named series, optional
// log-y, a legend. Redraws from data in one call, cheap enough for every animation frame.
//
//   const plot = new LinePlot({ width: 560, height: 260, xLabel: 'p', yLabel: 'loss', logY: false,
//                               xDomain: [0, 1], yDomain: [0, 5] });   // domains: fixed, or fitted to data when omitted
//   (yCap: values above it are drawn at the top edge but left out of the fit, e.g. a diverged run)
//   container.append(plot.root);
//   plot.update([{ name: 'BCE', color: '#0072b2', points: [[x, y], …], dash: false }, …], { marker: [x, y] });
import { h } from '../../lib/dom.js';

const niceStep = (span, n) => {
  const raw = span / Math.max(1, n);
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? raw;
};

export function ticks(lo, hi, n = 5) {
  if (!(hi > lo)) return [lo];
  const step = niceStep(hi - lo, n);
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return out;
}

const label = (v) => {
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e5)) return v.toExponential(0).replace('-', '−');
  return String(Number(v.toPrecision(4))).replace('-', '−');
};

let plots = 0;

export class LinePlot {
  constructor({ width = 560, height = 260, xLabel = '', yLabel = '', logY = false, xDomain = null, yDomain = null, yCap = Infinity, ariaLabel = '' } = {}) {
    Object.assign(this, { width, height, logY, xDomain, yDomain, yCap });
    this.margin = { left: 48, right: 12, top: 22, bottom: 34 };
    this.root = h('svg', { class: 'lw-plot', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': ariaLabel });
    this.grid = h('g', { class: 'grid' });
    this.lines = h('g', { class: 'lines' });
    this.legend = h('g', { class: 'legend' });
    this.xText = h('text', { x: width - this.margin.right, y: height - 4, 'text-anchor': 'end' }, xLabel);
    this.yText = h('text', { x: 4, y: 14 }, yLabel);
    this.marker = h('g', { class: 'marker' });
    // lines and markers stay inside the plot area (a value past the domain runs to its edge)
    const clip = `lw-plot-clip-${++plots}`;
    const m = this.margin;
    this.root.append(h('defs', {}, h('clipPath', { id: clip },
      h('rect', { x: m.left - 6, y: m.top - 6, width: width - m.left - m.right + 12, height: height - m.top - m.bottom + 12 }))));
    this.lines.setAttribute('clip-path', `url(#${clip})`);
    this.marker.setAttribute('clip-path', `url(#${clip})`);
    this.root.append(this.grid, this.lines, this.marker, this.legend, this.xText, this.yText);
  }

  setLabels(xLabel, yLabel) {
    this.xText.textContent = xLabel;
    this.yText.textContent = yLabel;
  }

  /** series: [{name, color, points: [[x, y]], dash}]; non-finite y breaks the line. */
  update(series, { marker = null, markers = [] } = {}) {
    const { width, height, margin, logY } = this;
    const finite = series.flatMap((s) => s.points).filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y) && y <= this.yCap && (!logY || y > 0));
    let [x0, x1] = this.xDomain ?? [Math.min(...finite.map((p) => p[0])), Math.max(...finite.map((p) => p[0]))];
    let [y0, y1] = this.yDomain ?? [Math.min(0, ...finite.map((p) => p[1])), Math.max(...finite.map((p) => p[1]))];
    if (!finite.length && !this.xDomain) [x0, x1] = [0, 1];
    if (!finite.length && !this.yDomain) [y0, y1] = [0, 1];
    if (!(x1 > x0)) x1 = x0 + 1;
    if (!(y1 > y0)) y1 = y0 + 1;
    const ty = logY ? (v) => Math.log10(Math.max(v, 1e-30)) : (v) => v;
    if (logY && !this.yDomain) {
      const positive = finite.map((p) => p[1]).filter((v) => v > 0);
      const [lo, hi] = positive.length ? [Math.min(...positive), Math.max(...positive)] : [0.1, 1];
      if (hi / lo < 5) {
        // data within less than a decade: fit it closely, or every curve looks flat
        [y0, y1] = [lo / 1.1, hi * 1.1];
      } else {
        // whole decades around the data
        y0 = 10 ** Math.floor(Math.log10(lo));
        y1 = 10 ** Math.ceil(Math.log10(hi));
      }
      if (y1 <= y0) y1 = y0 * 10;
    }
    if (logY) y0 = Math.max(y0, 1e-30);
    const [Y0, Y1] = [ty(y0), ty(y1) === ty(y0) ? ty(y0) + 1 : ty(y1)];
    const sx = (x) => margin.left + ((x - x0) / (x1 - x0)) * (width - margin.left - margin.right);
    const sy = (y) => height - margin.bottom - ((Math.min(Math.max(ty(y), Y0 - 1), Y1 + 1) - Y0) / (Y1 - Y0)) * (height - margin.top - margin.bottom);
    this.scale = { sx, sy };

    this.grid.replaceChildren();
    for (const v of ticks(x0, x1, 6)) {
      this.grid.append(h('line', { x1: sx(v), x2: sx(v), y1: margin.top, y2: height - margin.bottom, stroke: '#e3e7ec' }),
        h('text', { x: sx(v), y: height - margin.bottom + 16, 'text-anchor': 'middle' }, label(v)));
    }
    // log axes tick at powers of ten, or at plain values when the range is under a decade and a half
    const yTicks = !logY ? ticks(y0, y1, 5)
      : Y1 - Y0 >= 1.2 ? ticks(Y0, Y1, 5).filter(Number.isInteger).map((e) => 10 ** e) : ticks(y0, y1, 4);
    for (const v of yTicks) {
      this.grid.append(h('line', { x1: margin.left, x2: width - margin.right, y1: sy(v), y2: sy(v), stroke: '#e3e7ec' }),
        h('text', { x: margin.left - 6, y: sy(v) + 4, 'text-anchor': 'end' }, label(v)));
    }
    this.grid.append(h('line', { x1: margin.left, x2: margin.left, y1: margin.top, y2: height - margin.bottom, stroke: '#9aa5b1' }),
      h('line', { x1: margin.left, x2: width - margin.right, y1: height - margin.bottom, y2: height - margin.bottom, stroke: '#9aa5b1' }));

    this.lines.replaceChildren();
    this.legend.replaceChildren();
    series.forEach((s, i) => {
      let d = '';
      let pen = false;
      for (const [x, y] of s.points) {
        if (!Number.isFinite(y) || (logY && !(y > 0))) { pen = false; continue; }
        d += `${pen ? 'L' : 'M'}${sx(x).toFixed(1)},${sy(y).toFixed(1)}`;
        pen = true;
      }
      this.lines.append(h('path', { d, fill: 'none', stroke: s.color, 'stroke-width': s.width ?? 2, 'stroke-dasharray': s.dash ? '6 4' : null, 'data-series': s.name }));
      if (s.name) {
        // top right, clear of the y axis' label
        const lx = width - margin.right - 130;
        const ly = margin.top + 12 + i * 16;
        this.legend.append(h('line', { x1: lx, x2: lx + 18, y1: ly - 4, y2: ly - 4, stroke: s.color, 'stroke-width': 2, 'stroke-dasharray': s.dash ? '6 4' : null }),
          h('text', { x: lx + 24, y: ly, fill: '#1f2933' }, s.name));
      }
    });
    this.marker.replaceChildren();
    for (const m of [marker, ...markers].filter(Boolean)) {
      const [x, y, color = '#1f2933'] = m;
      if (Number.isFinite(x) && Number.isFinite(y)) this.marker.append(h('circle', { cx: sx(x), cy: sy(y), r: 5, fill: color, stroke: '#fff', 'stroke-width': 1.5 }));
    }
  }
}
