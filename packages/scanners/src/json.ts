import { UsageError } from '@gatehouse/findings';

export type JsonObject = Record<string, unknown>;

/** The formats readReport accepts, for error messages. */
export const EXPECTED_FORMATS =
  'SARIF 2.1.0, Trivy JSON, Grype JSON, osv-scanner JSON, npm audit JSON, or Gatehouse findings JSON';

/** Parses a report's bytes, failing with one line that names the file (a truncated report lands here). */
export function parseJson(content: string | Buffer, source: string, expected = EXPECTED_FORMATS): unknown {
  let text = typeof content === 'string' ? content : content.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!text.trim()) throw new UsageError(`${source}: the file is empty; expected ${expected}`);
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UsageError(`${source}: not valid JSON (truncated or malformed: ${reason}); expected ${expected}`);
  }
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asObject(value: unknown): JsonObject | undefined {
  return isObject(value) ? value : undefined;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

export function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Strings only, empty ones dropped. */
export function asStrings(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === 'string' && item.trim() !== '');
}

/**
 * Reads the structure a reader relies on: an array of objects that may be absent (→ []) but, when
 * present, must have that shape. A wrong shape is a usage error, never a silently empty result.
 */
export class Shape {
  constructor(
    readonly source: string,
    readonly format: string,
  ) {}

  fail(path: string, problem: string): never {
    throw new UsageError(`${this.source}: not a valid ${this.format} report: ${path} ${problem}`);
  }

  objects(value: unknown, path: string): JsonObject[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) this.fail(path, 'is not an array');
    value.forEach((item, index) => {
      if (!isObject(item)) this.fail(`${path}[${index}]`, 'is not an object');
    });
    return value as JsonObject[];
  }

  object(value: unknown, path: string): JsonObject | undefined {
    if (value === undefined || value === null) return undefined;
    if (!isObject(value)) this.fail(path, 'is not an object');
    return value;
  }
}

/** Unique, in first-seen order. */
export function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}
