// The XOR demo page: loads the engine, trains a 2-4-4-1 tanh/sigmoid network on XOR data the
// engine generates, and after each short time slice redraws the decision boundary, the loss
// curve and the status line. Training runs in requestAnimationFrame slices of a few
// milliseconds, so the page stays responsive (the full playground will train in a worker).
import { loadLayerwise } from './engine/layerwise.mjs';

const SPEC = {
  input: [2],
  layers: [
    { type: 'linear', out: 4 }, { type: 'tanh' },
    { type: 'linear', out: 4 }, { type: 'tanh' },
    { type: 'linear', out: 1 }, { type: 'sigmoid' },
  ],
  init: { weight: 'xavier_uniform', bias: 'zeros' },
};
const LR = 0.01;
const BATCH = 16;
const POINTS = 400;
const NOISE = 0.15;
const TRAIN_RATIO = 0.8;
const EPOCHS = 200;          // per run; "Train more" adds as many again
const EPOCHS_PER_FRAME = 1;  // slow enough to watch the boundary form
const SLICE_MS = 10;         // never hold the main thread longer than this per frame
const EXTENT = 6;            // the generators' frame: [-6, 6]²
const GRID = 64;             // boundary resolution (cells per side)
const COLORS = [[245, 147, 34], [8, 119, 189]]; // class 0 orange, class 1 blue

const $ = (id) => document.getElementById(id);
const boundaryCanvas = $('boundary');
const lossCanvas = $('loss');
const statusLine = $('status');
const pauseButton = $('pause');
const restartButton = $('restart');

// Centres of the grid cells, row by row from the top (x2 = +6) down.
const grid = new Float32Array(GRID * GRID * 2);
for (let r = 0; r < GRID; r++) {
  for (let c = 0; c < GRID; c++) {
    const i = 2 * (r * GRID + c);
    grid[i] = -EXTENT + ((c + 0.5) * 2 * EXTENT) / GRID;
    grid[i + 1] = EXTENT - ((r + 0.5) * 2 * EXTENT) / GRID;
  }
}
// One pixel per cell, scaled up smoothly onto the visible canvas.
const cells = Object.assign(document.createElement('canvas'), { width: GRID, height: GRID });
const cellImage = cells.getContext('2d').createImageData(GRID, GRID);

let lw;
let run = null; // { seed, data, train, test, points, model, optimizer, epoch, goal, losses, accuracy }
let running = false;
let frameRequest = 0;

function startRun(seed) {
  disposeRun();
  const data = lw.data.generate('xor', { n: POINTS, noise: NOISE, seed });
  const [train, test] = data.split(TRAIN_RATIO, seed);
  const model = lw.Model.fromSpec({ ...SPEC, seed });
  run = {
    seed, data, train, test, model,
    optimizer: lw.optim.Adam(model, { lr: LR }),
    points: [train.toArrays(), test.toArrays()],
    epoch: 0,
    goal: EPOCHS,
    losses: [],
    accuracy: null,
  };
  draw();
  setRunning(true);
}

function disposeRun() {
  if (!run) return;
  for (const o of [run.optimizer, run.model, run.train, run.test, run.data]) o.dispose();
  run = null;
}

function setRunning(on) {
  running = on && run.epoch < run.goal;
  pauseButton.textContent = running ? 'Pause' : run.epoch < run.goal ? 'Resume' : 'Train more';
  cancelAnimationFrame(frameRequest);
  if (running) frameRequest = requestAnimationFrame(frame);
}

function frame() {
  const start = performance.now();
  const loss = lw.loss.BCE();
  for (let n = 0; n < EPOCHS_PER_FRAME && run.epoch < run.goal; n++) {
    run.losses.push(run.model.trainEpoch(run.train, BATCH, loss, run.optimizer));
    run.epoch++;
    if (performance.now() - start > SLICE_MS) break;
  }
  run.accuracy = run.model.evaluate(run.test, loss).accuracy;
  draw();
  setRunning(running);
}

function draw() {
  drawBoundary();
  drawLoss();
  showStatus();
}

// Canvas backing size follows its CSS size and the device pixel ratio.
function fit(canvas) {
  const ratio = window.devicePixelRatio || 1;
  const width = Math.round(canvas.clientWidth * ratio);
  const height = Math.round(canvas.clientHeight * ratio);
  if (canvas.width !== width || canvas.height !== height) Object.assign(canvas, { width, height });
  return ratio;
}

function drawBoundary() {
  const ratio = fit(boundaryCanvas);
  const ctx = boundaryCanvas.getContext('2d');
  const { width, height } = boundaryCanvas;

  // p(class 1) per cell: orange below 0.5, blue above, paler towards 0.5.
  const p = run.model.forward(grid, GRID * GRID);
  const px = cellImage.data;
  for (let i = 0; i < p.length; i++) {
    const t = 2 * p[i] - 1;
    const [r, g, b] = COLORS[t < 0 ? 0 : 1];
    const a = Math.min(1, Math.abs(t)) * 0.55;
    px[4 * i] = 255 + (r - 255) * a;
    px[4 * i + 1] = 255 + (g - 255) * a;
    px[4 * i + 2] = 255 + (b - 255) * a;
    px[4 * i + 3] = 255;
  }
  cells.getContext('2d').putImageData(cellImage, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(cells, 0, 0, width, height);

  // Axes through the origin.
  ctx.strokeStyle = 'rgba(31, 41, 51, 0.12)';
  ctx.lineWidth = ratio;
  ctx.beginPath();
  ctx.moveTo(width / 2, 0);
  ctx.lineTo(width / 2, height);
  ctx.moveTo(0, height / 2);
  ctx.lineTo(width, height / 2);
  ctx.stroke();

  // Points: training ones ringed in white, test ones in dark ink.
  const radius = Math.max(3, width / 110);
  run.points.forEach(({ x, y }, set) => {
    ctx.strokeStyle = set === 0 ? '#fff' : '#1f2933';
    ctx.lineWidth = 1.5 * ratio;
    for (let i = 0; i < y.length; i++) {
      const cx = ((x[2 * i] + EXTENT) / (2 * EXTENT)) * width;
      const cy = ((EXTENT - x[2 * i + 1]) / (2 * EXTENT)) * height;
      ctx.fillStyle = `rgb(${COLORS[y[i]].join(',')})`;
      ctx.beginPath();
      ctx.arc(cx, cy, radius, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
    }
  });
}

// Training loss per epoch on a log scale, so the long tail stays visible.
function drawLoss() {
  const ratio = fit(lossCanvas);
  const ctx = lossCanvas.getContext('2d');
  const { width, height } = lossCanvas;
  ctx.clearRect(0, 0, width, height);
  ctx.fillStyle = '#5f6b7a';
  ctx.font = `${11 * ratio}px system-ui, sans-serif`;
  ctx.textBaseline = 'top';
  ctx.fillText('training loss (log scale)', 0, 0);
  const losses = run.losses;
  if (losses.length < 2) return;
  const logs = losses.map((l) => Math.log10(Math.max(l, 1e-6)));
  const hi = Math.max(...logs);
  const lo = Math.min(...logs, hi - 1);
  const top = 16 * ratio;
  const span = Math.max(run.goal, losses.length) - 1;
  ctx.strokeStyle = '#0877bd';
  ctx.lineWidth = 2 * ratio;
  ctx.lineJoin = 'round';
  ctx.beginPath();
  logs.forEach((v, i) => {
    const x = (i / span) * (width - ratio) + ratio / 2;
    const y = top + ((hi - v) / (hi - lo)) * (height - top - ratio);
    if (i === 0) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  });
  ctx.stroke();
}

function showStatus() {
  const loss = run.losses.at(-1);
  const parts = [`Epoch <b>${run.epoch}</b>`];
  if (loss !== undefined) {
    parts.push(`train loss <b>${loss >= 1e-3 ? loss.toFixed(4) : loss.toExponential(1)}</b>`);
  }
  if (run.accuracy !== null) parts.push(`test accuracy <b>${(100 * run.accuracy).toFixed(1)}%</b>`);
  // Each part stays on one line; a wrap comes before a separator, never after it.
  statusLine.innerHTML = parts.map((part, i) => `<span>${i ? '· ' : ''}${part}</span>`).join(' ');
}

pauseButton.addEventListener('click', () => {
  if (!running && run.epoch >= run.goal) run.goal += EPOCHS;
  setRunning(!running);
});
restartButton.addEventListener('click', () => startRun(run.seed + 1));
new ResizeObserver(() => run && draw()).observe(boundaryCanvas);

try {
  lw = await loadLayerwise();
  startRun(1);
  pauseButton.disabled = false;
  restartButton.disabled = false;
} catch (err) {
  statusLine.textContent = `Could not start the engine: ${err.message}`;
  statusLine.classList.add('error');
  throw err;
}
