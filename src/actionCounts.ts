/**
 * Per-action counts as reports show them: one entry per action name, the instances of an action
 * (`leave` of P0 and of P1, say) summed, in order of first appearance.
 */

/** Sums each column (a count per action index) by action name; each entry has the columns' keys, in their order. */
export function countsByActionName<K extends string>(
  actions: readonly { name: string }[],
  columns: Readonly<Record<K, ArrayLike<number>>>,
): ({ action: string } & Record<K, number>)[] {
  const keys = Object.keys(columns) as K[];
  const byName = new Map<string, { action: string } & Record<K, number>>();
  actions.forEach((action, a) => {
    let entry = byName.get(action.name);
    if (!entry) {
      entry = { action: action.name, ...Object.fromEntries(keys.map((key) => [key, 0])) } as { action: string } & Record<K, number>;
      byName.set(action.name, entry);
    }
    for (const key of keys) (entry as Record<K, number>)[key] += columns[key][a]!;
  });
  return [...byName.values()];
}
