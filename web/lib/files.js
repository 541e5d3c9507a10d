// Keeping what a learner made: a download of it, and the autosave that brings it back on
// reload. Each element says what to save and how to read it back; this holds the mechanics
// both elements share (the anchor a download needs, localStorage's failures, and keeping an
// entry that could not be fully restored rather than overwriting it).

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

// The key of a copy of `text` that an earlier read of entry `key` made, or null.
function earlierCopy(key, text) {
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k?.startsWith(`${key}:unrestored:`) && localStorage.getItem(k) === text) return k;
    }
  } catch {
    // storage that cannot be listed: a new copy is made, as before
  }
  return null;
}

/**
 * An element's autosave: the localStorage entry "<prefix>:<its autosave attribute, or main>",
 * only while the element has that attribute.
 */
export class Autosave {
  #element;
  #prefix;
  #held = false; // a partly restored entry could not be copied: it must not be overwritten

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
   * The saved entry read by parse(text), the element's one check of its autosave: null when
   * there is none or storage is off, else {value, lost, copy}. parse returns {value, lost} (lost
   * lists the problems of what it could not use, empty when it used all) or throws when it could
   * use nothing (value null, lost [the error]). When something was lost the entry's text is
   * first copied to `copy` ("<key>:unrestored:<time>"), so the next save overwrites nothing the
   * learner made; when even that copy cannot be written, saving stays off (write returns false)
   * for as long as the element lives.
   */
  read(parse) {
    const key = this.key;
    if (!key) return null;
    let text;
    try {
      text = localStorage.getItem(key);
    } catch {
      return null;
    }
    if (text === null) return null;
    let read;
    try {
      read = parse(text);
    } catch (err) {
      read = { value: null, lost: [err] };
    }
    if (!read.lost.length) return { ...read, copy: null };
    // a reload before anything was saved again finds the copy it made last time: keep that one
    const earlier = earlierCopy(key, text);
    if (earlier) return { ...read, copy: earlier };
    const copy = `${key}:unrestored:${Date.now()}`;
    try {
      localStorage.setItem(copy, text);
    } catch {
      this.#held = true;
      return { ...read, copy: null };
    }
    return { ...read, copy };
  }

  /** Whether saving is off because a partly restored entry could not be copied (see read). */
  get held() {
    return this.#held;
  }

  /** Saves value as JSON; false when storage refused it (full, or off), true otherwise. */
  write(value) {
    const key = this.key;
    if (!key) return true;
    if (this.#held) return false;
    try {
      localStorage.setItem(key, JSON.stringify(value));
      return true;
    } catch {
      return false;
    }
  }
}
