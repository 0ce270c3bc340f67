export {
  readReport,
  detectFormat,
  detectDocument,
  type ReadResult,
  type ReportFormat,
  type VexFormat,
  type SbomFormat,
  type DetectedFormat,
} from './report.js';
export { EXPECTED_FORMATS } from './json.js';
export { toFindingsJson, GATEHOUSE_FINDINGS_VERSION, type GatehouseFindingsFile } from './readers/gatehouse.js';
export { GATEHOUSE_FINDINGS_SCHEMA } from './schema.js';
export { readVex } from './vex/read.js';
export { applyVex, type ApplyVexResult } from './vex/apply.js';
export {
  VEX_STATUSES,
  SUPPRESSING_STATUSES,
  type VexStatus,
  type VexStatement,
  type VexProduct,
} from './vex/statement.js';
export { dedupeFindings } from './dedupe.js';
export { parsePurl, type PurlParts } from './purl.js';
