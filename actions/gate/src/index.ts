import { runAction, runnerInputs } from '@gatehouse/action-kit';
import { runGate } from '@gatehouse/gate';
import { readGateOptions } from './options.js';
import { reportGate } from './report.js';

await runAction(async () => {
  const options = readGateOptions(runnerInputs());
  const result = await runGate(options.gate);
  return reportGate(result, { title: 'Gatehouse gate', workspace: options.gate.workspace, ...options });
});
