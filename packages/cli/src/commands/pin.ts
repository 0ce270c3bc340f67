import { ExitCode } from '@gatehouse/findings';
import type { Command } from '../command.js';

export const pinCommand: Command = {
  name: 'pin',
  action: 'pin',
  summary: 'Every image pinned by digest and every action by commit SHA; --mode fix rewrites them.',
  usage: 'gatehouse pin [options] [<path-or-glob>...]',
  flags: {
    paths: {
      kind: 'list',
      positional: true,
      description: 'Files or globs to read (default: the workspace, honouring .gitignore)',
    },
    mode: { kind: 'string', default: 'check', description: 'check, or fix to rewrite unpinned references' },
    'trusted-registries': { kind: 'list', description: 'Allowed registries: host, host:port, *.domain (repeatable)' },
    'require-digest': { kind: 'boolean', default: 'true', description: 'Report images not pinned by digest' },
    'require-action-sha': {
      kind: 'boolean',
      default: 'true',
      description: 'Report actions not pinned to a commit SHA',
    },
    allow: { kind: 'list', description: 'Image or owner/repo globs exempted from pinning (repeatable)' },
    'registry-auth': {
      kind: 'string',
      description: 'Docker config JSON, or its path (e.g. ~/.docker/config.json), for fix mode',
    },
    'insecure-registries': { kind: 'list', description: 'Registries reached over plain HTTP (repeatable)' },
    'github-token': { kind: 'string', description: 'GitHub API token for fix mode (default $GITHUB_TOKEN)' },
    'github-api-url': {
      kind: 'string',
      description: 'GitHub REST API URL (default $GITHUB_API_URL or https://api.github.com)',
    },
    'sarif-output': { kind: 'string', description: 'Write SARIF 2.1.0 here' },
  },
  async run(flags, context) {
    const { Inputs } = await import('@gatehouse/action-kit/inputs');
    const { pinHeadline, pinPassed, runPin, unsuppressed, writePinSarif } = await import('@gatehouse/pin');
    const { readPinOptions } = await import('../../../../actions/pin/src/options.js');
    const { findingLines } = await import('../text-report.js');
    // The action gets these from `${{ github.token }}` and `${{ github.api_url }}`; a shell has them in its environment.
    const fromEnvironment: Record<string, string | undefined> = {
      'github-token': context.env.GITHUB_TOKEN ?? context.env.GH_TOKEN,
      'github-api-url': context.env.GITHUB_API_URL,
    };
    const inputs = new Inputs((name) => flags.raw(name) ?? fromEnvironment[name], flags.workspace);
    const options = readPinOptions(inputs);
    const result = await runPin(options.pin);
    const out = (line = ''): void => void context.stdout.write(line + '\n');
    if (options.sarifOutput)
      out(`SARIF written to ${await writePinSarif(result, options.sarifOutput, options.pin.workspace)}`);
    for (const item of result.fixed)
      out(`  pinned   ${item.path}:${item.line}:${item.column}  ${item.before} -> ${item.after}`);
    for (const line of findingLines(unsuppressed(result))) out(line);
    for (const note of result.notes) out(`  note: ${note}`);
    const passed = pinPassed(result);
    out(
      `gatehouse pin: ${passed ? 'passed' : 'failed'}: ${pinHeadline(result, options.pin.mode).replace(/\*\*/g, '')}`,
    );
    return passed ? ExitCode.ok : ExitCode.violation;
  },
};
