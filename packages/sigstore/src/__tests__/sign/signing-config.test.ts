import { UsageError } from '@gatehouse/findings';
import { selectServices } from '../../sign/signing-config.js';

const service = (url: string, majorApiVersion: number, start: string, end?: string) => ({
  url,
  majorApiVersion,
  validFor: { start, ...(end ? { end } : {}) },
  operator: 'example',
});

const config = (overrides: Record<string, unknown> = {}) => ({
  mediaType: 'application/vnd.dev.sigstore.signingconfig.v0.2+json',
  caUrls: [
    service('https://fulcio.old', 1, '2022-01-01T00:00:00Z', '2025-01-01T00:00:00Z'),
    service('https://fulcio.new', 1, '2024-06-01T00:00:00Z'),
  ],
  oidcUrls: [],
  rekorTlogUrls: [
    service('https://rekor.v1', 1, '2021-01-01T00:00:00Z'),
    service('https://rekor.v2', 2, '2025-09-01T00:00:00Z'),
    service('https://rekor.v3', 3, '2025-09-01T00:00:00Z'),
  ],
  rekorTlogConfig: { selector: 'ANY' },
  tsaUrls: [service('https://tsa/api/v1/timestamp', 1, '2025-01-01T00:00:00Z')],
  tsaConfig: { selector: 'ANY' },
  ...overrides,
});

describe('selectServices', () => {
  const now = new Date('2026-06-01T00:00:00Z');

  it('picks the newest valid service with the highest API version we speak', () => {
    expect(selectServices(config(), 'sc.json', now)).toEqual({
      fulcioUrl: 'https://fulcio.new',
      rekor: { url: 'https://rekor.v2', majorApiVersion: 2 },
      tsaUrl: 'https://tsa/api/v1/timestamp',
    });
  });

  it('skips services that have not started or have ended', () => {
    const selected = selectServices(
      config({
        rekorTlogUrls: [
          service('https://rekor.v1', 1, '2021-01-01T00:00:00Z'),
          service('https://rekor.future', 2, '2027-01-01T00:00:00Z'),
        ],
      }),
      'sc.json',
      now,
    );
    expect(selected.rekor).toEqual({ url: 'https://rekor.v1', majorApiVersion: 1 });
    const old = selectServices(config(), 'sc.json', new Date('2024-01-01T00:00:00Z'));
    expect(old.fulcioUrl).toBe('https://fulcio.old');
  });

  it('rejects an unknown media type with one line naming the input', () => {
    expect(() => selectServices(config({ mediaType: 'application/json' }), 'sc.json', now)).toThrow(UsageError);
    expect(() => selectServices(config({ mediaType: 'application/json' }), 'sc.json', now)).toThrow(
      /^Input 'signing-config': sc.json has an unsupported mediaType/,
    );
  });
});
