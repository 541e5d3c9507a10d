// What the reader has done, kept in localStorage: finished tasks and the last place read.
// Storage may be off (private windows, a course page's sandbox): then progress lasts the visit.
const KEY = 'layerwise.lessons.v1';
let memory = { done: {}, last: null };

function read() {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    if (v && typeof v === 'object' && v.done && typeof v.done === 'object') memory = { done: v.done, last: v.last ?? null };
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

export const lastPlace = () => read().last;

export function keepPlace(lesson, section) {
  const p = read();
  if (p.last?.lesson === lesson && p.last?.section === section) return;
  p.last = { lesson, section };
  write();
}

export function forget() {
  memory = { done: {}, last: null };
  try { localStorage.removeItem(KEY); } catch { /* storage may be off */ }
}
