// The measured process: streams a log through the scrub engine the way the action does (64 KiB
// reads into a StreamRedactor) and prints one JSON line of results. With --latency <MB> it instead
// writes line by line and reports the time each line spends in the redactor (p50/p99/max); with
// --rules <N> it uses only the last N rules.
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { BUILTIN_RULES, collectKnownValues, SecretScanner, StreamRedactor } from '@gatehouse/scrub';

const [logPath, secretsPath, mode, limit] = process.argv.slice(2);
const secrets = readFileSync(secretsPath, 'utf8').split('\n').filter(Boolean);
// --rules N keeps the last N rules (the generic ones, whose common keywords cost the most): the
// other 300 specific rules should add little.
const rules = mode === '--rules' ? BUILTIN_RULES.slice(-Number(limit)) : BUILTIN_RULES;
const scanner = new SecretScanner({ knownValues: collectKnownValues(secrets).values, rules });
let outBytes = 0;
const redactor = new StreamRedactor(scanner, (chunk) => (outBytes += chunk.length), { flushAfterMs: 1000 });
const fd = openSync(logPath, 'r');
const buffer = Buffer.allocUnsafe(64 * 1024);
let inBytes = 0;
const started = performance.now();
if (mode === '--latency') {
  const limitBytes = Number(limit) * 1024 * 1024;
  const samples = [];
  let carry = Buffer.alloc(0);
  for (let read; inBytes < limitBytes && (read = readSync(fd, buffer, 0, buffer.length, null)) > 0;) {
    inBytes += read;
    let data = Buffer.concat([carry, buffer.subarray(0, read)]);
    let start = 0;
    for (let nl = data.indexOf(10); nl >= 0; nl = data.indexOf(10, start)) {
      const line = data.subarray(start, nl + 1);
      const t0 = process.hrtime.bigint();
      redactor.write(line);
      samples.push(Number(process.hrtime.bigint() - t0));
      start = nl + 1;
    }
    carry = Buffer.from(data.subarray(start));
  }
  redactor.end();
  samples.sort((a, b) => a - b);
  const at = (q) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] / 1000;
  console.log(JSON.stringify({ lines: samples.length, p50us: at(0.5), p99us: at(0.99), maxUs: at(1) }));
} else {
  for (let read; (read = readSync(fd, buffer, 0, buffer.length, null)) > 0;) {
    inBytes += read;
    redactor.write(buffer.subarray(0, read));
  }
  redactor.end();
  const seconds = (performance.now() - started) / 1000;
  console.log(
    JSON.stringify({
      rules: scanner.ruleCount,
      secrets: secrets.length,
      inBytes,
      outBytes,
      seconds,
      redactions: redactor.counts.toJSON(),
    }),
  );
}
closeSync(fd);
