import { runAction, runnerInputs, setOutputs } from '@gatehouse/action-kit';
import { parseSeverity } from '@gatehouse/findings';
await runAction(async () => {
  const inputs = runnerInputs();
  setOutputs({ x: parseSeverity(inputs.string('fail-on', { default: 'high' })).severity });
  return 0;
});
