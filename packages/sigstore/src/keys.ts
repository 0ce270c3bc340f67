import { createPublicKey, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError, describeError } from '@gatehouse/findings';

/** Key or certificate inputs take PEM text or a path to a file holding it. */
export function pemFromInput(input: string, value: string, cwd: string): string {
  const text = value.trim();
  if (text.startsWith('-----BEGIN ')) return `${text}\n`;
  const path = resolve(cwd, text);
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new UsageError(`Input '${input}' is neither PEM text nor a path to a file (not found: ${text}).`);
  }
  const content = readFileSync(path, 'utf8');
  if (!content.includes('-----BEGIN ')) throw new UsageError(`Input '${input}': ${text} does not hold a PEM block.`);
  return content;
}

export function parsePublicKey(input: string, pem: string): KeyObject {
  try {
    return createPublicKey(pem);
  } catch (error) {
    throw new UsageError(`Input '${input}' is not a usable public key (${describeError(error)}).`);
  }
}
