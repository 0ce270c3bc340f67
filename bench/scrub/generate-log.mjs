// A synthetic CI log: timestamps, npm and compiler output, test results with colour codes, git and
// docker lines with hashes and digests, base64 integrity strings, UTF-8 text, lines that mention
// tokens and keys without holding one, and now and then a leak (a registered secret raw or base64,
// a GitHub token, an AWS key id). Deterministic for a given size.
import { closeSync, openSync, writeSync } from 'node:fs';

let seed = 42;
function random() {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
}
const pick = (items) => items[Math.floor(random() * items.length)];
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';
const B64 = `${ALNUM}+/`;
const chars = (alphabet, n) =>
  Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');

export function makeSecrets(count) {
  return Array.from({ length: count }, (_, i) => `bench-secret-${i}-${chars(ALNUM, 24)}`);
}

function line(i, secrets) {
  const ts = `2026-11-21T10:${String(Math.floor(i / 60000) % 60).padStart(2, '0')}:${String(Math.floor(i / 1000) % 60).padStart(2, '0')}.${String(i % 10000000).padStart(7, '0')}Z `;
  if (i % 20011 === 0) return `${ts}deploying with ${pick(secrets)}\n`;
  if (i % 20021 === 0) return `${ts}config: ${Buffer.from(`${pick(secrets)}\n`).toString('base64')}\n`;
  if (i % 30011 === 0)
    return `${ts}git remote set-url origin https://x-access-token:ghp_${chars(ALNUM, 36)}@github.com/o/r\n`;
  if (i % 40009 === 0) return `${ts}export AWS_ACCESS_KEY_ID=AKIA${chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}\n`;
  const n = Math.floor(random() * 100);
  if (n < 18)
    return `${ts}npm http fetch GET 200 https://registry.npmjs.org/${pick(['react', 'lodash', '@types/node', 'typescript', 'eslint'])}/-/pkg-${i % 977}.tgz ${Math.floor(random() * 900)}ms (cache ${pick(['hit', 'miss', 'revalidated'])})\n`;
  if (n < 30)
    return `${ts}src/module${i % 97}/component${i % 31}.tsx(${i % 400},${i % 80}): warning TS6133: 'value${i % 13}' is declared but its value is never read.\n`;
  if (n < 42)
    return `${ts}\x1b[32m✓\x1b[39m ${pick(['renders the header', 'parses the config', 'retries on 503', 'keeps the cache key stable'])} \x1b[2m(${Math.floor(random() * 300)} ms)\x1b[22m\n`;
  if (n < 50)
    return `${ts}\x1b[1m\x1b[31mFAIL\x1b[39m\x1b[22m test/unit/case${i % 211}.test.ts › handles ${pick(['empty input', 'unicode — ünïcødé', '日本語のテキスト', 'large files'])}\n`;
  if (n < 57)
    return `${ts}HEAD is now at ${chars(HEX, 7)} Merge pull request #${i % 9000} from octo-org/feature/${chars('abcdefghij', 8)}\n`;
  if (n < 64)
    return `${ts}#${i % 40} [stage-${i % 3} ${i % 12}/14] COPY --from=builder /app/dist /srv sha256:${chars(HEX, 64)}\n`;
  if (n < 69) return `${ts}"integrity": "sha512-${chars(B64, 86)}==",\n`;
  if (n < 74)
    return `${ts}Using token from environment; cache key: node-modules-${chars(HEX, 40)}; secrets are masked\n`;
  if (n < 78) return `${ts}##[group]Run actions/checkout@${chars(HEX, 40)}\n`;
  if (n < 82)
    return `${ts}Downloading https://github.com/octo-org/tool/releases/download/v1.${i % 30}.0/tool-linux-amd64.tar.gz (${Math.floor(random() * 90)} MB)\n`;
  if (n < 86)
    return `${ts}[${pick(['INFO', 'WARN', 'DEBUG'])}] auth: password policy check passed for user build-${i % 50}; key rotation in ${i % 90} days\n`;
  if (n < 90)
    return `${ts}  at Object.<anonymous> (/home/runner/work/app/app/node_modules/${pick(['jest-circus', 'expect', 'ts-jest'])}/build/index.js:${i % 900}:${i % 60})\n`;
  if (n < 94) return `${ts}Progress: ${i % 100}% [${'#'.repeat(i % 40)}${'.'.repeat(40 - (i % 40))}]\r\n`;
  return `${ts}${chars('abcdefghijklmnopqrstuvwxyz     ', 60 + Math.floor(random() * 60))}\n`;
}

/** Writes about `bytes` of log to `path`; returns the number of lines. */
export function generateLog(path, bytes, secrets) {
  const fd = openSync(path, 'w');
  let written = 0;
  let i = 1;
  let batch = '';
  while (written < bytes) {
    const text = line(i++, secrets);
    batch += text;
    written += Buffer.byteLength(text);
    if (batch.length > 1 << 20) {
      writeSync(fd, batch);
      batch = '';
    }
  }
  writeSync(fd, batch);
  closeSync(fd);
  return i - 1;
}
