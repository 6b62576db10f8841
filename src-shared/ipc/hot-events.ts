/**
 * The trainer's frequent events — `status`, `metrics` (20 a second) and `view` (every weight, ten a second)
 * — checked by hand. The schema (trainer-protocol.ts) stays the definition: this accepts exactly what it
 * accepts (a property test compares them on random mutations of valid events), but costs a typed loop per
 * number instead of zod's jitless per-value machinery, which was most of the page's time while training.
 */
import type { TrainerEvent } from './trainer-protocol';

export type HotCheck =
  | { ok: true; event: TrainerEvent }
  | { ok: false; path: Array<string | number>; message: string };

const STATUSES = new Set(['empty', 'ready', 'training', 'paused', 'stopped']);
const STOP_REASONS = new Set(['criterion', 'max-epochs', 'diverged', 'step-done', 'paused']);

/** Thrown inside the checks, caught once at the top: the path of the first value that is wrong. */
class Refusal {
  constructor(
    readonly path: Array<string | number>,
    readonly message: string,
  ) {}
}

type Path = Array<string | number>;

/**
 * Checks a status, metrics or view event; null for anything else (the schema checks those, and anything
 * that is not an object with one of these types).
 */
export function checkHotEvent(data: unknown): HotCheck | null {
  if (!isObject(data)) return null;
  const type = data.type;
  if (type !== 'status' && type !== 'metrics' && type !== 'view') return null;
  try {
    if (type === 'status') checkStatus(data);
    else if (type === 'metrics') checkMetrics(data);
    else checkView(data);
    return { ok: true, event: data as unknown as TrainerEvent };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, path: error.path, message: error.message };
    throw error;
  }
}

function checkStatus(event: Record<string, unknown>): void {
  onlyKeys(event, STATUS_KEYS, []);
  runId(event.runId);
  if (!STATUSES.has(event.status as string)) refuse(['status'], 'expected one of empty, ready, training, paused, stopped');
  count(event.epoch, 0, ['epoch']);
  if (event.reason !== null && !STOP_REASONS.has(event.reason as string)) refuse(['reason'], 'expected a stop reason or null');
  if (event.message !== null && typeof event.message !== 'string') refuse(['message'], 'expected a string or null');
}

function checkMetrics(event: Record<string, unknown>): void {
  onlyKeys(event, METRICS_KEYS, [], OPTIONAL_METRICS_KEYS);
  runId(event.runId);
  if (event.latest !== null) {
    const latest = event.latest;
    if (!isObject(latest)) refuse(['latest'], 'expected an object or null');
    onlyKeys(latest, LATEST_KEYS, ['latest']);
    count(latest.epoch, 1, ['latest', 'epoch']);
    if (!isFiniteNumber(latest.tss)) refuse(['latest', 'tss'], 'expected a finite number');
    if (!isFiniteNumber(latest.fractionCorrect)) refuse(['latest', 'fractionCorrect'], 'expected a finite number');
  }
  count(event.historyStride, 1, ['historyStride']);
  count(event.firstEpoch, 1, ['firstEpoch']);
  numbers(event.tss, ['tss']);
  numbers(event.fractionCorrect, ['fractionCorrect']);
  if (event.testTss !== null) numbers(event.testTss, ['testTss']);
  count(event.patternsIntoEpoch, 0, ['patternsIntoEpoch']);
  if (event.patternErrors !== undefined) checkPatternErrors(event.patternErrors, ['patternErrors']);
}

function checkPatternErrors(sample: unknown, path: Path): void {
  if (!isObject(sample)) refuse(path, 'expected an object');
  onlyKeys(sample, SAMPLE_KEYS, path);
  count(sample.patterns, 1, [...path, 'patterns']);
  const epochs = array(sample.epochs, [...path, 'epochs']);
  for (let i = 0; i < epochs.length; i++) count(epochs[i], 1, [...path, 'epochs', i]);
  const pss = numbers(sample.pss, [...path, 'pss']);
  if (pss.length !== epochs.length * (sample.patterns as number)) refuse([...path, 'pss'], 'must hold one pss per pattern for each epoch');
}

function checkView(event: Record<string, unknown>): void {
  onlyKeys(event, VIEW_KEYS, []);
  runId(event.runId);
  count(event.epoch, 0, ['epoch']);
  patternResults(event.patterns, ['patterns']);
  if (event.testPatterns !== null) patternResults(event.testPatterns, ['testPatterns']);
  const weights = array(event.weights, ['weights']);
  for (let j = 0; j < weights.length; j++) {
    const matrix = array(weights[j], ['weights', j]);
    for (let r = 0; r < matrix.length; r++) numbers(matrix[r], ['weights', j, r]);
  }
  const biases = array(event.biases, ['biases']);
  for (let j = 0; j < biases.length; j++) numbers(biases[j], ['biases', j]);
}

function patternResults(value: unknown, path: Path): void {
  const results = array(value, path);
  for (let i = 0; i < results.length; i++) {
    const result = results[i];
    if (!isObject(result)) refuse([...path, i], 'expected an object');
    onlyKeys(result, RESULT_KEYS, [...path, i]);
    if (typeof result.name !== 'string') refuse([...path, i, 'name'], 'expected a string');
    numbers(result.output, [...path, i, 'output']);
    const target = array(result.target, [...path, i, 'target']);
    for (let k = 0; k < target.length; k++) {
      if (target[k] !== null && !isFiniteNumber(target[k])) refuse([...path, i, 'target', k], 'expected a finite number or null');
    }
    if (!isFiniteNumber(result.pss)) refuse([...path, i, 'pss'], 'expected a finite number');
    if (typeof result.correct !== 'boolean') refuse([...path, i, 'correct'], 'expected true or false');
  }
}

const STATUS_KEYS = ['type', 'runId', 'status', 'epoch', 'reason', 'message'];
const METRICS_KEYS = ['type', 'runId', 'latest', 'historyStride', 'firstEpoch', 'tss', 'fractionCorrect', 'testTss', 'patternsIntoEpoch'];
const LATEST_KEYS = ['epoch', 'tss', 'fractionCorrect'];
const OPTIONAL_METRICS_KEYS = ['patternErrors'];
const SAMPLE_KEYS = ['patterns', 'epochs', 'pss'];
const VIEW_KEYS = ['type', 'runId', 'epoch', 'patterns', 'testPatterns', 'weights', 'biases'];
const RESULT_KEYS = ['name', 'output', 'target', 'pss', 'correct'];

/** Exactly these keys (a strict object): every required one present, nothing else. */
function onlyKeys(object: Record<string, unknown>, required: readonly string[], path: Path, optional: readonly string[] = []): void {
  for (const key of required) if (!(key in object)) refuse([...path, key], 'is missing');
  for (const key in object) {
    if (!required.includes(key) && !optional.includes(key)) refuse([...path, key], 'is not part of this message');
  }
}

/** A run's id (trainer-protocol.ts's runIdSchema: a string of 1 to 64 characters). */
function runId(value: unknown): void {
  if (typeof value !== 'string') refuse(['runId'], 'expected a string');
  if (value.length < 1 || value.length > 64) refuse(['runId'], 'expected 1 to 64 characters');
}

function array(value: unknown, path: Path): unknown[] {
  if (!Array.isArray(value)) refuse(path, 'expected an array');
  return value;
}

/** An array of finite numbers (zod's z.number() refuses NaN and ±Infinity). */
function numbers(value: unknown, path: Path): unknown[] {
  const list = array(value, path);
  for (let i = 0; i < list.length; i++) if (!isFiniteNumber(list[i])) refuse([...path, i], 'expected a finite number');
  return list;
}

/** A safe integer ≥ min (zod's z.number().int().min(min)). */
function count(value: unknown, min: number, path: Path): void {
  if (!Number.isSafeInteger(value) || (value as number) < min) refuse(path, `expected a whole number ≥ ${min}`);
}

/** A number zod's z.number() accepts: neither NaN nor ±Infinity. */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** A plain object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function refuse(path: Path, message: string): never {
  throw new Refusal(path, message);
}
