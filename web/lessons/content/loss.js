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
  'on a logit z: safer': '로짓 z를 받는다: 더 안전',
  'on raw logits': '로짓을 그대로 받는다',
  '# regression': '# 회귀',
  '// regression': '// 회귀',
  'three classes: 3 logits': '세 클래스: 로짓 3개',
  'a batch of 8 samples': '샘플 8개짜리 배치',
  'y: class indices': 'y: 클래스 인덱스',
  'zero_grad, forward, backward and step in one call': 'zero_grad, 순전파, 역전파, step을 한 번에',
  'three clusters of 50 points': '점 50개씩 세 무리',
  'the bug: softmax in the model AND inside the loss': '버그: 모델에도, 손실 안에도 소프트맥스',
  'stuck above log(e + 2) - 1': 'log(e + 2) - 1 위에서 멈춘다',
  'a sure, right answer after that softmax still costs': '확신한 정답도 그 소프트맥스 뒤에선 손실이 남는다',
  'probabilities (1, 0, 0), the answer class 0': '확률 (1, 0, 0), 정답은 클래스 0',
  'a model that passes its input on': '입력을 그대로 내보내는 모델',
  'the fix: the model ends in logits': '수정: 모델은 로짓으로 끝난다',
  'softmax only to read probabilities': '소프트맥스는 확률을 읽을 때만',
  'fragile: a sigmoid in the model, BCE on probabilities': '불안정: 모델 안의 시그모이드, 확률에 BCE',
  't: float 0s and 1s, shape [B, 1]': 't: 0 또는 1인 float 값, 모양 [B, 1]',
  'stable: the model ends in a logit': '안정: 모델은 로짓으로 끝난다',
  'probabilities only to read them': '확률은 읽을 때만 계산한다',
  'a confident mistake: logit -90, target 1': '자신 있게 틀린 예측: 로짓 -90, 목표 1',
  'z = -90 whatever x is': 'x가 무엇이든 z = -90',
};
const commented = commentedWith(KO);

/** Watches a custom widget's changes: test(detail) → done. */
const watch = (id, test) => (ctx, done) => ctx.widget(id).on((detail) => { if (test(detail)) done(); });

export default {
  lead: {
    en: 'A loss function turns every prediction into one number that says how wrong it was, and its gradient is all that training ever feels. Picking the loss that matches the output layer decides whether a network learns quickly, slowly or not at all.',
    ko: '손실 함수는 예측이 얼마나 틀렸는지를 숫자 하나로 나타냅니다. 학습이 알 수 있는 것은 그 숫자의 기울기뿐입니다. 출력층에 맞는 손실 함수를 골랐느냐에 따라 네트워크가 빨리 배울지, 느리게 배울지, 아예 못 배울지가 갈립니다.',
  },
  sections: [
    {
      id: 'report-card',
      title: { en: 'Three losses, three kinds of output', ko: '세 가지 손실, 세 가지 출력' },
      blocks: [
        { p: {
          en: 'A loss scores the model on every batch, and here a low score is a good one: near 0 when the predictions match the targets, large when they do not. Training never looks at accuracy; it only follows the gradient of this score. Each kind of output layer has its own usual loss (PyTorch averages it over the batch):',
          ko: '손실은 배치마다 모델에 매기는 점수로, 낮을수록 좋습니다. 예측이 목표와 맞으면 0에 가깝고, 틀릴수록 커집니다. 학습은 정확도를 보지 않고 이 점수의 기울기만 따라갑니다. 출력층의 종류마다 흔히 함께 쓰는 손실이 있습니다(PyTorch는 배치 평균을 냅니다).',
        } },
        { list: [
          { en: R`**Binary cross-entropy** (two classes; the prediction $p$ is a probability in $[0, 1]$, the target $t$ is 0 or 1): $\;-\big[t \log p + (1 - t)\log(1 - p)\big]$.`,
            ko: R`**이진 교차 엔트로피** (두 클래스. 예측 $p$는 $[0, 1]$ 안의 확률, 목표 $t$는 0 또는 1): $\;-\big[t \log p + (1 - t)\log(1 - p)\big]$.` },
          { en: R`**Cross-entropy** (several classes; logits $z$, target class $c$): $\;-\log \operatorname{softmax}(z)_c$, the surprise at the right answer.`,
            ko: R`**교차 엔트로피** (여러 클래스. 로짓 $z$, 정답 클래스 $c$): $\;-\log \operatorname{softmax}(z)_c$, 즉 모델이 정답을 보고 놀라는 정도입니다.` },
          { en: R`**Mean squared error** (regression; prediction $\hat y$, target $y$): $\;(\hat y - y)^2$.`,
            ko: R`**평균 제곱 오차** (회귀. 예측 $\hat y$, 목표 $y$): $\;(\hat y - y)^2$.` },
        ] },
        { code: {
          torch: commented(`import torch
import torch.nn as nn

bce = nn.BCELoss()             # after a sigmoid
ce = nn.CrossEntropyLoss()     # on raw logits
mse = nn.MSELoss()             # regression
bce_z = nn.BCEWithLogitsLoss()  # on a logit z: safer

model = nn.Linear(2, 3)        # three classes: 3 logits
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
x = torch.randn(8, 2)          # a batch of 8 samples
y = torch.randint(0, 3, (8,))  # y: class indices

optimizer.zero_grad()
loss = ce(model(x), y)
loss.backward()
optimizer.step()`),
          js: commented(`import { loadLayerwise } from 'layerwise';
const lw = await loadLayerwise();

const bce = lw.loss.BCE();          // after a sigmoid
const ce = lw.loss.CrossEntropy();  // on raw logits
const mse = lw.loss.MSE();          // regression
// on a logit z: safer
const bceZ = lw.loss.BCEWithLogits();

// three classes: 3 logits
const model = lw.Model.fromSpec(lw.nn.Linear(2, 3));
const optimizer = lw.optim.SGD(model, { lr: 0.1 });
const batch = 8;  // a batch of 8 samples
const x = Float32Array.from({ length: batch * 2 },
  () => Math.random() * 2 - 1);
// y: class indices
const y = Float32Array.from({ length: batch },
  () => Math.floor(Math.random() * 3));

// zero_grad, forward, backward and step in one call
const loss = model.trainStep(x, y, batch, ce,
  optimizer);`),
        } },
      ],
    },
    {
      id: 'against-p',
      title: { en: 'The losses drawn against the prediction', ko: '예측에 따라 그려 본 손실' },
      blocks: [
        { p: {
          en: R`Take one example whose target is 1 and whose network says $p = \sigma(z)$. Binary cross-entropy is $-\log p$: it grows without limit as $p \to 0$. Squared error is $(1 - p)^2$: it never exceeds 1, however wrong the prediction. What moves the weights is the gradient with respect to the logit $z$, and there the two differ even more:`,
          ko: R`목표가 1인 샘플 하나에 네트워크가 $p = \sigma(z)$라고 답했다고 해 봅시다. 이진 교차 엔트로피는 $-\log p$라서 $p \to 0$이면 끝없이 커집니다. 제곱 오차는 $(1 - p)^2$라서 아무리 틀려도 1을 넘지 않습니다. 가중치를 움직이는 것은 로짓 $z$에 대한 기울기인데, 여기서 둘의 차이는 더 커집니다.`,
        } },
        { math: R`\begin{gathered} \frac{\partial}{\partial z}\big(-\log \sigma(z)\big) = p - 1 \\ \frac{\partial}{\partial z}\big(1 - \sigma(z)\big)^2 = 2\,(p - 1)\,p\,(1 - p) \end{gathered}` },
        { p: {
          en: R`With BCE the sigmoid’s slope $p(1-p)$ cancels, and the push on the logit is simply the error $p - 1$: largest when the network is most wrong. MSE keeps that slope as a factor, so when the network is confidently wrong ($p \approx 0$) its push fades to nothing. Drag $p$ and compare; every number here is computed by the engine.`,
          ko: R`BCE에서는 시그모이드의 기울기 $p(1-p)$가 약분되어, 로짓을 미는 힘이 그냥 오차 $p - 1$이 됩니다. 네트워크가 가장 크게 틀렸을 때 가장 세게 밉니다. MSE에는 그 기울기가 곱해진 채 남아 있어서, 네트워크가 자신 있게 틀릴 때($p \approx 0$) 미는 힘이 거의 사라집니다. $p$를 움직여 비교해 보세요. 여기 나오는 숫자는 모두 엔진이 계산한 값입니다.`,
        } },
        { widget: 'curves', make: lossCurvesWidget({ p: 0.8 }),
          caption: {
            en: 'Loss and gradient for one example with target 1, computed by the Layerwise engine (one training step with learning rate 0).',
            ko: '목표가 1인 샘플 하나의 손실과 기울기. Layerwise 엔진이 계산합니다(학습률 0으로 학습 단계를 한 번 실행).',
          } },
        { task: 'peak',
          text: { en: 'Find the prediction $p$ at which MSE pushes the logit hardest.', ko: 'MSE가 로짓을 가장 세게 미는 예측값 $p$를 찾아보세요.' },
          hint: {
            en: 'Watch the orange curve on the right and find its lowest point. With algebra: the derivative of $(1-p)^2 p$ is zero at $p = 1/3$.',
            ko: '오른쪽 그래프에서 주황색 곡선의 가장 낮은 점을 찾으세요. 식으로 풀면 $(1-p)^2 p$의 도함수가 $p = 1/3$에서 0이 됩니다.',
          },
          success: {
            en: 'Around $p = 1/3$ MSE pushes hardest, and even there only about 0.3. Below that, the more wrong the network is, the less MSE helps.',
            ko: '$p = 1/3$ 근처에서 MSE가 가장 세게 밀지만, 그래도 0.3 정도에 그칩니다. 그보다 더 틀리면 틀릴수록 MSE가 미는 힘은 오히려 줄어듭니다.',
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
            ko: '여기서 BCE는 거의 최대의 힘으로 밀지만 MSE는 네트워크를 거의 움직이지 못합니다. 자신 있게 틀린 네트워크를 MSE로 학습시키면 거의 배우지 못합니다.',
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
          ko: '그래서 PyTorch의 `nn.CrossEntropyLoss`는 (로그) 소프트맥스를 **직접** 적용하므로, 가공하지 않은 로짓을 입력으로 받습니다. 모델이 이미 `nn.Softmax`로 끝나면 손실 함수에 확률이 들어가 소프트맥스가 두 번 적용됩니다. 네트워크가 배우기는 하지만, 손실이 보는 값이 0과 1 사이에 갇혀 손실에 하한이 생깁니다. 완벽하게 확신하는 정답 예측도 다음 값보다 낮아질 수 없습니다.',
        } },
        { math: R`\begin{aligned} L_{\min} &= -\log\frac{e^{1}}{e^{1} + (K - 1)\,e^{0}} \\ &= \log(e + K - 1) - 1 \;\approx\; 0.551 \;\; (K = 3) \end{aligned}` },
        { p: {
          en: 'The numbers reaching the loss now differ by at most 1, so even a certain answer gets only about 58% of the probability inside the loss, and the push on the weights is weak and fades as the first softmax saturates. The network learns more slowly, and its loss no longer tells how sure it is. Train the buggy network first, then remove the extra softmax and train again.',
          ko: '이제 손실에 들어가는 값들은 서로 최대 1밖에 차이 나지 않습니다. 그래서 완전히 확신한 답도 손실 안에서는 58% 정도의 확률밖에 받지 못하고, 가중치를 미는 힘은 약한 데다 첫 번째 소프트맥스가 포화되면서 점점 사라집니다. 네트워크는 더 느리게 배우고, 손실로는 네트워크가 얼마나 확신하는지 더는 알 수 없습니다. 먼저 버그가 있는 네트워크를 학습시킨 다음, 덧붙은 소프트맥스를 빼고 다시 학습시켜 보세요.',
        } },
        { widget: 'double', make: doubleSoftmaxWidget({ softmax: true }),
          caption: {
            en: 'Network 2 → 8 (tanh) → 3 on the three-class blobs (150 training points), SGD with learning rate 0.1, batch 10; every run starts from the same weights. Log scale.',
            ko: '점 무리 셋(학습 점 150개)에서 네트워크 2 → 8 (tanh) → 3, SGD 학습률 0.1, 배치 크기 10. 매번 같은 가중치에서 시작합니다. 세로축은 로그 눈금.',
          } },
        { code: {
          torch: commented(`import torch
import torch.nn as nn

# three clusters of 50 points; y: class indices
y = torch.arange(3).repeat_interleave(50)
centres = torch.tensor([[0., 3.5], [-3., -1.75],
                        [3., -1.75]])
x = centres[y] + 0.75 * torch.randn(150, 2)
ce = nn.CrossEntropyLoss()

def fit(model):
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    for epoch in range(100):
        for i in torch.randperm(150).split(10):
            opt.zero_grad()
            ce(model(x[i]), y[i]).backward()
            opt.step()
    return ce(model(x), y).item()

# the bug: softmax in the model AND inside the loss
buggy = nn.Sequential(nn.Linear(2, 8), nn.Tanh(),
                      nn.Linear(8, 3), nn.Softmax(dim=1))
print(fit(buggy))  # stuck above log(e + 2) - 1
# a sure, right answer after that softmax still costs
sure = torch.tensor([[1., 0., 0.]])
# probabilities (1, 0, 0), the answer class 0
print(ce(sure, torch.tensor([0])).item())  # 0.551

# the fix: the model ends in logits
model = nn.Sequential(nn.Linear(2, 8), nn.Tanh(),
                      nn.Linear(8, 3))
print(fit(model))
# softmax only to read probabilities
probs = torch.softmax(model(x), dim=1)`),
          js: commented(`import { loadLayerwise } from 'layerwise';
const lw = await loadLayerwise();
const { nn } = lw;
// three clusters of 50 points; y: class indices
const train = lw.data.generate('blobs3',
  { n: 150, noise: 0.2 });
const fit = (model) => {
  const opt = lw.optim.SGD(model, { lr: 0.1 });
  for (let epoch = 0; epoch < 100; epoch++)
    model.trainEpoch(train, 10, 'cross_entropy', opt);
  return model.evaluate(train, 'cross_entropy').loss;
};

// the bug: softmax in the model AND inside the loss
const buggy = lw.Model.fromSpec(nn.Sequential(
  nn.Linear(2, 8), nn.Tanh(),
  nn.Linear(8, 3), nn.Softmax(1)));
console.log(fit(buggy));  // stuck above log(e + 2) - 1
// a sure, right answer after that softmax still costs
const sure = lw.data.fromArrays([1, 0, 0], [0],
  { features: 3, classes: 3 });
// probabilities (1, 0, 0), the answer class 0
// a model that passes its input on
const asIs = lw.Model.fromSpec(
  nn.Sequential(nn.Identity()), { input: [3] });
const floor = asIs.evaluate(sure, 'cross_entropy');
console.log(floor.loss);  // 0.551

// the fix: the model ends in logits
const model = lw.Model.fromSpec(nn.Sequential(
  nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 3)));
console.log(fit(model));`),
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
            ko: '로짓을 그대로 넣으니 손실이 하한보다 훨씬 아래까지 계속 내려가고, 속도도 훨씬 빠릅니다.',
          },
          check: watch('double', ({ softmax, final, bound }) => !softmax && final < bound) },
      ],
    },
    {
      id: 'with-logits',
      title: { en: 'BCE after a sigmoid, or BCE with logits', ko: '시그모이드 뒤의 BCE와 로짓을 받는 BCE' },
      blocks: [
        { p: {
          en: 'The same story has a two-class version. A model ending in `nn.Sigmoid()` followed by `nn.BCELoss()` first computes $p = \\sigma(z) = 1/(1 + e^{-z})$ in float32, then takes $\\log p$. When the network is confidently wrong (target 1, $z$ far below 0), both steps run out of float32, and PyTorch guards each one: in the backward pass it divides by $\\max\\big(p(1-p),\\ 10^{-12}\\big)$, and it clamps $\\log p$ at $-100$. Follow $z$ down in the widget below:',
          ko: '두 클래스에도 같은 이야기가 있습니다. `nn.Sigmoid()`로 끝나는 모델에 `nn.BCELoss()`를 쓰면 먼저 float32로 $p = \\sigma(z) = 1/(1 + e^{-z})$를 계산하고, 그다음에 $\\log p$를 구합니다. 네트워크가 자신 있게 틀리면(목표는 1인데 $z$가 0보다 훨씬 작으면) 두 단계 모두 float32로 나타낼 수 있는 범위를 벗어나고, PyTorch는 단계마다 안전장치를 둡니다. 역전파에서는 $\\max\\big(p(1-p),\\ 10^{-12}\\big)$로 나누고, $\\log p$는 $-100$ 아래로 내려가지 않게 자릅니다. 아래 위젯에서 $z$를 왼쪽으로 옮기며 따라가 보세요.',
        } },
        { list: [
          { en: 'Below $z \\approx -27.6$, $p(1-p)$ falls under $10^{-12}$ and the floor takes over: the gradient on $z$ becomes $-p \\cdot 10^{12}$ instead of $p - 1 \\approx -1$. At $z = -30$ it is already less than a tenth, and each further step of 1 divides it by $e$.',
            ko: '$z \\approx -27.6$보다 작아지면 $p(1-p)$가 $10^{-12}$ 아래로 떨어져 하한이 대신 쓰입니다. 그러면 $z$에 대한 기울기가 $p - 1 \\approx -1$이 아니라 $-p \\cdot 10^{12}$가 됩니다. $z = -30$에서 이미 10분의 1이 안 되고, $z$가 1 줄 때마다 다시 $e$분의 1로 줄어듭니다.' },
          { en: 'Below $z \\approx -87.3$, $p$ is smaller than the smallest normal float32, $2^{-126} \\approx 1.2 \\times 10^{-38}$. It is kept as a subnormal number, with fewer significant digits but not 0, so the loss is still right: 88.7 at $z = -88.7$.',
            ko: '$z \\approx -87.3$보다 작아지면 $p$가 float32의 가장 작은 정규 수 $2^{-126} \\approx 1.2 \\times 10^{-38}$보다 작아집니다. 이때 $p$는 유효 숫자가 줄어든 비정규 수(subnormal)로 저장되지만 0은 아니어서, 손실은 아직 맞습니다. $z = -88.7$에서 손실은 88.7입니다.' },
          { en: 'Below $z = -\\ln(3.4 \\times 10^{38}) \\approx -88.72$, $e^{-z}$ is larger than the largest float32 and becomes $\\infty$, so $p = 1/(1 + \\infty) = 0$ exactly (the dashed line in the plots). $\\log 0 = -\\infty$ is clamped to $-100$: the loss jumps **up** from 88.72 to 100, and the gradient becomes exactly 0. From there to $z = -100$ the reported 100 is more than the true loss; at $z = -100$ the two agree, and further left the reported loss is too small.',
            ko: '$z = -\\ln(3.4 \\times 10^{38}) \\approx -88.72$보다 작아지면 $e^{-z}$가 float32의 가장 큰 수보다 커져 $\\infty$가 되고, $p = 1/(1 + \\infty)$는 정확히 0이 됩니다(그래프의 점선). $\\log 0 = -\\infty$는 $-100$으로 잘리므로 손실은 88.72에서 100으로 **뛰어오르고**, 기울기는 정확히 0이 됩니다. 거기서 $z = -100$까지는 보고되는 100이 실제 손실보다 크고, $z = -100$에서 둘이 같아지며, 그보다 왼쪽에서는 보고되는 손실이 실제보다 작습니다.' },
        ] },
        { p: {
          en: '`nn.BCEWithLogitsLoss` takes the logit and computes the same quantity in one formula whose only exponential, $e^{-|z|}$, is at most 1. Nothing overflows, so the loss stays exact and the gradient stays $p - 1$:',
          ko: '`nn.BCEWithLogitsLoss`는 로짓을 받아 같은 값을 식 하나로 계산합니다. 이 식에 들어 있는 지수는 $e^{-|z|}$ 하나뿐이고 1을 넘지 않으므로 넘칠 일이 없습니다. 그래서 손실은 정확하고, 기울기는 그대로 $p - 1$입니다.',
        } },
        { math: R`\ell(z, t) = \max(z, 0) - z\,t + \log\!\big(1 + e^{-|z|}\big)` },
        { widget: 'saturation', make: saturationWidget({ z: -2 }),
          caption: {
            en: 'One example with target 1. The first two rows are the engine’s float32 results (a training step with learning rate 0), with PyTorch’s guards; the exact row is worked out in double precision. Left of the dashed line, at $z \\approx -88.72$, $\\sigma(z)$ is 0 in float32.',
            ko: '목표가 1인 샘플 하나. 위 두 줄은 PyTorch와 같은 안전장치를 둔 엔진의 float32 결과(학습률 0인 학습 단계)이고, 정확한 값은 배정밀도로 계산했습니다. $z \\approx -88.72$의 점선 왼쪽에서는 float32로 계산한 $\\sigma(z)$가 0입니다.',
          } },
        { task: 'vanish',
          text: {
            en: 'Find a logit at which sigmoid-then-BCE passes back less than a tenth of the gradient that BCE with logits gives.',
            ko: '시그모이드 뒤 BCE가 돌려주는 기울기가 로짓을 받는 BCE 기울기의 10분의 1도 안 되는 로짓 값을 찾아보세요.',
          },
          hint: {
            en: R`The trouble starts where $p(1-p)$ falls below $10^{-12}$, at $z \approx -27.6$.`,
            ko: R`문제는 $p(1-p)$가 $10^{-12}$ 아래로 떨어지는 $z \approx -27.6$에서 시작됩니다.`,
          },
          success: {
            en: 'The loss is still right here, but the gradient is not: the network learns at least ten times more slowly from this mistake than it should, and beyond $z \\approx -88.72$ not at all.',
            ko: '여기서 손실은 아직 맞지만 기울기는 틀립니다. 네트워크가 이 실수에서 배우는 속도는 원래보다 열 배 넘게 느려지고, $z \\approx -88.72$보다 작아지면 전혀 배우지 못합니다.',
          },
          check: watch('saturation', ({ gBce, gLogits }) => Math.abs(gBce) < 0.1 * Math.abs(gLogits)) },
        { task: 'cap',
          text: {
            en: 'Find a logit at which sigmoid-then-BCE reports a loss more than 5 below the true one.',
            ko: '시그모이드 뒤 BCE가 알려 주는 손실이 실제 손실보다 5 넘게 작아지는 로짓 값을 찾아보세요.',
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

x = torch.randn(8, 2)  # a batch of 8 samples
# t: float 0s and 1s, shape [B, 1]
t = torch.randint(0, 2, (8, 1)).float()

# fragile: a sigmoid in the model, BCE on probabilities
fragile = nn.Sequential(nn.Linear(2, 8), nn.Tanh(),
                        nn.Linear(8, 1), nn.Sigmoid())
loss = nn.BCELoss()(fragile(x), t)

# stable: the model ends in a logit
model = nn.Sequential(nn.Linear(2, 8), nn.Tanh(),
                      nn.Linear(8, 1))
loss = nn.BCEWithLogitsLoss()(model(x), t)
# probabilities only to read them
p = torch.sigmoid(model(x))

# a confident mistake: logit -90, target 1
z, one = torch.tensor([-90.]), torch.tensor([1.])
print(nn.BCELoss()(torch.sigmoid(z), one).item())  # 100
print(nn.BCEWithLogitsLoss()(z, one).item())  # 90`),
          js: commented(`import { loadLayerwise } from 'layerwise';
const lw = await loadLayerwise();
const { nn } = lw;
const batch = 8;  // a batch of 8 samples
const x = Float32Array.from({ length: batch * 2 },
  () => Math.random() * 2 - 1);
// t: float 0s and 1s, shape [B, 1]
const t = Float32Array.from({ length: batch },
  () => Math.round(Math.random()));

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
model.trainStep(x, t, batch, stable, opt);

// a confident mistake: logit -90, target 1
const one = lw.data.fromArrays([0], [1],
  { features: 1 });
// z = -90 whatever x is
const z = { type: 'linear', out: 1,
  init: { weight: 'zeros',
          bias: { type: 'constant', value: -90 } } };
const withSigmoid = lw.Model.fromSpec(
  { input: [1], layers: [z, { type: 'sigmoid' }] });
const onLogit = lw.Model.fromSpec(
  { input: [1], layers: [z] });
const sat = withSigmoid.evaluate(one, 'bce');
const raw = onLogit.evaluate(one, 'bce_with_logits');
console.log(sat.loss);  // 100
console.log(raw.loss);  // 90`),
        } },
      ],
    },
    {
      id: 'mse-vs-bce',
      title: { en: 'MSE against BCE on a classification task', ko: '분류 문제에서 MSE와 BCE' },
      blocks: [
        { p: {
          en: 'Now a real training run. The playground below classifies two clusters with no hidden layer: one output, a sigmoid, and, for now, squared error as the loss. Its weights start large (drawn with standard deviation 4) and happen to point the wrong way, so at the start every point is classified wrongly with near certainty: exactly the confident mistake where MSE’s gradient vanishes.',
          ko: '이제 실제 학습으로 확인해 봅시다. 아래 플레이그라운드는 은닉층 없이 두 무리를 분류합니다. 출력 하나에 시그모이드를 붙였고, 손실은 일단 제곱 오차입니다. 가중치가 크게(표준편차 4로) 시작하는데 하필 방향이 반대라서, 처음에는 모든 점을 거의 확신하며 틀리게 분류합니다. MSE의 기울기가 사라지는 바로 그 "자신 있게 틀린" 상황입니다.',
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
            en: 'Same network, same start, same optimiser: only the loss changed, and BCE’s gradient $p - 1$ pulled the network out of its confident mistake in about ten epochs.',
            ko: '같은 네트워크, 같은 시작점, 같은 옵티마이저에서 손실만 바꿨습니다. BCE의 기울기 $p - 1$이 열 에포크 남짓 만에 네트워크를 자신 있게 틀린 상태에서 끌어냈습니다.',
          },
          check: (ctx, done) => onEpoch(ctx.widget('race').element, (d, state) => {
            if (state.init === 'normal' && state.initStd >= 4 && state.seed === 2 && state.layers.length === 0 && d.epoch <= 30 && d.testAccuracy >= 0.95) done();
          }) },
        { note: {
          en: 'MSE is the right loss for regression, where targets are numbers and there is no sigmoid to saturate. For probabilities, use a log-based loss: BCE for two classes (on a logit, `BCEWithLogitsLoss`), cross-entropy for several.',
          ko: 'MSE는 목표가 숫자이고 포화될 시그모이드가 없는 회귀에 알맞은 손실입니다. 확률을 다룰 때는 로그를 쓰는 손실을 고르세요. 두 클래스라면 BCE(로짓을 받는 `BCEWithLogitsLoss`), 여러 클래스라면 교차 엔트로피입니다.',
        } },
      ],
    },
  ],
  recap: [
    { id: 'push',
      q: { en: 'A sigmoid output says $p = 0.01$ for an example whose target is 1. About how hard do BCE and MSE push its logit?', ko: '시그모이드 출력이 목표가 1인 샘플에 $p = 0.01$이라고 답했습니다. BCE와 MSE는 로짓을 대략 얼마나 세게 밀까요?' },
      choices: [
        { en: 'BCE about 0.99, MSE about 0.02', ko: 'BCE는 약 0.99, MSE는 약 0.02' },
        { en: 'Both about 0.99: the error is the same', ko: '둘 다 약 0.99. 오차가 같으므로' },
        { en: 'BCE about 4.6, MSE about 0.98: the sizes of the two losses', ko: 'BCE는 약 4.6, MSE는 약 0.98. 두 손실의 크기만큼' },
      ],
      answer: 0,
      why: { en: 'BCE’s push is $p - 1 = -0.99$. MSE’s is $2(p - 1)\\,p\\,(1 - p) \\approx -0.0196$: the sigmoid’s slope $p(1-p)$ stays in it and almost cancels it. 4.6 and 0.98 are the losses themselves, not their gradients.', ko: 'BCE가 미는 힘은 $p - 1 = -0.99$입니다. MSE는 $2(p - 1)\\,p\\,(1 - p) \\approx -0.0196$으로, 시그모이드의 기울기 $p(1-p)$가 그대로 남아 힘을 거의 없애 버립니다. 4.6과 0.98은 손실 값이지 기울기가 아닙니다.' } },
    { id: 'floor',
      q: { en: 'A three-class model ends in `nn.Softmax(dim=1)` and is trained with `nn.CrossEntropyLoss`. Its training accuracy reaches 100%, but the loss creeps down to 0.56 and stays there. Why?', ko: '세 클래스 모델이 `nn.Softmax(dim=1)`로 끝나고 `nn.CrossEntropyLoss`로 학습합니다. 학습 정확도는 100%가 되었는데 손실은 0.56까지 천천히 내려오더니 더 내려가지 않습니다. 왜일까요?' },
      choices: [
        { en: 'The learning rate is too small', ko: '학습률이 너무 작아서' },
        { en: 'Softmax is applied twice, so even a sure right answer costs at least $\\log(e + 2) - 1 \\approx 0.551$', ko: '소프트맥스가 두 번 적용되어, 확신하는 정답도 손실이 적어도 $\\log(e + 2) - 1 \\approx 0.551$이므로' },
        { en: 'The data are noisy, and 0.56 is the best any model can do on them', ko: '데이터에 잡음이 있어서 어떤 모델도 0.56보다 나아질 수 없으므로' },
      ],
      answer: 1,
      why: { en: 'The loss applies its own softmax to numbers that are already probabilities, between 0 and 1, so its inputs differ by at most 1 and the right class never gets more than $e/(e + 2) \\approx 58\\%$. Noisy data would not allow 100% accuracy; a smaller learning rate would not explain a floor.', ko: '손실 함수가 이미 0과 1 사이의 확률인 값에 소프트맥스를 한 번 더 적용하므로, 입력끼리 최대 1밖에 차이 나지 않고 정답 클래스는 $e/(e + 2) \\approx 58\\%$를 넘지 못합니다. 잡음 때문이라면 정확도가 100%가 될 수 없고, 학습률이 작다고 이런 하한이 생기지도 않습니다.' } },
    { id: 'minus-95',
      q: { en: 'A model ending in `nn.Sigmoid()` meets an example with target 1 and logit $z = -95$. What does `nn.BCELoss()` report, in float32?', ko: '`nn.Sigmoid()`로 끝나는 모델이 목표가 1인 샘플에서 로짓 $z = -95$를 냈습니다. float32로 계산하는 `nn.BCELoss()`는 무엇을 보고할까요?' },
      choices: [
        { en: 'Loss 95 and gradient −1, the true values', ko: '손실 95, 기울기 −1. 실제 값 그대로' },
        { en: 'Loss 100 and gradient 0', ko: '손실 100, 기울기 0' },
        { en: 'Loss infinity, and the training stops', ko: '손실은 무한대이고 학습이 멈춘다' },
      ],
      answer: 1,
      why: { en: '$e^{95}$ is beyond the largest float32 ($\\approx e^{88.72}$), so $\\sigma(-95) = 1/(1 + \\infty) = 0$. $\\log 0$ is clamped to $-100$: the loss is 100, more than the true 95, and no gradient gets back through a sigmoid that is exactly 0. `nn.BCEWithLogitsLoss` reports 95 and $-1$.', ko: '$e^{95}$는 float32의 가장 큰 수($\\approx e^{88.72}$)보다 커서 $\\sigma(-95) = 1/(1 + \\infty) = 0$이 됩니다. $\\log 0$은 $-100$으로 잘리므로 손실은 실제 값 95보다 큰 100이고, 정확히 0인 시그모이드를 지나서는 기울기가 돌아오지 않습니다. `nn.BCEWithLogitsLoss`는 95와 $-1$을 보고합니다.' } },
    { id: 'middle',
      q: { en: 'Between $z = -27.6$ and $z = -88.7$, sigmoid-then-BCE still reports the right loss. Is its gradient right too?', ko: '$z = -27.6$과 $z = -88.7$ 사이에서 시그모이드 뒤 BCE는 손실을 여전히 맞게 보고합니다. 기울기도 맞을까요?' },
      choices: [
        { en: 'Yes, about −1, like BCE with logits', ko: '맞다. 로짓을 받는 BCE처럼 약 −1이다' },
        { en: 'No, too small: about $-p \\cdot 10^{12}$, already under a tenth of the right value at $z = -30$', ko: '아니다. 너무 작다. 약 $-p \\cdot 10^{12}$로, $z = -30$에서 이미 맞는 값의 10분의 1도 안 된다' },
        { en: 'No, too large: dividing by a tiny $p(1-p)$ blows it up', ko: '아니다. 너무 크다. 아주 작은 $p(1-p)$로 나누어 터져 버린다' },
      ],
      answer: 1,
      why: { en: 'The backward pass divides by $\\max(p(1-p), 10^{-12})$, and then the sigmoid multiplies by $p(1-p)$. Below $z \\approx -27.6$ the two no longer cancel: the floor stops the division from growing while the product keeps shrinking, so the gradient is $p \\cdot 10^{12}$ times too small, not too large.', ko: '역전파는 $\\max(p(1-p), 10^{-12})$로 나눈 뒤 시그모이드에서 다시 $p(1-p)$를 곱합니다. $z \\approx -27.6$보다 작아지면 두 값이 더 이상 약분되지 않습니다. 하한 때문에 나누는 값은 더 작아지지 않는데 곱하는 값은 계속 작아지므로, 기울기는 커지는 것이 아니라 $p \\cdot 10^{12}$배로 줄어듭니다.' } },
  ],
};
