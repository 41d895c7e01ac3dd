// The element's side of the engine: one analysis engine per page, shared by every element,
// running in a module worker (worker.js) when the page can start one and on the main thread
// otherwise.
//
// Why a worker: compiling the WebAssembly and analyzing a story would otherwise hold the news
// page's main thread. Where a worker cannot run (no Worker, the element loaded from another
// origin, the worker blocked or failing to load its engine, a story the structured clone
// cannot copy, the standalone page) the same engine runs on the main thread instead, with the
// same results and errors.

import { errorMessage } from '../error-message.js';
import { lexiconsFor } from './lexicons.js';
import { loadEngine, startWorker } from './load.js';

let warm = false; // an analysis has completed: the next ones need no loading state
let mainThreadEngine = null; // promise of the engine on the main thread
let worker; // undefined: not started yet; null: unusable; else the Worker
let lastJob = 0;
const jobs = new Map(); // id → { resolve, reject, fallback }

/** Whether an analysis has completed on this page, so the engine is loaded. */
export function engineIsWarm() {
  return warm;
}

/** Starts the worker, and its engine loading, ahead of the first story (e.g. while `src` is
 * fetched, or while the page gets the story it will set); once per page. */
export function startEngine() {
  getWorker();
}

/** Resolves to the report for `story`, in the worker when there is one. */
export function analyzeStory(story, options) {
  const target = getWorker();
  const done = (report) => {
    warm = true;
    return report;
  };
  if (!target) return analyzeOnMainThread(story, options).then(done);
  return new Promise((resolve, reject) => {
    const id = ++lastJob;
    const job = { resolve, reject, fallback: () => analyzeOnMainThread(story, options).then(resolve, reject) };
    try {
      target.postMessage({ id, story, options });
    } catch {
      // A story the structured clone cannot copy (a function, a proxy): analyze it here.
      job.fallback();
      return;
    }
    jobs.set(id, job);
  }).then(done);
}

/** The engine on the main thread, loaded once; a failed load (offline, blocked) may be
 * retried by the next render. */
function engineOnMainThread() {
  if (!mainThreadEngine) {
    mainThreadEngine = loadEngine();
    mainThreadEngine.catch(() => {
      mainThreadEngine = null;
    });
  }
  return mainThreadEngine;
}

async function analyzeOnMainThread(story, options) {
  const loading = engineOnMainThread();
  const lexicons = lexiconsFor(loading, options); // fetched alongside the engine
  let engine;
  try {
    engine = await loading;
  } catch (error) {
    throw new Error(`could not load the analysis engine: ${errorMessage(error)}`);
  }
  await lexicons;
  return engine.analyze(story, options);
}

/** Gives up on the worker: every job in flight, and every later one, runs on the main thread. */
function dropWorker() {
  if (worker) worker.terminate();
  worker = null;
  const waiting = [...jobs.values()];
  jobs.clear();
  for (const job of waiting) job.fallback();
}

/** The page's analysis worker, started (and its engine loading) on first use; null if unusable. */
function getWorker() {
  if (worker !== undefined) return worker;
  worker = null;
  if (typeof Worker !== 'function') return worker;
  try {
    const started = startWorker();
    if (!started) return worker;
    started.onmessage = ({ data }) => {
      const job = jobs.get(data?.id);
      if (!job) return;
      jobs.delete(data.id);
      if ('report' in data) job.resolve(data.report);
      else if ('error' in data) job.reject(new Error(data.error));
      else {
        // The engine could not load in the worker (e.g. its response's CSP forbids
        // WebAssembly): this job and all later ones run on the main thread.
        job.fallback();
        dropWorker();
      }
    };
    started.onerror = (event) => {
      event.preventDefault();
      dropWorker();
    };
    started.onmessageerror = () => dropWorker();
    started.postMessage({}); // start loading the engine now
    worker = started;
  } catch {
    // e.g. a SecurityError: the element was loaded from another origin.
  }
  return worker;
}
