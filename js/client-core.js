// The client: one interface over the analyzer in a Web Worker (js/worker.js) and on the main
// thread, where newest-request-wins. At most one request is in flight; a request made while
// another waits replaces it, and a request made while another is in flight makes that one stale.
// Each `analyze()` promise resolves with its result, or with `null` as soon as a newer
// `analyze()` replaces it: a stale answer is never delivered. Entry points: js/client.js
// (browsers, bundlers: worker where available) and js/client-node.js (Node: main thread).
import { answer } from "./protocol.js";

const OPTIONS = ["worker", "referenceDate", "layers"];

/**
 * A client over the first transport that starts: the worker (unless `options.worker` is
 * false or `createWorker` is null), else the main thread. `options.worker` may also be a
 * function returning a `Worker` that runs js/worker.js (e.g. a bundler's own worker import).
 */
export async function createClientWith({ createAnalyzer, createWorker }, options) {
  const { worker = true, ...defaults } = checkOptions(options);
  const starts = [];
  const makeWorker = typeof worker === "function" ? worker : createWorker;
  if (worker !== false && makeWorker) starts.push(() => workerTransport(makeWorker));
  starts.push(() => mainThreadTransport(() => createAnalyzer(defaults)));
  let failure;
  for (const start of starts) {
    const transport = start();
    try {
      await transport.start();
      return new NewsmarkClient(transport, defaults);
    } catch (error) {
      transport.close();
      failure = error;
    }
  }
  throw failure;
}

function checkOptions(options) {
  if (options == null) return {};
  if (typeof options !== "object" || Array.isArray(options)) {
    throw new TypeError("newsmark client options must be an object");
  }
  for (const name of Object.keys(options)) {
    if (!OPTIONS.includes(name)) {
      throw new Error(`unknown newsmark client option "${name}": expected ${OPTIONS.join(", ")}`);
    }
  }
  return options;
}

class NewsmarkClient {
  #transport;
  #defaults;
  #seq = 0;
  #sent = null; // the job in flight
  #wanted = null; // the newest job, not sent yet
  #closed = false;

  constructor(transport, defaults) {
    this.#transport = transport;
    this.#defaults = defaults;
    transport.onAnswer = (data) => this.#receive(data);
    transport.onFailure = (message) => this.#fail(message);
  }

  /** "worker" or "main-thread". */
  get mode() {
    return this.#transport.mode;
  }

  /** Whether an analysis is in flight or waiting. */
  get busy() {
    return this.#sent != null || this.#wanted != null;
  }

  analyze(text, options) {
    if (typeof text !== "string") {
      return Promise.reject(new TypeError(`newsmark: analyze(text) needs a string, got ${typeof text}`));
    }
    if (this.#closed) return Promise.reject(new Error("newsmark: the client is closed"));
    const merged = options == null ? this.#defaults : { ...this.#defaults, ...options };
    const job = { id: ++this.#seq, text, options: Object.keys(merged).length ? merged : undefined };
    const promise = new Promise((resolve, reject) => Object.assign(job, { resolve, reject }));
    this.#supersede();
    this.#wanted = job;
    this.#pump();
    return promise;
  }

  /** Ends the worker (or frees the main thread's analyzer); pending requests resolve with null. */
  close() {
    if (this.#closed) return;
    this.#closed = true;
    this.#supersede();
    this.#wanted = null;
    this.#transport.close();
  }

  #supersede() {
    if (this.#wanted) {
      this.#wanted.resolve(null);
      this.#wanted = null;
    }
    if (this.#sent && !this.#sent.stale) {
      this.#sent.stale = true;
      this.#sent.resolve(null);
    }
  }

  #pump() {
    if (this.#sent || !this.#wanted || this.#closed) return;
    const job = this.#wanted;
    this.#wanted = null;
    job.at = performance.now();
    this.#sent = job;
    this.#transport.send({ id: job.id, text: job.text, options: job.options });
  }

  #receive(data) {
    const job = this.#sent;
    if (!job || data?.id !== job.id) return;
    this.#sent = null;
    if (!job.stale) {
      if ("error" in data) job.reject(new Error(data.error));
      else {
        job.resolve({
          text: job.text,
          analysis: data.analysis,
          analyzeMs: data.analyzeMs ?? null,
          ms: performance.now() - job.at,
        });
      }
    }
    this.#pump();
  }

  /** The worker died after it was ready: the request in flight fails; later ones are sent on. */
  #fail(message) {
    const job = this.#sent;
    this.#sent = null;
    if (job && !job.stale) job.reject(new Error(`newsmark: the analysis worker failed: ${message}`));
    this.#pump();
  }
}

/** The analyzer on this thread; each request runs in a task of its own, after the caller's. */
export function mainThreadTransport(createAnalyzer) {
  let analyzer = null;
  return {
    mode: "main-thread",
    onAnswer: null,
    async start() {
      analyzer = await createAnalyzer();
    },
    send(request) {
      setTimeout(() => this.onAnswer(answer(analyzer, request)), 0);
    },
    close() {
      analyzer?.free();
      analyzer = null;
    },
  };
}

/** js/worker.js in a Web Worker made by `createWorker`; starts when it reports ready. */
export function workerTransport(createWorker) {
  let worker = null;
  return {
    mode: "worker",
    onAnswer: null,
    onFailure: null,
    start() {
      return new Promise((resolve, reject) => {
        worker = createWorker();
        let ready = false;
        worker.addEventListener("message", ({ data }) => {
          if (data && "ready" in data) {
            if (data.ready) {
              ready = true;
              resolve();
            } else reject(new Error(data.error));
          } else {
            this.onAnswer?.(data);
          }
        });
        worker.addEventListener("error", (event) => {
          event.preventDefault?.();
          const message = event.message || "the worker could not run";
          if (ready) this.onFailure?.(message);
          else reject(new Error(message));
        });
      });
    },
    send(request) {
      worker.postMessage(request);
    },
    close() {
      worker?.terminate();
      worker = null;
    },
  };
}

