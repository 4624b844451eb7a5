/**
 * DieHard: the jugs puzzle from the film, as in the textbook TLA+ spec. A 3-gallon and a
 * 5-gallon jug can be filled, emptied and poured into each other; the invariant `big /= 4`
 * fails, and its shortest counterexample (6 steps) is the puzzle's solution.
 * TLC: 16 distinct states, 97 states generated.
 *
 * Filling and emptying are written as successor functions (`next`), as TLA+ writes them
 * (`small' = 3, big' = big`); pouring, which reads and writes both jugs, as an immer recipe. A model
 * may mix the two kinds; this one shows both.
 */
import { always, defineModel, type Action } from '../src/model.js';

export interface Jugs {
  small: number;
  big: number;
}

const SMALL = 3;
const BIG = 5;

const capacity: Jugs = { small: SMALL, big: BIG };

/** Pours one jug into the other until the first is empty or the second is full. */
function pour(from: keyof Jugs, to: keyof Jugs, name: string): Action<Jugs> {
  return {
    name,
    actor: 'jugs',
    recipe: (s) => {
      const poured = Math.min(s[from], capacity[to] - s[to]);
      s[from] -= poured;
      s[to] += poured;
    },
  };
}

const actions: Action<Jugs>[] = [
  { name: 'FillSmall', actor: 'jugs', next: (s) => ({ small: SMALL, big: s.big }) },
  { name: 'FillBig', actor: 'jugs', next: (s) => ({ small: s.small, big: BIG }) },
  { name: 'EmptySmall', actor: 'jugs', next: (s) => ({ small: 0, big: s.big }) },
  { name: 'EmptyBig', actor: 'jugs', next: (s) => ({ small: s.small, big: 0 }) },
  pour('small', 'big', 'SmallToBig'),
  pour('big', 'small', 'BigToSmall'),
];

export const dieHard = defineModel({
  name: 'diehard',
  summary: 'the DieHard jugs puzzle (3 and 5 gallons); the invariant big /= 4 fails in 6 steps',
  module: import.meta.url,
  params: {},
  build: () => ({
    initialStates: [{ small: 0, big: 0 }],
    actions,
    properties: [always<Jugs>('NotSolved', (s) => s.big !== 4, 'the big jug never holds exactly 4 gallons')],
  }),
});
