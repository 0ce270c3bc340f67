import {
  annotate,
  error,
  info,
  logFindings,
  mask,
  runAction,
  runnerInputs,
  setOutputs,
  writeSummary,
} from '@gatehouse/action-kit';
import { ExitCode } from '@gatehouse/findings';
import { pinHeadline, pinPassed, pinSummary, runPin, unsuppressed, writePinSarif } from '@gatehouse/pin';
import { readPinOptions } from './options.js';

await runAction(async () => {
  const options = readPinOptions(runnerInputs());
  for (const secret of options.secrets) mask(secret);
  const result = await runPin(options.pin);
  const workspace = options.pin.workspace;

  const sarifPath = options.sarifOutput ? await writePinSarif(result, options.sarifOutput, workspace) : '';
  const open = unsuppressed(result);
  setOutputs({ findings: open.length, fixed: result.fixed.length, 'sarif-path': sarifPath });

  for (const item of result.fixed)
    info(`pinned ${item.path}:${item.line}:${item.column} ${item.before} -> ${item.after}`);
  logFindings(open);
  for (const note of result.notes) info(`note: ${note}`);
  const passed = pinPassed(result);
  const headline = pinHeadline(result, options.pin.mode).replace(/\*\*/g, '');
  if (!passed) error(`Pin check failed: ${headline}`);
  annotate(open, { alreadyUsed: { error: passed ? 0 : 1 } });
  await writeSummary(pinSummary(result, options.pin.mode));
  if (passed) info(`Pin check passed: ${headline}`);
  return passed ? ExitCode.ok : ExitCode.violation;
});
