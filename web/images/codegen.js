// The images page's network as a runnable PyTorch script: torchvision's FashionMNIST loader
// (ToTensor scales pixels to [0, 1], as the page does), the spec's layers as an nn.Sequential
// with each layer's output shape in a comment, the initialiser, cross-entropy, the optimiser,
// a training loop and the test accuracy. The pieces the playground's script has too (comment
// wrapping, the init function, the optimiser line) come from web/playground/codegen.js; the
// layer sizes from the engine's own shape rule (layerShapes of engine/trainer-session.mjs).
// Plain text that depends only on its arguments; comments follow the page's language.
//
//   imagesPytorchCode({ spec, settings: {optimizer, lr, batch, pictures}, lang, epochs })  → Python source
// (settings.pictures, a number: the script trains on that many of the first training pictures.)
import { fill } from '../lib/i18n.js';
import { layerShapes } from '../engine/trainer-session.mjs';
import { commentLines, pyInit, pyOptimizer } from '../playground/codegen.js';

export const FILE = 'layerwise_fashion_mnist.py';
export const EPOCHS = 5;

const COMMENTS = {
  en: {
    title: 'Layerwise real images → PyTorch: Fashion-MNIST, {summary}',
    run: 'Needs PyTorch and torchvision (pip install torch torchvision). Run: python3 {file}',
    download: 'The first run downloads Fashion-MNIST (about 30 MB) into ./data.',
    random: "PyTorch's random numbers differ from Layerwise's: the weights and the results are alike, not identical.",
    settings: 'Settings',
    data: 'Data',
    toTensor: 'ToTensor turns each picture into a [1, 28, 28] tensor of values in [0, 1], as the page does.',
    subset: 'The page trains on 10,000 of the 60,000 training pictures and tests on 2,000 of the 10,000 test pictures; this script uses them all.',
    first: 'As on the page, only the first {count} training pictures; the page tests on 2,000 of the 10,000 test pictures, this script on them all.',
    model: 'Model',
    flatten: 'the 28 × 28 picture as 784 values',
    output: 'output: one score (logit) per class; CrossEntropyLoss applies log-softmax itself',
    init: 'Weight initialisation, applied to every Linear and Conv2d layer.',
    initDefault: "PyTorch's default initialisation: nothing to add.",
    lossAndOptimizer: 'Loss function and optimiser',
    training: 'Training',
    trainingNote: 'Each epoch visits every training picture once, shuffled, in batches of {batch}.',
    evaluation: 'Test accuracy (eval mode: dropout off)',
  },
  ko: {
    title: 'Layerwise 실제 이미지 → PyTorch: Fashion-MNIST, {summary}',
    run: 'PyTorch와 torchvision이 필요합니다 (pip install torch torchvision). 실행: python3 {file}',
    download: '처음 실행할 때 Fashion-MNIST(약 30 MB)를 ./data에 내려받습니다.',
    random: 'PyTorch의 난수는 Layerwise와 다르므로 가중치와 결과가 비슷할 뿐 똑같지는 않습니다.',
    settings: '설정',
    data: '데이터',
    toTensor: 'ToTensor는 사진을 페이지와 똑같이 [0, 1] 범위 값의 [1, 28, 28] 텐서로 바꿉니다.',
    subset: '페이지는 학습 사진 60,000장 중 10,000장으로 학습하고 테스트 사진 10,000장 중 2,000장으로 테스트합니다. 이 코드는 전부 씁니다.',
    first: '학습 사진은 페이지와 똑같이 앞쪽 {count}장만 씁니다. 테스트는 페이지가 10,000장 중 2,000장으로 하고, 이 코드는 10,000장 전부로 합니다.',
    model: '모델',
    flatten: '28 × 28 사진을 값 784개로',
    output: '출력: 클래스마다 점수(로짓) 하나, CrossEntropyLoss가 log-softmax를 직접 적용합니다',
    init: '가중치 초기화: 모든 Linear와 Conv2d 층에 적용합니다.',
    initDefault: 'PyTorch 기본 초기화를 쓰므로 따로 할 일이 없습니다.',
    lossAndOptimizer: '손실 함수와 옵티마이저',
    training: '학습',
    trainingNote: '에포크마다 학습 사진을 섞어 {batch}장씩(배치 크기) 모두 한 번씩 학습합니다.',
    evaluation: '테스트 정확도 (평가 모드: 드롭아웃 끔)',
  },
};

const pair = (v, fallback) => (v === undefined ? fallback : Array.isArray(v) ? `(${v.join(', ')})` : String(v));

// One spec layer as a PyTorch module, given the shape that goes into it.
function pyModule(layer, input) {
  switch (layer.type) {
    case 'linear': return `nn.Linear(${input[0]}, ${layer.out})`;
    case 'conv2d': {
      const extra = [layer.stride !== undefined && `stride=${pair(layer.stride)}`, layer.padding !== undefined && `padding=${pair(layer.padding)}`].filter(Boolean);
      return `nn.Conv2d(${input[0]}, ${layer.out}, kernel_size=${pair(layer.kernel)}${extra.map((e) => `, ${e}`).join('')})`;
    }
    case 'maxpool2d':
    case 'avgpool2d': {
      const name = layer.type === 'maxpool2d' ? 'MaxPool2d' : 'AvgPool2d';
      const extra = [layer.stride !== undefined && `stride=${pair(layer.stride)}`, layer.padding !== undefined && `padding=${pair(layer.padding)}`].filter(Boolean);
      return `nn.${name}(${pair(layer.kernel)}${extra.map((e) => `, ${e}`).join('')})`;
    }
    case 'flatten': return 'nn.Flatten()';
    case 'relu': return 'nn.ReLU()';
    case 'leaky_relu': return `nn.LeakyReLU(${layer.slope ?? 0.01})`;
    case 'tanh': return 'nn.Tanh()';
    case 'sigmoid': return 'nn.Sigmoid()';
    case 'softmax': return 'nn.Softmax(dim=1)';
    case 'identity': return 'nn.Identity()';
    case 'dropout': return `nn.Dropout(p=${layer.p ?? 0.5})`;
    default: throw new Error(`codegen: no PyTorch module for a ${layer.type} layer`);
  }
}

/** The PyTorch script of an images network (spec as model.js's imagesSpec makes it). */
export function imagesPytorchCode({ spec, settings, lang = 'en', epochs = EPOCHS }) {
  const c = { ...COMMENTS.en, ...(COMMENTS[lang] ?? {}) };
  const shapes = layerShapes(spec.input, spec.layers);
  const L = [];
  const section = (title) => L.push('', `# ---- ${title} ${'-'.repeat(Math.max(4, 60 - title.length))}`);
  const sizes = [spec.input.join('×'), ...spec.layers.filter((l) => l.type === 'linear' || l.type === 'conv2d').map((l) => (l.type === 'conv2d' ? `conv${l.out}` : String(l.out)))];
  const summary = `${sizes.join('-')}, ${settings.optimizer} (lr ${settings.lr}), batch ${settings.batch}`;
  L.push(...commentLines('# ', fill(c.title, { summary })));
  L.push(...commentLines('# ', fill(c.run, { file: FILE })));
  L.push(...commentLines('# ', c.download));
  L.push(...commentLines('# ', c.random));
  L.push('import torch', 'import torch.nn as nn', 'from torchvision import datasets, transforms');

  section(c.settings);
  L.push(`SEED = ${spec.seed ?? 42}`, `EPOCHS = ${epochs}`, `BATCH_SIZE = ${settings.batch}`, 'torch.manual_seed(SEED)');

  section(c.data);
  L.push(...commentLines('# ', c.toTensor));
  L.push('to_tensor = transforms.ToTensor()');
  L.push("train_set = datasets.FashionMNIST('data', train=True, download=True, transform=to_tensor)");
  L.push("test_set = datasets.FashionMNIST('data', train=False, download=True, transform=to_tensor)");
  if (Number.isInteger(settings.pictures)) {
    L.push(...commentLines('# ', fill(c.first, { count: settings.pictures })));
    L.push(`train_set = torch.utils.data.Subset(train_set, range(${settings.pictures}))`);
  } else L.push(...commentLines('# ', c.subset));
  L.push('train_loader = torch.utils.data.DataLoader(train_set, batch_size=BATCH_SIZE, shuffle=True)');
  L.push('test_loader = torch.utils.data.DataLoader(test_set, batch_size=1000)');

  section(c.model);
  L.push('model = nn.Sequential(');
  if (spec.input.length === 1) L.push(`    nn.Flatten(),  # [1, 28, 28] → [${spec.input[0]}]: ${c.flatten}`);
  let input = spec.input;
  spec.layers.forEach((layer, i) => {
    const last = i === spec.layers.length - 1;
    L.push(`    ${pyModule(layer, input)},  # → [${shapes[i].join(', ')}]${last ? `: ${c.output}` : ''}`);
    input = shapes[i];
  });
  L.push(')');
  L.push('');
  L.push(...pyInit(spec.init, c, ['nn.Linear', 'nn.Conv2d']));

  section(c.lossAndOptimizer);
  L.push('criterion = nn.CrossEntropyLoss()');
  L.push(pyOptimizer({ name: settings.optimizer, options: { lr: settings.lr } }));

  section(c.training);
  L.push(...commentLines('# ', fill(c.trainingNote, { batch: settings.batch })));
  L.push('for epoch in range(1, EPOCHS + 1):');
  L.push('    model.train()');
  L.push('    total, seen = 0.0, 0');
  L.push('    for x, y in train_loader:');
  L.push('        loss = criterion(model(x), y)');
  L.push('        optimizer.zero_grad()');
  L.push('        loss.backward()');
  L.push('        optimizer.step()');
  L.push('        total += loss.item() * len(y)');
  L.push('        seen += len(y)');
  L.push('');
  L.push(...commentLines('    # ', c.evaluation));
  L.push('    model.eval()');
  L.push('    right = 0');
  L.push('    with torch.no_grad():');
  L.push('        for x, y in test_loader:');
  L.push('            right += (model(x).argmax(dim=1) == y).sum().item()');
  L.push('    print(f"epoch {epoch}: train loss {total / seen:.4f}, test accuracy {right / len(test_set):.1%}")');
  return L.join('\n') + '\n';
}
