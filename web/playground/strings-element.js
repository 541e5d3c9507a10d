// The English strings <layerwise-playground>'s own chrome needs beyond those i18n.js has
// already (controls.*, data.*, network.*, training.*, metrics.*, code.*, state.*, ... are
// used as they are). i18n.js merges these into its table and adds the Korean; until it does,
// the element falls back to them. Placeholders are {name}, keys follow i18n.js's scheme.
export const ELEMENT_STRINGS = {
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
};

// Suggested Korean for the keys above (i18n.js's owner decides); the element shows them until
// i18n.js has its own.
export const ELEMENT_STRINGS_KO = {
  'controls.toolbar': '학습 조작 도구',
  'controls.pause.tip': '학습을 멈춥니다. 지금까지 배운 것은 그대로 남습니다.',
  'controls.stepBatch': '배치 하나',
  'controls.stepBatch.tip': '배치 하나로 한 번 학습(옵티마이저 한 스텝)하고 멈춥니다.',
  'speed.slow': '느리게',
  'speed.normal': '보통',
  'speed.fast': '빠르게',
  'speed.max': '최고 속도',
  'speed.tip': '재생하는 동안 1초에 학습할 에포크 수입니다.',

  'network.activationAll': '활성화 함수 (모든 층)',
  'network.activationMixed': '층마다 다름',
  'network.dropoutNone': '없음',

  'output.title': '출력',
  'views.histograms': '가중치, 출력, 기울기',

  initFailed: '이 설정으로는 학습할 수 없어서, 마지막으로 동작한 설정으로 되돌렸습니다: {reason}',
  importRefused: '{name} 파일을 열지 못했고, 아무것도 바뀌지 않았습니다: {reason}',
  importNoWeights: '{name} 파일의 설정을 열었습니다. 쓸 수 있는 가중치가 없어서 학습을 처음부터 시작합니다.',
  'file.notJson': 'JSON 파일이 아닙니다 ({message})',
  'file.notPlayground': 'Layerwise 플레이그라운드에서 저장한 파일이 아닙니다',
  'file.version': '더 새로운 Layerwise에서 저장한 파일입니다 (파일 버전 {version})',
  'file.settings': '설정이 잘못되었습니다 ({message})',
  'file.weights': '가중치가 네트워크와 맞지 않습니다 ({message})',
  'file.drawn': '그린 점 데이터가 잘못되었습니다 ({message})',
  'file.tooBig': '{size} MB보다 큽니다',
};
