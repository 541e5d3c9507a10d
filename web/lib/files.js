// Keeping what a learner made: a download of it, and the autosave that brings it back on
// reload. Each element says what to save and how to read it back; this holds the mechanics
// both elements share (the anchor a download needs, localStorage's failures).

/** Offers text as a file named `name`; the temporary link lives in `root` (a shadow root). */
export function download(root, text, name, type = 'application/json') {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  root.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/**
 * An element's autosave: the localStorage entry "<prefix>:<its autosave attribute, or main>",
 * only while the element has that attribute.
 */
export class Autosave {
  #element;
  #prefix;

  constructor(element, prefix) {
    this.#element = element;
    this.#prefix = prefix;
  }

  /** The entry's key, or null when the element does not autosave. */
  get key() {
    const name = this.#element.getAttribute('autosave');
    return name === null ? null : `${this.#prefix}:${name || 'main'}`;
  }

  /**
   * parse(text) of the saved entry; null when there is none, storage is off, or parse throws
   * (a damaged entry is as good as none).
   */
  read(parse) {
    const key = this.key;
    if (!key) return null;
    try {
      const text = localStorage.getItem(key);
      return text === null ? null : parse(text);
    } catch {
      return null;
    }
  }

  /** Saves value as JSON; false when storage refused it (full, or off), true otherwise. */
  write(value) {
    const key = this.key;
    if (!key) return true;
    try {
      localStorage.setItem(key, JSON.stringify(value));
      return true;
    } catch {
      return false;
    }
  }
}
