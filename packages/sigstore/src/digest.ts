import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export type HashName = 'sha256' | 'sha384' | 'sha512';

/**
 * One pass over a file feeding every requested hash (and any extra sink, such as a signature
 * verifier); memory stays at one read buffer.
 */
export async function digestFile(
  path: string,
  algorithms: readonly HashName[],
  sinks: ReadonlyArray<{ update(chunk: Buffer): unknown }> = [],
): Promise<Map<HashName, Buffer>> {
  const hashes = [...new Set(algorithms)].map((name) => [name, createHash(name)] as const);
  const stream = createReadStream(path, { highWaterMark: 1024 * 1024 });
  for await (const chunk of stream) {
    for (const [, hash] of hashes) hash.update(chunk as Buffer);
    for (const sink of sinks) sink.update(chunk as Buffer);
  }
  return new Map(hashes.map(([name, hash]) => [name, hash.digest()]));
}

/** `sha256:<hex>` (the way digests are written in inputs and outputs). */
export function formatDigest(algorithm: HashName, digest: Buffer): string {
  return `${algorithm}:${digest.toString('hex')}`;
}

const DIGEST = /^(sha256|sha384|sha512):([0-9a-f]+)$/;
const LENGTH: Record<HashName, number> = { sha256: 64, sha384: 96, sha512: 128 };

export function parseDigest(text: string): { algorithm: HashName; digest: Buffer } | undefined {
  const match = DIGEST.exec(text.trim().toLowerCase());
  if (!match) return undefined;
  const algorithm = match[1] as HashName;
  if (match[2]!.length !== LENGTH[algorithm]) return undefined;
  return { algorithm, digest: Buffer.from(match[2]!, 'hex') };
}
