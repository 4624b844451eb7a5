/**
 * A check's search, in the thread that runs it (a search thread, or the caller's for
 * `checkInThisThread`): builds the model, searches (worker threads expanding the large levels),
 * and assembles the result.
 *
 * What only some checks use (liveness, the state graph, checkpoints, the worker threads) is loaded
 * when one asks for it: a search thread loads this module before every check's search starts,
 * and all of it took about twice as long (60-70 ms against 30-35 ms in a new thread).
 */
import { search } from './bfs.js';
import type { CheckOptions } from './check.js';
import { checksDeadlock, DEADLOCK, DEADLOCK_DOC, selectProperties } from './checkedProperties.js';
import { ModelError, UsageError } from './errors.js';
import { Expander } from './expand.js';
import { fingerprint, fp } from './fingerprint.js';
import { inlineRunner } from './parallel/inlineRunner.js';
import { Tallies, Where, whereCode, type LiveStatus } from './parallel/liveStatus.js';
import { actorsOf, isLiveness, type AnyModel, type ModelInstance, type Property } from './model.js';
import { buildInstance, shownParams } from './modelInstance.js';
import type { CheckResult, StopReason } from './result.js';
import { resultOf, type SearchFrame } from './searchFrame.js';
import { rebuildTrace } from './trace.js';

/** How the thread that runs a search is watched, and how it learns that it must stop. */
export interface SearchWatch {
  /** The stop flag, the counters and the `where` words the expanders write. */
  live: LiveStatus;
  /** Asked between batches: a reason to stop now, or undefined. */
  interruption: () => StopReason | undefined;
  /** Whether the tallies stay in this thread (no supervisor reads them). */
  local: boolean;
  /** Each worker thread's heap limit. */
  heapMiB: number;
  /** Told what the result will need of the model, once it is built and before the search starts. */
  onFrame?: (frame: SearchFrame) => void;
}

/** Builds the model, searches and assembles the result, in this thread (worker threads expanding large levels). */
export async function runCheck(
  model: AnyModel,
  params: unknown,
  options: CheckOptions & { workers: number },
  watch: SearchWatch,
  started: number,
): Promise<CheckResult> {
  const { live, interruption } = watch;
  live.words[live.searchWord] = whereCode(Where.build);
  const instance = buildInstance(model, params);
  const { workers } = options;
  const symmetry = options.symmetry ?? false;
  if (symmetry && !instance.canonicalize && !instance.codec?.canonicalBytes) {
    throw new UsageError(`--symmetry needs a model with canonicalize or a codec with canonicalBytes; '${model.name}' has neither`);
  }
  const selected = selectProperties(instance.properties, options.properties);
  const deadlock = checksDeadlock(model, instance, options.deadlock);
  if (instance.initialStates.length === 0) throw new ModelError(`model '${model.name}' has no initial states: there is nothing to search`);

  const expander = new Expander(instance, symmetry, options.stateEncoding);
  expander.watchedBy(live.words, live.searchWord);
  const codes = [...selected.filter((p) => !isLiveness(p)).map((p) => instance.properties.indexOf(p)), ...(deadlock ? [expander.deadlockCode] : [])];
  const checkpointed = options.checkpoint !== undefined || options.resume !== undefined;
  if (options.stateGraphLimit !== undefined && checkpointed) {
    throw new UsageError('--checkpoint and --resume cannot draw the state graph (--dot): a checkpoint keeps no state graph; drop one');
  }
  const drawing = options.stateGraphLimit === undefined ? undefined
    : new (await import('./stateGraphCollector.js')).StateGraphCollector(instance, { model: model.name, params: shownParams(params, instance) }, options.stateGraphLimit);
  const livenessCode = selected.some(isLiveness) ? await import('./liveness/livenessPlan.js') : undefined;
  const liveness = livenessCode?.livenessPlan(model.name, instance, selected, actorsOf(instance), options);
  const witnessCodes = new Set(selected.filter((p) => p.kind === 'sometimes').map((p) => instance.properties.indexOf(p)));
  const tallies = Tallies.create(instance.actions.length, expander.deadlockCode + 1, watch.local);
  const frame = { ...frameOf(model, params, instance, selected, deadlock, tallies), fairness: liveness?.fairness };
  watch.onFrame?.(frame);
  // After the frame: packing may derive a layout, which runs the model's actions, and a report of
  // one that never returns names it from the frame.
  const initial = instance.initialStates.map((s) => expander.pack(s));
  const initialFingerprints = initial.map((bytes) => {
    fingerprint(bytes, 0, bytes.length);
    return { hi: fp.hi, lo: fp.lo };
  });
  live.words[live.searchWord] = whereCode(Where.idle);
  const checkpoints = checkpointed ? await import('./checkpoint/session.js') : undefined;
  const saved = checkpoints?.checkpointing(model, params, options, tallies, initialFingerprints, () => interruption() !== undefined, started) ?? {};

  const pooled = workers > 1 ? await import('./parallel/poolRunner.js') : undefined;
  const pool = pooled?.poolRunner({ module: model.module, name: model.name, params: params as Record<string, unknown>, symmetry, encoding: options.stateEncoding ?? 'derived' }, {
    workers,
    expander: expander as Expander<unknown>,
    live,
    heapMiB: watch.heapMiB,
    minBatches: options.minBatchesForWorkers ?? pooled.MIN_BATCHES_FOR_WORKERS,
    start: { codecSample: expander.codecSample },
  });
  let outcome: Awaited<ReturnType<typeof search>>;
  try {
    outcome = await search(initial, initialFingerprints, instance.actions.length, pool ?? inlineRunner(expander as Expander<unknown>), {
      codes,
      witnessCodes,
      deadlockCode: expander.deadlockCode,
      checkDeadlock: deadlock,
      stopAtFirst: options.stopAtFirst ?? false,
      // Liveness is decided on the whole graph: a search that stopped once the rest was decided could not.
      exhaustive: (options.exhaustive ?? false) || liveness !== undefined || drawing !== undefined,
      maxStates: options.maxStates,
      maxDepth: options.maxDepth,
      batchSize: options.batchSize ?? 2048,
      interruption,
      live,
      tallies,
      onState: options.onState || drawing ? (id, bytes) => {
        const state = expander.unpack(bytes);
        drawing?.addState(id, state);
        options.onState?.(id, state);
      } : undefined,
      onEdge: liveness || drawing || options.onEdge ? (from, to, action) => {
        liveness?.recorder.addEdge(from, to, action);
        drawing?.addEdge(from, to, action);
        if (from !== to) options.onEdge?.(from, to, action);
      } : undefined,
      selfLoops: liveness !== undefined,
      liveness: liveness?.codes,
      onLabels: liveness && ((labels) => liveness.recorder.addLabels(labels)),
      onProgress: options.onProgress,
      resume: saved.resume,
      atLevelBoundary: saved.atLevelBoundary,
    });
  } finally {
    await pool?.close();
  }

  const { seen, findings } = outcome;
  const analysis = liveness && outcome.complete ? livenessCode!.livenessVerdicts(liveness, instance, seen, outcome.initialStates, options.traces !== false, interruption) : undefined;
  const searched = resultOf(
    frame,
    tallies,
    {
      complete: outcome.complete,
      stopReason: outcome.stopReason,
      distinctStates: seen.size,
      transitions: outcome.transitions,
      initialStates: outcome.initialStates,
      depth: outcome.depth,
      bytesPerState: seen.size > 0 ? seen.bytes / seen.size : 0,
      stateGraphBytes: liveness?.recorder.bytes,
    },
    { workers, workersUsed: live.workersUsed(), stuckIn: null, seconds: (Date.now() - started) / 1000 },
    (code) => (options.traces !== false ? rebuildTrace(instance, expander, seen, findings.get(code)!.stateId) : null),
    analysis?.verdicts,
  );
  const result = analysis ? livenessCode!.stoppedShort(searched, analysis) : searched;
  const drawn = drawing && outcome.complete ? { ...result, stateGraph: drawing.graph(outcome.initialStates) } : result;
  return saved.resumedFrom ? checkpoints!.resumedResult(drawn, saved.resumedFrom) : drawn;
}

function frameOf(model: AnyModel, params: unknown, instance: ModelInstance<unknown>, selected: Property<unknown>[], deadlock: boolean, tallies: Tallies): SearchFrame {
  const checked = selected.map((p) => ({ name: p.name, kind: p.kind, doc: p.doc ?? '', code: instance.properties.indexOf(p) }));
  if (deadlock) {
    checked.push({ name: DEADLOCK, kind: 'always', doc: DEADLOCK_DOC, code: instance.properties.length });
  }
  return {
    model: model.name,
    params: shownParams(params, instance),
    actors: actorsOf(instance),
    checked,
    actions: instance.actions.map(({ name, actor, args }) => ({ name, actor, args })),
    properties: instance.properties.map(({ name }) => ({ name })),
    tallies: { buffer: tallies.buffer, actions: tallies.actions, codes: tallies.codes },
  };
}

