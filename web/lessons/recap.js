// A lesson's recap (its content's `recap`, format in README.md), rendered as the lesson's last
// section: each question a fieldset of choice buttons; the reader's first answer is the one
// that counts (kept in progress.js), checked at once, the right choice marked and the `why`
// shown after it, right or wrong, in a polite live region; a score, and a button to answer
// every question again. Its texts follow the page's language, so a language switch keeps the
// answers.
//
// The page gives `labels`, its text binder (page.js LessonPage): lang, text(node, {en, ko},
// where), page(node, key, params), bind(node, content) and refresh(node).
import { h } from '../lib/dom.js';
import { pageText } from './catalog.js';
import { checkText, inlineNodes } from './markup.js';
import { forgetRecap, keepRecapAnswer, recapAnswer } from './progress.js';

/** The problems of a recap: 3–5 questions, each with a unique id, 3 or 4 choices and a right one (texts: checkText, where they are shown). */
export function checkRecap(recap) {
  if (recap === undefined) return [];
  if (!Array.isArray(recap)) return ['recap: not a list of questions'];
  const problems = [];
  if (recap.length < 3 || recap.length > 5) problems.push(`recap: ${recap.length} questions (3 to 5 wanted)`);
  const ids = new Set();
  recap.forEach((q, i) => {
    const where = `recap[${i}]`;
    if (typeof q?.id !== 'string' || !q.id) problems.push(`${where}: no id`);
    else if (ids.has(q.id)) problems.push(`${where}: the id "${q.id}" is used twice`);
    ids.add(q?.id);
    const n = Array.isArray(q?.choices) ? q.choices.length : 0;
    if (n < 3 || n > 4) problems.push(`${where}: ${n} choices (3 or 4 wanted)`);
    if (!Number.isInteger(q?.answer) || q.answer < 0 || q.answer >= n) problems.push(`${where}: the answer ${q?.answer} is not one of its choices`);
  });
  return problems;
}

/** The recap section of lesson `lessonId` (section#recap), or null when it has no questions; problems are console errors. */
export function recapSection(labels, lessonId, recap) {
  const report = (problem) => console.error(`lesson ${lessonId}: ${problem}`);
  checkRecap(recap).forEach(report);
  const questions = (Array.isArray(recap) ? recap : []).filter((q) => Array.isArray(q?.choices) && q.choices.length > 0);
  if (!questions.length) return null;
  const answers = Object.fromEntries(questions.map((q) => [q.id, recapAnswer(lessonId, q.id)]));
  const letter = (i) => [...pageText(labels.lang, 'recap.letters')][i] ?? String(i + 1);

  const score = h('p', { class: 'recap-score' });
  const again = labels.page(h('button', { type: 'button', class: 'lw-button recap-again' }), 'recap.again');
  const rescore = () => {
    labels.refresh(score);
    again.hidden = Object.values(answers).every((a) => a === null);
  };

  const entries = questions.map((q, n) => {
    const where = `recap[${recap.indexOf(q)}]`;
    checkText(q.why, `${where}.why`).forEach(report);
    const answered = () => answers[q.id];
    const marks = [];
    const buttons = q.choices.map((choice, i) => {
      // what a screen reader hears after the answer; the colours and ✓ ✗ say it to the eye
      const mark = labels.bind(h('span', { class: 'visually-hidden recap-mark' }), () => (answered() === null ? '' : [
        i === answered() ? pageText(labels.lang, 'recap.picked') : '', i === q.answer ? pageText(labels.lang, 'recap.correct') : ''].join(' ')));
      marks.push(mark);
      const b = h('button', { type: 'button', class: 'recap-choice', 'data-choice': String(i) },
        labels.bind(h('span', { class: 'recap-letter' }), () => letter(i)),
        labels.text(h('span', { class: 'recap-text' }), choice, `${where}.choices[${i}]`),
        mark);
      b.addEventListener('click', () => {
        if (answered() !== null) return;
        answers[q.id] = i;
        keepRecapAnswer(lessonId, q.id, i);
        show();
        rescore();
      });
      return b;
    });
    // the verdict and the why, read out when they appear
    const feedback = labels.bind(h('div', { class: 'recap-why', 'aria-live': 'polite' }), () => {
      const a = answered();
      if (a === null) return '';
      const verdict = a === q.answer ? pageText(labels.lang, 'recap.right') : pageText(labels.lang, 'recap.wrong', { letter: letter(q.answer) });
      return h('div', {}, h('p', { class: 'recap-verdict' }, verdict), h('p', {}, inlineNodes(q.why?.[labels.lang] || q.why?.en || '')));
    });
    const box = h('fieldset', { class: 'recap-q', 'data-question': q.id },
      h('legend', {}, h('span', { class: 'recap-n' }, `${n + 1}.`), ' ', labels.text(h('span'), q.q, `${where}.q`)),
      h('ol', { class: 'recap-choices' }, ...buttons.map((b) => h('li', {}, b))),
      feedback);
    function show() {
      const a = answered();
      box.dataset.answered = a === null ? '' : a === q.answer ? 'right' : 'wrong';
      buttons.forEach((b, i) => {
        // still focusable once answered (a disabled button would drop the focus)
        b.setAttribute('aria-disabled', String(a !== null));
        b.toggleAttribute('data-picked', i === a);
        b.toggleAttribute('data-right', a !== null && i === q.answer);
      });
      for (const mark of marks) labels.refresh(mark);
      labels.refresh(feedback);
    }
    show();
    return { box, buttons, show };
  });

  labels.bind(score, () => {
    if (Object.values(answers).every((a) => a === null)) return '';
    const right = entries.filter((e) => e.box.dataset.answered === 'right').length;
    return pageText(labels.lang, 'recap.score', { right, total: entries.length });
  });
  again.addEventListener('click', () => {
    forgetRecap(lessonId);
    for (const id of Object.keys(answers)) answers[id] = null;
    for (const entry of entries) entry.show();
    rescore();
    entries[0].buttons[0].focus();
  });
  rescore();
  return h('section', { id: 'recap', class: 'recap', 'aria-labelledby': 'recap-title' },
    labels.page(h('h2', { id: 'recap-title', tabindex: '-1' }), 'recap.title'),
    labels.page(h('p', { class: 'recap-intro' }), 'recap.intro', { n: questions.length }),
    ...entries.map((e) => e.box),
    h('div', { class: 'recap-end' }, score, again));
}
