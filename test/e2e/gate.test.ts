import { cpSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeWithCorpus, corpusPath } from '../support/corpora.js';
import { sarifValidator } from '../support/sarif-schema.js';
import { runAction, runCli } from '../harness/runner.js';

const root = join(import.meta.dirname, '..', '..');

function exampleWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gate-e2e-'));
  cpSync(join(root, 'examples', 'reports'), join(dir, 'reports'), { recursive: true });
  cpSync(join(root, 'examples', 'policy'), join(dir, 'policy'), { recursive: true });
  cpSync(join(root, 'examples', 'app'), join(dir, 'app'), { recursive: true });
  return dir;
}

describe('bundled gate action', () => {
  it('fails (exit 1) on the example reports, with annotations, outputs and a summary', async () => {
    const run = await runAction({
      action: 'gate',
      workspace: exampleWorkspace(),
      inputs: { reports: 'reports/*', 'sarif-output': 'out/gate.sarif' },
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.passed).toBe('false');
    expect(Number(run.outputs.critical)).toBe(1);
    expect(run.outputs['sarif-path']).toBe('out/gate.sarif');
    expect(run.summary.split('\n')[0]).toBe('## ❌ Gatehouse gate: failed');
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors.some((a) => a.file === 'app/src/routes/convert.js' && a.line === 27)).toBe(true);
    expect(errors.some((a) => /Gatehouse gate failed/.test(a.message))).toBe(true);
    // An image is not a file: its findings are annotated without a file, the image named in the message.
    const image = errors.find((a) => a.message.includes('CVE-2024-45491') || a.title?.includes('CVE-2024-45491'));
    expect(image).toBeDefined();
    expect(image!.file).toBeUndefined();
  });

  it('passes (exit 0) with the example VEX and exceptions at fail-on critical', async () => {
    const run = await runAction({
      action: 'gate',
      workspace: exampleWorkspace(),
      inputs: {
        reports: 'reports/*',
        'fail-on': 'critical',
        exceptions: 'policy/exceptions.yml',
        vex: 'policy/vex.openvex.json',
      },
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.passed).toBe('true');
    expect(Number(run.outputs.suppressed)).toBe(3);
    expect(run.summary).toContain('platform-team@example.com');
    expect(run.summary).toContain('2027-03-31');
  });

  it.each([
    [
      { reports: 'reports/*', 'fail-on': 'severe' },
      "Input 'fail-on' must be one of critical, high, medium, low, info, none (got 'severe').",
    ],
    [{ reports: 'nothing/*.json' }, "Input 'reports': no files matched"],
    [{ reports: 'reports/*', 'only-fixed': 'yes' }, "Input 'only-fixed' must be true or false (got 'yes')."],
  ])('exits 2 with one error line on bad input %j', async (inputs, message) => {
    const run = await runAction({ action: 'gate', workspace: exampleWorkspace(), inputs });
    expect(run.exitCode).toBe(2);
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain(message);
    expect(run.stdout).not.toMatch(/\n\s+at /);
  });

  it('an unrecognised report exits 2 naming the file and the formats expected', async () => {
    const dir = exampleWorkspace();
    writeFileSync(join(dir, 'reports', 'notes.json'), '{"hello": "world"}');
    const run = await runAction({ action: 'gate', workspace: dir, inputs: { reports: 'reports/notes.json' } });
    expect(run.exitCode).toBe(2);
    expect(run.annotations[0]!.message).toMatch(/reports\/notes\.json/);
  });

  it('choosing SARIF output never changes the exit code', async () => {
    const plain = await runAction({ action: 'gate', workspace: exampleWorkspace(), inputs: { reports: 'reports/*' } });
    const withSarif = await runAction({
      action: 'gate',
      workspace: exampleWorkspace(),
      inputs: { reports: 'reports/*', 'sarif-output': 'g.sarif', 'findings-output': 'g.json', summary: 'false' },
    });
    expect(withSarif.exitCode).toBe(plain.exitCode);
    expect(withSarif.summary).toBe('');
  });

  it('the CLI gives the same result as the action', async () => {
    const dir = exampleWorkspace();
    const action = await runAction({
      action: 'gate',
      workspace: dir,
      inputs: { reports: 'reports/*', 'findings-output': 'a.json' },
    });
    const cli = await runCli(['gate', 'reports/*', '--findings-output', 'c.json'], { cwd: dir });
    expect(cli.exitCode).toBe(action.exitCode);
    const fingerprints = (file: string) =>
      (JSON.parse(readFileSync(join(dir, file), 'utf8')).findings as Array<{ fingerprint: string }>)
        .map((f) => f.fingerprint)
        .sort();
    expect(fingerprints('c.json')).toEqual(fingerprints('a.json'));
    expect(cli.stdout).toMatch(/gatehouse gate: failed/);
  });

  it('the CLI prints help and version', async () => {
    const help = await runCli(['gate', '--help'], { cwd: root });
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('--fail-on');
    const version = await runCli(['--version'], { cwd: root });
    expect(version.stdout.trim()).toMatch(/^gatehouse \d+\.\d+\.\d+$/);
    const unknown = await runCli(['gate', '--frobnicate'], { cwd: root });
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describeWithCorpus('scanner-outputs', 'bundled gate on the public scanner outputs', () => {
  const validate = sarifValidator();
  it('reads every findings report of the corpus and writes schema-valid SARIF', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gate-corpus-'));
    const reports = [
      'trivy/trivy_alpine-310.json.golden',
      'trivy/trivy_npm.json.golden',
      'grype/grype_TestJsonImgsPresenter.json',
      'osv-scanner/osv-scanner_machinejson_0.json',
      'npm-audit/real-world_npm-audit-v2_live-server.json',
      'codeql/codeql-action_valid-sarif.sarif',
      'semgrep/semgrep_test_sarif_output_with_nosemgrep_and_error.sarif',
    ];
    for (const report of reports)
      cpSync(corpusPath('scanner-outputs', report), join(dir, 'in', report.replace('/', '_')));
    const run = await runAction({
      action: 'gate',
      workspace: dir,
      inputs: { reports: 'in/*', 'fail-on': 'none', 'sarif-output': 'out.sarif' },
    });
    expect(run.exitCode).toBe(0);
    expect(existsSync(join(dir, 'out.sarif'))).toBe(true);
    expect(validate(JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8')))).toEqual([]);
    const total = ['critical', 'high', 'medium', 'low', 'info'].reduce((sum, s) => sum + Number(run.outputs[s]), 0);
    expect(total).toBeGreaterThan(10);
  });
});
