// A guess that follows a drawing: work asked for on every change, done at most once per
// animation frame, with at most one request in flight. While one is on its way, later frames
// only note that another is due; when it lands, the next frame asks again with the drawing as
// it is then. So a slow worker never gets a queue of stale requests, and the last change is
// always the one answered. No DOM beyond requestAnimationFrame.
//
//   const live = new LiveTask({ frame: () => preprocess(pad.strokes), request: async (image) => … });
//   pad.onchange = () => live.schedule();
//
// frame() runs on every scheduled frame (e.g. to draw the input at once) and returns what
// request(value) is asked with, unless a request is in flight. A request that rejects is
// ignored: the next change asks again.
export class LiveTask {
  #frame;
  #request;
  #pending = 0; // the animation frame asked for, or 0
  #running = false;
  #again = false;

  constructor({ frame = () => undefined, request }) {
    this.#frame = frame;
    this.#request = request;
  }

  /** Runs frame() (and request, unless one is in flight) at the next animation frame, once. */
  schedule() {
    if (this.#pending) return;
    this.#pending = requestAnimationFrame(() => {
      this.#pending = 0;
      this.#fire();
    });
  }

  async #fire() {
    const value = this.#frame();
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = true;
    try {
      await this.#request(value);
    } catch {
      // a network replaced meanwhile: the next change asks the new one
    } finally {
      this.#running = false;
      if (this.#again) {
        this.#again = false;
        this.schedule();
      }
    }
  }
}
