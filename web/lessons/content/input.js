// Lesson 1: the input layer. Pictures, tables and text become the vector x the first layer
// reads; standardising that vector decides whether one learning rate suits every feature.
import { playground, onEpoch } from '../widgets/playground.js';
import { inputPixels } from '../widgets/input-pixels.js';
import { inputPhoto } from '../widgets/input-photo.js';
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
          ko: '아래에 숫자를 하나 그려 보세요. 그림판은 MNIST 숫자 데이터를 만들 때와 같은 방식으로, 그린 것을 28 × 28 흑백 그림으로 줄입니다. 종이는 $0$, 잉크로 꽉 찬 칸은 $1$이고, 획의 가장자리는 그 사이 값을 가집니다. 모두 $28 \\cdot 28 = 784$개의 숫자이므로, 이런 그림을 받는 네트워크의 **입력 뉴런은 784개**입니다.',
        } },
        { widget: 'pixels', make: inputPixels(),
          caption: {
            en: 'The pad: your drawing. The grid: the 784 numbers the network reads (hover, tap, or focus the grid and use the arrow keys to read one). The strip: the same numbers as one long row, row 0 first.',
            ko: '그림판에는 직접 그린 그림이, 격자에는 네트워크가 읽는 숫자 784개가 있습니다(마우스를 올리거나 탭하거나, 격자를 선택하고 화살표 키를 누르면 값이 보입니다). 맨 아래 띠는 같은 숫자를 0행부터 차례로 한 줄로 늘어놓은 것입니다.',
          } },
        { p: {
          en: 'A fully connected layer does not know rows and columns. Before the first `nn.Linear` the grid is **flattened**: row 0 comes first, then row 1, and so on, so the pixel in row $r$ and column $c$ becomes input number $i = 28r + c$. The strip under the grid is that vector $x = (x_0, \\dots, x_{783})$.',
          ko: '완전 연결층은 행과 열을 모릅니다. 그래서 첫 번째 `nn.Linear` 앞에서 격자를 **평탄화(flatten)**합니다. 0행을 먼저 놓고 그 뒤에 1행을 이어 붙이는 식이라서 $r$행 $c$열의 픽셀은 $i = 28r + c$번째 입력이 됩니다. 격자 아래의 띠가 바로 그 벡터 $x = (x_0, \\dots, x_{783})$입니다.',
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
          hint: { en: 'A single straight 1 lights only about 40 inputs; a 0, 2 or 8 drawn large enough uses more strokes and more pixels. The counter under the grid tells you how many are not 0.', ko: '곧게 그은 1은 0이 아닌 입력이 40개쯤밖에 안 됩니다. 0, 2, 8처럼 획이 긴 숫자를 그려 보세요. 격자 아래의 숫자가 0이 아닌 입력의 개수입니다.' },
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
          en: 'A colour photo stores three numbers per pixel, one each for red, green and blue: three **channels**, each a grid of its own. Below is a real photo shrunk to 32 × 32, the size of the pictures in the CIFAR-10 data set. Each channel is a 32 × 32 grid of whole numbers from 0 (none of that colour) to 255 (all of it): the orange suit is bright in the red grid and dark in the blue one, the pale background bright in all three.',
          ko: '컬러 사진은 픽셀마다 빨강, 초록, 파랑 세 숫자를 저장합니다. 이 셋을 **채널**이라고 하고, 채널마다 격자가 하나씩 있습니다. 아래는 실제 사진을 CIFAR-10 데이터셋의 그림과 같은 32 × 32 크기로 줄인 것입니다. 채널 하나는 0(그 색이 전혀 없음)부터 255(그 색이 가득함)까지의 정수로 채운 32 × 32 격자입니다. 주황색 우주복은 빨강 격자에서는 밝고 파랑 격자에서는 어둡고, 옅은 색 배경은 세 격자 모두에서 밝습니다.',
        } },
        { widget: 'rgb', make: inputPhoto(),
          caption: {
            en: 'Astronaut Eileen Collins (NASA photo, public domain) at 32 × 32, and its three channels. Point at a pixel, or click, tap, or focus the photo and use the arrow keys: its three numbers, the numbers around it in each channel, and the three inputs they become.',
            ko: '우주비행사 아일린 콜린스의 사진(NASA, 퍼블릭 도메인)을 32 × 32로 줄인 것과 그 세 채널. 픽셀을 가리키거나 클릭·탭하면(사진을 선택하고 화살표 키를 눌러도 됩니다) 그 픽셀의 세 숫자, 채널마다 주변의 숫자, 그리고 세 숫자가 어떤 입력이 되는지 보입니다.',
          } },
        { p: {
          en: 'So even this small photo is $3 \\cdot 32 \\cdot 32 = 3{,}072$ numbers. PyTorch keeps a batch of pictures as a tensor of shape $[B, C, H, W]$, channels first. Flattening one picture therefore puts the whole red grid first, then the green, then the blue, and the pixel in row $r$ and column $c$ of channel $k$ becomes input number $i = k \\cdot HW + r \\cdot W + c$. Each value is also divided by 255, so the inputs lie between 0 and 1, as the drawing\'s did.',
          ko: '이 작은 사진도 숫자로는 $3 \\cdot 32 \\cdot 32 = 3{,}072$개입니다. PyTorch는 그림 배치를 채널이 앞에 오는 $[B, C, H, W]$ 모양의 텐서로 다룹니다. 그래서 그림 한 장을 평탄화하면 빨강 격자 전체가 먼저, 그다음 초록, 마지막으로 파랑이 오고, 채널 $k$의 $r$행 $c$열 픽셀은 $i = k \\cdot HW + r \\cdot W + c$번째 입력이 됩니다. 값은 255로 나누기 때문에 입력은 손그림 때처럼 0과 1 사이에 있습니다.',
        } },
        { math: {
          en: String.raw`\begin{gathered} x_{1024k + 32r + c} = \frac{\text{pixel}_k(r, c)}{255} \\ k = 0\ (\text{R}),\ 1\ (\text{G}),\ 2\ (\text{B}) \end{gathered}`,
          ko: String.raw`\begin{gathered} x_{1024k + 32r + c} = \frac{\text{픽셀}_k(r, c)}{255} \\ k = 0\ (\text{R}),\ 1\ (\text{G}),\ 2\ (\text{B}) \end{gathered}`,
        } },
        { note: {
          en: 'Image files (PNG, JPEG) store a pixel\'s three numbers side by side, in the order $[H, W, C]$. torchvision\'s `ToTensor` reorders them to $[C, H, W]$ and divides by 255 on the way.',
          ko: 'PNG나 JPEG 같은 이미지 파일은 한 픽셀의 세 숫자를 나란히, 즉 $[H, W, C]$ 순서로 저장합니다. torchvision의 `ToTensor`가 이것을 $[C, H, W]$ 순서로 바꾸면서 255로 나눕니다.',
        } },
        { task: 'channel',
          text: { en: 'Which pixel gives input $x_{2100}$? Click or tap it (or reach it with the arrow keys).', ko: '입력 $x_{2100}$은 어느 픽셀에서 올까요? 그 픽셀을 클릭하거나 탭해 보세요(화살표 키로 찾아가도 됩니다).' },
          hint: { en: 'Which channel\'s block of 1,024 is 2100 in? Take away where that block starts ($1024k$), then divide what is left by 32: the quotient is the row, the remainder the column.', ko: '2100은 1,024개씩 나뉜 채널 구간 중 어디에 들어갈까요? 그 구간의 시작 번호($1024k$)를 빼고 남은 수를 32로 나누세요. 몫이 행, 나머지가 열입니다.' },
          success: { en: 'Row 1, column 20, in the blue channel: $2100 = 2 \\cdot 1024 + 32 \\cdot 1 + 20$. Had a pixel\'s three colours sat side by side, as in the file, $x_{2100}$ would be a red value in row 21. The order is only a convention, but the network must always get the same one.', ko: '파랑 채널의 1행 20열입니다: $2100 = 2 \\cdot 1024 + 32 \\cdot 1 + 20$. 파일처럼 한 픽셀의 세 색을 나란히 놓았다면 $x_{2100}$은 21행의 빨강 값이었을 것입니다. 순서는 약속일 뿐이지만, 네트워크에는 언제나 같은 순서로 넣어야 합니다.' },
          check: (ctx, done) => ctx.widget('rgb').onChange((w) => {
            if (w.picked.r === 1 && w.picked.c === 20) done();
          }) },
        { p: {
          en: 'Real photos are much larger. A 224 × 224 colour photo, a usual input size for image classifiers, is not 50,176 inputs, one per pixel, but three times as many:',
          ko: '실제 사진은 훨씬 큽니다. 이미지 분류 모델이 흔히 받는 224 × 224 컬러 사진의 입력은 픽셀 수인 50,176개가 아니라 그 세 배입니다.',
        } },
        { math: String.raw`\begin{gathered} H \cdot W = 224 \cdot 224 = 50{,}176 \\ C \cdot H \cdot W = 3 \cdot 224 \cdot 224 = 150{,}528 \end{gathered}` },
        { p: {
          en: 'The input layer costs nothing by itself, but the first layer after it has one weight per input per neuron. With 256 neurons, the 784 inputs of a digit need $784 \\cdot 256 + 256 = 200{,}960$ parameters. Try the photo size in the calculator and watch the number grow.',
          ko: '입력층 자체에는 파라미터가 없지만, 그 뒤의 첫 번째 층은 뉴런마다 입력 하나당 가중치 하나를 가집니다. 뉴런이 256개면 숫자 그림의 입력 784개에 $784 \\cdot 256 + 256 = 200{,}960$개의 파라미터가 필요합니다. 계산기에 사진 크기를 넣고 이 숫자가 얼마나 커지는지 보세요.',
        } },
        { widget: 'size', make: inputSize({ height: 28, width: 28, channels: 1, neurons: 256, kernel: 3, filters: 64 }),
          caption: { en: 'Inputs = height × width × channels. A fully connected first layer has inputs × neurons weights and one bias per neuron; a convolutional one, k × k × channels weights and one bias per filter (the last line, for later).', ko: '입력 수 = 높이 × 너비 × 채널. 완전 연결 첫 층에는 가중치가 입력 수 × 뉴런 수만큼, 편향이 뉴런마다 하나 있습니다. 합성곱 첫 층에는 가중치가 필터마다 k × k × 채널 수만큼, 편향이 필터마다 하나 있습니다(마지막 줄은 조금 뒤에 다룹니다).' } },
        { task: 'photo',
          text: { en: 'Enter a 224 × 224 colour photo with 256 neurons in the first layer. How many inputs, and how many parameters in that one layer?', ko: '224 × 224 컬러 사진과 첫 번째 층의 뉴런 256개를 입력해 보세요. 입력은 몇 개이고, 그 한 층의 파라미터는 몇 개일까요?' },
          hint: { en: 'Colour means 3 channels.', ko: '컬러는 채널이 3개라는 뜻입니다.' },
          success: { en: '150,528 inputs and 38,535,424 parameters in a single layer: about 190 times the digit network\'s first layer. This is why pictures are usually given to convolutional layers, which use a few weights all over the image.', ko: '입력 150,528개, 한 층의 파라미터만 38,535,424개로, 숫자 그림 네트워크 첫 층의 약 190배입니다. 그래서 사진은 보통 적은 수의 가중치를 이미지 전체에서 함께 쓰는 합성곱 층으로 처리합니다.' },
          check: (ctx, done) => ctx.widget('size').onChange((v) => {
            if (v.height === 224 && v.width === 224 && v.channels === 3 && v.neurons === 256) done();
          }) },
        { task: 'budget',
          text: { en: 'Keep 256 neurons and colour. What is the largest square photo (height = width) whose first layer stays under one million parameters?', ko: '뉴런 256개와 컬러는 그대로 두세요. 첫 번째 층의 파라미터가 100만 개를 넘지 않는 가장 큰 정사각형 사진(높이 = 너비)은 몇 × 몇일까요?' },
          hint: { en: 'The parameters are $3 s^2 \\cdot 256 + 256$ for an $s \\times s$ photo; solve for $s$, or try sizes between 30 and 40.', ko: '$s \\times s$ 사진의 파라미터는 $3 s^2 \\cdot 256 + 256$개입니다. $s$를 직접 구하거나 30에서 40 사이의 크기를 넣어 보세요.' },
          success: { en: '36 × 36: $3 \\cdot 36^2 \\cdot 256 + 256 = 995{,}584$. At 37 × 37 it is already 1,051,648. A fully connected first layer only suits small pictures.', ko: '36 × 36입니다: $3 \\cdot 36^2 \\cdot 256 + 256 = 995{,}584$. 37 × 37이면 벌써 1,051,648개입니다. 완전 연결 첫 층은 작은 그림에만 어울립니다.' },
          check: (ctx, done) => ctx.widget('size').onChange((v) => {
            if (v.height === 36 && v.width === 36 && v.channels === 3 && v.neurons === 256) done();
          }) },
        { p: {
          en: 'The calculator\'s last line is the other way to read a picture. A **convolutional layer** does not connect every input to every neuron. It slides small filters over the picture, each seeing $k \\times k$ pixels through all $C$ channels at a time, with the same weights everywhere. So a filter has $k \\cdot k \\cdot C$ weights and one bias, whatever the size of the picture. For the 224 × 224 photo, compared with the fully connected layer of 256 neurons:',
          ko: '계산기의 마지막 줄은 그림을 읽는 또 다른 방법입니다. **합성곱 층**은 모든 입력을 모든 뉴런에 연결하지 않습니다. 작은 필터를 그림 위로 옮겨 가며 한 번에 $k \\times k$ 픽셀을 $C$개 채널 모두에 걸쳐 보고, 어느 자리에서나 같은 가중치를 씁니다. 그래서 필터 하나의 가중치는 그림 크기와 상관없이 $k \\cdot k \\cdot C$개, 편향은 하나입니다. 224 × 224 사진에서 뉴런 256개짜리 완전 연결층과 비교하면 다음과 같습니다.',
        } },
        { math: {
          en: String.raw`\begin{gathered} \text{fully connected, 256 neurons:} \\ 150{,}528 \cdot 256 + 256 = 38{,}535{,}424 \\[4pt] \text{3 × 3 convolution, 64 filters:} \\ 3 \cdot 3 \cdot 3 \cdot 64 + 64 = 1{,}792 \end{gathered}`,
          ko: String.raw`\begin{gathered} \text{완전 연결, 뉴런 256개:} \\ 150{,}528 \cdot 256 + 256 = 38{,}535{,}424 \\[4pt] \text{3 × 3 합성곱, 필터 64개:} \\ 3 \cdot 3 \cdot 3 \cdot 64 + 64 = 1{,}792 \end{gathered}`,
        } },
        { p: {
          en: 'About 21,500 times fewer parameters, and their number does not grow with the picture: put 1024 × 1024 into the calculator and only the fully connected line moves. What a convolution gives up is the link between far-apart pixels in one layer; deeper layers build it back, step by step.',
          ko: '파라미터가 약 21,500분의 1로 줄고, 그림이 커져도 늘어나지 않습니다. 계산기에 1024 × 1024를 넣어 보면 완전 연결층의 줄만 바뀝니다. 그 대신 합성곱 층 하나는 멀리 떨어진 픽셀들을 한꺼번에 보지 못합니다. 그 연결은 층을 쌓으면서 조금씩 만들어 갑니다.',
        } },
        { code: {
          torch: bi`
import torch.nn as nn

def count(layer):
    return sum(p.numel() for p in layer.parameters())

# ${['a 224 × 224 colour photo: 150,528 inputs', '224 × 224 컬러 사진: 입력 150,528개']}
fc = nn.Linear(3 * 224 * 224, 256)
# ${['64 filters of 3 × 3, over 3 channels', '3 × 3 필터 64개, 채널 3개에 걸쳐']}
conv = nn.Conv2d(3, 64, kernel_size=3)
print(count(fc), count(conv))  # 38535424 1792`,
          js: bi`
import { loadLayerwise } from 'layerwise';
const lw = await loadLayerwise();
const { nn } = lw;

// ${['parameters, counted from their shapes', '파라미터 수: 모양을 곱해 더합니다']}
const numel = (p) =>
  p.shape.reduce((a, b) => a * b);
const count = (layer) =>
  numel(layer.weight) + numel(layer.bias);

const fc = nn.Linear(3 * 224 * 224, 256);
const conv = nn.Conv2d(3, 64, 3);
console.log(count(fc), count(conv));  // 38535424 1792`,
        } },
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
          en: 'Look at the raw row: the height is in the hundreds while the one-hot city is 0 or 1. The standardised row $z$ and the min-max scaled row $m$ both bring every measurement to the scale of the one-hots. The next section shows how the two differ, and why either matters for training.',
          ko: '원래 값의 행을 보세요. 키는 백 단위인데 원-핫 도시는 0 아니면 1입니다. 표준화한 행 $z$와 최소-최대 정규화한 행 $m$에서는 측정값이 모두 원-핫과 비슷한 크기가 됩니다. 두 방법이 어떻게 다른지, 왜 학습에 중요한지는 다음 절에서 봅니다.',
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
      title: { en: 'Scaling the inputs: standardisation and min-max', ko: '입력 스케일링: 표준화와 정규화' },
      blocks: [
        { p: {
          en: 'Raw measurements are seldom fed to a network as they are. The usual first step is **standardisation**: from each feature $j$ subtract its mean $\\mu_j$ and divide by its standard deviation $\\sigma_j$, both measured on the training set. On the training set every feature then has mean 0 and standard deviation 1. The test set is shifted and scaled with the *training* statistics, never its own.',
          ko: '측정값을 날것 그대로 네트워크에 넣는 일은 드뭅니다. 보통 가장 먼저 하는 일이 **표준화**입니다. 특성 $j$마다 평균 $\\mu_j$를 빼고 표준편차 $\\sigma_j$로 나누는데, 둘 다 학습 데이터에서 구합니다. 그러면 학습 데이터에서 모든 특성의 평균이 0, 표준편차가 1이 됩니다. 테스트 데이터도 자기 통계가 아니라 *학습 데이터의* 평균과 표준편차로 변환합니다.',
        } },
        { math: String.raw`\begin{gathered} z_j = \frac{x_j - \mu_j}{\sigma_j} \\ \mu_j = \frac{1}{N}\sum_{n=1}^{N} x_{nj}, \qquad \sigma_j = \sqrt{\frac{1}{N}\sum_{n=1}^{N} (x_{nj} - \mu_j)^2} \end{gathered}` },
        { p: {
          en: 'The other common recipe is **min-max scaling**: shift and stretch each feature so that its smallest training value becomes 0 and its largest 1. Dividing pixel values by 255 is exactly that, with minimum 0 and maximum 255; it is why the photo\'s inputs above lie between 0 and 1.',
          ko: '또 하나 흔히 쓰는 방법은 **최소-최대 정규화**(min-max scaling)입니다. 특성마다 학습 데이터에서 가장 작은 값이 0, 가장 큰 값이 1이 되도록 값을 옮기고 늘이거나 줄입니다. 픽셀 값을 255로 나누는 것이 바로 최솟값 0, 최댓값 255인 최소-최대 정규화입니다. 위 사진의 입력이 0과 1 사이에 있는 것도 그래서입니다.',
        } },
        { math: String.raw`m_j = \frac{x_j - \min_j}{\max_j - \min_j}, \qquad \text{pixels: } \frac{v - 0}{255 - 0} = \frac{v}{255}` },
        { note: {
          en: 'The names are used loosely. Many texts call min-max scaling *normalisation*; some use that word for standardisation as well (PyTorch\'s `transforms.Normalize(mean, std)` standardises), and *scaling* covers both. Read the formula, not the name.',
          ko: '이름은 느슨하게 쓰입니다. 최소-최대 스케일링을 **정규화**(normalization)라고 부르는 글이 많지만, 표준화까지 정규화라고 부르는 글도 있고(PyTorch의 `transforms.Normalize(mean, std)`가 하는 일은 표준화입니다), 둘을 통틀어 **스케일링**(scaling)이라고도 합니다. 이름보다 식을 보세요.',
        } },
        { p: {
          en: 'Which one when? Min-max scaling suits values with fixed bounds: pixels (0 to 255), percentages, the position of a slider. Standardisation suits measurements with no natural bounds, such as heights, prices or the moons features below, and one extreme value hurts it less: with min-max, a single huge value squeezes every other row into a corner of $[0, 1]$. Either way the statistics come from the training set, and a test value beyond the training range lands outside $[0, 1]$: nothing clips it.',
          ko: '언제 무엇을 쓸까요? 최소-최대 정규화는 범위가 정해진 값에 어울립니다. 픽셀(0~255), 백분율, 슬라이더의 위치 같은 값입니다. 키나 가격, 아래의 초승달 특성처럼 정해진 범위가 없는 측정값에는 표준화가 어울리고, 표준화는 극단적인 값 하나에 덜 흔들립니다. 최소-최대 정규화에서는 아주 큰 값 하나 때문에 나머지 행이 모두 $[0, 1]$의 한쪽 구석으로 몰립니다. 어느 쪽이든 통계는 학습 데이터에서 구하고, 학습 데이터의 범위를 벗어난 테스트 값은 $[0, 1]$ 밖으로 나갑니다. 잘라 내지 않습니다.',
        } },
        { p: {
          en: 'Why scale at all? A weight\'s gradient is proportional to its input, $\\partial L / \\partial w_j = \\delta \\, x_j$. The weight of a feature in the tens takes steps tens of times larger than the weight of a feature near 1, so a learning rate small enough for the big feature crawls on the small one, and one that suits the small feature throws the big one around. Pixel values and one-hots are already between 0 and 1; measurements and products of features usually are not.',
          ko: '왜 굳이 크기를 맞출까요? 가중치의 기울기는 그 가중치에 곱해지는 입력에 비례합니다($\\partial L / \\partial w_j = \\delta \\, x_j$). 값이 수십인 특성의 가중치는 1 근처인 특성의 가중치보다 수십 배 크게 업데이트됩니다. 그래서 큰 특성에 맞춘 학습률로는 작은 특성의 가중치가 거의 움직이지 않고, 작은 특성에 맞춘 학습률로는 큰 특성의 가중치가 이리저리 튑니다. 픽셀 값과 원-핫은 이미 0과 1 사이지만, 측정값이나 특성끼리의 곱은 대개 그렇지 않습니다.',
        } },
        { p: {
          en: 'Below are two copies of the same network on the moons data with five features: $x_1$ (within about ±6), $x_2$ (about ±3), $x_1^2$ (up to 34), $x_2^2$ (up to 9) and $x_1 x_2$ (about ±10). Plain SGD with learning rate 1, batches of 10. The only difference: the second one standardises its inputs.',
          ko: '아래는 초승달(moons) 데이터에서 같은 네트워크를 두 개 띄운 것입니다. 특성은 다섯 개로, $x_1$(대략 ±6 이내), $x_2$(대략 ±3), $x_1^2$(최대 34), $x_2^2$(최대 9), $x_1 x_2$(대략 ±10)입니다. 학습률 1의 기본 SGD, 배치 크기 10입니다. 차이는 하나뿐입니다. 두 번째 네트워크만 입력을 표준화합니다.',
        } },
        { widget: 'raw', make: playground({ ...SCALE_PRESET, standardize: false }),
          caption: { en: 'Raw inputs (standardisation off).', ko: '원래 입력 (표준화 끔).' } },
        { widget: 'scaled', make: playground({ ...SCALE_PRESET, standardize: true }),
          caption: { en: 'The same network with standardised inputs.', ko: '입력을 표준화한 같은 네트워크.' } },
        { code: {
          torch: bi`
import torch

# ${['X: [N, 5] training features, X_test: test', 'X: [N, 5] 학습 특성, X_test: 테스트 특성']}
# ${['(here random columns of different sizes)', '(여기서는 크기가 제각각인 무작위 열)']}
torch.manual_seed(0)
size = torch.tensor([3.0, 1.5, 10.0, 3.0, 4.0])
X = torch.randn(200, 5) * size + 5
X_test = torch.randn(200, 5) * size + 5

# ${['standardisation', '표준화']}
mean = X.mean(dim=0)
std = X.std(dim=0, correction=0)   # 1/N
Z = (X - mean) / std
Z_test = (X_test - mean) / std  # ${['training stats', '학습 데이터 통계']}

# ${['min-max scaling into [0, 1]', '최소-최대 정규화: [0, 1]로']}
lo = X.min(dim=0).values
hi = X.max(dim=0).values
M = (X - lo) / (hi - lo)
M_test = (X_test - lo) / (hi - lo)  # ${['may leave [0, 1]', '[0, 1]을 벗어날 수 있음']}
print(M.min().item(), M.max().item())  # 0.0 1.0

# ${['torchvision standardises per channel,', 'torchvision은 채널마다 표준화합니다.']}
# ${['e.g. with the MNIST statistics:', '예: MNIST의 통계로']}
# transforms.Normalize((0.1307,), (0.3081,))`,
          js: bi`
import { loadLayerwise } from 'layerwise';
const lw = await loadLayerwise();

const points = lw.data.generate('moons',
  { n: 400, noise: 0.2, seed: 1 });
const [trainPts, testPts] = points.split(0.5, 1);
const features =
  ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2'];
const train = trainPts.featureMap(features);
const test = testPts.featureMap(features);

// ${['min-max scaling by hand, on the raw', '최소-최대 정규화를 직접: 표준화 전의']}
// ${['training features (5 values a row)', '학습 특성으로 (한 행에 값 5개)']}
const raw = train.toArrays().x;
const lo = [], hi = [];
for (let j = 0; j < 5; j++) {
  const col = raw.filter((_, i) => i % 5 === j);
  lo.push(Math.min(...col));
  hi.push(Math.max(...col));
}
const m = raw.map((v, i) =>
  (v - lo[i % 5]) / (hi[i % 5] - lo[i % 5]));
console.log(Math.min(...m), Math.max(...m));  // 0 1

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
          hint: { en: 'The steps are too big for the weights of the large features. Try a smaller learning rate, or drop the squared and product features.', ko: '큰 특성의 가중치에는 한 걸음이 너무 큽니다. 학습률을 낮추거나, 제곱 특성과 곱 특성을 빼 보세요.' },
          success: { en: 'It can be done, but you had to tune for the largest feature. Standardising makes one learning rate fit all features, which is why it is the default first step.', ko: '할 수는 있지만, 가장 큰 특성에 맞춰 설정을 조정해야 했습니다. 표준화하면 학습률 하나로 모든 특성을 다룰 수 있어서, 표준화는 보통 가장 먼저 하는 전처리입니다.' },
          check: (ctx, done) => onEpoch(ctx.widget('raw').element, (d, s) => {
            const sameData = s.dataset === 'moons' && s.noise === 20 && s.seed === 1 && s.points === 400 && s.trainRatio === 50;
            if (!s.standardize && sameData && d.testAccuracy >= 0.95) done();
          }) },
      ],
    },
  ],
  recap: [
    { id: 'channels',
      q: { en: 'A 64 × 64 colour photo is flattened for a first layer `nn.Linear(inputs, 256)`. How many inputs does that layer get?', ko: '64 × 64 컬러 사진을 평탄화해서 첫 층 `nn.Linear(입력 수, 256)`에 넣습니다. 이 층이 받는 입력은 몇 개일까요?' },
      choices: [
        { en: '4,096: one per pixel', ko: '4,096개: 픽셀마다 하나' },
        { en: '12,288: three per pixel', ko: '12,288개: 픽셀마다 셋' },
        { en: '3,145,728: three per pixel, for each of the 256 neurons', ko: '3,145,728개: 256개 뉴런 각각에 픽셀마다 셋' },
      ],
      answer: 1,
      why: { en: 'Each pixel holds three numbers, red, green and blue, so $3 \\cdot 64 \\cdot 64 = 12{,}288$. Counting pixels alone (4,096) forgets the channels. $12{,}288 \\cdot 256 = 3{,}145{,}728$ counts the layer\'s weights: every neuron reads the same 12,288 inputs.', ko: '픽셀마다 빨강, 초록, 파랑 세 숫자가 있으므로 $3 \\cdot 64 \\cdot 64 = 12{,}288$개입니다. 픽셀 수(4,096)만 세면 채널을 빠뜨립니다. $12{,}288 \\cdot 256 = 3{,}145{,}728$은 이 층의 가중치 수입니다. 뉴런 256개가 모두 같은 입력 12,288개를 읽습니다.' } },
    { id: 'order',
      q: { en: 'A 32 × 32 RGB picture in PyTorch\'s $[C, H, W]$ order is flattened. What is $x_{1024}$?', ko: '$[C, H, W]$ 순서인 PyTorch의 32 × 32 RGB 그림을 평탄화했습니다. $x_{1024}$는 무엇일까요?' },
      choices: [
        { en: 'The red value of row 32, column 0', ko: '32행 0열의 빨강 값' },
        { en: 'The green value of row 10, column 21', ko: '10행 21열의 초록 값' },
        { en: 'The green value of row 0, column 0', ko: '0행 0열의 초록 값' },
      ],
      answer: 2,
      why: { en: 'Each channel is a block of $32 \\cdot 32 = 1{,}024$ inputs: $x_0$ to $x_{1023}$ are the reds, and $x_{1024}$ starts the greens at the top-left pixel. Row 32 does not exist (rows are 0 to 31), and row 10, column 21 is where $x_{1024}$ would fall if each pixel\'s three values sat side by side, $[H, W, C]$, as in an image file ($1024 = 3 \\cdot 341 + 1$, pixel $341 = 32 \\cdot 10 + 21$).', ko: '채널 하나가 $32 \\cdot 32 = 1{,}024$개 입력의 구간입니다. $x_0$부터 $x_{1023}$까지가 빨강이고, $x_{1024}$에서 맨 왼쪽 위 픽셀의 초록이 시작됩니다. 32행은 없고(행은 0~31), 10행 21열은 이미지 파일처럼 픽셀마다 세 값을 나란히 놓는 $[H, W, C]$ 순서일 때 $x_{1024}$가 떨어지는 자리입니다($1024 = 3 \\cdot 341 + 1$, 픽셀 $341 = 32 \\cdot 10 + 21$).' } },
    { id: 'grow',
      q: { en: 'The photo grows from 224 × 224 to 448 × 448, still RGB. What happens to the parameters of a first layer `nn.Linear(inputs, 256)`, and of `nn.Conv2d(3, 64, 3)`?', ko: '사진이 224 × 224에서 448 × 448로 커집니다(여전히 RGB). 첫 층이 `nn.Linear(입력 수, 256)`일 때와 `nn.Conv2d(3, 64, 3)`일 때, 파라미터 수는 각각 어떻게 될까요?' },
      choices: [
        { en: 'Both about 4 times as many', ko: '둘 다 약 4배' },
        { en: 'The Linear layer about 4 times as many; the convolution the same 1,792', ko: 'Linear 층은 약 4배, 합성곱 층은 1,792개 그대로' },
        { en: 'Both twice as many', ko: '둘 다 2배' },
      ],
      answer: 1,
      why: { en: 'Doubling the height and the width makes 4 times the inputs, and the Linear layer has a weight per input per neuron: $602{,}112 \\cdot 256 + 256 = 154{,}140{,}928$, against 38,535,424. A filter sees a 3 × 3 × 3 patch wherever it is, so the convolution keeps $3 \\cdot 3 \\cdot 3 \\cdot 64 + 64 = 1{,}792$ at any size.', ko: '높이와 너비가 두 배면 입력은 4배이고, Linear 층은 뉴런마다 입력 하나당 가중치가 하나이므로 $602{,}112 \\cdot 256 + 256 = 154{,}140{,}928$개가 됩니다(원래 38,535,424개). 필터는 어디에 있든 3 × 3 × 3 조각만 보므로, 합성곱 층은 그림 크기와 상관없이 $3 \\cdot 3 \\cdot 3 \\cdot 64 + 64 = 1{,}792$개입니다.' } },
    { id: 'minmax',
      q: { en: 'A feature ranges from 20 to 70 in the training set and is min-max scaled with those two numbers. A test row has 90. What does the network get?', ko: '어떤 특성이 학습 데이터에서 20부터 70까지이고, 이 두 값으로 최소-최대 정규화합니다. 테스트 데이터의 한 행에서 이 값이 90입니다. 네트워크가 받는 값은 무엇일까요?' },
      choices: [
        { en: '1: min-max scaling keeps every value in [0, 1]', ko: '1: 최소-최대 정규화는 모든 값을 [0, 1] 안에 둔다' },
        { en: '1.4: past the top of the range', ko: '1.4: 범위의 위쪽 끝을 넘는 값' },
        { en: '0.4: how far 90 lies past 70, over the range', ko: '0.4: 90이 70을 넘어선 만큼을 범위로 나눈 값' },
      ],
      answer: 1,
      why: { en: '$(90 - 20) / (70 - 20) = 1.4$. Min-max scaling maps the *training* range onto $[0, 1]$, and nothing clips what lies beyond it. 0.4 measures from the maximum instead of the minimum; 1 would need a clip the formula does not have.', ko: '$(90 - 20) / (70 - 20) = 1.4$입니다. 최소-최대 정규화는 *학습 데이터의* 범위를 $[0, 1]$로 옮길 뿐, 그 밖의 값을 잘라 내지 않습니다. 0.4는 최솟값이 아니라 최댓값에서 잰 값이고, 1이 되려면 식에 없는 잘라 내기가 필요합니다.' } },
    { id: 'steps',
      q: { en: 'Raw inputs: $x_1$ is near 100, $x_2$ near 1. After one SGD step with a single learning rate, which weight of a neuron has moved more?', ko: '입력을 그대로 넣습니다. $x_1$은 100 근처, $x_2$는 1 근처입니다. 학습률 하나로 SGD를 한 단계 진행하면, 한 뉴런의 두 가중치 중 어느 쪽이 더 많이 움직일까요?' },
      choices: [
        { en: '$w_1$, about 100 times as far', ko: '$w_1$이 약 100배 더 많이' },
        { en: 'Both the same: they share the learning rate', ko: '같습니다. 학습률이 같으니까요' },
        { en: '$w_2$: small inputs need larger weights', ko: '$w_2$. 작은 입력에는 큰 가중치가 필요하니까요' },
      ],
      answer: 0,
      why: { en: 'The step is $-\\eta \\, \\delta \\, x_j$: the same $\\eta$ and $\\delta$ for both weights, times the input. So $w_1$ moves about 100 times as far as $w_2$, and no single learning rate suits both. That $w_2$ may *need* to be larger in the end says nothing about how fast it gets there.', ko: '한 단계의 변화는 $-\\eta \\, \\delta \\, x_j$입니다. 두 가중치의 $\\eta$와 $\\delta$는 같고 입력만 다르므로 $w_1$이 $w_2$보다 약 100배 더 움직이고, 학습률 하나로는 둘 다에 맞출 수 없습니다. 결국 $w_2$가 더 커야 한다고 해서 그만큼 빨리 커지는 것은 아닙니다.' } },
  ],
};
