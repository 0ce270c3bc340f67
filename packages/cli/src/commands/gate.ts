import type { Command, FlagSpec } from '../command.js';

/** The decision flags every gate-shaped command (gate, audit) shares with its action. */
export const DECISION_FLAGS: Record<string, FlagSpec> = {
  'fail-on': {
    kind: 'string',
    default: 'high',
    description: 'Fail at or above: critical, high, medium, low, info, none',
  },
  'report-on': { kind: 'string', default: 'low', description: 'Lowest severity listed in the report and SARIF' },
  exceptions: { kind: 'string', description: 'Exceptions file (YAML) with id, owner, reason, expires' },
  'only-fixed': { kind: 'boolean', default: 'false', description: 'Fail only on findings that have a fix' },
  'sarif-output': { kind: 'string', description: 'Write SARIF 2.1.0 here' },
  'findings-output': { kind: 'string', description: 'Write Gatehouse findings JSON here' },
  summary: {
    kind: 'boolean',
    default: 'true',
    description: 'List the findings (--no-summary prints only the verdict and counts)',
  },
};

export const gateCommand: Command = {
  name: 'gate',
  action: 'gate',
  summary: 'One pass/fail decision over the findings of every scanner, by severity, with exceptions and VEX.',
  usage: 'gatehouse gate [options] <report>...',
  flags: {
    reports: {
      kind: 'list',
      positional: true,
      description: 'Report files or globs (SARIF, Trivy, Grype, osv-scanner, npm audit, Gatehouse JSON)',
    },
    vex: { kind: 'list', description: 'OpenVEX or CycloneDX VEX documents (repeatable)' },
    'allow-empty': { kind: 'boolean', default: 'false', description: 'Pass when no report matches' },
    ...DECISION_FLAGS,
  },
  async run(inputs, context) {
    const { runGate } = await import('@gatehouse/gate');
    const { readGateOptions } = await import('../../../../actions/gate/src/options.js');
    const { printGateResult } = await import('../text-report.js');
    const options = readGateOptions(inputs);
    const result = await runGate(options.gate);
    return printGateResult('gate', result, { workspace: options.gate.workspace, ...options }, context);
  },
};
