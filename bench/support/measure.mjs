// Preloaded with `node --import` into a benchmarked process: on exit it reports the process's wall
// time and peak resident memory on stderr as one line, `BENCH {"ms":..,"maxRssMiB":..}`.
import { performance } from 'node:perf_hooks';

process.on('exit', () => {
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  process.stderr.write(
    `BENCH ${JSON.stringify({ ms: Math.round(performance.now()), maxRssMiB: Math.round(maxRssMiB) })}\n`,
  );
});
