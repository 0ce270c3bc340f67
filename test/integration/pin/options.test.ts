import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Inputs } from '@gatehouse/action-kit/inputs';
import { UsageError } from '@gatehouse/findings';
import { readPinOptions } from '../../../actions/pin/src/options.js';

describe('readPinOptions (shared by actions/pin and gatehouse pin)', () => {
  let workspace: string;
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  const config = JSON.stringify({
    auths: { 'registry.example.com': { auth: Buffer.from(`bot:${password}`).toString('base64') } },
  });
  beforeAll(() => {
    workspace = mkdtempSync(join(tmpdir(), 'pin-options-'));
    writeFileSync(join(workspace, 'docker-config.json'), config);
  });
  afterAll(() => rmSync(workspace, { recursive: true, force: true }));

  const read = (values: Record<string, string>) => readPinOptions(new Inputs((name) => values[name], workspace));

  it('applies the defaults', () => {
    const options = read({});
    expect(options.pin).toMatchObject({
      workspace,
      paths: [],
      mode: 'check',
      trustedRegistries: [],
      requireDigest: true,
      requireActionSha: true,
      allow: [],
    });
    expect(options.secrets).toEqual([]);
    expect(options.sarifOutput).toBeUndefined();
  });

  it('reads lists (commas where a value cannot hold one) and booleans', () => {
    const options = read({
      paths: 'Dockerfile\n**/*.yaml',
      'trusted-registries': 'ghcr.io, *.example.com\ndocker.io',
      allow: 'my-org/*',
      'require-digest': 'false',
      mode: 'FIX',
    });
    expect(options.pin).toMatchObject({
      paths: ['Dockerfile', '**/*.yaml'],
      trustedRegistries: ['ghcr.io', '*.example.com', 'docker.io'],
      allow: ['my-org/*'],
      requireDigest: false,
      mode: 'fix',
    });
  });

  it('takes registry-auth as JSON or as a path, and returns its secrets for masking', () => {
    expect(read({ 'registry-auth': config }).secrets).toContain(password);
    expect(read({ 'registry-auth': 'docker-config.json' }).secrets).toContain(password);
    expect(read({ 'registry-auth': 'docker-config.json', 'github-token': 'ghs_abc' }).secrets).toContain('ghs_abc');
  });

  it.each([
    [{ mode: 'rewrite' }, "Input 'mode' must be one of check, fix (got 'rewrite')."],
    [{ 'registry-auth': 'missing.json' }, "Input 'registry-auth': file not found: missing.json"],
    [
      { 'registry-auth': '{"auths": ' },
      'Input \'registry-auth\' is not valid JSON (expected a Docker config with "auths").',
    ],
    [
      { 'insecure-registries': 'a b' },
      "Input 'insecure-registries': 'a b' is not a registry host pattern (host, host:port or *.domain)",
    ],
    [{ 'github-api-url': 'not a url' }, "Input 'github-api-url' is not a URL: not a url"],
    [{ 'require-digest': 'yes' }, "Input 'require-digest' must be true or false (got 'yes')."],
  ])('rejects %j with one line', (values, message) => {
    expect(() => read(values)).toThrow(UsageError);
    expect(() => read(values)).toThrow(message);
  });
});
