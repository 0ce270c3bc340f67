import { resolve } from 'node:path';
import { UsageError } from '@gatehouse/findings';

/**
 * Where raw input strings come from: the runner's INPUT_* variables for an action, parsed flags for
 * the CLI. Both fronts read the same inputs through the same parsers, so they give the same result.
 * Returns undefined (or '') for an input that was not given.
 */
export type InputSource = (name: string) => string | undefined;

export interface StringOptions {
  required?: boolean;
  default?: string;
}

const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];

/** Typed readers over an InputSource; a wrong value fails with one line naming the input. */
export class Inputs {
  constructor(
    private readonly source: InputSource,
    /** Relative paths in inputs are resolved against this folder. */
    readonly workspace: string,
  ) {}

  raw(name: string): string | undefined {
    const value = this.source(name);
    return value === undefined || value.trim() === '' ? undefined : value;
  }

  string(name: string, options: StringOptions & { default: string }): string;
  string(name: string, options: StringOptions & { required: true }): string;
  string(name: string, options?: StringOptions): string | undefined;
  string(name: string, options: StringOptions = {}): string | undefined {
    const value = this.raw(name)?.trim();
    if (value !== undefined) return value;
    if (options.required) throw new UsageError(`Input '${name}' is required.`);
    return options.default;
  }

  /** Strict YAML 1.2 core booleans, as the runner's getBooleanInput accepts. */
  boolean(name: string, defaultValue: boolean): boolean {
    const value = this.raw(name)?.trim();
    if (value === undefined) return defaultValue;
    if (TRUE.includes(value)) return true;
    if (FALSE.includes(value)) return false;
    throw new UsageError(`Input '${name}' must be true or false (got '${value}').`);
  }

  enum<T extends string>(name: string, allowed: readonly T[], defaultValue: T): T {
    const value = this.raw(name)?.trim();
    if (value === undefined) return defaultValue;
    const match = allowed.find((candidate) => candidate === value.toLowerCase());
    if (match === undefined) {
      throw new UsageError(`Input '${name}' must be one of ${allowed.join(', ')} (got '${value}').`);
    }
    return match;
  }

  /**
   * A list: one item per line; with `commas`, commas separate too (for values that cannot contain
   * one). Blank lines and surrounding whitespace are dropped.
   */
  list(name: string, options: { commas?: boolean } = {}): string[] {
    const value = this.raw(name);
    if (value === undefined) return [];
    const separator = options.commas ? /[\n,]/ : /\n/;
    return value
      .split(separator)
      .map((item) => item.trim())
      .filter((item) => item.length > 0);
  }

  integer(name: string, defaultValue: number, bounds: { min?: number; max?: number } = {}): number {
    const value = this.raw(name)?.trim();
    if (value === undefined) return defaultValue;
    const parsed = /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
    const min = bounds.min ?? Number.MIN_SAFE_INTEGER;
    const max = bounds.max ?? Number.MAX_SAFE_INTEGER;
    if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
      const range = bounds.min !== undefined || bounds.max !== undefined ? ` between ${min} and ${max}` : '';
      throw new UsageError(`Input '${name}' must be an integer${range} (got '${value}').`);
    }
    return parsed;
  }

  /** A path relative to the workspace, resolved to an absolute path. */
  path(name: string): string | undefined {
    const value = this.string(name);
    return value === undefined ? undefined : resolve(this.workspace, value);
  }
}
