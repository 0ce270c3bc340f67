import { UsageError } from '@gatehouse/findings';
import { parseJson, type JsonObject } from '../json.js';
import { detectDocument } from '../report.js';
import { readCsafVex } from './csaf.js';
import { readCycloneDxVex } from './cyclonedx.js';
import { readOpenVex } from './openvex.js';
import type { VexStatement } from './statement.js';

const EXPECTED_VEX = 'OpenVEX, CycloneDX VEX or CSAF VEX JSON';

/** The statements of an OpenVEX, CycloneDX VEX or CSAF VEX document, judged from its content. */
export function readVex(content: string | Buffer, source: string): VexStatement[] {
  const doc = parseJson(content, source, EXPECTED_VEX);
  const detected = detectDocument(doc);
  // A CycloneDX BOM without vulnerabilities is a valid VEX document that says nothing.
  if (detected.kind === 'sbom' && detected.format === 'cyclonedx') return [];
  if (detected.kind !== 'vex') {
    const what =
      detected.kind === 'unknown'
        ? 'not a recognised document'
        : `a ${detected.format} ${detected.kind === 'findings' ? 'findings report' : 'SBOM'}`;
    throw new UsageError(`${source}: is ${what}, not a VEX document; expected ${EXPECTED_VEX}`);
  }
  const report = doc as JsonObject;
  switch (detected.format) {
    case 'openvex':
      return readOpenVex(report, source);
    case 'cyclonedx-vex':
      return readCycloneDxVex(report, source);
    case 'csaf-vex':
      return readCsafVex(report, source);
  }
}
