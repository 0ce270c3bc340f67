import { cell } from '@gatehouse/findings';
import type { SignReport } from './workspace.js';
import type { VerifyReport } from './verify.js';

/** Job summary of a signing run: subjects, digests, bundles, the signer and the log entries. */
export function signSummary(report: SignReport): string {
  const first = report.results[0];
  const signer = first?.identity
    ? `\`${cell(first.identity)}\` (issuer \`${cell(first.issuer ?? '')}\`)`
    : first?.keyHint
      ? `key \`${cell(first.keyHint)}\``
      : 'unknown';
  const lines = [
    `## ✅ Gatehouse sign: ${report.results.length} ${report.results.length === 1 ? 'subject' : 'subjects'} signed`,
    '',
    `Signer: ${signer}`,
    '',
    '| Subject | Digest | Bundle | Kind | Log index |',
    '| --- | --- | --- | --- | ---: |',
    ...report.results.map(
      (result) =>
        `| ${cell(result.subject)} | \`${result.digest}\` | ${cell(result.bundlePath)} | ${result.kind}${result.predicateType ? ` (${cell(result.predicateType)})` : ''} | ${result.logIndex ?? '—'} |`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

/** Job summary of a verification run: every subject with its outcome, signer, log index and time. */
export function verifySummary(report: VerifyReport): string {
  const failed = report.results.filter((result) => !result.verified).length;
  const lines = [
    `## ${report.verified ? '✅' : '❌'} Gatehouse verify: ${report.verified ? 'verified' : `${failed} of ${report.results.length} failed`}`,
    '',
    '| Subject | Result | Signer | Issuer | Log index | Time | Reason |',
    '| --- | --- | --- | --- | ---: | --- | --- |',
    ...report.results.map(
      (result) =>
        `| ${cell(result.subject)} | ${result.verified ? '✅ verified' : '❌ failed'} | ${cell(result.identity ?? '')} | ${cell(result.issuer ?? '')} | ${result.logIndex ?? ''} | ${result.time ?? ''} | ${cell(result.reason ?? '')} |`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
