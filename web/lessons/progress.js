// What the reader has done, kept in localStorage: finished tasks, recap answers, the last
// place read (one, across the lessons) and each lesson's own last section.
// Storage may be off (private windows, a course page's sandbox): then progress lasts the visit.
const KEY = 'layerwise.lessons.v1';
const empty = () => ({ done: {}, last: null, recap: {}, places: {} });
let memory = empty();

const record = (v) => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});

function read() {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    if (v && typeof v === 'object' && v.done && typeof v.done === 'object') {
      memory = { done: v.done, last: v.last ?? null, recap: record(v.recap), places: record(v.places) };
    }
  } catch { /* keep what is in memory */ }
  return memory;
}

function write() {
  try { localStorage.setItem(KEY, JSON.stringify(memory)); } catch { /* storage may be off */ }
}

export const isDone = (lesson, task) => Boolean(read().done[`${lesson}/${task}`]);

export function markDone(lesson, task) {
  read().done[`${lesson}/${task}`] = Date.now();
  write();
}

/** How many of a lesson's task ids are done. */
export const countDone = (lesson, tasks) => tasks.filter((task) => isDone(lesson, task)).length;

// ---- the recap: the choice the reader made for each question (its first answer) ----

/** The index of the choice picked for a recap question, or null when it is not answered. */
export function recapAnswer(lesson, question) {
  const choice = read().recap[`${lesson}/${question}`];
  return Number.isInteger(choice) ? choice : null;
}

export function keepRecapAnswer(lesson, question, choice) {
  read().recap[`${lesson}/${question}`] = choice;
  write();
}

/** Forgets a lesson's recap answers (to answer its questions again). */
export function forgetRecap(lesson) {
  const { recap } = read();
  for (const key of Object.keys(recap)) if (key.startsWith(`${lesson}/`)) delete recap[key];
  write();
}

/** How many of a lesson's recap questions ({id, answer}) were answered right. */
export const recapRight = (lesson, questions) => questions.filter((q) => recapAnswer(lesson, q.id) === q.answer).length;

// ---- places ----

export const lastPlace = () => read().last;

/** The section of a lesson the reader was last in (null when none is kept). */
export const placeIn = (lesson) => read().places[lesson] ?? null;

/**
 * The reader is at a section of a lesson: the last place read, and (unless `lessonToo` is
 * false: a lesson opened at its top is no reading yet) that lesson's own place.
 */
export function keepPlace(lesson, section, { lessonToo = true } = {}) {
  const p = read();
  const same = p.last?.lesson === lesson && p.last?.section === section;
  if (same && (!lessonToo || p.places[lesson] === section)) return;
  p.last = { lesson, section };
  if (lessonToo) p.places[lesson] = section;
  write();
}

export function forget() {
  memory = empty();
  try { localStorage.removeItem(KEY); } catch { /* storage may be off */ }
}
