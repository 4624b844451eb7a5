/**
 * Peterson's mutual exclusion for two processes, and a naive lock that only raises a flag.
 * Peterson's keeps mutual exclusion and lets each process reach its critical section, and under
 * weak fairness of both processes neither starves; the naive lock lets both in (its shortest
 * counterexample: both check, then both raise their flags).
 */
import { always, defineModel, leadsTo, sometimes, type Action, type Property } from '../src/model.js';

type Pc = 'idle' | 'setTurn' | 'wait' | 'cs';

export interface Mutex {
  pc: [Pc, Pc];
  flag: [boolean, boolean];
  turn: 0 | 1;
}

const processes = [0, 1] as const;
const other = (i: 0 | 1): 0 | 1 => (i === 0 ? 1 : 0);
const initial: Mutex = { pc: ['idle', 'idle'], flag: [false, false], turn: 0 };

const mutexProperties: Property<Mutex>[] = [
  always('MutualExclusion', (s) => !(s.pc[0] === 'cs' && s.pc[1] === 'cs'), 'never both processes in the critical section'),
  ...processes.map((i) => sometimes<Mutex>(`P${i}EntersCritical`, (s) => s.pc[i] === 'cs', `process ${i} can reach its critical section`)),
];

/**
 * Starvation freedom: a process outside its critical section gets there. An idle process's only
 * step is to ask (raise its flag), so an idle one is one about to ask: without fairness it may
 * never be scheduled while the other enters and leaves forever.
 */
const starvationFreedom: Property<Mutex>[] = processes.map((i) =>
  leadsTo<Mutex>(`P${i}NeverStarves`, (s) => s.pc[i] !== 'cs', (s) => s.pc[i] === 'cs', `process ${i}, outside its critical section, reaches it`));

function petersonActions(i: 0 | 1): Action<Mutex>[] {
  const j = other(i);
  const actor = `P${i}`;
  return [
    { name: 'raiseFlag', actor, guard: (s) => s.pc[i] === 'idle', recipe: (s) => { s.flag[i] = true; s.pc[i] = 'setTurn'; } },
    { name: 'giveTurn', actor, guard: (s) => s.pc[i] === 'setTurn', recipe: (s) => { s.turn = j; s.pc[i] = 'wait'; } },
    { name: 'enter', actor, guard: (s) => s.pc[i] === 'wait' && (!s.flag[j] || s.turn === i), recipe: (s) => { s.pc[i] = 'cs'; } },
    { name: 'leave', actor, guard: (s) => s.pc[i] === 'cs', recipe: (s) => { s.flag[i] = false; s.pc[i] = 'idle'; } },
  ];
}

/** The flag-only lock: check the other's flag, then raise one's own (the race is between the two). */
function naiveActions(i: 0 | 1): Action<Mutex>[] {
  const j = other(i);
  const actor = `P${i}`;
  return [
    { name: 'checkFlag', actor, guard: (s) => s.pc[i] === 'idle' && !s.flag[j], recipe: (s) => { s.pc[i] = 'setTurn'; } },
    { name: 'raiseFlag', actor, guard: (s) => s.pc[i] === 'setTurn', recipe: (s) => { s.flag[i] = true; s.pc[i] = 'cs'; } },
    { name: 'leave', actor, guard: (s) => s.pc[i] === 'cs', recipe: (s) => { s.flag[i] = false; s.pc[i] = 'idle'; } },
  ];
}

export const peterson = defineModel({
  name: 'peterson',
  summary: "Peterson's mutual exclusion for 2 processes: mutual exclusion holds, both can enter, neither starves",
  module: import.meta.url,
  params: {},
  build: () => ({
    initialStates: [initial],
    actions: processes.flatMap(petersonActions),
    properties: [...mutexProperties, ...starvationFreedom],
    isFinal: () => false,
    fairness: processes.map((i) => ({ actor: `P${i}`, kind: 'weak' as const })),
  }),
});

export const naiveLock = defineModel({
  name: 'naivelock',
  summary: 'a flag-only lock for 2 processes: mutual exclusion fails',
  module: import.meta.url,
  params: {},
  build: () => ({
    initialStates: [initial],
    actions: processes.flatMap(naiveActions),
    properties: mutexProperties,
    isFinal: () => false,
  }),
});
