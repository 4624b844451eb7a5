/**
 * Where a shared level is split between the search thread and the pool's threads. The search
 * thread expands the batches before the split, then numbers the successors of every batch in
 * order, the pool's as they come; the pool's threads expand the batches from the split on. The
 * split is placed so that both end together, from the costs per state last measured: a pool
 * that ends first leaves the search thread numbering alone, one that ends last leaves it waiting.
 * Only who expands which batch depends on it, never a result.
 */

/** Costs per state, in milliseconds, of one shared run. */
export interface RunCosts {
  /** The search thread's expanding. */
  searchExpands: number;
  /** All the search thread does for every state of the run besides expanding its own and waiting: numbering, taking in the pool's results. */
  numbers: number;
  /** The pool's expanding, all its threads together: the time each took, over their number and the states they expanded. */
  poolExpands: number;
}

/**
 * Until a run has been measured: the pool's threads are new, and a new thread's first batches
 * took up to ten times as long as its later ones; numbering costs about a tenth of expanding.
 */
const GUESS = { searchExpands: 1, numbers: 0.1, poolExpandsPerThread: 2 };

/** The fewest batches the pool must have expanded in a run for its costs to count. */
const MEASURED_BATCHES = 3;

export class LevelSplit {
  private costs: RunCosts;

  constructor(private readonly poolThreads: number) {
    this.costs = { searchExpands: GUESS.searchExpands, numbers: GUESS.numbers, poolExpands: GUESS.poolExpandsPerThread / poolThreads };
  }

  /**
   * The first batch of the pool's part of a run whose batches start at `starts` (state indices)
   * and whose states number `states`: at least one batch for the search thread, and one for each
   * thread of the pool.
   */
  splitOf(starts: Uint32Array, states: number): number {
    const { searchExpands, numbers, poolExpands } = this.costs;
    // The search thread's part p (a fraction of the states) and the pool's end together when
    // p (e + n) + (1 - p) n = (1 - p) r.
    const part = Math.min(1, Math.max(0, (poolExpands - numbers) / (searchExpands + poolExpands)));
    let split = 1;
    while (split < starts.length - this.poolThreads && starts[split]! < part * states) split++;
    return split;
  }

  /**
   * Takes a run's costs into account for the next split, half and half with those before, when
   * both sides expanded some of it and the pool at least MEASURED_BATCHES batches: a new thread's
   * first batches are slow while V8 compiles the hot loop, and a split set by them alone gave the
   * search thread most of the next level (95 % of level 6 of a check of 608,520 states, expanded in
   * 512 ms).
   */
  measured(costs: RunCosts, poolBatches: number): void {
    if (poolBatches < MEASURED_BATCHES || !Object.values(costs).every((cost) => Number.isFinite(cost) && cost > 0)) return;
    const before = this.costs;
    this.costs = {
      searchExpands: (before.searchExpands + costs.searchExpands) / 2,
      numbers: (before.numbers + costs.numbers) / 2,
      poolExpands: (before.poolExpands + costs.poolExpands) / 2,
    };
  }
}
