// Every string the playground shows, in English and Korean, and t() to look one up.
//
//   t('ko', 'training.epochCount', { epoch: 12 })  → '에포크 12'
//
// Keys are flat: "panel.name" for labels (grouped below by the panel that shows them),
// "panel.name.tip" for the one-line explanation a tooltip shows, "<kind>.<value>" for the names
// of the state's choices (dataset.spiral, activation.relu, loss.bce, init.zeros, ...), and bare
// keys for messages (diverged, lossMismatch, ...), named as config.js and the element report
// them. {name} in a string is filled from params; both languages use the same placeholders.
// A key a language lacks falls back to English; missingKeys(lang) lists them (the test keeps
// Korean complete). To add a string: add it to `own` (English) and to `ko` in the same group.
//
// Korean follows the terms Korean ML courses use (학습률, 은닉층, 활성화 함수, 손실 함수,
// 옵티마이저, 가중치 초기화, 과적합, 배치 크기, 정확도, 결정 경계) and is written for
// learners, not translated word for word.
//
// This is the one table of every string. Two files keep English their authors edit next to
// their code: strings-element.js (ELEMENT_STRINGS: the element's chrome and controls) and
// views/strings.js (VIEW_STRINGS: the views' read-outs, legends and ARIA labels). Their keys
// are merged into `en` below (a key this file has itself wins; CLASHES lists any that differ),
// and their Korean is here, in `ko`, under "element" and "views". To add a string there: add
// the English in that file and the Korean here (the test fails until both are in).

import { ELEMENT_STRINGS } from './strings-element.js';
import { VIEW_STRINGS } from './views/strings.js';

export const LANGS = Object.freeze(['en', 'ko']);

// English written here; the keys files' English is merged in after it (see STRINGS).
const own = {
  // ---- app ----
  'app.title': 'Layerwise',
  'app.tagline': 'Build a neural network, train it in your browser, and watch every layer learn.',
  'app.language': 'Language',
  'app.loading': 'Loading the engine…',
  'lang.en': 'English',
  'lang.ko': '한국어',

  // ---- data panel ----
  'data.title': 'Data',
  'data.dataset': 'Dataset',
  'data.noise': 'Noise',
  'data.noise.tip': 'How far the points are jittered off their clean shape. With more noise the classes overlap, and overfitting is easier to see.',
  'data.noiseValue': 'Noise: {value}%',
  'data.trainRatio': 'Training data',
  'data.trainRatio.tip': 'The share of points the network learns from; the rest is held back as test data to check how well it generalises.',
  'data.trainRatioValue': '{train}% training, {test}% test',
  'data.points': 'Points',
  'data.pointsValue': '{count} points',
  'data.seed': 'Seed',
  'data.seed.tip': 'The random seed. The same seed gives the same data and the same starting weights, so a run can be repeated exactly.',
  'data.regenerate': 'New data',
  'data.regenerate.tip': 'Draw new points with another seed.',
  'data.classification': 'Classification',
  'data.regression': 'Regression',
  'data.classes': 'Classes: {count}',
  'data.class': 'Class {n}',

  // drawing your own data
  'draw.title': 'Draw your own data',
  'draw.hint': 'Click or tap the plot to add a point of the selected class; drag to paint several.',
  'draw.class': 'Class {n}',
  'draw.addClass': 'Add a class',
  'draw.eraser': 'Eraser',
  'draw.clear': 'Clear all points',
  'draw.count': '{count} points drawn',

  // ---- dataset names ----
  'dataset.circle': 'Circle',
  'dataset.circle.tip': 'One class sits inside a ring of the other. No straight line can separate them.',
  'dataset.xor': 'XOR',
  'dataset.xor.tip': 'Opposite corners share a class: the classic problem a single neuron cannot solve.',
  'dataset.gauss': 'Two blobs',
  'dataset.gauss.tip': 'Two gaussian clouds of points, almost separable by a straight line.',
  'dataset.spiral': 'Spiral',
  'dataset.spiral.tip': 'Two interleaved spiral arms: a hard problem that needs depth or well-chosen features.',
  'dataset.moons': 'Moons',
  'dataset.moons.tip': 'Two interlocking half-moons, separated by a gently curved boundary.',
  'dataset.blobs3': 'Three blobs',
  'dataset.blobs3.tip': 'Three classes: the output layer gives one score per class, and the loss is cross-entropy.',
  'dataset.plane': 'Plane',
  'dataset.plane.tip': 'Regression: the target rises evenly across the plane. One linear neuron is enough.',
  'dataset.sine': 'Sine wave',
  'dataset.sine.tip': 'Regression: fit y = sin(x₁). The network has to bend a curve.',
  'dataset.drawn': 'Your drawing',
  'dataset.drawn.tip': 'Points you paint on the plot yourself, with as many classes as you like.',

  // ---- features panel ----
  'features.title': 'Features',
  'features.tip': 'Which values computed from each point the network gets as its inputs.',
  'features.standardize': 'Standardise inputs',
  'features.standardize.tip': 'Shift and scale every feature to mean 0 and standard deviation 1 (measured on the training data), so no feature dominates just because its numbers are bigger.',
  'feature.x1': 'x₁',
  'feature.x1.tip': 'The horizontal coordinate.',
  'feature.x2': 'x₂',
  'feature.x2.tip': 'The vertical coordinate.',
  'feature.x1sq': 'x₁²',
  'feature.x1sq.tip': 'x₁ squared. With x₁² and x₂², a single neuron can draw a circle.',
  'feature.x2sq': 'x₂²',
  'feature.x2sq.tip': 'x₂ squared.',
  'feature.x1x2': 'x₁x₂',
  'feature.x1x2.tip': 'The product x₁·x₂. Its sign alone solves XOR.',
  'feature.sinx1': 'sin(x₁)',
  'feature.sinx1.tip': 'A wave along x₁.',
  'feature.sinx2': 'sin(x₂)',
  'feature.sinx2.tip': 'A wave along x₂.',

  // ---- network panel ----
  'network.title': 'Network',
  'network.input': 'Input layer',
  'network.hiddenLayers': 'Hidden layers',
  'network.hiddenLayers.tip': 'Layers between input and output. More layers and neurons can fit more complex shapes, but too many make overfitting easy.',
  'network.layerCount': 'Hidden layers: {count}',
  'network.layer': 'Hidden layer {n}',
  'network.output': 'Output layer',
  'network.neurons': 'Neurons: {count}',
  'network.addLayer': 'Add a hidden layer',
  'network.removeLayer': 'Remove the last hidden layer',
  'network.addNeuron': 'Add a neuron to layer {n}',
  'network.removeNeuron': 'Remove a neuron from layer {n}',
  'network.maxLayers': 'At most {max} hidden layers.',
  'network.maxNeurons': 'At most {max} neurons per layer.',
  'network.params': 'Parameters: {count}',
  'network.params.tip': 'The number of weights and biases the network learns.',
  'network.activation': 'Activation',
  'network.activation.tip': 'The function each hidden neuron applies to its weighted sum. Without a nonlinear one, the network can only draw straight lines.',
  'network.layerActivation': 'Activation of hidden layer {n}',
  'network.dropout': 'Dropout',
  'network.dropout.tip': 'While training, each hidden neuron is switched off at random with this probability, so the network cannot lean on any single one. A remedy for overfitting.',
  'network.head.probability': 'Output: one sigmoid neuron, the probability of class 1',
  'network.head.logit': 'Output: one raw score (logit); the loss applies the sigmoid',
  'network.head.logits': 'Output: one score per class; softmax turns them into probabilities',
  'network.head.value': 'Output: one linear neuron, the predicted value',

  // ---- activation names ----
  'activation.relu': 'ReLU',
  'activation.relu.tip': 'max(0, x): passes positive values and zeroes negative ones. Learns fast, but a neuron stuck at 0 stops learning (a "dead" ReLU).',
  'activation.leaky_relu': 'Leaky ReLU',
  'activation.leaky_relu.tip': 'Like ReLU, but negative inputs keep a small slope (0.01·x), so no neuron dies completely.',
  'activation.tanh': 'Tanh',
  'activation.tanh.tip': 'Squashes any input into (−1, 1), centred on 0. Smooth, but flat at both ends, where gradients vanish.',
  'activation.sigmoid': 'Sigmoid',
  'activation.sigmoid.tip': 'Squashes any input into (0, 1). Natural for a probability at the output; in hidden layers it saturates and learns slowly.',
  'activation.linear': 'Linear',
  'activation.linear.tip': 'No activation: the layer stays linear. Stacked linear layers still make one straight-line model.',

  // ---- loss ----
  'loss.title': 'Loss function',
  'loss.title.tip': "How the network's mistakes are scored. Training lowers this number.",
  'loss.auto': 'Automatic',
  'loss.auto.tip': 'The loss that fits the data: BCE for two classes, cross-entropy for more, MSE for regression.',
  'loss.bce': 'Binary cross-entropy (BCE)',
  'loss.bce.tip': 'For two classes. Compares a predicted probability with the 0/1 label; a confident wrong answer costs a lot.',
  'loss.bce_with_logits': 'BCE with logits',
  'loss.bce_with_logits.tip': 'The same loss as BCE, but it takes the raw score and applies the sigmoid itself, which is numerically safer.',
  'loss.cross_entropy': 'Cross-entropy',
  'loss.cross_entropy.tip': "The standard loss for several classes: softmax over the scores, then −log of the right class's probability.",
  'loss.mse': 'Mean squared error (MSE)',
  'loss.mse.tip': 'The average of (prediction − target)². The basic loss for regression.',

  // ---- weight initialisation ----
  'init.title': 'Weight initialisation',
  'init.title.tip': 'How the weights are set before training starts. A good start keeps signals and gradients from fading or blowing up as they pass through the layers.',
  'init.std': 'Standard deviation',
  'init.xavier_uniform': 'Xavier (uniform)',
  'init.xavier_uniform.tip': "Random weights scaled to the layer's inputs and outputs, so signals keep their size from layer to layer (Glorot & Bengio, 2010).",
  'init.xavier_normal': 'Xavier (normal)',
  'init.xavier_normal.tip': "Xavier's scaling, drawn from a normal distribution instead of a uniform one.",
  'init.kaiming_uniform': 'He / Kaiming (uniform)',
  'init.kaiming_uniform.tip': 'Scaled for ReLU layers, which zero about half their inputs: a little larger than Xavier (He et al., 2015).',
  'init.kaiming_normal': 'He / Kaiming (normal)',
  'init.kaiming_normal.tip': "He's scaling, drawn from a normal distribution.",
  'init.zeros': 'Zeros',
  'init.zeros.tip': 'Every weight starts at 0, so all neurons of a layer stay identical and learn the same thing. Try it to see why random starts matter.',
  'init.normal': 'Normal (set the std)',
  'init.normal.tip': 'Weights drawn from N(0, std²) with the standard deviation you set. Too small and signals fade; too large and they explode.',
  'init.default': 'PyTorch default',
  'init.default.tip': 'What nn.Linear does by itself: weights and biases uniform in ±1/√(number of inputs).',

  // ---- optimiser ----
  'optimizer.title': 'Optimiser',
  'optimizer.title.tip': 'The rule that turns gradients into weight updates.',
  'optimizer.sgd': 'SGD',
  'optimizer.sgd.tip': 'Stochastic gradient descent: a step against the gradient of each batch. Simple and noisy; momentum smooths it.',
  'optimizer.adam': 'Adam',
  'optimizer.adam.tip': 'Adapts the step of every weight from running averages of its gradient and squared gradient. Works well almost everywhere with little tuning (Kingma & Ba, 2015).',
  'optimizer.rmsprop': 'RMSprop',
  'optimizer.rmsprop.tip': "Divides each step by the recent size of the gradient, so steep and flat directions make similar progress (from Hinton's lecture notes).",

  // ---- training panel ----
  'training.title': 'Training',
  'training.lr': 'Learning rate',
  'training.lr.tip': 'How big each step is. Too small: slow progress. Too large: the loss jumps around or blows up.',
  'training.batch': 'Batch size',
  'training.batch.tip': 'How many points each step looks at. Small batches are noisy but take many steps per epoch; large ones are smooth but take few.',
  'training.momentum': 'Momentum',
  'training.momentum.tip': 'Keeps part of the previous step, like a ball rolling downhill: faster along steady directions, less zig-zag.',
  'training.nesterov': 'Nesterov',
  'training.nesterov.tip': 'Looks ahead: takes the gradient where momentum is about to carry the weights. Often a little steadier. Needs momentum above 0.',
  'training.beta1': 'β₁',
  'training.beta1.tip': "Adam's memory of past gradients (its momentum). 0.9 is the usual value.",
  'training.beta2': 'β₂',
  'training.beta2.tip': "Adam's memory of past squared gradients. 0.999 is the usual value.",
  'training.alpha': 'α (smoothing)',
  'training.alpha.tip': "RMSprop's memory of past squared gradients. 0.99 is the usual value.",
  'training.l1': 'L1 regularisation',
  'training.l1.tip': 'Adds λ·Σ|w| to the loss. It pushes weights to exactly 0, keeping only the connections that matter.',
  'training.l2': 'L2 regularisation (weight decay)',
  'training.l2.tip': "Shrinks every weight a little at each step (the optimiser's weight decay): smoother boundaries, less overfitting.",
  'training.epoch': 'Epoch',
  'training.epoch.tip': 'One epoch is one pass over all the training data.',
  'training.epochCount': 'Epoch {epoch}',
  'training.stepCount': 'Steps: {steps}',

  // ---- controls ----
  'controls.play': 'Train',
  'controls.play.tip': 'Start training and keep going until you pause.',
  'controls.pause': 'Pause',
  'controls.step': 'One epoch',
  'controls.step.tip': 'Train for one epoch, then stop.',
  'controls.reset': 'Reset',
  'controls.reset.tip': 'Start again from fresh weights (same seed, same data).',
  'controls.defaults': 'Default settings',
  'controls.discretize': 'Show classes only',
  'controls.discretize.tip': "Colour each area by the predicted class instead of by the network's confidence.",
  'controls.showTest': 'Show test data',
  'controls.showTest.tip': 'Draw the held-back test points too.',
  'controls.speed': 'Speed',

  // ---- metrics ----
  'metrics.trainLoss': 'Training loss',
  'metrics.testLoss': 'Test loss',
  'metrics.trainAccuracy': 'Training accuracy',
  'metrics.testAccuracy': 'Test accuracy',
  'metrics.loss': 'Loss: {value}',
  'metrics.accuracy': 'Accuracy: {value}%',

  // ---- views ----
  'views.boundary': 'Decision boundary',
  'views.boundary.tip': "Every spot of the plane is coloured by the network's prediction there; the dots are the data.",
  'views.boundary.label': 'Data and decision boundary after epoch {epoch}',
  'views.prediction': 'Prediction',
  'views.prediction.tip': "The network's prediction along x₁, drawn over the data.",
  'views.lossChart': 'Loss over time',
  'views.lossChart.tip': 'Training and test loss after each epoch. When the test loss rises while the training loss falls, the network is overfitting.',
  'views.network': 'Network diagram',
  'views.network.tip': 'Each square is a neuron, showing what it responds to across the plane. The thickness and colour of a line show its weight.',
  'views.neuron': 'Neuron {n} of layer {layer}',
  'views.weight': 'Weight: {value}',
  'views.bias': 'Bias: {value}',
  'views.weights': 'Weights',
  'views.weights.tip': "A histogram of each layer's weights.",
  'views.gradients': 'Gradients',
  'views.gradients.tip': "How large each layer's gradients are. Tiny ones in the first layers mean vanishing gradients; huge ones mean exploding gradients.",
  'views.activations': 'Activations',
  'views.activations.tip': "A histogram of each layer's outputs over the training data.",
  'views.dead': 'Dead: {percent}%',
  'views.dead.tip': 'ReLU neurons that output 0 for every training point. They no longer learn.',
  'views.saturated': 'Saturated: {percent}%',
  'views.saturated.tip': 'tanh or sigmoid outputs stuck at the flat ends, where the gradient is almost 0.',
  'views.point': 'x₁ = {x1}, x₂ = {x2}',
  'views.probability': 'P(class 1) = {p}',
  'views.predictedClass': 'Predicted: class {class}',
  'views.predictedValue': 'Predicted: {value}',
  'views.trainData': 'Training data',
  'views.testData': 'Test data',
  'views.empty': 'Press Train to start.',

  // ---- code panel ----
  'code.title': 'Code',
  'code.tip': 'This network and training setup as code. The Layerwise version reproduces this run exactly; the PyTorch version draws its own random numbers.',
  'code.pytorch': 'PyTorch',
  'code.layerwise': 'Layerwise JS',
  'code.copy': 'Copy',
  'code.copied': 'Copied',
  'code.download': 'Download',
  'code.show': 'Show code',
  'code.hide': 'Hide code',

  // ---- save, share, export, import ----
  'state.title': 'Save and share',
  'state.share': 'Copy link',
  'state.share.tip': 'The link holds every setting, seed included: whoever opens it gets exactly this playground.',
  'state.linkCopied': 'Link copied',
  'state.export': 'Export',
  'state.export.tip': 'Save the settings, your drawn data and the trained weights to a file.',
  'state.import': 'Import',
  'state.import.tip': 'Load a file saved with Export.',
  'state.imported': 'Loaded {name}',
  'state.restored': 'Your last session was restored.',
  'state.embed': 'Embed',
  'state.embed.tip': 'Paste this into a web page to show this playground there.',

  // ---- messages: errors, notes, hints (bare keys) ----
  diverged: 'Training diverged: the loss became NaN/infinite. Try a lower learning rate or another initialiser, then press Reset.',
  lossMismatch: 'The loss you picked cannot work with these data, so the one that fits them is used: BCE for two classes, cross-entropy for more, MSE for regression.',
  badSetting: 'A setting was ignored: {problem}',
  importFailed: 'Could not import {name}: {reason}',
  engineFailed: 'The training engine could not start: {reason}',
  trainingFailed: 'Training stopped because of an error: {reason}',
  tooFewPoints: 'Draw at least {min} points, in at least two classes, before training.',
  copyFailed: 'Could not copy to the clipboard. Select the text and copy it by hand.',
  storageFailed: 'Your work could not be saved in this browser (storage is full or blocked). Use Export to keep it.',
  overfitting: 'The test loss is rising while the training loss falls: the network is overfitting. Try fewer neurons, more data, dropout or L2.',
  deadRelu: 'Many ReLU neurons are dead (always 0). Try Leaky ReLU, a lower learning rate or He initialisation.',
  saturated: 'Many neurons are saturated at the flat ends of tanh or sigmoid, so their gradients vanish. Try standardised inputs, Xavier initialisation or ReLU.',
  zeroInit: 'With every weight at 0, all neurons of a layer stay the same: the symmetry never breaks. Pick a random initialiser.',
  linearOnly: 'Every activation is linear, so however deep the network, its boundary is a straight line.',
};

const ko = {
  // ---- app ----
  'app.title': 'Layerwise',
  'app.tagline': '신경망을 직접 쌓고, 브라우저에서 학습시키며, 층마다 무엇을 배우는지 지켜보세요.',
  'app.language': '언어',
  'app.loading': '엔진을 불러오는 중…',
  'lang.en': 'English',
  'lang.ko': '한국어',

  // ---- data panel ----
  'data.title': '데이터',
  'data.dataset': '데이터셋',
  'data.noise': '노이즈',
  'data.noise.tip': '점이 원래 모양에서 얼마나 흩어지는지 정합니다. 노이즈가 크면 클래스끼리 겹쳐서 과적합이 잘 드러납니다.',
  'data.noiseValue': '노이즈: {value}%',
  'data.trainRatio': '학습 데이터 비율',
  'data.trainRatio.tip': '네트워크가 학습에 쓰는 점의 비율입니다. 나머지는 테스트 데이터로 남겨 두고, 처음 보는 데이터에도 잘 맞는지 확인하는 데 씁니다.',
  'data.trainRatioValue': '학습 {train}%, 테스트 {test}%',
  'data.points': '점 개수',
  'data.pointsValue': '점 {count}개',
  'data.seed': '시드',
  'data.seed.tip': '난수 시드입니다. 시드가 같으면 데이터와 초기 가중치가 같아서 실험을 똑같이 되풀이할 수 있습니다.',
  'data.regenerate': '새 데이터',
  'data.regenerate.tip': '다른 시드로 점을 새로 뽑습니다.',
  'data.classification': '분류',
  'data.regression': '회귀',
  'data.classes': '클래스: {count}개',
  'data.class': '클래스 {n}',

  // drawing your own data
  'draw.title': '데이터 직접 그리기',
  'draw.hint': '그림을 클릭하거나 터치하면 고른 클래스의 점이 찍힙니다. 드래그하면 여러 개를 한 번에 칠할 수 있습니다.',
  'draw.class': '클래스 {n}',
  'draw.addClass': '클래스 추가',
  'draw.eraser': '지우개',
  'draw.clear': '점 모두 지우기',
  'draw.count': '그린 점 {count}개',

  // ---- dataset names ----
  'dataset.circle': '원',
  'dataset.circle.tip': '한 클래스가 다른 클래스의 고리 안에 들어 있습니다. 직선 하나로는 나눌 수 없습니다.',
  'dataset.xor': 'XOR',
  'dataset.xor.tip': '마주 보는 모서리끼리 같은 클래스입니다. 뉴런 하나로는 풀 수 없는 고전적인 문제입니다.',
  'dataset.gauss': '두 덩어리',
  'dataset.gauss.tip': '가우시안 분포를 따르는 두 점 구름입니다. 직선 하나로 거의 나눌 수 있습니다.',
  'dataset.spiral': '나선',
  'dataset.spiral.tip': '서로 맞물린 두 나선 팔입니다. 층을 깊게 쌓거나 특성을 잘 골라야 풀리는 어려운 문제입니다.',
  'dataset.moons': '초승달',
  'dataset.moons.tip': '서로 맞물린 두 반달입니다. 살짝 휘어진 경계로 나눌 수 있습니다.',
  'dataset.blobs3': '세 덩어리',
  'dataset.blobs3.tip': '클래스가 세 개입니다. 출력층이 클래스마다 점수를 하나씩 내고, 손실 함수로 크로스 엔트로피를 씁니다.',
  'dataset.plane': '평면',
  'dataset.plane.tip': '회귀: 목표값이 평면을 따라 고르게 커집니다. 선형 뉴런 하나면 충분합니다.',
  'dataset.sine': '사인파',
  'dataset.sine.tip': '회귀: y = sin(x₁)을 맞춥니다. 네트워크가 곡선을 만들어 내야 합니다.',
  'dataset.drawn': '직접 그린 데이터',
  'dataset.drawn.tip': '그림 위에 직접 칠한 점입니다. 클래스는 원하는 만큼 만들 수 있습니다.',

  // ---- features panel ----
  'features.title': '입력 특성',
  'features.tip': '각 점에서 어떤 값을 계산해 네트워크의 입력으로 넣을지 고릅니다.',
  'features.standardize': '입력 표준화',
  'features.standardize.tip': '학습 데이터를 기준으로 특성마다 평균 0, 표준편차 1이 되도록 옮기고 늘립니다. 숫자가 크다는 이유만으로 어떤 특성이 학습을 좌우하지 않게 해 줍니다.',
  'feature.x1': 'x₁',
  'feature.x1.tip': '가로 좌표입니다.',
  'feature.x2': 'x₂',
  'feature.x2.tip': '세로 좌표입니다.',
  'feature.x1sq': 'x₁²',
  'feature.x1sq.tip': 'x₁의 제곱입니다. x₁²과 x₂²이 있으면 뉴런 하나로도 원을 그릴 수 있습니다.',
  'feature.x2sq': 'x₂²',
  'feature.x2sq.tip': 'x₂의 제곱입니다.',
  'feature.x1x2': 'x₁x₂',
  'feature.x1x2.tip': '두 좌표의 곱 x₁·x₂입니다. 이 값의 부호만 보면 XOR이 풀립니다.',
  'feature.sinx1': 'sin(x₁)',
  'feature.sinx1.tip': 'x₁ 방향으로 물결치는 값입니다.',
  'feature.sinx2': 'sin(x₂)',
  'feature.sinx2.tip': 'x₂ 방향으로 물결치는 값입니다.',

  // ---- network panel ----
  'network.title': '네트워크',
  'network.input': '입력층',
  'network.hiddenLayers': '은닉층',
  'network.hiddenLayers.tip': '입력층과 출력층 사이의 층입니다. 층과 뉴런이 많을수록 복잡한 모양을 맞출 수 있지만, 너무 많으면 과적합되기 쉽습니다.',
  'network.layerCount': '은닉층: {count}개',
  'network.layer': '은닉층 {n}',
  'network.output': '출력층',
  'network.neurons': '뉴런: {count}개',
  'network.addLayer': '은닉층 추가',
  'network.removeLayer': '마지막 은닉층 삭제',
  'network.addNeuron': '은닉층 {n}에 뉴런 추가',
  'network.removeNeuron': '은닉층 {n}에서 뉴런 삭제',
  'network.maxLayers': '은닉층은 {max}개까지 만들 수 있습니다.',
  'network.maxNeurons': '한 층에 뉴런은 {max}개까지 둘 수 있습니다.',
  'network.params': '파라미터: {count}개',
  'network.params.tip': '네트워크가 학습하는 가중치와 편향의 개수입니다.',
  'network.activation': '활성화 함수',
  'network.activation.tip': '은닉 뉴런이 가중합에 적용하는 함수입니다. 비선형 함수가 없으면 네트워크는 직선밖에 그리지 못합니다.',
  'network.layerActivation': '은닉층 {n}의 활성화 함수',
  'network.dropout': '드롭아웃',
  'network.dropout.tip': '학습하는 동안 은닉 뉴런을 이 확률로 무작위로 꺼서, 특정 뉴런 하나에 기대지 못하게 합니다. 과적합을 줄이는 방법입니다.',
  'network.head.probability': '출력: 시그모이드 뉴런 하나 (클래스 1일 확률)',
  'network.head.logit': '출력: 시그모이드 전의 점수(로짓) 하나, 시그모이드는 손실 함수가 적용',
  'network.head.logits': '출력: 클래스마다 점수 하나, 소프트맥스를 거쳐 확률이 됨',
  'network.head.value': '출력: 선형 뉴런 하나 (예측값)',

  // ---- activation names ----
  'activation.relu': 'ReLU',
  'activation.relu.tip': 'max(0, x): 양수는 그대로 통과시키고 음수는 0으로 만듭니다. 학습이 빠르지만, 늘 0만 내는 뉴런은 더 이상 배우지 못합니다("죽은 ReLU").',
  'activation.leaky_relu': 'Leaky ReLU',
  'activation.leaky_relu.tip': 'ReLU와 같지만 음수 쪽에도 작은 기울기(0.01·x)를 남겨, 뉴런이 완전히 죽지 않습니다.',
  'activation.tanh': 'Tanh',
  'activation.tanh.tip': '입력을 −1과 1 사이로 눌러 담습니다. 0을 중심으로 매끄럽지만 양 끝이 평평해서 그곳에서는 기울기가 사라집니다.',
  'activation.sigmoid': '시그모이드',
  'activation.sigmoid.tip': '입력을 0과 1 사이로 눌러 담습니다. 출력층에서 확률을 낼 때 잘 맞지만, 은닉층에서는 쉽게 포화되어 학습이 느립니다.',
  'activation.linear': '선형',
  'activation.linear.tip': '활성화 함수가 없어 층이 선형 그대로 남습니다. 선형 층은 아무리 쌓아도 결국 직선 하나짜리 모델입니다.',

  // ---- loss ----
  'loss.title': '손실 함수',
  'loss.title.tip': '네트워크가 얼마나 틀렸는지 매기는 점수입니다. 학습은 이 값을 줄여 나가는 과정입니다.',
  'loss.auto': '자동',
  'loss.auto.tip': '데이터에 맞는 손실 함수를 고릅니다. 클래스가 두 개면 BCE, 그보다 많으면 크로스 엔트로피, 회귀면 MSE입니다.',
  'loss.bce': '이진 크로스 엔트로피 (BCE)',
  'loss.bce.tip': '클래스가 두 개일 때 씁니다. 예측 확률을 0/1 정답과 비교하며, 자신 있게 틀릴수록 손실이 크게 납니다.',
  'loss.bce_with_logits': '로짓 입력 BCE',
  'loss.bce_with_logits.tip': 'BCE와 같은 손실이지만, 시그모이드 전의 점수(로짓)를 받아 시그모이드를 직접 적용합니다. 수치적으로 더 안정적입니다.',
  'loss.cross_entropy': '크로스 엔트로피',
  'loss.cross_entropy.tip': '다중 분류의 표준 손실 함수입니다. 점수에 소프트맥스를 씌운 뒤, 정답 클래스 확률에 −log를 취합니다.',
  'loss.mse': '평균 제곱 오차 (MSE)',
  'loss.mse.tip': '(예측 − 정답)²의 평균입니다. 회귀에서 가장 기본이 되는 손실 함수입니다.',

  // ---- weight initialisation ----
  'init.title': '가중치 초기화',
  'init.title.tip': '학습을 시작하기 전에 가중치를 정하는 방법입니다. 출발이 좋아야 신호와 기울기가 층을 지나면서 사라지거나 폭발하지 않습니다.',
  'init.std': '표준편차',
  'init.xavier_uniform': 'Xavier (균등 분포)',
  'init.xavier_uniform.tip': '층의 입력·출력 개수에 맞춰 크기를 조절한 무작위 가중치입니다. 층을 지나도 신호의 크기가 유지됩니다 (Glorot & Bengio, 2010).',
  'init.xavier_normal': 'Xavier (정규 분포)',
  'init.xavier_normal.tip': 'Xavier와 같은 크기 조절을 하되, 균등 분포 대신 정규 분포에서 뽑습니다.',
  'init.kaiming_uniform': 'He / Kaiming (균등 분포)',
  'init.kaiming_uniform.tip': 'ReLU 층에 맞춘 초기화입니다. ReLU는 입력의 절반쯤을 0으로 만들기 때문에 Xavier보다 조금 크게 잡습니다 (He et al., 2015).',
  'init.kaiming_normal': 'He / Kaiming (정규 분포)',
  'init.kaiming_normal.tip': 'He 초기화와 같은 크기 조절을 정규 분포에서 뽑습니다.',
  'init.zeros': '0으로 초기화',
  'init.zeros.tip': '모든 가중치가 0에서 시작하므로 같은 층의 뉴런이 모두 똑같이 움직이고 똑같은 것만 배웁니다. 무작위 초기화가 왜 필요한지 직접 확인해 보세요.',
  'init.normal': '정규 분포 (표준편차 지정)',
  'init.normal.tip': '정해 준 표준편차로 N(0, std²)에서 가중치를 뽑습니다. 너무 작으면 신호가 사라지고, 너무 크면 폭발합니다.',
  'init.default': 'PyTorch 기본값',
  'init.default.tip': 'nn.Linear가 따로 지정하지 않을 때 쓰는 방식입니다. 가중치와 편향을 ±1/√(입력 개수) 범위의 균등 분포에서 뽑습니다.',

  // ---- optimiser ----
  'optimizer.title': '옵티마이저',
  'optimizer.title.tip': '기울기를 가지고 가중치를 어떻게 고칠지 정하는 규칙입니다.',
  'optimizer.sgd': 'SGD',
  'optimizer.sgd.tip': '확률적 경사 하강법: 배치마다 기울기의 반대 방향으로 한 걸음씩 갑니다. 단순하고 흔들림이 크지만, 모멘텀을 더하면 부드러워집니다.',
  'optimizer.adam': 'Adam',
  'optimizer.adam.tip': '가중치마다 기울기와 기울기 제곱의 이동 평균으로 보폭을 조절합니다. 크게 튜닝하지 않아도 대부분의 문제에서 잘 동작합니다 (Kingma & Ba, 2015).',
  'optimizer.rmsprop': 'RMSprop',
  'optimizer.rmsprop.tip': '최근 기울기의 크기로 보폭을 나눠, 가파른 방향과 완만한 방향이 비슷한 속도로 나아가게 합니다 (Hinton의 강의 노트).',

  // ---- training panel ----
  'training.title': '학습',
  'training.lr': '학습률',
  'training.lr.tip': '한 걸음의 크기입니다. 너무 작으면 학습이 더디고, 너무 크면 손실이 널뛰거나 발산합니다.',
  'training.batch': '배치 크기',
  'training.batch.tip': '한 번 업데이트할 때 보는 점의 개수입니다. 작으면 흔들리지만 에포크마다 여러 번 움직이고, 크면 안정적이지만 움직이는 횟수가 적습니다.',
  'training.momentum': '모멘텀',
  'training.momentum.tip': '이전 걸음의 일부를 이어 갑니다. 언덕을 굴러 내려가는 공처럼 꾸준한 방향으로는 빨라지고, 지그재그는 줄어듭니다.',
  'training.nesterov': '네스테로프',
  'training.nesterov.tip': '모멘텀이 가중치를 데려갈 곳을 미리 내다보고 그 자리의 기울기를 씁니다. 대개 조금 더 안정적입니다. 모멘텀이 0보다 커야 합니다.',
  'training.beta1': 'β₁',
  'training.beta1.tip': 'Adam이 지난 기울기를 기억하는 정도(모멘텀)입니다. 보통 0.9를 씁니다.',
  'training.beta2': 'β₂',
  'training.beta2.tip': 'Adam이 지난 기울기 제곱을 기억하는 정도입니다. 보통 0.999를 씁니다.',
  'training.alpha': 'α (평활 계수)',
  'training.alpha.tip': 'RMSprop이 지난 기울기 제곱을 기억하는 정도입니다. 보통 0.99를 씁니다.',
  'training.l1': 'L1 규제',
  'training.l1.tip': '손실에 λ·Σ|w|를 더합니다. 가중치를 아예 0으로 밀어내서 꼭 필요한 연결만 남깁니다.',
  'training.l2': 'L2 규제 (가중치 감쇠)',
  'training.l2.tip': '매 걸음마다 모든 가중치를 조금씩 줄입니다(옵티마이저의 weight decay). 경계가 매끄러워지고 과적합이 줄어듭니다.',
  'training.epoch': '에포크',
  'training.epoch.tip': '에포크 하나는 학습 데이터 전체를 한 바퀴 보는 것입니다.',
  'training.epochCount': '에포크 {epoch}',
  'training.stepCount': '업데이트 횟수: {steps}',

  // ---- controls ----
  'controls.play': '학습 시작',
  'controls.play.tip': '학습을 시작해서, 일시 정지할 때까지 계속합니다.',
  'controls.pause': '일시 정지',
  'controls.step': '한 에포크',
  'controls.step.tip': '한 에포크만 학습하고 멈춥니다.',
  'controls.reset': '다시 시작',
  'controls.reset.tip': '가중치를 처음 상태로 되돌려 다시 시작합니다 (시드와 데이터는 그대로).',
  'controls.defaults': '기본 설정으로',
  'controls.discretize': '클래스만 표시',
  'controls.discretize.tip': '네트워크의 확신 정도 대신, 예측한 클래스로만 영역을 칠합니다.',
  'controls.showTest': '테스트 데이터 보기',
  'controls.showTest.tip': '따로 떼어 둔 테스트 데이터도 함께 그립니다.',
  'controls.speed': '속도',

  // ---- metrics ----
  'metrics.trainLoss': '학습 손실',
  'metrics.testLoss': '테스트 손실',
  'metrics.trainAccuracy': '학습 정확도',
  'metrics.testAccuracy': '테스트 정확도',
  'metrics.loss': '손실: {value}',
  'metrics.accuracy': '정확도: {value}%',

  // ---- views ----
  'views.boundary': '결정 경계',
  'views.boundary.tip': '평면의 각 지점을 그 자리에서 네트워크가 내놓는 예측으로 칠했습니다. 점은 데이터입니다.',
  'views.boundary.label': '에포크 {epoch} 뒤의 데이터와 결정 경계',
  'views.prediction': '예측',
  'views.prediction.tip': 'x₁을 따라 네트워크가 예측한 값을 데이터 위에 그렸습니다.',
  'views.lossChart': '손실 변화',
  'views.lossChart.tip': '에포크마다 기록한 학습 손실과 테스트 손실입니다. 학습 손실은 줄어드는데 테스트 손실이 오르면 과적합이 시작된 것입니다.',
  'views.network': '네트워크 구조',
  'views.network.tip': '네모 하나가 뉴런 하나이며, 평면 위에서 그 뉴런이 어디에 반응하는지 보여 줍니다. 선의 굵기와 색은 가중치를 나타냅니다.',
  'views.neuron': '{layer}번째 층의 {n}번째 뉴런',
  'views.weight': '가중치: {value}',
  'views.bias': '편향: {value}',
  'views.weights': '가중치 분포',
  'views.weights.tip': '층마다 가중치 값의 분포를 히스토그램으로 보여 줍니다.',
  'views.gradients': '기울기',
  'views.gradients.tip': '층마다 기울기의 크기입니다. 앞쪽 층에서 아주 작으면 기울기 소실, 아주 크면 기울기 폭발입니다.',
  'views.activations': '활성화 값',
  'views.activations.tip': '학습 데이터에 대한 층별 출력값의 분포(히스토그램)입니다.',
  'views.dead': '죽은 뉴런: {percent}%',
  'views.dead.tip': '모든 학습 데이터에 0만 내는 ReLU 뉴런입니다. 더 이상 학습하지 않습니다.',
  'views.saturated': '포화: {percent}%',
  'views.saturated.tip': '기울기가 거의 0인 평평한 양 끝에 머물러 있는 tanh·시그모이드 출력입니다.',
  'views.point': 'x₁ = {x1}, x₂ = {x2}',
  'views.probability': 'P(클래스 1) = {p}',
  'views.predictedClass': '예측: 클래스 {class}',
  'views.predictedValue': '예측값: {value}',
  'views.trainData': '학습 데이터',
  'views.testData': '테스트 데이터',
  'views.empty': '학습 시작을 누르면 학습이 시작됩니다.',

  // ---- code panel ----
  'code.title': '코드',
  'code.tip': '지금의 네트워크와 학습 설정을 코드로 옮겼습니다. Layerwise 버전은 이 실행을 그대로 재현하고, PyTorch 버전은 자체 난수를 씁니다.',
  'code.pytorch': 'PyTorch',
  'code.layerwise': 'Layerwise JS',
  'code.copy': '복사',
  'code.copied': '복사했습니다',
  'code.download': '내려받기',
  'code.show': '코드 보기',
  'code.hide': '코드 숨기기',

  // ---- save, share, export, import ----
  'state.title': '저장과 공유',
  'state.share': '링크 복사',
  'state.share.tip': '링크에 시드를 포함한 모든 설정이 담겨 있어서, 링크를 연 사람도 똑같은 플레이그라운드를 보게 됩니다.',
  'state.linkCopied': '링크를 복사했습니다',
  'state.export': '내보내기',
  'state.export.tip': '설정, 직접 그린 데이터, 학습된 가중치를 파일로 저장합니다.',
  'state.import': '가져오기',
  'state.import.tip': '내보내기로 저장한 파일을 불러옵니다.',
  'state.imported': '불러온 파일: {name}',
  'state.restored': '지난번 작업을 이어서 불러왔습니다.',
  'state.embed': '페이지에 넣기',
  'state.embed.tip': '이 코드를 웹 페이지에 붙여 넣으면 이 플레이그라운드가 그대로 나타납니다.',

  // ---- messages: errors, notes, hints (bare keys) ----
  diverged: '학습이 발산했습니다. 손실이 NaN이나 무한대가 되었습니다. 학습률을 낮추거나 다른 가중치 초기화를 고른 뒤 [다시 시작]을 눌러 주세요.',
  lossMismatch: '고른 손실 함수는 이 데이터에 쓸 수 없어서, 데이터에 맞는 손실 함수로 바꿨습니다. 클래스가 두 개면 BCE, 그보다 많으면 크로스 엔트로피, 회귀면 MSE입니다.',
  badSetting: '설정 하나를 무시했습니다: {problem}',
  importFailed: '{name} 파일을 가져오지 못했습니다: {reason}',
  engineFailed: '학습 엔진을 시작하지 못했습니다: {reason}',
  trainingFailed: '오류가 나서 학습이 멈췄습니다: {reason}',
  tooFewPoints: '학습하려면 점을 {min}개 이상, 클래스 두 개 이상에 걸쳐 그려 주세요.',
  copyFailed: '클립보드에 복사하지 못했습니다. 텍스트를 직접 선택해서 복사해 주세요.',
  storageFailed: '이 브라우저에 작업을 저장하지 못했습니다(저장 공간이 꽉 찼거나 막혀 있습니다). 내보내기로 파일에 저장해 두세요.',
  overfitting: '학습 손실은 줄어드는데 테스트 손실은 오르고 있습니다. 과적합입니다. 뉴런 수를 줄이거나, 데이터를 늘리거나, 드롭아웃이나 L2 규제를 써 보세요.',
  deadRelu: '죽은 ReLU 뉴런(항상 0)이 많습니다. Leaky ReLU를 쓰거나, 학습률을 낮추거나, He 초기화를 써 보세요.',
  saturated: 'tanh나 시그모이드의 평평한 끝에서 포화된 뉴런이 많아 기울기가 사라지고 있습니다. 입력 표준화, Xavier 초기화, ReLU를 써 보세요.',
  zeroInit: '가중치가 모두 0이면 같은 층의 뉴런이 끝까지 똑같이 움직여 대칭이 깨지지 않습니다. 무작위 초기화를 골라 주세요.',
  linearOnly: '활성화 함수가 모두 선형이라, 층을 아무리 쌓아도 경계는 직선입니다.',

  // ==== element (English in strings-element.js) ====
  // ---- controls ----
  'controls.toolbar': '학습 제어',
  'controls.pause.tip': '학습을 멈춥니다. 지금까지 배운 것은 그대로 남습니다.',
  'controls.stepBatch': '한 배치',
  'controls.stepBatch.tip': '배치 하나만 학습하고(옵티마이저 한 스텝) 멈춥니다.',
  'speed.slow': '느리게',
  'speed.normal': '보통',
  'speed.fast': '빠르게',
  'speed.max': '최고 속도',
  'speed.tip': '학습하는 동안 1초에 몇 에포크씩 진행할지 정합니다.',

  // ---- network panel ----
  'network.activationAll': '활성화 함수 (모든 층)',
  'network.activationMixed': '층마다 다름',
  'network.dropoutNone': '없음',

  // ---- output and views panels ----
  'output.title': '출력',
  'views.histograms': '가중치·출력·기울기 분포',

  // ---- messages ----
  initFailed: '이 설정으로는 학습할 수 없어서, 마지막으로 잘 되던 설정으로 되돌렸습니다: {reason}',
  importRefused: '{name} 파일을 열지 못해 아무것도 바꾸지 않았습니다: {reason}',
  importNoWeights: '{name} 파일의 설정을 불러왔습니다. 쓸 수 있는 가중치가 없어서 학습을 처음부터 다시 시작합니다.',
  'file.notJson': 'JSON 파일이 아닙니다 ({message})',
  'file.notPlayground': 'Layerwise 플레이그라운드에서 저장한 파일이 아닙니다',
  'file.version': '더 새로운 버전의 Layerwise에서 저장한 파일입니다 (파일 버전 {version})',
  'file.settings': '설정 값이 올바르지 않습니다 ({message})',
  'file.weights': '가중치가 네트워크 구조와 맞지 않습니다 ({message})',
  'file.drawn': '직접 그린 점 데이터가 올바르지 않습니다 ({message})',
  'file.tooBig': '파일이 {size} MB보다 큽니다',

  // ==== views (English in views/strings.js) ====
  // class colours (palette.js's Okabe–Ito order)
  'color.0': '주황색',
  'color.1': '파란색',
  'color.2': '초록색',
  'color.3': '주홍색',
  'color.4': '분홍색',
  'color.5': '하늘색',
  'color.6': '노란색',
  'color.7': '검은색',

  // ---- boundary.js ----
  'boundary.label': '결정 경계: 입력 평면 곳곳에서 모델이 내놓는 예측을 데이터 점과 함께 보여 줍니다. 방향키로 움직이며 각 지점의 예측을 읽을 수 있습니다.',
  'boundary.labelCurve': '모델이 맞춘 곡선: x₁을 따라 모델이 내놓는 출력을 목표값 점과 함께 보여 줍니다. 왼쪽·오른쪽 방향키로 값을 읽을 수 있습니다.',
  'boundary.axisX': 'x₁',
  'boundary.axisY': 'x₂',
  'boundary.axisValue': 'y',
  'boundary.class': '클래스 {k} ({color})',
  'boundary.testPoints': '테스트 데이터',
  'boundary.legendValue': '값',
  'boundary.legendTarget': '목표값',
  'boundary.legendModel': '모델',
  'boundary.at': 'x₁ = {x1}, x₂ = {x2}',
  'boundary.atX': 'x₁ = {x1}',
  'boundary.predClass': '예측: 클래스 {k} ({color}), 확신도 {p}',
  'boundary.predValue': '예측값: {value}',
  'boundary.trainPoint': '학습 데이터',
  'boundary.testPoint': '테스트 데이터',
  'boundary.pointClass': '{which}: 클래스 {k} ({color})',
  'boundary.pointValue': '{which}: 목표값 {value}',
  'boundary.noGrid': '입력이 2차원 점이 아니어서 입력 평면을 그릴 수 없습니다.',

  // ---- network.js ----
  'net.label': '네트워크 구조: 뉴런마다 입력 평면 위에서의 출력을 보여 주고, 선은 가중치를 나타냅니다. 방향키로 뉴런 사이를 옮겨 다니고, 엔터 키를 누르면 그 뉴런으로 들어오는 가중치를 읽습니다.',
  'net.input': '입력',
  'net.inputShort': '입력',
  'net.layer': '은닉층 {n}',
  'net.layerShort': '{n}층',
  'net.output': '출력',
  'net.outputShort': '출력',
  'net.features': '특성 {n}개',
  'net.width': '{activation} ×{n}',
  'net.dead': '{n}개 죽음',
  'net.deadShort': '{n}✕',
  'net.feature.x1': 'x₁',
  'net.feature.x2': 'x₂',
  'net.feature.x1sq': 'x₁²',
  'net.feature.x2sq': 'x₂²',
  'net.feature.x1x2': 'x₁x₂',
  'net.feature.sinx1': 'sin x₁',
  'net.feature.sinx2': 'sin x₂',
  'net.inputHead': '입력 {name}',
  'net.inputRange': '평면 위 범위: {min} … {max}',
  'net.inputStandardized': '표준화 후: {min} … {max}',
  'net.neuronHead': '은닉층 {n}, 뉴런 {j} · {activation}',
  'net.outputHead': '출력 {j} · {activation}',
  'net.outputClass': '출력: 클래스 {k} ({color})의 로짓',
  'net.bias': '편향 {b} (기울기 {g})',
  'net.range': '평면 위 출력 범위: {min} … {max}',
  'net.isDead': '죽은 뉴런: 어디서나 0을 내서 가중치에 기울기가 전달되지 않습니다',
  'net.edgeHead': '{from} → {to}',
  'net.weight': '가중치 {w}',
  'net.gradient': '기울기 ∂L/∂w {g}',
  'net.edgeHint': '위·아래 방향키: 이 뉴런으로 들어오는 다른 가중치, Esc 키: 돌아가기',
  'net.legendWeights': '가중치:',
  'net.legendNegative': '음수',
  'net.legendPositive': '양수',
  'net.legendThickness': '굵을수록 큼',
  'net.legendDead': '죽은 ReLU',
  'net.legendStrongest': '넓은 층 사이는 큰 가중치 {n}개만',
  'net.empty': '모델이 만들어지면 여기에 네트워크가 나타납니다.',

  // ---- curves.js ----
  'curves.label': '에포크에 따른 손실과 정확도입니다. 왼쪽·오른쪽 방향키로 에포크마다 값을 읽을 수 있습니다.',
  'curves.loss': '손실',
  'curves.accuracy': '정확도',
  'curves.train': '학습',
  'curves.test': '테스트',
  'curves.logScale': '로그 눈금',
  'curves.epoch': '에포크 {epoch}',
  'curves.trainLoss': '학습 손실 {v}',
  'curves.testLoss': '테스트 손실 {v}',
  'curves.trainAccuracy': '학습 정확도 {v}',
  'curves.testAccuracy': '테스트 정확도 {v}',
  'curves.empty': '네트워크를 학습시키면 여기에 손실이 그려집니다.',
  'curves.epochs': '에포크',

  // ---- histograms.js ----
  'hist.label': '층마다 가중치, 출력, 기울기의 히스토그램입니다. 방향키로 옮겨 다닐 수 있습니다.',
  'hist.weights': '가중치',
  'hist.activations': '출력',
  'hist.gradients': '기울기',
  'hist.layer': '은닉층 {n} · {activation}',
  'hist.output': '출력층 · {activation}',
  'hist.dead': '죽은 뉴런 {p}',
  'hist.saturated': '포화 {p}',
  'hist.deadHelp': '죽은 ReLU 뉴런: 모든 학습 데이터에서 0을 냅니다',
  'hist.saturatedHelp': '포화된 출력: 기울기가 거의 0인 평평한 구간에 있습니다',
  'hist.head': '{layer}: {what}',
  'hist.summary': '평균 {mean}, 표준편차 {std}',
  'hist.minmax': '최솟값 {min}, 최댓값 {max}, 값 {count}개',
  'hist.bin': '구간 {lo} … {hi}: {count}개',
  'hist.unavailable': '유한하지 않은 값이 있어 통계를 낼 수 없습니다(학습이 발산했습니다).',
  'hist.empty': '모델이 만들어지면 여기에 통계가 나타납니다.',
};

// English: this file's own, then the keys files' (a key this file has wins). CLASHES lists
// keys a keys file also defines with different text (the text shown is this file's).
const sources = [['i18n.js', own], ['strings-element.js', ELEMENT_STRINGS], ['views/strings.js', VIEW_STRINGS]];
const en = {};
const clashes = [];
for (const [file, table] of sources) {
  for (const [key, text] of Object.entries(table)) {
    if (!(key in en)) en[key] = text;
    else if (en[key] !== text) clashes.push(Object.freeze({ key, file, text, used: en[key] }));
  }
}
export const CLASHES = Object.freeze(clashes);

export const STRINGS = Object.freeze({ en: Object.freeze(en), ko: Object.freeze(ko) });

/** The {name} placeholders of a text, sorted. */
export function placeholders(text) {
  return [...new Set([...String(text).matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
}

/**
 * The string `key` in `lang` (English when that language lacks it; the key itself when no
 * language has it), with each {name} replaced by params[name]. A placeholder without a param
 * stays as written, so a missing param shows instead of vanishing.
 */
export function t(lang, key, params) {
  const text = STRINGS[lang]?.[key] ?? STRINGS.en[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name) => (params[name] === undefined || params[name] === null ? m : String(params[name])));
}

/** t bound to one language, as views take it: tr(key, params). */
export function translator(lang) {
  return (key, params) => t(lang, key, params);
}

/** Keys English has and `lang` lacks (or leaves empty), in English's order. */
export function missingKeys(lang) {
  const table = STRINGS[lang] ?? {};
  return Object.keys(STRINGS.en).filter((k) => typeof table[k] !== 'string' || table[k].trim() === '');
}
