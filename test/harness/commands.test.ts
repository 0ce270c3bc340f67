import fc from 'fast-check';
import {
  CommandProcessor,
  escapeData,
  escapeProperty,
  parseCommandLegacy,
  parseCommandV2,
  parseWorkflowCommand,
  property,
} from './commands.js';
import { parseKeyValueFile, parsePathFile } from './file-commands.js';
import { LineSplitter } from './lines.js';
import { evaluateTemplate, inputVariable } from './manifest.js';
import { SecretMasker } from './masker.js';

function processor(options: { debug?: boolean; env?: Record<string, string> } = {}): CommandProcessor {
  return new CommandProcessor({
    workspace: '/home/runner/work/repo/repo',
    env: options.env ?? {},
    debug: options.debug ?? false,
  });
}

describe('workflow command grammar', () => {
  it('reads name, properties and data, unescaping as the runner does', () => {
    const parsed = parseCommandV2('::error file=src/a%2Cb.ts,line=3,title=T%3A x::50%25 done%0Anext%0Dline');
    expect(parsed).toEqual({
      command: 'error',
      properties: { file: 'src/a,b.ts', line: '3', title: 'T: x' },
      data: '50% done\nnext\rline',
    });
  });

  it('decodes %25 last, so an escaped escape stays literal', () => {
    expect(parseCommandV2('::warning::%250A')?.data).toBe('%0A');
  });

  it('matches names case-insensitively, allows leading whitespace, ignores unknown commands', () => {
    expect(parseCommandV2('   ::ERROR::x')?.command).toBe('error');
    expect(parseCommandV2('::frobnicate::x')).toBeUndefined();
    expect(parseCommandV2('text ::error::x')).toBeUndefined();
    expect(parseCommandV2('::error')).toBeUndefined();
  });

  it('drops properties without a value and looks them up case-insensitively', () => {
    const parsed = parseCommandV2('::error File=a.ts,line=,=5,col=2::m')!;
    expect(parsed.properties).toEqual({ File: 'a.ts', col: '2' });
    expect(property(parsed, 'file')).toBe('a.ts');
  });

  it('reads the legacy ##[command] form anywhere in a line', () => {
    expect(parseCommandLegacy('prefix ##[warning file=a.ts;line=2]semi%3Bcolon')).toEqual({
      command: 'warning',
      properties: { file: 'a.ts', line: '2' },
      data: 'semi;colon',
    });
  });

  it('round-trips any message and property escaped the way @actions/core writes them', () => {
    // Control characters, %, :, , and = included; the runner trims the property list, so a value
    // with surrounding whitespace would not survive as the last property.
    const text = fc.string({ unit: 'binary' });
    const value = fc.string({ unit: 'binary', minLength: 1 }).filter((s) => s.trim() === s);
    fc.assert(
      fc.property(text, value, value, (message, title, file) => {
        const line = `::error title=${escapeProperty(title)},file=${escapeProperty(file)}::${escapeData(message)}`;
        const parsed = parseWorkflowCommand(line);
        expect(parsed?.data).toBe(message);
        expect(parsed?.properties).toEqual({ title, file });
      }),
    );
  });
});

describe('CommandProcessor', () => {
  it('masks a registered value only in lines after the add-mask line', () => {
    const p = processor();
    for (const line of ['token is s3cr3t-value', '::add-mask::s3cr3t-value', 'token is s3cr3t-value'])
      p.processLine(line);
    expect(p.log).toEqual(['token is s3cr3t-value', 'token is ***']);
    expect(p.masks).toEqual(['s3cr3t-value']);
  });

  it('masks inside annotations, keeping the raw command', () => {
    const p = processor();
    p.processLine('::add-mask::hunter2-hunter2');
    p.processLine('::error title=leak::password hunter2-hunter2');
    expect(p.annotations[0]).toMatchObject({ level: 'error', title: 'leak', message: 'password ***' });
    expect(p.commands[1]!.data).toBe('password hunter2-hunter2');
    expect(p.log).toEqual(['##[error]password ***']);
  });

  it('suspends command processing between stop-commands and its token', () => {
    const p = processor();
    const lines = [
      '::stop-commands::pause-77',
      '::error::ignored',
      '::add-mask::ignored-mask',
      '::PAUSE-77::',
      '::error::counted',
    ];
    for (const line of lines) p.processLine(line);
    expect(p.annotations.map((a) => a.message)).toEqual(['counted']);
    expect(p.masks).toEqual([]);
    expect(p.log).toEqual([...lines.slice(0, 4), '##[error]counted']);
  });

  it('refuses a stop token that is empty or a command name and fails the step', () => {
    const p = processor();
    p.processLine('::stop-commands::error');
    p.processLine('::error::still processed');
    expect(p.failed).toBe(true);
    expect(p.annotations.map((a) => a.source)).toEqual(['runner', 'action']);
    const allowed = processor({ env: { ACTIONS_ALLOW_UNSECURE_STOPCOMMAND_TOKENS: 'true' } });
    allowed.processLine('::stop-commands::error');
    allowed.processLine('::warning::suspended');
    expect(allowed.failed).toBe(false);
    expect(allowed.annotations).toEqual([]);
  });

  it('renders groups, hides debug unless step debug is on, and echoes commands in debug', () => {
    const quiet = processor();
    const loud = processor({ debug: true });
    for (const p of [quiet, loud])
      for (const line of ['::group::Build', '::debug::detail', '::endgroup::']) p.processLine(line);
    expect(quiet.log).toEqual(['##[group]Build', '##[endgroup]']);
    expect(loud.log).toEqual(['::group::Build', '##[group]Build', '##[debug]detail', '::endgroup::', '##[endgroup]']);
  });

  it('fails the step on the disabled set-env and add-path commands', () => {
    const p = processor();
    p.processLine('::set-env name=A::1');
    expect(p.failed).toBe(true);
    expect(p.env).toEqual({});
    expect(p.annotations[1]!.message).toContain('The `set-env` command is disabled');
  });

  it('takes legacy set-output with a deprecation warning', () => {
    const p = processor();
    p.processLine('::set-output name=digest::sha256:abc');
    expect(p.outputs).toEqual({ digest: 'sha256:abc' });
    expect(p.annotations[0]).toMatchObject({ level: 'warning', source: 'runner' });
  });

  it('makes a file path under the workspace relative and reads numbers', () => {
    const p = processor();
    p.processLine('::warning file=/home/runner/work/repo/repo/src/x.ts,line=4,col=2,endLine=5,endColumn=1::w');
    p.processLine('::notice file=/elsewhere/y.ts,line=x::n');
    expect(p.annotations[0]).toMatchObject({ file: 'src/x.ts', line: 4, column: 2, endLine: 5, endColumn: 1 });
    expect(p.annotations[1]).toEqual({ level: 'notice', message: 'n', file: '/elsewhere/y.ts', source: 'action' });
  });
});

describe('SecretMasker', () => {
  it('merges overlapping and adjacent matches into one ***', () => {
    const masker = new SecretMasker();
    masker.add('abcabc');
    masker.add('cab');
    expect(masker.mask('xabcabcabcy')).toBe('x***y');
  });

  it('masks the base64, JSON and URI forms of a secret', () => {
    const masker = new SecretMasker();
    masker.add('p@ss"word/1');
    expect(masker.mask(Buffer.from('p@ss"word/1').toString('base64'))).toBe('***');
    expect(masker.mask(JSON.stringify({ v: 'p@ss"word/1' }))).toBe('{"v":"***"}');
    expect(masker.mask('q=p%40ss%22word%2F1')).toBe('q=***');
  });
});

describe('LineSplitter', () => {
  it('gives the same lines however the stream is chunked, like StreamReader.ReadLine', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', '\n', '\r', '\r\n', 'é')), fc.array(fc.nat()), (parts, cuts) => {
        const text = parts.join('');
        const whole: string[] = [];
        const wholeSplitter = new LineSplitter((l) => whole.push(l));
        wholeSplitter.push(text);
        wholeSplitter.end();
        const chunked: string[] = [];
        const chunkedSplitter = new LineSplitter((l) => chunked.push(l));
        let at = 0;
        for (const cut of cuts) {
          const next = Math.min(text.length, at + (cut % 4));
          chunkedSplitter.push(text.slice(at, next));
          at = next;
        }
        chunkedSplitter.push(text.slice(at));
        chunkedSplitter.end();
        expect(chunked).toEqual(whole);
        expect(whole.some((l) => /[\r\n]/.test(l))).toBe(false);
      }),
    );
  });

  it('ends lines at \\n, \\r\\n and a lone \\r', () => {
    const lines: string[] = [];
    const splitter = new LineSplitter((l) => lines.push(l));
    splitter.push('a\r');
    splitter.push('\nb\rc\n\nd');
    splitter.end();
    expect(lines).toEqual(['a', 'b', 'c', '', 'd']);
  });
});

describe('environment files', () => {
  it('reads name=value lines and heredocs with multi-line values', () => {
    const text = 'plain=a=b\nmulti<<ghadelimiter_1\nline 1\n\nline 3\nghadelimiter_1\nempty<<EOF\nEOF\ncr=x\r\n';
    expect(parseKeyValueFile(text)).toEqual({ plain: 'a=b', multi: 'line 1\n\nline 3', empty: '', cr: 'x\r' });
  });

  it('takes whichever of = and << comes first', () => {
    expect(parseKeyValueFile('a=b<<c\n')).toEqual({ a: 'b<<c' });
    expect(parseKeyValueFile('a<<X=\nv\nX=\n')).toEqual({ a: 'v' });
  });

  it('throws the runner message for a missing delimiter or a line without = or <<', () => {
    expect(() => parseKeyValueFile('a<<EOF\nvalue\n', 'output')).toThrow("Matching delimiter not found 'EOF'");
    expect(() => parseKeyValueFile('just-a-name\n')).toThrow("Invalid environment variable format 'just-a-name'");
  });

  it('reads GITHUB_PATH one directory a line', () => {
    expect(parsePathFile('/opt/a/bin\n\n/opt/b\n')).toEqual(['/opt/a/bin', '/opt/b']);
  });
});

describe('inputs', () => {
  it('names INPUT_ variables like the runner: upper case, spaces to _, hyphens kept', () => {
    expect(inputVariable('fail-on')).toBe('INPUT_FAIL-ON');
    expect(inputVariable('my input')).toBe('INPUT_MY_INPUT');
  });

  it('evaluates context references in defaults and empties other expressions', () => {
    const context = { 'github.workspace': '/w', 'github.token': 'ghs_x' };
    expect(evaluateTemplate('${{ github.workspace }}/out', context)).toBe('/w/out');
    expect(evaluateTemplate('${{github.token}}', context)).toBe('ghs_x');
    expect(evaluateTemplate("${{ hashFiles('**/x') }}", context)).toBe('');
  });
});
