import { SEVERITIES } from '@gatehouse/findings';
import { GATEHOUSE_FINDINGS_VERSION } from './readers/gatehouse.js';

/** JSON Schema (draft-07) of the Gatehouse findings JSON that `toFindingsJson` writes. */
export const GATEHOUSE_FINDINGS_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Gatehouse findings',
  type: 'object',
  required: ['tool', 'version', 'findings'],
  properties: {
    tool: { const: 'gatehouse' },
    version: { type: 'string', pattern: `^${GATEHOUSE_FINDINGS_VERSION}(\\.|$)` },
    findings: {
      type: 'array',
      items: {
        type: 'object',
        required: ['ruleId', 'severity', 'title', 'message', 'fingerprint', 'properties'],
        properties: {
          ruleId: { type: 'string', minLength: 1 },
          severity: { enum: [...SEVERITIES] },
          title: { type: 'string' },
          message: { type: 'string' },
          fingerprint: { type: 'string', minLength: 1 },
          fix: { type: 'string' },
          location: {
            type: 'object',
            required: ['path'],
            properties: {
              path: { type: 'string', minLength: 1 },
              line: { type: 'integer', minimum: 1 },
              column: { type: 'integer', minimum: 1 },
              endLine: { type: 'integer', minimum: 1 },
              endColumn: { type: 'integer', minimum: 1 },
            },
          },
          properties: {
            type: 'object',
            properties: {
              tools: { type: 'array', items: { type: 'string' } },
              sources: { type: 'array', items: { type: 'string' } },
              aliases: { type: 'array', items: { type: 'string' } },
              tags: { type: 'array', items: { type: 'string' } },
              fixedVersion: { type: 'string' },
              severityAssumed: { type: 'boolean' },
              helpUri: { type: 'string' },
              package: {
                type: 'object',
                required: ['name'],
                properties: {
                  name: { type: 'string' },
                  version: { type: 'string' },
                  purl: { type: 'string' },
                  ecosystem: { type: 'string' },
                },
              },
              suppression: {
                type: 'object',
                required: ['kind', 'reason'],
                properties: {
                  kind: { enum: ['exception', 'vex', 'tool'] },
                  reason: { type: 'string', minLength: 1 },
                  owner: { type: 'string' },
                  expires: { type: 'string' },
                  source: { type: 'string' },
                },
              },
            },
          },
        },
      },
    },
  },
} as const;
