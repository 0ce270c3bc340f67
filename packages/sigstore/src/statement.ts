import type { Envelope } from '@sigstore/bundle';
import { BundleError } from './bundle.js';
import type { HashName } from './digest.js';

export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
const STATEMENT_TYPES = ['https://in-toto.io/Statement/v1', 'https://in-toto.io/Statement/v0.1'];

export interface InTotoStatement {
  predicateType: string;
  subjects: Array<{ name?: string; digest: Record<string, string> }>;
  /** The digest algorithms the subjects use that we can compute. */
  algorithms: HashName[];
}

/** The in-toto statement inside a DSSE envelope; anything else cannot be bound to an artifact. */
export function readStatement(envelope: Envelope): InTotoStatement {
  if (envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    throw new BundleError(`the DSSE payload type '${envelope.payloadType}' is not an in-toto statement`);
  }
  let json: { _type?: unknown; predicateType?: unknown; subject?: unknown };
  try {
    json = JSON.parse(Buffer.from(envelope.payload).toString('utf8'));
  } catch {
    throw new BundleError('the DSSE payload is not valid JSON');
  }
  if (
    !STATEMENT_TYPES.includes(String(json._type)) ||
    typeof json.predicateType !== 'string' ||
    !Array.isArray(json.subject)
  ) {
    throw new BundleError('the DSSE payload is not an in-toto statement');
  }
  const subjects = (json.subject as unknown[]).filter(
    (item): item is { name?: string; digest: Record<string, string> } =>
      typeof item === 'object' && item !== null && typeof (item as { digest?: unknown }).digest === 'object',
  );
  const algorithms = new Set<HashName>();
  for (const subject of subjects) {
    for (const name of Object.keys(subject.digest))
      if (name === 'sha256' || name === 'sha384' || name === 'sha512') algorithms.add(name);
  }
  return { predicateType: json.predicateType, subjects, algorithms: [...algorithms] };
}

/** True when some subject carries a digest equal to the artifact's (every algorithm it shares must match). */
export function statementMatches(statement: InTotoStatement, digests: ReadonlyMap<HashName, Buffer>): boolean {
  return statement.subjects.some((subject) => {
    let shared = 0;
    for (const [algorithm, digest] of digests) {
      const value = subject.digest[algorithm];
      if (value === undefined) continue;
      if (value.toLowerCase() !== digest.toString('hex')) return false;
      shared++;
    }
    return shared > 0;
  });
}
