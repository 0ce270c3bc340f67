import { readFileSync } from 'node:fs';
import * as AjvDraft04 from 'ajv-draft-04';
import * as AjvFormats from 'ajv-formats';
import { corpusPath } from './corpora.js';

interface Validate {
  (data: unknown): boolean;
  errors?: Array<{ instancePath: string; message?: string }> | null;
}
interface AjvLike {
  compile(schema: unknown): Validate;
}
type AjvConstructor = new (options: Record<string, unknown>) => AjvLike;

// Both packages are CommonJS with a `default` export; under ESM interop either shape may arrive.
function interop<T>(module: unknown): T {
  const candidate = module as { default?: unknown };
  return ((candidate.default as { default?: unknown })?.default ?? candidate.default ?? module) as T;
}

/** A validator for the official SARIF 2.1.0 schema from the corpora (draft-04 JSON Schema). */
export function sarifValidator(): (log: unknown) => string[] {
  const schema = JSON.parse(readFileSync(corpusPath('scanner-outputs', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'));
  const Ajv = interop<AjvConstructor>(AjvDraft04);
  const ajv = new Ajv({ allErrors: true, strict: false });
  interop<(ajv: AjvLike) => void>(AjvFormats)(ajv);
  const validate = ajv.compile(schema);
  return (log) => (validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
}
