import type { Inputs } from '@gatehouse/action-kit/inputs';
import { SEVERITIES, UsageError } from '@gatehouse/findings';
import type { GateOptions } from '@gatehouse/gate';

export interface GateInputs {
  gate: GateOptions;
  sarifOutput?: string;
  findingsOutput?: string;
  summary: boolean;
}

/** The gate's inputs, read the same way by the action (INPUT_*) and the CLI (flags). */
export function readGateOptions(inputs: Inputs): GateInputs {
  const reports = inputs.list('reports');
  const allowEmpty = inputs.boolean('allow-empty', false);
  if (reports.length === 0 && !allowEmpty) {
    throw new UsageError(`Input 'reports' is required: paths or globs of scanner reports (or set allow-empty: true).`);
  }
  return {
    gate: {
      workspace: inputs.workspace,
      reports,
      failOn: inputs.enum('fail-on', [...SEVERITIES, 'none'] as const, 'high'),
      reportOn: inputs.enum('report-on', SEVERITIES, 'low'),
      exceptions: inputs.string('exceptions'),
      vex: inputs.list('vex'),
      onlyFixed: inputs.boolean('only-fixed', false),
      allowEmpty,
    },
    sarifOutput: inputs.string('sarif-output'),
    findingsOutput: inputs.string('findings-output'),
    summary: inputs.boolean('summary', true),
  };
}
