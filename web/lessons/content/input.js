// Lesson 1: the input layer. Pictures, tables and text become the vector x the first layer
// reads; standardising that vector decides whether one learning rate suits every feature.
import { playground, onEpoch } from '../widgets/playground.js';
import { inputPixels } from '../widgets/input-pixels.js';
import { inputSize } from '../widgets/input-size.js';
import { inputVectors } from '../widgets/input-vectors.js';
import { bi } from './bilingual.js';

// The two networks of the last section: the same run but for `standardize`.
const SCALE_PRESET = {
  dataset: 'moons', noise: 20, features: 'x1,x2,x1sq,x2sq,x1x2', layers: '4', activation: 'tanh',
  optimizer: 'sgd', lr: 1, batch: 10, seed: 1, hide: 'code,histograms,network',
};
// Settings that make two playgrounds "the same run" (view-only keys left out).
const RUN_KEYS = ['dataset', 'noise', 'trainRatio', 'points', 'features', 'layers', 'activation', 'loss', 'init',
  'initStd', 'optimizer', 'lr', 'momentum', 'nesterov', 'beta1', 'beta2', 'alpha', 'batch', 'l1', 'l2', 'dropout', 'seed'];
const sameRun = (a, b) => RUN_KEYS.every((k) => String(a[k]) === String(b[k]));


/** Calls test(details) with the latest epoch detail of each playground, forgotten when its state changes. */
function watchBoth(elements, test) {
  const last = new Map();
  const stops = elements.flatMap((el) => {
    const forget = () => last.delete(el);
    el.addEventListener('statechange', forget);
    const stop = onEpoch(el, (d) => {
      last.set(el, d);
      if (elements.every((e) => last.has(e))) test(elements.map((e) => last.get(e)));
    });
    return [stop, () => el.removeEventListener('statechange', forget)];
  });
  return () => stops.forEach((stop) => stop());
}

export default {
  lead: {
    en: 'A network only ever sees numbers. This lesson turns a drawing, a photo, a table row and a sentence into the vector $x$ that the first layer reads, and shows why those numbers should be brought to a common scale before training.',
    ko: '네트워크가 보는 것은 언제나 숫자뿐입니다. 이 레슨에서는 손그림, 사진, 표의 한 행, 문장을 첫 번째 층이 읽는 벡터 $x$로 바꿔 보고, 학습 전에 그 숫자들의 크기를 맞춰 주어야 하는 이유를 확인합니다.',
  },
  sections: [
    {
      id: 'grid',
      title: { en: 'A picture is a grid of numbers', ko: '그림은 숫자의 격자다' },
      blocks: [
        { p: {
          en: 'Nothing is computed in the input layer. It is only the list of numbers handed to the first layer that has weights, one **input neuron** per number. So its size is not yours to choose: the data fixes it.',
          ko: '입력층에서는 아무 계산도 일어나지 않습니다. 가중치를 가진 첫 번째 층에 넘겨줄 숫자들의 목록일 뿐이고, 숫자 하나가 **입력 뉴런** 하나입니다. 그래서 입력층의 크기는 우리가 고르지 않습니다. 데이터가 정합니다.',
        } },
        { p: {
          en: 'Draw a digit below. The pad shrinks your drawing into a 28 × 28 greyscale picture the way the MNIST digits were made: $0$ is paper, $1$ is full ink, and the edges of a stroke get values in between. That makes $28 \\cdot 28 = 784$ numbers, so a network for such pictures has **784 input neurons**.',
          ko: '아래에 숫자를 하나 그려 보세요. 그림판은 MNIST 숫자 데이터를 만든 방식 그대로 그림을 28 × 28 흑백 그림으로 줄입니다. 종이는 $0$, 잉크로 꽉 찬 칸은 $1$이고, 획의 가장자리는 그 사이 값을 가집니다. 모두 $28 \\cdot 28 = 784$개의 숫자이므로, 이런 그림을 받는 네트워크의 **입력 뉴런은 784개**입니다.',
        } },
        { widget: 'pixels', make: inputPixels(),
          caption: {
            en: 'Left: your drawing. Middle: the 784 numbers the network reads (hover, tap, or focus the grid and use the arrow keys to read one). Bottom: the same numbers as one long row, row 0 first.',
            ko: '왼쪽: 직접 그린 그림. 가운데: 네트워크가 읽는 784개의 숫자(마우스를 올리거나 탭하거나, 격자를 선택하고 화살표 키를 누르면 값이 보입니다). 아래: 같은 숫자를 0행부터 차례로 한 줄로 늘어놓은 것.',
          } },
        { p: {
          en: 'A fully connected layer does not know rows and columns. Before the first `nn.Linear` the grid is **flattened**: row 0 comes first, then row 1, and so on, so the pixel in row $r$ and column $c$ becomes input number $i = 28r + c$. The strip under the grid is that vector $x = (x_0, \\dots, x_{783})$.',
          ko: '완전 연결층은 행과 열을 모릅니다. 그래서 첫 번째 `nn.Linear` 앞에서 격자를 **평탄화(flatten)**합니다. 0행을 먼저, 그다음 1행을 이어 붙이는 식이라서 $r$행 $c$열의 픽셀은 $i = 28r + c$번째 입력이 됩니다. 격자 아래의 띠가 바로 그 벡터 $x = (x_0, \\dots, x_{783})$입니다.',
        } },
        { math: {
          en: String.raw`\begin{gathered} x = \big(\underbrace{x_0, \dots, x_{27}}_{r = 0},\ \underbrace{x_{28}, \dots, x_{55}}_{r = 1},\ \dots,\ x_{783}\big) \\ x_{28r + c} = \text{pixel}(r, c) \end{gathered}`,
          ko: String.raw`\begin{gathered} x = \big(\underbrace{x_0, \dots, x_{27}}_{r = 0},\ \underbrace{x_{28}, \dots, x_{55}}_{r = 1},\ \dots,\ x_{783}\big) \\ x_{28r + c} = \text{픽셀}(r, c) \end{gathered}`,
        } },
        { code: {
          torch: bi`
import torch
import torch.nn as nn

# ${['32 greyscale pictures of 28 × 28', '28 × 28 흑백 그림 32장']}
x = torch.rand(32, 1, 28, 28)
# ${['flatten each picture', '그림마다 평탄화']}
x = x.flatten(1)                # [32, 784]
# ${['784 input neurons → 256 neurons', '입력 뉴런 784개 → 뉴런 256개']}
first = nn.Linear(784, 256)
h = torch.relu(first(x))        # [32, 256]
print(x.shape, h.shape)`,
          js: bi`
import { loadLayerwise } from 'layerwise';
const lw = await loadLayerwise();

// ${['32 pictures of 1 × 28 × 28, row by row', '1 × 28 × 28 그림 32장, 행 순서대로']}
const x = Float32Array.from(
  { length: 32 * 28 * 28 }, () => Math.random());
// ${['input: the shape of one picture;', 'input: 그림 한 장의 모양.']}
// ${['flatten makes it 784 numbers', 'flatten이 숫자 784개로 폅니다']}
const model = lw.Model.fromSpec({
  input: [1, 28, 28],
  layers: [
    { type: 'flatten' },
    { type: 'linear', out: 256 },
    { type: 'relu' },
  ],
});
const h = model.forward(x, 32);   // 32 × 256
console.log(model.inputShape, h.length / 32);
model.dispose();`,
        } },
        { task: 'draw',
          text: { en: 'Draw a digit with the pen (not the example button) that turns at least 80 of the 784 inputs on.', ko: '예시 버튼 말고 직접 펜으로 숫자를 그려서 784개 입력 중 80개 이상이 0이 아니게 만들어 보세요.' },
          hint: { en: 'A single straight 1 lights only about 40 inputs; a 0, 2 or 8 drawn large enough uses more strokes and more pixels. The counter under the grid tells you how many are not 0.', ko: '곧은 1 하나는 입력을 40개쯤밖에 켜지 못합니다. 0, 2, 8처럼 획이 긴 숫자를 그려 보세요. 격자 아래의 숫자가 0이 아닌 입력의 개수입니다.' },
          success: { en: 'Most of the 784 inputs are still 0: a digit is mostly paper. The network still reads every one of them.', ko: '784개 입력 대부분은 여전히 0입니다. 숫자 그림은 대부분 빈 종이이지만, 네트워크는 그 0까지 모두 읽습니다.' },
          check: (ctx, done) => ctx.widget('pixels').onChange((w) => {
            if (w.source === 'pen' && !w.pad.drawing && w.nonZero >= 80) done();
          }) },
        { task: 'index',
          text: { en: 'Put the lens on input $x_{500}$: which row and column of the picture is it?', ko: '돋보기를 입력 $x_{500}$에 맞춰 보세요. 그림의 몇 행 몇 열일까요?' },
          hint: { en: 'Divide 500 by 28: the quotient is the row, the remainder the column. Click the grid, or focus it with Tab and use the arrow keys (Shift moves 4 squares).', ko: '500을 28로 나누면 몫이 행, 나머지가 열입니다. 격자를 클릭하거나, Tab으로 격자를 선택한 뒤 화살표 키로 움직이세요(Shift를 누르면 4칸씩).' },
          success: { en: 'Row 17, column 24 ($500 = 28 \\cdot 17 + 24$). The network has no idea those two numbers were neighbours in a grid; to it, $x_{500}$ is just the 501st input.', ko: '17행 24열입니다($500 = 28 \\cdot 17 + 24$). 네트워크는 이 두 숫자가 격자에서 이웃이었다는 것을 모릅니다. 네트워크에게 $x_{500}$은 그저 501번째 입력일 뿐입니다.' },
          check: (ctx, done) => ctx.widget('pixels').onChange((w) => {
            const at = w.view.cursor;
            if (at && at.r * 28 + at.c === 500) done();
          }) },
      ],
    },
    {
      id: 'photo',
      title: { en: 'Photos: height × width × channels', ko: '사진: 높이 × 너비 × 채널' },
      blocks: [
        { p: {
          en: 'A colour photo stores three numbers per pixel, one each for red, green and blue: three **channels**. PyTorch keeps a batch of pictures as a tensor of shape $[B, C, H, W]$, and flattening one picture gives $C \\cdot H \\cdot W$ inputs. A 224 × 224 photo is therefore not 50,176 inputs, one per pixel, but three times as many.',
          ko: '컬러 사진은 픽셀마다 빨강, 초록, 파랑 세 숫자를 저장합니다. 이것을 세 개의 **채널**이라고 합니다. PyTorch는 그림 배치를 $[B, C, H, W]$ 모양의 텐서로 다루고, 그림 한 장을 평탄화하면 입력이 $C \\cdot H \\cdot W$개가 됩니다. 그래서 224 × 224 사진의 입력은 픽셀 수인 50,176개가 아니라 그 세 배입니다.',
        } },
        { math: String.raw`\begin{gathered} H \cdot W = 224 \cdot 224 = 50{,}176 \\ C \cdot H \cdot W = 3 \cdot 224 \cdot 224 = 150{,}528 \end{gathered}` },
        { p: {
          en: 'The input layer costs nothing by itself, but the first layer after it has one weight per input per neuron. With 256 neurons, the 784 inputs of a digit need $784 \\cdot 256 + 256 = 200{,}960$ parameters. Try the photo size in the calculator and watch the number grow.',
          ko: '입력층 자체에는 파라미터가 없지만, 그 뒤의 첫 번째 층은 뉴런마다 입력 하나당 가중치 하나를 가집니다. 뉴런이 256개면 숫자 그림의 입력 784개에 $784 \\cdot 256 + 256 = 200{,}960$개의 파라미터가 필요합니다. 계산기에 사진 크기를 넣고 이 숫자가 얼마나 커지는지 보세요.',
        } },
        { widget: 'size', make: inputSize({ height: 28, width: 28, channels: 1, neurons: 256 }),
          caption: { en: 'Inputs = height × width × channels; the first fully connected layer then has inputs × neurons weights and one bias per neuron.', ko: '입력 수 = 높이 × 너비 × 채널. 첫 번째 완전 연결층의 가중치는 입력 수 × 뉴런 수개, 편향은 뉴런마다 하나입니다.' } },
        { task: 'photo',
          text: { en: 'Enter a 224 × 224 colour photo with 256 neurons in the first layer. How many inputs, and how many parameters in that one layer?', ko: '224 × 224 컬러 사진과 첫 번째 층의 뉴런 256개를 입력해 보세요. 입력은 몇 개이고, 그 한 층의 파라미터는 몇 개일까요?' },
          hint: { en: 'Colour means 3 channels.', ko: '컬러는 채널이 3개라는 뜻입니다.' },
          success: { en: '150,528 inputs and 38,535,424 parameters in a single layer: about 190 times the digit network\'s first layer. This is why pictures are usually given to convolutional layers, which share a few weights across the whole image.', ko: '입력 150,528개, 한 층의 파라미터만 38,535,424개로, 숫자 그림 네트워크 첫 층의 약 190배입니다. 그래서 사진은 보통 이미지 전체에서 적은 수의 가중치를 공유하는 합성곱 층으로 처리합니다.' },
          check: (ctx, done) => ctx.widget('size').onChange((v) => {
            if (v.height === 224 && v.width === 224 && v.channels === 3 && v.neurons === 256) done();
          }) },
        { task: 'budget',
          text: { en: 'Keep 256 neurons and colour. What is the largest square photo (height = width) whose first layer stays under one million parameters?', ko: '뉴런 256개와 컬러는 그대로 두세요. 첫 번째 층의 파라미터가 100만 개를 넘지 않는 가장 큰 정사각형 사진(높이 = 너비)은 얼마일까요?' },
          hint: { en: 'The parameters are $3 s^2 \\cdot 256 + 256$ for an $s \\times s$ photo; solve for $s$, or try sizes between 30 and 40.', ko: '$s \\times s$ 사진의 파라미터는 $3 s^2 \\cdot 256 + 256$개입니다. $s$를 직접 구하거나 30에서 40 사이의 크기를 넣어 보세요.' },
          success: { en: '36 × 36: $3 \\cdot 36^2 \\cdot 256 + 256 = 995{,}584$. At 37 × 37 it is already 1,051,648. A fully connected first layer only suits small pictures.', ko: '36 × 36입니다: $3 \\cdot 36^2 \\cdot 256 + 256 = 995{,}584$. 37 × 37이면 벌써 1,051,648개입니다. 완전 연결 첫 층은 작은 그림에만 어울립니다.' },
          check: (ctx, done) => ctx.widget('size').onChange((v) => {
            if (v.height === 36 && v.width === 36 && v.channels === 3 && v.neurons === 256) done();
          }) },
      ],
    },
    {
      id: 'vectors',
      title: { en: 'Tables and text become vectors too', ko: '표와 글도 벡터가 된다' },
      blocks: [
        { p: {
          en: 'A row of a table is already almost a vector. Numbers such as age or height go in as they are. A category such as a city has no order and no size, so giving Seoul 1, Busan 2 and Gwangju 3 would tell the network that Gwangju is "three times" Seoul. Instead each category gets its own input, 1 for the category the row has and 0 for the others: **one-hot encoding**.',
          ko: '표의 한 행은 이미 벡터에 가깝습니다. 나이나 키 같은 숫자는 그대로 넣습니다. 하지만 도시 같은 범주에는 순서도 크기도 없습니다. 서울을 1, 부산을 2, 광주를 3으로 두면 네트워크는 광주가 서울의 "세 배"라고 받아들입니다. 그래서 범주마다 입력을 하나씩 두고, 그 행의 범주에는 1, 나머지에는 0을 넣습니다. 이것이 **원-핫 인코딩**입니다.',
        } },
        { p: {
          en: 'Text is first cut into tokens (words or pieces of words), and each token gets a number from a fixed vocabulary. The simplest vector for a sentence is the **bag of words**: one count per vocabulary word. Real language models instead look each token up in an **embedding** table, a learned vector of a few hundred numbers per token, and keep the tokens in order. Either way, what enters the network is a list of numbers.',
          ko: '글은 먼저 토큰(단어나 단어 조각)으로 자르고, 토큰마다 정해진 어휘 사전의 번호를 붙입니다. 문장을 벡터로 만드는 가장 단순한 방법은 **단어 주머니(bag of words)**로, 어휘의 단어마다 문장에 몇 번 나왔는지 세는 것입니다. 실제 언어 모델은 토큰마다 **임베딩** 표에서 학습된 벡터(숫자 수백 개)를 찾아 쓰고, 토큰의 순서도 그대로 둡니다. 어느 쪽이든 네트워크에 들어가는 것은 숫자 목록입니다.',
        } },
        { widget: 'vectors', make: inputVectors(),
          caption: { en: 'Change the row or the sentence; the vectors follow. The vocabulary has ten words; any other word is counted under "other".', ko: '행이나 문장을 바꾸면 벡터도 따라 바뀝니다. 어휘는 열 단어이고, 그 밖의 단어는 "기타"로 셉니다.' } },
        { p: {
          en: 'Look at the raw row: the height is in the hundreds while the one-hot city is 0 or 1. The standardised row puts every measurement on the same footing. The next section shows why that matters for training.',
          ko: '원래 값의 행을 보세요. 키는 백 단위인데 원-핫 도시는 0 아니면 1입니다. 표준화한 행에서는 모든 측정값이 비슷한 크기가 됩니다. 이것이 학습에 왜 중요한지는 다음 절에서 확인합니다.',
        } },
        { code: {
          torch: bi`
import torch
import torch.nn.functional as F

# ${['a table row: age, height, city (of 3)', '표의 한 행: 나이, 키, 도시(3곳 중 하나)']}
age, height, city = 34.0, 175.0, 0
row = torch.cat([
    torch.tensor([age, height]),
    F.one_hot(torch.tensor(city), 3).float(),
])
# ${['a sentence: token ids, then embeddings', '문장: 토큰 번호, 그리고 임베딩']}
vocab = {"the": 0, "dog": 1, "chased": 2,
         "cat": 3}
words = "the dog chased the cat".split()
ids = torch.tensor([vocab[w] for w in words])
embed = torch.nn.Embedding(len(vocab), 8)
print(row.shape, embed(ids).shape)  # [5], [5, 8]`,
          js: bi`
import { loadLayerwise } from 'layerwise';
const lw = await loadLayerwise();

// ${['three rows: age, height, then the city', '세 행: 나이, 키, 그리고 도시의']}
// ${['one-hot (Seoul, Busan, Gwangju)', '원-핫 (서울, 부산, 광주)']}
const x = Float32Array.from([
  34, 175, 1, 0, 0,
  51, 162, 0, 0, 1,
  27, 181, 0, 1, 0,
]);
const y = Float32Array.from([0, 1, 1]);  // ${['classes', '클래스']}
const table = lw.data.fromArrays(x, y,
  { features: 5, classes: 2 });
console.log(table.size, table.features);  // 3 5
table.dispose();`,
        } },
        { task: 'order',
          text: { en: 'Write a sentence with exactly the example\'s bag-of-words vector but its words in another order. Can you make it mean something else?', ko: '예시와 단어 주머니 벡터는 똑같지만 단어 순서는 다른 문장을 써 보세요.' },
          hint: { en: 'Use the same words in another order.', ko: '같은 단어를 순서만 바꿔 써 보세요. 한국어는 조사가 역할을 정하므로 어순을 바꿔도 뜻이 그대로일 때가 많은데, 벡터도 그대로입니다.' },
          success: { en: 'Who chased whom is lost: a bag of words keeps the counts and throws away the order. Models that read text therefore take the tokens in sequence.', ko: '단어 주머니는 개수만 남기고 순서는 버립니다. 영어라면 "누가 누구를 쫓았는지"까지 사라집니다. 그래서 글을 읽는 모델은 토큰을 순서대로 받습니다.' },
          check: (ctx, done) => ctx.widget('vectors').onChange((w) => {
            if (w.words().reordered) done();
          }) },
      ],
    },
    {
      id: 'scale',
      title: { en: 'Standardised inputs', ko: '입력 표준화' },
      blocks: [
        { p: {
          en: 'Raw measurements are seldom fed to a network as they are. The usual first step is **standardisation**: from each feature $j$ subtract its mean $\\mu_j$ and divide by its standard deviation $\\sigma_j$, both measured on the training set. On the training set every feature then has mean 0 and standard deviation 1. The test set is shifted and scaled with the *training* statistics, never its own.',
          ko: '측정값을 날것 그대로 네트워크에 넣는 일은 드뭅니다. 보통 가장 먼저 하는 일이 **표준화**입니다. 특성 $j$마다 평균 $\\mu_j$를 빼고 표준편차 $\\sigma_j$로 나누는데, 둘 다 학습 데이터에서 구합니다. 그러면 학습 데이터에서 모든 특성의 평균이 0, 표준편차가 1이 됩니다. 테스트 데이터도 자기 통계가 아니라 *학습 데이터의* 평균과 표준편차로 변환합니다.',
        } },
        { math: String.raw`z_j = \frac{x_j - \mu_j}{\sigma_j}, \qquad \mu_j = \frac{1}{N}\sum_{n=1}^{N} x_{nj}, \qquad \sigma_j = \sqrt{\frac{1}{N}\sum_{n=1}^{N} (x_{nj} - \mu_j)^2}` },
        { p: {
          en: 'Why bother? A weight\'s gradient is proportional to its input, $\\partial L / \\partial w_j = \\delta \\, x_j$. The weight of a feature in the tens takes steps tens of times larger than the weight of a feature near 1, so a learning rate small enough for the big feature crawls on the small one, and one that suits the small feature throws the big one around. Pixel values and one-hots are already between 0 and 1; measurements and products of features usually are not.',
          ko: '왜 이렇게 할까요? 가중치의 기울기는 그 가중치의 입력에 비례합니다: $\\partial L / \\partial w_j = \\delta \\, x_j$. 값이 수십인 특성의 가중치는 1 근처인 특성의 가중치보다 수십 배 크게 업데이트됩니다. 그래서 큰 특성에 맞춘 학습률로는 작은 특성의 가중치가 거의 움직이지 않고, 작은 특성에 맞춘 학습률로는 큰 특성의 가중치가 이리저리 튑니다. 픽셀 값과 원-핫은 이미 0과 1 사이지만, 측정값이나 특성끼리의 곱은 대개 그렇지 않습니다.',
        } },
        { p: {
          en: 'Below are two copies of the same network on the moons data with five features: $x_1$ (within about ±6), $x_2$ (about ±3), $x_1^2$ (up to 34), $x_2^2$ (up to 9) and $x_1 x_2$ (about ±10). Plain SGD with learning rate 1, batches of 10. The only difference: the second one standardises its inputs.',
          ko: '아래는 초승달(moons) 데이터에서 같은 네트워크를 두 개 띄운 것입니다. 특성은 다섯 개로, $x_1$(대략 ±6 이내), $x_2$(대략 ±3), $x_1^2$(최대 34), $x_2^2$(최대 9), $x_1 x_2$(대략 ±10)입니다. 학습률 1의 일반 SGD, 배치 크기 10입니다. 차이는 하나뿐입니다. 두 번째 네트워크만 입력을 표준화합니다.',
        } },
        { widget: 'raw', make: playground({ ...SCALE_PRESET, standardize: false }),
          caption: { en: 'Raw inputs (standardisation off).', ko: '원래 입력 (표준화 끔).' } },
        { widget: 'scaled', make: playground({ ...SCALE_PRESET, standardize: true }),
          caption: { en: 'The same network with standardised inputs.', ko: '입력을 표준화한 같은 네트워크.' } },
        { code: {
          torch: bi`
import torch

# ${['X: [N, 5] training features; X_test: test', 'X: [N, 5] 학습 특성, X_test: 테스트 특성']}
mean = X.mean(dim=0)
std = X.std(dim=0, correction=0)   # 1/N
X = (X - mean) / std
X_test = (X_test - mean) / std   # ${['training stats', '학습 데이터 통계']}

# ${['torchvision does this per channel,', 'torchvision은 채널마다 같은 일을 합니다.']}
# ${['e.g. with the MNIST statistics:', '예: MNIST의 통계로']}
# transforms.Normalize((0.1307,), (0.3081,))`,
          js: bi`
const points = lw.data.generate('moons',
  { n: 400, noise: 0.2, seed: 1 });
const [trainPts, testPts] = points.split(0.5, 1);
const features =
  ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2'];
const train = trainPts.featureMap(features);
const test = testPts.featureMap(features);

const stats = train.standardize(); // ${['fit here', '여기서 구함']}
test.standardize(stats);   // ${['training stats', '학습 데이터 통계']}
console.log(stats.mean, stats.std);`,
        } },
        { task: 'compare',
          text: { en: 'Train both networks, unchanged except for standardisation, for at least 50 epochs each, until the standardised one is at 95% test accuracy or more while the raw one is still below 90%.', ko: '표준화 말고는 똑같은 두 네트워크를 각각 50 에포크 이상 학습시켜서, 표준화한 쪽은 테스트 정확도 95% 이상, 원래 입력 쪽은 아직 90% 미만인 상태를 확인해 보세요.' },
          hint: { en: 'Press play on both (or step them). Watch the raw network\'s loss curve jump around while the standardised one settles in a few epochs.', ko: '두 네트워크 모두 재생(또는 한 단계씩 실행)을 누르세요. 원래 입력 쪽의 손실 곡선은 들쭉날쭉하고, 표준화한 쪽은 몇 에포크 만에 자리를 잡습니다.' },
          success: { en: 'Same data, same network, same learning rate: only the scale of the inputs differs, and only one of them learns.', ko: '데이터도, 네트워크도, 학습률도 같습니다. 입력의 크기만 달랐는데, 한쪽만 학습에 성공했습니다.' },
          check: (ctx, done) => {
            const raw = ctx.widget('raw').element;
            const scaled = ctx.widget('scaled').element;
            return watchBoth([raw, scaled], ([r, s]) => {
              if (!raw.state.standardize && scaled.state.standardize && sameRun(raw.state, scaled.state)
                && r.epoch >= 50 && s.epoch >= 50 && s.testAccuracy >= 0.95 && r.testAccuracy < 0.9) done();
            });
          } },
        { task: 'rawfix',
          text: { en: 'Now make the raw network reach 95% test accuracy without turning standardisation on and without changing the data.', ko: '이번에는 표준화를 켜지 않고, 데이터도 바꾸지 않은 채로 원래 입력 네트워크의 테스트 정확도를 95% 이상으로 올려 보세요.' },
          hint: { en: 'The steps are too big for the large features. Try a smaller learning rate, or drop the squared and product features.', ko: '큰 특성에게는 걸음이 너무 큽니다. 학습률을 낮추거나, 제곱과 곱 특성을 빼 보세요.' },
          success: { en: 'It can be done, but you had to tune for the largest feature. Standardising makes one learning rate fit all features, which is why it is the default first step.', ko: '할 수는 있지만, 가장 큰 특성에 맞춰 설정을 조정해야 했습니다. 표준화하면 학습률 하나가 모든 특성에 맞기 때문에 보통 가장 먼저 하는 전처리입니다.' },
          check: (ctx, done) => onEpoch(ctx.widget('raw').element, (d, s) => {
            const sameData = s.dataset === 'moons' && s.noise === 20 && s.seed === 1 && s.points === 400 && s.trainRatio === 50;
            if (!s.standardize && sameData && d.testAccuracy >= 0.95) done();
          }) },
      ],
    },
  ],
};
