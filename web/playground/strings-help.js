// The strings of the playground's help for newcomers: the info buttons beside the controls
// (web/lib/dom.js infoFor), the first visit's tour (tour.js), the phone's dock
// (controls/dock.js) and the sections that fold away on a narrow screen. i18n.js composes this
// table with the others (each key lives in one table).
export const HELP_STRINGS = {
  en: {
    'help.more': 'More about',
    'help.tour': 'Tour',
    'help.tour.tip': 'A five-step tour of the playground: where to start, what each part shows.',
    'section.fold': 'Show or hide this section',

    'tour.offer': 'New here? A tour of five short steps shows where everything is.',
    'tour.offer.start': 'Take the tour',
    'tour.offer.no': 'No thanks',
    'tour.title': 'Tour',
    'tour.count': 'Step {n} of {total}',
    'tour.back': 'Back',
    'tour.next': 'Next',
    'tour.done': 'Done',
    'tour.skip': 'Skip the tour',
    'tour.play': 'Press play and the network trains on the points, one epoch after another. “One epoch” and “One batch” go a single step at a time, so you can watch each change.',
    'tour.data': 'Pick what the network has to learn: a dataset from the pictures, or points you paint yourself.',
    'tour.network': 'Build the network here: + and − add layers and neurons. Each neuron’s small map shows the part of the pattern it has picked up.',
    'tour.output': 'The background is the network’s guess at every point of the plane; the dots are the data. The losses underneath should fall as it learns.',
    'tour.settings': 'The learning rate, the batch size and the other settings of training live here. Every ⓘ button explains its setting in a sentence or two.',

    'dock.label': 'Training at a glance',
    'dock.show': 'Show the output',
    'dock.lossValue': 'Test loss {value}',
  },
  ko: {
    'help.more': '자세히 보기:',
    'help.tour': '둘러보기',
    'help.tour.tip': '플레이그라운드를 다섯 단계로 둘러봅니다. 어디서 시작하고 각 부분이 무엇을 보여 주는지 알려 줍니다.',
    'section.fold': '이 부분 펼치기/접기',

    'tour.offer': '처음 오셨나요? 짧은 다섯 단계로 어디에 무엇이 있는지 보여 드릴게요.',
    'tour.offer.start': '둘러보기 시작',
    'tour.offer.no': '괜찮아요',
    'tour.title': '둘러보기',
    'tour.count': '{total}단계 중 {n}단계',
    'tour.back': '이전',
    'tour.next': '다음',
    'tour.done': '마치기',
    'tour.skip': '둘러보기 건너뛰기',
    'tour.play': '재생을 누르면 네트워크가 점들을 보고 에포크마다 학습합니다. “한 에포크”와 “한 배치”는 한 걸음씩만 나아가니, 바뀌는 모습을 하나하나 볼 수 있습니다.',
    'tour.data': '네트워크가 배울 것을 고르세요. 그림에서 데이터셋을 고르거나, 점을 직접 찍어도 됩니다.',
    'tour.network': '여기서 네트워크를 만듭니다. +와 −로 층과 뉴런을 늘리고 줄이세요. 뉴런마다 있는 작은 그림은 그 뉴런이 패턴의 어느 부분을 잡아냈는지 보여 줍니다.',
    'tour.output': '배경은 평면의 모든 점에 대한 네트워크의 예측이고, 점들은 데이터입니다. 학습이 잘되면 아래의 손실 곡선이 내려갑니다.',
    'tour.settings': '학습률, 배치 크기 같은 학습 설정은 여기에 있습니다. ⓘ 버튼을 누르면 각 설정을 한두 문장으로 설명해 줍니다.',

    'dock.label': '학습 한눈에 보기',
    'dock.show': '출력 보기',
    'dock.lossValue': '테스트 손실 {value}',
  },
};
