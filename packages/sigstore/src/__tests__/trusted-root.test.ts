import { UsageError } from '@gatehouse/findings';
import { parseTrustedRoot } from '../trusted-root.js';
import { seededPublicGoodTrustedRoot } from '../public-good.js';
import { TrustedRoot } from '@sigstore/protobuf-specs';

const seeded = (): Record<string, any> => TrustedRoot.toJSON(seededPublicGoodTrustedRoot().root) as Record<string, any>;

describe('parseTrustedRoot', () => {
  it('accepts the public-good root shipped in @sigstore/tuf', () => {
    const root = seededPublicGoodTrustedRoot().root;
    expect(root.tlogs.length).toBeGreaterThan(0);
    expect(root.certificateAuthorities.length).toBeGreaterThan(0);
  });

  it.each([
    [
      'a tlog key without validFor.start',
      (json: any) => delete json.tlogs[0].publicKey.validFor.start,
      /tlogs\[0\] public key has no validFor.start/,
    ],
    ['a ctlog without a key', (json: any) => delete json.ctlogs[0].publicKey, /ctlogs\[0\] has no public key/],
    [
      'an undecodable tlog key',
      (json: any) => (json.tlogs[0].publicKey.rawBytes = 'AAAA'),
      /tlogs\[0\] public key cannot be decoded/,
    ],
    [
      'a CA with an empty chain',
      (json: any) => (json.certificateAuthorities[0].certChain.certificates = []),
      /empty certificate chain/,
    ],
    [
      'an unknown mediaType',
      (json: any) => (json.mediaType = 'application/vnd.dev.sigstore.trustedroot.v9+json'),
      /unsupported mediaType/,
    ],
  ])('rejects %s', (_name, change, message) => {
    const json = seeded();
    change(json);
    expect(() => parseTrustedRoot(JSON.stringify(json), 'root.json')).toThrow(UsageError);
    expect(() => parseTrustedRoot(JSON.stringify(json), 'root.json')).toThrow(message);
  });

  it('rejects text that is not JSON, naming the input', () => {
    expect(() => parseTrustedRoot('{', 'root.json')).toThrow(
      /^Input 'trusted-root': root.json is not a usable trusted root: invalid JSON/,
    );
  });
});
