import { readFileSync } from 'node:fs';
import { BUNDLE_MEDIA_TYPES, BundleError, parseBundle } from '../bundle.js';
import { corpusPath } from '../../../../test/support/corpora.js';
import { existsSync } from 'node:fs';

const happy = corpusPath('sigstore-conformance', 'bundle-verify', 'happy-path-v0.3', 'bundle.sigstore.json');
const maybe = existsSync(happy) ? it : it.skip;

describe('parseBundle', () => {
  maybe('accepts every supported media type spelling and rejects others', () => {
    const json = JSON.parse(readFileSync(happy, 'utf8'));
    for (const mediaType of BUNDLE_MEDIA_TYPES.slice(2)) {
      expect(parseBundle(JSON.stringify({ ...json, mediaType })).mediaType).toBe(mediaType);
    }
    for (const mediaType of [
      'application/vnd.dev.sigstore.bundle.v0.4+json',
      'application/vnd.dev.sigstore.bundle+json;version=0.3.1',
      undefined,
    ]) {
      expect(() => parseBundle(JSON.stringify({ ...json, mediaType }))).toThrow(/unsupported bundle mediaType/);
    }
  });

  it('turns malformed input into a BundleError', () => {
    expect(() => parseBundle('[]')).toThrow(BundleError);
    expect(() => parseBundle('{"mediaType": "application/vnd.dev.sigstore.bundle.v0.3+json"}')).toThrow(/malformed/);
    expect(() => parseBundle('nope')).toThrow(/not valid JSON/);
  });
});
