// Tables and text as vectors. A table row (age, height, city) becomes five numbers: two
// measurements and a one-hot city, shown raw, standardised ((x − mean) / std) and min-max
// scaled ((x − min) / (max − min), into [0, 1] for the table's own rows). A sentence becomes a bag of
// words: one count per word of a ten-word vocabulary (plus one for every other word), the
// order of the words lost.
//
//   { widget: 'vectors', make: inputVectors() }
//
// The widget object: { root, setLang, row() → {x, z, m}, words() → {tokens, vector, same, reordered},
// setSentence(text), setRow({age, height, city}), onChange(fn) → unsubscribe }. `same`: the
// sentence's vector equals the example sentence's; `reordered`: with the words in another order.
import { h } from '../../lib/dom.js';
import { formatReadout } from '../../lib/format.js';
import { addStyle, wordsFor } from './common.js';

const W = {
  tableTitle: { en: 'A row of a table', ko: '표의 한 행' },
  age: { en: 'Age (years)', ko: '나이(세)' },
  height: { en: 'Height (cm)', ko: '키(cm)' },
  city: { en: 'City', ko: '도시' },
  raw: { en: 'x (raw)', ko: 'x (원래 값)' },
  std: { en: 'z (standardised)', ko: 'z (표준화)' },
  minmax: { en: 'm (min-max scaled)', ko: 'm (최소-최대 정규화)' },
  stats: {
    en: 'Both use the whole table (not shown here). Standardised with its mean and standard deviation: age 40 ± 12, height 168 ± 9. Min-max scaled with its smallest and largest values: age 18 to 90, height 140 to 200. The one-hot city is left as it is.',
    ko: '두 방법 모두 표 전체(여기에는 없음)의 통계를 씁니다. 표준화는 평균과 표준편차(나이 40 ± 12, 키 168 ± 9)로, 최소-최대 정규화는 가장 작은 값과 가장 큰 값(나이 18~90, 키 140~200)으로 합니다. 원-핫으로 바꾼 도시는 그대로 둡니다.',
  },
  textTitle: { en: 'A sentence', ko: '문장' },
  sentence: { en: 'Sentence (words from the vocabulary below count; others go to "other")', ko: '문장 (아래 어휘에 있는 단어만 세고, 나머지는 "기타"로 셉니다)' },
  example: { en: 'Example: "{text}"', ko: '예시: "{text}"' },
  other: { en: 'other', ko: '기타' },
  vectorLabel: { en: 'Bag-of-words vector of the sentence', ko: '문장의 단어 주머니(bag-of-words) 벡터' },
  same: { en: 'Same vector as the example.', ko: '예시와 벡터가 같습니다.' },
  sameReordered: { en: 'Same vector as the example, though the words are in another order.', ko: '단어 순서가 다른데도 예시와 벡터가 같습니다.' },
  differs: { en: 'Not the example\'s vector.', ko: '예시와 벡터가 다릅니다.' },
};

const CITIES = [
  { en: 'Seoul', ko: '서울' },
  { en: 'Busan', ko: '부산' },
  { en: 'Gwangju', ko: '광주' },
];
const AGE = { mean: 40, std: 12, min: 18, max: 90 };
const HEIGHT = { mean: 168, std: 9, min: 140, max: 200 };
const standardised = (v, s) => (v - s.mean) / s.std;
const minMax = (v, s) => (v - s.min) / (s.max - s.min);

// Ten words each; Korean words keep their particles (개가, 개를), as a whitespace split gives them.
const VOCAB = {
  en: ['the', 'a', 'dog', 'cat', 'chased', 'saw', 'big', 'small', 'on', 'mat'],
  ko: ['개가', '개를', '고양이가', '고양이를', '쫓았다', '보았다', '큰', '작은', '매트', '위에'],
};
const EXAMPLE = { en: 'the dog chased the cat', ko: '개가 고양이를 쫓았다' };

const tokenize = (text) => text.toLowerCase().replace(/[.,!?;:"'()]/g, ' ').split(/\s+/).filter(Boolean);

/** Counts per vocabulary word, then the count of other words. */
function bagOfWords(tokens, vocab) {
  const v = new Array(vocab.length + 1).fill(0);
  for (const t of tokens) {
    const i = vocab.indexOf(t);
    v[i < 0 ? vocab.length : i]++;
  }
  return v;
}

const CSS = `
.lw-vectors h3 { margin: 0 0 .5rem; font-size: 15px; font-weight: 650; }
.lw-vectors .lw-controls label { flex-direction: column; align-items: flex-start; gap: .15rem; font-size: 14px; }
.lw-vectors input[type="number"] { width: 6rem; }
.lw-vectors select { font: inherit; padding: .2rem .3rem; }
.lw-vectors .sentence { font: inherit; width: 100%; padding: .3rem .5rem; }
.lw-vectors .sentence-label { display: block; font-size: 14px; margin-bottom: .2rem; }
.lw-vectors .vec { font: 14px/1.5 var(--mono); margin: .3rem 0; overflow-wrap: anywhere; }
.lw-vectors .cells { display: flex; flex-wrap: wrap; gap: 4px; margin: .5rem 0; padding: 0; list-style: none; }
.lw-vectors .cells li { display: flex; flex-direction: column; align-items: center; min-width: 3.2rem; padding: .2rem .3rem; border: 1px solid var(--line); border-radius: 4px; font-size: 13px; }
.lw-vectors .cells li b { font: 600 16px var(--mono); }
.lw-vectors .cells li[data-n="0"] b { color: #9aa5b1; font-weight: 400; }
.lw-vectors .note-small { font-size: 14px; color: var(--muted); margin: .25rem 0 0; }
`;

export function inputVectors() {
  return (ctx) => {
    addStyle('input-vectors', CSS);
    const words = wordsFor(ctx.lang);
    const listeners = new Set();
    const notify = () => { for (const fn of listeners) fn(api); };
    const label = (text, control) => h('label', {}, words.bind(h('span'), text), control);

    // ---- the table row ----
    const age = h('input', { type: 'number', min: 0, max: 120, step: 1, value: '34', oninput: () => { showRow(); notify(); } });
    const height = h('input', { type: 'number', min: 50, max: 250, step: 1, value: '175', oninput: () => { showRow(); notify(); } });
    const city = h('select', { onchange: () => { showRow(); notify(); } },
      ...CITIES.map((c, i) => words.bind(h('option', { value: String(i) }), c)));
    const rawOut = h('p', { class: 'vec' });
    const stdOut = h('p', { class: 'vec' });
    const minMaxOut = h('p', { class: 'vec' });
    const row = () => {
      const a = Number(age.value) || 0;
      const ht = Number(height.value) || 0;
      const onehot = CITIES.map((_, i) => (Number(city.value) === i ? 1 : 0));
      return {
        x: [a, ht, ...onehot],
        z: [standardised(a, AGE), standardised(ht, HEIGHT), ...onehot],
        m: [minMax(a, AGE), minMax(ht, HEIGHT), ...onehot],
      };
    };
    const vecText = (v) => `[${v.map((n) => formatReadout(Math.round(n * 100) / 100)).join(', ')}]`;
    function showRow() {
      const { x, z, m } = row();
      rawOut.textContent = `${words.t(W.raw)} = ${vecText(x)}`;
      stdOut.textContent = `${words.t(W.std)} = ${vecText(z)}`;
      minMaxOut.textContent = `${words.t(W.minmax)} = ${vecText(m)}`;
    }

    // ---- the sentence ----
    const sentence = h('input', { type: 'text', class: 'sentence', spellcheck: 'false', autocomplete: 'off', oninput: () => { showWords(); notify(); } });
    sentence.id = `lw-sentence-${Math.random().toString(36).slice(2, 8)}`;
    sentence.value = EXAMPLE[ctx.lang];
    const exampleLine = h('p', { class: 'note-small' });
    const cells = h('ul', { class: 'cells', role: 'list' });
    const verdict = h('p', { class: 'lw-readout', 'aria-live': 'polite' });
    const wordsOf = () => {
      const vocab = VOCAB[words.lang];
      const tokens = tokenize(sentence.value);
      const example = tokenize(EXAMPLE[words.lang]);
      const vector = bagOfWords(tokens, vocab);
      const same = vector.join() === bagOfWords(example, vocab).join();
      return { tokens, vector, vocab, same, reordered: same && tokens.join(' ') !== example.join(' ') };
    };
    function showWords() {
      const { vector, vocab, same, reordered } = wordsOf();
      cells.setAttribute('aria-label', words.t(W.vectorLabel));
      cells.replaceChildren(...[...vocab, words.t(W.other)].map((w, i) =>
        h('li', { 'data-n': String(vector[i]) }, h('span', {}, w), h('b', {}, String(vector[i])))));
      verdict.textContent = words.t(reordered ? W.sameReordered : same ? W.same : W.differs);
      exampleLine.textContent = words.t(W.example, { text: EXAMPLE[words.lang] });
    }

    const root = h('div', { class: 'lw-vectors lw-grid2' },
      h('div', { class: 'lw-card' }, words.bind(h('h3'), W.tableTitle),
        h('div', { class: 'lw-controls' }, label(W.age, age), label(W.height, height), label(W.city, city)),
        rawOut, stdOut, minMaxOut, words.bind(h('p', { class: 'note-small' }), W.stats)),
      h('div', { class: 'lw-card' }, words.bind(h('h3'), W.textTitle),
        words.bind(h('label', { class: 'sentence-label', for: sentence.id }), W.sentence), sentence, exampleLine,
        cells, verdict));

    const api = {
      root,
      row,
      words: wordsOf,
      setSentence(text) { sentence.value = text; showWords(); notify(); },
      setRow(v) {
        if (v.age !== undefined) age.value = String(v.age);
        if (v.height !== undefined) height.value = String(v.height);
        if (v.city !== undefined) city.value = String(v.city);
        showRow();
        notify();
      },
      setLang(lang) {
        // the example sentence follows the language when the reader has not changed it
        const untouched = sentence.value === EXAMPLE[words.lang];
        words.setLang(lang);
        if (untouched) sentence.value = EXAMPLE[lang];
        showRow();
        showWords();
      },
      onChange(fn) { listeners.add(fn); return () => listeners.delete(fn); },
    };
    showRow();
    showWords();
    return api;
  };
}
