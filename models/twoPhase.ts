/**
 * Two-phase commit, as in Lamport's `TwoPhase` TLA+ spec (Gray and Lamport, "Consensus on
 * Transaction Commit"): resource managers (RMs) prepare or abort on their own; the transaction
 * manager (TM) collects Prepared messages, then commits once every RM is prepared, or aborts at any
 * time before that. Messages are a set that only grows and is never consumed.
 *
 * Written as a model's author would, with plain arrays, strings and booleans and no codec of its
 * own, so that it measures what the engine does for such models (the layout it derives). The message set is kept as membership flags
 * (one Prepared message per RM, one Commit, one Abort): that is the whole of `Messages` in the spec,
 * and flags are canonical by construction, so two states with the same set are the same state.
 *
 * TLC on the same spec: 6 RMs, 50,816 distinct states (the figure in Lamport's spec); 8 RMs,
 * 1,745,408 distinct states and 18,507,777 states generated.
 */
import { always, defineModel, sometimes, type Action } from '../src/model.js';
import { param } from '../src/params.js';

type RmState = 'working' | 'prepared' | 'committed' | 'aborted';
type TmState = 'init' | 'committed' | 'aborted';

export interface TwoPhase {
  rmState: RmState[];
  tmState: TmState;
  /** The RMs from which the TM has received a Prepared message. */
  tmPrepared: boolean[];
  msgs: {
    /** A Prepared message from RM r has been sent. */
    prepared: boolean[];
    commit: boolean;
    abort: boolean;
  };
}

function initialState(rms: number): TwoPhase {
  return {
    rmState: Array<RmState>(rms).fill('working'),
    tmState: 'init',
    tmPrepared: Array<boolean>(rms).fill(false),
    msgs: { prepared: Array<boolean>(rms).fill(false), commit: false, abort: false },
  };
}

const tmActions: Action<TwoPhase>[] = [
  {
    name: 'TMCommit',
    actor: 'TM',
    guard: (s) => s.tmState === 'init' && s.tmPrepared.every(Boolean),
    recipe: (s) => {
      s.tmState = 'committed';
      s.msgs.commit = true;
    },
  },
  {
    name: 'TMAbort',
    actor: 'TM',
    guard: (s) => s.tmState === 'init',
    recipe: (s) => {
      s.tmState = 'aborted';
      s.msgs.abort = true;
    },
  },
];

function rmActions(r: number): Action<TwoPhase>[] {
  const actor = `RM${r}`;
  const args = `rm ${r}`;
  return [
    {
      name: 'TMRcvPrepared',
      actor: 'TM',
      args,
      guard: (s) => s.tmState === 'init' && s.msgs.prepared[r] === true,
      recipe: (s) => void (s.tmPrepared[r] = true),
    },
    {
      name: 'RMPrepare',
      actor,
      guard: (s) => s.rmState[r] === 'working',
      recipe: (s) => {
        s.rmState[r] = 'prepared';
        s.msgs.prepared[r] = true;
      },
    },
    { name: 'RMChooseToAbort', actor, guard: (s) => s.rmState[r] === 'working', recipe: (s) => void (s.rmState[r] = 'aborted') },
    { name: 'RMRcvCommitMsg', actor, guard: (s) => s.msgs.commit, recipe: (s) => void (s.rmState[r] = 'committed') },
    { name: 'RMRcvAbortMsg', actor, guard: (s) => s.msgs.abort, recipe: (s) => void (s.rmState[r] = 'aborted') },
  ];
}

export const twoPhase = defineModel({
  name: 'twophase',
  summary: "Lamport's two-phase commit (TwoPhase): no RM commits while another aborts",
  module: import.meta.url,
  params: {
    rms: param.int('the number of resource managers', 3, { min: 1, max: 16 }),
  },
  build: ({ rms }) => ({
    initialStates: [initialState(rms)],
    actions: [...tmActions, ...Array.from({ length: rms }, (_, r) => rmActions(r)).flat()],
    actors: ['TM', ...Array.from({ length: rms }, (_, r) => `RM${r}`)],
    properties: [
      always<TwoPhase>(
        'TCConsistent',
        (s) => !(s.rmState.includes('committed') && s.rmState.includes('aborted')),
        'no resource manager has committed while another has aborted',
      ),
      sometimes<TwoPhase>('AllCommitted', (s) => s.rmState.every((r) => r === 'committed'), 'the transaction can commit everywhere'),
    ],
  }),
});
