// The strings of <layerwise-playground>'s own chrome (the toolbar, the speed, the output and
// file messages), in English and Korean. i18n.js composes this table with the panels' and the
// views' (each key lives in one table); web/lib/i18n.js says how text is looked up and filled.
export const ELEMENT_STRINGS = {
  en: {
    'controls.toolbar': 'Training controls',
    'controls.pause.tip': 'Stop training; the network keeps what it has learned.',
    'controls.stepBatch': 'One batch',
    'controls.stepBatch.tip': 'Train on one batch (one step of the optimiser), then stop.',
    'speed.slow': 'Slow',
    'speed.normal': 'Normal',
    'speed.fast': 'Fast',
    'speed.max': 'Fastest',
    'speed.tip': 'How many epochs to train per second while playing.',

    'network.activationAll': 'Activation (all layers)',
    'network.activationMixed': 'Mixed',
    'network.dropoutNone': 'None',

    'output.title': 'Output',
    'views.histograms': 'Weights, outputs and gradients',

    initFailed: 'These settings cannot be trained, so the last ones that worked are back: {reason}',
    importRefused: 'Could not open {name}, and nothing was changed: {reason}',
    importNoWeights: 'Opened the settings of {name}; the file holds no usable weights, so training starts again.',
    'file.notJson': 'it is not a JSON file ({message})',
    'file.notPlayground': 'it is not a file saved by a Layerwise playground',
    'file.version': 'it was saved by a newer Layerwise (file version {version})',
    'file.settings': 'its settings are wrong ({message})',
    'file.weights': 'its weights do not fit its network ({message})',
    'file.drawn': 'its drawn points are wrong ({message})',
    'file.tooBig': 'it is larger than {size} MB',
  },
  ko: {
    'controls.toolbar': '학습 제어',
    'controls.pause.tip': '학습을 멈춥니다. 지금까지 배운 것은 그대로 남습니다.',
    'controls.stepBatch': '한 배치',
    'controls.stepBatch.tip': '배치 하나만 학습하고(옵티마이저 한 스텝) 멈춥니다.',
    'speed.slow': '느리게',
    'speed.normal': '보통',
    'speed.fast': '빠르게',
    'speed.max': '최고 속도',
    'speed.tip': '학습하는 동안 1초에 몇 에포크씩 진행할지 정합니다.',

    'network.activationAll': '활성화 함수 (모든 층)',
    'network.activationMixed': '층마다 다름',
    'network.dropoutNone': '없음',

    'output.title': '출력',
    'views.histograms': '가중치·출력·기울기 분포',

    initFailed: '이 설정으로는 학습할 수 없어서, 마지막으로 잘 되던 설정으로 되돌렸습니다: {reason}',
    importRefused: '{name} 파일을 열지 못해 아무것도 바꾸지 않았습니다: {reason}',
    importNoWeights: '{name} 파일의 설정을 불러왔습니다. 쓸 수 있는 가중치가 없어서 학습을 처음부터 다시 시작합니다.',
    'file.notJson': 'JSON 파일이 아닙니다 ({message})',
    'file.notPlayground': 'Layerwise 플레이그라운드에서 저장한 파일이 아닙니다',
    'file.version': '더 새로운 버전의 Layerwise에서 저장한 파일입니다 (파일 버전 {version})',
    'file.settings': '설정 값이 올바르지 않습니다 ({message})',
    'file.weights': '가중치가 네트워크 구조와 맞지 않습니다 ({message})',
    'file.drawn': '직접 그린 점 데이터가 올바르지 않습니다 ({message})',
    'file.tooBig': '파일이 {size} MB보다 큽니다',
  },
};
