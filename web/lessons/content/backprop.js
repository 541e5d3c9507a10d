// Lesson 6: backpropagation, worked by hand on a 2-2-1 network (sigmoid hidden neurons, a logit
// out, BCE with logits, one example, one SGD step): the learner predicts every number before it
// shows, then reads the chain rule written out for one weight of each layer, the same step in
// PyTorch and Layerwise, the same step on a bigger network in the playground's stepper, and why
// the early layers of a deep sigmoid network hear so little (the vanishing gradient).
import { playground } from '../widgets/playground.js';
import { backpropHandWidget, predictedAtLeast } from '../widgets/backprop-hand.js';
import { commentedWith } from './bilingual.js';

const R = String.raw;
const BT = '`'; // a backtick (code markup) inside R`…`

// The code blocks' comments in Korean (the code itself is the same in both languages).
const KO = {
  "the lesson's starting weights": '레슨의 시작 가중치',
  'the logit': '로짓',
  "keep ∂L/∂z too: the output's δ": '∂L/∂z도 남긴다: 출력의 δ',
  'the chain rule, back to every weight': '연쇄 법칙으로 모든 가중치까지 거꾸로',
  'the loss on this example after the step': '갱신 뒤 이 예제의 손실',
  'one step with every number recorded;': '모든 숫자를 기록하며 한 단계 실행.',
  'apply: make the update too': 'apply: 갱신까지 실제로 한다',
  "the output's z and δ": '출력의 z와 δ',
};
const commented = commentedWith(KO);


export default {
  lead: {
    en: 'How a network finds out which weight to blame: the chain rule, one number at a time, on a network small enough to follow by hand.',
    ko: '네트워크는 손실의 책임이 어느 가중치에 있는지 어떻게 알아낼까요? 손으로 따라갈 수 있을 만큼 작은 네트워크에서 연쇄 법칙을 숫자 하나씩 계산해 봅니다.',
  },
  sections: [
    {
      id: 'network',
      title: { en: 'A network you can follow by hand', ko: '손으로 따라갈 수 있는 네트워크' },
      blocks: [
        { p: {
          en: 'The lessons so far said that training "follows the gradient of the loss", and that a gradient can "vanish" before it reaches the first layer. Where does that gradient come from? **Backpropagation** works it out with the chain rule, starting at the loss and going back one layer at a time, each layer reusing what the layer after it has already computed. On a network with two inputs, two hidden neurons and one output, every number of one training step fits on one drawing.',
          ko: '지금까지 레슨에서는 학습이 "손실의 기울기를 따라간다"고 했고, 기울기가 첫 층에 닿기 전에 "사라질" 수 있다고도 했습니다. 그 기울기는 어디서 나올까요? **역전파**는 손실에서 출발해 한 층씩 거꾸로 가며 연쇄 법칙으로 기울기를 계산합니다. 이때 각 층은 바로 뒤 층이 이미 계산해 둔 값을 다시 씁니다. 입력 두 개, 은닉 뉴런 두 개, 출력 하나인 네트워크라면 학습 한 단계의 숫자를 그림 하나에 모두 담을 수 있습니다.',
        } },
        { list: [
          { en: R`**The example:** inputs $x_1 = 1$, $x_2 = 0.5$, target $y = 1$.`,
            ko: R`**예제:** 입력 $x_1 = 1$, $x_2 = 0.5$, 목표 $y = 1$.` },
          { en: R`**Hidden neurons** $h_1, h_2$ with a sigmoid: $w_{11} = 0.1$, $w_{12} = -0.2$, $b_1 = 0.1$ and $w_{21} = 0.4$, $w_{22} = 0.3$, $b_2 = -0.1$. The weight $w_{ji}$ goes from $x_i$ into $h_j$, as PyTorch stores it: row $j$, column $i$ of ${BT}model[0].weight${BT}.`,
            ko: R`**은닉 뉴런** $h_1, h_2$ (시그모이드): $w_{11} = 0.1$, $w_{12} = -0.2$, $b_1 = 0.1$, 그리고 $w_{21} = 0.4$, $w_{22} = 0.3$, $b_2 = -0.1$. 가중치 $w_{ji}$는 $x_i$에서 $h_j$로 가는 가중치로, PyTorch가 저장하는 순서 그대로 ${BT}model[0].weight${BT}의 $j$행 $i$열입니다.` },
          { en: R`**The output neuron**: $v_1 = 0.5$, $v_2 = -0.3$, $c = 0.2$. Its logit $z$ is read as the probability $p = \sigma(z)$, and the loss is binary cross-entropy.`,
            ko: R`**출력 뉴런**: $v_1 = 0.5$, $v_2 = -0.3$, $c = 0.2$. 로짓 $z$를 확률 $p = \sigma(z)$로 읽고, 손실 함수는 이진 교차 엔트로피입니다.` },
          { en: R`**One step** of plain SGD with learning rate $\eta = 0.5$.`,
            ko: R`학습률 $\eta = 0.5$인 기본 SGD로 **한 단계** 갱신합니다.` },
        ] },
        { math: R`\begin{aligned} z_j &= w_{j1} x_1 + w_{j2} x_2 + b_j \\ a_j &= \sigma(z_j) = \frac{1}{1 + e^{-z_j}} \\ z &= v_1 a_1 + v_2 a_2 + c, \quad p = \sigma(z) \\ L &= -\big[\,y \log p + (1 - y) \log(1 - p)\,\big] \end{aligned}` },
        { p: {
          en: R`Why these pieces. The sigmoid's slope is written with its own output, $\sigma'(z) = a(1 - a)$, so the backward pass needs no new exponentials; and that slope is never above $1/4$, which is where the vanishing gradient starts (the last section). The loss takes the logit, as PyTorch's ${BT}BCEWithLogitsLoss${BT} does (the loss lesson explains why): then the output neuron's error signal is simply $p - y$. With squared error it would carry one more factor, $p(1 - p)$, that adds work by hand and weakens the push exactly when the network is confidently wrong.`,
          ko: R`왜 이렇게 골랐을까요? 시그모이드의 기울기는 자기 출력으로 $\sigma'(z) = a(1 - a)$라고 쓸 수 있어서, 역전파할 때 지수 함수를 새로 계산할 필요가 없습니다. 게다가 이 기울기는 절대 $1/4$을 넘지 않는데, 바로 여기서 기울기 소실이 시작됩니다(마지막 절). 손실 함수는 PyTorch의 ${BT}BCEWithLogitsLoss${BT}처럼 로짓을 그대로 받습니다(이유는 손실 함수 레슨에 있습니다). 그러면 출력 뉴런의 오차 신호가 그냥 $p - y$가 됩니다. 제곱 오차를 쓰면 $p(1 - p)$라는 인수가 하나 더 붙어 손으로 계산할 일이 늘고, 네트워크가 자신 있게 틀릴수록 미는 힘도 약해집니다.`,
        } },
      ],
    },
    {
      id: 'by-hand',
      title: { en: 'Forward, backward, update: your turn', ko: '순전파, 역전파, 갱신: 직접 계산하기' },
      blocks: [
        { p: {
          en: R`The loss depends on a weight only through the neuron the weight feeds. So give every neuron one number, its **error signal** $\delta = \partial L / \partial z$, and every gradient becomes a product of two numbers the step already has:`,
          ko: R`손실은 가중치가 들어가는 뉴런을 거쳐서만 그 가중치에 영향을 받습니다. 그러니 뉴런마다 **오차 신호** $\delta = \partial L / \partial z$라는 숫자를 하나씩 두면, 모든 기울기는 이미 계산해 둔 두 숫자의 곱이 됩니다.`,
        } },
        { math: R`\begin{aligned} \delta &= \frac{\partial L}{\partial z} = p - y \\ \frac{\partial L}{\partial v_j} &= \delta\, a_j, \quad \frac{\partial L}{\partial c} = \delta \\ \delta_j &= \frac{\partial L}{\partial z_j} = a_j (1 - a_j)\, v_j\, \delta \\ \frac{\partial L}{\partial w_{ji}} &= \delta_j\, x_i, \quad \frac{\partial L}{\partial b_j} = \delta_j \\ w &\leftarrow w - \eta\, \frac{\partial L}{\partial w} \end{aligned}` },
        { p: {
          en: 'One rule repeats: a weight\'s gradient is the error signal of the neuron it goes into, times the value that comes in along it. A hidden neuron\'s error signal is the output\'s error signal sent back along its weight, times the slope of its own activation. Hence "backward": $\\delta_1$ needs $\\delta$, which needs $p$, so the forward pass comes first and the backward pass starts at the loss.',
          ko: '같은 규칙이 되풀이됩니다. 가중치의 기울기는 그 가중치가 들어가는 뉴런의 오차 신호에, 그 가중치를 타고 들어오는 값을 곱한 것입니다. 은닉 뉴런의 오차 신호는 출력의 오차 신호를 그 가중치를 따라 거꾸로 보낸 뒤, 자기 활성화 함수의 기울기를 곱한 것입니다. 그래서 "역"전파입니다. $\\delta_1$을 구하려면 $\\delta$가, $\\delta$를 구하려면 $p$가 있어야 하니, 순전파가 먼저이고 역전파는 손실에서 시작합니다.',
        } },
        { p: {
          en: 'Now work the step out, one number at a time, in the order the network computes them. Type your prediction before you look: within 2% counts, so three significant digits are plenty (a calculator, or `python3` in a terminal, helps with $e^x$ and $\\log$). A wrong try brings the formula with the numbers filled in; **Show it** moves on without credit.',
          ko: '이제 네트워크가 계산하는 순서대로 숫자를 하나씩 구해 보세요. 답을 보기 전에 예측한 값을 입력합니다. 2% 안이면 맞은 것으로 치니 유효숫자 세 자리면 충분합니다($e^x$와 $\\log$는 계산기나 터미널의 `python3`를 쓰면 편합니다). 틀리면 숫자를 넣은 식이 힌트로 나오고, **답 보기**를 누르면 점수 없이 다음으로 넘어갑니다.',
        } },
        { widget: 'hand', make: backpropHandWidget(),
          caption: {
            en: 'The 2-2-1 network: each card holds a neuron\'s numbers and the weights coming into it (now, their gradient ∂L/∂·, and after the update). Blue wires are positive weights, orange negative. The numbers are the Layerwise engine\'s, from one traced training step; they match PyTorch\'s (the code below).',
            ko: '2-2-1 네트워크. 카드마다 뉴런의 숫자와 그 뉴런으로 들어오는 가중치(현재 값, 기울기 ∂L/∂·, 갱신 후 값)가 있습니다. 파란 선은 양의 가중치, 주황 선은 음의 가중치입니다. 숫자는 Layerwise 엔진이 학습 한 단계를 추적해 계산한 값이며, PyTorch의 값과 같습니다(아래 코드).',
          } },
        { task: 'forward',
          text: { en: 'Forward pass: predict at least three of its six numbers (typed right, not shown).', ko: '순전파: 여섯 숫자 가운데 세 개 이상을 답을 보지 않고 맞혀 보세요.' },
          hint: { en: 'Each z is a weighted sum plus a bias; each a is σ(z) = 1/(1 + e^(−z)). With y = 1 the loss is −log p.', ko: 'z는 가중합에 편향을 더한 값이고, a는 σ(z) = 1/(1 + e^(−z))입니다. y = 1이면 손실은 −log p입니다.' },
          success: { en: 'The forward pass is done: every neuron\'s output, the prediction p and the loss are on the drawing. Everything the backward pass needs is now known.', ko: '순전파를 마쳤습니다. 모든 뉴런의 출력과 예측 p, 손실이 그림에 올라왔습니다. 역전파에 필요한 값은 이제 다 있습니다.' },
          check: predictedAtLeast('hand', 'forward', 3) },
        { task: 'backward',
          text: { en: 'Backward pass: predict at least three of its five numbers.', ko: '역전파: 다섯 숫자 가운데 세 개 이상을 답을 보지 않고 맞혀 보세요.' },
          hint: { en: 'Start with δ = p − y. A weight\'s gradient is δ of the neuron it goes into times what comes in along it; a hidden δ is a(1 − a) times its weight to the output times δ.', ko: 'δ = p − y에서 시작하세요. 가중치의 기울기는 그 가중치가 들어가는 뉴런의 δ에 그 가중치로 들어오는 값을 곱한 것이고, 은닉 뉴런의 δ는 a(1 − a)에 출력으로 가는 가중치와 δ를 곱한 것입니다.' },
          success: { en: 'Every gradient is known, and each one cost a single multiplication, because each neuron\'s δ was computed once and reused.', ko: '모든 기울기를 구했습니다. 뉴런마다 δ를 한 번만 계산해 다시 썼기 때문에, 기울기 하나에 곱셈 한 번이면 충분했습니다.' },
          check: predictedAtLeast('hand', 'backward', 3) },
        { task: 'update',
          text: { en: 'Update: predict the new value of $w_{11}$ after the step.', ko: '갱신: 한 단계 뒤 $w_{11}$의 새 값을 맞혀 보세요.' },
          hint: { en: 'w ← w − η·∂L/∂w with η = 0.5. A negative gradient makes the weight grow.', ko: 'η = 0.5로 w ← w − η·∂L/∂w입니다. 기울기가 음수이면 가중치는 커집니다.' },
          success: { en: 'That is one step of gradient descent, by hand. Every weight moved against its gradient, and the loss on this example falls from 0.5632 to 0.4218.', ko: '손으로 경사 하강법을 한 단계 해냈습니다. 모든 가중치가 기울기의 반대 방향으로 움직였고, 이 예제의 손실은 0.5632에서 0.4218로 줄어듭니다.' },
          check: predictedAtLeast('hand', 'update', 1) },
      ],
    },
    {
      id: 'chain-rule',
      title: { en: 'The chain rule, written out', ko: '연쇄 법칙을 끝까지 풀어 쓰면' },
      blocks: [
        { p: {
          en: 'Here is the whole product for one weight of each layer, with this step\'s numbers. For the output weight $v_1$ the chain has two links:',
          ko: '층마다 가중치 하나씩, 곱 전체를 이번 단계의 숫자로 풀어 보겠습니다. 출력 가중치 $v_1$의 사슬은 고리가 두 개입니다.',
        } },
        { math: R`\begin{aligned} \frac{\partial L}{\partial v_1} &= \underbrace{\frac{\partial L}{\partial z}}_{p\,-\,y} \cdot \underbrace{\frac{\partial z}{\partial v_1}}_{a_1} \\ &= (0.5694 - 1) \cdot 0.5250 = -0.2261 \end{aligned}` },
        { p: {
          en: 'For the hidden weight $w_{11}$ it has four: back through the output, along $v_1$, through the sigmoid of $h_1$, and into $w_{11}$:',
          ko: '은닉 가중치 $w_{11}$은 고리가 네 개입니다. 출력을 거쳐 $v_1$을 따라 돌아와서, $h_1$의 시그모이드를 지나 $w_{11}$에 닿습니다.',
        } },
        { math: R`\begin{aligned} \frac{\partial L}{\partial w_{11}} &= \underbrace{\frac{\partial L}{\partial z}}_{p\,-\,y} \cdot \underbrace{\frac{\partial z}{\partial a_1}}_{v_1} \cdot \underbrace{\frac{\partial a_1}{\partial z_1}}_{a_1(1 - a_1)} \cdot \underbrace{\frac{\partial z_1}{\partial w_{11}}}_{x_1} \\ &= (-0.4306) \cdot 0.5 \cdot 0.2494 \cdot 1 = -0.0537 \end{aligned}` },
        { p: {
          en: R`The first three factors are $\delta_1$, and $w_{12}$ and $b_1$ share them: only the last factor differs ($x_2$, or 1). Backpropagation computes each shared part once, layer by layer, instead of multiplying out a chain for every weight. That is why one backward pass costs about as much as a forward pass or two, whether the network has nine weights or millions.`,
          ko: R`앞의 세 인수가 바로 $\delta_1$이고, $w_{12}$와 $b_1$도 이 세 인수를 함께 씁니다. 마지막 인수($x_2$ 또는 1)만 다릅니다. 역전파는 가중치마다 사슬을 따로 곱하지 않고, 이렇게 겹치는 부분을 층마다 한 번씩만 계산합니다. 그래서 가중치가 아홉 개든 수백만 개든, 역전파 한 번의 비용은 순전파 한두 번과 비슷합니다.`,
        } },
        { math: R`\begin{aligned} w_{11} &\leftarrow w_{11} - \eta\,\frac{\partial L}{\partial w_{11}} \\ &= 0.1 - 0.5 \cdot (-0.0537) = 0.1268 \end{aligned}` },
        { p: {
          en: R`The gradient is negative, so the weight grows. That is the right way: a larger $w_{11}$ raises $z_1$ and $a_1$, and through $v_1 > 0$ it raises $z$ and $p$, which lowers the loss when $y = 1$. After the step, the loss on this example is 0.4218 instead of 0.5632.`,
          ko: R`기울기가 음수이므로 가중치는 커집니다. 올바른 방향입니다. $w_{11}$이 커지면 $z_1$과 $a_1$이 커지고, $v_1 > 0$이니 $z$와 $p$도 커져서 $y = 1$일 때 손실이 줄어듭니다. 갱신 뒤 이 예제의 손실은 0.5632에서 0.4218이 됩니다.`,
        } },
      ],
    },
    {
      id: 'code',
      title: { en: 'The same step in PyTorch and Layerwise', ko: 'PyTorch와 Layerwise로 같은 단계를' },
      blocks: [
        { p: {
          en: 'PyTorch records the forward pass as it runs; `loss.backward()` then applies the chain rule through that record and leaves $\\partial L/\\partial w$ in each parameter\'s `.grad` (an intermediate such as the logit keeps its own only when asked, with `retain_grad()`). `optimizer.step()` applies $w - \\eta\\,\\partial L/\\partial w$. Layerwise\'s `traceStep` makes the same step and returns every number of it: each layer\'s output and $\\delta$, each parameter\'s gradient and its value after the update. Both print the numbers of the drawing.',
          ko: 'PyTorch는 순전파를 실행하면서 그 과정을 기록해 둡니다. `loss.backward()`는 이 기록을 따라 연쇄 법칙을 적용하고, 각 파라미터의 `.grad`에 $\\partial L/\\partial w$를 남깁니다(로짓 같은 중간값은 `retain_grad()`로 요청할 때만 기울기를 남깁니다). `optimizer.step()`은 $w - \\eta\\,\\partial L/\\partial w$를 적용합니다. Layerwise의 `traceStep`도 같은 단계를 실행하고, 그 안의 모든 숫자를 돌려줍니다. 층마다 출력과 $\\delta$, 파라미터마다 기울기와 갱신 후 값입니다. 두 코드 모두 위 그림의 숫자를 출력합니다.',
        } },
        { code: {
          torch: commented(`import torch
import torch.nn as nn

model = nn.Sequential(
    nn.Linear(2, 2), nn.Sigmoid(), nn.Linear(2, 1))
hidden, out = model[0], model[2]
with torch.no_grad():  # the lesson's starting weights
    hidden.weight.copy_(torch.tensor(
        [[0.1, -0.2], [0.4, 0.3]]))
    hidden.bias.copy_(torch.tensor([0.1, -0.1]))
    out.weight.copy_(torch.tensor([[0.5, -0.3]]))
    out.bias.copy_(torch.tensor([0.2]))

x = torch.tensor([[1.0, 0.5]])
y = torch.tensor([[1.0]])
loss_fn = nn.BCEWithLogitsLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.5)

optimizer.zero_grad()
z = model(x)     # the logit
z.retain_grad()  # keep ∂L/∂z too: the output's δ
loss = loss_fn(z, y)
loss.backward()  # the chain rule, back to every weight

print(round(loss.item(), 4))    # 0.5632
print(round(z.grad.item(), 4))  # -0.4306
print(out.weight.grad)  # tensor([[-0.2261, -0.2630]])
print(hidden.weight.grad[0])  # tensor([-0.0537, -0.0268])
print(hidden.weight.grad[1])  # tensor([0.0307, 0.0154])
print(hidden.bias.grad)  # tensor([-0.0537,  0.0307])

optimizer.step()
print(round(hidden.weight[0, 0].item(), 4))  # 0.1268
# the loss on this example after the step
print(round(loss_fn(model(x), y).item(), 4))  # 0.4218`),
          js: commented(`import { loadLayerwise } from 'layerwise';
const lw = await loadLayerwise();
const { nn } = lw;

const model = lw.Model.fromSpec(nn.Sequential(
  nn.Linear(2, 2), nn.Sigmoid(), nn.Linear(2, 1)));
model.setParameters([  // the lesson's starting weights
  { name: '0.weight', data: [0.1, -0.2, 0.4, 0.3] },
  { name: '0.bias', data: [0.1, -0.1] },
  { name: '2.weight', data: [0.5, -0.3] },
  { name: '2.bias', data: [0.2] },
]);
const optimizer = lw.optim.SGD(model, { lr: 0.5 });
const r4 = (v) => Math.round(v * 1e4) / 1e4;

// one step with every number recorded;
// apply: make the update too
const step = model.traceStep([1, 0.5], [1],
  'bce_with_logits', optimizer, { apply: true });
const grad = Object.fromEntries(step.params.map(
  (p) => [p.name, Array.from(p.grad, r4)]));

console.log(r4(step.loss));  // 0.5632
const out = step.layers[2];  // the output's z and δ
console.log(r4(out.gradOutput[0]));  // -0.4306
console.log(grad['2.weight']);  // [ -0.2261, -0.263 ]
console.log(grad['0.weight']);
// [ -0.0537, -0.0268, 0.0307, 0.0154 ]
console.log(grad['0.bias']);  // [ -0.0537, 0.0307 ]

const w11 = model.parameters()[0].data[0];
console.log(r4(w11));  // 0.1268
// the loss on this example after the step
const one = lw.data.fromArrays([1, 0.5], [1],
  { features: 2 });
const after = model.evaluate(one, 'bce_with_logits');
console.log(r4(after.loss));  // 0.4218`),
        } },
      ],
    },
    {
      id: 'bigger',
      title: { en: 'The same step on a bigger network', ko: '더 큰 네트워크에서 같은 단계' },
      blocks: [
        { p: {
          en: 'The playground shows this step for any network it builds. Below: three hidden layers of four sigmoid neurons on the XOR data, not yet trained. Open **Backprop, step by step** and walk through forward, loss and backward with **Next step**; click a neuron to see its formula with the numbers, or a training point on the plot to follow that example instead.',
          ko: '플레이그라운드는 어떤 네트워크를 만들든 이 단계를 보여 줍니다. 아래는 XOR 데이터에 시그모이드 뉴런 네 개짜리 은닉층을 세 개 쌓은, 아직 학습하지 않은 네트워크입니다. **역전파 한 단계씩 보기**를 열고 **다음 단계** 버튼으로 순전파, 손실, 역전파를 차례로 넘겨 보세요. 뉴런을 누르면 숫자가 들어간 식이 나오고, 그림에서 학습 점을 누르면 그 예제를 따라갑니다.',
        } },
        { widget: 'stepper', make: playground({ dataset: 'xor', layers: '4,4,4', activation: 'sigmoid', lr: 0.3, hide: 'code,histograms,curves,data,settings', show: 'stepper', open: 'stepper' }),
          caption: {
            en: 'Network 2 → 4 → 4 → 4 → 1 with sigmoid hidden layers on XOR, before training. The stepper takes one training example through the network with every number; **Apply this step** makes that one update.',
            ko: 'XOR 데이터에서 은닉층이 시그모이드인 2 → 4 → 4 → 4 → 1 네트워크, 학습 전. 단계별 보기는 학습 예제 하나를 모든 숫자와 함께 네트워크에 통과시키고, **이 단계 적용하기**를 누르면 그 한 단계만큼 실제로 갱신합니다.',
          } },
        { p: {
          en: R`**Why the early layers hear less.** Going back through a hidden layer, $\delta$ is multiplied by that layer's weights and by the slope of its activation, and a sigmoid's slope $a(1 - a)$ is at most $1/4$. In the small network, $\delta_1 = 0.2494 \cdot 0.5 \cdot \delta$: one layer back, the signal is already eight times weaker. In the stepper, compare the $\delta$s of hidden layer 3 with those of layer 1; the note over the plot measures the same over the whole training set. Through ten sigmoid layers with weights near 1 the slopes alone shrink it by at least $4^{10} \approx 10^6$: the **vanishing gradient** that the [initialisation lesson](lesson.html?id=init&lang=en#depth) measures and that a [flat loss](lesson.html?id=together&lang=en#flat) in the last lesson comes from. Activations whose slope is 1 over half their range (ReLU), and initialisations that keep the signal's size (Xavier, He), are the usual cures.`,
          ko: R`**앞쪽 층에 신호가 약하게 닿는 이유.** 은닉층을 하나 거꾸로 지날 때마다 $\delta$에는 그 층의 가중치와 활성화 함수의 기울기가 곱해지는데, 시그모이드의 기울기 $a(1 - a)$는 최대 $1/4$입니다. 작은 네트워크에서도 $\delta_1 = 0.2494 \cdot 0.5 \cdot \delta$였으니, 한 층만 돌아가도 신호가 여덟 배 약해졌습니다. 단계별 보기에서 은닉층 3의 $\delta$와 은닉층 1의 $\delta$를 비교해 보세요. 그림 위의 안내 문구는 같은 차이를 학습 세트 전체에서 잰 것입니다. 가중치가 1 근처인 시그모이드 층을 열 개 지나면 기울기 인수만으로도 신호가 $4^{10} \approx 10^6$배 넘게 줄어듭니다. 이것이 [가중치 초기화 레슨](lesson.html?id=init&lang=ko#depth)에서 측정한 **기울기 소실**이고, 마지막 레슨에서 [손실이 움직이지 않는](lesson.html?id=together&lang=ko#flat) 원인입니다. 입력 범위의 절반에서 기울기가 1인 활성화 함수(ReLU)와 신호의 크기를 유지하는 초기화(Xavier, He)가 흔히 쓰는 해결책입니다.`,
        } },
      ],
    },
  ],
  recap: [
    { id: 'target',
      q: { en: 'Same network, same input, but the target is $y = 0$. What is the output\'s error signal $\\delta$?', ko: '네트워크와 입력은 그대로이고 목표만 $y = 0$이라면, 출력의 오차 신호 $\\delta$는 얼마일까요?' },
      choices: [
        { en: '−0.4306, as before', ko: '앞에서와 같은 −0.4306' },
        { en: '0.5694, the same as $p$', ko: '$p$와 같은 0.5694' },
        { en: '0, because the loss no longer depends on $p$', ko: '0 (손실이 더 이상 $p$에 의존하지 않으므로)' },
      ],
      answer: 1,
      why: { en: 'With a sigmoid and BCE, $\\delta = p - y$. The forward pass does not change ($p = 0.5694$), so $\\delta = 0.5694 - 0 = 0.5694$: positive, so every gradient flips its sign and the step pushes $p$ down. −0.4306 is the $y = 1$ answer.', ko: '시그모이드와 BCE에서는 $\\delta = p - y$입니다. 순전파는 그대로이므로($p = 0.5694$) $\\delta = 0.5694 - 0 = 0.5694$입니다. 양수가 되니 모든 기울기의 부호가 바뀌고, 갱신은 $p$를 낮추는 쪽으로 갑니다. −0.4306은 $y = 1$일 때의 답입니다.' } },
    { id: 'zero-input',
      q: { en: 'Had the example been $x_2 = 0$, which gradients would be exactly 0?', ko: '예제가 $x_2 = 0$이었다면, 어떤 기울기가 정확히 0이 될까요?' },
      choices: [
        { en: 'Those of $v_1$ and $v_2$', ko: '$v_1$과 $v_2$의 기울기' },
        { en: 'None: the chain rule always has nonzero factors', ko: '없다. 연쇄 법칙의 인수는 언제나 0이 아니다' },
        { en: 'Those of $w_{12}$ and $w_{22}$, the weights leaving $x_2$', ko: '$x_2$에서 나가는 가중치 $w_{12}$와 $w_{22}$의 기울기' },
      ],
      answer: 2,
      why: { en: '$\\partial L/\\partial w_{j2} = \\delta_j\\, x_2$: a weight learns in proportion to what comes in along it. The output weights get $\\delta\\, a_j$, and $a_j = \\sigma(z_j)$ is never 0.', ko: '$\\partial L/\\partial w_{j2} = \\delta_j\\, x_2$이므로, 가중치는 그 가중치를 타고 들어오는 값에 비례해서 배웁니다. 출력 가중치의 기울기는 $\\delta\\, a_j$인데, $a_j = \\sigma(z_j)$는 절대 0이 되지 않습니다.' } },
    { id: 'shrink',
      q: { en: '$\\delta_1$ (−0.0537) is about eight times smaller than $\\delta$ (−0.4306). What makes it smaller?', ko: '$\\delta_1$(−0.0537)은 $\\delta$(−0.4306)보다 여덟 배쯤 작습니다. 무엇 때문일까요?' },
      choices: [
        { en: 'The learning rate 0.5, applied once per layer', ko: '층마다 한 번씩 곱해지는 학습률 0.5' },
        { en: 'The sigmoid\'s slope $a_1(1 - a_1) \\approx 0.25$ and the weight $v_1 = 0.5$', ko: '시그모이드의 기울기 $a_1(1 - a_1) \\approx 0.25$와 가중치 $v_1 = 0.5$' },
        { en: 'The input $x_1 = 1$', ko: '입력 $x_1 = 1$' },
      ],
      answer: 1,
      why: { en: '$\\delta_1 = a_1(1 - a_1)\\, v_1\\, \\delta = 0.2494 \\cdot 0.5 \\cdot \\delta$. The learning rate only enters the update, never the gradients, and $x_1$ enters $\\partial L/\\partial w_{11}$, not $\\delta_1$. Stack such layers and the factors multiply: the vanishing gradient.', ko: '$\\delta_1 = a_1(1 - a_1)\\, v_1\\, \\delta = 0.2494 \\cdot 0.5 \\cdot \\delta$입니다. 학습률은 갱신할 때만 쓰이고 기울기 계산에는 들어가지 않으며, $x_1$은 $\\partial L/\\partial w_{11}$에 들어갈 뿐 $\\delta_1$에는 들어가지 않습니다. 이런 층을 여러 개 쌓으면 인수들이 계속 곱해지는데, 이것이 기울기 소실입니다.' } },
    { id: 'twice',
      q: { en: 'In PyTorch you call `loss.backward()` twice on this step (the second time with `retain_graph=True`) and forget `optimizer.zero_grad()` in between. What does `model[0].weight.grad[0, 0]` hold?', ko: 'PyTorch에서 이 단계의 `loss.backward()`를 두 번 호출하고(두 번째는 `retain_graph=True`로), 그 사이에 `optimizer.zero_grad()`를 빠뜨렸습니다. `model[0].weight.grad[0, 0]`에는 무엇이 들어 있을까요?' },
      choices: [
        { en: '−0.1074, twice the gradient', ko: '기울기의 두 배인 −0.1074' },
        { en: '−0.0537, the same gradient', ko: '같은 기울기인 −0.0537' },
        { en: '0, because the two cancel', ko: '두 번이 서로 상쇄되어 0' },
      ],
      answer: 0,
      why: { en: '`backward()` adds into `.grad` rather than replacing it, so that gradients from several losses can be summed. Without `zero_grad()` the next `step()` would move $w_{11}$ twice as far as the drawing shows.', ko: '`backward()`는 `.grad`를 덮어쓰지 않고 더합니다. 여러 손실의 기울기를 합칠 수 있게 하려는 설계입니다. `zero_grad()`를 빠뜨리면 다음 `step()`에서 $w_{11}$이 그림보다 두 배 멀리 움직입니다.' } },
  ],
};
