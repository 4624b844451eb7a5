/**
 * cocomc's public API: define a model, check it, read the result. Everything a user imports
 * comes from here.
 */
export { defineModel, always, sometimes, eventually, leadsTo } from './model.js';
export type { Action, RecipeAction, SuccessorAction, Property, PropertyKind, Fairness, ModelInstance, ModelDefinition, AnyModel, Draft, Immutable } from './model.js';
export { param } from './params.js';
export type { ParamSpec, ParamSpecs, ParamsOf } from './params.js';
export { ByteReader, ByteWriter } from './codec.js';
export type { Codec } from './codec.js';
export { check } from './check.js';
export { DEADLOCK } from './checkedProperties.js';
export type { CheckOptions } from './check.js';
export type { Progress } from './bfs.js';
export { verdictOf } from './result.js';
export type { CheckResult, PropertyResult, PropertyStatus, TraceStep, Change, ActionCoverage, StopReason, FairnessResult } from './result.js';
export { applyAction, isEnabled } from './trace.js';
export { ExitCode, UsageError, ModelError } from './errors.js';
export { sweep } from './sweep/sweep.js';
export type { SweepResult, SequenceResult, Witness } from './sweep/sweep.js';
export { confirm } from './sweep/confirm.js';
export type { ConfirmResult } from './sweep/confirm.js';
export { matrix } from './matrix.js';
export type { MatrixResult, MatrixCell } from './matrix.js';
export { merge } from './sweep/merge.js';
export type { MergedStudy } from './sweep/merge.js';
export type { ShardPart, SweepShard, MatrixShard, JobIdentity } from './sweep/shardPart.js';
export type { Violation, CheckSummary } from './manyChecks.js';
export type { SweepSpec, MatrixAxis } from './model.js';
export { simulate } from './walks/simulate.js';
export { replay } from './walks/replay.js';
export type { ReplayOptions, ReplayResult, ReplayStep, ReplayMismatch, NamedAction, Difference } from './walks/replay.js';
export { readItf } from './report/itfRead.js';
export type { ReadState } from './report/itfRead.js';
export type { SimulateOptions } from './walks/simulate.js';
export type { SimulationResult, SimulationViolation, UntracedViolation, WalkCoverage } from './walks/simulationResult.js';
export { formatReport, formatTrace } from './report/text.js';
export { renderHtml } from './report/html.js';
export { toItf } from './report/itf.js';
export { renderDot } from './report/dot.js';
export { collectStateGraph, STATE_GRAPH_LIMIT } from './stateGraph.js';
export type { StateGraph } from './stateGraph.js';
