import type { Inputs } from '@gatehouse/action-kit/inputs';
import { AUDIT_CHECKS, type AuditCheck, type AuditOptions } from '@gatehouse/audit';
import { SEVERITIES, UsageError } from '@gatehouse/findings';

export interface AuditInputs {
  audit: AuditOptions;
  sarifOutput?: string;
  findingsOutput?: string;
  summary: boolean;
}

/** The audit's inputs (the root action.yml), read the same way by the action and `gatehouse audit`. */
export function readAuditOptions(inputs: Inputs): AuditInputs {
  const checks = inputs.list('checks', { commas: true });
  const selected = checks.length > 0 ? checks : [...AUDIT_CHECKS];
  for (const check of selected) {
    if (!(AUDIT_CHECKS as readonly string[]).includes(check)) {
      throw new UsageError(`Input 'checks' must list only ${AUDIT_CHECKS.join(', ')} (got '${check}').`);
    }
  }
  return {
    audit: {
      workspace: inputs.workspace,
      paths: inputs.list('paths'),
      checks: selected as AuditCheck[],
      failOn: inputs.enum('fail-on', [...SEVERITIES, 'none'] as const, 'high'),
      reportOn: inputs.enum('report-on', SEVERITIES, 'low'),
      exceptions: inputs.string('exceptions'),
      onlyFixed: inputs.boolean('only-fixed', false),
      trustedRegistries: inputs.list('trusted-registries', { commas: true }),
      allow: inputs.list('allow'),
    },
    sarifOutput: inputs.string('sarif-output'),
    findingsOutput: inputs.string('findings-output'),
    summary: inputs.boolean('summary', true),
  };
}
