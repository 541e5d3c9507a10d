// Lesson 2: hidden layers. The seed's 784-256-128-64-10 network and its parameter count, why
// each hidden layer needs a non-linear activation, depth and width on the spiral, and what too
// small and too large networks do (underfitting, overfitting, and fixes for the latter).
import { playground, onEpoch } from '../widgets/playground.js';
import { hiddenParams } from '../widgets/hidden-params.js';
import { bi } from './bilingual.js';

const hiddenNeurons = (state) => state.layers.reduce((sum, n) => sum + n, 0);
// The fitting playground's data; the fitting tasks are about the network, so the data stay.
const FIT_DATA = { dataset: 'circle', noise: 50 };
const fitData = (s) => s.dataset === FIT_DATA.dataset && s.noise === FIT_DATA.noise;
const BIG = 24; // hidden neurons that count as "a large network" here


export default {
  lead: {
    en: 'Between the input and the output sit the hidden layers, where the network builds its own features. This lesson counts their parameters, shows why each needs an activation function, and lets you see networks that are too small and too large.',
    ko: '입력층과 출력층 사이에는 은닉층이 있고, 네트워크는 여기서 스스로 특징을 만들어 냅니다. 이 레슨에서는 은닉층의 파라미터를 세어 보고, 은닉층마다 활성화 함수가 필요한 이유를 확인하고, 너무 작은 네트워크와 너무 큰 네트워크가 어떻게 되는지 직접 봅니다.',
  },
  sections: [
    {
      id: 'count',
      title: { en: 'A deep network, counted', ko: '깊은 네트워크의 파라미터 세기' },
      blocks: [
        { p: {
          en: 'Take a classic network for handwritten digits. It reads a 28 × 28 picture (784 inputs) and narrows it down through three hidden layers of 256, 128 and 64 neurons to 10 outputs, one score per digit. Each hidden layer is a fully connected `nn.Linear` followed by a ReLU. The sizes are yours to choose; here each hidden layer after the first is half as wide as the one before.',
          ko: '손글씨 숫자를 분류하는 전형적인 네트워크를 예로 들어 보겠습니다. 28 × 28 그림(입력 784개)을 받아 뉴런 256개, 128개, 64개짜리 은닉층 세 개를 거쳐 출력 10개(숫자마다 점수 하나)로 좁혀 갑니다. 각 은닉층은 완전 연결층 `nn.Linear` 뒤에 ReLU를 붙인 것입니다. 층의 크기는 자유롭게 정할 수 있는데, 여기서는 첫 은닉층 다음부터 층마다 앞 층의 절반입니다.',
        } },
        { code: {
          torch: bi`
import torch.nn as nn

model = nn.Sequential(
    nn.Linear(784, 256), nn.ReLU(),  # ${['hidden 1', '은닉층 1']}
    nn.Linear(256, 128), nn.ReLU(),  # ${['hidden 2', '은닉층 2']}
    nn.Linear(128, 64), nn.ReLU(),   # ${['hidden 3', '은닉층 3']}
    nn.Linear(64, 10),               # ${['output', '출력층']}
)
print(sum(p.numel() for p in model.parameters()))
# 242762
for name, p in model.named_parameters():
    # 0.weight (256, 784), 0.bias (256,), …
    print(name, tuple(p.shape))`,
          js: bi`
import { loadLayerwise } from 'layerwise';
const lw = await loadLayerwise();
const { nn } = lw;

const net = nn.Sequential(
  nn.Linear(784, 256), nn.ReLU(),  // ${['hidden 1', '은닉층 1']}
  nn.Linear(256, 128), nn.ReLU(),  // ${['hidden 2', '은닉층 2']}
  nn.Linear(128, 64), nn.ReLU(),   // ${['hidden 3', '은닉층 3']}
  nn.Linear(64, 10),               // ${['output', '출력층']}
);
const model = lw.Model.fromSpec(net);
console.log(model.numParams);      // 242762
for (const p of model.parameters()) {
  // 0.weight [256, 784], 0.bias [256], …
  console.log(p.name, p.shape);
}
model.dispose();`,
        } },
        { p: {
          en: 'Every neuron of a layer has one weight per input and one bias. A layer from $n_{\\text{in}}$ to $n_{\\text{out}}$ neurons therefore has a weight matrix $W$ of shape $[n_{\\text{out}}, n_{\\text{in}}]$ and a bias vector $b$ of $n_{\\text{out}}$ numbers, and computes $y = W x + b$.',
          ko: '한 층의 뉴런은 입력마다 가중치를 하나씩, 그리고 편향을 하나 가집니다. 그래서 뉴런 $n_{\\text{in}}$개에서 $n_{\\text{out}}$개로 가는 층은 $[n_{\\text{out}}, n_{\\text{in}}]$ 모양의 가중치 행렬 $W$와 숫자 $n_{\\text{out}}$개짜리 편향 벡터 $b$를 가지고, $y = W x + b$를 계산합니다.',
        } },
        { math: {
          en: String.raw`\text{params}(n_{\text{in}} \to n_{\text{out}}) = n_{\text{in}} \cdot n_{\text{out}} + n_{\text{out}}`,
          ko: String.raw`\text{파라미터 수}(n_{\text{in}} \to n_{\text{out}}) = n_{\text{in}} \cdot n_{\text{out}} + n_{\text{out}}`,
        } },
        { math: String.raw`\begin{aligned} &\underbrace{784 \cdot 256 + 256}_{200{,}960} + \underbrace{256 \cdot 128 + 128}_{32{,}896} \\ {}+{} &\underbrace{128 \cdot 64 + 64}_{8{,}256} + \underbrace{64 \cdot 10 + 10}_{650} = 242{,}762 \end{aligned}` },
        { p: {
          en: 'More than four fifths of the parameters sit in the first layer, because it is the one that touches all 784 inputs. Change the sizes below to see where the parameters go; the engine builds each network you type and counts for itself.',
          ko: '파라미터의 5분의 4 이상이 첫 번째 층에 몰려 있습니다. 784개 입력 전부와 연결된 층이기 때문입니다. 아래에서 크기를 바꿔 파라미터가 어디에 쌓이는지 보세요. 입력한 네트워크를 엔진이 직접 만들어 세어 줍니다.',
        } },
        { widget: 'params', make: hiddenParams({ sizes: [784, 256, 128, 64, 10] }),
          caption: { en: 'Each row is one nn.Linear; ReLU layers have no parameters.', ko: '한 행이 nn.Linear 하나입니다. ReLU 층에는 파라미터가 없습니다.' } },
        { task: 'small3',
          text: { en: 'Keep 784 inputs, 10 outputs and three hidden layers, but bring the total under 50,000 parameters.', ko: '입력 784개, 출력 10개, 은닉층 세 개는 그대로 두고 전체 파라미터를 50,000개 미만으로 줄여 보세요.' },
          hint: { en: 'The first hidden layer costs about 785 parameters per neuron. How many neurons can it have?', ko: '첫 번째 은닉층은 뉴런 하나에 파라미터가 약 785개 듭니다. 뉴런을 몇 개까지 둘 수 있을까요?' },
          success: { en: 'The first hidden layer decides the budget. Whether such a narrow first layer still learns the digits well is a question for training, not for counting.', ko: '예산은 첫 번째 은닉층이 정합니다. 이렇게 좁은 첫 층으로도 숫자를 잘 배우는지는 세어서가 아니라 학습해 봐야 알 수 있습니다.' },
          check: (ctx, done) => ctx.widget('params').onChange((w) => {
            const s = w.sizes();
            const c = w.counts();
            if (c && s.length === 5 && s[0] === 784 && s[4] === 10 && c.total < 50000) done();
          }) },
      ],
    },
    {
      id: 'relu',
      title: { en: 'Why every hidden layer needs an activation', ko: '은닉층마다 활성화 함수가 필요한 이유' },
      blocks: [
        { p: {
          en: 'Without an activation function, stacking layers buys nothing. Two linear layers in a row are one linear layer in disguise:',
          ko: '활성화 함수가 없으면 층을 쌓아도 얻는 것이 없습니다. 선형 층 두 개를 이어 붙이면 결국 선형 층 하나와 같습니다.',
        } },
        { math: String.raw`W_2 (W_1 x + b_1) + b_2 = \underbrace{(W_2 W_1)}_{W} x + \underbrace{(W_2 b_1 + b_2)}_{b}` },
        { p: {
          en: 'However many linear layers you stack, the result draws a straight boundary. A non-linear function between them, such as $\\mathrm{ReLU}(z) = \\max(0, z)$, breaks this: each neuron now bends the space at its own line, and the next layer combines the bent pieces. ReLU is the usual choice for hidden layers because it is cheap and its gradient is 1 wherever the neuron is active.',
          ko: '선형 층을 몇 개 쌓든 결정 경계는 직선입니다. 층 사이에 $\\mathrm{ReLU}(z) = \\max(0, z)$ 같은 비선형 함수를 넣으면 달라집니다. 뉴런마다 자기 직선에서 공간을 꺾고, 다음 층이 꺾인 조각들을 이어 붙입니다. 은닉층에는 보통 ReLU를 씁니다. 계산이 싸고, 뉴런이 켜져 있는 곳에서는 기울기가 1이기 때문입니다.',
        } },
        { code: {
          torch: bi`
import torch
import torch.nn as nn

flat = nn.Sequential(nn.Linear(2, 8),
                     nn.Linear(8, 8),
                     nn.Linear(8, 1))
bent = nn.Sequential(nn.Linear(2, 8), nn.ReLU(),
                     nn.Linear(8, 8), nn.ReLU(),
                     nn.Linear(8, 1))
# ${['an affine f always has', '아핀 함수 f라면 언제나']}
# f(a + b) + f(0) == f(a) + f(b)
def f(m, p):
    return m(torch.tensor([p])).item()
for m in (flat, bent):
    print(f(m, [1., 2.]) + f(m, [0., 0.]),
          f(m, [1., 0.]) + f(m, [0., 2.]))`,
          js: bi`
const linear = (out) => ({ type: 'linear', out });
const relu = { type: 'relu' };
const flat = lw.Model.fromSpec({ input: [2],
  layers: [linear(8), linear(8), linear(1)] });
const bent = lw.Model.fromSpec({ input: [2],
  layers: [linear(8), relu, linear(8), relu,
    linear(1)] });
// ${['an affine f always has', '아핀 함수 f라면 언제나']}
// f(a + b) + f(0) == f(a) + f(b)
const f = (m, p) =>
  m.forward(Float32Array.from(p), 1)[0];
for (const m of [flat, bent]) {
  console.log(f(m, [1, 2]) + f(m, [0, 0]),
    f(m, [1, 0]) + f(m, [0, 2]));
}`,
        } },
        { widget: 'flat', make: playground({ dataset: 'circle', features: 'x1,x2', layers: '8,8', activation: 'linear', hide: 'code,histograms' }),
          caption: { en: 'Two hidden layers of 8 neurons with the "linear" activation (none at all), on the circle.', ko: '뉴런 8개짜리 은닉층 두 개에 "선형" 활성화(즉 활성화 함수 없음)를 쓴 네트워크, 원(circle) 데이터.' } },
        { task: 'bend',
          text: { en: 'Train the network above as it is and watch it fail. Then, keeping the two inputs $x_1, x_2$, get it to 95% test accuracy.', ko: '위 네트워크를 그대로 학습시켜 실패하는 것을 본 뒤, 입력은 $x_1, x_2$ 두 개로 두고 테스트 정확도를 95% 이상으로 올려 보세요.' },
          hint: { en: 'Change "Activation (all layers)" to ReLU or tanh.', ko: '"활성화 함수 (모든 층)"을 ReLU나 Tanh로 바꿔 보세요.' },
          success: { en: 'Same layers, same sizes: the activation alone turns a straight boundary into a closed curve.', ko: '층도 크기도 그대로인데, 활성화 함수 하나로 직선 경계가 닫힌 곡선이 되었습니다.' },
          check: (ctx, done) => onEpoch(ctx.widget('flat').element, (d, s) => {
            if (s.dataset === 'circle' && s.features.join() === 'x1,x2' && d.testAccuracy >= 0.95) done();
          }) },
      ],
    },
    {
      id: 'depth',
      title: { en: 'Width and depth', ko: '너비와 깊이' },
      blocks: [
        { p: {
          en: 'Two numbers describe the hidden part of a network: its **width** (neurons per layer) and its **depth** (number of layers). A wider layer can draw more lines at once; a deeper network can combine the shapes of one layer into more complicated shapes in the next.',
          ko: '네트워크의 은닉 부분은 두 숫자로 설명됩니다. 층마다 뉴런이 몇 개인지(**너비**)와 층이 몇 개인지(**깊이**)입니다. 넓은 층은 한 번에 더 많은 직선을 그을 수 있고, 깊은 네트워크는 한 층이 만든 모양을 다음 층에서 더 복잡한 모양으로 엮을 수 있습니다.',
        } },
        { p: {
          en: 'The two spirals below wind around each other. One hidden layer with two neurons can only cut the plane with two lines. Add neurons, add layers, and watch the test accuracy. In our runs with Adam, one layer of 32 neurons stalled near 75% within 600 epochs, while two layers of 16 or three of 8 passed 90%.',
          ko: '아래의 두 나선은 서로 감겨 있습니다. 뉴런 두 개짜리 은닉층 하나로는 평면을 직선 두 개로만 자를 수 있습니다. 뉴런을 늘리고 층을 늘려 가며 테스트 정확도를 보세요. Adam으로 직접 돌려 보니 뉴런 32개짜리 층 하나는 600 에포크 동안 75% 근처에서 멈췄고, 16개짜리 두 층이나 8개짜리 세 층은 90%를 넘었습니다.',
        } },
        { widget: 'spiral', make: playground({ dataset: 'spiral', layers: '2', activation: 'tanh', optimizer: 'adam', lr: 0.01, hide: 'code,histograms' }),
          caption: { en: 'The spiral with one hidden layer of 2 neurons (tanh, Adam, learning rate 0.01).', ko: '뉴런 2개짜리 은닉층 하나로 나선(spiral) 데이터를 학습하는 네트워크 (tanh, Adam, 학습률 0.01).' } },
        { task: 'spiral',
          text: { en: 'Reach 90% test accuracy on the spiral.', ko: '나선 데이터에서 테스트 정확도 90%에 도달해 보세요.' },
          hint: { en: 'Use the + buttons to add hidden layers and neurons. Try two layers of 16, or three of 8; ReLU learns faster here than tanh.', ko: '+ 버튼으로 은닉층과 뉴런을 늘려 보세요. 16개짜리 두 층이나 8개짜리 세 층을 추천합니다. 여기서는 ReLU가 tanh보다 빨리 배웁니다.' },
          success: { en: 'Look at the neurons of the first and the last hidden layer in the diagram: the first draws lines, the later ones combine them into curls.', ko: '다이어그램에서 첫 번째 은닉층과 마지막 은닉층의 뉴런을 비교해 보세요. 첫 층은 직선을 긋고, 뒤쪽 층은 그 직선들을 엮어 소용돌이를 만듭니다.' },
          check: (ctx, done) => onEpoch(ctx.widget('spiral').element, (d, s) => {
            if (s.dataset === 'spiral' && d.testAccuracy >= 0.9) done();
          }) },
      ],
    },
    {
      id: 'fit',
      title: { en: 'Too small, too large', ko: '너무 작거나, 너무 크거나' },
      blocks: [
        { p: {
          en: 'No formula gives the right number and size of hidden layers, but the two ways to get them wrong are easy to recognise. A network that is **too small** cannot even fit its training data: the training loss stays high (**underfitting**). A network that is **too large** for the data it has can memorise the training points, noise included: the training loss keeps falling while the test loss stops falling or rises (**overfitting**).',
          ko: '은닉층을 몇 개, 얼마나 크게 둘지 알려 주는 공식은 없습니다. 하지만 잘못 골랐을 때의 두 가지 모습은 쉽게 알아볼 수 있습니다. 네트워크가 **너무 작으면** 학습 데이터조차 맞추지 못해 학습 손실이 높게 남습니다(**과소적합**). 데이터에 비해 **너무 크면** 노이즈까지 포함해 학습 데이터를 외워 버립니다. 학습 손실은 계속 내려가는데 테스트 손실은 더 내려가지 않거나 오히려 올라갑니다(**과적합**).',
        } },
        { p: {
          en: 'The playground below has noisy circle data with only 20% of the points (80 of 400) for training. Watch the two loss curves: the gap between test loss and training loss is what overfitting looks like.',
          ko: '아래 플레이그라운드는 노이즈가 많은 원 데이터에서 점의 20%(400개 중 80개)만 학습에 씁니다. 두 손실 곡선을 보세요. 테스트 손실과 학습 손실 사이의 간격이 과적합의 모습입니다.',
        } },
        { widget: 'fit', make: playground({ dataset: 'circle', noise: 50, trainRatio: 20, layers: '4', activation: 'tanh', showTest: true, hide: 'code,histograms' }),
          caption: { en: 'Noisy circle, 80 training points, one hidden layer of 4 neurons, SGD with learning rate 0.03. Test points are drawn with a dark outline.', ko: '노이즈가 많은 원 데이터, 학습용 점 80개, 뉴런 4개짜리 은닉층 하나, 학습률 0.03의 SGD. 테스트 점은 진한 테두리로 표시됩니다.' } },
        { task: 'underfit',
          text: { en: 'Underfit: make every hidden layer a single neuron wide (or remove the hidden layers) and train at least 200 epochs, with the training accuracy below 80%.', ko: '과소적합: 모든 은닉층을 뉴런 1개짜리로 줄이거나 은닉층을 없앤 뒤, 학습 정확도가 80% 밑인 채로 200 에포크 이상 학습시켜 보세요.' },
          hint: { en: 'Use the − buttons of the layer\'s neurons until one is left. Two neurons side by side can already draw a band and get past 80%.', ko: '은닉층의 뉴런 − 버튼을 눌러 하나만 남기세요. 뉴런이 둘만 나란히 있어도 띠 모양 경계를 그려 80%를 넘길 수 있습니다.' },
          success: { en: 'Everything now passes through one number, so the boundary is a single straight line: too simple for a circle. The network is wrong even on its own training points, so more data would not help; it needs more capacity.', ko: '이제 모든 정보가 숫자 하나를 거쳐 가므로 경계는 직선 하나뿐이고, 원을 그리기에는 너무 단순합니다. 학습 데이터에서조차 틀리니 데이터를 늘려도 소용이 없습니다. 필요한 것은 더 큰 표현력입니다.' },
          check: (ctx, done) => onEpoch(ctx.widget('fit').element, (d, s) => {
            if (fitData(s) && s.layers.every((n) => n === 1) && d.epoch >= 200 && d.trainAccuracy < 0.8) done();
          }) },
        { task: 'overfit',
          text: { en: `Overfit: give the network at least ${BIG} hidden neurons in total (for example three layers of 32), keep 20% training data and no regularisation, and train until the test loss is at least twice the training loss while the training accuracy is 95% or more.`, ko: `과적합: 은닉 뉴런을 모두 합쳐 ${BIG}개 이상(예: 32개짜리 층 세 개)으로 늘리고, 학습 데이터 20%와 규제 없음은 그대로 둔 채, 학습 정확도 95% 이상에서 테스트 손실이 학습 손실의 두 배 이상이 될 때까지 학습시켜 보세요.` },
          hint: { en: 'Three layers of 32 neurons get there in about 300 epochs. Watch the training loss dive while the test loss levels off.', ko: '32개짜리 세 층이면 300 에포크쯤에 도달합니다. 학습 손실은 곤두박질치는데 테스트 손실은 제자리인 것을 보세요.' },
          success: { en: 'The boundary now bends around single noisy training points. The network has learned the training set, not the circle.', ko: '이제 경계가 노이즈 섞인 학습 점 하나하나를 감싸며 휘어집니다. 네트워크가 원이 아니라 학습 데이터를 외운 것입니다.' },
          check: (ctx, done) => onEpoch(ctx.widget('fit').element, (d, s) => {
            if (fitData(s) && s.trainRatio === 20 && s.l2 === 0 && s.dropout === 0 && hiddenNeurons(s) >= BIG
              && d.epoch >= 200 && d.trainAccuracy >= 0.95 && d.testLoss >= 2 * d.trainLoss) done();
          }) },
        { task: 'fix',
          text: { en: `Fix it: keep at least ${BIG} hidden neurons, and with L2 regularisation, dropout or more training data, train at least 500 epochs so that the test loss stays within 25% of the training loss, with 95% accuracy on both sets.`, ko: `고쳐 보기: 은닉 뉴런은 ${BIG}개 이상으로 두고, L2 규제나 드롭아웃, 또는 학습 데이터 늘리기로, 500 에포크 이상 학습한 뒤에도 테스트 손실이 학습 손실의 1.25배 이내이고 두 데이터 모두 정확도가 95% 이상이 되게 해 보세요.` },
          hint: { en: 'L2 regularisation 0.03 works here (0.01 is not enough), and so does raising the training data to 50%. Dropout helps for a while, but here the gap comes back with longer training.', ko: '여기서는 L2 규제 0.03이 통합니다(0.01은 부족합니다). 학습 데이터를 50%로 늘려도 됩니다. 드롭아웃은 한동안은 도움이 되지만, 여기서는 오래 학습하면 간격이 다시 벌어집니다.' },
          success: { en: 'A large network is fine when something keeps it from memorising: a penalty on large weights, or enough data that memorising is no easier than learning the circle.', ko: '무언가가 외우기를 막아 주면 큰 네트워크도 괜찮습니다. 큰 가중치에 벌점을 주거나, 외우는 것이 원을 배우는 것보다 쉽지 않을 만큼 데이터가 많으면 됩니다.' },
          check: (ctx, done) => onEpoch(ctx.widget('fit').element, (d, s) => {
            const lever = s.l2 > 0 || s.dropout > 0 || s.trainRatio > 20;
            if (fitData(s) && lever && hiddenNeurons(s) >= BIG && d.epoch >= 500 && d.trainAccuracy >= 0.95
              && d.testAccuracy >= 0.95 && d.testLoss <= 1.25 * d.trainLoss) done();
          }) },
        { code: {
          torch: bi`
import torch
import torch.nn as nn

model = nn.Sequential(
    nn.Linear(2, 32), nn.Tanh(), nn.Dropout(0.3),
    nn.Linear(32, 1), nn.Sigmoid(),
)
# ${["L2 regularisation is the optimiser's", 'L2 규제는 옵티마이저의 weight_decay']}
# ${['weight_decay', '옵션으로 겁니다']}
optimizer = torch.optim.SGD(
    model.parameters(), lr=0.03, weight_decay=0.03)
model.train()   # ${['dropout on while training', '학습할 때는 드롭아웃 켬']}
model.eval()    # ${['and off when evaluating', '평가할 때는 끔']}`,
          js: bi`
const model = lw.Model.fromSpec({ input: [2], layers: [
  { type: 'linear', out: 32 }, { type: 'tanh' },
  { type: 'dropout', p: 0.3 },
  { type: 'linear', out: 1 }, { type: 'sigmoid' },
] });
// ${["L2 regularisation is the optimiser's", 'L2 규제는 옵티마이저의 weightDecay']}
// ${['weightDecay', '옵션으로 겁니다']}
const optimizer = lw.optim.SGD(model,
  { lr: 0.03, weightDecay: 0.03 });
// ${['trainStep and trainEpoch use dropout;', 'trainStep, trainEpoch는 드롭아웃을 쓰고']}
// ${['forward and evaluate do not', 'forward, evaluate는 쓰지 않습니다']}`,
        } },
      ],
    },
  ],
};
