// Lesson 5: loss functions — BCE, cross-entropy and MSE drawn against the prediction; why
// cross-entropy takes logits (softmax applied twice); BCE after a sigmoid versus BCE with
// logits; MSE versus BCE on a classification task from a bad start.
import { playground, onEpoch } from '../widgets/playground.js';
import { lossCurvesWidget } from '../widgets/loss-curves.js';
import { doubleSoftmaxWidget } from '../widgets/loss-double.js';
import { saturationWidget } from '../widgets/loss-saturation.js';
import { commentedWith } from './bilingual.js';

const R = String.raw;

// The code blocks' comments in Korean (the code itself is the same in both languages).
const KO = {
  'after a sigmoid': '시그모이드 뒤에',
  'on raw logits': '로짓을 그대로 받는다',
  '# regression': '# 회귀',
  '// regression': '// 회귀',
  'y: class indices': 'y: 클래스 인덱스',
  'zero_grad, forward, backward and step in one call': 'zero_grad, 순전파, 역전파, step을 한 번에',
  'the bug: softmax in the model AND inside the loss': '버그: 모델에도, 손실 안에도 소프트맥스',
  'never below log(e + 2) - 1 ≈ 0.551': 'log(e + 2) - 1 ≈ 0.551 아래로는 내려가지 않는다',
  'the fix: the model ends in logits': '수정: 모델은 로짓으로 끝난다',
  'softmax only to read probabilities': '소프트맥스는 확률을 읽을 때만',
  'stuck above log(e + 2) - 1': 'log(e + 2) - 1 위에서 멈춘다',
  'fragile: a sigmoid in the model, BCE on probabilities': '불안정: 모델 안의 시그모이드, 확률에 BCE',
  't: float 0s and 1s, shape [B, 1]': 't: 0 또는 1인 float 값, 모양 [B, 1]',
  'stable: the model ends in a logit': '안정: 모델은 로짓으로 끝난다',
  'probabilities only to read them': '확률은 읽을 때만 계산한다',
};
const commented = commentedWith(KO);

/** Watches a custom widget's changes: test(detail) → done. */
const watch = (id, test) => (ctx, done) => ctx.widget(id).on((detail) => { if (test(detail)) done(); });

export default {
  lead: {
    en: 'A loss function turns every prediction into one number that says how wrong it was, and its gradient is all that training ever feels. Picking the loss that matches the output layer decides whether a network learns quickly, slowly or not at all.',
    ko: '손실 함수는 예측마다 얼마나 틀렸는지를 숫자 하나로 바꿉니다. 학습이 느끼는 것은 오직 그 숫자의 기울기뿐입니다. 출력층에 맞는 손실 함수를 고르느냐에 따라 네트워크가 빨리 배울지, 느리게 배울지, 아예 못 배울지가 갈립니다.',
  },
  sections: [
    {
      id: 'report-card',
      title: { en: 'Three losses, three kinds of output', ko: '세 가지 손실, 세 가지 출력' },
      blocks: [
        { p: {
          en: 'A loss scores the model on every batch, and here a low score is a good one: near 0 when the predictions match the targets, large when they do not. Training never looks at accuracy; it only follows the gradient of this score. Each kind of output layer has its own usual loss (PyTorch averages it over the batch):',
          ko: '손실은 배치마다 모델에 매기는 점수인데, 낮을수록 좋은 점수입니다. 예측이 목표와 맞으면 0에 가깝고, 틀릴수록 커집니다. 학습은 정확도를 보지 않고 오직 이 점수의 기울기만 따라갑니다. 출력층의 종류마다 흔히 짝짓는 손실이 있습니다(PyTorch는 배치에 대해 평균을 냅니다).',
        } },
        { list: [
          { en: R`**Binary cross-entropy** (two classes; the prediction $p$ is a probability in $[0, 1]$, the target $t$ is 0 or 1): $\;-\big[t \log p + (1 - t)\log(1 - p)\big]$.`,
            ko: R`**이진 교차 엔트로피** (두 클래스. 예측 $p$는 $[0, 1]$ 안의 확률, 목표 $t$는 0 또는 1): $\;-\big[t \log p + (1 - t)\log(1 - p)\big]$.` },
          { en: R`**Cross-entropy** (several classes; logits $z$, target class $c$): $\;-\log \operatorname{softmax}(z)_c$, the surprise at the right answer.`,
            ko: R`**교차 엔트로피** (여러 클래스. 로짓 $z$, 정답 클래스 $c$): $\;-\log \operatorname{softmax}(z)_c$, 즉 정답을 보고 놀라는 정도입니다.` },
          { en: R`**Mean squared error** (regression; prediction $\hat y$, target $y$): $\;(\hat y - y)^2$.`,
            ko: R`**평균 제곱 오차** (회귀. 예측 $\hat y$, 목표 $y$): $\;(\hat y - y)^2$.` },
        ] },
        { code: {
          torch: commented(`import torch.nn as nn

bce = nn.BCELoss()          # after a sigmoid
ce = nn.CrossEntropyLoss()  # on raw logits
mse = nn.MSELoss()          # regression

optimizer.zero_grad()
loss = ce(model(x), y)      # y: class indices
loss.backward()
optimizer.step()`),
          js: commented(`const bce = lw.loss.BCE();          // after a sigmoid
const ce = lw.loss.CrossEntropy();  // on raw logits
const mse = lw.loss.MSE();          // regression

// zero_grad, forward, backward and step in one call
const loss = model.trainStep(x, y, batch, ce, optimizer);`),
        } },
      ],
    },
    {
      id: 'against-p',
      title: { en: 'The losses drawn against the prediction', ko: '예측에 따라 그려 본 손실' },
      blocks: [
        { p: {
          en: R`Take one example whose target is 1 and whose network says $p = \sigma(z)$. Binary cross-entropy is $-\log p$: it grows without limit as $p \to 0$. Squared error is $(1 - p)^2$: it never exceeds 1, however wrong the prediction. What moves the weights is the gradient with respect to the logit $z$, and there the two differ even more:`,
          ko: R`목표가 1이고 네트워크가 $p = \sigma(z)$라고 답한 예시 하나를 생각해 봅시다. 이진 교차 엔트로피는 $-\log p$라서 $p \to 0$이면 끝없이 커집니다. 제곱 오차는 $(1 - p)^2$라서 아무리 틀려도 1을 넘지 않습니다. 가중치를 움직이는 것은 로짓 $z$에 대한 기울기인데, 여기서 둘의 차이는 더 커집니다.`,
        } },
        { math: R`\begin{gathered} \frac{\partial}{\partial z}\big(-\log \sigma(z)\big) = p - 1 \\ \frac{\partial}{\partial z}\big(1 - \sigma(z)\big)^2 = 2\,(p - 1)\,p\,(1 - p) \end{gathered}` },
        { p: {
          en: R`With BCE the sigmoid’s slope $p(1-p)$ cancels, and the push on the logit is simply the error $p - 1$: largest when the network is most wrong. MSE keeps that slope as a factor, so when the network is confidently wrong ($p \approx 0$) its push fades to nothing. Drag $p$ and compare; every number here is computed by the engine.`,
          ko: R`BCE에서는 시그모이드의 기울기 $p(1-p)$가 약분되어, 로짓을 미는 힘이 그냥 오차 $p - 1$이 됩니다. 네트워크가 가장 크게 틀렸을 때 가장 세게 밉니다. MSE에는 그 기울기가 곱해진 채 남아 있어서, 네트워크가 자신 있게 틀릴 때($p \approx 0$) 미는 힘이 거의 사라집니다. $p$를 움직여 비교해 보세요. 여기 나오는 숫자는 모두 엔진이 계산합니다.`,
        } },
        { widget: 'curves', make: lossCurvesWidget({ p: 0.8 }),
          caption: {
            en: 'Loss and gradient for one example with target 1, computed by the Layerwise engine (one training step with learning rate 0).',
            ko: '목표가 1인 예시 하나의 손실과 기울기. Layerwise 엔진이 계산합니다(학습률 0으로 학습 단계를 한 번 실행).',
          } },
        { task: 'peak',
          text: { en: 'Find the prediction $p$ at which MSE pushes the logit hardest.', ko: 'MSE가 로짓을 가장 세게 미는 예측값 $p$를 찾아보세요.' },
          hint: {
            en: 'Watch the orange curve on the right and find its lowest point. With algebra: the derivative of $(1-p)^2 p$ is zero at $p = 1/3$.',
            ko: '오른쪽 그래프에서 주황색 곡선의 가장 낮은 점을 찾으세요. 식으로 풀면 $(1-p)^2 p$의 도함수가 $p = 1/3$에서 0이 됩니다.',
          },
          success: {
            en: 'Around $p = 1/3$ MSE pushes hardest, and even there only about 0.3. Below that, the more wrong the network is, the less MSE helps.',
            ko: '$p = 1/3$ 근처에서 MSE가 가장 세게 밀지만, 그래도 0.3 정도입니다. 그보다 더 틀리면, 틀릴수록 MSE의 도움은 줄어듭니다.',
          },
          check: watch('curves', ({ gMse }) => Math.abs(gMse) >= 0.293) },
        { task: 'mistake',
          text: {
            en: 'Find a confident mistake — a small $p$ — at which MSE pushes the logit less than a tenth as hard as BCE.',
            ko: '자신 있게 틀린 예측(작은 $p$) 가운데, MSE가 로짓을 미는 힘이 BCE의 10분의 1도 안 되는 곳을 찾아보세요.',
          },
          hint: {
            en: R`The ratio of the two gradients is $2p(1-p)$. Try $p$ below 0.05.`,
            ko: R`두 기울기의 비는 $2p(1-p)$입니다. $p$를 0.05 아래로 내려 보세요.`,
          },
          success: {
            en: 'Here BCE still pushes with almost full force, while MSE barely moves the network: a confidently wrong network trained with MSE hardly learns.',
            ko: '여기서 BCE는 거의 최대의 힘으로 밀지만 MSE는 네트워크를 거의 움직이지 못합니다. MSE로 학습하는, 자신 있게 틀린 네트워크는 거의 배우지 못합니다.',
          },
          check: watch('curves', ({ p, gMse, gBce }) => p < 0.5 && gMse / gBce < 0.1) },
      ],
    },
    {
      id: 'softmax-ce',
      title: { en: 'Cross-entropy takes logits: softmax applied twice', ko: '교차 엔트로피는 로짓을 받는다: 소프트맥스를 두 번 쓰면' },
      blocks: [
        { p: {
          en: R`Cross-entropy and softmax belong together. Combined, the gradient with respect to each logit is just "predicted minus wanted", the same clean form as BCE with a sigmoid:`,
          ko: R`교차 엔트로피와 소프트맥스는 한 쌍입니다. 둘을 합치면 각 로짓에 대한 기울기가 "예측 빼기 정답"이 되어, 시그모이드와 BCE의 경우처럼 깔끔해집니다.`,
        } },
        { math: R`\begin{gathered} L = -\log \operatorname{softmax}(z)_c \\ \frac{\partial L}{\partial z_k} = \operatorname{softmax}(z)_k - [\,k = c\,] \end{gathered}` },
        { p: {
          en: 'That is why PyTorch’s `nn.CrossEntropyLoss` applies the (log-)softmax **itself** and expects raw logits. A model that already ends in `nn.Softmax` feeds it probabilities, so softmax is applied twice. The network still learns something, but the loss now sees numbers between 0 and 1, and that puts a floor under it: even a perfectly sure, correct prediction cannot score below',
          ko: '그래서 PyTorch의 `nn.CrossEntropyLoss`는 (로그) 소프트맥스를 **스스로** 적용하며, 입력으로 가공하지 않은 로짓을 받습니다. 모델이 이미 `nn.Softmax`로 끝나면 손실 함수에 확률이 들어가서 소프트맥스가 두 번 적용됩니다. 네트워크가 무언가를 배우기는 하지만, 손실이 보는 값이 0과 1 사이로 묶여 하한이 생깁니다. 완벽하게 확신하는 정답 예측도 다음 값보다 낮은 점수를 받을 수 없습니다.',
        } },
        { math: R`\begin{aligned} L_{\min} &= -\log\frac{e^{1}}{e^{1} + (K - 1)\,e^{0}} \\ &= \log(e + K - 1) - 1 \;\approx\; 0.551 \;\; (K = 3) \end{aligned}` },
        { p: {
          en: 'The numbers reaching the loss now differ by at most 1, so even a certain answer gets only about 58% of the probability inside the loss, and the push on the weights is weak and fades as the first softmax saturates. The network learns more slowly, and its loss no longer tells how sure it is. Train the buggy network first, then remove the extra softmax and train again.',
          ko: '이제 손실에 들어가는 값들은 서로 최대 1밖에 차이 나지 않습니다. 그래서 완전히 확신한 답도 손실 안에서는 확률을 58% 정도밖에 받지 못하고, 가중치를 미는 힘은 약한 데다 첫 번째 소프트맥스가 포화되면서 점점 사라집니다. 네트워크는 더 느리게 배우고, 손실은 네트워크가 얼마나 확신하는지 더 이상 알려 주지 못합니다. 먼저 버그가 있는 네트워크를 학습시키고, 그다음 덧붙은 소프트맥스를 빼고 다시 학습시켜 보세요.',
        } },
        { widget: 'double', make: doubleSoftmaxWidget({ softmax: true }),
          caption: {
            en: 'Network 2 → 8 (tanh) → 3 on the three-class blobs (150 training points), SGD with learning rate 0.1, batch 10; every run starts from the same weights. Log scale.',
            ko: '세 클래스 점 무리(학습 점 150개)에서 네트워크 2 → 8 (tanh) → 3, SGD 학습률 0.1, 배치 10. 매번 같은 가중치에서 시작합니다. 로그 눈금.',
          } },
        { code: {
          torch: commented(`import torch
import torch.nn as nn

# the bug: softmax in the model AND inside the loss
buggy = nn.Sequential(nn.Linear(2, 8), nn.Tanh(),
                      nn.Linear(8, 3), nn.Softmax(dim=1))
loss = nn.CrossEntropyLoss()(buggy(x), y)
# never below log(e + 2) - 1 ≈ 0.551

# the fix: the model ends in logits
model = nn.Sequential(nn.Linear(2, 8), nn.Tanh(),
                      nn.Linear(8, 3))
loss = nn.CrossEntropyLoss()(model(x), y)
# softmax only to read probabilities
probs = torch.softmax(model(x), dim=1)`),
          js: commented(`const { nn } = lw;
const train = lw.data.generate('blobs3',
  { n: 150, noise: 0.2 });
const fit = (model) => {
  const opt = lw.optim.SGD(model, { lr: 0.1 });
  for (let epoch = 0; epoch < 100; epoch++)
    model.trainEpoch(train, 10, 'cross_entropy', opt);
};

// the bug: softmax in the model AND inside the loss
const buggy = lw.Model.fromSpec(nn.Sequential(
  nn.Linear(2, 8), nn.Tanh(),
  nn.Linear(8, 3), nn.Softmax(1)));
fit(buggy);  // stuck above log(e + 2) - 1

// the fix: the model ends in logits
const model = lw.Model.fromSpec(nn.Sequential(
  nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 3)));
fit(model);`),
        } },
        { task: 'fix',
          text: {
            en: 'Fix the network so that its training loss ends below the floor of about 0.551.',
            ko: '네트워크를 고쳐서 학습 손실이 하한(약 0.551)보다 낮게 끝나도록 만들어 보세요.',
          },
          hint: {
            en: 'Untick "Softmax layer at the end of the model" and train again.',
            ko: '"모델 끝에 소프트맥스 층"의 체크를 해제하고 다시 학습시키세요.',
          },
          success: {
            en: 'On logits the loss keeps falling far below the floor, and the network gets there much faster.',
            ko: '로짓을 그대로 넣으니 손실이 하한보다 훨씬 아래로 계속 내려가고, 거기까지 훨씬 빨리 갑니다.',
          },
          check: watch('double', ({ softmax, final, bound }) => !softmax && final < bound) },
      ],
    },
    {
      id: 'with-logits',
      title: { en: 'BCE after a sigmoid, or BCE with logits', ko: '시그모이드 뒤의 BCE와 로짓을 받는 BCE' },
      blocks: [
        { p: {
          en: 'The same story has a two-class version. A model ending in `nn.Sigmoid()` followed by `nn.BCELoss()` computes $\\sigma(z)$ first and its logarithm afterwards. When the network is confidently wrong, $z$ is far below 0 and $\\sigma(z)$ is a tiny float32 number; below about $z = -88$ it drops out of float32’s normal range and soon becomes exactly 0. PyTorch keeps the loss finite by clamping $\\log$ at $-100$, and in the backward pass it divides by $\\max\\big(p(1-p),\\ 10^{-12}\\big)$. Both guards cut the signal: the loss stops at 100, and the gradient shrinks long before that.',
          ko: '두 클래스에도 같은 이야기가 있습니다. `nn.Sigmoid()`로 끝나는 모델에 `nn.BCELoss()`를 쓰면 $\\sigma(z)$를 먼저 계산하고 그다음에 로그를 취합니다. 네트워크가 자신 있게 틀리면 $z$는 절댓값이 큰 음수가 되고 $\\sigma(z)$는 아주 작은 float32 숫자가 되며, 대략 $z = -88$보다 작아지면 float32의 정상 범위를 벗어나 곧 정확히 0이 됩니다. PyTorch는 손실이 유한하도록 $\\log$를 $-100$에서 잘라 내고, 역전파에서는 $\\max\\big(p(1-p),\\ 10^{-12}\\big)$로 나눕니다. 두 안전장치 모두 신호를 깎습니다. 손실은 100에서 멈추고, 기울기는 그보다 훨씬 전에 줄어듭니다.',
        } },
        { p: {
          en: '`nn.BCEWithLogitsLoss` takes the logit and computes the same quantity in one stable formula, so the loss stays exact and the gradient stays $p - 1$:',
          ko: '`nn.BCEWithLogitsLoss`는 로짓을 받아 같은 값을 안정적인 식 하나로 계산합니다. 그래서 손실은 정확하고, 기울기는 그대로 $p - 1$입니다.',
        } },
        { math: R`\ell(z, t) = \max(z, 0) - z\,t + \log\!\big(1 + e^{-|z|}\big)` },
        { widget: 'saturation', make: saturationWidget({ z: -2 }),
          caption: {
            en: 'One example with target 1. Both rows are the engine’s float32 results (a training step with learning rate 0), with PyTorch’s clamps; the exact row is worked out in double precision.',
            ko: '목표가 1인 예시 하나. 위 두 줄은 PyTorch와 같은 안전장치를 둔 엔진의 float32 결과(학습률 0인 학습 단계)이고, 정확한 값은 배정밀도로 계산했습니다.',
          } },
        { task: 'vanish',
          text: {
            en: 'Find a logit at which sigmoid-then-BCE passes back less than a tenth of the gradient that BCE with logits gives.',
            ko: '시그모이드 후 BCE가 되돌려 주는 기울기가, 로짓을 받는 BCE의 기울기의 10분의 1도 안 되는 로짓을 찾아보세요.',
          },
          hint: {
            en: R`The trouble starts where $p(1-p)$ falls below $10^{-12}$, a little below $z = -27$.`,
            ko: R`문제는 $p(1-p)$가 $10^{-12}$ 아래로 떨어지는 곳, $z = -27$보다 조금 아래에서 시작됩니다.`,
          },
          success: {
            en: 'The loss is still right here, but the gradient is not: the network learns at least ten times more slowly from this mistake than it should, and beyond $z \\approx -88$ not at all.',
            ko: '여기서 손실은 아직 맞지만 기울기는 틀립니다. 네트워크는 이 실수에서 마땅히 배워야 할 것보다 열 배 넘게 느리게 배우고, $z \\approx -88$을 넘어가면 전혀 배우지 못합니다.',
          },
          check: watch('saturation', ({ gBce, gLogits }) => Math.abs(gBce) < 0.1 * Math.abs(gLogits)) },
        { task: 'cap',
          text: {
            en: 'Find a logit at which sigmoid-then-BCE reports a loss more than 5 below the true one.',
            ko: '시그모이드 후 BCE가 알려 주는 손실이 실제 손실보다 5 넘게 작은 로짓을 찾아보세요.',
          },
          hint: { en: 'Go further left than $z = -105$.', ko: '$z = -105$보다 더 왼쪽으로 가 보세요.' },
          success: {
            en: 'The clamped loss is stuck at 100 while the true loss keeps growing, and its gradient there is exactly 0.',
            ko: '잘린 손실은 100에 멈춰 있지만 실제 손실은 계속 커집니다. 그리고 그곳의 기울기는 정확히 0입니다.',
          },
          check: watch('saturation', ({ bce, logits }) => logits - bce > 5) },
        { code: {
          torch: commented(`import torch
import torch.nn as nn

# fragile: a sigmoid in the model, BCE on probabilities
fragile = nn.Sequential(nn.Linear(2, 8), nn.Tanh(),
                        nn.Linear(8, 1), nn.Sigmoid())
# t: float 0s and 1s, shape [B, 1]
loss = nn.BCELoss()(fragile(x), t)

# stable: the model ends in a logit
model = nn.Sequential(nn.Linear(2, 8), nn.Tanh(),
                      nn.Linear(8, 1))
loss = nn.BCEWithLogitsLoss()(model(x), t)
# probabilities only to read them
p = torch.sigmoid(model(x))`),
          js: commented(`const { nn } = lw;
// fragile: a sigmoid in the model, BCE on probabilities
const fragile = lw.Model.fromSpec(nn.Sequential(
  nn.Linear(2, 8), nn.Tanh(),
  nn.Linear(8, 1), nn.Sigmoid()));
const opt1 = lw.optim.SGD(fragile, { lr: 0.1 });
fragile.trainStep(x, t, batch, lw.loss.BCE(), opt1);

// stable: the model ends in a logit
const model = lw.Model.fromSpec(nn.Sequential(
  nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 1)));
const opt = lw.optim.SGD(model, { lr: 0.1 });
const stable = lw.loss.BCEWithLogits();
model.trainStep(x, t, batch, stable, opt);`),
        } },
      ],
    },
    {
      id: 'mse-vs-bce',
      title: { en: 'MSE against BCE on a classification task', ko: '분류 문제에서 MSE와 BCE' },
      blocks: [
        { p: {
          en: 'Now a real training run. The playground below classifies two clusters with no hidden layer: one output, a sigmoid, and, for now, squared error as the loss. Its weights start large (drawn with standard deviation 4) and happen to point the wrong way, so at the start every point is classified wrongly with near certainty: exactly the confident mistake where MSE’s gradient vanishes.',
          ko: '이제 실제 학습으로 확인해 봅시다. 아래 플레이그라운드는 은닉층 없이 두 무리를 분류합니다. 출력 하나, 시그모이드, 그리고 지금은 손실로 제곱 오차를 씁니다. 가중치가 크게(표준편차 4로) 시작하는데 마침 방향이 거꾸로라서, 처음에는 모든 점을 거의 확신하며 틀리게 분류합니다. 바로 MSE의 기울기가 사라지는 자신 있게 틀린 상황입니다.',
        } },
        { widget: 'race', make: playground({ dataset: 'gauss', layers: '', loss: 'mse', init: 'normal', initStd: 4, seed: 2, hide: 'data,features,settings,histograms,code' }),
          caption: {
            en: 'Two Gaussian clusters, no hidden layer, weights drawn from N(0, 4²), SGD with learning rate 0.03.',
            ko: '가우시안 무리 둘, 은닉층 없음, N(0, 4²)에서 뽑은 가중치, SGD 학습률 0.03.',
          } },
        { task: 'escape',
          text: {
            en: 'Keep the same network and the same bad start (no hidden layer, normal initialisation with standard deviation 4) and get it to at least 95% test accuracy within 30 epochs.',
            ko: '같은 네트워크와 같은 나쁜 시작점(은닉층 없음, 표준편차 4인 정규분포 초기화)을 그대로 두고, 30 에포크 안에 테스트 정확도 95% 이상을 달성해 보세요.',
          },
          hint: {
            en: 'Press play with MSE first: the accuracy sits at 0%. Then change the loss function to binary cross-entropy and start again.',
            ko: '먼저 MSE로 재생해 보세요. 정확도가 0%에 머뭅니다. 그다음 손실 함수를 이진 교차 엔트로피로 바꾸고 다시 시작하세요.',
          },
          success: {
            en: 'Same network, same start, same optimiser: only the loss changed, and BCE’s gradient $p - 1$ pulled the network out of its confident mistake within a few epochs.',
            ko: '같은 네트워크, 같은 시작점, 같은 옵티마이저에서 손실만 바꿨습니다. BCE의 기울기 $p - 1$이 몇 에포크 만에 네트워크를 자신 있게 틀린 상태에서 끌어냈습니다.',
          },
          check: (ctx, done) => onEpoch(ctx.widget('race').element, (d, state) => {
            if (state.init === 'normal' && state.initStd >= 4 && state.seed === 2 && state.layers.length === 0 && d.epoch <= 30 && d.testAccuracy >= 0.95) done();
          }) },
        { note: {
          en: 'MSE is the right loss for regression, where targets are numbers and there is no sigmoid to saturate. For probabilities, use a log-based loss: BCE for two classes, cross-entropy for several.',
          ko: 'MSE는 목표가 숫자이고 포화될 시그모이드가 없는 회귀에 알맞은 손실입니다. 확률을 다룰 때는 로그 기반 손실을 쓰세요. 두 클래스에는 BCE, 여러 클래스에는 교차 엔트로피입니다.',
        } },
      ],
    },
  ],
};
