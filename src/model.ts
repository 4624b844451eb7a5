/**
 * The model API: what a model's author writes.
 *
 * A model is a module that exports the result of `defineModel`: its parameters, and a `build`
 * function that turns resolved parameters into initial states, actions and properties. States are
 * plain data (objects, arrays, strings, numbers, booleans, null); actions are immer recipes.
 *
 * Note: the order of `initialStates` and `actions` must be deterministic for the same parameters:
 * traces are stored as action indices and replayed.
 */
import type { Draft, Immutable } from 'immer';
import type { ParamSpecs, ParamsOf, RawValue } from './params.js';
import type { Codec } from './codec.js';

export type { Draft, Immutable };

/** Fields every action has: what it is called, who takes it, and how a trace prints it. */
interface ActionBase<S> {
  /** The action's name, as coverage and traces print it (`raiseFlag`). */
  readonly name: string;
  /** Who takes it: reports draw one lane per actor (`P0`, `TM`). */
  readonly actor: string;
  /** What tells this instance from others of the same name (`rm 2`); empty when absent. */
  readonly args?: string;
  /**
   * The step of the model's protocol this action is, numbered as the model numbers it (`'3'`, or
   * `'3/7'`); reports show it beside the action. Absent for an action that is no numbered step.
   */
  readonly step?: string;
  /** Whether the action is enabled in a state; always enabled when absent. */
  readonly guard?: (state: Immutable<S>) => boolean;
  /** The line a trace prints for this step, from the states before and after it. */
  readonly describe?: (before: Immutable<S>, after: Immutable<S>) => string;
}

/** An action whose effect is an immer recipe: it mutates a draft (or returns a replacement). */
export interface RecipeAction<S> extends ActionBase<S> {
  /**
   * The effect. Note: the engine runs it on a private scratch copy of the state, which behaves
   * like a draft for recipes that only read and write it; do not call immer's `original` or
   * `current` on it.
   */
  readonly recipe: (draft: Draft<S>) => void | S;
}

/** An action whose effect is a successor function: it returns a new state and mutates nothing. */
export interface SuccessorAction<S> extends ActionBase<S> {
  readonly next: (state: Immutable<S>) => S;
}

/** One action of a model: a guard, an effect and a name. */
export type Action<S> = RecipeAction<S> | SuccessorAction<S>;

/** What a property asks of `holds`: of every reachable state, of some, or of every fair behaviour. */
export type PropertyKind = 'always' | 'sometimes' | 'eventually' | 'leadsTo';

/** A named predicate over states, of one of four kinds. */
export interface Property<S> {
  /** The name reports and `--property` use. */
  readonly name: string;
  /**
   * `always`: an invariant, true in every reachable state; `sometimes`: true in some reachable
   * state; `eventually`: every fair behaviour reaches a state where it is true; `leadsTo`: every
   * fair behaviour that passes a state where `from` is true reaches, then or later, one where
   * `holds` is (TLA+'s `from ~> holds`).
   */
  readonly kind: PropertyKind;
  /** The predicate. */
  readonly holds: (state: Immutable<S>) => boolean;
  /** `leadsTo` only: the condition that must be followed by `holds`. */
  readonly from?: (state: Immutable<S>) => boolean;
  /** One line on what the property stands for. */
  readonly doc?: string;
  /** Checked only when named (`--property`), not by default: for a property that would change a model's default results. */
  readonly onlyWhenNamed?: boolean;
}

/** Whether a property is about behaviours (checked on the state graph after the search) rather than single states. */
export const isLiveness = (property: Pick<Property<unknown>, 'kind'>): boolean => property.kind === 'eventually' || property.kind === 'leadsTo';

/** Returns an invariant: `holds` must be true in every reachable state. */
export function always<S>(name: string, holds: (state: Immutable<S>) => boolean, doc?: string): Property<S> {
  return { name, kind: 'always', holds, doc };
}

/** Returns a reachability property: some reachable state must satisfy `holds` (Stateright's `sometimes`). */
export function sometimes<S>(name: string, holds: (state: Immutable<S>) => boolean, doc?: string): Property<S> {
  return { name, kind: 'sometimes', holds, doc };
}

/**
 * Every fair behaviour reaches a state where `holds` is true (TLA+'s `<>holds`): no fair infinite
 * behaviour from an initial state avoids it. See `Fairness` for which behaviours are fair.
 */
export function eventually<S>(name: string, holds: (state: Immutable<S>) => boolean, doc?: string): Property<S> {
  return { name, kind: 'eventually', holds, doc };
}

/**
 * Every fair behaviour that passes a state where `from` is true reaches, in that state or later,
 * one where `to` is true (TLA+'s `from ~> to`): starvation freedom, a request that is answered.
 */
export function leadsTo<S>(name: string, from: (state: Immutable<S>) => boolean, to: (state: Immutable<S>) => boolean, doc?: string): Property<S> {
  return { name, kind: 'leadsTo', holds: to, from, doc };
}

/**
 * A fairness assumption on a group of actions: those of `actor`, or those named `action` (or one
 * of the names `action` lists), of `actor` and with `args` when given. The group is enabled in a state if any of its actions is,
 * and taken by a step if the step is one of its actions. A behaviour (an infinite sequence of
 * steps; a state where no action is enabled repeats forever) is weakly fair to the group (TLA+'s
 * WF) if the group is not enabled in every state from some point on without being taken
 * infinitely often; strongly fair (SF) if the group is not enabled infinitely often without being
 * taken infinitely often. Liveness properties are checked over fair behaviours only.
 */
export interface Fairness {
  readonly actor?: string;
  readonly action?: string | readonly string[];
  readonly args?: string;
  readonly kind: 'weak' | 'strong';
  /** What reports call the group: by default its actor, action and args (`P0`, `enter`, `P1 enter`). */
  readonly name?: string;
}

/** A model with its parameters resolved: everything the engine explores. */
export interface ModelInstance<S> {
  /** The states the search starts from, in a deterministic order. */
  readonly initialStates: readonly S[];
  /** Every action, in a deterministic order; an action's index is its identity in traces. */
  readonly actions: readonly Action<S>[];
  /** The properties checked by default (all of them unless `--property` narrows). */
  readonly properties: readonly Property<S>[];
  /** Legitimate final states; when given, a non-final state with no enabled action is a deadlock. */
  readonly isFinal?: (state: Immutable<S>) => boolean;
  /** The lanes reports draw, in order; by default the actors in order of first action. */
  readonly actors?: readonly string[];
  /**
   * Maps a state to the representative of its symmetry class; used only with `--symmetry`, and only
   * when the codec has no `canonicalBytes` (the same job on packed bytes, which spares an object per successor).
   */
  readonly canonicalize?: (state: Immutable<S>) => S;
  /** A faster encoding than the generic one; it must be canonical (equal states, equal bytes). */
  readonly codec?: Codec<S>;
  /** The fairness liveness properties assume (none by default); `--fairness` overrides it. */
  readonly fairness?: readonly Fairness[];
  /** The configuration reports show: the parameters with derived defaults filled in; the parameters by default. */
  readonly configuration?: Readonly<Record<string, unknown>>;
}

/**
 * What `cocomc sweep` permutes: a list parameter, the sequence whose sub-sequences in every order
 * it checks, and the configuration it checks them in by default.
 */
export interface SweepSpec {
  /** The list parameter that takes each sequence (`steps`). */
  readonly param: string;
  /** The items, in their reference order (the protocol as published). */
  readonly base: readonly string[];
  /** Parameters the sweep sets unless the user does (the smallest scope that shows every hazard). */
  readonly defaults?: Readonly<Record<string, RawValue>>;
}

/** One axis of `cocomc matrix`: named values, each a set of parameters. */
export interface MatrixAxis {
  readonly name: string;
  readonly values: readonly { readonly label: string; readonly params: Readonly<Record<string, RawValue>> }[];
}

/** A model: its name, its parameters and how to build it. What a model module exports. */
export interface ModelDefinition<Specs extends ParamSpecs = ParamSpecs, S = unknown> {
  /** The name the CLI uses: `cocomc check NAME`. */
  readonly name: string;
  /** One line saying what the model is. */
  readonly summary: string;
  /** `import.meta.url` of the defining module, so that worker threads can load the model too. */
  readonly module: string;
  /** The parameters, each a CLI flag named after it. */
  readonly params: Specs;
  /** Rejects a combination of parameters: returns the one-line reason, or undefined when valid. */
  readonly validate?: (params: ParamsOf<Specs>) => string | undefined;
  /** Builds the model for resolved, validated parameters. */
  readonly build: (params: ParamsOf<Specs>) => ModelInstance<S>;
  /** The ordering sweep this model supports, if any. */
  readonly sweep?: SweepSpec;
  /** The axes of this model's comparison matrix (rows first), if any. */
  readonly matrix?: readonly MatrixAxis[];
  /**
   * More of the model's own documentation, which `list` and `help` print after its parameters:
   * lines, without indentation (for instance what a named choice stands for).
   */
  readonly notes?: () => readonly string[];
}

/** Any model definition, whatever its parameters and state. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyModel = ModelDefinition<any, any>;

/**
 * The first model defined under each module and name in this thread: the one another thread finds
 * when it imports that module, since a module defines its exports as it loads. Kept on the global
 * object, as every copy of this module in a thread must share it: a model that imports 'cocomc'
 * gets the built package while a caller (a test, say) may run from the sources.
 */
const registry = Symbol.for('cocomc.firstModelDefinitions');
const firstDefinitions: Map<string, AnyModel> = ((globalThis as Record<symbol, unknown>)[registry] ??= new Map<string, AnyModel>()) as Map<string, AnyModel>;
const definitionKey = (model: AnyModel): string => `${model.module}#${model.name}`;

/** Defines a model; otherwise the identity function, there to infer the parameter and state types. */
export function defineModel<Specs extends ParamSpecs, S>(definition: ModelDefinition<Specs, S>): ModelDefinition<Specs, S> {
  if (!firstDefinitions.has(definitionKey(definition))) firstDefinitions.set(definitionKey(definition), definition);
  return definition;
}

/** An action as messages name it: `action 'leave' (rm 2) of P1`. */
export function describeAction(action: Pick<Action<unknown>, 'name' | 'actor' | 'args'>): string {
  return `action '${action.name}'${action.args ? ` (${action.args})` : ''} of ${action.actor}`;
}

/** The lanes of a swimlane view: the model's own, else its actors in order of first action. */
export function actorsOf(instance: ModelInstance<unknown>): string[] {
  return instance.actors ? [...instance.actors] : [...new Set(instance.actions.map((a) => a.actor))];
}

/**
 * Whether a thread that imports `model.module` finds this very model under its name: true for the
 * model a module defines, false for a copy made from it (`{ ...model, build }`), which a thread
 * rebuilding the model from its module would silently replace by the original.
 */
export function threadsRebuild(model: AnyModel): boolean {
  return firstDefinitions.get(definitionKey(model)) === model;
}
