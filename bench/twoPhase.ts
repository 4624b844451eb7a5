/**
 * Two-phase commit, a model with no codec of its own: one cocomc worker with the layout the engine
 * derives, beside the same check with the generic encoding, alternating, medians kept; and beside
 * TLC on Lamport's spec when `TLA2TOOLS_JAR` names a tla2tools.jar and `java` is installed (the
 * bench writes the spec and its configuration itself). Otherwise it says why TLC was skipped.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { twoPhase, type TwoPhase } from '../models/twoPhase.js';
import { ByteWriter, type Codec } from '../src/codec.js';
import { sampleStates, unpackSample } from '../src/codecs/sampleStates.js';
import { stateCodec } from '../src/codecs/stateCodec.js';
import type { StateEncoding } from '../src/codecs/stateEncoding.js';
import { genericCodec } from '../src/genericCodec.js';
import type { CheckResult } from '../src/result.js';
import { alternate, measure, median } from './measure.js';
import { printTable } from './table.js';

/** The distinct states TLC reports for Lamport's TwoPhase, by number of RMs (6: the figure in the spec). */
const TLC_DISTINCT: Record<number, number> = { 6: 50_816, 7: 296_448, 8: 1_745_408 };

/** Lamport's TwoPhase in TLA+, written for this bench: the TM and the RMs exchange messages kept in a set that only grows. */
const TWO_PHASE_TLA = String.raw`---- MODULE TwoPhase ----
CONSTANT RM
VARIABLES rmState, tmState, tmPrepared, msgs
vars == <<rmState, tmState, tmPrepared, msgs>>

Init == /\ rmState = [r \in RM |-> "working"]
        /\ tmState = "init"
        /\ tmPrepared = {}
        /\ msgs = {}

TMRcvPrepared(r) == /\ tmState = "init"
                    /\ [type |-> "Prepared", rm |-> r] \in msgs
                    /\ tmPrepared' = tmPrepared \cup {r}
                    /\ UNCHANGED <<rmState, tmState, msgs>>
TMCommit == /\ tmState = "init"
            /\ tmPrepared = RM
            /\ tmState' = "committed"
            /\ msgs' = msgs \cup {[type |-> "Commit"]}
            /\ UNCHANGED <<rmState, tmPrepared>>
TMAbort == /\ tmState = "init"
           /\ tmState' = "aborted"
           /\ msgs' = msgs \cup {[type |-> "Abort"]}
           /\ UNCHANGED <<rmState, tmPrepared>>
RMPrepare(r) == /\ rmState[r] = "working"
                /\ rmState' = [rmState EXCEPT ![r] = "prepared"]
                /\ msgs' = msgs \cup {[type |-> "Prepared", rm |-> r]}
                /\ UNCHANGED <<tmState, tmPrepared>>
RMChooseToAbort(r) == /\ rmState[r] = "working"
                      /\ rmState' = [rmState EXCEPT ![r] = "aborted"]
                      /\ UNCHANGED <<tmState, tmPrepared, msgs>>
RMRcvCommitMsg(r) == /\ [type |-> "Commit"] \in msgs
                     /\ rmState' = [rmState EXCEPT ![r] = "committed"]
                     /\ UNCHANGED <<tmState, tmPrepared, msgs>>
RMRcvAbortMsg(r) == /\ [type |-> "Abort"] \in msgs
                    /\ rmState' = [rmState EXCEPT ![r] = "aborted"]
                    /\ UNCHANGED <<tmState, tmPrepared, msgs>>

Next == \/ TMCommit \/ TMAbort
        \/ \E r \in RM : \/ TMRcvPrepared(r) \/ RMPrepare(r) \/ RMChooseToAbort(r)
                         \/ RMRcvCommitMsg(r) \/ RMRcvAbortMsg(r)

TCConsistent == \A r1, r2 \in RM : ~(rmState[r1] = "aborted" /\ rmState[r2] = "committed")
====
`;

const twoPhaseCfg = (rms: number): string =>
  `CONSTANT RM = {${Array.from({ length: rms }, (_, r) => `r${r}`).join(', ')}}\nINIT Init\nNEXT Next\nINVARIANT TCConsistent\n`;

interface TlcRun {
  distinct: number;
  generated: number;
  seconds: number;
}

/** Why TLC cannot run here, or undefined when it can. */
function tlcMissing(): string | undefined {
  const jar = process.env.TLA2TOOLS_JAR;
  if (!jar) return 'TLA2TOOLS_JAR is not set (it names a tla2tools.jar, which java runs)';
  if (!existsSync(jar)) return `TLA2TOOLS_JAR names ${jar}, which does not exist`;
  if (spawnSync('java', ['-version'], { stdio: 'ignore' }).status !== 0) return 'java is not installed';
  return undefined;
}

function runTlc(dir: string): TlcRun {
  const started = process.hrtime.bigint();
  // -deadlock: no deadlock check, as cocomc's twophase declares no final states.
  const args = ['-XX:+UseParallelGC', '-cp', process.env.TLA2TOOLS_JAR!, 'tlc2.TLC', '-workers', '1', '-deadlock', '-config', 'TwoPhase.cfg', 'TwoPhase.tla'];
  const run = spawnSync('java', args, { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const match = /([\d,]+) states generated, ([\d,]+) distinct states found/.exec(run.stdout);
  if (!match) throw new Error(`TLC printed no count of states:\n${run.stdout}${run.stderr}`);
  const count = (text: string): number => Number(text.replaceAll(',', ''));
  return { generated: count(match[1]!), distinct: count(match[2]!), seconds };
}

/** The mean packed size of the first states of a search (the derived layout's own sample), in each encoding. */
function meanPackedBytes(rms: number, encoding: StateEncoding): number {
  const instance = twoPhase.build({ rms });
  const { codec } = stateCodec(instance, encoding, () => undefined) as { codec: Codec<unknown> };
  const generic = genericCodec<TwoPhase>(instance.initialStates);
  const sample = unpackSample(sampleStates(instance, generic, () => undefined), generic);
  const out = new ByteWriter();
  for (const state of sample) codec.encode(state, out);
  return out.length / sample.length;
}

export async function benchTwoPhase(rms: number): Promise<void> {
  const missing = tlcMissing();
  const dir = missing ? undefined : mkdtempSync(path.join(tmpdir(), 'cocomc-tlc-'));
  if (dir) {
    writeFileSync(path.join(dir, 'TwoPhase.tla'), TWO_PHASE_TLA);
    writeFileSync(path.join(dir, 'TwoPhase.cfg'), twoPhaseCfg(rms));
  }
  try {
    const derived: CheckResult[] = [];
    const generic: CheckResult[] = [];
    const tlc: TlcRun[] = [];
    await alternate(() => {
      derived.push(measure('twophase', { rms }, 1, { stateEncoding: 'derived' }));
      generic.push(measure('twophase', { rms }, 1, { stateEncoding: 'generic' }));
      if (dir) tlc.push(runTlc(dir));
    });
    const reference = dir ? median(tlc).seconds : undefined;
    // Against TLC's own run when there is one (states generated too), else its published distinct states.
    const want = dir ? { distinct: median(tlc).distinct, generated: median(tlc).generated } : { distinct: TLC_DISTINCT[rms], generated: undefined };
    const exact = (distinct: number, generated: number): string =>
      want.distinct === undefined ? '' : distinct === want.distinct && (want.generated ?? generated) === generated ? 'as TLC' : `WRONG (TLC: ${want.distinct}/${want.generated ?? '?'})`;
    const speed = (seconds: number): string => (reference === undefined ? '' : `${(reference / seconds).toFixed(2)}x`);
    const rows = ([['derived', median(derived)], ['generic', median(generic)]] as const).map(([encoding, r]) => [
      `twophase rms=${rms}`, `cocomc 1 worker, ${encoding}`, r.distinctStates, r.statesGenerated, exact(r.distinctStates, r.statesGenerated),
      r.seconds.toFixed(2), (r.peakMemoryBytes / 2 ** 20).toFixed(0), meanPackedBytes(rms, encoding).toFixed(1), speed(r.seconds),
    ]);
    if (dir) {
      const t = median(tlc);
      rows.push([`twophase rms=${rms}`, 'TLC -workers 1', t.distinct, t.generated, '', t.seconds.toFixed(2), '', '', '1.00x']);
    }
    printTable(
      `Two-phase commit, no codec of its own: the derived layout against the generic encoding${dir ? ' and TLC; speed: TLC time / time' : ''}; MiB: peak RSS; packed B: mean bytes of a packed state`,
      ['model', 'checker', 'distinct', 'generated', 'counts', 'seconds', 'MiB', 'packed B', 'speed'],
      rows,
    );
    console.log(`derived / generic: ${(median(generic).seconds / median(derived).seconds).toFixed(2)}x faster`);
    if (missing) console.log(`TLC comparison skipped: ${missing}.`);
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
