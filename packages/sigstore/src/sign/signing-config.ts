import { readFileSync } from 'node:fs';
import { SigningConfig, type Service } from '@sigstore/protobuf-specs';
import { UsageError, describeError } from '@gatehouse/findings';

/** The services a signing_config.json selects for us (one each, per the Sigstore client spec). */
export interface SelectedServices {
  fulcioUrl?: string;
  rekor?: { url: string; majorApiVersion: number };
  tsaUrl?: string;
}

const MAX_API_VERSION = { ca: 1, tlog: 2, tsa: 1 } as const;

export function readSigningConfig(path: string, now = new Date()): SelectedServices {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`Input 'signing-config': cannot read ${path} (${describeError(error)}).`);
  }
  return selectServices(json, path, now);
}

/**
 * Picks, for each kind of service, the one with the highest API version we speak that is valid now
 * and started most recently. A selector other than ANY for Rekor or the TSA is not supported.
 */
export function selectServices(json: unknown, source: string, now = new Date()): SelectedServices {
  let config: SigningConfig;
  try {
    config = SigningConfig.fromJSON(json);
  } catch (error) {
    throw new UsageError(`Input 'signing-config': ${source} is not a signing config (${describeError(error)}).`);
  }
  if (!/^application\/vnd\.dev\.sigstore\.signingconfig\.v0\.[12]\+json$/.test(config.mediaType)) {
    throw new UsageError(
      `Input 'signing-config': ${source} has an unsupported mediaType '${config.mediaType || '(none)'}'.`,
    );
  }
  const ca = pick(config.caUrls, MAX_API_VERSION.ca, now);
  const tlog = pick(config.rekorTlogUrls, MAX_API_VERSION.tlog, now);
  const tsa = pick(config.tsaUrls, MAX_API_VERSION.tsa, now);
  return {
    ...(ca ? { fulcioUrl: ca.url } : {}),
    ...(tlog ? { rekor: { url: tlog.url, majorApiVersion: tlog.majorApiVersion } } : {}),
    ...(tsa ? { tsaUrl: tsa.url } : {}),
  };
}

function pick(services: Service[], maxVersion: number, now: Date): Service | undefined {
  const usable = services.filter(
    (service) =>
      service.majorApiVersion <= maxVersion &&
      (!service.validFor?.start || service.validFor.start <= now) &&
      (!service.validFor?.end || service.validFor.end >= now),
  );
  usable.sort(
    (a, b) =>
      b.majorApiVersion - a.majorApiVersion ||
      (b.validFor?.start?.getTime() ?? 0) - (a.validFor?.start?.getTime() ?? 0),
  );
  return usable[0];
}
