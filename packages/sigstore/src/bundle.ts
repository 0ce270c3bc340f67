import { readFile } from 'node:fs/promises';
import {
  BUNDLE_V01_MEDIA_TYPE,
  BUNDLE_V02_MEDIA_TYPE,
  BUNDLE_V03_LEGACY_MEDIA_TYPE,
  BUNDLE_V03_MEDIA_TYPE,
  bundleFromJSON,
  type Bundle,
} from '@sigstore/bundle';
import { describeError } from '@gatehouse/findings';

/** The bundle versions we accept: v0.1, v0.2 and both spellings of v0.3. */
export const BUNDLE_MEDIA_TYPES = [
  BUNDLE_V01_MEDIA_TYPE,
  BUNDLE_V02_MEDIA_TYPE,
  BUNDLE_V03_LEGACY_MEDIA_TYPE,
  BUNDLE_V03_MEDIA_TYPE,
] as const;

/** A bundle that could not be read or is not a bundle we accept: a verification failure, never a skip. */
export class BundleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BundleError';
  }
}

export async function readBundle(path: string): Promise<Bundle> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new BundleError(`cannot read the bundle (${describeError(error)})`);
  }
  return parseBundle(text);
}

export function parseBundle(text: string): Bundle {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BundleError(`the bundle is not valid JSON (${describeError(error)})`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new BundleError('the bundle is not a JSON object');
  }
  const mediaType = (json as { mediaType?: unknown }).mediaType;
  if (typeof mediaType !== 'string' || !(BUNDLE_MEDIA_TYPES as readonly string[]).includes(mediaType)) {
    throw new BundleError(`unsupported bundle mediaType '${String(mediaType ?? '(none)')}'`);
  }
  try {
    return bundleFromJSON(json);
  } catch (error) {
    throw new BundleError(`the bundle is malformed (${describeError(error)})`);
  }
}
