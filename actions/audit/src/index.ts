import { runAction, runnerInputs } from '@gatehouse/action-kit';
import { runAudit } from '@gatehouse/audit';
import { reportGate } from '../../gate/src/report.js';
import { readAuditOptions } from './options.js';

await runAction(async () => {
  const options = readAuditOptions(runnerInputs());
  const result = await runAudit(options.audit);
  return reportGate(result.gate, { title: 'Gatehouse audit', workspace: options.audit.workspace, ...options });
});
