// Lesson 4: weight initialisation. Zeros (symmetry), too small (vanishing), too large
// (saturation, exploding), Xavier and He, seen through the outputs and gradients of a 10-layer
// network; the Xavier bound derived from keeping the variance constant.
import { playground, onEpoch } from '../widgets/playground.js';
import { initDepth } from '../widgets/init-depth.js';
import { commentedWith } from './bilingual.js';

// The code blocks' comments in Korean (the code itself is the same in both languages).
const KO = {
  'before training: every Linear layer, one by one': '학습 전에 모든 Linear 층을 하나씩 채운다',
  'the engine draws the values as it builds the model': '실제 값은 엔진이 모델을 만들 때 뽑는다',
  'pick one: each call overwrites m.weight': '하나만 고른다. 호출할 때마다 m.weight를 덮어쓴다',
  'symmetric, cannot learn': '대칭이라 배우지 못한다',
  'too small for 10 layers': '10층에는 너무 작다',
  "Xavier with tanh's gain 5/3": 'tanh의 gain 5/3을 곱한 Xavier',
  'He, for ReLU': 'ReLU에 맞춘 He',
  'or one choice for every Linear layer of a spec': '또는 스펙의 모든 Linear 층에 한 번에 지정한다',
  "('kaiming_normal' alone uses ReLU's gain √2)": "('kaiming_normal'만 쓰면 ReLU의 gain √2를 쓴다)",
};
const commented = commentedWith(KO);

// A depth widget's result, checked on every new pass the reader asks for (the preset's fails).
const watchDepth = (id, test) => (ctx, done) => ctx.widget(id).onChange((r) => { if (r && test(r)) done(); });

export default {
  lead: {
    en: 'Before the first step of training, every weight needs a value. This lesson shows why "all zeros" cannot learn, why numbers that are a little too small or too large ruin a deep network, and how Xavier and He pick the scale that keeps the signal alive through every layer.',
    ko: '학습의 첫걸음을 떼기 전에 모든 가중치에는 값이 하나씩 있어야 합니다. 이 레슨에서는 가중치를 전부 0으로 두면 왜 배우지 못하는지, 값이 조금만 작거나 커도 깊은 네트워크가 왜 망가지는지, 그리고 Xavier와 He 초기화가 어떻게 모든 층에서 신호가 살아남는 크기를 고르는지 살펴봅니다.',
  },
  sections: [
    {
      id: 'start',
      title: { en: 'Where training starts', ko: '학습이 시작되는 곳' },
      blocks: [
        { p: {
          en: 'Training only ever nudges weights: each step moves them a little downhill from wherever they are. So the starting values decide which paths are open at all. A common recipe walks through the model once, before training, and fills every linear layer the same way: **Xavier uniform** for the weights and **zeros** for the biases.',
          ko: '학습은 가중치를 조금씩 움직일 뿐입니다. 매 스텝은 지금 있는 자리에서 손실이 줄어드는 쪽으로 가중치를 살짝 옮깁니다. 그래서 출발점이 어떤 길이 열려 있는지를 정합니다. 흔히 쓰는 방법은 학습 전에 모델을 한 번 훑으면서 모든 선형 층을 같은 방식으로 채우는 것입니다. 가중치는 **Xavier 균등분포**로, 편향은 **0**으로 둡니다.',
        } },
        { code: {
          torch: commented(String.raw`import torch.nn as nn

model = nn.Sequential(
    nn.Linear(784, 256), nn.ReLU(),
    nn.Linear(256, 128), nn.ReLU(),
    nn.Linear(128, 10),
)

# before training: every Linear layer, one by one
for m in model.modules():
    if isinstance(m, nn.Linear):
        nn.init.xavier_uniform_(m.weight)
        nn.init.zeros_(m.bias)`),
          js: commented(String.raw`import { loadLayerwise } from './engine/layerwise.mjs';
const lw = await loadLayerwise();
const { nn, init } = lw;

const net = nn.Sequential(
  nn.Linear(784, 256), nn.ReLU(),
  nn.Linear(256, 128), nn.ReLU(),
  nn.Linear(128, 10),
);

// before training: every Linear layer, one by one
for (const m of net.modules()) {
  if (m instanceof nn.Linear) {
    init.xavierUniform_(m.weight);
    init.zeros_(m.bias);
  }
}
// the engine draws the values as it builds the model
const model = lw.Model.fromSpec(net);`),
        } },
        { p: {
          en: 'Why this recipe and not something simpler? The rest of the lesson tries the simpler things first and watches them fail.',
          ko: '왜 더 간단한 방법이 아니라 이 방법일까요? 이 레슨의 나머지 부분에서는 간단한 방법들을 먼저 시도해 보고, 그 방법들이 실패하는 모습을 지켜봅니다.',
        } },
      ],
    },
    {
      id: 'zeros',
      title: { en: 'All zeros: every neuron the same', ko: '전부 0: 모든 뉴런이 똑같아진다' },
      blocks: [
        { p: {
          en: 'Zero looks like a neutral start. But if every weight of a layer starts equal, every neuron in it computes the same function of the same inputs, receives the same gradient, and takes the same step. They stay copies of each other forever: a layer of 4 neurons is worth one. This is the **symmetry** problem, and only randomness in the starting values breaks it.',
          ko: '0은 중립적인 출발점처럼 보입니다. 하지만 한 층의 가중치가 모두 같은 값에서 출발하면, 그 층의 뉴런은 모두 같은 입력으로 같은 함수를 계산하고, 같은 기울기를 받아, 같은 스텝을 밟습니다. 뉴런들은 끝까지 서로의 복사본으로 남고, 뉴런 4개짜리 층이 뉴런 1개만큼의 일밖에 못 합니다. 이것이 **대칭성** 문제이고, 이를 깨는 방법은 초깃값에 무작위성을 넣는 것뿐입니다.',
        } },
        { p: {
          en: 'Zeros are worse still. With tanh or ReLU a neuron with zero weights outputs 0, and the gradient that reaches a hidden weight is multiplied by the (zero) weights after it, so it is exactly 0 too. Only the output bias moves. Press play below: the loss sits at $\\ln 2 \\approx 0.693$, the network diagram shows every hidden neuron as the same blank picture, and the test accuracy stays near a coin toss.',
          ko: '0은 그보다도 나쁩니다. tanh나 ReLU를 쓰면 가중치가 0인 뉴런은 0을 출력하고, 은닉층 가중치에 도달하는 기울기에는 그 뒤에 오는 (0인) 가중치가 곱해지므로 기울기도 정확히 0이 됩니다. 움직이는 것은 출력층의 편향뿐입니다. 아래에서 재생을 눌러 보세요. 손실은 $\\ln 2 \\approx 0.693$에 머물고, 네트워크 그림의 은닉 뉴런은 모두 똑같은 빈 그림이며, 테스트 정확도는 동전 던지기 수준에서 움직이지 않습니다.',
        } },
        { widget: 'zeros', make: playground({ dataset: 'circle', layers: '4,4', activation: 'tanh', init: 'zeros', lr: 0.1, hide: 'code,histograms,data,features' }),
          caption: { en: 'Circle data, two hidden layers of 4 tanh neurons, every weight and bias starting at 0.', ko: '원형 데이터, tanh 뉴런 4개짜리 은닉층 두 개, 모든 가중치와 편향이 0에서 출발합니다.' } },
        { task: 'symmetry',
          text: { en: 'Break the symmetry: keep the hidden layers, pick an initialisation with randomness in it, and train until the test accuracy reaches 95%.', ko: '대칭성을 깨 보세요. 은닉층은 그대로 두고 무작위성이 있는 초기화를 골라, 테스트 정확도가 95%에 이를 때까지 학습시키세요.' },
          hint: { en: 'The initialisation menu is in the network panel. Xavier or Kaiming works; a new choice builds fresh weights, then press play.', ko: '초기화 메뉴는 네트워크 패널에 있습니다. Xavier나 Kaiming이면 됩니다. 새로 고르면 가중치가 새로 만들어지니 재생을 누르세요.' },
          success: { en: 'Random starting values make each neuron different, so each one can specialise on a different part of the circle.', ko: '무작위 초깃값 덕분에 뉴런마다 달라졌고, 그래서 각 뉴런이 원의 서로 다른 부분을 맡을 수 있습니다.' },
          check: (ctx, done) => onEpoch(ctx.widget('zeros').element, (d, state) => {
            if (state.init !== 'zeros' && state.layers.length >= 2 && d.testAccuracy >= 0.95) done();
          }) },
      ],
    },
    {
      id: 'depth',
      title: { en: 'Too small, too large: ten layers deep', ko: '너무 작아도, 너무 커도: 열 층 깊이에서' },
      blocks: [
        { p: {
          en: 'Random is necessary, but the **scale** of the random numbers matters just as much. Each layer multiplies its input by a weight matrix. If that multiplication shrinks the signal a little, ten layers shrink it ten times over; if it grows a little, ten layers blow it up. The same happens backwards: the gradient that reaches layer 1 has passed through every weight matrix above it.',
          ko: '무작위성은 꼭 필요하지만, 무작위로 뽑는 값의 **크기**도 그만큼 중요합니다. 각 층은 입력에 가중치 행렬을 곱합니다. 그 곱셈이 신호를 조금 줄이면 열 층을 지나며 열 번 줄어들고, 조금 키우면 열 층을 지나며 폭발합니다. 역방향도 같습니다. 1층에 도착하는 기울기는 그 위의 모든 가중치 행렬을 거쳐 온 것입니다.',
        } },
        { p: {
          en: 'The widget sends one batch of 256 random inputs through 10 hidden layers of 256 units and back, with no update, and shows each layer\'s outputs $h_l$ and gradients $\\partial L/\\partial h_l$: a histogram per layer (all layers of a row on the same x range) and their standard deviations on a log scale. Try the six initialisations with both activations.',
          ko: '아래 위젯은 무작위 입력 256개로 이루어진 배치 하나를 256개 유닛짜리 은닉층 10개에 통과시켰다가 다시 거꾸로 보내며(가중치는 바꾸지 않습니다), 층마다의 출력 $h_l$과 기울기 $\\partial L/\\partial h_l$을 보여 줍니다. 층마다 히스토그램이 하나씩 있고(한 줄의 모든 층은 같은 x 범위를 씁니다), 표준편차는 로그 눈금으로 그립니다. 여섯 가지 초기화를 두 활성화 함수로 모두 시험해 보세요.',
        } },
        { widget: 'depth', make: initDepth({ activation: 'tanh', init: 'xavier' }),
          caption: { en: 'One forward and one backward pass through 10 hidden layers of 256 units (lr 0: the weights do not change). Histograms: blue the outputs, orange the gradients.', ko: '256개 유닛짜리 은닉층 10개를 한 번 순전파하고 한 번 역전파합니다(학습률 0이라 가중치는 바뀌지 않습니다). 히스토그램의 파란색은 출력, 주황색은 기울기입니다.' } },
        { list: [
          { en: '**std 0.01, too small:** each layer multiplies the standard deviation by about $\\sqrt{256}\\cdot 0.01 = 0.16$. The outputs collapse onto 0 within a few layers, and the gradient reaching layer 1 is more than ten million times smaller than at layer 10: the early layers get no signal to learn from. This is the **vanishing gradient**.', ko: '**표준편차 0.01, 너무 작음:** 층을 하나 지날 때마다 표준편차가 약 $\\sqrt{256}\\cdot 0.01 = 0.16$배가 됩니다. 몇 층 만에 출력이 0으로 몰리고, 1층에 도착하는 기울기는 10층보다 천만 배 넘게 작아집니다. 앞쪽 층은 배울 신호를 받지 못합니다. 이것이 **기울기 소실**입니다.' },
          { en: '**std 1, too large:** with ReLU nothing bounds the outputs: they grow about 11× per layer, and the gradients grow the same way on their way back, until layer 1 gets billions of times more than layer 10. This is the **exploding gradient**. With tanh the outputs cannot grow, but nearly 9 units in 10 sit in the flat part of the curve (saturated, $|h| > 0.99$), where a unit\'s slope is nearly 0 and it barely learns; the huge weights still blow the gradient up more than 10,000× on its way back.', ko: '**표준편차 1, 너무 큼:** ReLU에서는 출력을 막아 주는 것이 없어서 층마다 약 11배씩 커지고, 거꾸로 돌아오는 기울기도 같은 식으로 커져서 1층의 기울기는 10층의 수십억 배가 됩니다. 이것이 **기울기 폭주**입니다. tanh에서는 출력이 커질 수 없는 대신 유닛 10개 중 9개 가까이가 곡선의 평평한 부분($|h| > 0.99$, 포화)에 머뭅니다. 그곳에서는 기울기가 거의 0이라 유닛이 거의 배우지 못하고, 거꾸로 돌아오는 기울기는 큰 가중치 탓에 여전히 1만 배 넘게 커집니다.' },
          { en: '**Xavier for tanh, He for ReLU:** the spread stays within a small factor from layer 1 to layer 10, forwards and backwards. Paired with the other activation, each drifts: the next sections derive why.', ko: '**tanh에는 Xavier, ReLU에는 He:** 1층부터 10층까지 순방향과 역방향 모두 퍼짐이 크게 변하지 않습니다. 짝이 맞지 않는 활성화 함수와 쓰면 조금씩 줄거나 커지는데, 그 이유는 다음 절에서 유도합니다.' },
        ] },
        { task: 'vanish',
          text: { en: 'Make the gradients vanish: find a setting where the gradient that reaches layer 1 is more than 1,000 times smaller than the one at layer 10 (and not exactly 0).', ko: '기울기를 소실시켜 보세요. 1층에 도착하는 기울기가 10층의 기울기보다 1,000배 넘게 작아지는(그러면서 정확히 0은 아닌) 설정을 찾으세요.' },
          hint: { en: 'Look for the initialisation that makes every layer shrink its input.', ko: '모든 층이 입력을 줄이는 초기화를 찾아보세요.' },
          success: { en: 'Layer 1 now learns thousands of times more slowly than layer 10; in practice the early layers stay where they started.', ko: '이제 1층은 10층보다 수천 배 느리게 배웁니다. 실제로는 앞쪽 층이 출발점에서 거의 움직이지 않습니다.' },
          check: watchDepth('depth', (r) => r.gradStd[0] > 0 && r.gradStd[0] < 1e-3 * r.gradStd[r.gradStd.length - 1]) },
      ],
    },
    {
      id: 'xavier',
      title: { en: 'Keeping the variance constant: Xavier', ko: '분산을 일정하게: Xavier 초기화' },
      blocks: [
        { p: {
          en: 'Take one linear unit $y = \\sum_{i=1}^{n_{in}} w_i x_i$ with weights and inputs independent, zero-mean, each $w_i$ with variance $\\mathrm{Var}(w)$ and each $x_i$ with $\\mathrm{Var}(x)$. The variance of a product of independent zero-mean variables is the product of their variances, and variances of independent terms add:',
          ko: '선형 유닛 하나 $y = \\sum_{i=1}^{n_{in}} w_i x_i$를 생각해 봅시다. 가중치와 입력은 서로 독립이고 평균이 0이며, 각 $w_i$의 분산은 $\\mathrm{Var}(w)$, 각 $x_i$의 분산은 $\\mathrm{Var}(x)$입니다. 평균이 0인 독립 변수의 곱의 분산은 분산의 곱이고, 독립인 항들의 분산은 더해집니다.',
        } },
        { math: String.raw`\mathrm{Var}(y) = n_{in}\,\mathrm{Var}(w)\,\mathrm{Var}(x)` },
        { p: {
          en: 'For the spread to pass through the layer unchanged, $\\mathrm{Var}(y) = \\mathrm{Var}(x)$, we need $\\mathrm{Var}(w) = 1/n_{in}$. The backward pass runs the same argument through the transposed matrix, where each gradient is a sum over the $n_{out}$ units above, and asks for $\\mathrm{Var}(w) = 1/n_{out}$. Glorot and Bengio (2010) took the compromise between the two:',
          ko: '층을 지나도 퍼짐이 그대로이려면, 즉 $\\mathrm{Var}(y) = \\mathrm{Var}(x)$이려면 $\\mathrm{Var}(w) = 1/n_{in}$이어야 합니다. 역전파에서는 같은 논리가 전치 행렬을 따라 진행되며, 각 기울기는 위층 유닛 $n_{out}$개에 대한 합이므로 $\\mathrm{Var}(w) = 1/n_{out}$이 필요합니다. Glorot과 Bengio(2010)는 두 조건의 절충을 택했습니다.',
        } },
        { math: String.raw`\mathrm{Var}(w) = \frac{2}{n_{in} + n_{out}}` },
        { p: {
          en: 'A uniform distribution $U(-a, a)$ has variance $a^2/3$. Setting $a^2/3 = 2/(n_{in}+n_{out})$ gives the Xavier uniform bound; PyTorch multiplies it by a **gain** that depends on the activation (1 for none or sigmoid, $5/3$ for tanh):',
          ko: '균등분포 $U(-a, a)$의 분산은 $a^2/3$입니다. $a^2/3 = 2/(n_{in}+n_{out})$으로 두면 Xavier 균등분포의 경계가 나옵니다. PyTorch는 여기에 활성화 함수에 따른 **gain**을 곱합니다(활성화 함수가 없거나 시그모이드면 1, tanh면 $5/3$).',
        } },
        { math: String.raw`w \sim U(-a,\, a), \qquad a = \text{gain}\cdot\sqrt{\frac{6}{n_{in} + n_{out}}}` },
        { p: {
          en: 'For the widget\'s layers, $n_{in} = n_{out} = 256$, so $a = \\sqrt{6/512} \\approx 0.108$ and the weights\' standard deviation is $1/\\sqrt{256} = 0.0625$. The derivation treats the activation as the identity. tanh is close to the identity near 0 but flattens further out, so with gain 1 the outputs still drift down slowly (the widget shows the last layer at about a third of the first); the gain $5/3$ makes up for the flattening and keeps the outputs level.',
          ko: '위젯의 층은 $n_{in} = n_{out} = 256$이므로 $a = \\sqrt{6/512} \\approx 0.108$이고, 가중치의 표준편차는 $1/\\sqrt{256} = 0.0625$입니다. 이 유도는 활성화 함수를 항등 함수로 보고 있습니다. tanh는 0 근처에서는 항등 함수에 가깝지만 바깥쪽으로 갈수록 평평해지므로, gain이 1이면 출력이 여전히 조금씩 줄어듭니다(위젯에서 마지막 층은 첫 층의 약 3분의 1입니다). gain $5/3$이 이 평평해짐을 보충해 출력의 크기를 고르게 유지합니다.',
        } },
      ],
    },
    {
      id: 'he',
      title: { en: 'ReLU halves the variance: He', ko: 'ReLU는 분산을 절반으로: He 초기화' },
      blocks: [
        { p: {
          en: 'ReLU sets every negative input to 0. For a zero-mean symmetric input, half the values go, and the mean square of the output is half the variance of the input: $\\mathbb{E}[\\mathrm{relu}(y)^2] = \\tfrac12 \\mathrm{Var}(y)$. Xavier, built for a function that keeps everything, loses about half the variance at every layer: after 10 layers, roughly a factor $2^{-5}$ in standard deviation. He et al. (2015) doubled the variance to compensate:',
          ko: 'ReLU는 음수 입력을 모두 0으로 만듭니다. 평균이 0이고 대칭인 입력이라면 값의 절반이 사라지고, 출력의 제곱 평균은 입력 분산의 절반이 됩니다: $\\mathbb{E}[\\mathrm{relu}(y)^2] = \\tfrac12 \\mathrm{Var}(y)$. 모든 값을 통과시키는 함수를 가정한 Xavier는 층마다 분산을 절반쯤 잃어서, 10층 뒤에는 표준편차가 대략 $2^{-5}$배로 줄어듭니다. He 등(2015)은 이를 보충하려고 분산을 두 배로 늘렸습니다.',
        } },
        { math: String.raw`\mathrm{Var}(w) = \frac{2}{n_{in}}, \qquad w \sim \mathcal{N}\!\left(0,\ \frac{2}{n_{in}}\right)` },
        { widget: 'depth-relu', make: initDepth({ activation: 'relu', init: 'xavier' }),
          caption: { en: 'The same 10 layers of 256 units, this time with ReLU and Xavier uniform: the spread shrinks at every layer.', ko: '같은 256개 유닛짜리 은닉층 10개를 이번에는 ReLU와 Xavier 균등분포로 두었습니다. 층마다 퍼짐이 줄어듭니다.' } },
        { task: 'relu-steady',
          text: { en: 'Keep ReLU and find an initialisation for which the output std of layer 10 is within a factor of 2 of layer 1 (between half and double).', ko: 'ReLU는 그대로 두고, 10층 출력의 표준편차가 1층의 2배 이내(절반에서 두 배 사이)에 들어오는 초기화를 찾으세요.' },
          hint: { en: 'Xavier loses a factor of about √2 in std per ReLU layer. Which initialisation doubles the variance?', ko: 'Xavier는 ReLU 층마다 표준편차가 약 √2배씩 줄어듭니다. 분산을 두 배로 늘리는 초기화는 무엇일까요?' },
          success: { en: 'With He initialisation the signal reaches layer 10 at about the size it left layer 1, and so does the gradient on its way back.', ko: 'He 초기화에서는 신호가 1층을 떠날 때와 비슷한 크기로 10층에 도착하고, 되돌아오는 기울기도 마찬가지입니다.' },
          check: watchDepth('depth-relu', (r) => {
            const ratio = r.actStd[r.actStd.length - 1] / r.actStd[0];
            return r.activation === 'relu' && r.actStd[0] > 0 && ratio >= 0.5 && ratio <= 2;
          }) },
        { p: {
          en: 'In PyTorch, He initialisation is `kaiming_normal_` with `nonlinearity=\'relu\'` (gain $\\sqrt 2$, standard deviation $\\sqrt2/\\sqrt{n_{in}}$). Each initialiser of this lesson is one call per weight, or one choice for the whole model in a Layerwise spec:',
          ko: 'PyTorch에서 He 초기화는 `kaiming_normal_`에 `nonlinearity=\'relu\'`를 준 것입니다(gain $\\sqrt 2$, 표준편차 $\\sqrt2/\\sqrt{n_{in}}$). 이 레슨의 초기화는 모두 가중치마다 호출 한 번이면 되고, Layerwise 스펙에서는 모델 전체에 한 번에 지정할 수도 있습니다.',
        } },
        { code: {
          torch: commented(String.raw`import torch.nn as nn

m = nn.Linear(256, 256)
# pick one: each call overwrites m.weight
# symmetric, cannot learn
nn.init.zeros_(m.weight)
# too small for 10 layers
nn.init.normal_(m.weight, std=0.01)
# Xavier with tanh's gain 5/3
gain = nn.init.calculate_gain('tanh')
nn.init.xavier_uniform_(m.weight, gain=gain)
# He, for ReLU
nn.init.kaiming_normal_(m.weight, nonlinearity='relu')

nn.init.zeros_(m.bias)`),
          js: commented(String.raw`const m = nn.Linear(256, 256);
// pick one: each call overwrites m.weight
// symmetric, cannot learn
init.zeros_(m.weight);
// too small for 10 layers
init.normal_(m.weight, { std: 0.01 });
// Xavier with tanh's gain 5/3
const gain = init.calculateGain('tanh');
init.xavierUniform_(m.weight, gain);
// He, for ReLU
init.kaimingNormal_(m.weight, { nonlinearity: 'relu' });

init.zeros_(m.bias);

// or one choice for every Linear layer of a spec
// ('kaiming_normal' alone uses ReLU's gain √2)
const model = lw.Model.fromSpec({
  input: [256],
  layers: [
    { type: 'linear', out: 256 }, { type: 'relu' },
    { type: 'linear', out: 10 },
  ],
  init: { weight: 'kaiming_normal', bias: 'zeros' },
});`),
        } },
        { note: {
          en: 'Initialisation is not the only guard. Normalisation layers and residual connections, which later architectures added, keep the scale in check during training too; a good start is still what lets the first steps work.',
          ko: '신호의 크기를 지키는 장치가 초기화만 있는 것은 아닙니다. 나중에 나온 구조들이 도입한 정규화 층과 잔차 연결도 학습 중에 크기를 조절합니다. 그래도 처음 몇 스텝이 제대로 돌아가게 해 주는 것은 좋은 출발점입니다.',
        } },
      ],
    },
  ],
};
