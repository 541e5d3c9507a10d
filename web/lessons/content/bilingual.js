// Code blocks whose comments follow the page's language; the code itself is one text.

/** A tagged template: bi`x = 1  # ${['one', '하나']}` → {en, ko} with the same code. */
export const bi = (parts, ...comments) => ({
  en: String.raw(parts, ...comments.map((c) => c[0])),
  ko: String.raw(parts, ...comments.map((c) => c[1])),
});

/** commentedWith(KO)(code) → {en, ko}: code whose English comments KO maps to Korean. */
export const commentedWith = (KO) => (code) => ({
  en: code,
  ko: Object.entries(KO).reduce((c, [en, k]) => c.replaceAll(en, k), code),
});
