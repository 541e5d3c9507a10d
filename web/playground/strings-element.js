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
