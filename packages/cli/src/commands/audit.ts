import type { Command } from '../command.js';
import { DECISION_FLAGS } from './gate.js';

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
    'trusted-registries': { kind: 'list', description: 'Allowed registries: host, host:port, *.domain (repeatable)' },
    allow: { kind: 'list', description: 'Image or owner/repo globs exempted from pinning (repeatable)' },
    ...DECISION_FLAGS,
  },
  async run(inputs, context) {
    const { runAudit } = await import('@gatehouse/audit');
    const { readAuditOptions } = await import('../../../../actions/audit/src/options.js');
    const { printGateResult } = await import('../text-report.js');
    const options = readAuditOptions(inputs);
    const result = await runAudit(options.audit);
    return printGateResult('audit', result.gate, { workspace: options.audit.workspace, ...options }, context);
  },
};
