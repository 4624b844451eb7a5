/**
 * The hot loop: expands a batch of packed states. For each state it checks the undecided
 * properties, runs every enabled action, packs and fingerprints each successor, then claims the
 * state's successors in the seen-set's table together.
 *
 * The same code runs in the main thread (one worker) and in worker threads (several), so the
 * two cannot disagree. Everything it returns is typed arrays, cheap to send between threads.
 */
import { ByteReader, ByteWriter, type Codec } from './codec.js';
import { fingerprint, fp } from './fingerprint.js';
import { Claim, FingerprintTable } from './fingerprintTable.js';
import { stateCodec, type ChosenCodec } from './codecs/stateCodec.js';
import type { StateEncoding } from './codecs/stateEncoding.js';
import { ModelContractError, ModelError } from './errors.js';
import { describeWhere, STOP_WORD, Where, whereCode, whereKind } from './parallel/liveStatus.js';
import type { ModelInstance } from './model.js';
import { readOnly, writable } from './modelCode.js';
import type { BatchRequest, BatchResult } from './parallel/messages.js';

/** The bits of a state's label for one liveness property (see `BatchResult.labels`). */
export const HOLDS = 1;
export const FROM = 2;

/** Grows a Uint32Array by doubling. */
export class U32List {
  data = new Uint32Array(256);
  length = 0;
  /** Hands out the filled part without copying: a view, valid until the list is filled again. */
  take(): Uint32Array {
    const out = this.data.subarray(0, this.length);
    this.length = 0;
    return out;
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
}

/** Whether what `out` holds from `from` on is the state at `bytes[start, end)`. */
function repeats(out: ByteWriter, from: number, bytes: Uint8Array, start: number, end: number): boolean {
  if (out.length - from !== end - start) return false;
  const written = out.bytes;
  for (let i = 0; i < end - start; i++) if (written[from + i] !== bytes[start + i]) return false;
  return true;
}

/**
 * What went wrong in the model's code: a broken contract as it is; a state the engine refused to
 * pack (a ModelError from the codec: -0, NaN, a cycle...) as a state that cannot be stored, since
 * the code that made it did not throw; anything else as thrown.
 */
export function faultMessage(error: unknown, kind: number): string {
  if (error instanceof ModelContractError) return error.message;
  if (error instanceof ModelError && kind === Where.successor) return `cannot be stored: ${error.message}`;
  return `threw: ${error instanceof Error ? error.message : String(error)}`;
}

/** A property or guard must answer true or false: anything else is a mistake in the model, not a verdict. */
function asBoolean(value: unknown): boolean {
  if (typeof value !== 'boolean') throw new ModelContractError(`returned ${safeJson(value) ?? 'undefined'}, not a boolean`);
  return value;
}

/**
 * The fingerprints already claimed in this batch. A repeat has a larger key than the first, so its
 * claim would lose: dropping it here, in a small table that stays in the cache, spares a probe of
 * the seen-set's large one (siblings share many successors). Slots are stamped with the batch
 * number, so nothing needs clearing between batches.
 */
class BatchFingerprints {
  private hi = new Uint32Array(1 << 8);
  private lo = new Uint32Array(1 << 8);
  private stamp = new Uint32Array(1 << 8);
  private batch = 0;
  private size = 0;

  startBatch(): void {
    this.batch++;
    this.size = 0;
  }

  /** Adds a fingerprint; false if this batch has already sent it. */
  add(hi: number, lo: number): boolean {
    if (2 * (this.size + 1) > this.stamp.length) this.grow();
    const mask = this.stamp.length - 1;
    for (let slot = lo & mask; ; slot = (slot + 1) & mask) {
      if (this.stamp[slot] !== this.batch) {
        this.stamp[slot] = this.batch;
        this.hi[slot] = hi;
        this.lo[slot] = lo;
        this.size++;
        return true;
      }
      if (this.lo[slot] === lo && this.hi[slot] === hi) return false;
    }
  }

  /**
   * Doubles the table, moving this batch's fingerprints; without calling `add`, which V8 would
   * compile into this loop again at each of the few times it runs.
   */
  private grow(): void {
    const { hi, lo, stamp, batch } = this;
    const capacity = stamp.length * 2;
    const mask = capacity - 1;
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.stamp = new Uint32Array(capacity);
    for (let slot = 0; slot < stamp.length; slot++) {
      if (stamp[slot] !== batch) continue;
      let to = lo[slot]! & mask;
      while (this.stamp[to] === batch) to = (to + 1) & mask;
      this.stamp[to] = batch;
      this.hi[to] = hi[slot]!;
      this.lo[to] = lo[slot]!;
    }
  }
}

/** Successors made and fingerprinted, not yet claimed: the action, the fingerprint, where the bytes end. */
function successorCandidates(actions: number): { action: Uint32Array; hi: Uint32Array; lo: Uint32Array; end: Uint32Array } {
  return { action: new Uint32Array(actions), hi: new Uint32Array(actions), lo: new Uint32Array(actions), end: new Uint32Array(actions) };
}

/** How expanding a state ended. */
const enum StateOutcome {
  expanded,
  /** The stop flag was seen mid-state: what was expanded of it counts. */
  stopped,
  /** The table filled up: nothing of the state counts. */
  full,
}

/** A batch being expanded: its request, what is fixed for it, and what it has counted so far. */
interface BatchInProgress {
  request: BatchRequest;
  table: FingerprintTable | undefined;
  formOnBytes: boolean;
  /** Whether the codec makes successors on the bytes where it can: never with symmetry, whose representative is formed from each successor. */
  onBytes: boolean;
  generated: Uint32Array;
  labels: Uint8Array;
  transitions: number;
  unexplored: number;
  /** The state being expanded, for a fault's report. */
  current: unknown;
}

/** Expands batches of one model instance; holds the scratch buffers the hot loop reuses. */
export class Expander<S> {
  private chosen: ChosenCodec<S> | undefined;
  /** The code a deadlock finding carries: one past the last property index. */
  readonly deadlockCode: number;
  private readonly reader = new ByteReader(new Uint8Array(0));
  private readonly scratch = new ByteWriter(1 << 10);
  private readonly meta = new U32List();
  private readonly ends = new U32List();
  private readonly findings = new U32List();
  /** The actions enabled so far in the state being expanded, to take its counts back if the table fills up mid-state. */
  private enabledNow = new Uint32Array(0);
  /** The successors of the state being expanded that are yet to be claimed: one per action at most. */
  private candidates = successorCandidates(0);
  private readonly sent = new BatchFingerprints();
  /** The stop flag (word STOP_WORD) and, at `word`, what this thread is running (see LiveStatus). */
  private words: Int32Array<ArrayBufferLike> = new Int32Array(2);
  private word = 1;

  /**
   * Results are views of reused buffers, valid until the next `expand`: that saves the many small
   * checks of a sweep most of their garbage collection, and a worker thread copies what it sends.
   * @param encoding how states are encoded when the model has no codec of its own.
   * @param sample the sample of states another thread derived its codec from (`codecSample`).
   */
  constructor(
    readonly model: ModelInstance<S>,
    readonly useSymmetry: boolean,
    private readonly encoding: StateEncoding = 'derived',
    private readonly sample?: readonly Uint8Array[],
  ) {
    this.deadlockCode = model.properties.length;
  }

  /**
   * The codec, chosen on first use: deriving a layout runs the model's guards and actions, which
   * the live status must see (`watchedBy` comes after the constructor).
   */
  get codec(): Codec<S> {
    return this.chooseCodec().codec;
  }

  /**
   * The packed sample of states the codec was derived from, if it was: given to the worker
   * threads, it spares each the sampling, which runs the model's code (0.03-0.15 s on a new thread).
   */
  get codecSample(): readonly Uint8Array[] | undefined {
    return this.chooseCodec().sample;
  }

  private chooseCodec(): ChosenCodec<S> {
    if (this.chosen === undefined) {
      const { words, word } = this;
      const was = words[word]!;
      this.chosen = stateCodec(this.model, this.encoding, (where) => void (words[word] = where), this.sample);
      words[word] = was;
    }
    return this.chosen;
  }

  /** Reads the stop flag from, and tells which model code it runs in, `words` (a LiveStatus's). */
  watchedBy(words: Int32Array, word: number): void {
    this.words = words;
    this.word = word;
  }

  /** Packs one state (canonicalised when symmetry is on). */
  pack(state: S): Uint8Array {
    const out = new ByteWriter();
    this.encode(state, out);
    return out.toBytes();
  }

  unpack(bytes: Uint8Array): S {
    return this.codec.decode(new ByteReader(bytes));
  }

  /** Appends a state's bytes to `out`; with symmetry, its class representative's: on the bytes if the codec can, else on the object. */
  private encode(state: S, out: ByteWriter): void {
    const { codec } = this;
    if (!this.useSymmetry) return codec.encode(state, out);
    if (!codec.canonicalBytes) return codec.encode(this.model.canonicalize!(readOnly(state)), out);
    const from = out.length;
    codec.encode(state, out);
    codec.canonicalBytes(out.bytes, from, out.length);
  }

  expand(request: BatchRequest): BatchResult {
    const { ends, claims, liveness } = request;
    const { actions } = this.model;
    const { codec, scratch, meta, findings, words, word } = this;
    scratch.reset();
    this.ends.length = meta.length = findings.length = 0;
    this.sent.startBatch();
    if (this.enabledNow.length < actions.length) this.enabledNow = new Uint32Array(actions.length);
    if (this.candidates.action.length < actions.length) this.candidates = successorCandidates(actions.length);
    const batch: BatchInProgress = {
      request,
      table: claims && new FingerprintTable(claims.table),
      formOnBytes: this.useSymmetry && codec.canonicalBytes !== undefined,
      onBytes: !this.useSymmetry && codec.successorOnBytes !== undefined,
      generated: new Uint32Array(actions.length),
      labels: new Uint8Array(ends.length * liveness.length),
      transitions: 0,
      unexplored: 0,
      current: undefined,
    };
    let expanded = 0;
    let outcome = StateOutcome.expanded;

    try {
      for (let start = request.start ?? 0; expanded < ends.length; start = ends[expanded]!, expanded++) {
        if (words[STOP_WORD] !== 0) {
          outcome = StateOutcome.stopped;
          break;
        }
        outcome = this.expandState(batch, expanded, start);
        if (outcome === StateOutcome.stopped) expanded++;
        if (outcome !== StateOutcome.expanded) break;
      }
    } catch (error) {
      return {
        transitions: batch.transitions, unexplored: batch.unexplored, generated: batch.generated, labels: batch.labels,
        meta: new Uint32Array(0), findings: new Uint32Array(0),
        successors: { bytes: new Uint8Array(0), ends: new Uint32Array(0) },
        stopped: false,
        full: false,
        expanded,
        claimsFinal: false,
        fault: {
          message: faultMessage(error, whereKind(words[word]!)),
          where: describeWhere(this.model as ModelInstance<unknown>, words[word]!),
          state: safeJson(batch.current) ?? 'undefined',
        },
      };
    } finally {
      words[word] = whereCode(Where.idle);
    }
    return {
      transitions: batch.transitions,
      unexplored: batch.unexplored,
      generated: batch.generated,
      successors: { bytes: scratch.bytes.subarray(0, scratch.length), ends: this.ends.take() },
      meta: meta.take(),
      findings: findings.take(),
      labels: batch.labels,
      stopped: outcome === StateOutcome.stopped,
      full: outcome === StateOutcome.full,
      expanded,
      claimsFinal: false,
    };
  }

  /**
   * Expands state `i` of the batch, whose bytes start at `start`: checks its properties, runs its
   * actions and claims its successors. A function of its own, called per state, so that the JIT
   * compiles it once it has run every path a state takes, rather than mid-way through a batch's
   * loop, and again when that loop first reaches the batch's end (a worker compiled the whole
   * batch's function three or four times, each as long as a hundred states' expansion).
   */
  private expandState(batch: BatchInProgress, i: number, start: number): StateOutcome {
    const { bytes, ends, properties, generate, checkDeadlock, claims, selfLoops, liveness } = batch.request;
    const { table, formOnBytes, onBytes, generated, labels } = batch;
    const { actions, isFinal } = this.model;
    const props = this.model.properties;
    const { codec, reader, scratch, meta, findings, words, word, enabledNow, candidates } = this;
    const end = ends[i]!;
    const metaBefore = meta.length;
    const endsBefore = this.ends.length;
    const scratchBefore = scratch.length;
    const findingsBefore = findings.length;
    words[word] = whereCode(Where.codec);
    reader.bytes = bytes;
    reader.offset = start;
    const state = codec.decode(reader);
    batch.current = state;

    for (let k = 0; k < properties.length; k++) {
      const property = props[properties[k]!]!;
      words[word] = whereCode(Where.property, properties[k]!);
      if (asBoolean(property.holds(readOnly(state))) !== (property.kind === 'always')) {
        findings.push(i);
        findings.push(properties[k]!);
      }
    }
    for (let k = 0; k < liveness.length; k++) {
      const property = props[liveness[k]!]!;
      words[word] = whereCode(Where.property, liveness[k]!);
      const to = asBoolean(property.holds(readOnly(state)));
      const from = property.from ? asBoolean(property.from(readOnly(state))) : true;
      labels[i * liveness.length + k] = (to ? HOLDS : 0) | (from ? FROM : 0);
    }

    let stopped = false;
    let enabled = 0;
    let candidateCount = 0;
    for (let a = 0; a < actions.length; a++) {
      // Polled per action too: one state of a large model can have thousands of them. A plain
      // read (Atomics.load cost a third of the hot loop); V8 does not hoist it past the
      // model's calls, so another thread's store is seen at the next action.
      if (words[STOP_WORD] !== 0) {
        stopped = true;
        break;
      }
      const action = actions[a]!;
      words[word] = whereCode(Where.guard, a);
      if (action.guard && !asBoolean(action.guard(readOnly(state)))) continue;
      enabledNow[enabled++] = a;
      if (!generate) continue;
      generated[a]!++;
      words[word] = whereCode(Where.action, a);
      const from = scratch.length;
      if (!onBytes || !codec.successorOnBytes!(a, bytes, start, state, scratch)) {
        let next: S;
        if ('recipe' in action) {
          reader.offset = start;
          const draft = codec.draft ? codec.draft(reader) : codec.decode(reader);
          const replaced = action.recipe(writable(draft));
          next = replaced === undefined ? draft : (replaced as S);
        } else {
          next = action.next(readOnly(state));
        }
        words[word] = whereCode(Where.successor, a);
        if (formOnBytes) codec.encode(next, scratch);
        else this.encode(next, scratch);
      }
      // Fast path: a self-loop is counted as a transition but needs no fingerprint. With a form
      // on the bytes, the parent is its class's representative, so an action that left the
      // state as it was is told before the form is computed, and one that made another member
      // of the class after.
      if (!selfLoops && repeats(scratch, from, bytes, start, end)) {
        scratch.length = from;
        continue;
      }
      if (formOnBytes) {
        codec.canonicalBytes!(scratch.bytes, from, scratch.length);
        if (!selfLoops && repeats(scratch, from, bytes, start, end)) {
          scratch.length = from;
          continue;
        }
      }
      fingerprint(scratch.bytes, from, scratch.length);
      if (table && !this.sent.add(fp.hi, fp.lo)) {
        scratch.length = from;
        continue;
      }
      candidates.action[candidateCount] = a;
      candidates.hi[candidateCount] = fp.hi;
      candidates.lo[candidateCount] = fp.lo;
      candidates.end[candidateCount++] = scratch.length;
    }
    // The state's successors are claimed together, after its actions ran (see `touch`); those
    // whose claim neither made nor holds the entry are dropped from the scratch bytes.
    if (table) table.touch(candidates.hi, candidates.lo, candidateCount);
    let write = scratchBefore;
    for (let k = 0, read = scratchBefore; k < candidateCount; read = candidates.end[k]!, k++) {
      const a = candidates.action[k]!;
      const hi = candidates.hi[k]!;
      const lo = candidates.lo[k]!;
      const bytesEnd = candidates.end[k]!;
      if (table && claims) {
        const claim = table.claim(hi, lo, claims.epoch, claims.firstKey + i * actions.length + a);
        if (claim === Claim.full) {
          // Undo this state: the search grows the table and expands it again.
          meta.length = metaBefore;
          this.ends.length = endsBefore;
          scratch.length = scratchBefore;
          findings.length = findingsBefore;
          for (let e = 0; e < enabled; e++) generated[enabledNow[e]!]!--;
          return StateOutcome.full;
        }
        if (claim !== Claim.made && claim !== Claim.held) continue;
      }
      const written = scratch.bytes;
      if (write !== read) for (let b = read; b < bytesEnd; b++) written[write + b - read] = written[b]!;
      write += bytesEnd - read;
      this.ends.push(write);
      meta.push(i);
      meta.push(a);
      meta.push(hi);
      meta.push(lo);
    }
    scratch.length = write;
    if (generate) batch.transitions += enabled;
    else batch.unexplored += enabled;
    // Stopped mid-state: what it expanded counts, as the successors sent; no deadlock is told from it.
    if (stopped) return StateOutcome.stopped;
    if (checkDeadlock && enabled === 0) {
      words[word] = whereCode(Where.isFinal);
      if (!asBoolean(isFinal!(readOnly(state)))) {
        findings.push(i);
        findings.push(this.deadlockCode);
      }
    }
    return StateOutcome.expanded;
  }
}

function safeJson(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
