// The playground's run as code a learner can take away: PyTorch (in the seed article's style:
// a DeepNN class with hidden1..hiddenN, an init function applied with model.apply, a criterion,
// an optimiser and a training loop) and Layerwise JS (the same run in this engine, with the
// same numbers).
//
// Both are built from what the trainer runs, never re-derived: config.js's modelSpec (layers,
// head, initialiser), resolveLoss and optimizerConfig, and the data pipeline of the training
// worker (generate → split(ratio, seed) → featureMap → standardize fitted on the training set).
// The output is plain text (no markup) and depends only on its arguments. Comments follow
// the UI's language; code identifiers stay English.
//
//   pytorchCode(state, { classes, loss, lang, epochs, drawn, data, parameters, weights, epoch, replays })  → Python source
//   layerwiseCode(state, { classes, loss, lang, epochs, drawn, importFrom }) → JS module source
// classes and loss default to config.js's choice for the state; epochs to 100; drawn
// ({x, y, classes}) holds the painted points of the "drawn" dataset.
//
// Given the run's data (a snapshot's `data`: the points of the training and test sets as
// generated, their targets) and weights (a snapshot's `parameters`), the PyTorch program
// reproduces the playground's run: it carries both (base64 of float32 little-endian bytes),
// computes the features and the standardisation as the engine does, and draws each epoch's
// batch order from the engine's own generator (PCG32, core/random.cpp, re-implemented in a
// few lines of Python), advanced past the draws the initial weights took. `weights` says which
// weights they are: 'initial' (epoch 0; the script trains EPOCHS epochs and prints, after
// each, the losses over the whole training and test sets, as the playground's curves do) or
// 'trained' (the weights now; the script loads them and trains no further by default).
// `epoch`: the epoch of trained weights; `replays: false` adds a note that the playground's run
// took a turn the script cannot replay (a setting changed mid-run, single batches, ...).
// With dropout on, the script's own Dropout draws its masks from that generator too.
// Without data and weights it falls back to drawing its own with torch ("alike, not identical").
import { fill } from '../lib/i18n.js';
import { isRegression } from './state.js';
import { classesOf, modelSpec, optimizerConfig, outputKind, resolveLoss } from './config.js';

export const CODE_KINDS = Object.freeze(['pytorch', 'layerwise']);
export const DEFAULT_EPOCHS = 100;

// ---- Comments, per language ------------------------------------------------------------------

const COMMENTS = {
  en: {
    pyTitle: 'Layerwise playground → PyTorch: {summary}',
    pyRun: 'Needs only PyTorch (pip install torch). Run: python3 {file}',
    pyRandom: "PyTorch's random numbers differ from Layerwise's: the data, the initial weights and the results are alike, not identical.",
    pyExact: 'It reproduces the playground run: the same data, the same initial weights and the same batch order in every epoch (drawn with the engine\'s generator, PCG32), so the losses it prints after each epoch are those of the playground\'s curves.',
    pyExactTrained: 'It carries the playground\'s data and the weights trained for {epoch} epochs: loaded with load_state_dict, the network predicts what the playground predicts.',
    floats: 'float32 numbers, stored as base64 of their little-endian bytes (no extra file needed).',
    exactData: 'The playground\'s "{dataset}" data exactly: the points (x1, x2) of the training set ({train}) and the test set ({test}) and their {target}, after its seeded split ({percent}% train).',
    exactFeatures: 'Features: the inputs the network sees, computed from x1, x2 in double and rounded once to float32, as the engine does.',
    exactStandardize: "Standardise each feature with the training set's mean and (population) std, computed in double as the engine does; the test set reuses them.",
    weightsInitial: 'The playground\'s initial weights (epoch 0): the numbers its seeded initialiser drew. They replace PyTorch\'s own.',
    weightsTrained: 'The weights the playground trained for {epoch} epochs.',
    initShown: 'How the playground initialises (PyTorch would draw other numbers; the exact ones are loaded just below).',
    rng: "Layerwise's random generator (PCG32, as in its core/random.cpp) and its Fisher–Yates shuffle: every epoch visits the training points in the playground's order.",
    rngSkip: 'The initial weights took the first {n} numbers of the stream.',
    rngSkipNone: 'The initial weights took none of its numbers.',
    trainedEpochs: 'EPOCHS = 0: the loaded weights are the result. Set it higher to train on (the optimiser then starts afresh, so the numbers no longer follow the playground\'s).',
    curveNote: "After each epoch, the loss over the whole training set and the test set (dropout off): the numbers the playground's curves show.",
    offScript: 'But this run also took a turn the script does not replay (a setting changed while it trained, single batches, an edited weight, or a run continued from a kept epoch): from there on the numbers part. Reset the network and train it with the settings shown to replay it.',
    randomNumbers: 'Random numbers',
    rngDropout: "Layerwise's random generator (PCG32, as in its core/random.cpp) and its Fisher–Yates shuffle: every epoch visits the training points in the playground's order, and dropout zeroes the values the playground zeroes.",
    dropoutExact: "Layerwise's dropout, drawing from that generator (a value is zeroed when its draw is below p, the others are scaled by 1 / (1 - p)); nn.Dropout would draw other masks.",
    trainingNoteExact: 'Each epoch visits every training point once, in the shuffled order, in batches of {batch}.',
    jsTitle: 'Layerwise playground → Layerwise JS: {summary}',
    jsRun: 'An ES module for Node 20+ (node {file}) or a browser; it reproduces the playground run exactly (same seed, same numbers).',
    settings: 'Settings',
    data: 'Data',
    standIn: 'X (points x1, x2; shape [N, 2]) and y ({target}; shape [N]) come from your dataset. This stand-in draws the playground\'s "{dataset}" shape ({n} points, noise {noise}%); replace it with your own tensors of the same shapes.',
    targetClass: 'class index 0..{last} per point',
    targetValue: 'one target value per point',
    drawnData: 'The {n} points you drew in the playground (x1, x2) and their classes.',
    drawnEmpty: 'Put your points here: pointsX holds x1, x2 of each point, pointsY its class index 0..{last}.',
    drawnStandIn: 'Your drawn points go here: X of shape [N, 2] and y of class indices 0..{last}. This stand-in scatters random points.',
    jsData: 'The playground\'s "{dataset}" data: {n} points, noise {noise}%, seed {seed}.',
    split: 'A seeded shuffle, then {percent}% of the points train and the rest test.',
    features: 'Features: the inputs the network sees, computed from the two columns x1, x2.',
    standardize: "Standardise each feature with the training set's mean and (population) std; the test set reuses them.",
    targets: 'Targets in the shape the loss expects: {shape}.',
    targetsFloat: 'floats of shape [N, 1]',
    targetsLong: 'class indices (int64) of shape [N]',
    model: 'Model',
    hidden: 'hidden layer {i}: {n} neurons',
    output: 'output layer: {n} {unit}',
    neuron: 'neuron',
    neurons: 'neurons',
    noActivation: 'linear: no activation',
    dropout: 'dropout: while training, zero each value with probability {p}',
    headProbability: 'sigmoid: the probability of class 1 ({loss} takes probabilities)',
    headLogit: 'one raw score (logit): {loss} applies the sigmoid itself',
    headLogits: 'one score (logit) per class: {loss} applies log-softmax itself',
    headValue: 'regression: a plain linear output',
    init: 'Weight initialisation, applied to every Linear layer.',
    initDefault: "PyTorch's default initialisation: nothing to add.",
    lossMismatch: 'The chosen loss ({want}) does not fit these data, so {loss} is used (as in the playground).',
    lossAndOptimizer: 'Loss function and optimiser',
    weightDecay: 'weight_decay is the L2 penalty.',
    weightDecayDecoupled: "AdamW's weight_decay is decoupled: each step first shrinks every weight to (1 − lr·weight_decay) of itself, apart from the gradient, then takes Adam's step.",
    l1: 'L1 penalty: λ·Σ|w| over the weight matrices (biases are not penalised).',
    training: 'Training',
    trainingNote: 'Each epoch visits every training point once, in a new shuffled order, in batches of {batch}.',
    trainEpoch: "model.trainEpoch shuffles and batches by itself and returns the epoch's mean training loss.",
    evaluation: 'Evaluation (dropout off)',
    accuracy: 'accuracy: the share of points whose predicted class is right ({rule}).',
    ruleProbability: 'probability > 0.5 means class 1',
    ruleLogit: 'logit > 0 means class 1',
    ruleLogits: 'the class with the largest score',
    dispose: "Free the engine's memory.",
    labelsTakeTurns: 'labels take turns: balanced classes',
    constantFeature: 'a constant feature stays 0',
    circleShape: 'a disc inside, a ring outside',
    xorShape: 'class 1 where x1·x2 < 0',
    gaussShape: 'centres (2, 2) and (-2, -2)',
    spiralShape: 'two arms, half a turn apart',
    moonsShape: 'the second moon is the first turned over',
    blobs3Shape: 'three centres, 120° apart',
    planeShape: 'a tilted plane',
    sineShape: 'a sine wave along x1 (x2 stays 0)',
  },
  ko: {
    pyTitle: 'Layerwise 플레이그라운드 → PyTorch: {summary}',
    pyRun: 'PyTorch만 있으면 됩니다 (pip install torch). 실행: python3 {file}',
    pyRandom: 'PyTorch의 난수는 Layerwise와 달라서 데이터, 초기 가중치, 결과가 비슷할 뿐 똑같지는 않습니다.',
    pyExact: '플레이그라운드의 실행을 그대로 재현합니다. 데이터, 초기 가중치, 에포크마다의 배치 순서(엔진의 난수 생성기 PCG32로 뽑음)가 같아서, 에포크마다 출력하는 손실이 플레이그라운드 곡선의 값과 같습니다.',
    pyExactTrained: '플레이그라운드의 데이터와 {epoch} 에포크 동안 학습한 가중치가 들어 있습니다. load_state_dict로 불러오면 네트워크가 플레이그라운드와 같은 값을 예측합니다.',
    floats: 'float32 숫자를 리틀 엔디언 바이트의 base64로 적었습니다 (파일이 따로 필요 없습니다).',
    exactData: '플레이그라운드의 "{dataset}" 데이터 그대로: 시드로 나눈({percent}% 학습) 학습 데이터({train})와 테스트 데이터({test})의 점 (x1, x2)와 {target}.',
    exactFeatures: '특성: 네트워크가 실제로 보는 입력으로, 엔진처럼 x1, x2에서 double로 계산한 뒤 float32로 한 번 반올림합니다.',
    exactStandardize: '엔진처럼 double로 계산한 학습 데이터의 평균과 (모)표준편차로 특성마다 표준화합니다. 테스트 데이터도 같은 값을 씁니다.',
    weightsInitial: '플레이그라운드의 초기 가중치(에포크 0): 시드를 고정한 초기화가 뽑은 숫자입니다. PyTorch가 뽑은 값을 이것으로 바꿉니다.',
    weightsTrained: '플레이그라운드가 {epoch} 에포크 동안 학습한 가중치입니다.',
    initShown: '플레이그라운드의 초기화 방법입니다 (PyTorch는 다른 숫자를 뽑으므로, 바로 아래에서 정확한 값을 불러옵니다).',
    rng: 'Layerwise의 난수 생성기(PCG32, core/random.cpp와 같음)와 Fisher–Yates 섞기: 에포크마다 플레이그라운드와 같은 순서로 학습 데이터를 돕니다.',
    rngSkip: '초기 가중치가 난수열의 처음 {n}개를 썼습니다.',
    rngSkipNone: '초기 가중치는 난수를 쓰지 않았습니다.',
    trainedEpochs: 'EPOCHS = 0: 불러온 가중치가 결과입니다. 더 학습하려면 값을 올리세요 (옵티마이저가 새로 시작하므로 플레이그라운드의 숫자와는 달라집니다).',
    curveNote: '에포크가 끝날 때마다 학습 데이터 전체와 테스트 데이터의 손실(드롭아웃 끔): 플레이그라운드 곡선이 보여 주는 값입니다.',
    offScript: '다만 이 실행에는 스크립트가 재현하지 못하는 일이 있었습니다(학습 중에 바꾼 설정, 한 배치씩 학습, 직접 고친 가중치, 저장된 에포크에서 이어서 학습). 그 뒤로는 숫자가 달라집니다. 재현하려면 네트워크를 초기화하고 지금 보이는 설정으로 학습하세요.',
    randomNumbers: '난수',
    rngDropout: 'Layerwise의 난수 생성기(PCG32, core/random.cpp와 같음)와 Fisher–Yates 섞기: 에포크마다 플레이그라운드와 같은 순서로 학습 데이터를 돌고, 드롭아웃도 플레이그라운드와 같은 값을 0으로 만듭니다.',
    dropoutExact: '그 생성기에서 뽑는 Layerwise의 드롭아웃 (뽑은 수가 p보다 작은 값은 0으로, 나머지는 1 / (1 - p)배로). nn.Dropout은 다른 마스크를 뽑습니다.',
    trainingNoteExact: '에포크마다 섞인 순서대로 {batch}개씩(배치 크기) 모든 학습 데이터를 한 번씩 학습합니다.',
    jsTitle: 'Layerwise 플레이그라운드 → Layerwise JS: {summary}',
    jsRun: 'Node 20 이상(node {file})이나 브라우저에서 도는 ES 모듈입니다. 시드가 같으니 플레이그라운드와 똑같은 숫자가 나옵니다.',
    settings: '설정',
    data: '데이터',
    standIn: 'X(점의 좌표 x1, x2, 모양 [N, 2])와 y({target}, 모양 [N])에는 여러분의 데이터를 넣으면 됩니다. 아래는 플레이그라운드의 "{dataset}" 모양을 흉내 낸 대용 데이터(점 {n}개, 노이즈 {noise}%)이니, 같은 모양의 텐서로 바꿔 쓰세요.',
    targetClass: '점마다 클래스 번호 0..{last}',
    targetValue: '점마다 목표값 하나',
    drawnData: '플레이그라운드에서 직접 그린 점 {n}개(x1, x2)와 그 클래스입니다.',
    drawnEmpty: '여기에 점을 넣으세요: pointsX에는 점마다 x1, x2를, pointsY에는 클래스 번호 0..{last}를 넣습니다.',
    drawnStandIn: '여기에 직접 그린 점을 넣으세요: 모양 [N, 2]의 X와 클래스 번호 0..{last}의 y. 아래는 무작위로 흩뿌린 대용 데이터입니다.',
    jsData: '플레이그라운드의 "{dataset}" 데이터: 점 {n}개, 노이즈 {noise}%, 시드 {seed}.',
    split: '시드를 고정해 섞은 뒤 {percent}%는 학습용, 나머지는 테스트용으로 나눕니다.',
    features: '특성: 네트워크가 실제로 보는 입력으로, 두 열 x1, x2에서 계산합니다.',
    standardize: '학습 데이터의 평균과 (모)표준편차로 특성마다 표준화합니다. 테스트 데이터도 같은 값을 씁니다.',
    targets: '손실 함수가 기대하는 모양의 정답: {shape}.',
    targetsFloat: '모양 [N, 1]의 실수',
    targetsLong: '모양 [N]의 클래스 번호(int64)',
    model: '모델',
    hidden: '은닉층 {i}: 뉴런 {n}개',
    output: '출력층: {unit} {n}개',
    neuron: '뉴런',
    neurons: '뉴런',
    noActivation: '선형: 활성화 함수 없음',
    dropout: '드롭아웃: 학습 중에 값마다 {p}의 확률로 0으로 만듭니다',
    headProbability: '시그모이드: 클래스 1일 확률 ({loss}는 확률을 입력으로 받습니다)',
    headLogit: '시그모이드 전의 점수(로짓) 하나: {loss}가 시그모이드를 직접 적용합니다',
    headLogits: '클래스마다 점수(로짓) 하나: {loss}가 log-softmax를 직접 적용합니다',
    headValue: '회귀: 활성화 함수 없는 선형 출력',
    init: '가중치 초기화: 모든 Linear 층에 적용합니다.',
    initDefault: 'PyTorch 기본 초기화를 쓰므로 따로 할 일이 없습니다.',
    lossMismatch: '고른 손실 함수({want})는 이 데이터에 맞지 않아 플레이그라운드처럼 {loss}를 씁니다.',
    lossAndOptimizer: '손실 함수와 옵티마이저',
    weightDecay: 'weight_decay가 L2 규제입니다.',
    weightDecayDecoupled: 'AdamW의 weight_decay는 기울기와 분리되어 있습니다. 매 스텝마다 먼저 모든 가중치를 (1 − lr·weight_decay)배로 줄이고, 그다음 Adam의 스텝을 밟습니다.',
    l1: 'L1 규제: 가중치 행렬 전체에 대한 λ·Σ|w| (편향은 규제하지 않습니다).',
    training: '학습',
    trainingNote: '에포크마다 학습 데이터를 새로 섞고, 한 번에 {batch}개씩(배치 크기) 모든 점을 한 번씩 학습합니다.',
    trainEpoch: 'model.trainEpoch가 섞기와 배치 나누기를 알아서 하고, 그 에포크의 평균 학습 손실을 돌려줍니다.',
    evaluation: '평가 (드롭아웃 끔)',
    accuracy: '정확도: 예측한 클래스가 맞은 점의 비율 ({rule}).',
    ruleProbability: '확률이 0.5보다 크면 클래스 1',
    ruleLogit: '로짓이 0보다 크면 클래스 1',
    ruleLogits: '점수가 가장 큰 클래스',
    dispose: '엔진 메모리를 돌려줍니다.',
    labelsTakeTurns: '레이블을 번갈아 붙여 클래스 수를 맞춥니다',
    constantFeature: '값이 일정한 특성은 0이 됩니다',
    circleShape: '안쪽은 원판, 바깥쪽은 고리',
    xorShape: 'x1·x2 < 0인 곳이 클래스 1',
    gaussShape: '중심 (2, 2)와 (-2, -2)',
    spiralShape: '반 바퀴 어긋난 두 팔',
    moonsShape: '두 번째 초승달은 첫 번째를 뒤집은 것',
    blobs3Shape: '120°씩 떨어진 세 중심',
    planeShape: '기울어진 평면',
    sineShape: 'x1을 따라가는 사인 곡선 (x2는 0)',
  },
};

/** The comment texts of the generated code in `lang` (English for what a language lacks). */
export function codeComments(lang) {
  return { ...COMMENTS.en, ...(COMMENTS[lang] ?? {}) };
}

/** Languages the comments come in. */
export const COMMENT_LANGS = Object.freeze(Object.keys(COMMENTS));

// ---- What both programs are built from -------------------------------------------------------

const FEATURE_PY = {
  x1: 'x1',
  x2: 'x2',
  x1sq: 'x1 ** 2',
  x2sq: 'x2 ** 2',
  x1x2: 'x1 * x2',
  sinx1: 'torch.sin(x1)',
  sinx2: 'torch.sin(x2)',
};

const LOSS_PY = { mse: 'nn.MSELoss', bce: 'nn.BCELoss', bce_with_logits: 'nn.BCEWithLogitsLoss', cross_entropy: 'nn.CrossEntropyLoss' };
const LOSS_JS = { mse: 'MSE', bce: 'BCE', bce_with_logits: 'BCEWithLogits', cross_entropy: 'CrossEntropy' };
const OPTIMIZER_PY = { sgd: 'SGD', adam: 'Adam', adamw: 'AdamW', rmsprop: 'RMSprop' };
const INIT_PY = {
  xavier_uniform: 'xavier_uniform_', xavier_normal: 'xavier_normal_', kaiming_uniform: 'kaiming_uniform_',
  kaiming_normal: 'kaiming_normal_', zeros: 'zeros_', normal: 'normal_', uniform: 'uniform_', constant: 'constant_',
};
const INIT_JS = {
  xavier_uniform: 'xavierUniform_', xavier_normal: 'xavierNormal_', kaiming_uniform: 'kaimingUniform_',
  kaiming_normal: 'kaimingNormal_', zeros: 'zeros_', normal: 'normal_', uniform: 'uniform_', constant: 'constant_',
};

/** Everything both generators need, from config.js's functions and the state. */
function plan(state, options = {}) {
  const classes = options.classes ?? classesOf(state, options.drawn);
  const resolved = resolveLoss(state, classes);
  const loss = options.loss ?? resolved.loss;
  const spec = modelSpec(state, state.features.length, classes, loss);
  // spec.layers → blocks: each linear with the layers after it (activation, dropout, sigmoid).
  const blocks = [];
  for (const layer of spec.layers) {
    if (layer.type === 'linear') blocks.push({ out: layer.out, after: [] });
    else blocks.at(-1).after.push(layer);
  }
  let width = spec.input[0];
  for (const b of blocks) {
    b.in = width;
    width = b.out;
  }
  const epochs = options.epochs ?? DEFAULT_EPOCHS;
  if (!Number.isInteger(epochs) || epochs < 1) throw new Error(`codegen: epochs must be a whole number ≥ 1, got ${epochs}`);
  return {
    state,
    classes,
    loss,
    note: resolved.note && loss === resolved.loss ? { want: state.loss, loss } : null, // the state's loss was replaced
    output: outputKind(loss, classes),
    spec,
    hidden: blocks.slice(0, -1),
    head: blocks.at(-1),
    optimizer: optimizerConfig(state),
    epochs,
    every: Math.max(1, Math.round(epochs / 10)),
    drawn: options.drawn,
    c: codeComments(options.lang ?? state.lang ?? 'en'),
  };
}

/** The optimiser's weight decay explained: an L2 penalty, or AdamW's decoupled decay; null without one. */
function decayComment(p) {
  if (!(p.optimizer.options.weightDecay > 0)) return null;
  return p.optimizer.name === 'adamw' ? p.c.weightDecayDecoupled : p.c.weightDecay;
}

const arch = (p) => [p.spec.input[0], ...p.hidden.map((b) => b.out), p.head.out].join(' → ');

/** One line: data, layer sizes, optimiser, loss (as the program names it). */
function summary(p, lossText) {
  return `${p.state.dataset}, ${arch(p)}, ${OPTIMIZER_PY[p.optimizer.name]} (lr ${p.state.lr}), ${lossText}`;
}

const num = (v) => String(v); // shortest round-trip text; valid in Python and JS alike
const pyValue = (v) => (typeof v === 'string' ? `'${v}'` : typeof v === 'boolean' ? (v ? 'True' : 'False')
  : Array.isArray(v) ? `(${v.map(pyValue).join(', ')})` : num(v));
const jsValue = (v) => (typeof v === 'string' ? `'${v}'` : Array.isArray(v) ? `[${v.map(jsValue).join(', ')}]` : String(v));
const snake = (k) => k.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);

/** An initialiser entry of the spec ('zeros', {type: 'normal', std: 0.5}) as [type, options]. */
const initParts = (entry) => (typeof entry === 'string' ? [entry, {}] : (({ type, ...rest }) => [type, rest])(entry));

// Columns a text takes in a monospaced font: Hangul and other wide characters take two.
const columns = (text) => [...text].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(ch) ? 2 : 1), 0);

/** Text wrapped into comment lines of at most `width` columns, each starting with `lead`. */
export function commentLines(lead, text, width = 96) {
  const lines = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && columns(lead + line) + 1 + columns(word) > width) {
      lines.push(lead + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(lead + line);
  return lines;
}

/** Values in rows of `per`, each row rendered by `row`, joined by ",\n" + indent. */
function rows(values, per, row, indent) {
  const out = [];
  for (let i = 0; i < values.length; i += per) out.push(row(values.slice(i, i + per)));
  return out.join(`,\n${indent}`);
}

function headComment(p, lossName) {
  const c = p.c;
  switch (p.output) {
    case 'probability': return fill(c.headProbability, { loss: lossName });
    case 'logit': return fill(c.headLogit, { loss: lossName });
    case 'logits': return fill(c.headLogits, { loss: lossName });
    default: return c.headValue;
  }
}

const outputComment = (p) => fill(p.c.output, { n: p.head.out, unit: p.head.out === 1 ? p.c.neuron : p.c.neurons });

// ---- PyTorch ---------------------------------------------------------------------------------

/**
 * The lines that initialise the weights of a model called `model` as spec.init says (`{weight,
 * bias}`, either left out or 'default' for PyTorch's own), for the module classes `modules`
 * (Python names): an init function applied with model.apply, or a comment that there is none.
 * c: the comments (codeComments(lang)); c.init names what it applies to.
 */
export function pyInit(init = {}, c, modules = ['nn.Linear'], note = c.init) {
  const weight = init.weight ?? 'default';
  const bias = init.bias ?? 'default';
  if (weight === 'default' && bias === 'default') return commentLines('# ', c.initDefault);
  const L = [...commentLines('# ', note)];
  L.push('def init_weights(m):');
  L.push(`    if isinstance(m, ${modules.length === 1 ? modules[0] : `(${modules.join(', ')})`}):`);
  for (const [role, entry] of [['weight', weight], ['bias', bias]]) {
    if (entry === 'default') continue;
    const [type, opts] = initParts(entry);
    const args = Object.entries(opts).map(([k, v]) => `, ${k === 'value' ? 'val' : k}=${pyValue(v)}`).join('');
    L.push(`        nn.init.${INIT_PY[type]}(m.${role}${args})`);
  }
  L.push('', 'model.apply(init_weights)');
  return L;
}

/** `optimizer = torch.optim.<Name>(model.parameters(), <options in snake_case>)`. */
export function pyOptimizer({ name, options }) {
  const args = Object.entries(options).map(([k, v]) => `${snake(k)}=${pyValue(v)}`).join(', ');
  return `optimizer = torch.optim.${OPTIMIZER_PY[name]}(model.parameters(), ${args})`;
}

const PY_ACTIVATION = {
  relu: (x) => `F.relu(${x})`,
  leaky_relu: (x, l) => `F.leaky_relu(${x}, ${num(l.slope ?? 0.01)})`,
  tanh: (x) => `torch.tanh(${x})`,
  sigmoid: (x) => `torch.sigmoid(${x})`,
  softmax: (x) => `F.softmax(${x}, dim=1)`,
  identity: (x) => x,
};

// The stand-in data: the playground's shapes (core/data/generators.cpp) drawn with torch.
// Each body ends with X (float, [n, 2]) and y ([n]: class indices, or float targets); a line
// is code, or [code, comment key].
const PY_DATASETS = {
  circle: [
    'angle = 2 * math.pi * torch.rand(n, generator=g)',
    'v = torch.rand(n, generator=g)',
    ['r = torch.where(y == 0, 2 * v.sqrt(), (3.5 ** 2 + (5 ** 2 - 3.5 ** 2) * v).sqrt())', 'circleShape'],
    'X = torch.stack([r * angle.cos(), r * angle.sin()], dim=1)',
  ],
  xor: [
    'sign1 = torch.randint(0, 2, (n,), generator=g) * 2 - 1',
    ['sign2 = torch.where(y == 0, sign1, -sign1)', 'xorShape'],
    'size = 0.5 + 4.5 * torch.rand(n, 2, generator=g)',
    'X = torch.stack([sign1 * size[:, 0], sign2 * size[:, 1]], dim=1)',
  ],
  gauss: [
    ['centre = torch.where(y == 0, 2.0, -2.0).unsqueeze(1)', 'gaussShape'],
    'X = centre + 0.75 * torch.randn(n, 2, generator=g)',
  ],
  spiral: [
    'u = torch.rand(n, generator=g)',
    'r = 0.5 + 5 * u',
    ['angle = math.pi * (3.5 * u + y)', 'spiralShape'],
    'X = torch.stack([r * angle.cos(), r * angle.sin()], dim=1)',
  ],
  moons: [
    'angle = math.pi * torch.rand(n, generator=g)',
    'X = 3.5 * torch.stack([angle.cos() - 0.5, angle.sin() - 0.25], dim=1)',
    ['X[y == 1] = -X[y == 1]', 'moonsShape'],
  ],
  blobs3: [
    ['angle = math.pi / 2 + 2 * math.pi / 3 * y', 'blobs3Shape'],
    'centre = 3.5 * torch.stack([angle.cos(), angle.sin()], dim=1)',
    'X = centre + 0.75 * torch.randn(n, 2, generator=g)',
  ],
  plane: [
    'X = 12 * torch.rand(n, 2, generator=g) - 6',
    ['y = (2 * X[:, 0] - X[:, 1]) / 18', 'planeShape'],
  ],
  sine: [
    'X = torch.zeros(n, 2)',
    'X[:, 0] = 12 * torch.rand(n, generator=g) - 6',
    ['y = torch.sin(X[:, 0])', 'sineShape'],
  ],
};
// Jitter std at noise 100% (generators.cpp): on the points, or on the regression target.
const SPREAD = { circle: 1.2, xor: 1.2, gauss: 2.0, spiral: 0.7, moons: 1.2, blobs3: 1.8, plane: 0.5, sine: 0.5 };

function pyData(p) {
  const { state: s, c } = p;
  const L = [];
  const regression = isRegression(s);
  if (s.dataset === 'drawn') {
    const d = p.drawn;
    if (d?.x?.length) {
      const n = d.y.length;
      const pairs = Array.from({ length: n }, (_, i) => `[${num(d.x[2 * i])}, ${num(d.x[2 * i + 1])}]`);
      L.push(...commentLines('# ', fill(c.drawnData, { n })));
      L.push(`X = torch.tensor([${rows(pairs, 4, (r) => r.join(', '), '    ')}])`);
      L.push(`y = torch.tensor([${rows([...d.y].map(num), 20, (r) => r.join(', '), '    ')}])`);
    } else {
      L.push(...commentLines('# ', fill(c.drawnStandIn, { last: p.classes - 1 })));
      L.push(`X = 12 * torch.rand(${s.points}, 2, generator=g) - 6`);
      L.push(`y = torch.randint(0, ${p.classes}, (${s.points},), generator=g)`);
    }
    return L;
  }
  const target = regression ? c.targetValue : fill(c.targetClass, { last: p.classes - 1 });
  L.push(...commentLines('# ', fill(c.standIn, { target, dataset: s.dataset, n: s.points, noise: s.noise })));
  L.push('def make_data(n, noise, g):');
  if (!regression) L.push(`    y = torch.arange(n) % ${p.classes}  # ${c.labelsTakeTurns}`);
  for (const line of PY_DATASETS[s.dataset]) {
    L.push(Array.isArray(line) ? `    ${line[0]}  # ${c[line[1]]}` : `    ${line}`);
  }
  if (regression) L.push(`    y = y + noise * ${SPREAD[s.dataset]} * torch.randn(n, generator=g)`);
  else L.push(`    X = X + noise * ${SPREAD[s.dataset]} * torch.randn(n, 2, generator=g)`);
  L.push('    return X, y');
  L.push('');
  L.push(`X, y = make_data(${s.points}, noise=${num(s.noise / 100)}, g=g)`);
  return L;
}

// ---- The run's own numbers (data, weights, batch order) -----------------------------------

const INIT_UNIFORM = new Set(['default', 'uniform', 'xavier_uniform', 'kaiming_uniform']);
const INIT_NORMAL = new Set(['normal', 'xavier_normal', 'kaiming_normal']);

/**
 * How many 32-bit numbers the engine's generator gives out while Model::reset fills the
 * weights of `spec` (core/model.cpp: every layer's weight, then its bias; core/init): one per
 * uniform value, none for a constant, and Box–Muller normals two per pair, the second of a
 * pair kept for the next normal, also across tensors.
 */
export function initDraws(spec) {
  let draws = 0;
  let spare = false;
  let width = spec.input.reduce((a, b) => a * b, 1);
  const type = (entry) => (typeof entry === 'string' ? entry : entry.type);
  for (const layer of spec.layers) {
    if (layer.type !== 'linear') continue;
    const roles = [[layer.init?.weight ?? spec.init?.weight ?? 'default', width * layer.out],
      [layer.init?.bias ?? spec.init?.bias ?? 'default', layer.out]];
    for (const [entry, count] of roles) {
      const t = type(entry);
      if (INIT_UNIFORM.has(t)) draws += count;
      else if (INIT_NORMAL.has(t)) {
        for (let i = 0; i < count; i++) {
          if (spare) spare = false;
          else {
            draws += 2;
            spare = true;
          }
        }
      } else if (t !== 'zeros' && t !== 'constant') throw new Error(`codegen: unknown initialiser "${t}"`);
    }
    width = layer.out;
  }
  return draws;
}

/** base64 of the float32 little-endian bytes of `values`. */
export function float32Base64(values) {
  const f = Float32Array.from(values);
  const bytes = new Uint8Array(f.length * 4);
  const view = new DataView(bytes.buffer);
  f.forEach((v, i) => view.setFloat32(4 * i, v, true));
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** `floats("…", shape)` with the base64 text cut into lines of at most `width` columns. */
function pyFloats(values, shape, indent, width = 96) {
  const text = float32Base64(values);
  const per = Math.max(16, width - indent.length - 4);
  const parts = [];
  for (let i = 0; i < text.length; i += per) parts.push(`"${text.slice(i, i + per)}"`);
  const tail = `, ${shape.join(', ')})`;
  if (parts.length === 1) return `floats(${parts[0]}${tail}`;
  return `floats(\n${parts.map((q) => `${indent}    ${q}`).join('\n')}${tail}`;
}

// The Python of the engine's generator: PCG32 (core/random.cpp) and its Fisher–Yates shuffle.
const PY_PCG32 = [
  'class Pcg32:',
  '    MASK = 2 ** 64 - 1',
  '',
  '    def __init__(self, seed):',
  '        self.state, self.inc = 0, (seed << 1 | 1) & self.MASK',
  '        self.next()',
  '        self.state = (self.state + (seed ^ 0x853C49E6748FEA9B)) & self.MASK',
  '        self.next()',
  '',
  '    def next(self):  # a 32-bit number',
  '        old = self.state',
  '        self.state = (old * 6364136223846793005 + self.inc) & self.MASK',
  '        x = (((old >> 18) ^ old) >> 27) & 0xFFFFFFFF',
  '        rot = old >> 59',
  '        return ((x >> rot) | (x << (32 - rot & 31))) & 0xFFFFFFFF',
  '',
  '    def below(self, n):  # a whole number in [0, n), without bias',
  '        threshold = (2 ** 32 - n) % n',
  '        while True:',
  '            r = self.next()',
  '            if r >= threshold:',
  '                return r % n',
  '',
  '    def shuffled(self, n):  # 0 .. n-1 in a random order (Fisher–Yates, from the end)',
  '        order = list(range(n))',
  '        for i in range(n, 1, -1):',
  '            j = self.below(i)',
  '            order[i - 1], order[j] = order[j], order[i - 1]',
  '        return torch.tensor(order)',
];

// The engine's dropout (core/layers/dropout.cpp): a uniform draw u per value, in order; the
// value is zeroed when u < p (p as a float32), else multiplied by 1 / (1 − p) in float32.
const PY_DROPOUT = [
  'class Dropout(nn.Module):',
  '    def __init__(self, p):',
  '        super().__init__()',
  '        self.p = torch.tensor(p).item()  # p as a float32',
  '        self.keep = 1 / (1 - torch.tensor(p))',
  '',
  '    def forward(self, x):',
  '        if not self.training:',
  '            return x',
  '        u = torch.tensor([(rng.next() >> 8) / 2 ** 24 for _ in range(x.numel())]).reshape(x.shape)',
  '        return x * torch.where(u < self.p, torch.tensor(0.0), self.keep)',
];

// The features computed in double and rounded once (core/data/features.cpp).
const FEATURE_PY_EXACT = { ...FEATURE_PY, sinx1: 'x1.sin()', sinx2: 'x2.sin()' };

/** The PyTorch program for this state (runnable Python source). */
export function pytorchCode(state, options = {}) {
  const p = plan(state, options);
  const { state: s, c, spec } = p;
  const lossPy = LOSS_PY[p.loss];
  // The run's own numbers, when the caller has them: the data as the engine made it and weights.
  const data = options.data?.train ? options.data : null;
  const params = data && options.parameters?.length ? options.parameters : null;
  const exact = Boolean(params);
  const trained = exact && options.weights === 'trained';
  const L = [];
  const blank = () => L.push('');
  const section = (title) => {
    blank();
    L.push(`# ---- ${title} ${'-'.repeat(Math.max(4, 60 - title.length))}`);
  };
  const file = 'layerwise_playground.py';

  L.push(...commentLines('# ', fill(c.pyTitle, { summary: summary(p, lossPy) })));
  L.push(...commentLines('# ', fill(c.pyRun, { file })));
  if (!exact) L.push(...commentLines('# ', c.pyRandom));
  else if (trained) L.push(...commentLines('# ', fill(c.pyExactTrained, { epoch: options.epoch ?? 0 })));
  else L.push(...commentLines('# ', c.pyExact));
  if (exact && !trained && options.replays === false) L.push(...commentLines('# ', c.offScript));
  L.push(...(exact ? ['import base64', ''] : ['import math', '']), 'import torch', 'import torch.nn as nn', 'import torch.nn.functional as F');

  section(c.settings);
  L.push(`SEED = ${s.seed}`);
  if (trained) L.push(...commentLines('# ', c.trainedEpochs));
  L.push(`EPOCHS = ${trained ? 0 : p.epochs}`);
  L.push(`BATCH_SIZE = ${s.batch}`);
  if (exact) L.push(`PRINT_EVERY = ${p.epochs <= 100 ? 1 : p.every}`);
  if (s.l1 > 0) L.push(`L1 = ${num(s.l1)}`);
  L.push('torch.manual_seed(SEED)');
  if (!exact) L.push('g = torch.Generator().manual_seed(SEED)');

  section(c.data);
  const long = p.loss === 'cross_entropy';
  const featureLine = (table) => `    return torch.stack([${s.features.map((f) => table[f]).join(', ')}], dim=1)`;
  if (exact) {
    const test = data.test?.y?.length ? data.test : null;
    const target = isRegression(s) || p.classes === 0 ? c.targetValue : fill(c.targetClass, { last: p.classes - 1 });
    L.push(...commentLines('# ', c.floats));
    L.push('def floats(text, *shape):');
    L.push('    return torch.frombuffer(bytearray(base64.b64decode(text)), dtype=torch.float32).reshape(shape)');
    blank();
    L.push(...commentLines('# ', fill(c.exactData, {
      dataset: s.dataset, train: data.train.y.length, test: test ? test.y.length : 0, target, percent: s.trainRatio,
    })));
    const sets = test ? [['train', data.train], ['test', test]] : [['train', data.train]];
    for (const [name, set] of sets) {
      L.push(`P_${name} = ${pyFloats(set.points, [-1, 2], '')}`);
      L.push(`y_${name} = ${pyFloats(set.y, [-1], '')}`);
    }
    if (!test) L.push('P_test, y_test = P_train[:0], y_train[:0]');
    blank();
    L.push(...commentLines('# ', c.exactFeatures));
    L.push('def features(P):');
    L.push('    x1, x2 = P[:, 0].double(), P[:, 1].double()');
    L.push(`${featureLine(FEATURE_PY_EXACT)}.float()`);
    blank();
    L.push('X_train, X_test = features(P_train), features(P_test)');
    if (s.standardize) {
      blank();
      L.push(...commentLines('# ', c.exactStandardize));
      L.push('mean = X_train.double().mean(dim=0).float()');
      L.push('std = ((X_train - mean).double() ** 2).mean(dim=0).sqrt().float()');
      L.push(`std[std == 0] = 1  # ${c.constantFeature}`);
      L.push('X_train, X_test = (X_train - mean) / std, (X_test - mean) / std');
    }
    blank();
    L.push(...commentLines('# ', fill(c.targets, { shape: long ? c.targetsLong : c.targetsFloat })));
    L.push(long ? 'y_train, y_test = y_train.long(), y_test.long()' : 'y_train, y_test = y_train.unsqueeze(1), y_test.unsqueeze(1)');
  } else {
    L.push(...pyData(p));
    blank();
    L.push(...commentLines('# ', fill(c.split, { percent: s.trainRatio })));
    L.push('perm = torch.randperm(len(X), generator=g)');
    L.push(`n_train = max(1, int(${num(s.trainRatio / 100)} * len(X) + 0.5))`);
    L.push('train_idx, test_idx = perm[:n_train], perm[n_train:]');
    blank();
    L.push(...commentLines('# ', c.features));
    L.push('def features(P):');
    L.push('    x1, x2 = P[:, 0], P[:, 1]');
    L.push(featureLine(FEATURE_PY));
    blank();
    L.push('X_train, X_test = features(X[train_idx]), features(X[test_idx])');
    if (s.standardize) {
      blank();
      L.push(...commentLines('# ', c.standardize));
      L.push('mean = X_train.mean(dim=0)');
      L.push('std = ((X_train - mean) ** 2).mean(dim=0).sqrt()');
      L.push(`std[std == 0] = 1  # ${c.constantFeature}`);
      L.push('X_train, X_test = (X_train - mean) / std, (X_test - mean) / std');
    }
    blank();
    L.push(...commentLines('# ', fill(c.targets, { shape: long ? c.targetsLong : c.targetsFloat })));
    L.push(long ? 'y_train, y_test = y[train_idx].long(), y[test_idx].long()'
      : 'y_train, y_test = y[train_idx].float().unsqueeze(1), y[test_idx].float().unsqueeze(1)');
  }

  const drop = spec.layers.find((l) => l.type === 'dropout');
  if (exact) {
    section(c.randomNumbers);
    L.push(...commentLines('# ', drop ? c.rngDropout : c.rng));
    L.push(...PY_PCG32);
    blank();
    L.push('rng = Pcg32(SEED)');
    const draws = initDraws(spec);
    if (draws > 0) {
      L.push(`for _ in range(${draws}):  # ${fill(c.rngSkip, { n: draws })}`);
      L.push('    rng.next()');
    } else L.push(`# ${c.rngSkipNone}`);
    if (drop) {
      blank();
      L.push(...commentLines('# ', c.dropoutExact));
      L.push(...PY_DROPOUT);
    }
  }

  section(c.model);
  L.push('class DeepNN(nn.Module):');
  L.push('    def __init__(self):');
  L.push('        super().__init__()');
  p.hidden.forEach((b, i) => {
    L.push(`        self.hidden${i + 1} = nn.Linear(${b.in}, ${b.out})  # ${fill(c.hidden, { i: i + 1, n: b.out })}`);
  });
  L.push(`        self.output = nn.Linear(${p.head.in}, ${p.head.out})  # ${outputComment(p)}`);
  if (drop) L.push(`        self.dropout = ${exact ? 'Dropout' : 'nn.Dropout'}(p=${num(drop.p)})  # ${fill(c.dropout, { p: drop.p })}`);
  blank();
  L.push('    def forward(self, x):');
  p.hidden.forEach((b, i) => {
    let expr = `self.hidden${i + 1}(x)`;
    let note = '';
    for (const l of b.after) {
      if (l.type === 'dropout') continue;
      if (l.type === 'identity') note = `  # ${c.noActivation}`;
      expr = PY_ACTIVATION[l.type](expr, l);
    }
    L.push(`        x = ${expr}${note}`);
    if (b.after.some((l) => l.type === 'dropout')) L.push('        x = self.dropout(x)');
  });
  let out = 'self.output(x)';
  for (const l of p.head.after) out = PY_ACTIVATION[l.type](out, l);
  L.push(...commentLines('        # ', headComment(p, lossPy)));
  L.push(`        return ${out}`);
  blank();
  L.push('model = DeepNN()');

  if (exact) {
    if (!trained) {
      const init = pyInit(spec.init, c, ['nn.Linear'], c.initShown);
      if (init.length > 2) {
        blank();
        L.push(...init);
      }
    }
    blank();
    L.push(...commentLines('# ', trained ? fill(c.weightsTrained, { epoch: options.epoch ?? 0 }) : c.weightsInitial));
    const names = [...p.hidden.map((_, i) => `hidden${i + 1}`), 'output'];
    const linears = spec.layers.filter((l) => l.type === 'linear');
    if (params.length !== 2 * linears.length) throw new Error(`codegen: ${params.length} parameters given, the network has ${2 * linears.length}`);
    L.push('model.load_state_dict({');
    names.forEach((name, i) => {
      const b = [...p.hidden, p.head][i];
      const [w, bias] = [params[2 * i], params[2 * i + 1]];
      if (w.data.length !== b.in * b.out || bias.data.length !== b.out) throw new Error(`codegen: parameter ${w.name} does not fit layer ${name}`);
      L.push(`    '${name}.weight': ${pyFloats(w.data, [b.out, b.in], '    ')},`);
      L.push(`    '${name}.bias': ${pyFloats(bias.data, [b.out], '    ')},`);
    });
    L.push('})');
  } else {
    blank();
    L.push(...pyInit(spec.init, c));
  }

  section(c.lossAndOptimizer);
  if (p.note) L.push(...commentLines('# ', fill(c.lossMismatch, p.note)));
  L.push(`criterion = ${lossPy}()`);
  if (decayComment(p)) L.push(...commentLines('# ', decayComment(p)));
  L.push(pyOptimizer(p.optimizer));

  section(exact ? c.evaluation : c.training);
  const evaluate = () => {
    L.push('def evaluate(X, y):');
    L.push('    model.eval()');
    L.push('    with torch.no_grad():');
    L.push('        out = model(X)');
    L.push('        loss = criterion(out, y).item()');
    if (p.output === 'value') {
      L.push('    return loss, None');
      return;
    }
    const rule = { probability: c.ruleProbability, logit: c.ruleLogit, logits: c.ruleLogits }[p.output];
    L.push(...commentLines('        # ', fill(c.accuracy, { rule })));
    L.push({
      probability: '        predicted = (out > 0.5).float()',
      logit: '        predicted = (out > 0).float()',
      logits: '        predicted = out.argmax(dim=1)',
    }[p.output]);
    L.push('        accuracy = (predicted == y).float().mean().item()');
    L.push('    return loss, accuracy');
  };
  if (exact) {
    evaluate();
    blank();
    L.push(...commentLines('# ', c.curveNote));
    L.push('def report(epoch):');
    L.push('    train_loss = evaluate(X_train, y_train)[0]');
    L.push('    test_loss = evaluate(X_test, y_test)[0] if len(X_test) else float("nan")');
    L.push('    print(f"epoch {epoch}: train loss {train_loss:.6g}, test loss {test_loss:.6g}")');
    section(c.training);
    L.push(...commentLines('# ', fill(c.trainingNoteExact, { batch: s.batch })));
    L.push(`report(${trained ? options.epoch ?? 0 : 0})`);
  } else {
    L.push(...commentLines('# ', fill(c.trainingNote, { batch: s.batch })));
  }
  L.push('for epoch in range(1, EPOCHS + 1):');
  L.push('    model.train()');
  L.push(exact ? '    order = rng.shuffled(len(X_train))' : '    order = torch.randperm(len(X_train))');
  if (!exact) L.push('    total = 0.0');
  L.push('    for start in range(0, len(X_train), BATCH_SIZE):');
  L.push('        batch = order[start:start + BATCH_SIZE]');
  L.push('        loss = criterion(model(X_train[batch]), y_train[batch])');
  if (s.l1 > 0) {
    L.push(...commentLines('        # ', c.l1));
    L.push('        loss = loss + L1 * sum(m.weight.abs().sum() for m in model.modules() if isinstance(m, nn.Linear))');
  }
  L.push('        optimizer.zero_grad()');
  L.push('        loss.backward()');
  L.push('        optimizer.step()');
  if (exact) {
    L.push('    if epoch % PRINT_EVERY == 0 or epoch == EPOCHS:');
    L.push(`        report(${trained ? 'epoch + ' + (options.epoch ?? 0) : 'epoch'})`);
  } else {
    L.push('        total += loss.item() * len(batch)');
    L.push(`    if epoch % ${p.every} == 0 or epoch == EPOCHS:`);
    L.push('        print(f"epoch {epoch}: train loss {total / len(X_train):.4f}")');
  }

  if (!exact) {
    section(c.evaluation);
    evaluate();
    blank();
  } else blank();
  L.push('for name, X_, y_ in [("train", X_train, y_train), ("test", X_test, y_test)]:');
  if (exact) L.push('    if len(X_):');
  const ind = exact ? '        ' : '    ';
  if (p.output === 'value') {
    L.push(`${ind}print(f"{name} loss {evaluate(X_, y_)[0]:.4f}")`);
  } else {
    L.push(`${ind}loss, accuracy = evaluate(X_, y_)`);
    L.push(`${ind}print(f"{name} loss {loss:.4f}, accuracy {accuracy:.1%}")`);
  }
  return L.join('\n') + '\n';
}

// ---- Layerwise JS ----------------------------------------------------------------------------

const JS_LAYER = {
  relu: () => 'nn.ReLU()',
  leaky_relu: (l) => (l.slope === undefined ? 'nn.LeakyReLU()' : `nn.LeakyReLU(${num(l.slope)})`),
  tanh: () => 'nn.Tanh()',
  sigmoid: () => 'nn.Sigmoid()',
  softmax: () => 'nn.Softmax(1)',
  identity: () => 'nn.Identity()',
  dropout: (l) => `nn.Dropout(${num(l.p)})`,
};

const jsObject = (o) => `{ ${Object.entries(o).map(([k, v]) => `${k}: ${jsValue(v)}`).join(', ')} }`;

/** The Layerwise program for this state (an ES module that imports `importFrom`). */
export function layerwiseCode(state, options = {}) {
  const p = plan(state, options);
  const { state: s, c, spec } = p;
  const importFrom = options.importFrom ?? 'layerwise';
  const L = [];
  const blank = () => L.push('');
  const section = (title) => {
    blank();
    L.push(`// ---- ${title} ${'-'.repeat(Math.max(4, 60 - title.length))}`);
  };
  const file = 'layerwise-playground.mjs';

  L.push(...commentLines('// ', fill(c.jsTitle, { summary: summary(p, `lw.loss.${LOSS_JS[p.loss]}()`) })));
  L.push(...commentLines('// ', fill(c.jsRun, { file })));
  L.push(`import { loadLayerwise } from '${importFrom}';`);
  blank();
  L.push('const lw = await loadLayerwise();');
  L.push('const { nn, init } = lw;');

  section(c.settings);
  L.push(`const SEED = ${s.seed};`);
  L.push(`const EPOCHS = ${p.epochs};`);
  L.push(`const BATCH_SIZE = ${s.batch};`);
  if (s.l1 > 0) L.push(`const L1 = ${num(s.l1)};`);

  section(c.data);
  if (s.dataset === 'drawn') {
    const d = p.drawn ?? { x: [], y: [] };
    const n = d.y?.length ?? 0;
    L.push(...commentLines('// ', n ? fill(c.drawnData, { n }) : fill(c.drawnEmpty, { last: p.classes - 1 })));
    const pairs = Array.from({ length: n }, (_, i) => `${num(d.x[2 * i])}, ${num(d.x[2 * i + 1])}`);
    L.push(`const pointsX = [${rows(pairs, 4, (r) => r.join(',  '), '  ')}];`);
    L.push(`const pointsY = [${rows([...(d.y ?? [])].map(num), 20, (r) => r.join(', '), '  ')}];`);
    L.push(`const points = lw.data.fromArrays(pointsX, pointsY, { features: 2, classes: ${p.classes} });`);
  } else {
    L.push(...commentLines('// ', fill(c.jsData, { dataset: s.dataset, n: s.points, noise: s.noise, seed: s.seed })));
    L.push(`const points = lw.data.generate('${s.dataset}', { n: ${s.points}, noise: ${num(s.noise / 100)}, seed: SEED });`);
  }
  L.push(...commentLines('// ', fill(c.split, { percent: s.trainRatio })));
  L.push(`const [trainPoints, testPoints] = points.split(${num(s.trainRatio / 100)}, SEED);`);
  L.push(...commentLines('// ', c.features));
  L.push(`const FEATURES = [${s.features.map((f) => `'${f}'`).join(', ')}];`);
  L.push('const train = trainPoints.featureMap(FEATURES);');
  L.push('const test = testPoints.featureMap(FEATURES);');
  if (s.standardize) {
    L.push(...commentLines('// ', c.standardize));
    L.push('const stats = train.standardize();');
    L.push('test.standardize(stats);');
  }

  section(c.model);
  L.push('const net = nn.Sequential(');
  const lossJs = `lw.loss.${LOSS_JS[p.loss]}()`;
  p.hidden.forEach((b, i) => {
    const parts = [`nn.Linear(${b.in}, ${b.out})`, ...b.after.map((l) => JS_LAYER[l.type](l))];
    const note = b.after.some((l) => l.type === 'identity') ? `; ${c.noActivation}` : '';
    L.push(`  ${parts.join(', ')},  // ${fill(c.hidden, { i: i + 1, n: b.out })}${note}`);
  });
  const headParts = [`nn.Linear(${p.head.in}, ${p.head.out})`, ...p.head.after.map((l) => JS_LAYER[l.type](l))];
  L.push(`  ${headParts.join(', ')},  // ${headComment(p, lossJs)}`);
  L.push(');');
  const init = spec.init;
  if (init.weight === 'default' && init.bias === 'default') {
    L.push(...commentLines('// ', c.initDefault));
  } else {
    L.push(...commentLines('// ', c.init));
    L.push('function initWeights(m) {');
    L.push('  if (m instanceof nn.Linear) {');
    for (const role of ['weight', 'bias']) {
      const [type, opts] = initParts(init[role]);
      const args = Object.keys(opts).length ? `, ${jsObject(type === 'constant' ? { val: opts.value } : opts)}` : '';
      L.push(`    init.${INIT_JS[type]}(m.${role}${args});`);
    }
    L.push('  }');
    L.push('}');
    L.push('net.apply(initWeights);');
  }
  L.push(`const model = lw.Model.fromSpec(net, { input: [${spec.input[0]}], seed: SEED });`);

  section(c.lossAndOptimizer);
  if (p.note) L.push(...commentLines('// ', fill(c.lossMismatch, p.note)));
  L.push(`const criterion = ${lossJs};`);
  if (decayComment(p)) L.push(...commentLines('// ', decayComment(p).replaceAll('weight_decay', 'weightDecay')));
  L.push(`const optimizer = lw.optim.${OPTIMIZER_PY[p.optimizer.name]}(model, ${jsObject(p.optimizer.options)});`);

  section(c.training);
  L.push(...commentLines('// ', fill(c.trainingNote, { batch: s.batch })));
  L.push(...commentLines('// ', c.trainEpoch));
  if (s.l1 > 0) L.push(...commentLines('// ', c.l1));
  L.push('for (let epoch = 1; epoch <= EPOCHS; epoch++) {');
  L.push(`  const loss = model.trainEpoch(train, BATCH_SIZE, criterion, optimizer${s.l1 > 0 ? ', { l1: L1 }' : ''});`);
  L.push(`  if (epoch % ${p.every} === 0 || epoch === EPOCHS) console.log(\`epoch \${epoch}: train loss \${loss.toFixed(4)}\`);`);
  L.push('}');

  section(c.evaluation);
  if (p.output !== 'value') {
    const rule = { probability: c.ruleProbability, logit: c.ruleLogit, logits: c.ruleLogits }[p.output];
    L.push(...commentLines('// ', fill(c.accuracy, { rule })));
  }
  L.push('for (const [name, data] of [[\'train\', train], [\'test\', test]]) {');
  L.push('  const { loss, accuracy } = model.evaluate(data, criterion);');
  L.push(p.output === 'value'
    ? '  console.log(`${name} loss ${loss.toFixed(4)}`);'
    : '  console.log(`${name} loss ${loss.toFixed(4)}, accuracy ${(100 * accuracy).toFixed(1)}%`);');
  L.push('}');
  blank();
  L.push(...commentLines('// ', c.dispose));
  L.push('for (const o of [optimizer, model, train, test, trainPoints, testPoints, points]) o.dispose();');
  return L.join('\n') + '\n';
}

/** The code of one kind ("pytorch" or "layerwise"). */
export function codeFor(kind, state, options) {
  if (kind === 'pytorch') return pytorchCode(state, options);
  if (kind === 'layerwise') return layerwiseCode(state, options);
  throw new Error(`codegen: unknown kind "${kind}"; one of ${CODE_KINDS.join(', ')}`);
}

