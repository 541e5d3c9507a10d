// The images page's pure parts: web/images/model.js (presets and their specs, top-k, the
// confusion matrix, the gallery's order), web/images/codegen.js (the PyTorch script of a
// network) and web/images/strings.js (every key in English and Korean). Numbers are checked
// against cases worked out by hand here; the specs are built by the engine itself.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { LANGS, placeholders } from '../../web/lib/i18n.js';
import {
  CLASS_KEYS, LAYER_TYPES, PRESETS, PRESET_NAMES, argmax, confusion, galleryOrder, imagesSpec, newLayer, preset, softmax, toFloats, topK,
} from '../../web/images/model.js';
import { imagesPytorchCode } from '../../web/images/codegen.js';
import { IMAGES_STRINGS, t } from '../../web/images/strings.js';
import { IDX_FILES } from '../../web/lib/fashion.js';
import { rootUrl } from './helpers.mjs';
import { requireTorch } from './torch.mjs';
import { VIEW_STRINGS } from '../../web/playground/views/strings.js';

let lw;
before(async () => {
  const engine = await import('../../web/engine/layerwise.mjs');
  lw = await engine.loadLayerwise();
});

test('the MLP preset is the seed article\'s 784-256-128-64-10 ReLU network', () => {
  const spec = imagesSpec({ layers: preset('mlp').layers });
  assert.deepEqual(spec.input, [784]);
  assert.deepEqual(spec.layers.map((l) => l.type), ['linear', 'relu', 'linear', 'relu', 'linear', 'relu', 'linear']);
  assert.deepEqual(spec.layers.filter((l) => l.type === 'linear').map((l) => l.out), [256, 128, 64, 10]);
  assert.equal(spec.init, undefined, 'PyTorch\'s default initialisation unless asked');
  const model = lw.Model.fromSpec(spec);
  // (784+1)·256 + (256+1)·128 + (128+1)·64 + (64+1)·10
  assert.equal(model.numParams, 200960 + 32896 + 8256 + 650);
  model.dispose();
});

test('the CNN preset takes [1, 28, 28] pictures, and an initialiser applies to every weight', () => {
  const spec = imagesSpec({ layers: preset('cnn').layers, init: 'kaiming_uniform', seed: 3 });
  assert.deepEqual(spec.input, [1, 28, 28]);
  assert.deepEqual(spec.layers.map((l) => l.type), ['conv2d', 'relu', 'maxpool2d', 'conv2d', 'relu', 'maxpool2d', 'flatten', 'linear']);
  assert.deepEqual(spec.init, { weight: 'kaiming_uniform' });
  assert.equal(spec.seed, 3);
  // a flatten alone also makes the input a picture
  assert.deepEqual(imagesSpec({ layers: [{ type: 'flatten' }] }).input, [1, 28, 28]);
  // presets are copies: editing one leaves the next copy alone
  const a = preset('mlp');
  a.layers[0].out = 7;
  assert.equal(preset('mlp').layers[0].out, 256);
  assert.equal(PRESETS.mlp.layers[0].out, 256);
  assert.deepEqual(PRESET_NAMES, ['mlp', 'cnn']);
  assert.throws(() => preset('resnet'), /no preset "resnet"; the presets are mlp, cnn/);
  for (const type of LAYER_TYPES) assert.equal(newLayer(type).type, type);
});

test('softmax, argmax and top-k', () => {
  const p = softmax([1, 2, 3]);
  const e = [Math.exp(-2), Math.exp(-1), 1];
  const sum = e[0] + e[1] + e[2];
  p.forEach((v, k) => assert.ok(Math.abs(v - e[k] / sum) < 1e-12));
  assert.deepEqual(softmax([9, 0, 0, 9], 1, 2), [0.5, 0.5], 'a window of the outputs');
  assert.equal(argmax([0.1, 0.7, 0.7, 0.2]), 1, 'the first of equals');
  assert.equal(argmax([5, 1, 2, 3, 9], 1, 3), 2);
  assert.deepEqual(topK([0.1, 0.5, 0.05, 0.3, 0.05], 3), [{ index: 1, value: 0.5 }, { index: 3, value: 0.3 }, { index: 0, value: 0.1 }]);
  assert.deepEqual(topK([0.2, 0.4, 0.4], 2).map((e) => e.index), [1, 2], 'ties: the lower index first');
});

test('the confusion matrix counts (true, guessed) pairs and its diagonal is the right count', () => {
  // 6 samples, 3 classes: logits whose argmax is 0, 1, 2, 2, 1, 0; labels 0, 1, 1, 2, 0, 0
  const outputs = Float32Array.from([5, 1, 0, 0, 3, 1, 0, 1, 2, -1, -2, 4, 0, 9, 1, 8, 7, 6]);
  const labels = Uint8Array.from([0, 1, 1, 2, 0, 0]);
  const { matrix, predicted, right } = confusion(outputs, labels, 3);
  assert.deepEqual([...predicted], [0, 1, 2, 2, 1, 0]);
  assert.deepEqual([...matrix], [
    2, 1, 0, // true 0: guessed 0 twice, 1 once
    0, 1, 1, // true 1
    0, 0, 1, // true 2
  ]);
  assert.equal(right, 4);
  assert.equal(matrix.reduce((a, b) => a + b, 0), 6, 'sums to the count');
  assert.throws(() => confusion(outputs, labels, 4), /confusion: 18 outputs for 6 labels of 4 classes/);

  // mistakes first, each group in sample order; a cell keeps only its samples
  assert.deepEqual(galleryOrder(predicted, labels), [2, 4, 0, 1, 3, 5]);
  assert.deepEqual(galleryOrder(predicted, labels, [0, 0]), [0, 5]);
  assert.deepEqual(galleryOrder(predicted, labels, [1, 2]), [2]);
  assert.deepEqual(galleryOrder(predicted, labels, [2, 0]), []);
});

test('bytes become floats in [0, 1]', () => {
  assert.deepEqual([...toFloats(Uint8Array.from([0, 51, 255]))], [0, 0.2, 1].map(Math.fround));
});

test('the PyTorch script: torchvision\'s loader, the layers with the engine\'s sizes, the settings', () => {
  const settings = { optimizer: 'adam', lr: 0.001, batch: 64, init: 'default' };
  const mlp = imagesPytorchCode({ spec: imagesSpec({ layers: preset('mlp').layers }), settings });
  for (const line of [
    "train_set = datasets.FashionMNIST('data', train=True, download=True, transform=to_tensor)",
    "test_set = datasets.FashionMNIST('data', train=False, download=True, transform=to_tensor)",
    '    nn.Flatten(),  # [1, 28, 28] → [784]: the 28 × 28 picture as 784 values',
    '    nn.Linear(784, 256),  # → [256]',
    '    nn.ReLU(),  # → [256]',
    '    nn.Linear(256, 128),  # → [128]',
    '    nn.Linear(128, 64),  # → [64]',
    '    nn.Linear(64, 10),  # → [10]: output: one score (logit) per class; CrossEntropyLoss applies log-softmax itself',
    'criterion = nn.CrossEntropyLoss()',
    'optimizer = torch.optim.Adam(model.parameters(), lr=0.001)',
    'BATCH_SIZE = 64',
    'EPOCHS = 5',
    "# PyTorch's default initialisation: nothing to add.",
  ]) assert.ok(mlp.includes(`${line}\n`), `has: ${line}`);
  assert.ok(!mlp.includes('init_weights'));

  // the CNN: channels, kernel and pooled sizes worked out by hand (padding 2 keeps 28, then
  // 28 → 14 by the pool, 14 stays 14, 14 → 7)
  const cnn = imagesPytorchCode({
    spec: imagesSpec({ layers: preset('cnn').layers, init: 'xavier_uniform' }),
    settings: { optimizer: 'sgd', lr: 0.01, batch: 32, init: 'xavier_uniform' },
    lang: 'ko',
    epochs: 3,
  });
  for (const line of [
    '    nn.Conv2d(1, 8, kernel_size=5, padding=2),  # → [8, 28, 28]',
    '    nn.MaxPool2d(2),  # → [8, 14, 14]',
    '    nn.Conv2d(8, 16, kernel_size=5, padding=2),  # → [16, 14, 14]',
    '    nn.MaxPool2d(2),  # → [16, 7, 7]',
    '    nn.Flatten(),  # → [784]',
    '    nn.Linear(784, 10),  # → [10]: 출력: 클래스마다 점수(로짓) 하나, CrossEntropyLoss가 log-softmax를 직접 적용합니다',
    '    if isinstance(m, (nn.Linear, nn.Conv2d)):',
    '        nn.init.xavier_uniform_(m.weight)',
    'model.apply(init_weights)',
    'optimizer = torch.optim.SGD(model.parameters(), lr=0.01)',
    'EPOCHS = 3',
  ]) assert.ok(cnn.includes(`${line}\n`), `has: ${line}`);
  assert.ok(!cnn.includes('m.bias'), 'biases keep PyTorch\'s default');
  assert.ok(!cnn.includes('nn.Flatten(),  # [1, 28, 28]'), 'pictures go in as they are');

  const other = imagesPytorchCode({
    spec: imagesSpec({ layers: [{ type: 'conv2d', out: 4, kernel: 3, stride: 2, padding: 1 }, { type: 'avgpool2d', kernel: 2 }, { type: 'flatten' }, { type: 'dropout', p: 0.25 }, { type: 'leaky_relu', slope: 0.1 }] }),
    settings: { optimizer: 'adamw', lr: 0.003, batch: 16, init: 'default' },
  });
  assert.ok(other.includes('    nn.Conv2d(1, 4, kernel_size=3, stride=2, padding=1),  # → [4, 14, 14]\n'));
  assert.ok(other.includes('    nn.AvgPool2d(2),  # → [4, 7, 7]\n'));
  assert.ok(other.includes('    nn.Linear(196, 10),'));
  assert.ok(other.includes('    nn.Dropout(p=0.25),'));
  assert.ok(other.includes('    nn.LeakyReLU(0.1),'));
  assert.ok(other.includes('torch.optim.AdamW(model.parameters(), lr=0.003)'));
});

// The scripts run under real torch and torchvision, offline: torchvision's FashionMNIST finds the
// unpacked files (build.sh puts them in build/data/fashion-mnist) in data/FashionMNIST/raw and
// downloads nothing. Each trains 2 epochs on the first 2,000 pictures (the page's `pictures`
// setting, a Subset in the script) and must: build the engine's parameters (the shape of each,
// in order; an nn.Sequential's names count its activations, which the engine's do not), lower the
// training loss from epoch 1 to 2, and reach a test accuracy far above chance (10 %) on the
// 10,000 test pictures (seen: 66 to 74 % after 2 epochs).
const RUNS = [
  { name: 'the seed article\'s MLP, Adam, PyTorch\'s default init', layers: preset('mlp').layers, init: 'default', settings: preset('mlp').settings, lang: 'en' },
  { name: 'the CNN, Kaiming normal, RMSprop, batch 128, Korean comments', layers: preset('cnn').layers, init: 'kaiming_normal', settings: { optimizer: 'rmsprop', lr: 0.001, batch: 128 }, lang: 'ko' },
  {
    name: 'a strided padded conv, average pooling, tanh, sigmoid, dropout, leaky ReLU, Xavier, AdamW',
    layers: [
      { type: 'conv2d', out: 4, kernel: 3, stride: 2, padding: 1 }, { type: 'leaky_relu', slope: 0.1 }, { type: 'avgpool2d', kernel: 2 }, { type: 'flatten' },
      { type: 'linear', out: 32 }, { type: 'tanh' }, { type: 'dropout', p: 0.25 }, { type: 'linear', out: 16 }, { type: 'sigmoid' },
    ],
    init: 'xavier_uniform',
    settings: { optimizer: 'adamw', lr: 0.003, batch: 32 },
    lang: 'en',
  },
];

test('the PyTorch scripts run under torch and torchvision, offline, and train the engine\'s network', async (t) => {
  const covered = new Set(RUNS.flatMap((r) => r.layers.map((l) => l.type)));
  assert.deepEqual(LAYER_TYPES.filter((type) => !covered.has(type)), [], 'every layer type the editor offers runs in one of the scripts');
  const python = requireTorch(t, { torchvision: true });
  if (!python) return;
  const data = fileURLToPath(new URL('build/data/fashion-mnist/', rootUrl));
  const files = Object.values(IDX_FILES).flatMap((f) => [f.images, f.labels]);
  for (const f of files) assert.ok(existsSync(join(data, f)), `${data}${f} is missing: build it with bash scripts/build.sh`);
  const dir = mkdtempSync(join(tmpdir(), 'lw-images-'));
  try {
    const raw = join(dir, 'data', 'FashionMNIST', 'raw');
    mkdirSync(raw, { recursive: true });
    for (const f of files) symlinkSync(join(data, f), join(raw, f));
    for (const run of RUNS) {
      await t.test(run.name, () => {
        const spec = imagesSpec({ layers: run.layers, init: run.init });
        const model = lw.Model.fromSpec(spec);
        const shapes = model.parameters().map((p) => p.shape.join('x'));
        model.dispose();
        const code = imagesPytorchCode({ spec, settings: { ...run.settings, pictures: 2000 }, lang: run.lang, epochs: 2 });
        const file = join(dir, 'images.py');
        writeFileSync(file, `${code}\nfor name, p in model.state_dict().items():\n    print("parameter", name, "x".join(map(str, p.shape)))\n`);
        const out = execFileSync(python, [file], { cwd: dir, encoding: 'utf8' });
        assert.deepEqual([...out.matchAll(/^parameter \S+ (\S+)$/gm)].map((m) => m[1]), shapes, 'the engine\'s parameters, in order');
        const epochs = [...out.matchAll(/^epoch (\d): train loss (\S+), test accuracy (\S+)%$/gm)].map((m) => ({ loss: Number(m[2]), accuracy: Number(m[3]) }));
        assert.equal(epochs.length, 2, `two epoch lines:\n${out}`);
        t.diagnostic(`${run.name}: train loss ${epochs.map((e) => e.loss).join(' → ')}, test accuracy ${epochs.map((e) => `${e.accuracy.toFixed(1)} %`).join(' → ')}`);
        assert.ok(epochs[1].loss < epochs[0].loss, `the training loss falls: ${epochs[0].loss} → ${epochs[1].loss}`);
        assert.ok(epochs[1].accuracy > 40, `test accuracy after 2 epochs ${epochs[1].accuracy} % (chance is 10 %)`);
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('every string in English and Korean, with the same placeholders; class names in Korean', () => {
  const en = Object.keys(IMAGES_STRINGS.en).sort();
  assert.deepEqual(Object.keys(IMAGES_STRINGS.ko).sort(), en);
  for (const key of en) {
    for (const lang of LANGS) assert.ok(IMAGES_STRINGS[lang][key].trim() !== '', `${lang}.${key}`);
    assert.deepEqual(placeholders(IMAGES_STRINGS.ko[key]), placeholders(IMAGES_STRINGS.en[key]), `ko.${key}`);
  }
  assert.deepEqual(CLASS_KEYS.map((k) => t('ko', `class.${k}`)), ['티셔츠/탑', '바지', '풀오버', '드레스', '코트', '샌들', '셔츠', '운동화', '가방', '앵클부츠']);
  assert.deepEqual(CLASS_KEYS.map((k) => t('en', `class.${k}`)), ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot']);
  assert.equal(t('ko', 'curves.loss'), VIEW_STRINGS.ko['curves.loss'], 'the curves view\'s strings are composed in');
  for (const type of LAYER_TYPES) assert.ok(`type.${type}` in IMAGES_STRINGS.en, `type.${type}`);
});

test('every key the element and its views use exists', () => {
  const dir = new URL('../../web/images/', import.meta.url);
  const files = readdirSync(dir).filter((n) => n.endsWith('.js') && n !== 'strings.js').map((n) => new URL(n, dir));
  for (const name of ['pad.js', 'guesses.js', 'weights.js']) files.push(new URL(`../../web/lib/${name}`, import.meta.url));
  const used = new Set();
  for (const file of files) {
    for (const m of readFileSync(file, 'utf8').matchAll(/'((?:app|nav|load|panel|preset|layers|type|size|settings|init|optimizer|train|confusion|gallery|pad|draw|guess|weights|filters|code|lang)\.[\w.]+)'/g)) used.add(m[1]);
  }
  assert.ok(used.size > 50, `${used.size} keys found`);
  assert.deepEqual([...used].filter((k) => !(k in IMAGES_STRINGS.en)), []);
});
