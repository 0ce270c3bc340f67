import { UsageError } from '@gatehouse/findings';
import { inputsFrom, parseFlags, type Command } from '../command.js';

const command: Command = {
  name: 'demo',
  summary: 's',
  usage: 'u',
  acceptsCommand: true,
  flags: {
    reports: { kind: 'list', positional: true, description: '' },
    vex: { kind: 'list', description: '' },
    'fail-on': { kind: 'string', description: '' },
    'only-fixed': { kind: 'boolean', description: '' },
    output: { kind: 'string', short: 'o', description: '' },
  },
  run: async () => 0,
};

describe('parseFlags', () => {
  it('reads positionals, repeated lists, = and space forms, booleans and -- rest', () => {
    const parsed = parseFlags(command, [
      'a.json',
      '--vex',
      'v1.json',
      '--vex=v2.json',
      'b.json',
      '--fail-on=medium',
      '--only-fixed',
      '-o',
      'x.sarif',
      '--',
      'echo',
      '--vex',
    ]);
    const inputs = inputsFrom(parsed, '/w');
    expect(inputs.list('reports')).toEqual(['a.json', 'b.json']);
    expect(inputs.list('vex')).toEqual(['v1.json', 'v2.json']);
    expect(inputs.string('fail-on')).toBe('medium');
    expect(inputs.boolean('only-fixed', false)).toBe(true);
    expect(inputs.string('output')).toBe('x.sarif');
    expect(parsed.rest).toEqual(['echo', '--vex']);
  });

  it('reads --no-flag and explicit boolean words', () => {
    expect(inputsFrom(parseFlags(command, ['--no-only-fixed']), '/').boolean('only-fixed', true)).toBe(false);
    expect(inputsFrom(parseFlags(command, ['--only-fixed', 'false']), '/').boolean('only-fixed', true)).toBe(false);
    expect(inputsFrom(parseFlags(command, ['--only-fixed=nope']), '/').raw('only-fixed')).toBe('nope');
  });

  it.each([
    [['--colour', 'red'], 'Unknown option --colour for gatehouse demo (see gatehouse demo --help)'],
    [['--fail-on'], 'Option --fail-on needs a value'],
    [['--fail-on', 'a', '--fail-on', 'b'], 'Option --fail-on was given more than once'],
  ])('rejects %j with one line', (argv, message) => {
    expect(() => parseFlags(command, argv)).toThrow(new UsageError(message));
  });
});
