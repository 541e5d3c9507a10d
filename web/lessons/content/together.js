// Lesson 8: putting it together. The whole training loop (PyTorch beside Layerwise), then four
// problems every practitioner meets (loss NaN, loss flat, dead ReLUs, overfitting), each with a
// playground that reproduces it and applies a fix, and a task to fix it another way; then the
// whole playground as the reader's own.
import { playground, onEpoch } from '../widgets/playground.js';
import { trouble } from '../widgets/together-trouble.js';
import { bi } from './bilingual.js';

/** Every hidden layer uses this activation. */
const allAre = (state, name) => state.activation.every((a) => a === name);

/** One problem: what happens and why, its playground with the two buttons, what to look at, a task. */
const problemSection = ({ id, title, cause, trouble: setup, caption, look, task }) => ({
  id,
  title,
  blocks: [
    { p: cause },
    { widget: id, make: trouble(setup), caption },
    { p: look },
    { task: id, ...task },
  ],
});

export default {
  lead: {
    en: 'Layers, initialisation, loss and optimiser meet in one loop of five lines. This lesson writes that loop out, then breaks it on purpose four ways (a loss that turns into NaN, a loss that will not move, ReLUs that die, a model that memorises) and shows what each looks like and how to fix it.',
    ko: '층, 초기화, 손실 함수, 옵티마이저가 모두 다섯 줄짜리 루프 하나에 모입니다. 이 레슨에서는 그 루프를 직접 써 본 다음, 일부러 네 가지로 망가뜨려 봅니다. 손실이 NaN이 되는 경우, 손실이 꿈쩍하지 않는 경우, ReLU가 죽는 경우, 모델이 데이터를 통째로 외우는 경우입니다. 문제마다 어떤 모습으로 나타나는지, 어떻게 고치는지 살펴봅니다.',
  },
  sections: [
    {
      id: 'loop',
      title: { en: 'The training loop', ko: '학습 루프' },
      blocks: [
        { p: {
          en: 'One **epoch** is one pass over the training data, cut into shuffled **batches** of $B$ samples. For each batch the loop does the same five things:',
          ko: '**에포크** 하나는 학습 데이터 전체를 한 번 도는 것입니다. 데이터를 섞은 뒤 $B$개씩 **배치**로 나누고, 배치마다 다음 다섯 단계를 똑같이 거칩니다.',
        } },
        { list: [
          { en: '**clear the gradients** of the last batch (PyTorch adds new gradients to old ones, so forgetting this step sums them);', ko: '지난 배치의 **기울기를 지웁니다**(PyTorch는 새 기울기를 이전 기울기에 더하므로, 이 단계를 빠뜨리면 기울기가 계속 누적됩니다).' },
          { en: '**forward**: $\\hat y_i = f(x_i; \\theta)$ for every sample of the batch;', ko: '**순전파**: 배치의 모든 샘플에 대해 $\\hat y_i = f(x_i; \\theta)$를 계산합니다.' },
          { en: '**loss**: one number for the batch, the mean of the per-sample losses;', ko: '**손실**: 샘플마다 구한 손실을 평균 내어, 배치 전체의 손실을 숫자 하나로 구합니다.' },
          { en: '**backward**: the gradient $g = \\nabla_\\theta L$ of that number with respect to every weight and bias;', ko: '**역전파**: 그 숫자를 모든 가중치와 편향으로 미분한 기울기 $g = \\nabla_\\theta L$을 구합니다.' },
          { en: '**step**: the optimiser moves the parameters against the gradient, for plain SGD by the learning rate $\\eta$ times $g$.', ko: '**업데이트**: 옵티마이저가 기울기의 반대 방향으로 파라미터를 옮깁니다. 기본 SGD라면 학습률 $\\eta$에 $g$를 곱한 만큼 움직입니다.' },
        ] },
        { math: String.raw`L(\theta) = \frac{1}{B}\sum_{i=1}^{B} \ell\big(f(x_i;\theta),\, y_i\big), \qquad \theta \leftarrow \theta - \eta\, \nabla_\theta L(\theta)` },
        { p: {
          en: 'After each epoch, the model is **evaluated** on data it never trains on (the test set), in evaluation mode (dropout off) and without gradients. Comparing the training loss with the test loss is what tells the problems below apart. The model ends in a logit and the loss applies the sigmoid itself (BCE with logits, lesson 5); a sigmoid of its own appears only where the probabilities are reported.',
          ko: '에포크가 끝날 때마다 학습에 쓰지 않은 데이터(테스트 세트)로 모델을 **평가**합니다. 이때는 평가 모드(드롭아웃 끔)로 두고 기울기도 계산하지 않습니다. 학습 손실과 테스트 손실을 나란히 놓고 보면 아래의 문제들을 서로 구별할 수 있습니다. 모델은 로짓으로 끝나고, 시그모이드는 손실 함수가 안에서 직접 계산합니다(로짓을 받는 BCE, 레슨 5). 시그모이드를 따로 쓰는 곳은 확률을 보여 줄 때뿐입니다.',
        } },
        { code: {
          torch: bi`import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

# ${['x: [N, 2] floats, y: [N, 1] of 0.0 or 1.0', 'x: [N, 2] 실수, y: [N, 1] 값은 0.0 또는 1.0']}
# ${['(here: 1 outside a circle)', '(여기서는 원 바깥이면 1)']}
x = torch.randn(400, 2)
y = (x.norm(dim=1, keepdim=True) > 1.2).float()
x_train, y_train = x[:200], y[:200]
x_test, y_test = x[200:], y[200:]

model = nn.Sequential(
    nn.Linear(2, 16), nn.ReLU(),
    nn.Linear(16, 16), nn.ReLU(),
    nn.Linear(16, 1),   # ${['a logit: no sigmoid', '로짓: 시그모이드 없음']}
)
for m in model:
    if isinstance(m, nn.Linear):
        nn.init.kaiming_normal_(m.weight,
                                nonlinearity='relu')
        nn.init.zeros_(m.bias)

# ${['sigmoid and BCE in one stable formula', '시그모이드와 BCE를 안정적인 식 하나로']}
loss_fn = nn.BCEWithLogitsLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
loader = DataLoader(TensorDataset(x_train, y_train),
                    batch_size=10, shuffle=True)

for epoch in range(100):
    model.train()
    for xb, yb in loader:
        optimizer.zero_grad()        # ${['1. clear', '1. 기울기 지우기']}
        out = model(xb)              # ${['2. forward', '2. 순전파']}
        loss = loss_fn(out, yb)      # ${['3. loss', '3. 손실']}
        loss.backward()              # ${['4. backward', '4. 역전파']}
        optimizer.step()             # ${['5. step', '5. 업데이트']}
    model.eval()
    with torch.no_grad():
        test_loss = loss_fn(model(x_test), y_test).item()

# ${['probabilities only to report them', '확률은 결과를 볼 때만 계산']}
with torch.no_grad():
    p = torch.sigmoid(model(x_test))
accuracy = ((p > 0.5).float() == y_test).float().mean()
print(test_loss, accuracy.item())`,
          js: bi`import { loadLayerwise } from 'layerwise';
const lw = await loadLayerwise();

// ${['two classes: a disc (0) inside a ring (1)', '두 클래스: 원판(0)과 그 바깥의 고리(1)']}
const data = lw.data.generate('circle',
  { n: 400, noise: 0.1 });
const [train, test] = data.split(0.5);
test.standardize(train.standardize());

const model = lw.Model.fromSpec({
  input: [2],
  layers: [
    { type: 'linear', out: 16 }, { type: 'relu' },
    { type: 'linear', out: 16 }, { type: 'relu' },
    { type: 'linear', out: 1 },  // ${['a logit: no sigmoid', '로짓: 시그모이드 없음']}
  ],
  init: {
    weight: { type: 'kaiming_normal',
              nonlinearity: 'relu' },
    bias: 'zeros',
  },
});
// ${['sigmoid and BCE in one stable formula', '시그모이드와 BCE를 안정적인 식 하나로']}
const loss = lw.loss.BCEWithLogits();
const optimizer = lw.optim.Adam(model, { lr: 0.01 });

let testLoss;
for (let epoch = 0; epoch < 100; epoch++) {
  // ${['shuffles, then per batch of 10: clear, forward,', '섞은 뒤 10개짜리 배치마다 기울기 지우기, 순전파,']}
  // ${['loss, backward, step (trainStep does one batch)', '손실, 역전파, 업데이트 (trainStep은 배치 하나)']}
  const trainLoss =
    model.trainEpoch(train, 10, loss, optimizer);
  if (!Number.isFinite(trainLoss)) {
    throw new Error('loss ' + trainLoss);
  }
  testLoss = model.evaluate(test, loss).loss;
}

// ${['probabilities only to report them', '확률은 결과를 볼 때만 계산']}
const { x, y } = test.toArrays();
const p = model.forward(x, test.size)
  .map((z) => 1 / (1 + Math.exp(-z)));
const right = p.filter((pi, i) =>
  (pi > 0.5) === (y[i] > 0.5));
console.log(testLoss, right.length / test.size);
for (const o of [optimizer, model, train, test, data])
  o.dispose();`,
        } },
        { p: {
          en: 'When something goes wrong, it shows in a few places: the **curves** (training and test loss per epoch), the **histograms** panel (per layer: weights, outputs, gradients, and the share of dead or saturated units), and the **network** diagram (what each neuron has learned; dead units are marked). Each problem below comes with a playground set up to show it. "Reproduce the problem" starts it from fresh weights; "Apply the fix" changes what fixes it and starts again.',
          ko: '문제가 생기면 몇 군데에서 드러납니다. **곡선**(에포크별 학습 손실과 테스트 손실), **히스토그램** 패널(층마다 가중치, 출력, 기울기의 분포와 죽었거나 포화된 유닛의 비율), **네트워크** 그림(뉴런마다 배운 것, 죽은 유닛 표시)입니다. 아래 문제마다 그 문제가 드러나도록 설정해 둔 플레이그라운드가 있습니다. "문제 재현하기"를 누르면 새 가중치로 문제 상황을 처음부터 시작하고, "해결책 적용하기"를 누르면 문제를 고치는 설정으로 바꿔 다시 시작합니다.',
        } },
      ],
    },
    problemSection({
      id: 'nan',
      title: { en: 'The loss becomes NaN', ko: '손실이 NaN이 된다' },
      cause: {
        en: '**Symptom:** the loss jumps up for an epoch or two, then becomes NaN ("not a number") and training stops. **Cause:** a learning rate so large that each step overshoots the minimum and lands farther from it than it started. Every overshoot is bigger than the last; the weights grow until they overflow to infinity, and $\\infty - \\infty$ is NaN. Regression with a linear output shows it fastest, because nothing squashes the output.',
        ko: '**증상:** 손실이 한두 에포크 동안 치솟다가 NaN("숫자가 아님")이 되고 학습이 멈춥니다. **원인:** 학습률이 너무 커서 업데이트할 때마다 최솟값을 지나쳐, 출발점보다 더 먼 곳에 떨어집니다. 지나칠 때마다 그 폭이 커지고, 가중치도 계속 커지다가 결국 무한대로 넘쳐 버립니다(오버플로). 그리고 $\\infty - \\infty$는 NaN입니다. 출력을 눌러 주는 함수가 없는, 출력층이 선형인 회귀에서 가장 빨리 나타납니다.',
      },
      trouble: {
        problem: { dataset: 'plane', layers: '8,8', activation: 'tanh', optimizer: 'sgd', lr: 1 },
        fix: { lr: 0.03 },
        fixLabel: { en: 'learning rate 0.03', ko: '학습률 0.03' },
        hide: 'code,features',
      },
      caption: { en: 'Regression on the plane data, two hidden layers of 8 tanh units, SGD with learning rate 1.', ko: '평면 데이터 회귀, tanh 유닛 8개짜리 은닉층 두 개, 학습률 1의 SGD.' },
      look: {
        en: '**Look at:** the loss curve climbing before it breaks off, and the message that training stopped. **Fix:** lower the learning rate (by 10× at a time), then start again from fresh weights: NaN weights never recover. Standardised inputs and, in PyTorch, gradient clipping (`torch.nn.utils.clip_grad_norm_`) also keep steps in bounds.',
        ko: '**눈여겨볼 곳:** 끊기기 직전에 치솟는 손실 곡선, 그리고 학습이 멈췄다는 메시지. **해결:** 학습률을 10배씩 낮추고 새 가중치로 다시 시작합니다. 한번 NaN이 된 가중치는 원래대로 돌아오지 않습니다. 입력 표준화, 그리고 PyTorch라면 기울기 클리핑(`torch.nn.utils.clip_grad_norm_`)도 업데이트 폭이 지나치게 커지지 않게 막아 줍니다.',
      },
      task: {
        text: { en: 'The fix button drops the learning rate to 0.03, which is safe but slow. Find how high you can go: on the same plane data, with SGD at a learning rate of at least 0.3, train to a training loss below 0.01.', ko: '해결책 버튼은 학습률을 0.03으로 낮춥니다. 안전하지만 느리죠. 학습률을 얼마나 높일 수 있는지 찾아보세요. 같은 평면 데이터에서 SGD 학습률을 0.3 이상으로 두고 학습 손실을 0.01 아래로 내려 보세요.' },
        hint: { en: 'Set the learning rate in the training settings, then press the reset button (fresh weights) and play. Somewhere between 0.03 and 1 the steps start to overshoot.', ko: '학습 설정에서 학습률을 바꾼 뒤 초기화 버튼(새 가중치)을 누르고 재생하세요. 0.03과 1 사이 어딘가부터 업데이트가 최솟값을 지나치기 시작합니다.' },
        success: { en: 'Near the edge of stability training is fastest; just past it, it diverges. Finding that edge is the first thing to tune.', ko: '학습은 발산하기 직전의 학습률에서 가장 빠르고, 그 한계를 조금만 넘어도 발산합니다. 튜닝은 이 한계를 찾는 데서 시작합니다.' },
        check: (ctx, done) => onEpoch(ctx.widget('nan').element, (d, state) => {
          if (state.dataset === 'plane' && state.optimizer === 'sgd' && state.lr >= 0.3
            && Number.isFinite(d.trainLoss) && d.trainLoss < 0.01) done();
        }),
      },
    }),
    problemSection({
      id: 'flat',
      title: { en: 'The loss does not move', ko: '손실이 움직이지 않는다' },
      cause: {
        en: '**Symptom:** epoch after epoch the loss stays where it started (here $\\ln 2 \\approx 0.693$, a coin toss for two classes). **Causes:** a learning rate so small that steps go nowhere, or gradients that vanish before they reach the early layers. The playground stacks five hidden layers of sigmoids. The sigmoid\'s derivative is at most $1/4$, so on the way back through five of them these factors alone shrink the gradient at least $4^5 \\approx 1000$ times, and plain SGD barely moves.',
        ko: '**증상:** 에포크가 지나도 손실이 처음 값에서 꿈쩍하지 않습니다(여기서는 $\\ln 2 \\approx 0.693$으로, 두 클래스를 동전 던지기로 맞히는 수준). **원인:** 학습률이 너무 작아 업데이트가 제자리걸음을 하거나, 기울기가 앞쪽 층까지 가기 전에 사라지는 것입니다. 이 플레이그라운드에는 시그모이드 은닉층 다섯 개가 쌓여 있습니다. 시그모이드의 도함수는 최대 $1/4$이므로, 다섯 층을 거슬러 가며 이 값만 곱해져도 기울기가 $4^5 \\approx 1000$분의 1 이하로 줄어듭니다. 그러면 기본 SGD는 거의 움직이지 못합니다.',
      },
      trouble: {
        problem: { dataset: 'circle', layers: '8,8,8,8,8', activation: 'sigmoid', optimizer: 'sgd', lr: 0.03 },
        fix: { activation: 'tanh' },
        fixLabel: { en: 'tanh instead of sigmoid', ko: '시그모이드 대신 tanh' },
        hide: 'code,features,data',
      },
      caption: { en: 'Circle data, five hidden layers of 8 sigmoid units, SGD with learning rate 0.03.', ko: '원형 데이터, 시그모이드 유닛 8개짜리 은닉층 다섯 개, 학습률 0.03의 SGD.' },
      look: {
        en: '**Look at:** a flat loss curve, and the range under each gradient histogram (train an epoch or two first): it shrinks layer by layer, down to a few millionths at the first layer, hundreds to thousands of times less than at the output. **Fix:** an activation whose derivative is near 1 around 0 (tanh, or ReLU with He initialisation), as the button does; or an optimiser that rescales small gradients; or, if the gradients are not the problem, a larger learning rate.',
        ko: '**눈여겨볼 곳:** 평평한 손실 곡선, 그리고 기울기 히스토그램 아래에 적힌 범위(먼저 한두 에포크 학습시키세요). 범위는 층을 거슬러 올라갈수록 좁아져서, 첫 번째 층에서는 100만분의 몇 수준으로 출력층보다 수백에서 수천 배 작습니다. **해결:** 버튼처럼 0 근처에서 도함수가 1에 가까운 활성화 함수(tanh, 또는 He 초기화를 쓴 ReLU)로 바꾸거나, 작은 기울기도 알맞은 크기로 키워 주는 옵티마이저를 쓰거나, 기울기에 문제가 없다면 학습률을 키웁니다.',
      },
      task: {
        text: { en: 'Keep all five hidden layers, every one a sigmoid, and still get the network to 95% test accuracy.', ko: '은닉층 다섯 개를 모두 시그모이드로 둔 채로 네트워크의 테스트 정확도를 95%까지 올려 보세요.' },
        hint: { en: 'Adam divides each step by a running size of that weight\'s gradient, so a gradient 1000 times smaller still gets a step of normal size. Switch the optimiser.', ko: 'Adam은 가중치마다 최근 기울기 크기의 이동 평균으로 업데이트를 나누므로, 기울기가 1000배 작아도 보통 크기로 업데이트합니다. 옵티마이저를 바꿔 보세요.' },
        success: { en: 'The gradients were small but not zero, and Adam\'s per-weight scaling made them usable.', ko: '기울기가 작긴 했어도 0은 아니었습니다. Adam이 가중치마다 크기를 맞춰 주니 그 작은 기울기로도 충분히 배울 수 있었습니다.' },
        check: (ctx, done) => onEpoch(ctx.widget('flat').element, (d, state) => {
          if (state.dataset === 'circle' && allAre(state, 'sigmoid') && state.layers.length >= 5 && d.testAccuracy >= 0.95) done();
        }),
      },
    }),
    problemSection({
      id: 'dead',
      title: { en: 'Dead ReLUs', ko: '죽은 ReLU' },
      cause: {
        en: '**Symptom:** the loss stalls at a poor value and the network diagram shows units that are blank for every input. **Cause:** a ReLU unit whose input is negative for every sample outputs 0 everywhere, so its gradient is 0 everywhere too, and no later step can move it back. One oversized step is enough to push a unit\'s weights and bias there. Here Adam with learning rate 1 kills the whole second hidden layer within a few epochs, and the output becomes a constant.',
        ko: '**증상:** 손실이 높은 값에서 멈추고, 네트워크 그림에서 어떤 입력을 넣어도 비어 있는 유닛이 보입니다. **원인:** 모든 샘플에 대해 입력이 음수인 ReLU 유닛은 늘 0을 출력하므로 기울기도 늘 0이고, 그 뒤 어떤 업데이트도 이 유닛을 되살리지 못합니다. 지나치게 큰 업데이트 한 번이면 유닛의 가중치와 편향을 그런 자리로 밀어 넣기에 충분합니다. 여기서는 학습률 1의 Adam이 몇 에포크 만에 두 번째 은닉층을 통째로 죽이고, 출력은 상수가 됩니다.',
      },
      trouble: {
        problem: { dataset: 'circle', layers: '8,8', activation: 'relu', optimizer: 'adam', lr: 1 },
        fix: { lr: 0.01 },
        fixLabel: { en: 'learning rate 0.01, fresh weights', ko: '학습률 0.01, 새 가중치' },
        hide: 'code,features,data',
      },
      caption: { en: 'Circle data, two hidden layers of 8 ReLU units, Adam with learning rate 1.', ko: '원형 데이터, ReLU 유닛 8개짜리 은닉층 두 개, 학습률 1의 Adam.' },
      look: {
        en: '**Look at:** the histograms panel, which gives each ReLU layer\'s share of dead units, and the marked units in the network diagram. **Fix:** a smaller learning rate, and fresh weights, because lowering the rate does not revive a dead unit. LeakyReLU (a small slope for negative inputs, so the gradient is never exactly 0) and He initialisation make units harder to kill.',
        ko: '**눈여겨볼 곳:** ReLU 층마다 죽은 유닛의 비율을 보여 주는 히스토그램 패널, 그리고 네트워크 그림에 표시된 유닛. **해결:** 학습률을 낮추고 가중치도 새로 만듭니다. 학습률만 낮춰서는 이미 죽은 유닛이 살아나지 않습니다. LeakyReLU(음수 입력에서도 기울기가 작게나마 남아 정확히 0이 되지 않음)와 He 초기화를 쓰면 유닛이 덜 죽습니다.',
      },
      task: {
        text: { en: 'The fix button uses learning rate 0.01. Keep ReLU everywhere and Adam, and reach 95% test accuracy with a learning rate of at least 0.1.', ko: '해결책 버튼은 학습률 0.01을 씁니다. 활성화 함수는 모두 ReLU, 옵티마이저는 Adam으로 둔 채 학습률 0.1 이상에서 테스트 정확도 95%에 도달해 보세요.' },
        hint: { en: 'Change the learning rate, then reset (the dead units stay dead otherwise) and play. Watch the dead share in the histograms panel.', ko: '학습률을 바꾼 다음 초기화 버튼을 누르고(안 그러면 죽은 유닛이 그대로 남습니다) 재생하세요. 히스토그램 패널에서 죽은 유닛의 비율을 지켜보세요.' },
        success: { en: 'Some units may still die at that rate, but enough stay alive to draw the circle.', ko: '이 학습률에서도 유닛 몇 개는 죽을 수 있지만, 원을 그려 내기에 충분한 만큼은 살아남습니다.' },
        check: (ctx, done) => onEpoch(ctx.widget('dead').element, (d, state) => {
          if (state.dataset === 'circle' && allAre(state, 'relu') && state.optimizer === 'adam' && state.lr >= 0.1 && d.testAccuracy >= 0.95) done();
        }),
      },
    }),
    problemSection({
      id: 'overfit',
      title: { en: 'Overfitting', ko: '과적합' },
      cause: {
        en: '**Symptom:** the training loss falls towards 0 while the test loss, after an early low, climbs. **Cause:** a network with far more capacity than the data can pin down learns the noise of the few training points by heart. Here three layers of 32 ReLU units see 40 noisy XOR points (10% of 400).',
        ko: '**증상:** 학습 손실은 0을 향해 내려가는데, 테스트 손실은 초반에 잠깐 낮아졌다가 다시 올라갑니다. **원인:** 데이터로 정할 수 있는 것보다 용량이 훨씬 큰 네트워크가 얼마 안 되는 학습 데이터의 잡음까지 통째로 외워 버립니다. 여기서는 ReLU 유닛 32개짜리 층 세 개가 잡음 섞인 XOR 점 40개(400개 중 10%)만 보고 학습합니다.',
      },
      trouble: {
        problem: { dataset: 'xor', noise: 50, trainRatio: 10, layers: '32,32,32', activation: 'relu', optimizer: 'adam', lr: 0.01, showTest: true },
        fix: { l2: 0.01 },
        fixLabel: { en: 'L2 penalty 0.01 (weight decay)', ko: 'L2 규제 0.01 (가중치 감쇠)' },
        hide: 'code,features',
      },
      caption: { en: 'XOR data with 50% noise, 10% of it for training, three hidden layers of 32 ReLU units, Adam with learning rate 0.01.', ko: '잡음 50%의 XOR 데이터 중 10%로 학습, ReLU 유닛 32개짜리 은닉층 세 개, 학습률 0.01의 Adam.' },
      look: {
        en: '**Look at:** the gap between the training and test curves, and the decision boundary bending around single training points (the test points are shown). **Fixes:** more data; an L2 penalty (weight decay), which pulls every weight towards 0 and so favours smooth boundaries, as the button does; dropout; a smaller network; or stopping at the epoch where the test loss was lowest.',
        ko: '**눈여겨볼 곳:** 학습 곡선과 테스트 곡선 사이의 간격, 그리고 학습 점 하나하나를 감싸듯 휘어지는 결정 경계(테스트 점도 함께 표시됩니다). **해결:** 데이터를 더 모으거나, 버튼처럼 L2 규제(가중치 감쇠)를 겁니다. L2 규제는 모든 가중치를 0 쪽으로 당겨 매끄러운 경계를 선호하게 만듭니다. 드롭아웃, 더 작은 네트워크, 테스트 손실이 가장 낮았던 에포크에서 멈추는 조기 종료도 방법입니다.',
      },
      task: {
        text: { en: 'Without the L2 penalty and with the same data (400 points, 10% for training, 50% noise), keep the test loss below 0.3 after 200 epochs.', ko: 'L2 규제 없이, 같은 데이터(점 400개, 학습용 10%, 잡음 50%)로 200 에포크가 지난 뒤에도 테스트 손실을 0.3 아래로 유지하세요.' },
        hint: { en: 'XOR needs only a few neurons. Give the network less room to memorise: one hidden layer of 8.', ko: 'XOR은 뉴런 몇 개로도 충분합니다. 네트워크가 외울 여지를 줄여 보세요. 뉴런 8개짜리 은닉층 하나면 됩니다.' },
        success: { en: 'A network sized to the problem generalises without any penalty: capacity is a setting like any other.', ko: '문제에 맞는 크기의 네트워크는 규제 없이도 일반화가 잘 됩니다. 네트워크의 용량도 학습률처럼 골라야 하는 설정값입니다.' },
        check: (ctx, done) => onEpoch(ctx.widget('overfit').element, (d, state) => {
          const same = state.dataset === 'xor' && state.points <= 400 && state.trainRatio <= 10 && state.noise >= 50 && state.l2 === 0;
          if (same && d.epoch >= 200 && Number.isFinite(d.testLoss) && d.testLoss < 0.3) done();
        }),
      },
    }),
    {
      id: 'yours',
      title: { en: 'Your turn', ko: '직접 해 보기' },
      blocks: [
        { p: {
          en: 'Here is the whole playground, every panel open, with the two-spirals data and a network that is too small for it. Go through the lesson\'s checklist:',
          ko: '이번에는 모든 패널이 열린 플레이그라운드 전체입니다. 데이터는 두 나선이고, 네트워크는 이 데이터를 다루기에 너무 작습니다. 이 레슨에서 익힌 점검 순서를 따라가 보세요.',
        } },
        { list: [
          { en: 'enough layers and neurons for the shape of the data;', ko: '데이터 모양에 맞게 층과 뉴런을 충분히 둡니다.' },
          { en: 'an initialisation that suits the activation (He for ReLU, Xavier for tanh);', ko: '활성화 함수에 맞는 초기화를 고릅니다(ReLU에는 He, tanh에는 Xavier).' },
          { en: 'an optimiser, and a learning rate near the edge of stability;', ko: '옵티마이저를 고르고, 발산하지 않는 한에서 가장 큰 학습률 근처를 찾습니다.' },
          { en: 'the curves and histograms, for the four problems above.', ko: '곡선과 히스토그램에서 위의 네 가지 문제가 보이는지 지켜봅니다.' },
        ] },
        { widget: 'spiral', make: playground({ dataset: 'spiral' }),
          caption: { en: 'The full playground: data, features, network, training settings, curves, histograms and code.', ko: '플레이그라운드 전체: 데이터, 특성, 네트워크, 학습 설정, 곡선, 히스토그램, 코드.' } },
        { task: 'spiral',
          text: { en: 'Train a network on the spirals to at least 95% test accuracy.', ko: '나선 데이터에서 테스트 정확도 95% 이상이 되도록 네트워크를 학습시키세요.' },
          hint: { en: 'More neurons and layers (for example three layers of 16), ReLU with He (Kaiming) initialisation, Adam with a learning rate around 0.01.', ko: '뉴런과 층을 늘려 보세요(예: 16개짜리 층 세 개). ReLU에 He(Kaiming) 초기화, 학습률 0.01 정도의 Adam이면 됩니다.' },
          success: { en: 'That is the whole loop, from the input layer to a working classifier. The code panel shows the same run in PyTorch and in Layerwise.', ko: '입력층에서 시작해 제대로 동작하는 분류기까지, 이것이 전체 흐름입니다. 코드 패널에서 방금 한 학습을 PyTorch 코드와 Layerwise 코드로 볼 수 있습니다.' },
          check: (ctx, done) => onEpoch(ctx.widget('spiral').element, (d, state) => {
            if (state.dataset === 'spiral' && d.testAccuracy >= 0.95) done();
          }) },
      ],
    },
  ],
  recap: [
    { id: 'gap',
      q: { en: 'After 200 epochs the training loss is 0.001 and still falling, while the test loss has climbed from 0.4 to 1.0. What helps?', ko: '200 에포크가 지나 학습 손실은 0.001까지 내려갔고 아직도 내려가는데, 테스트 손실은 0.4에서 1.0으로 올라갔습니다. 무엇이 도움이 될까요?' },
      choices: [
        { en: 'Training longer, until the test loss comes down too', ko: '테스트 손실도 내려올 때까지 더 오래 학습시킨다' },
        { en: 'A smaller network, an L2 penalty, or stopping at the epoch where the test loss was lowest', ko: '더 작은 네트워크, L2 규제, 또는 테스트 손실이 가장 낮았던 에포크에서 멈추기' },
        { en: 'A larger learning rate, so that training gets out of a bad minimum', ko: '나쁜 최솟값에서 빠져나오도록 학습률을 키운다' },
      ],
      answer: 1,
      why: { en: 'A training loss near 0 with a test loss that rises is overfitting: the network is memorising the training points. Less capacity, a penalty on large weights or an earlier stop all help; training longer only widens the gap, and the learning rate is not the problem: training is succeeding too well.', ko: '학습 손실은 0에 가까운데 테스트 손실이 올라간다면 과적합입니다. 네트워크가 학습 데이터를 외우고 있는 것이죠. 용량을 줄이거나, 큰 가중치에 벌점을 주거나, 일찍 멈추면 도움이 됩니다. 더 오래 학습시키면 간격만 벌어지고, 학습률은 문제가 아닙니다. 학습은 오히려 너무 잘되고 있습니다.' } },
    { id: 'nan-stays',
      q: { en: 'A run at learning rate 1 has turned the loss into NaN. You lower the learning rate to 0.03 and press play again, without resetting. What happens?', ko: '학습률 1로 학습하다가 손실이 NaN이 되었습니다. 초기화하지 않고 학습률만 0.03으로 낮춘 뒤 다시 재생하면 어떻게 될까요?' },
      choices: [
        { en: 'It recovers: small steps can no longer overshoot', ko: '회복된다. 작은 업데이트는 더 이상 최솟값을 지나치지 않는다' },
        { en: 'It recovers slowly, over many epochs', ko: '여러 에포크에 걸쳐 천천히 회복된다' },
        { en: 'It stays NaN: the weights are NaN, so every output, loss and gradient computed from them is NaN too', ko: '계속 NaN이다. 가중치가 NaN이라 거기서 계산한 출력, 손실, 기울기가 모두 NaN이 된다' },
      ],
      answer: 2,
      why: { en: 'Any arithmetic with NaN gives NaN, and $w - \\eta \\cdot \\text{NaN}$ is NaN for every $\\eta$. The lower learning rate is the right fix, but only together with fresh weights.', ko: 'NaN이 섞인 계산의 결과는 모두 NaN이고, $w - \\eta \\cdot \\text{NaN}$은 $\\eta$가 얼마든 NaN입니다. 학습률을 낮추는 것은 맞는 해결책이지만, 가중치를 새로 만들어야만 효과가 있습니다.' } },
    { id: 'dead-layer',
      q: { en: 'Every unit of the second hidden ReLU layer is dead: it outputs 0 for every input. Which parameters still get a gradient that is not 0?', ko: '두 번째 ReLU 은닉층의 모든 유닛이 죽어서, 어떤 입력에도 0을 출력합니다. 0이 아닌 기울기를 받는 파라미터는 어느 것일까요?' },
      choices: [
        { en: 'All of them, only smaller', ko: '전부 받는다. 크기만 작아질 뿐이다' },
        { en: 'Only the output layer’s bias', ko: '출력층의 편향뿐이다' },
        { en: 'Only the first layer’s, which sits before the dead one', ko: '죽은 층 앞에 있는 첫 번째 층의 파라미터뿐이다' },
      ],
      answer: 1,
      why: { en: 'The output layer’s weights multiply the dead layer’s outputs, which are all 0, so their gradients are 0 too; and a ReLU with a negative input passes no gradient back, so the dead layer and everything before it get 0. Only the output bias, whose gradient is the error itself, still moves: the network ends up giving the same answer for every input.', ko: '출력층의 가중치는 죽은 층의 출력(모두 0)에 곱해지므로 기울기도 0입니다. 입력이 음수인 ReLU는 기울기를 뒤로 전달하지 않으니, 죽은 층과 그 앞의 모든 층도 기울기가 0입니다. 기울기가 오차 그 자체인 출력층 편향만 계속 움직이고, 결국 네트워크는 어떤 입력에도 같은 답을 냅니다.' } },
    { id: 'stuck-three',
      q: { en: 'A network stuck at "no idea" on two balanced classes shows a loss of $\\ln 2 \\approx 0.693$. What loss would a network equally stuck on three balanced classes show, with cross-entropy?', ko: '개수가 같은 두 클래스에서 아무것도 배우지 못한 채 멈춘 네트워크의 손실은 $\\ln 2 \\approx 0.693$입니다. 개수가 같은 세 클래스에서 똑같이 멈춘 네트워크의 교차 엔트로피 손실은 얼마일까요?' },
      choices: [
        { en: '0.693, the same', ko: '0.693, 똑같다' },
        { en: 'About 1.099, that is $\\ln 3$', ko: '약 1.099, 곧 $\\ln 3$' },
        { en: 'About 0.333, that is $1/3$', ko: '약 0.333, 곧 $1/3$' },
      ],
      answer: 1,
      why: { en: 'Knowing nothing, the best it can say is $1/3$ for every class, and the loss is $-\\log(1/3) = \\ln 3$. $1/3$ is the probability it gives the right class, not the loss. A loss sitting at $\\ln C$ for $C$ classes is the sign of a network that has learnt nothing yet.', ko: '아무것도 모를 때 할 수 있는 최선은 모든 클래스에 $1/3$씩 주는 것이고, 그때 손실은 $-\\log(1/3) = \\ln 3$입니다. $1/3$은 정답 클래스에 준 확률이지 손실이 아닙니다. 클래스가 $C$개일 때 손실이 $\\ln C$에 머물러 있다면 네트워크가 아직 아무것도 배우지 못했다는 뜻입니다.' } },
  ],
};
