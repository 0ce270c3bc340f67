import { UsageError } from '@gatehouse/findings';
import type { VexFormat } from '../report.js';

export const VEX_STATUSES = ['not_affected', 'fixed', 'false_positive', 'affected', 'under_investigation'] as const;
export type VexStatus = (typeof VEX_STATUSES)[number];

/** The statuses that suppress a finding. */
export const SUPPRESSING_STATUSES: ReadonlySet<VexStatus> = new Set(['not_affected', 'fixed', 'false_positive']);

/** A product a statement speaks about: a purl (version optional), or a bare package name. */
export interface VexProduct {
  purl?: string;
  name?: string;
  version?: string;
}

/** One VEX claim, whatever document format it came from. */
export interface VexStatement {
  /** The vulnerability id as the document names it (CVE, GHSA, ...). */
  vulnerability: string;
  aliases: string[];
  products: VexProduct[];
  status: VexStatus;
  justification?: string;
  /** The impact statement or analysis detail, when given. */
  impact?: string;
  /** ISO time of the statement; the latest statement about a finding wins. */
  timestamp?: string;
  format: VexFormat;
  /** The document it was read from. */
  source: string;
}

const SPELLINGS: Record<string, VexStatus> = {
  not_affected: 'not_affected',
  known_not_affected: 'not_affected',
  fixed: 'fixed',
  first_fixed: 'fixed',
  resolved: 'fixed',
  resolved_with_pedigree: 'fixed',
  false_positive: 'false_positive',
  affected: 'affected',
  exploitable: 'affected',
  known_affected: 'affected',
  first_affected: 'affected',
  last_affected: 'affected',
  under_investigation: 'under_investigation',
  in_triage: 'under_investigation',
};

/** A status in any of the formats' spellings; an unknown one is a usage error, never a guess. */
export function normaliseVexStatus(value: unknown, source: string, where: string): VexStatus {
  const key =
    typeof value === 'string'
      ? value
          .trim()
          .toLowerCase()
          .replace(/[-\s]+/g, '_')
      : '';
  const status = Object.hasOwn(SPELLINGS, key) ? SPELLINGS[key] : undefined;
  if (!status) {
    throw new UsageError(
      `${source}: ${where} has status ${JSON.stringify(value)}; expected one of ${VEX_STATUSES.join(', ')}`,
    );
  }
  return status;
}

/** An id written as a URL (…/CVE-2021-44228) also goes by its last path segment. */
export function idAliases(id: string): string[] {
  if (!/^[a-z]+:\/\//i.test(id)) return [];
  const last = id.split(/[/?#]/).filter(Boolean).pop();
  return last && last !== id ? [last] : [];
}
