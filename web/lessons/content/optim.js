// The optimisers lesson: SGD, momentum, RMSprop and Adam as update rules, their paths on 2-D
// loss surfaces, a race on the same network, an honest test of "Adam usually just works", then
// SGD's noise (mini-batch gradients on a surface made of data) and a batch-size race on
// Fashion-MNIST.
import { optimBatch } from '../widgets/optim-batch.js';
import { optimRace } from '../widgets/optim-race.js';
import { optimSurface } from '../widgets/optim-surface.js';
import { bi } from './bilingual.js';

/** How far a point of the narrow valley is from its minimum along the floor (the line y = x). */
const alongFloor = ([x, y]) => Math.abs(x + y) / Math.SQRT2;

/** Calls done() when a surface widget's run r (and the ones after it) passes test(r). */
const onSurfaceRun = (ctx, id, test, done) => {
  const w = ctx.widget(id);
  if (w.result && test(w.result)) { done(); return undefined; }
  return w.onRun((r) => { if (test(r)) done(); });
};

/** A finished batch race in which batch 10 ended below batch 1 and still learned (70% or more). */
const batchTen = (r) => r.finished && !r.racers.b10.diverged && r.racers.b10.accuracy >= 0.7
  && (r.racers.b1.diverged || r.racers.b10.loss < r.racers.b1.loss);

export default {
  lead: {
    en: 'The loss says how wrong the network is and the gradient says which way is downhill. The optimiser decides how big a step to take, and in which exact direction. Here four of them race on curved surfaces and on a real network, we test whether Adam really "just works", and we watch the noise of SGD and what the batch size does to it.',
    ko: '손실은 네트워크가 얼마나 틀렸는지, 기울기는 어느 쪽이 내리막인지 알려 줍니다. 그 정보로 얼마나 크게, 정확히 어느 방향으로 한 걸음 내디딜지 정하는 것이 옵티마이저입니다. 이 레슨에서는 옵티마이저 네 개가 굽은 곡면과 실제 네트워크 위에서 경주를 벌이고, "Adam이면 대체로 잘 된다"는 말이 정말 맞는지 시험해 본 다음, SGD의 잡음이 어디서 오고 배치 크기가 그 잡음을 어떻게 바꾸는지 살펴봅니다.',
  },
  sections: [
    {
      id: 'step',
      title: { en: 'One step downhill', ko: '내리막으로 한 걸음' },
      blocks: [
        { p: {
          en: 'After the backward pass every parameter $\\theta$ (each weight and bias) has a gradient $g = \\partial L / \\partial \\theta$: how much the loss rises if that parameter grows a little. The simplest rule moves each parameter a small distance against its gradient. The distance is set by the **learning rate** $\\eta$ (`lr` in code).',
          ko: '역전파가 끝나면 모든 파라미터 $\\theta$(가중치와 편향 하나하나)마다 기울기 $g = \\partial L / \\partial \\theta$가 구해집니다. 그 파라미터를 조금 키웠을 때 손실이 얼마나 오르는지를 나타내는 값입니다. 가장 단순한 규칙은 각 파라미터를 기울기의 반대 방향으로 조금 옮기는 것이고, 얼마나 옮길지는 **학습률** $\\eta$(코드에서는 `lr`)가 정합니다.',
        } },
        { math: String.raw`\theta_t = \theta_{t-1} - \eta\, g_t` },
        { p: {
          en: 'This is **SGD**, stochastic gradient descent. "Stochastic" because $g_t$ comes from one mini-batch, not from all the data: each batch pulls in a slightly different direction, so the path is noisy (the end of this lesson shows that noise). Too small a learning rate and training crawls; too large and the steps overshoot and the loss blows up. Every other optimiser in this lesson is a way of choosing a better step from the same gradients.',
          ko: '이것이 **SGD**(확률적 경사 하강법)입니다. "확률적"인 까닭은 $g_t$를 전체 데이터가 아니라 미니배치 하나에서 구하기 때문입니다. 배치마다 가리키는 방향이 조금씩 달라서 경로가 흔들립니다(이 흔들림은 레슨 끝부분에서 직접 봅니다). 학습률이 너무 작으면 학습이 지나치게 느리고, 너무 크면 걸음이 최솟값을 지나쳐 손실이 발산합니다. 이 레슨에 나오는 다른 옵티마이저는 모두 같은 기울기로 더 나은 걸음을 고르는 방법입니다.',
        } },
        { p: {
          en: 'In PyTorch you pick an optimiser when you build the training loop. These are the three most courses start with, at their usual learning rates; in Layerwise the optimiser takes the model (or a list of your own parameters) and the same options in camelCase. The model and data in the code are small stand-ins.',
          ko: 'PyTorch에서는 학습 루프를 짤 때 옵티마이저를 고릅니다. 아래는 입문 강의에서 많이 다루는 옵티마이저 세 가지와 보통 쓰는 학습률입니다. Layerwise에서는 옵티마이저가 모델(또는 직접 만든 파라미터 목록)을 받고, 옵션 이름은 같되 camelCase로 씁니다. 코드의 모델과 데이터는 작은 예시입니다.',
        } },
        { code: {
          torch: bi`import torch
import torch.nn as nn
from torch import optim
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
x = torch.randn(200, 2)   # ${['200 points, two classes', '점 200개, 클래스 두 개']}
y = (x[:, 0] * x[:, 1] > 0).long()
loader = DataLoader(TensorDataset(x, y), batch_size=20,
                    shuffle=True)
model = nn.Sequential(nn.Linear(2, 8), nn.Tanh(),
                      nn.Linear(8, 2))
criterion = nn.CrossEntropyLoss()

params = model.parameters()
opt = optim.Adam(params, lr=1e-3)    # ${['or one of:', '또는 다음 중 하나:']}
# opt = optim.SGD(params, lr=1e-2)
# opt = optim.RMSprop(params, lr=1e-3)

for xb, yb in loader:        # ${['one step per batch', '배치마다 한 스텝']}
    opt.zero_grad()
    criterion(model(xb), yb).backward()
    opt.step()`,
          js: bi`import { loadLayerwise } from 'layerwise';
const lw = await loadLayerwise();
// ${['200 points, two classes', '점 200개, 클래스 두 개']}
const data = lw.data.generate('xor', { n: 200 });
const model = lw.Model.fromSpec({ input: [2], seed: 1,
  layers: [{ type: 'linear', out: 8 }, { type: 'tanh' },
    { type: 'linear', out: 2 }] });

const opt = lw.optim.Adam(model, { lr: 1e-3 });
// ${['or lw.optim.SGD(model, { lr: 1e-2 })', '또는 lw.optim.SGD(model, { lr: 1e-2 })']}
// ${['or lw.optim.RMSprop(model, { lr: 1e-3 })', '또는 lw.optim.RMSprop(model, { lr: 1e-3 })']}

// ${['one step on a batch of n samples:', '샘플 n개짜리 배치 하나로 한 스텝:']}
// ${['forward, loss, backward and the update', '순전파, 손실, 역전파, 업데이트']}
const { x, y } = data.toArrays();
const n = 20;
const loss = model.trainStep(x.subarray(0, 2 * n),
  y.subarray(0, n), n, lw.loss.CrossEntropy(), opt);
// ${['or one epoch, in batches of 20', '또는 배치 크기 20으로 한 에포크']}
model.trainEpoch(data, 20, 'cross_entropy', opt);`,
        } },
      ],
    },
    {
      id: 'rules',
      title: { en: 'Four update rules', ko: '네 가지 업데이트 규칙' },
      blocks: [
        { p: {
          en: '**Momentum** keeps a running direction $b$ (a "velocity") and steps along it instead of along the latest gradient alone. Directions that agree from step to step add up; directions that flip sign cancel. With $\\mu = 0.9$ a steady gradient ends up moving the parameter about ten times as far per step.',
          ko: '**모멘텀**은 진행 방향 $b$(일종의 "속도")를 계속 기억해 두고, 방금 구한 기울기만이 아니라 이 방향을 따라 움직입니다. 스텝마다 같은 쪽을 가리키는 성분은 쌓이고, 부호가 바뀌며 진동하는 성분은 서로 상쇄됩니다. $\\mu = 0.9$이면 기울기가 일정할 때 한 스텝에 움직이는 거리가 결국 열 배쯤 됩니다.',
        } },
        { math: String.raw`b_t = \mu\, b_{t-1} + g_t \quad (b_1 = g_1), \qquad \theta_t = \theta_{t-1} - \eta\, b_t` },
        { p: {
          en: '**RMSprop** gives every parameter its own step size. It keeps $v$, a running average of the squared gradient, and divides each gradient by $\\sqrt{v}$. A parameter whose gradients are large takes smaller steps, one whose gradients are tiny takes larger ones. PyTorch adds $\\epsilon$ after the square root so that it never divides by zero. By default it has no momentum (PyTorch does offer a `momentum` option).',
          ko: '**RMSprop**은 파라미터마다 걸음 크기를 따로 정합니다. 기울기 제곱의 이동 평균 $v$를 계속 갱신하면서 각 기울기를 $\\sqrt{v}$로 나눕니다. 그래서 기울기가 큰 파라미터는 조금씩, 기울기가 아주 작은 파라미터는 성큼성큼 움직입니다. PyTorch는 0으로 나누지 않도록 제곱근 다음에 $\\epsilon$을 더합니다. 기본 설정에는 모멘텀이 없습니다(PyTorch에 `momentum` 옵션이 있기는 합니다).',
        } },
        { math: String.raw`v_t = \alpha\, v_{t-1} + (1-\alpha)\, g_t^2, \qquad \theta_t = \theta_{t-1} - \eta\, \frac{g_t}{\sqrt{v_t} + \epsilon}` },
        { p: {
          en: '**Adam** does both: a running average $m$ of the gradient (momentum) and a running average $v$ of its square (RMSprop\'s scale). Both start at zero, so in the first steps they are too small; dividing by $1 - \\beta^t$ corrects that (**bias correction**: at $t = 1$, $\\hat m_1 = g_1$ exactly). While the gradient keeps its size and sign, the ratio $\\hat m / \\sqrt{\\hat v}$ is about 1, so each parameter moves roughly $\\eta$ per step, *whatever the size of its gradient*. Keep that in mind: it explains both why Adam rarely blows up and the case below where it is slow.',
          ko: '**Adam**은 둘을 합친 것입니다. 기울기의 이동 평균 $m$(모멘텀)과 기울기 제곱의 이동 평균 $v$(RMSprop의 크기 조절)를 함께 씁니다. 둘 다 0에서 시작하므로 처음 몇 스텝에는 값이 너무 작은데, $1 - \\beta^t$로 나누어 이를 바로잡습니다(**편향 보정**: $t = 1$에서 정확히 $\\hat m_1 = g_1$). 기울기의 크기와 부호가 유지되는 동안 $\\hat m / \\sqrt{\\hat v}$는 1 안팎이라서, 각 파라미터는 *기울기가 얼마나 크든* 한 스텝에 대략 $\\eta$만큼 움직입니다. 이 점을 기억해 두세요. Adam이 좀처럼 발산하지 않는 이유이자, 아래에서 볼 것처럼 Adam이 느려지는 이유이기도 합니다.',
        } },
        { math: String.raw`\begin{aligned} m_t &= \beta_1 m_{t-1} + (1-\beta_1)\, g_t, & v_t &= \beta_2 v_{t-1} + (1-\beta_2)\, g_t^2, \\ \hat m_t &= \frac{m_t}{1-\beta_1^{\,t}}, & \hat v_t &= \frac{v_t}{1-\beta_2^{\,t}}, \\ \theta_t &= \theta_{t-1} - \eta\, \frac{\hat m_t}{\sqrt{\hat v_t} + \epsilon} \end{aligned}` },
        { note: {
          en: 'PyTorch\'s defaults, which Layerwise copies: SGD momentum $0$; RMSprop $\\eta = 0.01$, $\\alpha = 0.99$; Adam $\\eta = 0.001$, $\\beta_1 = 0.9$, $\\beta_2 = 0.999$; $\\epsilon = 10^{-8}$ for both.',
          ko: 'Layerwise가 그대로 따르는 PyTorch의 기본값: SGD 모멘텀 $0$, RMSprop $\\eta = 0.01$, $\\alpha = 0.99$, Adam $\\eta = 0.001$, $\\beta_1 = 0.9$, $\\beta_2 = 0.999$, 두 옵티마이저 모두 $\\epsilon = 10^{-8}$.',
        } },
        { code: {
          torch: `p = list(model.parameters())
optim.SGD(p, lr=0.01, momentum=0.9)
optim.RMSprop(p, lr=0.001, alpha=0.99, eps=1e-8)
optim.Adam(p, lr=0.001, betas=(0.9, 0.999),
           eps=1e-8)`,
          js: `lw.optim.SGD(model, { lr: 0.01, momentum: 0.9 });
lw.optim.RMSprop(model,
  { lr: 0.001, alpha: 0.99, eps: 1e-8 });
lw.optim.Adam(model,
  { lr: 0.001, betas: [0.9, 0.999], eps: 1e-8 });`,
        } },
      ],
    },
    {
      id: 'surfaces',
      title: { en: 'Paths on a loss surface', ko: '손실 곡면 위의 경로' },
      blocks: [
        { p: {
          en: 'A real network has thousands of parameters, so we cannot draw its loss. With two parameters $x$ and $y$ we can: below, the shade is the loss $f(x, y)$ (darker is higher) and each coloured line is one optimiser\'s path from the white dot, all four at the same learning rate. The gradient comes from the formula; the steps are taken by the same Layerwise optimisers that train networks.',
          ko: '실제 네트워크에는 파라미터가 수천 개라서 손실을 그림으로 그릴 수 없습니다. 파라미터가 $x$, $y$ 두 개뿐이면 가능합니다. 아래 그림의 음영이 손실 $f(x, y)$이고(어두울수록 높음), 색 선은 흰 점에서 출발한 각 옵티마이저의 경로입니다. 네 옵티마이저의 학습률은 같습니다. 기울기는 식으로 계산하고, 한 걸음 한 걸음은 네트워크를 학습시킬 때 쓰는 바로 그 Layerwise 옵티마이저가 옮깁니다.',
        } },
        { code: {
          torch: bi`import torch

w = torch.tensor([-1.5, -0.5], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.01)
for t in range(200):
    opt.zero_grad()
    u = (w[0] + w[1]) / 2**0.5
    v = (w[0] - w[1]) / 2**0.5
    f = (u**2 + 25 * v**2) / 2   # ${['the narrow valley', '좁은 골짜기']}
    f.backward()
    opt.step()`,
          js: bi`const w = new Float32Array([-1.5, -0.5]);
const opt = lw.optim.SGD([w], { lr: 0.01 });
const r = Math.SQRT2;
for (let t = 0; t < 200; ++t) {
  const u = (w[0] + w[1]) / r;
  const v = (w[0] - w[1]) / r;
  // ${['f = (u² + 25·v²) / 2; pass ∂f/∂x, ∂f/∂y', 'f = (u² + 25·v²) / 2의 ∂f/∂x, ∂f/∂y를 넘김']}
  opt.step([[(u + 25 * v) / r, (u - 25 * v) / r]]);
}
// ${['w now holds the last point', '이제 w에 마지막 점이 들어 있음']}`,
        } },
        { p: {
          en: 'The **narrow valley** curves 25 times more sharply across than along. Away from its floor, downhill points mostly across the valley and only a little along the floor towards the minimum. Plain SGD has a hard limit here: across the valley each step multiplies the distance from the floor by $1 - 25\\eta$, and once $\\eta > 2/25 = 0.08$ that factor is below $-1$, so the zigzag grows without bound. Below the limit, the trip along the floor is slow: there each step only multiplies the distance to the minimum by $1 - \\eta$.',
          ko: '**좁은 골짜기**는 골짜기를 가로지르는 쪽이 골짜기를 따라가는 쪽보다 25배 가파르게 휘어 있습니다. 그래서 바닥에서 벗어난 곳의 내리막은 주로 골짜기를 가로지르는 쪽을 향하고, 바닥을 따라 최솟값으로 가는 성분은 작습니다. 여기서 기본 SGD에는 넘을 수 없는 한계가 있습니다. 골짜기를 가로지르는 방향으로는 한 스텝마다 바닥까지의 거리에 $1 - 25\\eta$가 곱해지는데, $\\eta > 2/25 = 0.08$이면 이 값이 $-1$보다 작아져 지그재그 진동이 끝없이 커집니다. 한계보다 작으면 이번에는 바닥을 따라가는 길이 느립니다. 그 방향으로는 한 스텝에 최솟값까지의 거리가 $1 - \\eta$배가 될 뿐이니까요.',
        } },
        { widget: 'surface', make: optimSurface('valley'),
          caption: {
            en: 'The same start, the same learning rate, four rules. The cross marks the minimum; a path counts as arrived once it is within 0.05 of it.',
            ko: '같은 출발점, 같은 학습률, 서로 다른 규칙 네 개. 십자 표시가 최솟값이고, 경로가 최솟값에서 0.05 안으로 들어오면 도착으로 칩니다.',
          } },
        { task: 'valley',
          text: {
            en: 'On the narrow valley, from a start at least 1 away from the minimum along the floor (the preset start is 1.41 away), get **plain SGD** to the minimum in fewer than 100 steps by choosing the learning rate.',
            ko: '좁은 골짜기에서 바닥을 따라 최솟값과 1 이상 떨어진 곳(처음 출발점은 1.41 떨어져 있음)에서 출발해, 학습률만 골라서 **기본 SGD**가 100 스텝 안에 최솟값에 도착하게 해 보세요.',
          },
          hint: {
            en: 'Larger is faster along the floor, but above 0.08 the steps across the valley grow instead of shrinking. Try just below the limit.',
            ko: '학습률이 클수록 바닥을 따라 빨리 가지만, 0.08을 넘으면 골짜기를 가로지르는 진동이 줄지 않고 커집니다. 한계 바로 아래 값을 넣어 보세요.',
          },
          success: {
            en: 'Plain SGD made it, inside a narrow window of learning rates: slow below, diverging above. Momentum reaches the minimum over a much wider range.',
            ko: '기본 SGD가 도착했습니다. 다만 통하는 학습률의 범위가 좁습니다. 그보다 작으면 느리고, 크면 발산합니다. 모멘텀은 훨씬 넓은 범위의 학습률에서 최솟값에 닿습니다.',
          },
          check: (ctx, done) => onSurfaceRun(ctx, 'surface', (r) => r.surface === 'valley'
            && alongFloor(r.start) >= 1 && r.paths.sgd.hit !== null && r.paths.sgd.hit < 100, done) },
        { note: {
          en: 'Watch RMSprop on the valley with a learning rate of 0.1 or more and 1000 steps. It reaches the minimum quickly, then a few hundred steps later starts oscillating around it and never settles. Once $v$ has forgotten the large early gradients, its step is back to about $\\eta$ even though the gradient is tiny, and without momentum nothing averages the back-and-forth away. Adam\'s $m$ does, and Adam settles.',
          ko: '골짜기에서 학습률을 0.1 이상, 스텝을 1000으로 두고 RMSprop을 지켜보세요. 최솟값에 빨리 닿지만, 몇백 스텝 뒤에는 그 주변에서 진동하기 시작하고 끝내 자리를 잡지 못합니다. $v$가 초반의 큰 기울기를 잊고 나면 기울기가 아주 작아도 한 걸음이 다시 대략 $\\eta$가 되는데, 모멘텀이 없으니 왔다 갔다 하는 움직임을 평균 내어 상쇄해 줄 장치가 없습니다. Adam에서는 $m$이 그 역할을 하므로 Adam은 최솟값에 자리를 잡습니다.',
        } },
        { p: {
          en: 'The **saddle** $f = x^2/2 + y^4/4 - y^2/2$ is flat at $(0, 0)$: downhill in $y$, uphill in $x$. On the ridge $y = 0$ the gradient has no $y$ part at all, so every optimiser slides straight into the saddle point and stays there. Start a hair off the ridge and the slope in $y$ is tiny: SGD\'s steps are tiny with it, and $y$ only grows by a factor $1 + \\eta$ per step. Momentum accumulates those tiny pushes; Adam divides them by their own size, so it steps about $\\eta$ from the first step on.',
          ko: '**안장점** $f = x^2/2 + y^4/4 - y^2/2$은 $(0, 0)$에서 평평합니다. $y$ 방향으로는 내리막, $x$ 방향으로는 오르막입니다. 능선 $y = 0$ 위에서는 기울기에 $y$ 성분이 전혀 없어서, 어느 옵티마이저든 안장점으로 곧장 미끄러져 들어가 거기 머뭅니다. 능선에서 아주 조금만 벗어나 출발하면 $y$ 방향 경사가 아주 작습니다. 기본 SGD의 걸음도 그만큼 작아서 $y$는 한 스텝에 $1 + \\eta$배씩밖에 자라지 않습니다. 모멘텀은 그 작은 기울기를 스텝마다 쌓아 속도를 내고, Adam은 기울기를 그 크기로 나누므로 첫 스텝부터 대략 $\\eta$씩 움직입니다.',
        } },
        { task: 'saddle',
          text: {
            en: 'Switch the surface to the saddle. Put the start within 0.05 of the ridge $y = 0$, and find a setting where momentum or Adam escapes to a minimum ($f < -0.2$) while plain SGD is still stuck near the saddle ($f > -0.05$) after the same number of steps.',
            ko: '곡면을 안장점으로 바꾸세요. 출발점을 능선 $y = 0$에서 0.05 안쪽에 두고, 같은 스텝 수가 지난 뒤 기본 SGD는 여전히 안장점 근처($f > -0.05$)에 붙잡혀 있는데 모멘텀이나 Adam은 최솟값 쪽으로 빠져나가는($f < -0.2$) 설정을 찾아보세요.',
          },
          hint: {
            en: 'Select the map and press Shift + ↑ once: the start moves 0.01 off the ridge. With the saddle\'s preset (learning rate 0.05, 50 steps), watch which paths turn.',
            ko: '지도를 선택하고 Shift + ↑를 한 번 누르면 출발점이 능선에서 0.01 벗어납니다. 안장점의 기본 설정(학습률 0.05, 50 스텝)에서 어느 경로가 꺾이는지 보세요.',
          },
          success: {
            en: 'Escaped. In a network with many parameters, flat saddles like this are common, and this is one reason momentum and Adam train faster than plain SGD.',
            ko: '빠져나왔습니다. 파라미터가 많은 네트워크에는 이런 평평한 안장점이 흔하고, 모멘텀과 Adam이 기본 SGD보다 빨리 학습하는 이유 중 하나가 이것입니다.',
          },
          check: (ctx, done) => onSurfaceRun(ctx, 'surface', (r) => r.surface === 'saddle'
            && Math.abs(r.start[1]) <= 0.05
            && !r.paths.sgd.diverged && r.paths.sgd.f > -0.05
            && (r.paths.momentum.f < -0.2 || r.paths.adam.f < -0.2), done) },
      ],
    },
    {
      id: 'race',
      title: { en: 'A race on a real network', ko: '실제 네트워크에서 벌이는 경주' },
      blocks: [
        { p: {
          en: 'Now the real thing: a 2-16-16-2 network with tanh, classifying a two-armed spiral of 300 points. Four copies start from **the same initial weights** (the same seed) and see the same mini-batches of 20 in the same order; only the update rule and its learning rate differ. The learning rates start at the usual textbook values. The curve is the loss on all 300 points after each epoch, on a log scale.',
          ko: '이제 진짜 네트워크입니다. tanh를 쓰는 2-16-16-2 네트워크가 팔이 두 개인 나선 위의 점 300개를 분류합니다. 네트워크 네 벌이 **같은 초기 가중치**(같은 시드)에서 출발해, 크기 20짜리 미니배치를 모두 같은 순서로 봅니다. 다른 것은 업데이트 규칙과 학습률뿐입니다. 학습률은 흔히 쓰는 값에서 시작합니다. 곡선은 에포크마다 점 300개 전체에서 잰 손실이고, 세로축은 로그 눈금입니다.',
        } },
        { code: {
          torch: bi`import copy
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import optim

# ${['a two-armed spiral: x [300, 2] points, y [300] arms', '팔이 두 개인 나선: x는 점 [300, 2], y는 팔 번호 [300]']}
torch.manual_seed(7)
y = torch.arange(300) % 2
u = torch.rand(300)
r, a = 0.5 + 5 * u, torch.pi * (3.5 * u + y)
x = torch.stack([r * torch.cos(a), r * torch.sin(a)], 1)
x += 0.07 * torch.randn(300, 2)

torch.manual_seed(3)
model = nn.Sequential(
    nn.Linear(2, 16), nn.Tanh(),
    nn.Linear(16, 16), nn.Tanh(),
    nn.Linear(16, 2))
start = copy.deepcopy(model.state_dict())
makers = {
    'sgd': lambda p: optim.SGD(p, lr=0.01),
    'momentum': lambda p: optim.SGD(p, lr=0.01,
                                    momentum=0.9),
    'rmsprop': lambda p: optim.RMSprop(p, lr=0.001),
    'adam': lambda p: optim.Adam(p, lr=0.001),
}
for name, make in makers.items():
    model.load_state_dict(start)   # ${['same initial weights', '같은 초기 가중치']}
    opt = make(model.parameters())
    for epoch in range(100):
        # ${['the same batches for every optimiser', '옵티마이저마다 같은 배치']}
        g = torch.Generator().manual_seed(epoch)
        order = torch.randperm(300, generator=g)
        for idx in order.split(20):
            opt.zero_grad()
            out = model(x[idx])
            F.cross_entropy(out, y[idx]).backward()
            opt.step()
    with torch.no_grad():
        print(name, F.cross_entropy(model(x), y).item())`,
          js: bi`const data = lw.data.generate('spiral',
  { n: 300, noise: 0.1, seed: 7 });
// ${['seed 3: the same initial weights, and the same', '시드 3: 모델마다 같은 초기 가중치,']}
// ${['shuffled batches, for every model', '같은 순서로 섞인 배치']}
const spec = { input: [2], seed: 3, layers: [
  { type: 'linear', out: 16 }, { type: 'tanh' },
  { type: 'linear', out: 16 }, { type: 'tanh' },
  { type: 'linear', out: 2 }] };
const makers = {
  sgd: (m) => lw.optim.SGD(m, { lr: 0.01 }),
  momentum: (m) =>
    lw.optim.SGD(m, { lr: 0.01, momentum: 0.9 }),
  rmsprop: (m) => lw.optim.RMSprop(m, { lr: 0.001 }),
  adam: (m) => lw.optim.Adam(m, { lr: 0.001 }),
};
for (const [name, make] of Object.entries(makers)) {
  const model = lw.Model.fromSpec(spec);
  const opt = make(model);
  for (let epoch = 0; epoch < 100; ++epoch) {
    model.trainEpoch(data, 20, 'cross_entropy', opt);
  }
  const { loss } = model.evaluate(data, 'cross_entropy');
  console.log(name, loss);
}`,
        } },
        { widget: 'race', make: optimRace({ epochs: 100 }),
          caption: {
            en: 'Change a learning rate (press Enter or leave the box) and the race starts again from the same weights.',
            ko: '학습률을 바꾸면(Enter를 누르거나 칸을 벗어나면) 같은 가중치에서 경주가 다시 시작됩니다.',
          } },
        { p: {
          en: 'With these textbook numbers, SGD at 0.01 barely moves in 100 epochs, while Adam and RMSprop at 0.001 make slow but steady progress without anyone tuning them. That is the honest core of "Adam usually just works": its default is a sensible step for parameters of about unit size, which is what standardised inputs and a good initialisation give you. Notice also that momentum at SGD\'s learning rate does better still. The comparison is only as fair as the learning rates.',
          ko: '흔히 쓰는 이 값들 그대로라면 학습률 0.01의 기본 SGD는 100 에포크 동안 거의 움직이지 않는 반면, 0.001의 Adam과 RMSprop은 아무도 조정하지 않았는데도 느리지만 꾸준히 나아갑니다. "Adam이면 대체로 잘 된다"는 말에서 정말 맞는 부분이 바로 이것입니다. 크기가 1 안팎인 파라미터에는 Adam의 기본값이 적당한 걸음이고, 입력을 표준화하고 초기화를 잘하면 파라미터가 바로 그 정도 크기가 됩니다. 그런데 SGD와 학습률이 같은 모멘텀이 이보다 더 잘한다는 점도 눈여겨보세요. 학습률을 공정하게 고르지 않으면 비교도 공정할 수 없습니다.',
        } },
        { task: 'beat-adam',
          text: {
            en: 'Leave Adam at its default 0.001 and find a learning rate for **plain SGD** that ends the 100 epochs with a lower loss than Adam.',
            ko: 'Adam은 기본값 0.001로 두고, **기본 SGD**가 100 에포크 끝에 Adam보다 낮은 손실로 끝나는 학습률을 찾아보세요.',
          },
          hint: {
            en: 'SGD\'s step is the learning rate times the gradient, and these gradients are small. Try ten times larger, then more.',
            ko: '기본 SGD의 한 걸음은 학습률에 기울기를 곱한 값인데, 여기서는 기울기가 작습니다. 학습률을 열 배로 키워 보고, 더 키워 보세요.',
          },
          success: {
            en: 'Tuned SGD beat untuned Adam. "Adam just works" means it needs less tuning, not that it always wins.',
            ko: '학습률을 조정한 기본 SGD가 기본값 그대로인 Adam을 이겼습니다. "Adam이면 된다"는 말은 조정할 것이 적다는 뜻이지, 언제나 이긴다는 뜻이 아닙니다.',
          },
          check: (ctx, done) => ctx.widget('race').onFinish((r) => {
            if (r.lr.adam === 0.001 && !r.diverged.sgd && r.loss.sgd < r.loss.adam) done();
          }) },
      ],
    },
    {
      id: 'adam-fails',
      title: { en: 'When Adam does not just work', ko: 'Adam으로 안 되는 경우' },
      blocks: [
        { p: {
          en: 'The banana-shaped valley of Rosenbrock\'s function $f = (1 - x)^2 + 100\\,(y - x^2)^2$ is a classic test: steep walls, and a curved floor that falls very gently towards the minimum at $(1, 1)$. At its preset learning rate of 0.01, SGD and momentum blow up within a few steps while Adam, whose step is capped at about $\\eta$, keeps going. Raise the learning rate to about 0.03 or 0.1 with 2000 steps and Adam reaches the minimum while both SGDs still diverge. Across a wide range of learning rates, Adam does not fail. That is the other half of its reputation.',
          ko: '로젠브록 함수 $f = (1 - x)^2 + 100\\,(y - x^2)^2$의 바나나 모양 골짜기는 고전적인 시험 문제입니다. 벽은 가파르고, 휘어진 바닥은 $(1, 1)$의 최솟값을 향해 아주 완만하게 내려갑니다. 처음 설정인 학습률 0.01에서 기본 SGD와 모멘텀은 몇 스텝 만에 발산하지만, 걸음이 대략 $\\eta$로 묶인 Adam은 계속 나아갑니다. 학습률을 0.03이나 0.1 정도로, 스텝을 2000으로 올리면 두 SGD는 여전히 발산하는데 Adam은 최솟값에 도착합니다. Adam은 학습률을 넓은 범위에서 골라도 실패하지 않습니다. Adam이 좋은 평판을 얻은 또 하나의 이유가 이것입니다.',
        } },
        { p: {
          en: 'Now the other side of the same cap. Each Adam step moves a parameter about $\\eta$, so $n$ steps can carry it at most about $n\\eta$: with the default $\\eta = 0.001$, a thousand steps cover about one unit, whatever the gradient says. SGD with momentum has no such speed limit. Once its learning rate is small enough to be stable on the walls, its velocity builds up along the floor. So there are learning rates at which momentum arrives and Adam is still near the start. Real training has the same effect when parameters must travel far, e.g. a bias that must reach 50 because the targets were not standardised, and it is one reason practitioners tune Adam\'s learning rate too.',
          ko: '이번에는 같은 상한이 발목을 잡는 경우입니다. Adam은 한 스텝에 파라미터를 대략 $\\eta$만큼 움직이므로, $n$ 스텝 동안 갈 수 있는 거리는 많아야 대략 $n\\eta$입니다. 기본값 $\\eta = 0.001$이면 기울기가 뭐라고 하든 천 스텝에 1 정도만 갑니다. 모멘텀 SGD에는 이런 속도 제한이 없습니다. 벽에서 발산하지 않을 만큼 학습률을 낮추면, 바닥을 따라가는 동안 속도가 붙습니다. 그래서 모멘텀은 도착하는데 Adam은 아직 출발점 근처에 있는 학습률이 존재합니다. 실제 학습에서도 파라미터가 멀리 가야 할 때, 예를 들어 목표값을 표준화하지 않아서 편향이 50까지 가야 할 때 같은 일이 일어납니다. 실무자들이 Adam의 학습률도 조정하는 이유 중 하나입니다.',
        } },
        { widget: 'banana', make: optimSurface('banana'),
          caption: {
            en: 'Rosenbrock\'s banana. Its minimum at (1, 1) is marked; the start is (−1.5, 2).',
            ko: '로젠브록의 바나나. (1, 1)의 최솟값을 표시했고, 출발점은 (−1.5, 2)입니다.',
          } },
        { task: 'banana',
          text: {
            en: 'On the banana, find a learning rate and a number of steps at which **SGD with momentum** reaches the minimum and **Adam** does not.',
            ko: '바나나 곡면에서 **모멘텀 SGD**는 최솟값에 도착하고 **Adam**은 도착하지 못하는 학습률과 스텝 수를 찾아보세요.',
          },
          hint: {
            en: 'Lower the learning rate until momentum stops diverging: around 0.001 to 0.002, with 1000 steps.',
            ko: '모멘텀이 더는 발산하지 않을 때까지 학습률을 낮춰 보세요. 0.001에서 0.002 사이, 1000 스텝 정도입니다.',
          },
          success: {
            en: 'At this learning rate Adam is not wrong, only slow: about one learning rate per step. Adam needs its learning rate chosen for the problem too.',
            ko: '이 학습률에서 Adam은 틀린 것이 아니라 느린 것입니다. 한 스텝에 학습률만큼 정도밖에 못 갑니다. Adam도 문제에 맞는 학습률을 골라 줘야 합니다.',
          },
          check: (ctx, done) => onSurfaceRun(ctx, 'banana', (r) => r.surface === 'banana'
            && Math.hypot(r.start[0] - 1, r.start[1] - 1) >= 1
            && r.paths.momentum.hit !== null && r.paths.adam.hit === null, done) },
        { p: {
          en: 'So the common advice to start with Adam holds up, with its fine print: Adam is the safe first choice because it works over a wide range of learning rates, and plain SGD needs its learning rate tuned to the problem. But a tuned SGD with momentum can match or beat it, and Adam\'s default learning rate is a starting point, not a law. When training stalls, try a learning rate ten times larger or smaller before changing anything else.',
          ko: '결국 “Adam부터 써 보라”는 흔한 조언은 단서를 붙이면 맞습니다. Adam은 넓은 범위의 학습률에서 동작하니 처음 고르기에 안전하고, 기본 SGD는 문제에 맞게 학습률을 조정해야 합니다. 하지만 잘 조정한 모멘텀 SGD는 Adam과 비슷하거나 더 나을 수 있고, Adam의 기본 학습률은 출발점일 뿐 정답이 아닙니다. 학습이 멈춘 것 같으면 다른 것을 바꾸기 전에 학습률을 열 배 키우거나 줄여 보세요.',
        } },
      ],
    },
    {
      id: 'noise',
      title: { en: 'SGD\'s noise, seen', ko: 'SGD의 잡음을 눈으로 보기' },
      blocks: [
        { p: {
          en: 'Every path so far followed the exact gradient. In training, the loss is a mean over the $N$ training examples, and so is its gradient: the exact one costs a pass over all of them for every single step. SGD takes the mean over a **mini-batch** $\\mathcal{B}_t$ of $B$ examples instead. Averaged over every batch it could draw, that is exactly the full gradient, so a batch gradient is a fair sample of it: right on average, off by a random amount each time.',
          ko: '지금까지의 경로는 모두 정확한 기울기를 따라갔습니다. 실제 학습에서 손실은 훈련 예제 $N$개에 대한 평균이고, 기울기도 마찬가지입니다. 정확한 기울기를 구하려면 스텝 하나마다 예제를 전부 훑어야 합니다. SGD는 그 대신 예제 $B$개로 이루어진 **미니배치** $\\mathcal{B}_t$의 평균을 씁니다. 뽑힐 수 있는 모든 배치에 대해 평균을 내면 정확히 전체 기울기가 되므로, 배치 기울기는 전체 기울기의 공정한 표본입니다. 평균적으로는 맞고, 매번 무작위로 조금씩 빗나갑니다.',
        } },
        { math: String.raw`\begin{gathered} \nabla L = \frac{1}{N}\sum_{i=1}^{N} \nabla \ell_i, \\ g_t = \frac{1}{B}\sum_{i \in \mathcal{B}_t} \nabla \ell_i, \qquad \mathbb{E}[g_t] = \nabla L \end{gathered}` },
        { p: {
          en: 'The surface below is made of data: a line $y = wx + b$ fitted to 64 points by mean squared error. Its two parameters are the slope $w$ (across the map) and the intercept $b$ (up the map). Each point has its own loss $(wx_i + b - y_i)^2$, a long trough of its own, and the surface is their mean. Pick the batch size: each step takes the next batch of a shuffled pass over the points, the same batches for all four optimisers. Under the map are the points and, for each path shown, the line where it ends.',
          ko: '아래 곡면은 데이터로 만든 것입니다. 점 64개에 직선 $y = wx + b$를 평균 제곱 오차로 맞춥니다. 두 파라미터는 직선이 기운 정도인 $w$(지도의 가로축)와 절편 $b$(지도의 세로축)입니다. 점마다 자기 손실 $(wx_i + b - y_i)^2$이 있고(저마다 길쭉한 골짜기 모양입니다), 곡면은 이 손실들의 평균입니다. 배치 크기를 골라 보세요. 스텝마다 점들을 섞어 나눈 배치를 차례로 하나씩 쓰고, 네 옵티마이저 모두 같은 배치를 봅니다. 지도 아래에는 점들과, 보이는 경로마다 그 경로가 끝난 곳의 직선을 그려 두었습니다.',
        } },
        { widget: 'noisy', make: optimSurface('fit', { show: ['sgd'] }),
          caption: {
            en: 'Fitting the line, plain SGD shown first (tick the others to add them). At batch size 1 each step sees one point; at 64 it sees them all. New batches shuffles the points another way.',
            ko: '직선 맞추기입니다. 처음에는 기본 SGD만 보입니다(다른 옵티마이저는 체크해서 켜세요). 배치 크기가 1이면 스텝마다 점 하나만 보고, 64면 전부를 봅니다. 배치 새로 뽑기를 누르면 점을 다른 순서로 섞습니다.',
          } },
        { p: {
          en: 'At batch size 1 the path wobbles: each step follows a single point. Near the minimum the full gradient is almost zero, yet single points still disagree, so the path never settles; it keeps jittering in a cloud around the minimum, and a larger learning rate makes the cloud larger. At 16 the wobble is slight, and at 64, the full batch, the path is the smooth curve of the exact gradient. (Tick momentum: its velocity adds up the noisy gradients too, about ten at a time, and at this learning rate its batch-1 path flies off the map, while at 64 it arrives.) The line under the paths says how far the batch gradients were from the full gradient along plain SGD\'s path: at 4 roughly half as far as at 1, and at 16 roughly half again.',
          ko: '배치 크기가 1이면 경로가 비틀거립니다. 스텝마다 점 하나의 말만 듣기 때문입니다. 최솟값 근처에서는 전체 기울기가 거의 0인데도 점 하나하나의 기울기는 여전히 제각각이라 경로가 자리를 잡지 못하고, 최솟값 둘레를 구름처럼 계속 떠돕니다. 학습률이 클수록 그 구름도 커집니다. 16이면 흔들림이 작고, 전체 배치인 64에서는 경로가 정확한 기울기를 따르는 매끄러운 곡선이 됩니다. (모멘텀도 켜 보세요. 모멘텀의 속도는 잡음 섞인 기울기까지 대략 열 개씩 쌓아 올리므로, 이 학습률에서 배치 크기 1이면 경로가 지도 밖으로 날아가지만 64면 최솟값에 도착합니다.) 경로 목록 아래 줄은 기본 SGD의 경로에서 배치 기울기가 전체 기울기와 얼마나 어긋났는지 알려 줍니다. 배치 크기가 4면 1일 때의 절반쯤이고, 16이면 거기서 다시 절반쯤이 됩니다.',
        } },
        { p: {
          en: 'Why those ratios? If one example\'s gradient misses the full gradient by $\\sigma$ (root mean square), the mean of $B$ independent ones misses by $\\sigma / \\sqrt{B}$: four times the batch, half the noise. A batch draws $B$ different examples from a finite set, which takes away a little more, and a full batch takes it all away:',
          ko: '왜 그런 비율이 나올까요? 예제 하나의 기울기가 전체 기울기에서 (제곱평균제곱근으로) $\\sigma$만큼 어긋난다면, 서로 독립인 기울기 $B$개의 평균은 $\\sigma / \\sqrt{B}$만큼 어긋납니다. 배치를 네 배로 키우면 잡음이 절반이 되는 것입니다. 실제 배치는 유한한 데이터에서 서로 다른 예제 $B$개를 뽑으므로 잡음이 그보다 조금 더 줄고, 전체 배치에서는 아예 사라집니다.',
        } },
        { math: String.raw`\sqrt{\mathbb{E}\,\lVert g_t - \nabla L \rVert^2} \;=\; \frac{\sigma}{\sqrt{B}}\,\sqrt{\frac{N - B}{N - 1}}` },
        { p: {
          en: 'You can measure it: at one point (here the start, $w = -1.5$, $b = 1.5$), draw many batches and compare each batch\'s gradient with the full one. A model of one linear layer is the line; an optimiser with learning rate 0 leaves it in place, so the training step only computes the gradient.',
          ko: '직접 재 볼 수 있습니다. 한 점(여기서는 출발점 $w = -1.5$, $b = 1.5$)에서 배치를 여러 번 뽑아, 배치마다 기울기를 전체 기울기와 비교합니다. 선형 층 하나짜리 모델이 곧 직선이고, 학습률이 0인 옵티마이저는 직선을 움직이지 않으므로 학습 스텝은 기울기만 계산합니다.',
        } },
        { code: {
          torch: bi`import torch
import torch.nn.functional as F

torch.manual_seed(0)
# ${['64 points around the line y = 0.5x − 0.5', '직선 y = 0.5x − 0.5 주변의 점 64개']}
x = torch.rand(64, 1) * 3 - 0.5
y = 0.5 * x - 0.5 + 0.4 * torch.randn(64, 1)
line = torch.nn.Linear(1, 1)   # w = −1.5, b = 1.5
with torch.no_grad():
    line.weight.fill_(-1.5)
    line.bias.fill_(1.5)
params = [line.weight, line.bias]

def grad(idx):  # ${['the MSE\'s gradient over points idx', '점 idx에 대한 MSE의 기울기']}
    loss = F.mse_loss(line(x[idx]), y[idx])
    gw, gb = torch.autograd.grad(loss, params)
    return torch.cat([gw.flatten(), gb])

full = grad(torch.arange(64))
for B in (1, 4, 16, 64):
    gaps = torch.stack([grad(torch.randperm(64)[:B])
                        - full for _ in range(1000)])
    rms = gaps.pow(2).sum(1).mean().sqrt()
    print(B, round(rms.item(), 3))
# ${['halves from 1 to 4, a bit more from 4 to 16;', '1에서 4로 절반, 4에서 16으로는 절반보다']}
# ${['none at 64', '조금 더 줄고, 64에서 0']}`,
          js: bi`// ${['64 points around the line y = 0.5x − 0.5', '직선 y = 0.5x − 0.5 주변의 점 64개']}
const gauss = () =>  // ${['a standard normal number', '표준 정규분포를 따르는 수']}
  Math.sqrt(-2 * Math.log(1 - Math.random()))
  * Math.cos(2 * Math.PI * Math.random());
const x = Float32Array.from({ length: 64 },
  () => 3 * Math.random() - 0.5);
const y = x.map((v) => 0.5 * v - 0.5 + 0.4 * gauss());
// ${['the line as a model, at w = −1.5, b = 1.5', '모델로 만든 직선, w = −1.5, b = 1.5']}
const line = lw.Model.fromSpec({ input: [1],
  layers: [{ type: 'linear', out: 1 }] });
line.setParameters([
  { name: '0.weight', shape: [1, 1], data: [-1.5] },
  { name: '0.bias', shape: [1], data: [1.5] }]);
// ${['lr 0: the step leaves the line in place', '학습률 0: 스텝을 밟아도 직선은 그대로']}
const still = lw.optim.SGD(line, { lr: 0 });
function grad(idx) {  // ${['the MSE\'s gradient over idx', 'idx에 대한 MSE의 기울기']}
  line.trainStep(Float32Array.from(idx, (i) => x[i]),
    Float32Array.from(idx, (i) => y[i]),
    idx.length, 'mse', still);
  return line.gradients().map((g) => g.data[0]);
}
function randomBatch(B) {  // ${['B different points', '서로 다른 점 B개']}
  const idx = Array.from({ length: 64 }, (_, i) => i);
  for (let i = 0; i < B; ++i) {
    const j = i + Math.floor(Math.random() * (64 - i));
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  return idx.slice(0, B);
}
const full = grad(randomBatch(64));
for (const B of [1, 4, 16, 64]) {
  let sum = 0;
  for (let k = 0; k < 1000; ++k) {
    const [gw, gb] = grad(randomBatch(B));
    sum += (gw - full[0]) ** 2 + (gb - full[1]) ** 2;
  }
  console.log(B, Math.sqrt(sum / 1000).toFixed(3));
}`,
        } },
        { note: {
          en: 'The noise is not all loss. It keeps the parameters moving where the exact gradient would stall, e.g. on the saddle\'s ridge, where the exact gradient has no sideways part at all. Where it hurts, late in training near a minimum, the usual cures are a smaller learning rate or a larger batch.',
          ko: '잡음이 손해만 끼치는 것은 아닙니다. 정확한 기울기라면 멈춰 버릴 곳, 예를 들어 옆으로 미는 성분이 전혀 없는 안장점의 능선 위에서도 잡음은 파라미터를 계속 움직이게 합니다. 잡음이 해가 되는 때는 학습 후반에 최솟값 근처에 다다랐을 때이고, 그때는 보통 학습률을 낮추거나 배치를 키웁니다.',
        } },
      ],
    },
    {
      id: 'batch-size',
      title: { en: 'Batch size on real pictures', ko: '실제 그림으로 보는 배치 크기' },
      blocks: [
        { p: {
          en: 'So a bigger batch gives a better gradient, but it costs more work per update. Which batch size wins depends on what you count. Below, a small network (784-32-10 with ReLU) learns Fashion-MNIST, the 28 × 28 photos of clothing from the hidden-layers lesson, three times with plain SGD: in batches of 1, of 10, and of all 10,000 training pictures (the full batch). The three start from the same initial weights, use the same learning rate and see the same pictures in the same shuffled order. Every 500 pictures, and after 1, 2, 5, 10, 20, … updates, each is measured on the 2,000 test pictures.',
          ko: '배치가 크면 기울기는 정확해지지만 업데이트 한 번에 드는 계산이 늘어납니다. 어떤 배치 크기가 이기는지는 무엇을 기준으로 세느냐에 달렸습니다. 아래에서는 작은 네트워크(784-32-10, ReLU)가 은닉층 레슨에서 본 28 × 28 옷 사진 데이터셋 Fashion-MNIST를 기본 SGD로 세 번 학습합니다. 배치 크기는 각각 1, 10, 그리고 훈련 그림 10,000장 전체(전체 배치)입니다. 세 모델은 같은 초기 가중치에서 출발하고, 학습률이 같으며, 같은 그림을 같은 순서로 섞어서 봅니다. 그림 500장마다, 그리고 업데이트 1, 2, 5, 10, 20, … 번째마다 테스트 그림 2,000장으로 성능을 잽니다.',
        } },
        { widget: 'batch', make: optimBatch(),
          caption: {
            en: 'Press Race; change the axis at any time. A new learning rate or number of epochs clears the race.',
            ko: '경주 시작을 누르세요. 비교 기준은 언제든 바꿀 수 있고, 학습률이나 에포크 수를 바꾸면 경주 결과가 지워집니다.',
          } },
        { p: { en: 'Compare them three ways:', ko: '세 가지 기준으로 비교해 보세요.' } },
        { list: [
          { en: '**Per epoch** (the same pictures seen): in one epoch batch 1 makes 10,000 updates, batch 10 makes 1,000 and the full batch one. At 0.01, batch 1 ends the epoch ahead, and the full batch has hardly left the start.',
            ko: '**에포크 기준**(본 그림 수가 같을 때): 한 에포크 동안 배치 1은 업데이트를 10,000번, 배치 10은 1,000번, 전체 배치는 한 번 합니다. 학습률 0.01에서는 배치 1이 가장 앞서 에포크를 마치고, 전체 배치는 출발점에서 거의 움직이지 않습니다.' },
          { en: '**Per update**: each update of batch 10 averages ten pictures\' gradients, so it is less noisy. After the same number of updates, 1,000 say, batch 10 is ahead of batch 1. The full batch\'s update is exact, but each one costs all 10,000 pictures.',
            ko: '**업데이트 기준**: 배치 10은 업데이트마다 그림 열 장의 기울기를 평균하므로 잡음이 적습니다. 업데이트 횟수가 같으면(예를 들어 1,000번) 배치 10이 배치 1보다 앞섭니다. 전체 배치의 업데이트는 정확하지만, 한 번 할 때마다 그림 10,000장을 모두 계산해야 합니다.' },
          { en: '**Per second** (each copy\'s own computing time, the measuring left out): every update has a fixed cost besides its arithmetic (gathering the batch, a call into the engine), and batch 1 pays it 10,000 times an epoch. So here, as in PyTorch, batch 10 usually gets through the epoch sooner; whether that buys a lower loss per second depends on the machine and the learning rate. Graphics cards do many pictures at once almost as fast as one, which widens the gap and is one reason people train with batches of 32 to 512.',
            ko: '**시간 기준**(모델마다 자기 학습에 쓴 계산 시간, 성능 측정 시간은 뺌): 업데이트에는 계산 말고도 고정 비용(배치 모으기, 엔진 호출)이 드는데, 배치 1은 에포크마다 이 비용을 10,000번 냅니다. 그래서 여기서도 PyTorch에서처럼 대개 배치 10이 에포크를 더 빨리 마칩니다. 그 덕에 같은 시간에 손실이 더 낮아지는지는 컴퓨터와 학습률에 따라 다릅니다. GPU는 그림 여러 장을 한 장과 거의 같은 시간에 처리하므로 이 차이가 더 커지는데, 사람들이 배치 크기를 32에서 512 사이로 두고 학습하는 이유 중 하나입니다.' },
        ] },
        { task: 'batch-noise',
          text: {
            en: 'At 0.01, batch 1 wins per epoch: ten times as many updates outweigh their extra noise. Make the noise cost more: find a learning rate at which **batch 10** ends the race with a lower test loss than batch 1, and a test accuracy of at least 70%.',
            ko: '학습률 0.01에서는 에포크 기준으로 배치 1이 이깁니다. 업데이트가 열 배 많다는 장점이 잡음이라는 단점보다 크기 때문입니다. 이번에는 잡음이 더 큰 손해가 되게 해 보세요. **배치 10**이 배치 1보다 낮은 테스트 손실로 경주를 마치고, 테스트 정확도도 70% 이상인 학습률을 찾아보세요.',
          },
          hint: {
            en: 'A step is the learning rate times a noisy gradient, so a larger learning rate makes the noise larger too, and batch 1\'s noise is about $\\sqrt{10} \\approx 3$ times batch 10\'s. Try a learning rate a few times larger.',
            ko: '한 걸음은 학습률에 잡음 섞인 기울기를 곱한 값이므로, 학습률을 키우면 잡음도 커집니다. 게다가 배치 1의 잡음은 배치 10의 약 $\\sqrt{10} \\approx 3$배입니다. 학습률을 몇 배 키워 보세요.',
          },
          success: {
            en: 'Batch 10 won per epoch. Batch 1\'s extra updates only help while each step is small enough for its noise to average out. A larger batch takes a larger learning rate: batch 10 at 0.03 ends about where batch 1 does at 0.003.',
            ko: '에포크 기준으로 배치 10이 이겼습니다. 배치 1의 많은 업데이트는 한 걸음 한 걸음이 잡음이 상쇄될 만큼 작을 때만 도움이 됩니다. 배치가 크면 학습률도 크게 잡을 수 있습니다. 학습률 0.03의 배치 10은 학습률 0.003의 배치 1과 거의 같은 곳에서 에포크를 마칩니다.',
          },
          check: (ctx, done) => ctx.widget('batch').onFinish((r) => {
            if (batchTen(r)) done();
          }) },
        { p: {
          en: 'In practice, batches of 32 to 256 are the usual compromise: enough updates per epoch, gradients clean enough for a useful learning rate, and work the hardware can do in parallel. When you change the batch size, tune the learning rate again. In PyTorch the batch size is the `DataLoader`\'s `batch_size`; in Layerwise it is the second argument of `trainEpoch`. The pictures in this code are random stand-ins of the same shape.',
          ko: '실제로는 배치 크기를 32에서 256 사이로 두는 것이 흔한 절충입니다. 에포크마다 업데이트를 충분히 하면서도, 쓸 만한 학습률을 감당할 만큼 기울기가 깨끗하고, 하드웨어가 병렬로 처리하기에도 좋습니다. 배치 크기를 바꾸면 학습률도 다시 조정하세요. PyTorch에서는 `DataLoader`의 `batch_size`가, Layerwise에서는 `trainEpoch`의 두 번째 인자가 배치 크기입니다. 아래 코드의 그림은 모양만 같은 무작위 값입니다.',
        } },
        { code: {
          torch: bi`import time
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset

# ${['stand-ins: use Fashion-MNIST\'s 10,000 training', '임시 그림: 실제로는 [0, 1]로 바꾼 Fashion-MNIST']}
# ${['pictures, scaled to [0, 1]', '훈련 그림 10,000장을 쓴다']}
x = torch.rand(10000, 784)
y = torch.randint(0, 10, (10000,))
for batch in (1, 10, 10000):
    torch.manual_seed(1)   # ${['the same initial weights', '같은 초기 가중치']}
    model = nn.Sequential(nn.Linear(784, 32), nn.ReLU(),
                          nn.Linear(32, 10))
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    torch.manual_seed(2)   # ${['the same shuffled order', '같은 순서로 섞기']}
    loader = DataLoader(TensorDataset(x, y),
                        batch_size=batch, shuffle=True)
    start, updates = time.perf_counter(), 0
    for xb, yb in loader:  # ${['one epoch', '한 에포크']}
        opt.zero_grad()
        F.cross_entropy(model(xb), yb).backward()
        opt.step()
        updates += 1
    print(batch, updates, time.perf_counter() - start)`,
          js: bi`// ${['stand-ins: use Fashion-MNIST\'s 10,000 training', '임시 그림: 실제로는 [0, 1]로 바꾼 Fashion-MNIST']}
// ${['pictures, scaled to [0, 1]', '훈련 그림 10,000장을 쓴다']}
const pictures = Float32Array.from(
  { length: 10000 * 784 }, Math.random);
const labels = Float32Array.from({ length: 10000 },
  () => Math.floor(10 * Math.random()));
const train = lw.data.fromArrays(pictures, labels,
  { features: 784, classes: 10 });
const spec = { input: [784], seed: 1, layers: [
  { type: 'linear', out: 32 }, { type: 'relu' },
  { type: 'linear', out: 10 }] };
for (const batch of [1, 10, 10000]) {
  // ${['seed 1: the same initial weights and the', '시드 1: 세 모델 모두 같은 초기 가중치,']}
  // ${['same shuffled order for the three', '같은 순서로 섞인 그림']}
  const model = lw.Model.fromSpec(spec);
  const opt = lw.optim.SGD(model, { lr: 0.01 });
  const start = performance.now();
  model.trainEpoch(train, batch, 'cross_entropy', opt);
  const seconds = (performance.now() - start) / 1000;
  // ${['opt.steps: the updates it made', 'opt.steps: 업데이트 횟수']}
  console.log(batch, opt.steps, seconds);
  opt.dispose();
  model.dispose();
}`,
        } },
      ],
    },
  ],
  recap: [
    { id: 'spread',
      q: { en: 'A training set has a million examples. Gradients from batches of 1 miss the full gradient by about 2 (root mean square). About how far do batches of 100 miss it?', ko: '훈련 예제가 백만 개입니다. 배치 크기 1로 구한 기울기는 전체 기울기에서 (제곱평균제곱근으로) 2쯤 어긋납니다. 배치 크기 100이면 얼마쯤 어긋날까요?' },
      choices: [
        { en: 'About 0.02: a hundred times the batch, a hundred times less noise', ko: '약 0.02. 배치가 백 배면 잡음은 백분의 일' },
        { en: 'About 0.2', ko: '약 0.2' },
        { en: 'About 2: every batch is still only a sample', ko: '약 2. 어느 배치든 표본일 뿐이므로' },
      ],
      answer: 1,
      why: { en: 'The noise shrinks like $1/\\sqrt{B}$: a hundred times the batch gives $\\sqrt{100} = 10$ times less, so about 0.2 (the finite-set factor $\\sqrt{(N-B)/(N-1)}$ is 0.99995 here). A hundred times less would need the noise to fall like $1/B$.', ko: '잡음은 $1/\\sqrt{B}$에 비례해 줄어듭니다. 배치가 백 배면 잡음은 $\\sqrt{100} = 10$분의 1, 즉 약 0.2입니다(유한한 데이터에서 붙는 $\\sqrt{(N-B)/(N-1)}$은 여기서 0.99995). 백분의 일이 되려면 잡음이 $1/B$에 비례해 줄어야 합니다.' } },
    { id: 'valley',
      q: { en: 'On the narrow valley, 25 times steeper across than along, what does plain SGD do at a learning rate of 0.1?', ko: '가로지르는 쪽이 따라가는 쪽보다 25배 가파른 좁은 골짜기에서, 학습률 0.1의 기본 SGD는 어떻게 될까요?' },
      choices: [
        { en: 'It arrives sooner than at 0.05: its steps are twice as long', ko: '0.05일 때보다 빨리 도착한다. 걸음이 두 배로 길어지므로' },
        { en: 'It stops halfway along the floor', ko: '바닥을 따라가다 중간에 멈춘다' },
        { en: 'It diverges: the zigzag across the valley grows by half every step', ko: '발산한다. 골짜기를 가로지르는 지그재그가 스텝마다 1.5배로 커진다' },
      ],
      answer: 2,
      why: { en: 'Across the valley each step multiplies the distance from the floor by $1 - 25\\eta = -1.5$: the sign flips (the zigzag) and the size grows by half. Any $\\eta$ above $2/25 = 0.08$ diverges; along the floor 0.1 would be faster, but the walls decide first.', ko: '골짜기를 가로지르는 방향으로는 스텝마다 바닥까지의 거리에 $1 - 25\\eta = -1.5$가 곱해집니다. 부호가 바뀌며(지그재그) 크기는 1.5배가 됩니다. $\\eta$가 $2/25 = 0.08$을 넘으면 모두 발산합니다. 바닥을 따라가는 방향만 보면 0.1이 더 빠르겠지만, 그 전에 양쪽 벽에서 결판이 납니다.' } },
    { id: 'momentum',
      q: { en: 'SGD with momentum $\\mu = 0.9$ gets the same gradient $g$ at every step. How far does it end up moving per step?', ko: '모멘텀 $\\mu = 0.9$인 SGD가 스텝마다 똑같은 기울기 $g$를 받습니다. 결국 한 스텝에 얼마나 움직이게 될까요?' },
      choices: [
        { en: '$10\\,\\eta g$', ko: '$10\\,\\eta g$' },
        { en: '$\\eta g$, like plain SGD', ko: '기본 SGD처럼 $\\eta g$' },
        { en: '$0.9\\,\\eta g$: momentum damps the step', ko: '$0.9\\,\\eta g$. 모멘텀이 걸음을 줄이므로' },
      ],
      answer: 0,
      why: { en: '$b_t = 0.9\\,b_{t-1} + g$ settles where $b = 0.9\\,b + g$, at $b = g / (1 - 0.9) = 10g$. That is how momentum speeds along a gentle floor; a gradient that keeps flipping sign cancels instead.', ko: '$b_t = 0.9\\,b_{t-1} + g$는 $b = 0.9\\,b + g$가 되는 곳, 즉 $b = g / (1 - 0.9) = 10g$에 자리를 잡습니다. 모멘텀이 완만한 바닥에서 속도를 내는 원리가 이것이고, 부호가 계속 바뀌는 기울기는 반대로 서로 상쇄됩니다.' } },
    { id: 'adam-far',
      q: { en: 'Targets around 50 were not standardised, so the output bias must travel from 0 to about 50. With Adam at its default learning rate 0.001, at least how many steps does that take?', ko: '50 안팎인 목표값을 표준화하지 않아서 출력층 편향이 0에서 50 근처까지 가야 합니다. 기본 학습률 0.001의 Adam이라면 적어도 몇 스텝이 걸릴까요?' },
      choices: [
        { en: 'About 50: its gradient is large', ko: '약 50. 기울기가 크므로' },
        { en: 'About 5,000', ko: '약 5,000' },
        { en: 'About 50,000', ko: '약 50,000' },
      ],
      answer: 2,
      why: { en: 'An Adam step moves a parameter by about $\\eta$ however large its gradient: 0.001 per step, so 50 units take at least 50,000 steps. Standardise the targets or raise the learning rate.', ko: 'Adam의 한 스텝은 기울기가 아무리 커도 파라미터를 대략 $\\eta$만큼, 여기서는 0.001만큼 움직입니다. 그러니 50을 가려면 적어도 50,000 스텝이 걸립니다. 목표값을 표준화하거나 학습률을 키우세요.' } },
    { id: 'batch-epoch',
      q: { en: 'Batch 1 and batch 100 train with plain SGD at the same learning rate for one epoch over 10,000 pictures. Which is true?', ko: '배치 1과 배치 100이 같은 학습률의 기본 SGD로 그림 10,000장을 한 에포크 학습합니다. 맞는 것은?' },
      choices: [
        { en: 'Both made the same number of updates; batch 100\'s took longer', ko: '업데이트 횟수는 같고, 배치 100 쪽이 더 오래 걸렸다' },
        { en: 'Batch 1 made 100 times as many updates, each one noisier', ko: '배치 1이 업데이트를 100배 많이 했고, 업데이트 하나하나는 잡음이 더 많다' },
        { en: 'Batch 100 is surely ahead: its gradients are better', ko: '기울기가 더 정확하니 배치 100이 당연히 앞선다' },
      ],
      answer: 1,
      why: { en: 'An epoch is every picture once: 10,000 updates of one picture, or 100 updates of 100. Each of batch 100\'s updates has ten times less noise, but there are a hundred times fewer of them, so per epoch the small batch is often ahead, until a large learning rate magnifies its noise.', ko: '한 에포크는 모든 그림을 한 번씩 보는 것입니다. 그림 한 장짜리 업데이트 10,000번이거나, 100장짜리 업데이트 100번입니다. 배치 100의 업데이트는 하나하나의 잡음이 열 배 적지만 횟수가 백 배 적어서, 에포크 기준으로는 작은 배치가 앞서는 일이 많습니다. 다만 학습률이 커서 잡음이 함께 커지면 사정이 달라집니다.' } },
  ],
};
