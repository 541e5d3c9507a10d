// Lesson 3: the output layer — softmax for several classes, sigmoid for two, nothing for
// regression; the probabilities on the three-class set; what a head that does not fit does.
import { playground, onEpoch } from '../widgets/playground.js';
import { softmaxWidget } from '../widgets/output-softmax.js';
import { headsWidget } from '../widgets/output-heads.js';
import { bi } from './bilingual.js';

const R = String.raw;


/** Watches a custom widget's changes: check(detail) → done. */
const watch = (id, test) => (ctx, done) => {
  const widget = ctx.widget(id);
  return widget.on((detail) => { if (test(detail, widget)) done(); });
};

export default {
  lead: {
    en: 'The last layer turns what the network has computed into an answer: a probability for each class, or a number. Which function sits after it depends on the question you ask.',
    ko: '마지막 층은 네트워크가 계산한 결과를 답으로 바꿉니다. 답은 클래스마다의 확률일 수도 있고, 숫자 하나일 수도 있습니다. 그 뒤에 어떤 함수를 붙일지는 무엇을 묻느냐에 달려 있습니다.',
  },
  sections: [
    {
      id: 'heads',
      title: { en: 'One layer, three kinds of answer', ko: '층 하나, 세 가지 답' },
      blocks: [
        { p: {
          en: 'The output layer is an ordinary `Linear` layer. What makes it special is its width and what comes after it. Its raw outputs $z$ are called **logits**: any real numbers, with no meaning yet as probabilities.',
          ko: '출력층은 평범한 `Linear` 층입니다. 다른 층과 다른 점은 너비(뉴런 수)와 그 뒤에 붙는 함수뿐입니다. 출력층이 내는 가공하지 않은 값 $z$를 **로짓**이라고 부릅니다. 로짓은 어떤 실수든 될 수 있어서, 아직 확률로 읽을 수 없습니다.',
        } },
        { list: [
          { en: '**Several classes** (one answer out of $C$): $C$ outputs, then softmax, so the $C$ numbers become probabilities that add up to 1.',
            ko: '**여러 클래스** ($C$개 중 하나): 출력 $C$개 뒤에 소프트맥스를 붙여, $C$개의 숫자를 합이 1인 확률로 만듭니다.' },
          { en: '**Two classes** (yes or no): one output, then a sigmoid, which gives the probability of "yes".',
            ko: '**두 클래스** (예/아니오): 출력 하나 뒤에 시그모이드를 붙여 "예"일 확률을 얻습니다.' },
          { en: '**Regression** (a number): one output and nothing after it, so the prediction can be any real number.',
            ko: '**회귀** (숫자 하나): 출력 하나에 아무것도 붙이지 않습니다. 그래서 예측이 어떤 실수든 될 수 있습니다.' },
        ] },
        { code: {
          torch: bi`
import torch
import torch.nn as nn
import torch.nn.functional as F

h = torch.randn(32, 64)   # ${['last hidden layer', '마지막 은닉층의 출력']}

# ${['several classes: C logits, then softmax', '여러 클래스: 로짓 C개 뒤에 소프트맥스']}
multi = nn.Linear(64, 3)
probs = F.softmax(multi(h), dim=1)  # ${['rows sum to 1', '행마다 합이 1']}

# ${['two classes: one output; sigmoid = P(1)', '두 클래스: 출력 하나, 시그모이드 = P(1)']}
binary = nn.Linear(64, 1)
p = torch.sigmoid(binary(h))

# ${['regression: one output, nothing after', '회귀: 출력 하나, 뒤에 아무것도 없음']}
regress = nn.Linear(64, 1)
y_hat = regress(h)`,
          js: bi`
import { loadLayerwise } from 'layerwise';
const lw = await loadLayerwise();
const { nn } = lw;
const batch = 32;
const h = Float32Array.from({ length: batch * 64 },
  () => Math.random());   // ${['last hidden layer', '마지막 은닉층의 출력']}

// ${['several classes: 3 logits, then softmax', '여러 클래스: 로짓 3개 뒤에 소프트맥스']}
const multi = lw.Model.fromSpec(nn.Sequential(
  nn.Linear(64, 3), nn.Softmax(1)));
// ${['each row of probs sums to 1', 'probs의 행마다 합이 1']}
const probs = multi.forward(h, batch);

// ${['two classes: one output, then sigmoid', '두 클래스: 출력 하나 뒤에 시그모이드']}
const binary = lw.Model.fromSpec(nn.Sequential(
  nn.Linear(64, 1), nn.Sigmoid()));
const p = binary.forward(h, batch);

// ${['regression: one output, nothing after', '회귀: 출력 하나, 뒤에 아무것도 없음']}
const regress = lw.Model.fromSpec(nn.Linear(64, 1));
const yHat = regress.forward(h, batch);`,
        } },
        { note: {
          en: 'When you **train** a classifier in PyTorch, leave the softmax out of the model: `nn.CrossEntropyLoss` takes the logits and applies the softmax itself. Softmax here is for reading the answer. Lesson 5 shows what goes wrong when it is applied twice.',
          ko: 'PyTorch에서 분류기를 **학습**시킬 때는 모델에서 소프트맥스를 빼 두세요. `nn.CrossEntropyLoss`가 로짓을 받아 소프트맥스를 직접 적용합니다. 여기서 소프트맥스는 답을 읽기 위한 것입니다. 소프트맥스가 두 번 걸리면 무엇이 잘못되는지는 레슨 5에서 봅니다.',
        } },
      ],
    },
    {
      id: 'softmax',
      title: { en: 'Softmax: probabilities for several classes', ko: '소프트맥스: 여러 클래스의 확률' },
      blocks: [
        { p: {
          en: 'Softmax makes every logit positive with the exponential and then divides by the total, so the results lie between 0 and 1 and add up to exactly 1:',
          ko: '소프트맥스는 지수 함수로 모든 로짓을 양수로 만든 뒤 전체 합으로 나눕니다. 그래서 결과는 0과 1 사이에 있고, 합은 정확히 1이 됩니다.',
        } },
        { math: R`\begin{gathered} \operatorname{softmax}(z)_k = \frac{e^{z_k}}{\sum_{j=1}^{C} e^{z_j}} \\ \sum_{k=1}^{C} \operatorname{softmax}(z)_k = 1 \end{gathered}` },
        { p: {
          en: R`Adding the same number $c$ to every logit multiplies the top and the bottom by $e^{c}$, which cancels: $\operatorname{softmax}(z + c) = \operatorname{softmax}(z)$. Only the **differences** between logits matter. Software uses this to stay safe from overflow: it subtracts the largest logit before taking exponentials.`,
          ko: R`모든 로짓에 같은 수 $c$를 더하면 분자와 분모에 똑같이 $e^{c}$가 곱해져 약분됩니다. 즉 $\operatorname{softmax}(z + c) = \operatorname{softmax}(z)$이고, 중요한 것은 로짓 사이의 **차이**뿐입니다. 실제 구현은 이 성질을 이용해, 지수를 계산하기 전에 가장 큰 로짓을 빼서 오버플로를 막습니다.`,
        } },
        { widget: 'softmax', make: softmaxWidget({ logits: [2, 1, 0.5] }),
          caption: {
            en: 'Move the three logits; the bars are softmax computed by the Layerwise engine. The ±1 buttons shift all three logits at once.',
            ko: '세 로짓을 움직여 보세요. 막대는 Layerwise 엔진이 계산한 소프트맥스입니다. ±1 버튼은 세 로짓을 한꺼번에 옮깁니다.',
          } },
        { task: 'sure',
          text: { en: 'Make the network at least 90% sure of class 3.', ko: '네트워크가 클래스 3을 90% 이상 확신하게 만들어 보세요.' },
          hint: {
            en: 'Raising $z_3$ works, and so does lowering the other two: what counts is how far $z_3$ is above them. A gap of about 3 is enough.',
            ko: '$z_3$을 올려도 되고 나머지 둘을 내려도 됩니다. 중요한 것은 $z_3$이 다른 로짓보다 얼마나 높은가입니다. 차이가 3 정도면 충분합니다.',
          },
          success: {
            en: 'A logit about 3 above the others already gives 90%: the exponential turns modest gaps into strong preferences.',
            ko: '다른 로짓보다 3쯤 높기만 해도 90%가 됩니다. 지수 함수가 작은 차이를 강한 선호로 키우기 때문입니다.',
          },
          check: watch('softmax', ({ probs }) => probs[2] >= 0.9) },
        { task: 'tie',
          text: {
            en: 'Make the three classes equally likely (each 1/3), while keeping the first logit at $z_1 = 2$.',
            ko: '첫 번째 로짓을 $z_1 = 2$로 둔 채, 세 클래스의 확률을 똑같이(각각 1/3) 만들어 보세요.',
          },
          hint: {
            en: 'Equal probabilities do not need zero logits, only equal ones.',
            ko: '확률이 같아지려면 로짓이 0일 필요는 없고, 서로 같기만 하면 됩니다.',
          },
          success: {
            en: 'Three logits of 2 give the same answer as three logits of 0: softmax only sees differences.',
            ko: '로짓이 모두 2여도 모두 0일 때와 답이 같습니다. 소프트맥스는 차이만 봅니다.',
          },
          check: watch('softmax', ({ logits, probs }) => Math.abs(logits[0] - 2) < 1e-9 && probs.every((p) => Math.abs(p - 1 / 3) < 0.005)) },
      ],
    },
    {
      id: 'sigmoid',
      title: { en: 'Sigmoid: the two-class case', ko: '시그모이드: 클래스가 둘일 때' },
      blocks: [
        { p: {
          en: 'With two classes one number is enough: if the probability of class 1 is $p$, class 0 gets $1 - p$. The sigmoid squeezes one logit into $(0, 1)$:',
          ko: '클래스가 둘이면 숫자 하나로 충분합니다. 클래스 1의 확률이 $p$이면 클래스 0은 $1 - p$입니다. 시그모이드는 로짓 하나를 $(0, 1)$ 구간 안으로 압축합니다.',
        } },
        { math: R`\begin{aligned} \sigma(z) &= \frac{1}{1 + e^{-z}} = \frac{e^{z}}{e^{z} + e^{0}} \\ &= \operatorname{softmax}\big([\,z,\ 0\,]\big)_1 \end{aligned}` },
        { p: {
          en: R`So a sigmoid is a softmax over two logits where the second is fixed at 0. More generally, between any two classes, softmax compares them through the sigmoid of the difference of their logits: $p_1 / (p_1 + p_2) = \sigma(z_1 - z_2)$. The last line under the softmax widget above shows both sides of this equation; move $z_3$ and watch them stay put.`,
          ko: R`즉 시그모이드는 로짓 두 개 중 두 번째를 0으로 고정한 소프트맥스입니다. 더 일반적으로 말하면, 소프트맥스는 어느 두 클래스든 로짓 차이의 시그모이드로 비교합니다. $p_1 / (p_1 + p_2) = \sigma(z_1 - z_2)$. 위 소프트맥스 위젯의 마지막 줄이 이 식의 양변을 보여 줍니다. $z_3$을 움직여도 두 값은 그대로입니다.`,
        } },
        { note: {
          en: 'That is why a two-class problem can use either one output with a sigmoid and binary cross-entropy, or two outputs with softmax and cross-entropy. They describe the same family of models; one output is simply the cheaper way.',
          ko: '그래서 두 클래스 문제에는 출력 하나에 시그모이드와 이진 교차 엔트로피를 써도 되고, 출력 둘에 소프트맥스와 교차 엔트로피를 써도 됩니다. 두 방식이 나타낼 수 있는 모델은 같고, 출력 하나가 더 경제적일 뿐입니다.',
        } },
      ],
    },
    {
      id: 'three-classes',
      title: { en: 'Watching the probabilities on three classes', ko: '세 클래스의 확률 지켜보기' },
      blocks: [
        { p: {
          en: 'Here the data has three classes, so the network ends in three logits and is trained with cross-entropy. The colour of the background is the softmax output at that point: a pure colour where one class has almost all the probability, a paler mix where the network is unsure. Press play and watch the mixed borders shrink as the network grows confident.',
          ko: '이 데이터에는 클래스가 셋 있으므로, 네트워크는 로짓 세 개로 끝나고 교차 엔트로피로 학습합니다. 배경색은 그 지점의 소프트맥스 출력입니다. 한 클래스가 확률을 거의 다 가지면 선명한 색, 네트워크가 헷갈리면 섞인 옅은 색이 됩니다. 재생을 누르고, 네트워크의 확신이 커지면서 색이 섞인 경계가 좁아지는 모습을 지켜보세요.',
        } },
        { widget: 'blobs', make: playground({ dataset: 'blobs3', layers: '4', activation: 'tanh', noise: 30, hide: 'data,features,settings,histograms,code' }),
          caption: {
            en: 'Three clusters, one hidden layer of 4 tanh neurons, an output layer of 3 logits.',
            ko: '점 무리 셋, tanh 뉴런 4개짜리 은닉층 하나, 로짓 3개를 내는 출력층.',
          } },
        { task: 'alone',
          text: {
            en: 'Remove the hidden layer so that only the output layer is left, and train it to a test accuracy of at least 90%.',
            ko: '은닉층을 없애 출력층만 남긴 다음, 테스트 정확도가 90% 이상이 될 때까지 학습시켜 보세요.',
          },
          hint: {
            en: 'Use the − button next to "Hidden layers". Without a hidden layer every boundary between two classes is a straight line — enough for three separate clusters.',
            ko: '"은닉층" 옆의 − 버튼을 쓰세요. 은닉층이 없으면 두 클래스 사이의 경계는 모두 직선인데, 떨어져 있는 세 무리를 나누기에는 그것으로 충분합니다.',
          },
          success: {
            en: 'The output layer alone is a classifier (multinomial logistic regression): three linear scores and a softmax.',
            ko: '출력층만으로도 분류기가 됩니다(다항 로지스틱 회귀). 선형 점수 세 개와 소프트맥스면 됩니다.',
          },
          check: (ctx, done) => onEpoch(ctx.widget('blobs').element, (d, state) => {
            if (state.layers.length === 0 && d.testAccuracy >= 0.9) done();
          }) },
      ],
    },
    {
      id: 'regression',
      title: { en: 'Regression, and what the wrong head does', ko: '회귀, 그리고 출력 함수를 잘못 고르면' },
      blocks: [
        { p: {
          en: 'For regression the output layer stays linear: its prediction $\\hat y = w^\\top h + b$ can be any real number, and it is trained with the mean squared error. Anything placed after it limits what the network can say. A sigmoid only says numbers in $(0, 1)$; a ReLU never says anything below 0.',
          ko: '회귀에서는 출력층을 선형으로 둡니다. 예측 $\\hat y = w^\\top h + b$는 어떤 실수든 될 수 있고, 평균 제곱 오차로 학습합니다. 그 뒤에 무언가를 붙이면 네트워크가 낼 수 있는 값의 범위가 좁아집니다. 시그모이드는 $(0, 1)$ 안의 값만, ReLU는 0 이상의 값만 낼 수 있습니다.',
        } },
        { p: {
          en: R`Below, the same network learns $y = \sin x$, whose targets go down to $-1$. With a head that cannot go below 0, the best it can do on the negative half is to say 0, so however long it trains, its mean squared error cannot fall below what the negative targets cost when answered with 0: about 0.25 here. In practice it ends up worse still: to say 0 a sigmoid must push its input far into its flat region and a ReLU must switch off, and where the gradient vanishes, part of the positive wave is lost as well.`,
          ko: R`아래에서 같은 네트워크가 $y = \sin x$를 배웁니다. 목표값은 $-1$까지 내려갑니다. 0 아래로 내려갈 수 없는 출력이라면 음수 구간에서 할 수 있는 최선은 0이라고 답하는 것이므로, 아무리 오래 학습해도 평균 제곱 오차는 음수 목표값들에 0으로 답했을 때의 오차(여기서는 약 0.25)보다 작아질 수 없습니다. 실제 결과는 이보다도 나쁩니다. 0을 내려면 시그모이드는 입력을 평평한 구간 깊숙이 밀어 넣어야 하고 ReLU는 꺼져야 하는데, 그렇게 기울기가 사라진 곳에서는 사인파의 양수 쪽 일부까지 놓치게 됩니다.`,
        } },
        { math: R`\begin{gathered} \hat y_i \ge 0 \ \ (\forall i) \quad\Longrightarrow \\ \text{MSE} = \frac{1}{N}\sum_{i=1}^{N} (\hat y_i - y_i)^2 \;\ge\; \frac{1}{N}\sum_{i:\,y_i<0} y_i^2 \end{gathered}` },
        { widget: 'heads', make: headsWidget({ head: 'sigmoid' }),
          caption: {
            en: 'Network 1 → 16 → 16 → 1 (tanh), trained with MSE and Adam (lr 0.01) on 200 points; every run starts from the same weights.',
            ko: '네트워크 1 → 16 → 16 → 1 (tanh), 점 200개에서 MSE와 Adam(학습률 0.01)으로 학습합니다. 매번 같은 가중치에서 시작합니다.',
          } },
        { code: {
          torch: bi`
import torch
import torch.nn as nn

# ${['200 points: x in [-6, 6], y = sin x', '점 200개: x는 [-6, 6] 안, y = sin x']}
x = torch.linspace(-6, 6, 200).unsqueeze(1)
y = torch.sin(x)
x = (x - x.mean()) / x.std()   # ${['standardised', '표준화']}

model = nn.Sequential(
    nn.Linear(1, 16), nn.Tanh(),
    nn.Linear(16, 16), nn.Tanh(),
    nn.Linear(16, 1),   # ${['no sigmoid, no ReLU', '시그모이드도 ReLU도 없음']}
)
criterion = nn.MSELoss()
optimizer = torch.optim.Adam(model.parameters(),
                             lr=0.01)
for epoch in range(300):
    for i in torch.randperm(200).split(20):
        optimizer.zero_grad()
        criterion(model(x[i]), y[i]).backward()
        optimizer.step()
print(criterion(model(x), y).item())  # ${['below 0.01', '0.01보다 작다']}`,
          js: bi`
import { loadLayerwise } from 'layerwise';
const lw = await loadLayerwise();

// ${['200 points: x1 in [-6, 6], x2 = 0, y = sin x1', '점 200개: x1은 [-6, 6] 안, x2 = 0, y = sin x1']}
const sine = lw.data.generate('sine', { n: 200 });
const data = sine.featureMap(['x1']);  // ${['x1 only', 'x1만']}
data.standardize();
const model = lw.Model.fromSpec({
  input: [1],
  layers: [
    { type: 'linear', out: 16 }, { type: 'tanh' },
    { type: 'linear', out: 16 }, { type: 'tanh' },
    { type: 'linear', out: 1 },  // ${['no sigmoid, no ReLU', '시그모이드도 ReLU도 없음']}
  ],
});
const optimizer = lw.optim.Adam(model,
  { lr: 0.01 });
for (let epoch = 0; epoch < 300; epoch++)
  model.trainEpoch(data, 20, 'mse', optimizer);
// ${['below 0.01', '0.01보다 작다']}
console.log(model.evaluate(data, 'mse').loss);`,
        } },
        { task: 'fit',
          text: {
            en: 'Give the network a head that can fit the whole wave, and train it until the MSE is below 0.01.',
            ko: '사인파 전체를 따라갈 수 있는 출력 함수를 골라, MSE가 0.01 아래로 내려갈 때까지 학습시켜 보세요.',
          },
          hint: {
            en: 'First train with the sigmoid and see where the prediction gets stuck. Which head can say $-1$?',
            ko: '먼저 시그모이드로 학습시켜 예측이 어디서 막히는지 보세요. 어떤 출력이어야 $-1$을 낼 수 있을까요?',
          },
          success: {
            en: 'With a linear output the network can say negative numbers, and the fit follows the whole wave.',
            ko: '출력이 선형이면 음수도 낼 수 있어서, 예측이 사인파 전체를 따라갑니다.',
          },
          check: watch('heads', ({ mse }) => mse < 0.01) },
        { note: {
          en: 'The playground applies the same rules: for regression data it always uses a linear output and MSE, and for three classes it always uses three logits with cross-entropy, whatever loss you pick.',
          ko: '플레이그라운드도 같은 규칙을 따릅니다. 회귀 데이터에는 어떤 손실 함수를 고르든 선형 출력과 MSE를, 세 클래스 데이터에는 로짓 세 개와 교차 엔트로피를 씁니다.',
        } },
      ],
    },
  ],
  recap: [
    { id: 'shift',
      q: { en: 'Logits $(2, 1, 0.5)$ give the softmax $(0.63, 0.23, 0.14)$. What do logits $(12, 11, 10.5)$ give?', ko: '로짓 $(2, 1, 0.5)$의 소프트맥스는 $(0.63, 0.23, 0.14)$입니다. 로짓 $(12, 11, 10.5)$의 소프트맥스는 무엇일까요?' },
      choices: [
        { en: 'The same, $(0.63, 0.23, 0.14)$', ko: '똑같이 $(0.63, 0.23, 0.14)$' },
        { en: 'Nearly $(1, 0, 0)$, because 12 is a large logit', ko: '거의 $(1, 0, 0)$. 12는 큰 로짓이므로' },
        { en: 'Closer together, about $(0.36, 0.33, 0.31)$', ko: '서로 더 비슷한 약 $(0.36, 0.33, 0.31)$' },
      ],
      answer: 0,
      why: { en: 'Adding 10 to every logit multiplies the top and the bottom of the softmax by $e^{10}$, which cancels. Only the differences between logits count, and they have not changed: 1 and 1.5.', ko: '모든 로짓에 10을 더하면 소프트맥스의 분자와 분모에 똑같이 $e^{10}$이 곱해져 약분됩니다. 중요한 것은 로짓 사이의 차이뿐인데, 그 차이(1과 1.5)는 그대로입니다.' } },
    { id: 'two-ways',
      q: { en: 'A two-class network with one output and a sigmoid has the logit $z = 2$. A network with two outputs and a softmax gives the logits (class 1, class 0). Which give the same probability for class 1?', ko: '출력 하나에 시그모이드를 붙인 두 클래스 네트워크의 로짓이 $z = 2$입니다. 출력 둘에 소프트맥스를 붙인 네트워크가 로짓을 (클래스 1, 클래스 0) 순서로 낸다면, 어떤 로짓일 때 클래스 1의 확률이 같을까요?' },
      choices: [
        { en: 'Logits $(2, 0)$', ko: '로짓 $(2, 0)$' },
        { en: 'Logits $(2, -2)$', ko: '로짓 $(2, -2)$' },
        { en: 'Logits $(1, 1)$', ko: '로짓 $(1, 1)$' },
      ],
      answer: 0,
      why: { en: '$\\sigma(z) = \\operatorname{softmax}([z, 0])_1$: a sigmoid compares its logit with a second one fixed at 0. Softmax only sees the difference, so $(2, -2)$ is a difference of 4, the same as $\\sigma(4) \\approx 0.98$, and $(1, 1)$ gives 0.5.', ko: '$\\sigma(z) = \\operatorname{softmax}([z, 0])_1$입니다. 시그모이드는 자기 로짓을 0으로 고정된 두 번째 로짓과 비교하는 셈입니다. 소프트맥스는 차이만 보므로 $(2, -2)$는 차이 4, 즉 $\\sigma(4) \\approx 0.98$과 같고, $(1, 1)$은 0.5를 줍니다.' } },
    { id: 'cold',
      q: { en: 'A network that predicts temperatures from −10 °C to 30 °C ends in a ReLU. It is never below 0 and stays badly wrong on cold days. What is the fix?', ko: '−10 °C에서 30 °C 사이의 기온을 예측하는 네트워크가 ReLU로 끝납니다. 예측이 0 아래로 내려가지 않아 추운 날에는 크게 틀립니다. 어떻게 고칠까요?' },
      choices: [
        { en: 'Replace the ReLU with a sigmoid, which is smooth', ko: 'ReLU를 매끄러운 시그모이드로 바꾼다' },
        { en: 'Remove it: a linear output can say any real number', ko: 'ReLU를 뺀다. 선형 출력은 어떤 실수든 낼 수 있다' },
        { en: 'Train longer: the network has not found the negative values yet', ko: '더 오래 학습시킨다. 아직 음수 값을 찾지 못했을 뿐이다' },
      ],
      answer: 1,
      why: { en: 'A ReLU cannot say anything below 0, however long it trains, and a sigmoid is worse: it only says numbers in $(0, 1)$. Regression keeps the last layer linear.', ko: 'ReLU는 아무리 오래 학습해도 0 아래 값을 낼 수 없고, 시그모이드는 더 나쁩니다. $(0, 1)$ 안의 값만 내니까요. 회귀에서는 마지막 층을 선형으로 둡니다.' } },
    { id: 'lines',
      q: { en: 'Three classes, no hidden layer: three linear scores and a softmax. What shape is the boundary between two classes?', ko: '은닉층 없이 선형 점수 세 개와 소프트맥스만 있는 세 클래스 분류기가 있습니다. 두 클래스 사이의 경계는 어떤 모양일까요?' },
      choices: [
        { en: 'A straight line', ko: '직선' },
        { en: 'A curve, because softmax is not linear', ko: '곡선. 소프트맥스가 비선형이므로' },
        { en: 'A circle around each class', ko: '클래스마다 둘러싼 원' },
      ],
      answer: 0,
      why: { en: 'Class $k$ beats class $j$ where $z_k > z_j$, and softmax keeps that order. The boundary is where $z_k = z_j$: an equation linear in the inputs, so a straight line. Softmax bends the probabilities, not where they are equal.', ko: '클래스 $k$가 클래스 $j$를 이기는 곳은 $z_k > z_j$인 곳이고, 소프트맥스는 이 순서를 바꾸지 않습니다. 경계는 $z_k = z_j$인 곳, 즉 입력에 대한 일차식이므로 직선입니다. 소프트맥스가 휘게 만드는 것은 확률 값이지, 두 확률이 같아지는 위치가 아닙니다.' } },
  ],
};
