/**
 * The one sentence that says what a trace's last step did: the step's own label (where a model
 * says what went wrong, e.g. which translation and why it is fatal) joined to the property's
 * one-line doc.
 */
import type { PropertyResult } from '../result.js';
import { loopSentence } from './lasso.js';

/** A label or doc without the full stop it may end with, to sit inside a sentence. */
const clause = (text: string): string => text.trim().replace(/[.;:]+$/, '');

/** The property's name followed by its doc, or the name alone. */
function named(property: Pick<PropertyResult, 'name' | 'doc'>): string {
  return property.doc ? `${property.name}: ${clause(property.doc)}` : property.name;
}

/**
 * `Step 4 (P1 raiseFlag) breaks MutualExclusion: never both processes in the critical section.`;
 * for a lasso, what its loop does and the property it breaks.
 */
export function hazardSentence(property: Pick<PropertyResult, 'name' | 'doc' | 'status' | 'trace' | 'loopStart' | 'traceLength'>): string {
  if (property.loopStart !== undefined) return `${clause(loopSentence(property, 'step'))}, which breaks ${named(property)}.`;
  const last = property.trace?.at(-1);
  const verb = property.status === 'witnessed' ? 'reaches' : 'breaks';
  if (!last || last.index === 0) return `The initial state already ${verb} ${named(property)}.`;
  return `Step ${last.index} (${clause(last.label)}) ${verb} ${named(property)}.`;
}
