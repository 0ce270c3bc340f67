import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { corpusPath, describeWithCorpus } from '../../../../test/support/corpora.js';
import { toFindingsJson } from '../readers/gatehouse.js';
import { readReport } from '../report.js';
import { GATEHOUSE_FINDINGS_SCHEMA } from '../schema.js';
import { dedupeFindings } from '../dedupe.js';

const validate = new Ajv({ allErrors: true, strict: false }).compile(GATEHOUSE_FINDINGS_SCHEMA);

describeWithCorpus('scanner-outputs', 'Gatehouse findings JSON schema', () => {
  it('every finding read from every corpus report validates, written and read back unchanged', () => {
    const root = corpusPath('scanner-outputs');
    let read = 0;
    for (const folder of readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
      for (const file of readdirSync(join(root, folder.name))) {
        const path = `${folder.name}/${file}`;
        let findings;
        try {
          findings = readReport(readFileSync(join(root, path)), path).findings;
        } catch {
          continue; // SBOMs, VEX and the schema itself are refused; corpus.test.ts checks how.
        }
        read++;
        const text = toFindingsJson(dedupeFindings(findings));
        expect(validate(JSON.parse(text))).toBe(true);
        expect(readReport(text, 'out.json').findings).toEqual(JSON.parse(text).findings);
      }
    }
    expect(read).toBe(23);
  });

  it('rejects a file that is not findings JSON', () => {
    expect(validate({ tool: 'gatehouse', version: '1', findings: [{ ruleId: 'r', severity: 'severe' }] })).toBe(false);
    expect(validate({ tool: 'trivy', version: '1', findings: [] })).toBe(false);
  });
});
