// Lesson 4: weight initialisation. The usual recipe (model.apply or a modules() loop, the same
// thing) and PyTorch's own default; zeros (symmetry), too small (vanishing), too large
// (saturation, exploding), Xavier and He, seen through the outputs and gradients of a 10-layer
// network; the Xavier bound derived from keeping the variance constant, and the gain that
// PyTorch only uses when it is given; then Xavier, He and the default on lesson 2's
// 784-256-128-64-10 ReLU network with Fashion-MNIST, side by side.
import { playground, onEpoch } from '../widgets/playground.js';
import { initDepth } from '../widgets/init-depth.js';
import { WINDOW, initFashion } from '../widgets/init-fashion.js';
import { bi } from './bilingual.js';

// A depth widget's result, checked on every new pass the reader asks for (the preset's fails).
const watchDepth = (id, test) => (ctx, done) => ctx.widget(id).onChange((r) => { if (r && test(r)) done(); });

export default {
  lead: {
    en: 'Before the first step of training, every weight needs a value. This lesson shows why "all zeros" cannot learn, why numbers that are a little too small or too large ruin a deep network, and how Xavier and He pick the scale that keeps the signal alive through every layer. Last, the three usual starts train side by side on real pictures.',
    ko: '학습을 시작하기 전에 모든 가중치에는 초깃값이 있어야 합니다. 이 레슨에서는 가중치를 모두 0으로 두면 왜 학습이 안 되는지, 값이 조금만 작거나 커도 깊은 네트워크가 왜 망가지는지, 그리고 Xavier와 He 초기화가 신호가 모든 층을 무사히 지나가도록 값의 크기를 어떻게 정하는지 살펴봅니다. 마지막으로 흔히 쓰는 세 가지 초기화로 실제 그림을 나란히 학습시켜 봅니다.',
  },
  sections: [
    {
      id: 'start',
      title: { en: 'Where training starts', ko: '학습의 출발점' },
      blocks: [
        { p: {
          en: 'Training only ever nudges weights: each step moves them a little downhill from wherever they are. So the starting values decide which paths are open at all. A common recipe goes through the model once, before training, and fills every linear layer the same way: **Xavier uniform** for the weights and **zeros** for the biases. It is written as a function of one module, and there are two ways to run it on every module, which do the same thing: `model.apply(weight_init)` calls it on each submodule and then on the model itself, and a loop over `model.modules()` hands the same modules to it one by one. Both are below; from the same seed they give the same weights.',
          ko: '학습은 가중치를 조금씩 움직일 뿐입니다. 매 스텝은 지금 있는 자리에서 손실이 줄어드는 쪽으로 가중치를 살짝 옮깁니다. 그래서 어떤 길이 열려 있는지는 출발점이 정합니다. 흔히 쓰는 방법은 학습 전에 모델을 한 번 훑으면서 모든 선형 층을 같은 방식으로 채우는 것입니다. 가중치는 **Xavier 균등분포**로, 편향은 **0**으로 둡니다. 이 작업은 모듈 하나를 받는 함수로 쓰고, 모든 모듈에 적용하는 방법은 두 가지인데 결과는 같습니다. `model.apply(weight_init)`는 하위 모듈마다 함수를 호출하고 마지막으로 모델 자신에게도 호출합니다. `model.modules()`를 도는 반복문은 같은 모듈들을 하나씩 함수에 넘깁니다. 아래 코드에 둘 다 있으며, 시드가 같으면 두 방법은 똑같은 가중치를 만듭니다.',
        } },
        { code: {
          torch: bi`import torch
import torch.nn as nn

model = nn.Sequential(
    nn.Linear(784, 256), nn.ReLU(),
    nn.Linear(256, 128), nn.ReLU(),
    nn.Linear(128, 64), nn.ReLU(),
    nn.Linear(64, 10),
)

def weight_init(m):
    if isinstance(m, nn.Linear):
        nn.init.xavier_uniform_(m.weight)
        nn.init.zeros_(m.bias)

# ${['one way: apply calls weight_init on every module', '첫 번째 방법: apply가 모든 모듈에 weight_init을 호출한다']}
torch.manual_seed(0)
model.apply(weight_init)
first = model[0].weight.clone()

# ${['the other way: a loop over the same modules', '두 번째 방법: 같은 모듈들을 반복문으로 돈다']}
torch.manual_seed(0)
for m in model.modules():
    weight_init(m)
print(torch.equal(model[0].weight, first))  # True`,
          js: bi`import { loadLayerwise } from 'layerwise';
const lw = await loadLayerwise();
const { nn, init } = lw;

const net = nn.Sequential(
  nn.Linear(784, 256), nn.ReLU(),
  nn.Linear(256, 128), nn.ReLU(),
  nn.Linear(128, 64), nn.ReLU(),
  nn.Linear(64, 10),
);

function weightInit(m) {
  if (m instanceof nn.Linear) {
    init.xavierUniform_(m.weight);
    init.zeros_(m.bias);
  }
}

// ${['one way: apply calls weightInit on every module', '첫 번째 방법: apply가 모든 모듈에 weightInit을 호출한다']}
net.apply(weightInit);
// ${['the other way: a loop over the same modules', '두 번째 방법: 같은 모듈들을 반복문으로 돈다']}
for (const m of net.modules()) weightInit(m);

// ${['the engine draws the numbers from the seed when it builds the model', '실제 값은 엔진이 모델을 만들 때 시드에서 뽑는다']}
const model = lw.Model.fromSpec(net, { seed: 0 });
console.log(model.numParams); // 242762`,
        } },
        { p: {
          en: 'Two things the recipe leaves unsaid. First, Xavier was derived for activations that act like the identity near 0, such as tanh; this network uses ReLU, and the sections below show why ReLU wants **He** initialisation instead. Second, without any init code PyTorch does not leave the weights empty: every `nn.Linear` fills itself when it is made, with `kaiming_uniform_(weight, a=√5)`. That works out to $U(-1/\\sqrt{n_{in}},\\ 1/\\sqrt{n_{in}})$, and the bias is drawn from the same range. For the first layer, $n_{in} = 784$ and the bound is $1/28 \\approx 0.036$. A Layerwise spec that names no initialiser gets the same rule (`default`).',
          ko: '이 방법이 말해 주지 않는 것이 두 가지 있습니다. 첫째, Xavier 초기화는 tanh처럼 0 근처에서 항등 함수와 비슷하게 움직이는 활성화 함수를 가정하고 유도한 것입니다. 이 네트워크는 ReLU를 쓰는데, ReLU에는 왜 **He 초기화**가 맞는지 아래 절들에서 살펴봅니다. 둘째, 초기화 코드를 한 줄도 쓰지 않아도 PyTorch는 가중치를 비워 두지 않습니다. `nn.Linear`는 만들어지는 순간 `kaiming_uniform_(weight, a=√5)`로 스스로를 채웁니다. 계산해 보면 $U(-1/\\sqrt{n_{in}},\\ 1/\\sqrt{n_{in}})$이고, 편향도 같은 범위에서 뽑습니다. 첫 층은 $n_{in} = 784$이므로 경계는 $1/28 \\approx 0.036$입니다. Layerwise 스펙에서 초기화를 지정하지 않으면 같은 규칙(`default`)이 적용됩니다.',
        } },
        { code: {
          torch: bi`import torch.nn as nn

# ${["no init code: PyTorch's default, for weights and biases", '초기화 코드 없음: 가중치와 편향 모두 PyTorch 기본값']}
layer = nn.Linear(784, 256)
bound = 1 / 784 ** 0.5
print(bound)  # 0.03571428571428571
print(layer.weight.abs().max().item() <= bound)  # True
print(layer.bias.abs().max().item() <= bound)  # True`,
          js: bi`// ${["no initialiser named: PyTorch's default, for weights and biases", '초기화를 지정하지 않음: 가중치와 편향 모두 PyTorch 기본값']}
const plain = lw.Model.fromSpec({ input: [784], layers: [{ type: 'linear', out: 256 }], seed: 0 });
const bound = 1 / Math.sqrt(784);
console.log(bound); // 0.03571428571428571
for (const p of plain.parameters()) {
  const largest = p.data.reduce((a, v) => Math.max(a, Math.abs(v)), 0);
  console.log(p.name, largest <= bound); // ${['0.weight true, then 0.bias true', '0.weight true, 다음에 0.bias true']}
}`,
        } },
        { p: {
          en: 'Why these recipes and not something simpler? The rest of the lesson tries the simpler things first and watches them fail.',
          ko: '왜 더 간단한 방법이 아니라 이런 방법을 쓸까요? 이 레슨의 나머지 부분에서는 간단한 방법부터 시도해 보고 그 방법들이 실패하는 모습을 지켜봅니다.',
        } },
      ],
    },
    {
      id: 'zeros',
      title: { en: 'All zeros: every neuron the same', ko: '전부 0: 모든 뉴런이 똑같아진다' },
      blocks: [
        { p: {
          en: 'Zero looks like a neutral start. But if every weight of a layer starts equal, every neuron in it computes the same function of the same inputs, receives the same gradient, and takes the same step. They stay copies of each other forever: a layer of 4 neurons is worth one. This is the **symmetry** problem, and only randomness in the starting values breaks it.',
          ko: '0은 어느 쪽으로도 치우치지 않은 무난한 출발점처럼 보입니다. 하지만 한 층의 가중치가 모두 같은 값에서 출발하면, 그 층의 뉴런들은 같은 입력으로 같은 값을 계산하고, 같은 기울기를 받아, 똑같이 갱신됩니다. 끝까지 서로의 복사본으로 남으니 뉴런 4개짜리 층이 뉴런 1개만큼의 일밖에 하지 못합니다. 이것이 **대칭성** 문제이고, 이 대칭을 깨려면 초깃값을 무작위로 뽑아야 합니다.',
        } },
        { p: {
          en: 'Zeros are worse still. With tanh or ReLU a neuron with zero weights outputs 0, and the gradient that reaches a hidden weight is multiplied by the (zero) weights after it, so it is exactly 0 too. Only the output bias moves. Press play below: the loss sits at $\\ln 2 \\approx 0.693$, the network diagram shows every hidden neuron as the same blank picture, and the test accuracy stays near a coin toss.',
          ko: '그런데 0은 이보다도 나쁩니다. tanh나 ReLU에서는 가중치가 0인 뉴런이 0을 출력하고, 은닉층 가중치의 기울기에는 그 뒤 층의 가중치(역시 0)가 곱해지므로 기울기도 정확히 0이 됩니다. 움직이는 것은 출력층의 편향뿐입니다. 아래에서 재생 버튼을 눌러 보세요. 손실은 $\\ln 2 \\approx 0.693$에서 꿈쩍하지 않고, 네트워크 그림 속 은닉 뉴런은 모두 똑같이 텅 빈 그림이며, 테스트 정확도는 동전 던지기 수준에 머뭅니다.',
        } },
        { widget: 'zeros', make: playground({ dataset: 'circle', layers: '4,4', activation: 'tanh', init: 'zeros', lr: 0.1, hide: 'code,histograms,data,features' }),
          caption: { en: 'Circle data, two hidden layers of 4 tanh neurons, every weight and bias starting at 0.', ko: '원형 데이터, tanh 뉴런 4개짜리 은닉층 두 개, 모든 가중치와 편향이 0에서 출발합니다.' } },
        { task: 'symmetry',
          text: { en: 'Break the symmetry: keep the hidden layers, pick an initialisation with randomness in it, and train until the test accuracy reaches 95%.', ko: '대칭을 깨 보세요. 은닉층은 그대로 두고 값을 무작위로 뽑는 초기화를 골라, 테스트 정확도가 95%에 이를 때까지 학습시키세요.' },
          hint: { en: 'The initialisation menu is in the network panel. Xavier or Kaiming works; a new choice builds fresh weights, then press play.', ko: '초기화 메뉴는 네트워크 패널에 있습니다. Xavier나 Kaiming이면 충분합니다. 새로 고르면 가중치를 새로 뽑으니, 그다음 재생 버튼을 누르세요.' },
          success: { en: 'Random starting values make each neuron different, so each one can specialise on a different part of the circle.', ko: '초깃값이 무작위라 뉴런마다 출발점이 달라졌고, 덕분에 각 뉴런이 원의 서로 다른 부분을 맡게 됩니다.' },
          check: (ctx, done) => onEpoch(ctx.widget('zeros').element, (d, state) => {
            if (state.init !== 'zeros' && state.layers.length >= 2 && d.testAccuracy >= 0.95) done();
          }) },
      ],
    },
    {
      id: 'depth',
      title: { en: 'Too small, too large: ten layers deep', ko: '너무 작아도, 너무 커도 문제: 10층 네트워크' },
      blocks: [
        { p: {
          en: 'Random is necessary, but the **scale** of the random numbers matters just as much. Each layer multiplies its input by a weight matrix. If that multiplication shrinks the signal a little, ten layers shrink it ten times over; if it grows a little, ten layers blow it up. The same happens backwards: the gradient that reaches layer 1 has passed through every weight matrix above it.',
          ko: '무작위로 뽑는 것은 꼭 필요하지만, 뽑는 값의 **크기**도 그만큼 중요합니다. 각 층은 입력에 가중치 행렬을 곱합니다. 이 곱셈이 신호를 조금씩 줄이면 10층을 지나는 동안 열 번 거듭 줄어들고, 조금씩 키우면 10층을 지나며 폭발합니다. 역전파도 마찬가지입니다. 1층에 도착하는 기울기는 그 위의 모든 가중치 행렬을 거쳐 온 값입니다.',
        } },
        { p: {
          en: 'The widget sends one batch of 256 random inputs through 10 hidden layers of 256 units and back, with no update, and shows each layer\'s outputs $h_l$ and gradients $\\partial L/\\partial h_l$: a histogram per layer (all layers of a row on the same x range) and their standard deviations on a log scale. Try the six initialisations with both activations.',
          ko: '아래 위젯은 무작위 입력 256개로 된 배치 하나를 유닛 256개짜리 은닉층 10개에 순전파하고 다시 역전파한 뒤(가중치는 바꾸지 않습니다), 층마다 출력 $h_l$과 기울기 $\\partial L/\\partial h_l$을 보여 줍니다. 층마다 히스토그램이 하나씩 있고(같은 줄의 히스토그램은 모두 같은 x 범위를 씁니다), 아래 그래프는 표준편차를 로그 눈금으로 그립니다. 여섯 가지 초기화를 두 활성화 함수와 각각 조합해 보세요.',
        } },
        { widget: 'depth', make: initDepth({ activation: 'tanh', init: 'xavier' }),
          caption: { en: 'One forward and one backward pass through 10 hidden layers of 256 units (lr 0: the weights do not change). Histograms: blue the outputs, orange the gradients.', ko: '유닛 256개짜리 은닉층 10개에 순전파와 역전파를 한 번씩 합니다(학습률이 0이라 가중치는 바뀌지 않습니다). 히스토그램의 파란색은 출력, 주황색은 기울기입니다.' } },
        { list: [
          { en: '**std 0.01, too small:** each layer multiplies the standard deviation by about $\\sqrt{256}\\cdot 0.01 = 0.16$. The outputs collapse onto 0 within a few layers, and the gradient reaching layer 1 is more than ten million times smaller than at layer 10: the early layers get no signal to learn from. This is the **vanishing gradient**.', ko: '**표준편차 0.01, 너무 작음:** 층을 하나 지날 때마다 표준편차가 약 $\\sqrt{256}\\cdot 0.01 = 0.16$배가 됩니다. 몇 층 만에 출력이 0 근처로 몰리고, 1층에 도착하는 기울기는 10층보다 천만 배 넘게 작아집니다. 앞쪽 층은 학습에 쓸 신호를 거의 받지 못합니다. 이것이 **기울기 소실**입니다.' },
          { en: '**std 1, too large:** with ReLU nothing bounds the outputs: they grow about 11× per layer, and the gradients grow the same way on their way back, until layer 1 gets billions of times more than layer 10. This is the **exploding gradient**. With tanh the outputs cannot grow, but nearly 9 units in 10 sit in the flat part of the curve (saturated, $|h| > 0.99$), where a unit\'s slope is nearly 0 and it barely learns; the huge weights still blow the gradient up more than 10,000× on its way back.', ko: '**표준편차 1, 너무 큼:** ReLU는 출력에 상한이 없어서 층마다 약 11배씩 커지고, 역전파되는 기울기도 같은 식으로 커져 1층의 기울기는 10층의 수십억 배가 됩니다. 이것이 **기울기 폭주**입니다. tanh에서는 출력이 ±1을 넘지 못하는 대신, 유닛 10개 중 9개 가까이가 곡선의 평평한 부분($|h| > 0.99$)에 머무는 포화 상태가 됩니다. 여기서는 기울기가 거의 0이라 유닛이 거의 배우지 못하는데, 역전파되는 기울기는 큰 가중치 때문에 여전히 1만 배 넘게 커집니다.' },
          { en: '**Xavier for tanh, He for ReLU:** the spread stays within a small factor from layer 1 to layer 10, forwards and backwards. Paired with the other activation, each drifts: the next sections derive why.', ko: '**tanh에는 Xavier, ReLU에는 He:** 1층부터 10층까지 순전파에서도 역전파에서도 표준편차가 크게 변하지 않습니다. 짝이 맞지 않는 활성화 함수와 함께 쓰면 층마다 조금씩 줄거나 커지는데, 그 이유는 다음 절에서 유도합니다.' },
        ] },
        { task: 'vanish',
          text: { en: 'Make the gradients vanish: find a setting where the gradient that reaches layer 1 is more than 1,000 times smaller than the one at layer 10 (and not exactly 0).', ko: '기울기 소실을 일으켜 보세요. 1층에 도착하는 기울기가 10층의 기울기보다 1,000배 넘게 작아지는 설정을 찾으세요(정확히 0인 경우는 빼고).' },
          hint: { en: 'Look for the initialisation that makes every layer shrink its input.', ko: '층마다 신호를 줄이는 초기화를 찾아보세요.' },
          success: { en: 'Layer 1 now learns thousands of times more slowly than layer 10; in practice the early layers stay where they started.', ko: '이제 1층은 10층보다 수천 배 느리게 배웁니다. 실제 학습에서는 앞쪽 층이 출발점에서 거의 움직이지 않게 됩니다.' },
          check: watchDepth('depth', (r) => r.gradStd[0] > 0 && r.gradStd[0] < 1e-3 * r.gradStd[r.gradStd.length - 1]) },
      ],
    },
    {
      id: 'xavier',
      title: { en: 'Keeping the variance constant: Xavier', ko: '분산을 일정하게: Xavier 초기화' },
      blocks: [
        { p: {
          en: 'Take one linear unit $y = \\sum_{i=1}^{n_{in}} w_i x_i$ with weights and inputs independent, zero-mean, each $w_i$ with variance $\\mathrm{Var}(w)$ and each $x_i$ with $\\mathrm{Var}(x)$. The variance of a product of independent zero-mean variables is the product of their variances, and variances of independent terms add:',
          ko: '선형 유닛 하나 $y = \\sum_{i=1}^{n_{in}} w_i x_i$를 생각해 봅시다. 가중치와 입력은 서로 독립이고 평균이 0이며, 각 $w_i$의 분산은 $\\mathrm{Var}(w)$, 각 $x_i$의 분산은 $\\mathrm{Var}(x)$입니다. 평균이 0인 독립 변수끼리 곱하면 분산도 곱해지고, 독립인 항을 더하면 분산도 더해집니다.',
        } },
        { math: String.raw`\mathrm{Var}(y) = n_{in}\,\mathrm{Var}(w)\,\mathrm{Var}(x)` },
        { p: {
          en: 'For the spread to pass through the layer unchanged, $\\mathrm{Var}(y) = \\mathrm{Var}(x)$, we need $\\mathrm{Var}(w) = 1/n_{in}$. The backward pass runs the same argument through the transposed matrix, where each gradient is a sum over the $n_{out}$ units above, and asks for $\\mathrm{Var}(w) = 1/n_{out}$. Glorot and Bengio (2010) took the compromise between the two:',
          ko: '층을 지나도 분산이 그대로이려면, 즉 $\\mathrm{Var}(y) = \\mathrm{Var}(x)$이려면 $\\mathrm{Var}(w) = 1/n_{in}$이어야 합니다. 역전파에도 같은 논리를 전치 행렬에 적용할 수 있는데, 이때 각 기울기는 위층 유닛 $n_{out}$개에 걸친 합이므로 $\\mathrm{Var}(w) = 1/n_{out}$이 필요합니다. Glorot과 Bengio(2010)는 두 조건을 절충했습니다.',
        } },
        { math: String.raw`\mathrm{Var}(w) = \frac{2}{n_{in} + n_{out}}` },
        { p: {
          en: 'A uniform distribution $U(-a, a)$ has variance $a^2/3$. Setting $a^2/3 = 2/(n_{in}+n_{out})$ gives the Xavier uniform bound. PyTorch\'s `xavier_uniform_` also multiplies the bound by a **gain**, but it does not look at your network to choose one: the gain is 1 unless you pass it, as in `xavier_uniform_(w, gain=nn.init.calculate_gain(\'tanh\'))`. `calculate_gain` gives the usual value for each activation: 1 for none or sigmoid, $5/3$ for tanh, $\\sqrt 2$ for ReLU.',
          ko: '균등분포 $U(-a, a)$의 분산은 $a^2/3$입니다. $a^2/3 = 2/(n_{in}+n_{out})$으로 두면 Xavier 균등분포의 경계가 나옵니다. PyTorch의 `xavier_uniform_`은 이 경계에 **이득(gain)**을 곱하는데, 네트워크를 보고 이득을 알아서 고르지는 않습니다. 직접 넘기지 않으면 이득은 1이고, 활성화 함수에 맞추려면 `xavier_uniform_(w, gain=nn.init.calculate_gain(\'tanh\'))`처럼 넘겨야 합니다. `calculate_gain`은 활성화 함수마다 흔히 쓰는 값을 돌려줍니다. 활성화 함수가 없거나 시그모이드면 1, tanh면 $5/3$, ReLU면 $\\sqrt 2$입니다.',
        } },
        { math: String.raw`w \sim U(-a,\, a), \qquad a = \text{gain}\cdot\sqrt{\frac{6}{n_{in} + n_{out}}}` },
        { p: {
          en: 'For the widget\'s layers, $n_{in} = n_{out} = 256$, so with gain 1, $a = \\sqrt{6/512} \\approx 0.108$ and the weights\' standard deviation is $1/\\sqrt{256} = 0.0625$. The derivation treats the activation as the identity. tanh is close to the identity near 0 but flattens further out, so with gain 1 the outputs still drift down slowly (the widget shows the last layer at about a third of the first); the gain $5/3$ makes up for the flattening and keeps the outputs level.',
          ko: '위젯의 층은 $n_{in} = n_{out} = 256$이므로 이득이 1이면 $a = \\sqrt{6/512} \\approx 0.108$이고, 가중치의 표준편차는 $1/\\sqrt{256} = 0.0625$입니다. 이 유도는 활성화 함수를 항등 함수로 취급합니다. tanh는 0 근처에서는 항등 함수와 비슷하지만 0에서 멀어질수록 평평해지므로, 이득이 1이면 출력이 여전히 조금씩 줄어듭니다(위젯에서 마지막 층의 표준편차는 첫 층의 3분의 1 정도입니다). 이득 $5/3$은 평평해지면서 줄어드는 만큼을 메워 층마다 출력 크기를 고르게 유지합니다.',
        } },
      ],
    },
    {
      id: 'he',
      title: { en: 'ReLU halves the variance: He', ko: 'ReLU는 분산을 절반으로: He 초기화' },
      blocks: [
        { p: {
          en: 'ReLU sets every negative input to 0. For a zero-mean symmetric input, half the values go, and the mean square of the output is half the variance of the input: $\\mathbb{E}[\\mathrm{relu}(y)^2] = \\tfrac12 \\mathrm{Var}(y)$. Xavier, built for a function that keeps everything, loses about half the variance at every layer: after 10 layers, roughly a factor $2^{-5}$ in standard deviation. He et al. (2015) doubled the variance to compensate:',
          ko: 'ReLU는 음수 입력을 모두 0으로 만듭니다. 평균이 0이고 대칭인 입력이라면 절반이 0이 되어, 출력의 제곱 평균은 입력 분산의 절반이 됩니다: $\\mathbb{E}[\\mathrm{relu}(y)^2] = \\tfrac12 \\mathrm{Var}(y)$. 모든 값을 그대로 통과시키는 함수를 가정한 Xavier는 층마다 분산의 절반쯤을 잃어, 10층을 지나면 표준편차가 대략 $2^{-5}$배로 줄어듭니다. He 등(2015)은 이를 메우려고 분산을 두 배로 키웠습니다.',
        } },
        { math: String.raw`\mathrm{Var}(w) = \frac{2}{n_{in}}, \qquad w \sim \mathcal{N}\!\left(0,\ \frac{2}{n_{in}}\right)` },
        { widget: 'depth-relu', make: initDepth({ activation: 'relu', init: 'xavier' }),
          caption: { en: 'The same 10 layers of 256 units, this time with ReLU and Xavier uniform: the spread shrinks at every layer.', ko: '같은 은닉층 10개(유닛 256개)에 이번에는 ReLU와 Xavier 균등분포를 썼습니다. 층을 지날 때마다 표준편차가 줄어듭니다.' } },
        { task: 'relu-steady',
          text: { en: 'Keep ReLU and find an initialisation for which the output std of layer 10 is within a factor of 2 of layer 1 (between half and double).', ko: 'ReLU는 그대로 두고, 10층 출력의 표준편차가 1층의 절반에서 두 배 사이에 들어오는 초기화를 찾으세요.' },
          hint: { en: 'Xavier loses a factor of about √2 in std per ReLU layer. Which initialisation doubles the variance?', ko: 'Xavier에서는 ReLU 층을 하나 지날 때마다 표준편차가 약 √2배씩 줄어듭니다. 분산을 두 배로 키우는 초기화는 무엇일까요?' },
          success: { en: 'With He initialisation the signal reaches layer 10 at about the size it left layer 1, and so does the gradient on its way back.', ko: 'He 초기화에서는 신호가 1층을 떠날 때와 비슷한 크기로 10층에 도착하고, 되돌아오는 기울기도 마찬가지입니다.' },
          check: watchDepth('depth-relu', (r) => {
            const ratio = r.actStd[r.actStd.length - 1] / r.actStd[0];
            return r.activation === 'relu' && r.actStd[0] > 0 && ratio >= 0.5 && ratio <= 2;
          }) },
        { p: {
          en: 'In PyTorch, He initialisation is `kaiming_normal_` with `nonlinearity=\'relu\'` (gain $\\sqrt 2$, standard deviation $\\sqrt2/\\sqrt{n_{in}}$). Each initialiser of this lesson is one call per weight, or one choice for the whole model in a Layerwise spec:',
          ko: 'PyTorch에서 He 초기화는 `kaiming_normal_`에 `nonlinearity=\'relu\'`를 넘겨 호출합니다(이득 $\\sqrt 2$, 표준편차 $\\sqrt2/\\sqrt{n_{in}}$). 이 레슨에 나온 초기화는 모두 가중치마다 함수를 한 번 호출하면 되고, Layerwise 스펙에서는 모델 전체에 한꺼번에 지정할 수도 있습니다.',
        } },
        { code: {
          torch: bi`import torch.nn as nn

m = nn.Linear(256, 256)
# ${['pick one: each call overwrites m.weight', '하나만 고른다. 호출할 때마다 m.weight를 덮어쓴다']}
# ${['symmetric, cannot learn', '대칭이라 학습이 안 된다']}
nn.init.zeros_(m.weight)
# ${['too small for 10 layers', '10층에는 너무 작다']}
nn.init.normal_(m.weight, std=0.01)
# ${["Xavier with tanh's gain 5/3 (without gain=, the gain is 1)", 'tanh의 이득 5/3을 곱한 Xavier (gain=을 빼면 이득은 1)']}
gain = nn.init.calculate_gain('tanh')
nn.init.xavier_uniform_(m.weight, gain=gain)
# ${['He, for ReLU', 'ReLU에 맞춘 He']}
nn.init.kaiming_normal_(m.weight, nonlinearity='relu')

nn.init.zeros_(m.bias)`,
          js: bi`const m = nn.Linear(256, 256);
// ${['pick one: each call overwrites m.weight', '하나만 고른다. 호출할 때마다 m.weight를 덮어쓴다']}
// ${['symmetric, cannot learn', '대칭이라 학습이 안 된다']}
init.zeros_(m.weight);
// ${['too small for 10 layers', '10층에는 너무 작다']}
init.normal_(m.weight, { std: 0.01 });
// ${["Xavier with tanh's gain 5/3 (without a gain, the gain is 1)", 'tanh의 이득 5/3을 곱한 Xavier (이득을 넘기지 않으면 1)']}
const gain = init.calculateGain('tanh');
init.xavierUniform_(m.weight, gain);
// ${['He, for ReLU', 'ReLU에 맞춘 He']}
init.kaimingNormal_(m.weight, { nonlinearity: 'relu' });

init.zeros_(m.bias);

// ${['or one choice for every Linear layer of a spec', '또는 스펙의 모든 Linear 층에 한 번에 지정한다']}
// ${["('kaiming_normal' alone uses ReLU's gain √2)", "('kaiming_normal'만 써도 ReLU의 이득 √2를 쓴다)"]}
const heModel = lw.Model.fromSpec({
  input: [256],
  layers: [
    { type: 'linear', out: 256 }, { type: 'relu' },
    { type: 'linear', out: 10 },
  ],
  init: { weight: 'kaiming_normal', bias: 'zeros' },
});`,
        } },
        { note: {
          en: 'Initialisation is not the only guard. Normalisation layers (batch normalisation, for one) and residual connections, which later architectures added, keep the scale in check during training too; a good start is still what lets the first steps work.',
          ko: '신호의 크기를 지켜 주는 것이 초기화만은 아닙니다. 나중에 등장한 구조들이 도입한 배치 정규화 같은 정규화 층과 잔차 연결도 학습 내내 크기를 잡아 줍니다. 그래도 처음 몇 스텝이 제대로 굴러가게 해 주는 것은 좋은 출발점입니다.',
        } },
      ],
    },
    {
      id: 'pictures',
      title: { en: 'Three starts on real pictures', ko: '실제 그림으로 비교하는 세 가지 초기화' },
      blocks: [
        { p: {
          en: 'Back to the network of the first code block, 784-256-128-64-10 with ReLU, now on real pictures: Fashion-MNIST\'s photos of clothes, 10,000 to train on and 2,000 to test. The widget builds it three times, from the common recipe (Xavier uniform), from He, and from PyTorch\'s default. The three share the seed, the mini-batches of 64 and their order, and the optimiser: the start is the only difference. The table shows how spread out each layer\'s outputs are before the first step; the plot shows the training loss of each as it learns.',
          ko: '첫 번째 코드의 네트워크(784-256-128-64-10, ReLU)로 돌아가, 이번에는 실제 그림인 Fashion-MNIST의 옷 사진으로 학습해 봅니다. 훈련용 10,000장, 테스트용 2,000장입니다. 위젯은 같은 네트워크를 세 번 만드는데, 흔히 쓰는 방법(Xavier 균등분포), He 초기화, PyTorch 기본값에서 한 번씩 출발합니다. 시드, 64장짜리 미니배치와 그 순서, 옵티마이저가 모두 같으니 다른 것은 출발점뿐입니다. 표는 첫 스텝 전에 층마다 출력이 얼마나 퍼져 있는지를, 그래프는 학습하는 동안 각 네트워크의 훈련 손실을 보여 줍니다.',
        } },
        { widget: 'fashion', make: initFashion({ optimizer: 'sgd', epochs: 1 }),
          caption: { en: `One network, one data order, three starts. The loss drawn is the mean over the last ${WINDOW} batches; the grey dashed line is the loss of a uniform guess over 10 classes, ln 10 ≈ 2.30.`, ko: `네트워크와 데이터 순서는 같고 출발점만 셋입니다. 그래프의 손실은 최근 배치 ${WINDOW}개의 평균이고, 회색 점선은 10개 클래스를 고르게 찍을 때의 손실 ln 10 ≈ 2.30입니다.` } },
        { list: [
          { en: '**At the start:** with He, the three hidden layers come out about equally spread (std near 0.4). Xavier shrinks a little at each layer. The default starts at about a third of He\'s spread and is down to a tenth of it by layer 3: its weights\' variance, $1/(3 n_{in})$, is a sixth of He\'s $2/n_{in}$, so each layer multiplies the signal by about $1/\\sqrt 6 \\approx 0.4$ (its biases, drawn from the same small range, add a little back). Its outputs start close to 0, and its loss close to $\\ln 10$.', ko: '**학습 전:** He에서는 세 은닉층의 출력이 비슷하게 퍼져 있습니다(표준편차 0.4 안팎). Xavier는 층마다 조금씩 줄어듭니다. 기본값은 He의 3분의 1 정도에서 출발해 3층에서는 10분의 1까지 줄어듭니다. 가중치의 분산 $1/(3 n_{in})$이 He의 $2/n_{in}$의 6분의 1이라 층을 지날 때마다 신호가 약 $1/\\sqrt 6 \\approx 0.4$배가 되기 때문입니다(같은 좁은 범위에서 뽑은 편향이 조금 보태 주기는 합니다). 그래서 출력은 0 가까이에서, 손실은 $\\ln 10$ 가까이에서 출발합니다.' },
          { en: '**Plain SGD, one epoch:** Xavier and He both learn, He a little faster; with only three hidden layers, what Xavier loses per layer costs little. The default barely leaves $\\ln 10$: its gradients are as small as its outputs, and plain SGD turns small gradients into small steps. Three epochs do not rescue it either.', ko: '**기본 SGD, 1에포크:** Xavier와 He는 둘 다 학습되고, He가 조금 더 빠릅니다. 은닉층이 셋뿐이라 Xavier가 층마다 잃는 양은 크게 문제되지 않습니다. 기본값은 $\\ln 10$ 근처를 거의 벗어나지 못합니다. 출력만큼 기울기도 작은데, 기본 SGD는 작은 기울기를 그대로 작은 스텝으로 옮기기 때문입니다. 3에포크를 돌려도 마찬가지입니다.' },
        ] },
        { task: 'rescue',
          text: { en: 'Rescue the default start: without changing any initialiser, find a setting under which the PyTorch default network\'s training loss falls below 1.0.', ko: '기본값 출발을 살려 보세요. 초기화는 그대로 두고, PyTorch 기본값 네트워크의 훈련 손실이 1.0 아래로 내려가는 설정을 찾으세요.' },
          hint: { en: 'The initialiser is not the only thing that sets the size of a step. Which optimiser adapts each step to the size of its own gradients?', ko: '스텝의 크기를 정하는 것이 초기화만은 아닙니다. 기울기의 크기에 맞춰 스텝을 스스로 조절하는 옵티마이저는 무엇일까요?' },
          success: { en: 'Adam divides each parameter\'s step by the size of its recent gradients, so a start whose gradients are small still takes steps of a useful size. With plain SGD, the start has to be right.', ko: 'Adam은 파라미터마다 최근 기울기의 크기로 스텝을 나누므로, 기울기가 작은 출발점에서도 쓸 만한 크기로 움직입니다. 기본 SGD에서는 출발점부터 맞아야 합니다.' },
          check: (ctx, done) => ctx.widget('fashion').onChange((r) => {
            const curve = r.loss.default;
            if (curve.length >= WINDOW && curve[curve.length - 1] < 1) done();
          }) },
        { p: {
          en: 'What to take from it: on a network this shallow, Xavier and He are both good starts and the choice between them is a detail; what hurts is a scale that is well off, and how much it hurts depends on the optimiser. PyTorch\'s default is such a small start. It does well with Adam, which most code uses, but for a ReLU network trained with plain SGD, ask for He. Depth is what turns these details into the difference between learning and not learning at all: ten layers multiply every small factor ten times, as the 10-layer widget earlier in the lesson showed.',
          ko: '정리하면 이렇습니다. 이 정도로 얕은 네트워크에서는 Xavier와 He 모두 좋은 출발점이고, 둘 중 무엇을 고르느냐는 사소한 차이입니다. 문제는 크기가 크게 어긋난 출발점이고, 그 피해가 얼마나 큰지는 옵티마이저에 달려 있습니다. PyTorch 기본값이 바로 그렇게 작은 출발점입니다. 흔히 쓰는 Adam과는 잘 맞지만, 기본 SGD로 학습하는 ReLU 네트워크라면 He 초기화를 지정하세요. 이런 사소한 차이를 학습이 되느냐 마느냐의 차이로 키우는 것은 깊이입니다. 앞의 10층 위젯에서 보았듯이 층이 10개면 작은 배율이 열 번 곱해집니다.',
        } },
        { code: {
          torch: bi`import torch
import torch.nn as nn

def seed_net(fill=None):
    torch.manual_seed(1)  # ${['the same seed for the three', '세 네트워크 모두 같은 시드']}
    net = nn.Sequential(
        nn.Linear(784, 256), nn.ReLU(),
        nn.Linear(256, 128), nn.ReLU(),
        nn.Linear(128, 64), nn.ReLU(),
        nn.Linear(64, 10),
    )
    for m in net.modules():
        if fill is not None and isinstance(m, nn.Linear):
            fill(m.weight)
            nn.init.zeros_(m.bias)
    return net

# ${['stand-in pictures: use 500 Fashion-MNIST ones, scaled to [0, 1]', '임시 그림: 실제로는 [0, 1]로 바꾼 Fashion-MNIST 500장을 쓴다']}
x = torch.rand(500, 784)
starts = {
    'xavier': seed_net(nn.init.xavier_uniform_),
    'he': seed_net(lambda w: nn.init.kaiming_normal_(w, nonlinearity='relu')),
    'default': seed_net(),  # ${["no init code: nn.Linear's own", '초기화 코드 없음: nn.Linear 자체의 기본값']}
}
with torch.no_grad():
    for name, net in starts.items():
        h, spread = x, []
        for layer in net:
            h = layer(h)
            if isinstance(layer, nn.ReLU):
                spread.append(round(h.std().item(), 3))
        print(name, spread)`,
          js: bi`function seedNet(fill) {
  const s = nn.Sequential(
    nn.Linear(784, 256), nn.ReLU(),
    nn.Linear(256, 128), nn.ReLU(),
    nn.Linear(128, 64), nn.ReLU(),
    nn.Linear(64, 10),
  );
  for (const m of s.modules()) {
    if (fill && m instanceof nn.Linear) {
      fill(m.weight);
      init.zeros_(m.bias);
    }
  }
  return lw.Model.fromSpec(s, { seed: 1 }); // ${['the same seed for the three', '세 네트워크 모두 같은 시드']}
}

// ${['stand-in pictures: use 500 Fashion-MNIST ones, scaled to [0, 1]', '임시 그림: 실제로는 [0, 1]로 바꾼 Fashion-MNIST 500장을 쓴다']}
const x = Float32Array.from({ length: 500 * 784 }, () => Math.random());
const starts = {
  xavier: seedNet(init.xavierUniform_),
  he: seedNet((w) => init.kaimingNormal_(w, { nonlinearity: 'relu' })),
  default: seedNet(null), // ${["no initialiser: nn.Linear's own", '초기화 없음: nn.Linear 자체의 기본값']}
};
for (const [name, start] of Object.entries(starts)) {
  start.forward(x, 500);
  const spread = start.stats(10).filter((s) => s.type === 'relu').map((s) => s.activations.std.toFixed(3));
  console.log(name, spread.join(' '));
}`,
        } },
      ],
    },
  ],
  recap: [
    { id: 'relu-xavier',
      q: { en: 'A network of 10 ReLU layers, 256 units each, starts from Xavier uniform (gain 1). What happens to the standard deviation of the outputs from layer 1 to layer 10?', ko: 'ReLU 층 10개(층마다 유닛 256개)로 된 네트워크를 Xavier 균등분포(이득 1)로 초기화했습니다. 1층에서 10층으로 가면서 출력의 표준편차는 어떻게 될까요?' },
      choices: [
        { en: 'It stays about the same: Xavier keeps the variance constant.', ko: 'Xavier가 분산을 일정하게 지키므로 거의 그대로다.' },
        { en: 'It shrinks by about √2 per layer, to roughly a twentieth by layer 10.', ko: '층마다 약 √2배씩 줄어 10층에서는 20분의 1 정도가 된다.' },
        { en: 'It grows by about √2 per layer.', ko: '층마다 약 √2배씩 커진다.' },
      ],
      answer: 1,
      why: { en: 'Xavier keeps the variance for an activation that passes everything through. ReLU zeroes half of its inputs, which halves the mean square at every layer: the std falls by √2 each time, $(1/\\sqrt2)^9 \\approx 0.044$ over nine steps. He doubles the variance to undo exactly that.', ko: 'Xavier가 분산을 지키는 것은 모든 값을 그대로 통과시키는 활성화 함수일 때입니다. ReLU는 입력의 절반을 0으로 만들어 층마다 제곱 평균을 절반으로 줄이므로 표준편차가 매번 √2배씩 줄고, 아홉 번 지나면 $(1/\\sqrt2)^9 \\approx 0.044$배가 됩니다. He 초기화는 분산을 두 배로 키워 바로 이만큼을 되돌립니다.' } },
    { id: 'gain',
      q: { en: 'A layer followed by tanh is initialised with `nn.init.xavier_uniform_(m.weight)`. Which gain multiplies the bound?', ko: '뒤에 tanh가 오는 층을 `nn.init.xavier_uniform_(m.weight)`로 초기화했습니다. 경계에 곱해지는 이득은 얼마일까요?' },
      choices: [
        { en: '5/3: PyTorch sees the tanh that follows.', ko: '5/3: PyTorch가 뒤따르는 tanh를 알아본다.' },
        { en: '1: no gain was passed.', ko: '1: 이득을 넘기지 않았다.' },
        { en: '√2, the default for every layer.', ko: '√2: 모든 층의 기본값이다.' },
      ],
      answer: 1,
      why: { en: 'An initialiser only sees the tensor it fills, not the network around it. `xavier_uniform_` uses gain 1 unless it is given one, e.g. `gain=nn.init.calculate_gain(\'tanh\')` for 5/3.', ko: '초기화 함수는 자신이 채우는 텐서만 볼 뿐, 주변 네트워크는 모릅니다. `xavier_uniform_`은 이득을 넘겨받지 않으면 1을 쓰고, 5/3을 쓰려면 `gain=nn.init.calculate_gain(\'tanh\')`처럼 넘겨야 합니다.' } },
    { id: 'default',
      q: { en: 'You write no init code for `nn.Linear(400, 100)`. From what range are its weights drawn?', ko: '`nn.Linear(400, 100)`에 초기화 코드를 쓰지 않았습니다. 가중치는 어느 범위에서 뽑힐까요?' },
      choices: [
        { en: 'None: the weights start at 0 until you initialise them.', ko: '범위 없음: 초기화하기 전까지 가중치는 0이다.' },
        { en: '$U(-0.05,\\ 0.05)$, and the bias from the same range.', ko: '$U(-0.05,\\ 0.05)$ 균등분포이고, 편향도 같은 범위에서 뽑는다.' },
        { en: '$\\mathcal{N}(0,\\ 2/400)$, He for ReLU.', ko: 'ReLU용 He 초기화인 $\\mathcal{N}(0,\\ 2/400)$이다.' },
        { en: '$U(-a, a)$ with $a = \\sqrt{6/500}$, Xavier.', ko: 'Xavier 초기화인 $a = \\sqrt{6/500}$의 $U(-a, a)$이다.' },
      ],
      answer: 1,
      why: { en: '`nn.Linear` initialises itself with `kaiming_uniform_(a=√5)`, whose bound is $1/\\sqrt{n_{in}} = 1/\\sqrt{400} = 0.05$; the bias uses the same bound. Xavier or He happen only if you ask for them.', ko: '`nn.Linear`는 만들어질 때 `kaiming_uniform_(a=√5)`로 스스로를 초기화하고, 그 경계는 $1/\\sqrt{n_{in}} = 1/\\sqrt{400} = 0.05$입니다. 편향도 같은 경계를 씁니다. Xavier나 He 초기화는 직접 지정해야만 적용됩니다.' } },
    { id: 'race',
      q: { en: 'The 784-256-128-64-10 ReLU network trains one epoch with plain SGD, lr 0.01, from three starts. Which one leaves the loss near $\\ln 10 \\approx 2.3$?', ko: '784-256-128-64-10 ReLU 네트워크를 세 가지 출발점에서 기본 SGD(학습률 0.01)로 1에포크 학습합니다. 손실이 $\\ln 10 \\approx 2.3$ 근처에 머무는 것은 어느 것일까요?' },
      choices: [
        { en: 'Xavier uniform, because it was made for tanh.', ko: 'tanh용으로 만든 Xavier 균등분포' },
        { en: 'He, because its outputs start largest.', ko: '출력이 가장 크게 출발하는 He 초기화' },
        { en: 'PyTorch\'s default, because its outputs and gradients start small.', ko: '출력과 기울기가 작게 출발하는 PyTorch 기본값' },
      ],
      answer: 2,
      why: { en: 'The default\'s variance is a sixth of He\'s, so each layer shrinks the signal to about 0.4 of the one before: the logits start near 0 and the gradients are small, and plain SGD takes steps in proportion. Xavier loses a little per layer, but with three hidden layers it still learns. With Adam, which scales each step to its gradients, the default catches up.', ko: '기본값의 분산은 He의 6분의 1이라 층을 지날 때마다 신호가 약 0.4배로 줄어듭니다. 로짓은 0 가까이에서 출발하고 기울기도 작은데, 기본 SGD는 기울기에 비례해서만 움직입니다. Xavier도 층마다 조금씩 잃지만 은닉층이 셋뿐이라 학습은 됩니다. 기울기 크기에 맞춰 스텝을 조절하는 Adam을 쓰면 기본값도 따라잡습니다.' } },
    { id: 'constant',
      q: { en: 'Every weight of a hidden layer starts at 0.1 (not 0). After a long training, what do its neurons look like?', ko: '은닉층의 가중치를 모두 0.1(0이 아님)로 두고 출발했습니다. 오래 학습한 뒤 이 층의 뉴런들은 어떻게 되어 있을까요?' },
      choices: [
        { en: 'Different from each other: a nonzero start is enough.', ko: '0이 아니니 충분하다. 뉴런마다 서로 다르다.' },
        { en: 'All the same: equal starts get equal gradients and equal steps.', ko: '모두 같다. 출발점이 같으면 기울기도 스텝도 같다.' },
        { en: 'All zero: the weights decay back to 0.', ko: '모두 0이다. 가중치가 다시 0으로 줄어든다.' },
      ],
      answer: 1,
      why: { en: 'What stops learning here is symmetry, not the zero: neurons with the same weights compute the same output, get the same gradient and move in step forever. Only a random start makes them differ.', ko: '여기서 학습을 막는 것은 0이라는 값이 아니라 대칭입니다. 가중치가 같은 뉴런들은 같은 값을 출력하고 같은 기울기를 받아 영원히 똑같이 움직입니다. 초깃값을 무작위로 뽑아야만 뉴런들이 달라집니다.' } },
  ],
};
