// Types of newsmark/client.
import type { Analysis, Options } from "./index.js";

export interface ClientOptions extends Options {
  /** Analyze in a Web Worker (default true where module workers exist; Node always analyzes on
   * the main thread). A function returning a Worker that runs `newsmark/worker` replaces the
   * package's own (e.g. a bundler's worker import). */
  worker?: boolean | (() => Worker);
}

export interface ClientResult {
  /** The text analyzed (as given to `analyze`). */
  text: string;
  analysis: Analysis;
  /** How long the analysis itself took, in milliseconds. */
  analyzeMs: number | null;
  /** From sending the request to its answer, in milliseconds. */
  ms: number;
}

export interface Client {
  readonly mode: "worker" | "main-thread";
  /** Whether a request is in flight or waiting. */
  readonly busy: boolean;
  /**
   * Analyzes `text`; `options` override the client's. Newest request wins: the promise resolves
   * with null as soon as a newer `analyze()` replaces it (a stale answer is never delivered).
   * Rejects with an Error the analysis raised (bad options), TypeError when `text` is not a
   * string.
   */
  analyze(text: string, options?: Options): Promise<ClientResult | null>;
  /** Ends the worker (or frees the analyzer); pending requests resolve with null. */
  close(): void;
}

/** Starts the analyzer (in a worker where it can) and resolves when it is ready. Rejects with an
 * Error when neither the worker nor the main thread can load it, or for unknown options. */
export function createClient(options?: ClientOptions): Promise<Client>;
