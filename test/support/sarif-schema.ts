import { readFileSync } from 'node:fs';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { corpusPath } from './corpora.js';

/** A validator for the official SARIF 2.1.0 schema from the corpora (draft-04 JSON Schema). */
export function sarifValidator(): (log: unknown) => string[] {
  const schema = JSON.parse(readFileSync(corpusPath('scanner-outputs', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false });
  (addFormats as unknown as (ajv: Ajv) => void)(ajv);
  const validate = ajv.compile(schema);
  return (log) => (validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
}
