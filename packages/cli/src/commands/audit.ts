import { runAudit } from '@gatehouse/audit';
import { readAuditOptions } from '../../../../actions/audit/src/options.js';
import type { Command } from '../command.js';
import { printGateResult } from '../text-report.js';

export const auditCommand: Command = {
  name: 'audit',
  action: '.',
  summary: 'Every offline check of a repository in one step: pinning and secrets, then one gate decision.',
  usage: 'gatehouse audit [options] [<path-or-glob>...]',
  flags: {
    checks: {
      kind: 'list',
      default: 'pin,secrets',
      description: 'Checks to run: pin, secrets (repeatable or comma-separated)',
    },
    paths: {
      kind: 'list',
      positional: true,
      description: 'Files or globs to check (default: every file git would track)',
    },
    'fail-on': {
      kind: 'string',
      default: 'high',
      description: 'Fail at or above: critical, high, medium, low, info, none',
    },
    'report-on': { kind: 'string', default: 'low', description: 'Lowest severity listed in the report and SARIF' },
    exceptions: { kind: 'string', description: 'Exceptions file (YAML) with id, owner, reason, expires' },
    'only-fixed': { kind: 'boolean', default: 'false', description: 'Fail only on findings that have a fix' },
    'trusted-registries': { kind: 'list', description: 'Allowed registries: host, host:port, *.domain (repeatable)' },
    allow: { kind: 'list', description: 'Image or owner/repo globs exempted from pinning (repeatable)' },
    'sarif-output': { kind: 'string', description: 'Write SARIF 2.1.0 here' },
    'findings-output': { kind: 'string', description: 'Write Gatehouse findings JSON here' },
    summary: {
      kind: 'boolean',
      default: 'true',
      description: 'List the findings (--no-summary prints only the verdict)',
    },
  },
  async run(inputs, context) {
    const options = readAuditOptions(inputs);
    const result = await runAudit(options.audit);
    return printGateResult('audit', result.gate, { workspace: options.audit.workspace, ...options }, context);
  },
};
