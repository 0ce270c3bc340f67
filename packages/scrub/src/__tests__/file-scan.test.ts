import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { archiveKind, readArchive, readTar, readZip } from '../archives.js';
import { redactFile, scanFiles } from '../file-scan.js';
import { SecretScanner } from '../scanner.js';
import { buildTar, buildZip, fakeGithubToken, fakeSlackBotToken } from './support/fakes.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'scrub-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('archive readers', () => {
  it('reads stored and deflated zip entries', () => {
    const zip = buildZip([
      { name: 'a.txt', data: 'stored text' },
      { name: 'dir/b.txt', data: 'deflated text '.repeat(100), deflate: true },
      { name: 'empty/', data: '' },
    ]);
    expect(readZip(zip).map((e) => [e.name, e.data.toString()])).toEqual([
      ['a.txt', 'stored text'],
      ['dir/b.txt', 'deflated text '.repeat(100)],
    ]);
  });

  it('reads tar entries including GNU long names', () => {
    const long = `${'deep/'.repeat(30)}file.txt`;
    const tar = buildTar([
      { name: 'short.txt', data: 'one' },
      { name: long, data: 'two' },
    ]);
    expect(readTar(tar).map((e) => [e.name, e.data.toString()])).toEqual([
      ['short.txt', 'one'],
      [long, 'two'],
    ]);
  });

  it('reads a pax path record', () => {
    const long = `${'p/'.repeat(70)}file.txt`;
    const record = `${(` path=${long}\n`.length + 4).toString()} path=${long}\n`;
    const tar = buildTar([
      { name: 'PaxHeader', data: record, type: 'x' },
      { name: 'short-name', data: 'content' },
    ]);
    expect(readTar(tar).map((e) => [e.name, e.data.toString()])).toEqual([[long, 'content']]);
  });

  const tarAvailable = (() => {
    try {
      execFileSync('tar', ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  (tarAvailable ? it : it.skip)('reads a .tar.gz written by the system tar', () => {
    mkdirSync(join(dir, 'src', 'nested'), { recursive: true });
    writeFileSync(join(dir, 'src', 'nested', 'x.txt'), 'hello from tar');
    execFileSync('tar', ['-czf', join(dir, 'out.tgz'), '-C', join(dir, 'src'), '.']);
    const data = readFileSync(join(dir, 'out.tgz'));
    const kind = archiveKind('out.tgz', data.subarray(0, 512));
    expect(kind).toBe('tar.gz');
    const entries = readArchive(kind!, data).filter((e) => e.name.endsWith('x.txt'));
    expect(entries.map((e) => [e.name, e.data.toString()])).toEqual([['./nested/x.txt', 'hello from tar']]);
  });
});

describe('scanFiles', () => {
  it('reports file, line, rule and fingerprint for plain files and archive entries, never the secret', async () => {
    const token = fakeGithubToken();
    const slack = fakeSlackBotToken();
    const registered = 'registered-deploy-secret-1';
    mkdirSync(join(dir, 'logs'));
    writeFileSync(join(dir, 'logs', 'build.log'), `step 1\nusing ${token}\nok\n`);
    const zip = buildZip([{ name: 'report/env.txt', data: `A=1\nB=2\nSLACK=${slack}\n`, deflate: true }]);
    const tar = buildTar([{ name: 'conf/app.env', data: `x\n${registered}\n` }]);
    writeFileSync(join(dir, 'artifact.zip'), zip);
    writeFileSync(join(dir, 'bundle.tar.gz'), gzipSync(tar));
    writeFileSync(join(dir, 'plain.tar'), tar);
    writeFileSync(join(dir, 'outer.zip'), buildZip([{ name: 'inner.tar', data: tar }]));
    const scanner = new SecretScanner({ knownValues: [registered] });
    const result = await scanFiles({ patterns: ['**/*'], cwd: dir, scanner });
    const where = result.findings.map((f) => `${f.location!.path}:${f.location!.line} ${f.ruleId}`).sort();
    expect(where).toEqual([
      'artifact.zip!report/env.txt:3 secret-leak/slack-bot-token',
      'bundle.tar.gz!conf/app.env:2 secret-leak/known-secret',
      'logs/build.log:2 secret-leak/github-pat',
      'outer.zip!inner.tar!conf/app.env:2 secret-leak/known-secret',
      'plain.tar!conf/app.env:2 secret-leak/known-secret',
    ]);
    const serialised = JSON.stringify(result);
    for (const secret of [token, slack, registered]) expect(serialised).not.toContain(secret);
    for (const finding of result.findings) expect(finding.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(result.findings.find((f) => f.ruleId.endsWith('github-pat'))!.severity).toBe('critical');
  });

  it('reports an archive it cannot read instead of passing it silently', async () => {
    writeFileSync(join(dir, 'broken.zip'), Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64)]));
    const result = await scanFiles({ patterns: ['broken.zip'], cwd: dir, scanner: new SecretScanner() });
    expect(result.findings.map((f) => f.ruleId)).toEqual(['secret-leak/unreadable-archive']);
  });
});

describe('redactFile', () => {
  it('rewrites the file in place with the secrets redacted, keeping its mode and leaving no temporary file', async () => {
    const token = fakeGithubToken();
    const path = join(dir, 'out.log');
    writeFileSync(path, `one\ntoken ${token}\nthree\n`);
    chmodSync(path, 0o640);
    const result = await redactFile(path, new SecretScanner());
    expect(result).toMatchObject({ rewritten: true, redactions: { 'github-pat': 1 } });
    expect(readFileSync(path, 'utf8')).toBe('one\ntoken ***\nthree\n');
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['out.log']);
  });

  it('never exposes a half-written file to a concurrent reader', async () => {
    const token = fakeGithubToken();
    const path = join(dir, 'big.log');
    const original = `${'filler line without secrets\n'.repeat(200_000)}token ${token}\n`;
    writeFileSync(path, original);
    const expected = original.replace(token, '***');
    const rewriting = redactFile(path, new SecretScanner());
    let reads = 0;
    let done = false;
    void rewriting.then(() => (done = true));
    while (!done) {
      const seen = await readFile(path, 'utf8');
      expect(seen === original || seen === expected).toBe(true);
      reads++;
    }
    await rewriting;
    expect(reads).toBeGreaterThan(0);
    expect(readFileSync(path, 'utf8')).toBe(expected);
  });
});

describe('large files', () => {
  it('scans window by window with line numbers that run on across windows', async () => {
    const token = fakeGithubToken();
    const filler = 'a line of ordinary build output, nothing secret in it at all\n';
    const lines = Math.ceil((9 * 1024 * 1024) / filler.length);
    writeFileSync(join(dir, 'big.log'), `${filler.repeat(lines)}token ${token}\n${filler}token ${token}\n`);
    const result = await scanFiles({ patterns: ['big.log'], cwd: dir, scanner: new SecretScanner() });
    expect(result.findings.map((f) => f.location!.line)).toEqual([lines + 1, lines + 3]);
    const rewritten = await redactFile(join(dir, 'big.log'), new SecretScanner());
    expect(rewritten.redactions).toEqual({ 'github-pat': 2 });
    const text = readFileSync(join(dir, 'big.log'), 'utf8');
    expect(text.endsWith(`token ***\n${filler}token ***\n`)).toBe(true);
    expect(text.length).toBe(filler.length * (lines + 1) + 'token ***\n'.length * 2);
  });
});
