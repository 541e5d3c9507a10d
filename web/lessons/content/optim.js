// Lesson 6: optimisers. SGD, momentum, RMSprop and Adam as update rules, their paths on 2-D
// loss surfaces, a race on the same network, and an honest test of "Adam usually just works".
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

export default {
  lead: {
    en: 'The loss says how wrong the network is and the gradient says which way is downhill. The optimiser decides how big a step to take, and in which exact direction. Here four of them race on curved surfaces and on a real network, and we test whether Adam really "just works".',
    ko: '손실은 네트워크가 얼마나 틀렸는지, 기울기는 어느 쪽이 내리막인지 알려 줍니다. 그 정보로 얼마나 크게, 정확히 어느 방향으로 한 걸음 내디딜지 정하는 것이 옵티마이저입니다. 이 레슨에서는 옵티마이저 네 개가 굽은 곡면과 실제 네트워크 위에서 경주를 벌이고, "Adam이면 대체로 잘 된다"는 말이 정말 맞는지 시험해 봅니다.',
  },
  sections: [
    {
      id: 'step',
      title: { en: 'One step downhill', ko: '내리막으로 한 걸음' },
      blocks: [
        { p: {
          en: 'After the backward pass every parameter $\\theta$ (each weight and bias) has a gradient $g = \\partial L / \\partial \\theta$: how much the loss rises if that parameter grows a little. The simplest rule moves each parameter a small distance against its gradient. The distance is set by the **learning rate** $\\eta$ (`lr` in code).',
          ko: '역전파가 끝나면 모든 파라미터 $\\theta$(가중치와 편향 하나하나)에 기울기 $g = \\partial L / \\partial \\theta$가 붙습니다. 그 파라미터를 조금 키웠을 때 손실이 얼마나 오르는지를 나타내는 값입니다. 가장 단순한 규칙은 각 파라미터를 기울기의 반대 방향으로 조금 옮기는 것이고, 얼마나 옮길지는 **학습률** $\\eta$(코드에서는 `lr`)가 정합니다.',
        } },
        { math: String.raw`\theta_t = \theta_{t-1} - \eta\, g_t` },
        { p: {
          en: 'This is **SGD**, stochastic gradient descent. "Stochastic" because $g_t$ comes from one mini-batch, not from all the data: each batch pulls in a slightly different direction, so the path is noisy. Too small a learning rate and training crawls; too large and the steps overshoot and the loss blows up. Every other optimiser in this lesson is a way of choosing a better step from the same gradients.',
          ko: '이것이 **SGD**(확률적 경사 하강법)입니다. "확률적"인 까닭은 $g_t$를 전체 데이터가 아니라 미니 배치 하나에서 구하기 때문입니다. 배치마다 조금씩 다른 쪽을 가리키니 경로가 흔들립니다. 학습률이 너무 작으면 학습이 한없이 더디고, 너무 크면 걸음이 최솟값을 지나쳐 손실이 발산합니다. 이 레슨의 다른 옵티마이저는 모두 같은 기울기로 더 나은 걸음을 고르는 방법입니다.',
        } },
        { p: {
          en: 'In PyTorch you pick an optimiser when you build the training loop. These are the three most courses start with, at their usual learning rates; in Layerwise the optimiser takes the model (or a list of your own parameters) and the same options in camelCase.',
          ko: 'PyTorch에서는 학습 루프를 짤 때 옵티마이저를 고릅니다. 아래는 입문 과정에서 흔히 소개하는 세 옵티마이저와 흔히 쓰는 학습률입니다. Layerwise에서는 옵티마이저가 모델(또는 직접 만든 파라미터 목록)을 받고, 옵션 이름은 같되 camelCase로 씁니다.',
        } },
        { code: {
          torch: bi`from torch import optim

params = model.parameters()
opt = optim.Adam(params, lr=1e-3)    # ${['or one of:', '또는 다음 중 하나:']}
# opt = optim.SGD(params, lr=1e-2)
# opt = optim.RMSprop(params, lr=1e-3)

for x, y in loader:          # ${['one step per batch', '배치마다 한 스텝']}
    opt.zero_grad()
    criterion(model(x), y).backward()
    opt.step()`,
          js: bi`const opt = lw.optim.Adam(model, { lr: 1e-3 });
// ${['or lw.optim.SGD(model, { lr: 1e-2 })', '또는 lw.optim.SGD(model, { lr: 1e-2 })']}
// ${['or lw.optim.RMSprop(model, { lr: 1e-3 })', '또는 lw.optim.RMSprop(model, { lr: 1e-3 })']}

// ${['one step on a batch of n samples:', '샘플 n개짜리 배치 하나로 한 스텝:']}
// ${['forward, loss, backward and the update', '순전파, 손실, 역전파, 업데이트']}
const loss = model.trainStep(x, y, n,
  lw.loss.CrossEntropy(), opt);`,
        } },
      ],
    },
    {
      id: 'rules',
      title: { en: 'Four update rules', ko: '네 가지 업데이트 규칙' },
      blocks: [
        { p: {
          en: '**Momentum** keeps a running direction $b$ (a "velocity") and steps along it instead of along the latest gradient alone. Directions that agree from step to step add up; directions that flip sign cancel. With $\\mu = 0.9$ a steady gradient ends up moving the parameter about ten times as far per step.',
          ko: '**모멘텀**은 진행 방향 $b$(일종의 "속도")를 계속 기억해 두고, 최신 기울기 하나가 아니라 이 방향을 따라 움직입니다. 매 스텝 같은 쪽을 가리키는 성분은 쌓이고, 부호가 바뀌며 흔들리는 성분은 서로 상쇄됩니다. $\\mu = 0.9$이면 기울기가 일정할 때 한 스텝에 움직이는 거리가 결국 열 배쯤 됩니다.',
        } },
        { math: String.raw`b_t = \mu\, b_{t-1} + g_t \quad (b_1 = g_1), \qquad \theta_t = \theta_{t-1} - \eta\, b_t` },
        { p: {
          en: '**RMSprop** gives every parameter its own step size. It keeps $v$, a running average of the squared gradient, and divides each gradient by $\\sqrt{v}$. A parameter whose gradients are large takes smaller steps, one whose gradients are tiny takes larger ones. PyTorch adds $\\epsilon$ after the square root so that it never divides by zero. By default it has no momentum (PyTorch does offer a `momentum` option).',
          ko: '**RMSprop**은 파라미터마다 걸음 크기를 따로 정합니다. 기울기 제곱의 이동 평균 $v$를 유지하고, 각 기울기를 $\\sqrt{v}$로 나눕니다. 기울기가 큰 파라미터는 작게, 아주 작은 파라미터는 크게 움직입니다. PyTorch는 0으로 나누지 않도록 제곱근 다음에 $\\epsilon$을 더합니다. 기본 설정에는 모멘텀이 없습니다(PyTorch에 `momentum` 옵션이 있기는 합니다).',
        } },
        { math: String.raw`v_t = \alpha\, v_{t-1} + (1-\alpha)\, g_t^2, \qquad \theta_t = \theta_{t-1} - \eta\, \frac{g_t}{\sqrt{v_t} + \epsilon}` },
        { p: {
          en: '**Adam** does both: a running average $m$ of the gradient (momentum) and a running average $v$ of its square (RMSprop\'s scale). Both start at zero, so in the first steps they are too small; dividing by $1 - \\beta^t$ corrects that (**bias correction**: at $t = 1$, $\\hat m_1 = g_1$ exactly). While the gradient keeps its size and sign, the ratio $\\hat m / \\sqrt{\\hat v}$ is about 1, so each parameter moves roughly $\\eta$ per step, *whatever the size of its gradient*. Keep that in mind: it explains both why Adam rarely blows up and the case below where it is slow.',
          ko: '**Adam**은 둘 다 합니다. 기울기의 이동 평균 $m$(모멘텀)과 기울기 제곱의 이동 평균 $v$(RMSprop의 크기 조절)를 함께 씁니다. 둘 다 0에서 시작하므로 처음 몇 스텝에는 값이 너무 작은데, $1 - \\beta^t$로 나누어 이를 바로잡습니다(**편향 보정**: $t = 1$에서 정확히 $\\hat m_1 = g_1$). 기울기의 크기와 부호가 유지되는 동안 $\\hat m / \\sqrt{\\hat v}$는 1 안팎이라서, 각 파라미터는 *기울기가 얼마나 크든* 한 스텝에 대략 $\\eta$만큼 움직입니다. 이 점을 기억해 두세요. Adam이 좀처럼 발산하지 않는 이유이자, 아래에서 볼 Adam이 느린 경우의 이유이기도 합니다.',
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
          ko: '실제 네트워크에는 파라미터가 수천 개라서 손실을 그림으로 그릴 수 없습니다. 파라미터가 $x$, $y$ 두 개뿐이면 가능합니다. 아래 그림의 음영이 손실 $f(x, y)$이고(어두울수록 높음), 색 선은 흰 점에서 출발한 각 옵티마이저의 경로입니다. 네 옵티마이저의 학습률은 같습니다. 기울기는 식으로 계산하고, 걸음은 네트워크를 학습시키는 바로 그 Layerwise 옵티마이저가 내딛습니다.',
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
          ko: '**좁은 골짜기**는 가로지르는 방향으로 골짜기를 따라가는 방향보다 25배 가파르게 휘어 있습니다. 그래서 바닥에서 벗어난 곳의 내리막은 주로 골짜기를 가로지르는 쪽을 향하고, 바닥을 따라 최솟값으로 가는 성분은 작습니다. 여기서 기본 SGD에는 넘을 수 없는 한계가 있습니다. 골짜기를 가로지르는 방향으로는 한 스텝마다 바닥까지의 거리에 $1 - 25\\eta$가 곱해지는데, $\\eta > 2/25 = 0.08$이면 이 값이 $-1$보다 작아져 지그재그가 끝없이 커집니다. 한계보다 작으면 이번에는 바닥을 따라가는 길이 느립니다. 그 방향으로는 한 스텝에 최솟값까지의 거리가 $1 - \\eta$배가 될 뿐이니까요.',
        } },
        { widget: 'surface', make: optimSurface('valley'),
          caption: {
            en: 'The same start, the same learning rate, four rules. The cross marks the minimum; a path counts as arrived once it is within 0.05 of it.',
            ko: '같은 출발점, 같은 학습률, 서로 다른 규칙 네 개. 십자 표시가 최솟값이고, 경로가 그 0.05 안에 들어오면 도착으로 칩니다.',
          } },
        { task: 'valley',
          text: {
            en: 'On the narrow valley, from a start at least 1 away from the minimum along the floor (the preset start is 1.41 away), get **plain SGD** to the minimum in fewer than 100 steps by choosing the learning rate.',
            ko: '좁은 골짜기에서 바닥을 따라 최솟값과 1 이상 떨어진 곳(처음 출발점은 1.41 떨어져 있음)에서 출발해, 학습률만 골라서 **기본 SGD**가 100 스텝 안에 최솟값에 도착하게 해 보세요.',
          },
          hint: {
            en: 'Larger is faster along the floor, but above 0.08 the steps across the valley grow instead of shrinking. Try just below the limit.',
            ko: '학습률이 클수록 바닥을 따라 빨리 가지만, 0.08을 넘으면 골짜기를 가로지르는 흔들림이 줄지 않고 커집니다. 한계 바로 아래를 시도해 보세요.',
          },
          success: {
            en: 'SGD made it, inside a narrow window of learning rates: slow below, exploding above. Momentum reaches the minimum over a much wider range.',
            ko: 'SGD가 도착했습니다. 다만 학습률의 폭이 좁습니다. 그보다 작으면 느리고, 크면 폭발합니다. 모멘텀은 훨씬 넓은 범위에서 최솟값에 닿습니다.',
          },
          check: (ctx, done) => onSurfaceRun(ctx, 'surface', (r) => r.surface === 'valley'
            && alongFloor(r.start) >= 1 && r.paths.sgd.hit !== null && r.paths.sgd.hit < 100, done) },
        { note: {
          en: 'Watch RMSprop on the valley with a learning rate of 0.1 or more and 1000 steps. It reaches the minimum quickly, then a few hundred steps later starts rattling around it and never settles. Once $v$ has forgotten the large early gradients, its step is back to about $\\eta$ even though the gradient is tiny, and without momentum nothing averages the back-and-forth away. Adam\'s $m$ does, and Adam settles.',
          ko: '골짜기에서 학습률을 0.1 이상, 스텝을 1000으로 두고 RMSprop을 지켜보세요. 최솟값에 빨리 닿지만, 몇백 스텝 뒤에는 그 주변에서 덜컹거리기 시작하고 끝내 자리를 잡지 못합니다. $v$가 초반의 큰 기울기를 잊고 나면 기울기가 아주 작아도 한 걸음이 다시 대략 $\\eta$가 되는데, 모멘텀이 없으니 왔다 갔다 하는 움직임을 평균으로 지워 줄 것이 없습니다. Adam에서는 $m$이 그 역할을 하고, Adam은 자리를 잡습니다.',
        } },
        { p: {
          en: 'The **saddle** $f = x^2/2 + y^4/4 - y^2/2$ is flat at $(0, 0)$: downhill in $y$, uphill in $x$. On the ridge $y = 0$ the gradient has no $y$ part at all, so every optimiser slides straight into the saddle point and stays there. Start a hair off the ridge and the slope in $y$ is tiny: SGD\'s steps are tiny with it, and $y$ only grows by a factor $1 + \\eta$ per step. Momentum accumulates those tiny pushes; Adam divides them by their own size, so it steps about $\\eta$ from the first step on.',
          ko: '**안장점** $f = x^2/2 + y^4/4 - y^2/2$은 $(0, 0)$에서 평평합니다. $y$ 방향으로는 내리막, $x$ 방향으로는 오르막입니다. 능선 $y = 0$ 위에서는 기울기에 $y$ 성분이 전혀 없어서, 어느 옵티마이저든 안장점으로 곧장 미끄러져 들어가 거기 머뭅니다. 능선에서 아주 조금만 벗어나 출발하면 $y$ 방향 경사가 아주 작습니다. SGD의 걸음도 그만큼 작아서 $y$는 한 스텝에 $1 + \\eta$배씩밖에 자라지 않습니다. 모멘텀은 그 작은 기울기를 스텝마다 쌓아 속도를 내고, Adam은 기울기를 그 크기로 나누므로 첫 스텝부터 대략 $\\eta$씩 움직입니다.',
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
          ko: '이제 진짜 네트워크입니다. tanh를 쓰는 2-16-16-2 네트워크가 팔이 두 개인 나선 300점을 분류합니다. 네트워크 네 벌이 **같은 초기 가중치**(같은 시드)에서 출발해, 크기 20인 같은 미니 배치를 같은 순서로 봅니다. 다른 것은 업데이트 규칙과 학습률뿐입니다. 학습률은 흔히 쓰는 값에서 시작합니다. 곡선은 에포크마다 300점 전체에서 잰 손실이고, 세로축은 로그 눈금입니다.',
        } },
        { code: {
          torch: bi`import copy
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import optim

# x: [300, 2] points, y: [300] class indices (0 or 1)
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
          ko: '이 흔한 숫자 그대로라면 학습률 0.01의 SGD는 100 에포크 동안 거의 움직이지 않는 반면, 0.001의 Adam과 RMSprop은 아무도 조정하지 않았는데도 느리지만 꾸준히 나아갑니다. "Adam이면 대체로 잘 된다"는 말의 정직한 핵심이 이것입니다. 크기가 1 안팎인 파라미터에는 Adam의 기본값이 적당한 걸음이고, 입력을 표준화하고 초기화를 잘하면 파라미터가 바로 그 정도 크기가 됩니다. 그런데 SGD와 같은 학습률의 모멘텀이 이보다 더 잘한다는 점도 보세요. 비교는 학습률이 공정한 만큼만 공정합니다.',
        } },
        { task: 'beat-adam',
          text: {
            en: 'Leave Adam at its default 0.001 and find a learning rate for **plain SGD** that ends the 100 epochs with a lower loss than Adam.',
            ko: 'Adam은 기본값 0.001로 두고, **기본 SGD**가 100 에포크 끝에 Adam보다 낮은 손실로 끝나는 학습률을 찾아보세요.',
          },
          hint: {
            en: 'SGD\'s step is the learning rate times the gradient, and these gradients are small. Try ten times larger, then more.',
            ko: 'SGD의 걸음은 학습률 곱하기 기울기인데, 여기서는 기울기가 작습니다. 열 배로 키워 보고, 더 키워 보세요.',
          },
          success: {
            en: 'Tuned SGD beat untuned Adam. "Adam just works" means it needs less tuning, not that it always wins.',
            ko: '조정한 SGD가 조정하지 않은 Adam을 이겼습니다. "Adam이면 된다"는 말은 조정이 덜 필요하다는 뜻이지, 언제나 이긴다는 뜻이 아닙니다.',
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
          en: 'The banana-shaped valley of Rosenbrock\'s function $f = (1 - x)^2 + 100\\,(y - x^2)^2$ is a classic test: steep walls, and a curved floor that falls very gently towards the minimum at $(1, 1)$. At its preset learning rate of 0.01, SGD and momentum blow up within a few steps while Adam, whose step is capped at about $\\eta$, keeps going. Raise the learning rate to about 0.03 or 0.1 with 2000 steps and Adam reaches the minimum while both SGDs still explode. Across a wide range of learning rates, Adam does not fail. That is the other half of its reputation.',
          ko: '로젠브록 함수 $f = (1 - x)^2 + 100\\,(y - x^2)^2$의 바나나 모양 골짜기는 고전적인 시험 문제입니다. 벽은 가파르고, 휘어진 바닥은 $(1, 1)$의 최솟값을 향해 아주 완만하게 내려갑니다. 미리 정해 둔 학습률 0.01에서 SGD와 모멘텀은 몇 스텝 만에 발산하지만, 걸음이 대략 $\\eta$로 묶인 Adam은 계속 나아갑니다. 학습률을 0.03이나 0.1 정도로, 스텝을 2000으로 올리면 두 SGD는 여전히 폭발하는데 Adam은 최솟값에 도착합니다. 학습률의 넓은 범위에서 Adam은 실패하지 않습니다. 그 명성의 나머지 절반이 이것입니다.',
        } },
        { p: {
          en: 'Now the other side of the same cap. Each Adam step moves a parameter about $\\eta$, so $n$ steps can carry it at most about $n\\eta$: with the default $\\eta = 0.001$, a thousand steps cover about one unit, whatever the gradient says. SGD with momentum has no such speed limit. Once its learning rate is small enough to be stable on the walls, its velocity builds up along the floor. So there are learning rates at which momentum arrives and Adam is still near the start. Real training has the same effect when parameters must travel far, e.g. a bias that must reach 50 because the targets were not standardised, and it is one reason practitioners tune Adam\'s learning rate too.',
          ko: '이번에는 같은 상한의 반대쪽입니다. Adam은 한 스텝에 파라미터를 대략 $\\eta$만큼 움직이므로, $n$ 스텝 동안 갈 수 있는 거리는 많아야 대략 $n\\eta$입니다. 기본값 $\\eta = 0.001$이면 기울기가 뭐라고 하든 천 스텝에 1 정도만 갑니다. 모멘텀 SGD에는 이런 속도 제한이 없습니다. 벽에서 안정할 만큼 학습률이 작아지면 바닥을 따라 속도가 붙습니다. 그래서 모멘텀은 도착하는데 Adam은 아직 출발점 근처에 있는 학습률이 존재합니다. 실제 학습에서도 파라미터가 멀리 가야 할 때, 예를 들어 목표값을 표준화하지 않아서 편향이 50까지 가야 할 때 같은 일이 일어납니다. 실무자들이 Adam의 학습률도 조정하는 이유 중 하나입니다.',
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
            en: 'Lower the learning rate until momentum stops exploding: around 0.001 to 0.002, with 1000 steps.',
            ko: '모멘텀이 더는 폭발하지 않을 때까지 학습률을 낮춰 보세요. 0.001에서 0.002 사이, 1000 스텝 정도입니다.',
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
  ],
};
