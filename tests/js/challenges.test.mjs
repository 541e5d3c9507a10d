// challenges.js: the clause language, and a tracker that completes a challenge only the way a
// learner would (a clean run under the constraints, trained to the goal), never on load, on a
// wrong attempt or after a shortcut; stages keep what the stage before them fixed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CHALLENGES, ChallengeProblem, ChallengeTracker, customChallenge, holds, parseChallenge } from '../../web/playground/challenges.js';
import { DEFAULTS, withChanges } from '../../web/playground/state.js';

const state = (changes) => withChanges(DEFAULTS, changes).state;
const memory = () => {
  const m = new Map();
  return { get: (id) => m.get(id), set: (id, v) => m.set(id, v), m };
};

test('clauses: goals, settings, derived values; bad text is refused with the reason', () => {
  const { title, clauses } = parseChallenge('title=Small spiral; dataset=spiral; neurons<=20; depth>=2; testAccuracy>=0.95');
  assert.equal(title, 'Small spiral');
  assert.deepEqual(clauses.map((c) => `${c.name}${c.op}${c.value}`), ['dataset=spiral', 'neurons<=20', 'depth>=2', 'testAccuracy>=0.95']);
  const s = state({ dataset: 'spiral', layers: [8, 8] });
  assert.deepEqual(clauses.map((c) => holds(c, s, { testAccuracy: 0.96 })), [true, true, true, true]);
  assert.equal(holds(clauses[1], state({ layers: [16, 8] }), {}), false, '24 neurons');
  assert.equal(holds(clauses[3], s, { testAccuracy: 0.949 }), false);
  assert.equal(holds(clauses[3], s, { testAccuracy: null }), false, 'no metric yet');
  assert.equal(holds({ name: 'layers', op: '=', value: '8,8' }, s, {}), true);
  for (const [bad, why] of [['', /needs clauses/], ['dataset=spiral', /needs a goal/], ['colour=red; testLoss<1', /not something a challenge can check/],
    ['testAccuracy>=high', /takes a number/], ['optimizer>sgd; epoch>1', /only be compared with = or !=/], ['dataset=spirals; epoch>1', /dataset is one of/], ['testAccuracy', /not a clause/]]) {
    assert.throws(() => parseChallenge(bad), (e) => e instanceof ChallengeProblem && why.test(e.message), bad);
  }
  assert.match(customChallenge('testLoss<0.1').id, /^custom-[0-9a-z]+$/);
  assert.notEqual(customChallenge('testLoss<0.1').id, customChallenge('testLoss<0.2').id);
});

test('not done on load, on a wrong attempt, after a shortcut; done the way a learner would', () => {
  const store = memory();
  const xor = CHALLENGES.find((c) => c.id === 'xor-sgd');
  const t = new ChallengeTracker(xor, store);
  const good = { epoch: 120, testAccuracy: 0.99, trainAccuracy: 1 };
  assert.equal(t.check(state({ dataset: 'xor' }), good), false, 'no run built yet');
  // A wrong attempt: Adam reaches the goal.
  const adam = state({ dataset: 'xor', optimizer: 'adam' });
  t.startRun(adam);
  assert.equal(t.check(adam, good), false);
  // The shortcut: switch that trained run to SGD in place, then train on.
  const sgd = state({ dataset: 'xor', optimizer: 'sgd' });
  t.settingsChanged(sgd);
  assert.equal(t.check(sgd, good), false, 'the weights were made by Adam');
  // Weights from a file: not the run's own.
  t.startRun(sgd, { ownWeights: false });
  assert.equal(t.check(sgd, good), false);
  // The learner's way: a fresh SGD run, trained.
  t.startRun(sgd);
  assert.equal(t.check(sgd, { epoch: 0, testAccuracy: 1 }), false, 'not trained yet');
  assert.equal(t.check(sgd, { epoch: 40, testAccuracy: 0.8 }), false, 'not there yet');
  t.settingsChanged(state({ dataset: 'xor', optimizer: 'sgd', lr: 0.3 })); // allowed: still plain SGD
  assert.equal(t.check(state({ dataset: 'xor', optimizer: 'sgd', lr: 0.3 }), good), true);
  assert.equal(t.done, true);
  assert.ok(store.m.get('xor-sgd').done > 0, 'progress kept');
  assert.equal(new ChallengeTracker(xor, store).done, true, 'and read back');
});

test('two stages: the fix must use the data the overfit used', () => {
  const store = memory();
  const t = new ChallengeTracker(CHALLENGES.find((c) => c.id === 'overfit-fix'), store);
  const small = state({ dataset: 'spiral', points: 100, noise: 40, layers: [32, 32] });
  t.startRun(small);
  assert.equal(t.check(small, { epoch: 300, trainAccuracy: 0.99, testAccuracy: 0.95 }), false, 'not overfitting');
  assert.equal(t.check(small, { epoch: 300, trainAccuracy: 0.99, testAccuracy: 0.7 }), true, 'stage 1');
  assert.equal(t.done, false);
  assert.deepEqual(store.m.get('overfit-fix').kept, { dataset: 'spiral', noise: 40, points: 100, trainRatio: 50, seed: 1 });
  // More data is not a fix.
  const more = state({ dataset: 'spiral', points: 800, noise: 40, layers: [32, 32] });
  t.startRun(more);
  assert.equal(t.check(more, { epoch: 300, trainAccuracy: 0.95, testAccuracy: 0.93 }), false);
  // L2 on the same points is.
  const l2 = state({ dataset: 'spiral', points: 100, noise: 40, layers: [32, 32], l2: 0.01 });
  t.startRun(l2);
  assert.equal(t.check(l2, { epoch: 300, trainAccuracy: 0.93, testAccuracy: 0.91 }), true);
  assert.equal(t.done, true);
});
