// newsmark/client: newest request wins, over the main thread (Node) and over a worker (a fake
// one here, answering when told, to order answers and failures at will).
import assert from "node:assert/strict";
import { test } from "node:test";
import { createClient } from "newsmark/client";
import { createAnalyzer } from "newsmark";
import { createClientWith } from "../../js/client-core.js";
import { answer } from "../../js/protocol.js";

const TEXT = "Vladimir Putin met Donald Trump in Budapest on Thursday.";

test("main thread (Node): the newest request wins; replaced ones resolve null", async () => {
  const client = await createClient({ referenceDate: "2025-10-16" });
  assert.equal(client.mode, "main-thread");
  const first = client.analyze("Angela Merkel spoke.");
  const second = client.analyze("Emmanuel Macron spoke.");
  const third = client.analyze(TEXT);
  assert.equal(client.busy, true);
  assert.equal(await first, null);
  assert.equal(await second, null);
  const result = await third;
  assert.equal(result.text, TEXT);
  assert.ok(result.analysis.spans.some((s) => s.kind === "date" && s.value === "2025-10-16"));
  assert.ok(result.ms >= 0 && result.analyzeMs >= 0);
  assert.equal(client.busy, false);
  // Per-call options override the client's.
  const other = await client.analyze(TEXT, { layers: ["entities"] });
  assert.ok(other.analysis.spans.every((s) => ["person", "organization", "place", "misc"].includes(s.kind)));
  client.close();
  await assert.rejects(client.analyze(TEXT), /closed/);
});

test("errors: bad options reject the request that carries them; bad text is a TypeError; unknown options throw", async () => {
  const client = await createClient();
  await assert.rejects(client.analyze(TEXT, { referenceDate: "tomorrow" }), /malformed reference date/);
  await assert.rejects(client.analyze(42), TypeError);
  assert.ok((await client.analyze(TEXT)).analysis.spans.length > 0, "a failed request does not stop the client");
  client.close();
  await assert.rejects(createClient({ refDate: "2025-10-16" }), /unknown newsmark client option "refDate"/);
  await assert.rejects(createClient({ layers: ["people"] }), /unknown layer "people"/);
});

/** A worker stand-in running the real protocol; answers wait until `flush()`. */
function fakeWorker(analyzer, { failToStart = false } = {}) {
  const target = new EventTarget();
  const inbox = [];
  const worker = {
    posted: [],
    terminated: false,
    addEventListener: (...args) => target.addEventListener(...args),
    postMessage(request) {
      worker.posted.push(request.id);
      inbox.push(request);
    },
    terminate() {
      worker.terminated = true;
    },
    /** Answers the requests received so far, in order. */
    flush() {
      for (const request of inbox.splice(0)) target.dispatchEvent(message(answer(analyzer, request)));
    },
    crash(text) {
      const event = new Event("error", { cancelable: true });
      event.message = text;
      target.dispatchEvent(event);
    },
  };
  queueMicrotask(() => {
    if (failToStart) worker.crash("module workers are not supported");
    else target.dispatchEvent(message({ ready: true }));
  });
  return worker;
}

function message(data) {
  const event = new Event("message");
  event.data = data;
  return event;
}

test("worker: one request in flight; a stale answer is never delivered, even when it arrives", async () => {
  const analyzer = await createAnalyzer();
  let worker;
  const client = await createClientWith(
    { createAnalyzer, createWorker: () => (worker = fakeWorker(analyzer)) },
    { referenceDate: "2025-10-16" },
  );
  assert.equal(client.mode, "worker");
  const a = client.analyze("Angela Merkel spoke.");
  const b = client.analyze("Emmanuel Macron spoke.");
  const c = client.analyze(TEXT);
  assert.deepEqual(worker.posted, [1], "the second and third wait; the third replaced the second");
  assert.equal(await b, null);
  assert.equal(await a, null, "a request in flight resolves null as soon as it is replaced");
  worker.flush(); // the answer to 1 arrives: stale, dropped; 3 is sent
  assert.deepEqual(worker.posted, [1, 3]);
  worker.flush();
  const result = await c;
  assert.equal(result.text, TEXT);
  assert.ok(result.analysis.spans.some((s) => s.text === "Budapest"));
  // A worker that dies mid-request fails that request, and the next ones still go out.
  const d = client.analyze(TEXT);
  worker.crash("out of memory");
  await assert.rejects(d, /the analysis worker failed: out of memory/);
  const e = client.analyze(TEXT);
  worker.flush();
  assert.ok((await e).analysis.spans.length > 0);
  client.close();
  assert.ok(worker.terminated);
});

test("worker that cannot start: the client falls back to the main thread", async () => {
  const analyzer = await createAnalyzer();
  let worker;
  const client = await createClientWith({
    createAnalyzer,
    createWorker: () => (worker = fakeWorker(analyzer, { failToStart: true })),
  });
  assert.equal(client.mode, "main-thread");
  assert.ok(worker.terminated, "the failed worker is ended");
  assert.ok((await client.analyze(TEXT)).analysis.spans.length > 0);
  client.close();
  const mainOnly = await createClientWith({ createAnalyzer, createWorker: () => assert.fail("no worker asked for") }, { worker: false });
  assert.equal(mainOnly.mode, "main-thread");
  mainOnly.close();
});
