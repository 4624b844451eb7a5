/**
 * CPU 0's program: the protocol compiled into a flat list of atomic micro-steps, and one action per
 * micro-step guarded by the program counter.
 *
 * Layout: the protocol's steps, `return ok`, then (only if some sub-step can fail) the error path
 * and `return error`. A failing sub-step jumps to the start of the error path.
 */
import type { Action } from '../../src/model.js';
import type { CocoConfig } from './config.js';
import { cpuName } from './environment.js';
import { conversionRuns } from './kexec.js';
import { applySubStep, type SubStep } from './platforms/subStep.js';
import type { ProtocolStep } from './protocols.js';
import { alive, range, type CocoState, type Mutable, type View } from './state.js';
import { indexed, STEPS } from './steps.js';

type CocoAction = Action<CocoState>;

/** One atomic action of CPU 0's program. */
interface MicroStep {
  /**
   * The action's name: the step, or the composite step and its sub-step (`clearPresent`,
   * `notify.mapGpa`, `finish.setPresent`, `return`), so that coverage names the step as `--steps` does.
   */
  name: string;
  /** How a listing of the protocol shows it: `notify.mapGpa(shared)`, `flushCache (no-op)`. */
  shown: string;
  /** Where it is in the protocol (`step 6 notify page 1`). */
  args: string;
  /** The number of the protocol step it is part of (`6`); none on the error path or for a return. */
  step?: string;
  /** The start of its trace line (`CPU0 step 6 notify: mapGpa(shared) page 1`). */
  title: string;
  pages: readonly number[];
  run: (s: Mutable) => void;
  describe: (before: View) => string;
  /** The notification sub-step it runs, if any: it may fail (spec 10.8, 10.9). */
  sub?: SubStep;
  /** Part of a `notify` or `finish` step: `nr_shared` is updated after the last such action [K9] (spec 11.3). */
  accounts?: boolean;
}

/** Where a step sits: its number in the protocol (null on the error path), and the composite step it is part of. */
interface Place {
  step: string | null;
  within?: string;
}

/** How a label says where a step sits: `step 6`, or `error path`. */
const whereIs = (place: Place): string => (place.step === null ? 'error path' : `step ${place.step}`);

const CPU0 = cpuName(0);

/** The name, place and trace-line head of a micro-step acting on `pages`. */
function head(config: CocoConfig, place: Place, name: string, call: string, pages: readonly number[], perPage: boolean):
  Pick<MicroStep, 'name' | 'shown' | 'args' | 'title' | 'pages' | 'step'> {
  const page = perPage && config.granularity === 'page' ? ` page ${pages[0]}` : '';
  const within = place.within ? ` ${place.within}` : '';
  return {
    name: place.within ? `${place.within}.${name}` : name,
    shown: place.within ? `${place.within}.${call}` : call,
    args: `${whereIs(place)}${within}${page}`,
    title: `${CPU0} ${whereIs(place)}${place.within ? `${within}:` : ''} ${call}${page}`,
    pages,
    step: place.step ?? undefined,
  };
}

/** Compiles one step into micro-steps: split per page with `granularity: page` (spec 10.11), composites into sub-steps (10.3). */
function compileStep(config: CocoConfig, step: ProtocolStep, place: Place): MicroStep[] {
  const all = range(config.pages);
  const split = (perPage: boolean): (readonly number[])[] =>
    perPage && config.granularity === 'page' ? all.map((p) => [p]) : [all];
  // Spec 10.3: a step with nothing to do here is still one action, which only moves the pc, also
  // with `granularity: page` (10.11 splits the work of a step per page; a no-op has none to split).
  // One action per page instead would move the counts (hyperv-vtom, pages 2, readers 1: 407 states
  // instead of 391).
  const noOp = (name: string): MicroStep => {
    const at = head(config, place, name, `${name} (no-op)`, all, false);
    return { ...at, run: () => {}, describe: () => at.title };
  };

  if (typeof step === 'object') {
    return step.parts.flatMap((part) => compileStep(config, part, { step: place.step, within: step.name }));
  }
  if (step === 'notify' || step === 'prepare' || step === 'finish') {
    const subs = notificationOf(config, step);
    const accounts = step !== 'prepare';
    if (subs.length === 0) return [{ ...noOp(step), accounts }];
    const inner = { step: place.step, within: place.within ?? step };
    const calls = (sub: SubStep): SubStep[] => [sub.precededBy, sub, sub.followedBy].filter((one) => one !== undefined);
    // Page by page, each sub-step covers every page before the next sub-step starts (mapGpa p0, p1,
    // then accept p0, p1): the kernel maps the whole range, then accepts it [B2.2], and validates a
    // batch before the page-state change [B3.2]. Alternating per page would move the counts
    // (tdx before encrypt, pages 2, readers 1: 4,040 states instead of 3,976). A sub-step the kernel
    // runs just before or after another in the same call (Hyper-V's list update) goes with it, chunk
    // by chunk.
    return subs.flatMap((outer) => split(true).flatMap((pages) => calls(outer).map((sub): MicroStep => {
      const at = head(config, inner, sub.name, sub.call, pages, true);
      return { ...at, run: (s) => applySubStep(sub, s, pages), describe: (before) => `${at.title}: ${sub.describe(before, pages)}`, sub, accounts };
    })));
  }
  const definition = STEPS[step];
  if (definition.noOp?.(config)) return [noOp(step)];
  return split(definition.perPage).map((pages): MicroStep => {
    const at = head(config, place, step, step, pages, definition.perPage);
    return { ...at, run: (s) => definition.run(config, s, pages), describe: (before) => `${at.title}: ${definition.describe(config, before, pages)}` };
  });
}

/**
 * The sub-steps of a notification step: `prepare` is the platform's `enc_status_change_prepare()`
 * (before the PTE change), `finish` its `enc_status_change_finish()` (after), `notify` both [B1].
 */
function notificationOf(config: CocoConfig, step: 'notify' | 'prepare' | 'finish'): SubStep[] {
  if (step === 'prepare') return config.guest.encStatusChangePrepare(config);
  if (step === 'finish') return config.guest.encStatusChangeFinish(config);
  return [...config.guest.encStatusChangePrepare(config), ...config.guest.encStatusChangeFinish(config)];
}

/** `return ok` or `return error` is an action of its own; the caller's behaviour starts after it (spec 10.4). */
function returnStep(result: 'ok' | 'error'): MicroStep {
  const title = `${CPU0} return ${result}`;
  return { name: 'return', shown: `return ${result}`, args: result, title, pages: [], run: (s) => { s.result = result; }, describe: () => title };
}

/** With `pfnLookup: requires-present` a sub-step that needs PFNs can fail (spec 10.9). */
const lookupMayFail = (config: CocoConfig, sub: SubStep): boolean => sub.needsPfn && config.pfnLookup === 'requires-present';
/** With `hostFailures` a fallible sub-step can fail (spec 10.8). */
const hostMayFail = (config: CocoConfig, sub: SubStep): boolean => sub.fallible && config.hostFailures;

/** vmalloc_to_pfn() finds no page behind a not-present PTE [D3]; slow_virt_to_phys() needs none [D2]. */
const pfnsFound = (s: View, pages: readonly number[]): boolean => pages.every((p) => s.pte[p]!.present);

/**
 * The actions of micro-step `m` at pc `i`: its success, and for a notification sub-step its
 * failures, each of which jumps to `errorStart`.
 */
function actionsAt(config: CocoConfig, m: MicroStep, i: number, errorStart: number): CocoAction[] {
  const runs = conversionRuns(config);
  const at = (s: View): boolean => s.pc === i && s.result === 'running' && runs(s);
  const { sub } = m;
  const checksPfns = sub !== undefined && lookupMayFail(config, sub);
  const lookupOk = (s: View): boolean => !checksPfns || pfnsFound(s, m.pages);
  const success: CocoAction = {
    name: m.name, actor: CPU0, args: m.args, step: m.step,
    guard: (s) => at(s) && lookupOk(s),
    recipe: (s) => {
      m.run(s);
      // A dead guest (an oops in PVALIDATE) stays where it died; a return leaves the pc alone.
      if (alive(s) && s.result === 'running') s.pc = i + 1;
    },
    describe: m.describe,
  };
  if (!sub) return [success];

  // Spec 10.8: a failure at page p leaves the pages before p converted, p converted or not (two
  // successors), the later ones untouched; then the error path.
  const hostFailures = hostMayFail(config, sub) ? m.pages.flatMap((p, j) => [true, false].map((converted): CocoAction => {
    const done = m.pages.slice(0, converted ? j + 1 : j);
    return {
      name: m.name, actor: CPU0, args: `${m.args}, fails at page ${p}, ${converted ? 'converted' : 'not converted'}`,
      // The same protocol step as its success, gone wrong.
      step: m.step,
      guard: (s) => at(s) && lookupOk(s),
      recipe: (s) => {
        applySubStep(sub, s, done);
        sub.onFailure?.undo(s, m.pages);
        s.pc = errorStart;
      },
      describe: (before) =>
        `${m.title} fails at page ${p} (page ${p} ${converted ? 'converted' : 'not converted'}): ${sub.describe(before, done)}` +
        `${sub.onFailure ? `; ${sub.onFailure.what(m.pages)}` : ''} -> error path`,
    };
  })) : [];
  // Spec 10.9: the lookup fails before the hypercall, the host's view unchanged; not a host failure.
  const lookupFailure: CocoAction[] = checksPfns ? [{
    name: m.name, actor: CPU0, args: `${m.args}, PFN lookup fails`, step: m.step,
    guard: (s) => at(s) && !lookupOk(s),
    recipe: (s) => { s.pc = errorStart; },
    describe: (before) => {
      const p = m.pages.find((q) => !before.pte[q]!.present);
      return `${m.title}: vmalloc_to_pfn() finds no page behind not-present ${indexed('pte', [p!])}, the call fails before the hypercall -> error path`;
    },
  }] : [];
  return [success, ...hostFailures, ...lookupFailure];
}

/** The micro-steps of the protocol's success path, before `return ok`. */
const mainSteps = (config: CocoConfig): MicroStep[] =>
  config.protocol.steps.flatMap((step, i) => compileStep(config, step, { step: String(i + 1) }));

/** The actions CPU 0 takes on the success path, as `list` shows a protocol: `unmapAliases, notify.mapGpa(shared), ...`. */
export function protocolListing(config: CocoConfig): string {
  return mainSteps(config).map((m) => m.shown).join(', ');
}

/**
 * TDX's `nr_shared` over the range, from CPU 0's program counter (spec 11.3): `pages` if the range
 * was shared before the conversion xor CPU 0 is past the accounting point on the success path
 * (after the last action of its last `notify` or `finish`, up to and including `return ok`), else 0.
 * A protocol with neither step never updates it [K9].
 */
export function nrSharedOf(config: CocoConfig): (s: View) => number {
  const main = mainSteps(config);
  const point = main.reduce((last, m, i) => (m.accounts ? i + 1 : last), 0);
  const sharedBefore = config.direction === 'encrypt';
  const accounted = (s: View): boolean =>
    point > 0 && s.pc >= point && s.pc <= main.length && (s.result === 'running' || s.result === 'ok');
  return (s) => (sharedBefore !== accounted(s) ? config.pages : 0);
}

/**
 * `-EBUSY` (spec 11.4, `normal` only): once kexec holds `mem_enc_lock` for write, a CPU 0 that has
 * not started fails `down_read_trylock()` and returns [K1]; it is then its only action.
 */
function busyReturn(): CocoAction {
  const title = `${CPU0} return error [-EBUSY]: down_read_trylock(mem_enc_lock) fails, kexec holds it`;
  return {
    name: 'return', actor: CPU0, args: '-EBUSY',
    guard: (s) => s.kx === 1 && s.pc === 0 && s.result === 'running' && alive(s),
    recipe: (s) => { s.result = 'busy'; },
    describe: () => title,
  };
}

/** CPU 0's actions: one per micro-step (plus failures), in program order. */
export function cpu0Actions(config: CocoConfig): CocoAction[] {
  const { protocol } = config;
  const main = mainSteps(config);
  const canFail = main.some(({ sub }) => sub !== undefined && (hostMayFail(config, sub) || lookupMayFail(config, sub)));
  // Without a failure that can reach it, there is no error path to compile.
  const errorPath = canFail
    ? [...protocol.errorPath.flatMap((step) => compileStep(config, step, { step: null })), returnStep('error')]
    : [];
  const program = [...main, returnStep('ok'), ...errorPath];
  const errorStart = main.length + 1;
  return [...program.flatMap((m, i) => actionsAt(config, m, i, errorStart)), ...(config.kexec === 'normal' ? [busyReturn()] : [])];
}
