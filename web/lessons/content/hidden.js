// Lesson 2: hidden layers. The seed's 784-256-128-64-10 network, its parameter count, and the
// same network trained on Fashion-MNIST; why each hidden layer needs a non-linear activation;
// depth and width on the spiral; what too small and too large networks do, on real pictures
// (a two-neuron bottleneck; the seed's network on 500 pictures) and on the noisy circle, whose
// boundary shows what memorising looks like (overfitting, and fixes for it).
import { playground, onEpoch } from '../widgets/playground.js';
import { hiddenParams } from '../widgets/hidden-params.js';
import { images, onImagesEpoch, reluWidths } from '../widgets/images.js';
import { bi } from './bilingual.js';

const hiddenNeurons = (state) => state.layers.reduce((sum, n) => sum + n, 0);
// The fitting playground's data; the fitting tasks are about the network, so the data stay.
const FIT_DATA = { dataset: 'circle', noise: 50 };
const fitData = (s) => s.dataset === FIT_DATA.dataset && s.noise === FIT_DATA.noise;
const BIG = 24; // hidden neurons that count as "a large network" here

// Fashion-MNIST (measured in bench runs of the engine and in PyTorch 1.13 on the site's 10,000
// training and 2,000 test pictures, Adam 0.001, batch 64): the seed's network passes 83% test
// accuracy in its third epoch (about 80% after one); on the first 500 pictures it gets every
// training picture right by epoch 40-50 while its test loss, lowest near 0.62 around epoch 20,
// climbs past 1.0 and its test accuracy stays near 79%. A hidden layer of 8 neurons reaches 83%,
// and no hidden layer at all 84%: not too small here; 2 neurons stay near 60% or below, on
// training and test pictures alike.
const SEED_WIDTHS = [256, 128, 64];
const SEED_TARGET = 0.83;
const FEW = 1000; // at most this many training pictures count as "few"
const MANY = 5000; // at least this many count as "plenty"
const UNDER = 0.75; // training accuracy an underfitting network stays below
const UNDER_EPOCHS = 10;
const RISE = 1.25; // the test loss this many times its lowest: it is rising
const SEED_SETTINGS = { optimizer: 'adam', lr: 0.001 };
const seedSettings = (s) => s.optimizer === SEED_SETTINGS.optimizer && s.lr === SEED_SETTINGS.lr;
const lowestTestLoss = (el) => Math.min(...el.history.filter((r) => r.epoch > 0).map((r) => r.testLoss));
// The images widgets show the training panel; the fitting one the network panel too.
const IMAGES_HIDE = 'confusion,draw,layers,weights';


export default {
  lead: {
    en: 'Between the input and the output sit the hidden layers, where the network builds its own features. This lesson counts their parameters, trains the counted network on real pictures, shows why each hidden layer needs an activation function, and lets you see networks that are too small and too large.',
    ko: '입력층과 출력층 사이에는 은닉층이 있고, 네트워크는 여기서 스스로 특징을 만들어 냅니다. 이 레슨에서는 은닉층의 파라미터를 세어 보고, 그렇게 센 네트워크를 실제 사진으로 학습시켜 봅니다. 은닉층마다 활성화 함수가 필요한 이유도 확인하고, 너무 작은 네트워크와 너무 큰 네트워크에서 무슨 일이 벌어지는지 직접 봅니다.',
  },
  sections: [
    {
      id: 'count',
      title: { en: 'A deep network, counted and trained', ko: '깊은 네트워크: 세어 보고 학습시켜 보기' },
      blocks: [
        { p: {
          en: 'Take a classic network for handwritten digits. It reads a 28 × 28 picture (784 inputs) and narrows it down through three hidden layers of 256, 128 and 64 neurons to 10 outputs, one score per digit. Each hidden layer is a fully connected `nn.Linear` followed by a ReLU. The sizes are yours to choose; here each hidden layer after the first is half as wide as the one before.',
          ko: '손글씨 숫자를 분류하는 전형적인 네트워크를 예로 들어 보겠습니다. 28 × 28 이미지(입력 784개)를 받아 뉴런 256개, 128개, 64개짜리 은닉층 세 개를 거치며 폭을 줄여 가다가, 마지막에 출력 10개(숫자마다 점수 하나)를 냅니다. 각 은닉층은 완전 연결층 `nn.Linear` 뒤에 ReLU를 붙인 것입니다. 층의 크기는 마음대로 정할 수 있는데, 여기서는 두 번째 은닉층부터 앞 층의 절반 크기로 잡았습니다.',
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
          ko: '층에 있는 뉴런 하나는 입력마다 가중치를 하나씩 가지고, 편향도 하나 가집니다. 그래서 뉴런 $n_{\\text{in}}$개에서 $n_{\\text{out}}$개로 이어지는 층에는 $[n_{\\text{out}}, n_{\\text{in}}]$ 모양의 가중치 행렬 $W$와 길이가 $n_{\\text{out}}$인 편향 벡터 $b$가 있고, 이 층은 $y = W x + b$를 계산합니다.',
        } },
        { math: {
          en: String.raw`\text{params}(n_{\text{in}} \to n_{\text{out}}) = n_{\text{in}} \cdot n_{\text{out}} + n_{\text{out}}`,
          ko: String.raw`\text{파라미터 수}(n_{\text{in}} \to n_{\text{out}}) = n_{\text{in}} \cdot n_{\text{out}} + n_{\text{out}}`,
        } },
        { math: String.raw`\begin{aligned} &\underbrace{784 \cdot 256 + 256}_{200{,}960} + \underbrace{256 \cdot 128 + 128}_{32{,}896} \\ {}+{} &\underbrace{128 \cdot 64 + 64}_{8{,}256} + \underbrace{64 \cdot 10 + 10}_{650} = 242{,}762 \end{aligned}` },
        { p: {
          en: 'More than four fifths of the parameters sit in the first layer, because it is the one that touches all 784 inputs. Change the sizes below to see where the parameters go; the engine builds each network you type and counts for itself.',
          ko: '파라미터의 5분의 4 이상이 첫 번째 층에 몰려 있습니다. 입력 784개 전부와 연결된 층이기 때문입니다. 아래에서 층의 크기를 바꿔 가며 파라미터가 어디에 몰리는지 보세요. 입력한 네트워크는 엔진이 실제로 만들어서 세어 줍니다.',
        } },
        { widget: 'params', make: hiddenParams({ sizes: [784, 256, 128, 64, 10] }),
          caption: { en: 'Each row is one nn.Linear; ReLU layers have no parameters.', ko: '한 행이 nn.Linear 하나입니다. ReLU 층에는 파라미터가 없습니다.' } },
        { task: 'small3',
          text: { en: 'Keep 784 inputs, 10 outputs and three hidden layers, but bring the total under 50,000 parameters.', ko: '입력 784개, 출력 10개, 은닉층 세 개는 그대로 두고 전체 파라미터를 50,000개 미만으로 줄여 보세요.' },
          hint: { en: 'The first hidden layer costs about 785 parameters per neuron. How many neurons can it have?', ko: '첫 번째 은닉층은 뉴런 하나에 파라미터가 약 785개 듭니다. 뉴런을 몇 개까지 둘 수 있을까요?' },
          success: { en: 'The first hidden layer decides the budget. Whether such a narrow first layer still learns well is a question for training, not for counting.', ko: '파라미터 예산은 사실상 첫 번째 은닉층이 좌우합니다. 이렇게 좁은 첫 층으로도 잘 배우는지는 세어 봐서는 알 수 없고, 학습시켜 봐야 압니다.' },
          check: (ctx, done) => ctx.widget('params').onChange((w) => {
            const s = w.sizes();
            const c = w.counts();
            if (c && s.length === 5 && s[0] === 784 && s[4] === 10 && c.total < 50000) done();
          }) },
        { p: {
          en: 'Counting says what the network costs, not what it can do. So train it. The widget below is this very network, all 242,762 parameters, learning **Fashion-MNIST**: 28 × 28 grey photos of ten kinds of clothing (T-shirts, trousers, pullovers, dresses, coats, sandals, shirts, sneakers, bags, ankle boots), the same size as the handwritten digits the network was designed for and harder to tell apart. It learns from 10,000 pictures and is tested on 2,000 others it never trains on. One epoch is one pass over the 10,000.',
          ko: '파라미터를 세어 보면 네트워크의 덩치는 알 수 있지만, 무엇을 할 수 있는지는 알 수 없습니다. 그러니 직접 학습시켜 봅시다. 아래 위젯은 방금 센 바로 그 네트워크(파라미터 242,762개)로 **Fashion-MNIST**를 학습합니다. Fashion-MNIST는 옷과 신발, 가방 열 종류(티셔츠, 바지, 풀오버, 드레스, 코트, 샌들, 셔츠, 운동화, 가방, 앵클부츠)를 찍은 28 × 28 흑백 사진 모음으로, 이 네트워크가 원래 겨냥한 손글씨 숫자와 크기는 같지만 구별하기는 더 어렵습니다. 사진 10,000장으로 학습하고, 학습에는 한 번도 쓰지 않는 다른 2,000장으로 테스트합니다. 10,000장을 한 번 다 훑으면 1 에포크입니다.',
        } },
        { widget: 'fashion', make: images({ gallery: 12, hide: `network,${IMAGES_HIDE}` }),
          caption: { en: 'The network counted above, 784-256-128-64-10 with ReLU, on Fashion-MNIST: Adam with learning rate 0.001, batches of 64. The test pictures show the mistakes first, each with the network\'s three best guesses.', ko: '위에서 센 784-256-128-64-10 ReLU 네트워크로 Fashion-MNIST를 학습합니다 (Adam, 학습률 0.001, 배치 크기 64). 테스트 사진은 틀린 것부터 보여 주고, 사진마다 네트워크가 가장 그럴듯하다고 본 답 세 개를 붙여 둡니다.' } },
        { task: 'fashion',
          text: { en: `Train the network to ${Math.round(100 * SEED_TARGET)}% test accuracy.`, ko: `테스트 정확도가 ${Math.round(100 * SEED_TARGET)}% 이상이 될 때까지 네트워크를 학습시켜 보세요.` },
          hint: { en: 'Press Train, or One epoch a few times. An epoch takes a second or two here, and about three of them are enough.', ko: '학습 버튼을 누르거나 한 에포크 버튼을 몇 번 누르세요. 여기서는 에포크 하나에 1~2초가 걸리고, 세 에포크 정도면 충분합니다.' },
          success: { en: 'Nobody wrote a rule for what a sneaker looks like: 242,762 numbers found one from examples. Look at the mistakes that are left. Shirts, T-shirts, pullovers and coats look much alike at 28 × 28.', ko: '운동화가 어떻게 생겼는지 누가 규칙으로 적어 준 적은 없습니다. 숫자 242,762개가 예제만 보고 그 규칙을 찾아낸 것입니다. 남은 실수들도 살펴보세요. 28 × 28 크기에서는 셔츠, 티셔츠, 풀오버, 코트가 서로 꽤 비슷해 보입니다.' },
          check: (ctx, done) => onImagesEpoch(ctx.widget('fashion').element, (d, el) => {
            if (String(reluWidths(el.layers)) === String(SEED_WIDTHS) && el.settings.pictures === null && d.testAccuracy >= SEED_TARGET) done();
          }) },
      ],
    },
    {
      id: 'relu',
      title: { en: 'Why every hidden layer needs an activation', ko: '은닉층마다 활성화 함수가 필요한 이유' },
      blocks: [
        { p: {
          en: 'Without an activation function, stacking layers buys nothing. Two linear layers in a row are one linear layer in disguise:',
          ko: '활성화 함수 없이 층만 쌓으면 아무것도 얻지 못합니다. 선형 층 두 개를 이어 붙여 봐야 결국 선형 층 하나와 같기 때문입니다.',
        } },
        { math: String.raw`W_2 (W_1 x + b_1) + b_2 = \underbrace{(W_2 W_1)}_{W} x + \underbrace{(W_2 b_1 + b_2)}_{b}` },
        { p: {
          en: 'However many linear layers you stack, the result draws a straight boundary. A non-linear function between them, such as $\\mathrm{ReLU}(z) = \\max(0, z)$, breaks this: each neuron now bends the space at its own line, and the next layer combines the bent pieces. ReLU is the usual choice for hidden layers because it is cheap and its gradient is 1 wherever the neuron is active.',
          ko: '선형 층을 몇 개를 쌓든 결정 경계는 직선입니다. 층 사이에 $\\mathrm{ReLU}(z) = \\max(0, z)$ 같은 비선형 함수를 넣으면 이야기가 달라집니다. 뉴런마다 자기 직선을 따라 공간을 꺾고, 다음 층이 그렇게 꺾인 조각들을 이어 붙입니다. 은닉층에는 대개 ReLU를 씁니다. 계산이 간단하고, 뉴런이 활성화된 구간에서는 기울기가 늘 1이기 때문입니다.',
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
          caption: { en: 'Two hidden layers of 8 neurons with the "linear" activation (none at all), on the circle.', ko: '뉴런 8개짜리 은닉층 두 개에 "선형" 활성화(활성화 함수가 없는 것과 같음)를 쓴 네트워크로 원(circle) 데이터를 학습합니다.' } },
        { task: 'bend',
          text: { en: 'Train the network above as it is and watch it fail. Then, keeping the two inputs $x_1, x_2$, get it to 95% test accuracy.', ko: '위 네트워크를 그대로 학습시켜 실패하는 모습을 먼저 보세요. 그다음 입력은 $x_1, x_2$ 두 개 그대로 두고 테스트 정확도를 95% 이상으로 올려 보세요.' },
          hint: { en: 'Change "Activation (all layers)" to ReLU or tanh.', ko: '"활성화 함수 (모든 층)"을 ReLU나 Tanh로 바꿔 보세요.' },
          success: { en: 'Same layers, same sizes: the activation alone turns a straight boundary into a closed curve.', ko: '층도 크기도 그대로인데 활성화 함수 하나만 바꿨더니 직선이던 경계가 닫힌 곡선이 되었습니다.' },
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
          ko: '은닉층의 구성은 두 숫자로 나타낼 수 있습니다. 층마다 뉴런이 몇 개인지(**너비**)와 층이 몇 개인지(**깊이**)입니다. 넓은 층은 한 번에 더 많은 직선을 그을 수 있고, 깊은 네트워크는 앞 층이 만든 모양을 다음 층에서 엮어 더 복잡한 모양을 만들 수 있습니다.',
        } },
        { p: {
          en: 'The two spirals below wind around each other. One hidden layer with two neurons can only cut the plane with two lines. Add neurons, add layers, and watch the test accuracy. In our runs with Adam, one layer of 32 neurons stalled near 75% within 600 epochs, while two layers of 16 or three of 8 passed 90%.',
          ko: '아래의 두 나선은 서로 휘감겨 있습니다. 뉴런 두 개짜리 은닉층 하나로는 평면을 직선 두 개로 자르는 것이 고작입니다. 뉴런과 층을 늘려 가며 테스트 정확도가 어떻게 변하는지 보세요. Adam으로 학습해 보니 뉴런 32개짜리 층 하나는 600 에포크가 지나도 75% 언저리에 머물렀지만, 16개짜리 층 두 개나 8개짜리 층 세 개는 90%를 넘었습니다.',
        } },
        { widget: 'spiral', make: playground({ dataset: 'spiral', layers: '2', activation: 'tanh', optimizer: 'adam', lr: 0.01, hide: 'code,histograms' }),
          caption: { en: 'The spiral with one hidden layer of 2 neurons (tanh, Adam, learning rate 0.01).', ko: '뉴런 2개짜리 은닉층 하나로 나선(spiral) 데이터를 학습하는 네트워크 (tanh, Adam, 학습률 0.01).' } },
        { task: 'spiral',
          text: { en: 'Reach 90% test accuracy on the spiral.', ko: '나선 데이터에서 테스트 정확도 90%에 도달해 보세요.' },
          hint: { en: 'Use the + buttons to add hidden layers and neurons. Try two layers of 16, or three of 8; ReLU learns faster here than tanh.', ko: '+ 버튼으로 은닉층과 뉴런을 늘려 보세요. 16개짜리 층 두 개나 8개짜리 층 세 개를 권합니다. 이 데이터에서는 ReLU가 tanh보다 빨리 배웁니다.' },
          success: { en: 'Look at the neurons of the first and the last hidden layer in the diagram: the first draws lines, the later ones combine them into curls.', ko: '다이어그램에서 첫 번째 은닉층과 마지막 은닉층의 뉴런을 비교해 보세요. 첫 층은 직선을 긋고, 뒤쪽 층은 그 직선들을 엮어 소용돌이 모양을 만듭니다.' },
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
          en: 'No formula gives the right number and size of hidden layers, but the two ways to get them wrong are easy to recognise. A network that is **too small** cannot even fit its training data: the training loss stays high (**underfitting**). A network that is **too large** for the data it has can memorise the training examples, noise included: the training loss keeps falling while the test loss stops falling or rises (**overfitting**).',
          ko: '은닉층을 몇 개, 얼마나 크게 둘지 알려 주는 공식은 없습니다. 하지만 잘못 골랐을 때 나타나는 두 가지 증상은 쉽게 알아볼 수 있습니다. 네트워크가 **너무 작으면** 학습 데이터조차 제대로 맞히지 못해 학습 손실이 높은 채로 머뭅니다(**과소적합**). 가진 데이터에 비해 **너무 크면** 학습 데이터를 노이즈까지 통째로 외워 버립니다. 학습 손실은 계속 내려가는데 테스트 손실은 더 내려가지 않거나 오히려 올라갑니다(**과적합**).',
        } },
        { p: {
          en: 'Both happen on real pictures. Below is the network you trained above, but with only the first 500 of the 10,000 training pictures, about 50 of each class. It has close to 500 parameters for every picture it sees. Train it and watch the two accuracies and the two loss curves.',
          ko: '두 증상 모두 실제 사진에서도 나타납니다. 아래는 위에서 학습시킨 것과 같은 네트워크인데, 학습 사진 10,000장 중 앞쪽 500장(클래스마다 50장 정도)만 씁니다. 사진 한 장에 파라미터가 500개 가까이 딸린 셈입니다. 학습시키면서 두 정확도와 두 손실 곡선을 지켜보세요.',
        } },
        { widget: 'pictures', make: images({ pictures: 500, hide: `gallery,code,${IMAGES_HIDE}` }),
          caption: { en: 'The same 784-256-128-64-10 network on the first 500 training pictures, tested on the same 2,000 test pictures. Under Training pictures you can give it more; under The network you can change its layers.', ko: '같은 784-256-128-64-10 네트워크를 앞쪽 학습 사진 500장으로 학습하고, 위와 같은 테스트 사진 2,000장으로 테스트합니다. 학습 사진 메뉴에서 사진을 늘릴 수 있고, 신경망 패널에서 층을 바꿀 수 있습니다.' } },
        { task: 'memorise',
          text: { en: `Overfit: with at most ${FEW.toLocaleString('en-US')} training pictures, train until the network gets 99% of its training pictures right and the test loss has climbed to ${RISE} times its lowest value.`, ko: `과적합: 학습 사진을 ${FEW.toLocaleString('ko-KR')}장 이하로 둔 채, 네트워크가 학습 사진을 99% 이상 맞히고 테스트 손실이 최저점의 ${RISE}배 이상으로 올라설 때까지 학습시켜 보세요.` },
          hint: { en: 'Press Train and let it run for about 50 epochs (half a minute or so). Watch where the test loss turns and starts to climb.', ko: '학습 버튼을 누르고 50 에포크쯤(30초 안팎) 그대로 두세요. 테스트 손실이 어디서 방향을 틀어 올라가기 시작하는지 지켜보세요.' },
          success: { en: 'Every training picture right, yet the test accuracy stalls near 79%, below the 85% the same network reached with 10,000 pictures, and the test loss keeps rising: the network grows ever more sure of its answers, including the wrong ones. It has learned these 500 pictures, not clothes. The surest cure is more data: choose All and train again.', ko: '학습 사진은 전부 맞히는데 테스트 정확도는 79% 근처에서 멈췄습니다. 같은 네트워크가 사진 10,000장으로 얻은 85%보다 낮고, 테스트 손실은 계속 오릅니다. 네트워크가 자기 답을 점점 더 확신하는데, 틀린 답까지 그렇게 확신하기 때문입니다. 이 네트워크는 옷을 배운 것이 아니라 사진 500장을 외운 것입니다. 가장 확실한 처방은 데이터를 늘리는 것입니다. 학습 사진을 전부로 바꾸고 다시 학습시켜 보세요.' },
          check: (ctx, done) => onImagesEpoch(ctx.widget('pictures').element, (d, el) => {
            if (el.pictureCount <= FEW && d.trainAccuracy >= 0.99 && d.testLoss >= RISE * lowestTestLoss(el)) done();
          }) },
        { p: {
          en: '"Too small" is smaller than you might think here. In our runs one hidden layer of 8 neurons reached about 83% on the test pictures, and a network with no hidden layer at all, a single `nn.Linear(784, 10)`, about 84%: a weighted sum of the pixels already tells most of these clothes apart, and the big network wins only the last few percent. It takes a real bottleneck, a layer of 2 neurons through which every picture must pass as two numbers, to underfit.',
          ko: '여기서 "너무 작다"는 생각보다 훨씬 작아야 합니다. 저희가 돌려 보니 뉴런 8개짜리 은닉층 하나로도 테스트 정확도가 83% 정도 나왔고, 은닉층이 아예 없는 `nn.Linear(784, 10)` 하나로도 84% 정도가 나왔습니다. 이 옷 사진들은 대부분 픽셀의 가중합만으로도 구별되고, 큰 네트워크가 더 얻는 것은 마지막 몇 퍼센트뿐입니다. 과소적합을 보려면 진짜 병목이 필요합니다. 예를 들어 뉴런 2개짜리 층을 두면, 모든 사진이 숫자 두 개로 줄어든 채 그 층을 지나가야 합니다.',
        } },
        { task: 'bottleneck',
          text: { en: `Underfit: in the same widget, with at least ${MANY.toLocaleString('en-US')} training pictures and the optimiser as it is (Adam, learning rate 0.001), make the network so small that after ${UNDER_EPOCHS} epochs even its training accuracy stays below ${Math.round(100 * UNDER)}%.`, ko: `과소적합: 같은 위젯에서 학습 사진을 ${MANY.toLocaleString('ko-KR')}장 이상으로 늘리고 옵티마이저는 그대로(Adam, 학습률 0.001) 둔 채, ${UNDER_EPOCHS} 에포크를 학습해도 학습 정확도마저 ${Math.round(100 * UNDER)}%에 못 미칠 만큼 네트워크를 작게 만들어 보세요.` },
          hint: { en: 'Remove layers with × until one linear layer and its ReLU are left, set that layer\'s size to 2, choose All under Training pictures, and press Train.', ko: '× 버튼으로 층을 지워 선형 층 하나와 그 뒤의 ReLU만 남기고, 그 선형 층의 크기를 2로 바꾸세요. 그다음 학습 사진 메뉴에서 전부를 고르고 학습 버튼을 누르세요.' },
          success: { en: 'Training and test accuracy stay low and close together: the network is wrong about pictures it has seen as often as about new ones. That is underfitting. Ten thousand pictures did not help; only a wider layer would.', ko: '학습 정확도와 테스트 정확도가 함께 낮은 채로 붙어 있습니다. 이미 본 사진도 처음 보는 사진만큼 틀린다는 뜻이고, 이것이 과소적합입니다. 사진을 10,000장으로 늘려도 소용이 없었고, 층을 넓혀야만 나아집니다.' },
          check: (ctx, done) => onImagesEpoch(ctx.widget('pictures').element, (d, el) => {
            if (el.pictureCount >= MANY && seedSettings(el.settings) && d.epoch >= UNDER_EPOCHS && d.trainAccuracy < UNDER) done();
          }) },
        { p: {
          en: 'Pictures have 784 inputs, too many to see what the network does with them. Two inputs can be drawn. The playground below has noisy circle data with only 20% of the points (80 of 400) for training. Watch the boundary and the two loss curves as the network grows.',
          ko: '사진은 입력이 784개라서 네트워크가 그 입력으로 무엇을 하는지 눈으로 보기 어렵습니다. 입력이 두 개라면 그림으로 그릴 수 있습니다. 아래 플레이그라운드는 노이즈가 많은 원 데이터에서 점의 20%(400개 중 80개)만 학습에 씁니다. 네트워크를 키워 가면서 결정 경계와 두 손실 곡선이 어떻게 변하는지 보세요.',
        } },
        { widget: 'fit', make: playground({ dataset: 'circle', noise: 50, trainRatio: 20, layers: '4', activation: 'tanh', showTest: true, hide: 'code,histograms' }),
          caption: { en: 'Noisy circle, 80 training points, one hidden layer of 4 neurons, SGD with learning rate 0.03. Test points are drawn with a dark outline.', ko: '노이즈가 많은 원 데이터, 학습용 점 80개, 뉴런 4개짜리 은닉층 하나, 학습률 0.03의 SGD. 테스트 점은 진한 테두리로 표시됩니다.' } },
        { task: 'overfit',
          text: { en: `Overfit: give the network at least ${BIG} hidden neurons in total (for example three layers of 32), keep 20% training data and no regularisation, and train until the test loss is at least twice the training loss while the training accuracy is 95% or more.`, ko: `과적합: 학습 데이터 20%와 규제 없음은 그대로 두고, 은닉 뉴런을 모두 합쳐 ${BIG}개 이상(예: 32개짜리 층 세 개)으로 늘린 뒤, 학습 정확도가 95% 이상이면서 테스트 손실이 학습 손실의 두 배를 넘을 때까지 학습시켜 보세요.` },
          hint: { en: 'Three layers of 32 neurons get there in about 300 epochs. Watch the training loss dive while the test loss levels off.', ko: '32개짜리 층 세 개면 300 에포크 안팎에서 도달합니다. 학습 손실은 뚝뚝 떨어지는데 테스트 손실은 제자리걸음인 것을 보세요.' },
          success: { en: 'The boundary now bends around single noisy training points. The network has learned the training set, not the circle.', ko: '경계가 노이즈 섞인 학습 점을 하나하나 감싸며 구불구불해졌습니다. 네트워크가 원을 배운 것이 아니라 학습 데이터를 외운 것입니다.' },
          check: (ctx, done) => onEpoch(ctx.widget('fit').element, (d, s) => {
            if (fitData(s) && s.trainRatio === 20 && s.l2 === 0 && s.dropout === 0 && hiddenNeurons(s) >= BIG
              && d.epoch >= 200 && d.trainAccuracy >= 0.95 && d.testLoss >= 2 * d.trainLoss) done();
          }) },
        { task: 'fix',
          text: { en: `Fix it: keep at least ${BIG} hidden neurons, and with L2 regularisation, dropout or more training data, train at least 500 epochs so that the test loss stays within 25% of the training loss, with 95% accuracy on both sets.`, ko: `고쳐 보기: 은닉 뉴런은 ${BIG}개 이상 그대로 두고 L2 규제나 드롭아웃을 걸거나 학습 데이터를 늘려서, 500 에포크 넘게 학습해도 테스트 손실이 학습 손실의 1.25배를 넘지 않고 학습·테스트 정확도가 모두 95% 이상이 되게 해 보세요.` },
          hint: { en: 'L2 regularisation of 0.03 does it here (0.01 is not enough), and so does raising the training data to 50%. Dropout helps for a while, but here the gap comes back with longer training.', ko: '여기서는 L2 규제를 0.03으로 주면 됩니다(0.01로는 부족합니다). 학습 데이터를 50%로 늘려도 됩니다. 드롭아웃은 처음에는 도움이 되지만, 이 데이터에서는 오래 학습하면 간격이 다시 벌어집니다.' },
          success: { en: 'A large network is fine when something keeps it from memorising: a penalty on large weights, or enough data that memorising is no easier than learning the circle.', ko: '외우지 못하게 막는 장치만 있으면 큰 네트워크도 문제없습니다. 큰 가중치에 벌점을 주거나, 데이터를 충분히 늘려서 외우는 쪽이 원을 배우는 쪽보다 쉽지 않게 만들면 됩니다.' },
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
# ${["L2 regularisation is the optimiser's", 'L2 규제는 옵티마이저의']}
# ${['weight_decay', 'weight_decay 옵션으로 줍니다']}
optimizer = torch.optim.SGD(
    model.parameters(), lr=0.03, weight_decay=0.03)
model.train()   # ${['dropout on while training', '학습할 때는 드롭아웃을 켜고']}
model.eval()    # ${['and off when evaluating', '평가할 때는 끕니다']}`,
          js: bi`
const model = lw.Model.fromSpec({ input: [2], layers: [
  { type: 'linear', out: 32 }, { type: 'tanh' },
  { type: 'dropout', p: 0.3 },
  { type: 'linear', out: 1 }, { type: 'sigmoid' },
] });
// ${["L2 regularisation is the optimiser's", 'L2 규제는 옵티마이저의']}
// ${['weightDecay', 'weightDecay 옵션으로 줍니다']}
const optimizer = lw.optim.SGD(model,
  { lr: 0.03, weightDecay: 0.03 });
// ${['trainStep and trainEpoch use dropout;', 'trainStep, trainEpoch는 드롭아웃을 쓰고']}
// ${['forward and evaluate do not', 'forward, evaluate는 쓰지 않습니다']}`,
        } },
      ],
    },
  ],
  recap: [
    { id: 'budget',
      q: { en: 'Which change to 784-256-128-64-10 removes the most parameters?', ko: '784-256-128-64-10 네트워크에서 다음 중 파라미터를 가장 많이 줄이는 변경은 무엇일까요?' },
      choices: [
        { en: 'Halving the first hidden layer, 256 → 128', ko: '첫 번째 은닉층을 절반으로 (256 → 128)' },
        { en: 'Halving the second hidden layer, 128 → 64', ko: '두 번째 은닉층을 절반으로 (128 → 64)' },
        { en: 'Removing the third hidden layer (64) altogether', ko: '세 번째 은닉층(64)을 아예 없애기' },
      ],
      answer: 0,
      why: { en: 'The first layer touches all 784 inputs: 128 fewer neurons there save $128 \\cdot 785 = 100{,}480$ weights and biases, plus $128 \\cdot 128 = 16{,}384$ weights in the next layer, 116,864 in all. Halving the second layer saves 20,544; removing the third, a small layer between 128 and 10 neurons, only 7,616.', ko: '첫 번째 층은 입력 784개 전부와 연결되어 있습니다. 여기서 뉴런 128개를 줄이면 가중치와 편향 $128 \\cdot 785 = 100{,}480$개에, 다음 층의 가중치 $128 \\cdot 128 = 16{,}384$개까지 더해 모두 116,864개가 줄어듭니다. 두 번째 층을 절반으로 줄이면 20,544개, 입출력이 적은 세 번째 층을 없애면 7,616개가 줄어들 뿐입니다.' } },
    { id: 'no-activation',
      q: { en: 'Take the ReLUs out of 784-256-128-64-10 and keep its 242,762 parameters. What can it compute now?', ko: '784-256-128-64-10 네트워크에서 ReLU만 모두 빼고 파라미터 242,762개는 그대로 둡니다. 이제 이 네트워크는 무엇을 계산할 수 있을까요?' },
      choices: [
        { en: 'More than before: the parameters are all still there', ko: '파라미터가 그대로이니 전과 같거나 그 이상' },
        { en: 'Exactly what one `nn.Linear(784, 10)` can compute', ko: '`nn.Linear(784, 10)` 하나가 계산할 수 있는 것과 정확히 같은 것' },
        { en: 'Nothing useful: without activations it cannot learn', ko: '활성화 함수가 없으니 아무것도 배우지 못한다' },
      ],
      answer: 1,
      why: { en: 'Linear layers in a row multiply out into one: $W_4 W_3 W_2 W_1 x + b$. The extra parameters give no new functions. It still learns, as well as a linear model does (about 84% on Fashion-MNIST), but no boundary it draws is ever bent.', ko: '연달아 놓인 선형 층은 곱해서 하나로 합쳐집니다: $W_4 W_3 W_2 W_1 x + b$. 파라미터가 많아도 새로운 함수를 표현하지는 못합니다. 학습은 선형 모델만큼은 되지만(Fashion-MNIST에서 84% 정도), 경계를 구부릴 수는 없습니다.' } },
    { id: 'diagnose-over',
      q: { en: 'After 60 epochs: training accuracy 100%, test accuracy 78%, and the test loss has risen since epoch 20. What helps most?', ko: '60 에포크가 지났습니다. 학습 정확도 100%, 테스트 정확도 78%이고, 테스트 손실은 20 에포크부터 계속 오르고 있습니다. 무엇이 가장 도움이 될까요?' },
      choices: [
        { en: 'A larger network, so it can learn the test pictures too', ko: '테스트 사진도 배울 수 있게 네트워크를 더 키운다' },
        { en: 'Training longer, until the test loss comes down again', ko: '테스트 손실이 다시 내려올 때까지 더 오래 학습한다' },
        { en: 'More training data, or a penalty on large weights (L2)', ko: '학습 데이터를 늘리거나 큰 가중치에 벌점(L2 규제)을 준다' },
      ],
      answer: 2,
      why: { en: 'The network fits its training data perfectly and new data worse and worse: overfitting. More data makes memorising harder and L2 keeps the weights small; a larger network memorises even more easily, and longer training only pushes the test loss further up.', ko: '학습 데이터는 완벽하게 맞히는데 새 데이터에서는 점점 나빠지고 있으니 과적합입니다. 데이터를 늘리면 외우기가 어려워지고, L2 규제는 가중치를 작게 묶어 둡니다. 네트워크를 키우면 더 쉽게 외울 뿐이고, 더 오래 학습하면 테스트 손실만 더 올라갑니다.' } },
    { id: 'diagnose-under',
      q: { en: 'A network trained on 10,000 pictures for 12 epochs: training accuracy 27%, test accuracy 25%. What helps most?', ko: '사진 10,000장으로 12 에포크를 학습한 네트워크의 학습 정확도가 27%, 테스트 정확도가 25%입니다. 무엇이 가장 도움이 될까요?' },
      choices: [
        { en: 'More training pictures', ko: '학습 사진을 더 늘린다' },
        { en: 'A wider or larger network', ko: '네트워크를 더 넓히거나 키운다' },
        { en: 'L2 regularisation or dropout', ko: 'L2 규제나 드롭아웃을 건다' },
      ],
      answer: 1,
      why: { en: 'It is wrong about the pictures it trained on almost as often as about new ones: underfitting. The network lacks capacity, so it needs more of it. More data does not help a network that cannot fit the data it has, and regularisation would shrink its capacity further.', ko: '학습에 쓴 사진도 새 사진만큼이나 자주 틀리니 과소적합입니다. 네트워크의 표현력이 모자라니 표현력을 늘려야 합니다. 지금 있는 데이터도 못 맞히는 네트워크에 데이터를 더 줘 봐야 소용없고, 규제는 표현력을 오히려 더 줄입니다.' } },
    { id: 'depth',
      q: { en: 'On the spiral, one hidden layer of 32 neurons stalls near 75% test accuracy. Which is most likely to pass 90%?', ko: '나선 데이터에서 뉴런 32개짜리 은닉층 하나가 테스트 정확도 75% 근처에서 멈춰 있습니다. 다음 중 90%를 넘길 가능성이 가장 큰 것은 무엇일까요?' },
      choices: [
        { en: 'One hidden layer of 64 neurons', ko: '뉴런 64개짜리 은닉층 하나' },
        { en: 'Two hidden layers of 16 neurons', ko: '뉴런 16개짜리 은닉층 두 개' },
        { en: 'The same layer with a ten times smaller learning rate', ko: '같은 층에 학습률만 10분의 1로' },
      ],
      answer: 1,
      why: { en: 'The same 32 neurons in two layers passed 90% in the lesson\'s runs: the second layer combines the first layer\'s lines into curved pieces, which is what each turn of a spiral needs. A single layer only lays its neurons\' pieces side by side and needs many more of them, and a smaller learning rate only makes the same network slower.', ko: '이 레슨에서 돌려 본 결과, 같은 뉴런 32개를 두 층으로 나누자 90%를 넘었습니다. 두 번째 층이 첫 번째 층의 직선들을 엮어 휘어진 조각을 만들고, 나선이 한 바퀴 돌 때마다 필요한 것이 바로 그 조각입니다. 층이 하나뿐이면 뉴런들이 만든 조각을 나란히 더할 수밖에 없어 뉴런이 훨씬 많이 필요하고, 학습률을 낮추면 같은 네트워크가 더 느리게 배울 뿐입니다.' } },
  ],
};
