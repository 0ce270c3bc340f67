import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { COMMANDS } from '../commands/index.js';
import { VERSION } from '../version.js';

const root = join(import.meta.dirname, '..', '..', '..', '..');

describe('CLI flags mirror action inputs one to one', () => {
  const mirrored = COMMANDS.filter((command) => command.action);
  it('has at least the gate', () => {
    expect(mirrored.map((command) => command.name)).toContain('gate');
  });

  it.each(mirrored.map((command) => [command.name, command] as const))('%s', (_name, command) => {
    const file =
      command.action === '.' ? join(root, 'action.yml') : join(root, 'actions', command.action!, 'action.yml');
    expect(existsSync(file)).toBe(true);
    const action = parse(readFileSync(file, 'utf8')) as { inputs: Record<string, { default?: string }> };
    const mirrored = Object.entries(command.flags).filter(([, spec]) => !spec.cliOnly);
    expect(mirrored.map(([name]) => name).sort()).toEqual(Object.keys(action.inputs).sort());
    for (const [name, input] of Object.entries(action.inputs)) {
      const flagDefault = command.flags[name]!.default;
      const actionDefault = input.default === undefined ? undefined : String(input.default);
      if (actionDefault !== undefined && !actionDefault.includes('${{'))
        expect([name, flagDefault]).toEqual([name, actionDefault]);
    }
  });
});

describe('version', () => {
  it('equals package.json', () => {
    expect(VERSION).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  });
});
