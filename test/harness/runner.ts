/**
 * Runs a bundled JavaScript action the way the GitHub runner does (see README.md): INPUT_*
 * variables with action.yml defaults, fresh environment files, cwd = GITHUB_WORKSPACE, a clean
 * environment, workflow commands read from stdout and stderr line by line, and the masked log.
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CommandProcessor, type Annotation, type WorkflowCommand } from './commands.js';
import { LineSplitter } from './lines.js';
import { parseKeyValueFile, parsePathFile } from './file-commands.js';
import { entryPath, inputEnvironment, loadActionManifest } from './manifest.js';
import { REF, REPOSITORY, REPOSITORY_OWNER, RUN_ID, SHA, WORKFLOW_REF } from './github-context.js';

export type { Annotation, WorkflowCommand } from './commands.js';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

const temporaryFolders = new Set<string>();

/** A fresh folder under the OS temp dir, removed by `removeTemporaryFolders()`. */
export function temporaryFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `gatehouse-${prefix}-`));
  temporaryFolders.add(dir);
  return dir;
}

/** Deletes every folder the harness created in this process (call it in afterAll). */
export function removeTemporaryFolders(): void {
  for (const dir of temporaryFolders) rmSync(dir, { recursive: true, force: true });
  temporaryFolders.clear();
}

/** The runner's step summary limit (CreateStepSummaryCommand): 1 MiB. */
export const STEP_SUMMARY_LIMIT = 1024 * 1024;

export interface RunActionOptions {
  /** A folder under actions/, `.` for the root action.yml, or an absolute path to a folder with action.yml. */
  action: string;
  inputs?: Record<string, string>;
  /** GITHUB_WORKSPACE and the cwd; default: a fresh temporary folder (see removeTemporaryFolders). */
  workspace?: string;
  /** Added last: overrides anything the harness sets. */
  env?: Record<string, string>;
  /** A local token endpoint: sets ACTIONS_ID_TOKEN_REQUEST_URL / _TOKEN. */
  oidc?: { env(): Record<string, string> };
  /** Default 60 000. */
  timeoutMs?: number;
  stdin?: string;
  /** Which script of `runs` to start; default `main`. */
  entry?: 'main' | 'pre' | 'post';
  /** Saved state handed to a post step as STATE_<name>. */
  state?: Record<string, string>;
  /** Step debug logging (secret ACTIONS_STEP_DEBUG=true): RUNNER_DEBUG=1, `##[debug]` lines shown. */
  debug?: boolean;
  /** `github.token`; default: a fresh fake installation token (ghs_...). Masked like the runner does. */
  githubToken?: string;
  /** GITHUB_EVENT_NAME and the payload written to GITHUB_EVENT_PATH; default: a push to main. */
  event?: { name: string; payload: Record<string, unknown> };
}

export interface ActionRun {
  exitCode: number;
  signal: NodeJS.Signals | null;
  /** `failure` when the exit code is not 0 or the runner would fail the step for a bad command or file. */
  result: 'success' | 'failure';
  stdout: string;
  stderr: string;
  /** From GITHUB_OUTPUT (and legacy ::set-output::); the file wins, as it is read after the step. */
  outputs: Record<string, string>;
  env: Record<string, string>;
  state: Record<string, string>;
  path: string[];
  /** GITHUB_STEP_SUMMARY as written (unmasked; the runner masks it line by line on upload). */
  summary: string;
  commands: WorkflowCommand[];
  /** Every annotation in order; the runner attaches only the first 10 of each level to the step. */
  annotations: Annotation[];
  /** Values registered with ::add-mask:: in order. */
  masks: string[];
  /** stdout and stderr as the runner displays them, masks applied from the line after each add-mask. */
  log: string;
  workspace: string;
  runnerTemp: string;
  githubToken: string;
}

export async function runAction(options: RunActionOptions): Promise<ActionRun> {
  const manifest = loadActionManifest(options.action, REPO_ROOT);
  if (manifest.runs.using !== 'node24') {
    throw new Error(`harness: ${manifest.file} runs.using is '${manifest.runs.using}', expected 'node24'`);
  }
  const script = entryPath(manifest, options.entry);
  if (!existsSync(script)) throw new Error(`harness: ${script} does not exist (build it: npm run build -- <name>)`);

  const root = temporaryFolder('run');
  const workspace = options.workspace ?? join(root, 'workspace');
  const runnerTemp = join(root, 'runner-temp');
  const fileDir = join(runnerTemp, '_runner_file_commands');
  mkdirSync(workspace, { recursive: true });
  mkdirSync(fileDir, { recursive: true });
  const suffix = randomUUID();
  const files = {
    GITHUB_OUTPUT: join(fileDir, `set_output_${suffix}`),
    GITHUB_ENV: join(fileDir, `set_env_${suffix}`),
    GITHUB_STATE: join(fileDir, `save_state_${suffix}`),
    GITHUB_PATH: join(fileDir, `add_path_${suffix}`),
    GITHUB_STEP_SUMMARY: join(fileDir, `step_summary_${suffix}`),
  };
  for (const path of Object.values(files)) writeFileSync(path, '');
  const event = options.event ?? { name: 'push', payload: pushEvent() };
  const eventPath = join(runnerTemp, '_github_workflow', 'event.json');
  mkdirSync(dirname(eventPath), { recursive: true });
  writeFileSync(eventPath, JSON.stringify(event.payload, null, 2));
  const githubToken = options.githubToken ?? fakeInstallationToken();

  const github: Record<string, string> = {
    GITHUB_WORKSPACE: workspace,
    ...files,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_EVENT_NAME: event.name,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_REPOSITORY_OWNER: REPOSITORY_OWNER,
    GITHUB_REPOSITORY_ID: '1296269',
    GITHUB_SHA: SHA,
    GITHUB_REF: REF,
    GITHUB_REF_NAME: 'main',
    GITHUB_REF_TYPE: 'branch',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_GRAPHQL_URL: 'https://api.github.com/graphql',
    GITHUB_RUN_ID: RUN_ID,
    GITHUB_RUN_NUMBER: '7',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: 'octocat',
    GITHUB_TRIGGERING_ACTOR: 'octocat',
    GITHUB_WORKFLOW: 'release',
    GITHUB_WORKFLOW_REF: WORKFLOW_REF,
    GITHUB_WORKFLOW_SHA: SHA,
    GITHUB_JOB: 'build',
    GITHUB_ACTION: '__gatehouse',
    GITHUB_ACTION_PATH: manifest.dir,
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'GitHub Actions 1',
    RUNNER_ENVIRONMENT: 'github-hosted',
  };
  const context: Record<string, string> = {
    'github.token': githubToken,
    'github.workspace': workspace,
    'github.repository': github.GITHUB_REPOSITORY!,
    'github.repository_owner': github.GITHUB_REPOSITORY_OWNER!,
    'github.sha': options.env?.GITHUB_SHA ?? SHA,
    'github.ref': options.env?.GITHUB_REF ?? github.GITHUB_REF!,
    'github.ref_name': options.env?.GITHUB_REF_NAME ?? github.GITHUB_REF_NAME!,
    'github.server_url': github.GITHUB_SERVER_URL!,
    'github.api_url': github.GITHUB_API_URL!,
    'github.run_id': github.GITHUB_RUN_ID!,
    'github.event_name': event.name,
    'github.actor': github.GITHUB_ACTOR!,
    'github.job': github.GITHUB_JOB!,
    'github.action_path': manifest.dir,
    'runner.temp': runnerTemp,
    'runner.os': 'Linux',
    'runner.arch': 'X64',
  };
  const oidcEnv = options.oidc?.env() ?? {};
  const env: Record<string, string> = {
    ...baseEnvironment(),
    ...github,
    ...inputEnvironment(manifest, options.inputs ?? {}, context),
    ...Object.fromEntries(Object.entries(options.state ?? {}).map(([k, v]) => [`STATE_${k}`, v])),
    ...(options.debug ? { RUNNER_DEBUG: '1' } : {}),
    ...oidcEnv,
    ...options.env,
  };

  const processor = new CommandProcessor({ workspace, env, debug: options.debug ?? false });
  // Job secrets the runner masks before any step runs.
  processor.masker.add(githubToken);
  processor.masker.add(Buffer.from(`x-access-token:${githubToken}`).toString('base64'));
  if (oidcEnv.ACTIONS_ID_TOKEN_REQUEST_TOKEN) processor.masker.add(oidcEnv.ACTIONS_ID_TOKEN_REQUEST_TOKEN);

  const label = `runAction(${options.action}${options.entry && options.entry !== 'main' ? `, ${options.entry}` : ''})`;
  const child = await spawnNode(script, [], {
    cwd: workspace,
    env,
    label,
    ...(options.stdin !== undefined ? { stdin: options.stdin } : {}),
    timeoutMs: options.timeoutMs ?? 60_000,
    onLine: (line, stream) => processor.processLine(line, stream),
  });

  const outputs = { ...processor.outputs, ...readEnvironmentFile(processor, files.GITHUB_OUTPUT, 'output') };
  const stepEnv = { ...processor.env, ...readEnvironmentFile(processor, files.GITHUB_ENV, 'environment variable') };
  const state = { ...processor.state, ...readEnvironmentFile(processor, files.GITHUB_STATE, 'state') };
  const path = [...processor.path, ...parsePathFile(readFileSync(files.GITHUB_PATH, 'utf8'))];
  const summary = readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8');
  const summaryBytes = Buffer.byteLength(summary);
  if (summaryBytes > STEP_SUMMARY_LIMIT) {
    processor.runnerError(
      `$GITHUB_STEP_SUMMARY upload aborted, supports content up to a size of ${STEP_SUMMARY_LIMIT / 1024}k, got ${Math.floor(summaryBytes / 1024)}k.`,
    );
  }

  return {
    exitCode: child.code,
    signal: child.signal,
    result: child.code === 0 && !processor.failed ? 'success' : 'failure',
    stdout: child.stdout,
    stderr: child.stderr,
    outputs,
    env: stepEnv,
    state,
    path,
    summary,
    commands: processor.commands,
    annotations: processor.annotations,
    masks: processor.masks,
    log: processor.log.join('\n'),
    workspace,
    runnerTemp,
    githubToken,
  };
}

export interface CliRunOptions {
  /** Default: a fresh temporary folder. */
  cwd?: string;
  /** Added to a clean environment (PATH, HOME). */
  env?: Record<string, string>;
  stdin?: string;
  timeoutMs?: number;
}

export interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs the bundled CLI (dist/cli/index.js) with Node 24, a clean environment and the given cwd. */
export async function runCli(args: string[], options: CliRunOptions = {}): Promise<CliRun> {
  const script = join(REPO_ROOT, 'dist', 'cli', 'index.js');
  if (!existsSync(script)) throw new Error(`harness: ${script} does not exist (build it: npm run build -- cli)`);
  const cwd = options.cwd ?? temporaryFolder('cli');
  const result = await spawnNode(script, args, {
    cwd,
    env: { ...baseEnvironment(), ...options.env },
    label: `runCli(${args.join(' ')})`,
    ...(options.stdin !== undefined ? { stdin: options.stdin } : {}),
    timeoutMs: options.timeoutMs ?? 60_000,
  });
  return { exitCode: result.code, stdout: result.stdout, stderr: result.stderr };
}

/** Node 24: this process when it is Node 24 (our jest), else the project's node_modules/.bin/node. */
export function nodeExecutable(): string {
  if (Number(process.versions.node.split('.')[0]) >= 24) return process.execPath;
  return join(REPO_ROOT, 'node_modules', '.bin', 'node');
}

function baseEnvironment(): Record<string, string> {
  return {
    PATH: [dirname(nodeExecutable()), process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin'].join(delimiter),
    HOME: process.env.HOME ?? homedir(),
  };
}

interface SpawnOptions {
  cwd: string;
  env: Record<string, string>;
  label: string;
  stdin?: string;
  timeoutMs: number;
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
}

interface SpawnResult {
  code: number;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function spawnNode(script: string, args: string[], options: SpawnOptions): Promise<SpawnResult> {
  return new Promise((resolvePromise, reject) => {
    // detached: its own process group, so a timeout kills whatever the action started too.
    const child = spawn(nodeExecutable(), [script, ...args], {
      cwd: options.cwd,
      env: options.env,
      stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      detached: true,
    });
    const chunks = { stdout: '', stderr: '' };
    for (const stream of ['stdout', 'stderr'] as const) {
      const splitter = new LineSplitter((line) => options.onLine?.(line, stream));
      const source = child[stream]!;
      source.setEncoding('utf8');
      source.on('data', (text: string) => {
        chunks[stream] += text;
        splitter.push(text);
      });
      source.on('end', () => splitter.end());
    }
    if (options.stdin !== undefined) {
      child.stdin!.on('error', () => undefined); // the action may exit without reading its stdin
      child.stdin!.end(options.stdin);
    }
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`${options.label}: could not start ${nodeExecutable()}: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) {
        const tail = (chunks.stdout + chunks.stderr).slice(-2000);
        reject(
          new Error(`${options.label}: timed out after ${options.timeoutMs} ms and was killed; last output:\n${tail}`),
        );
        return;
      }
      resolvePromise({ code: code ?? 128, signal, stdout: chunks.stdout, stderr: chunks.stderr });
    });
  });
}

function readEnvironmentFile(processor: CommandProcessor, path: string, kind: string): Record<string, string> {
  try {
    return parseKeyValueFile(readFileSync(path, 'utf8'), kind);
  } catch (error) {
    const name = kind === 'environment variable' ? 'env' : kind;
    processor.runnerError(`Unable to process file command '${name}' successfully.`);
    processor.runnerError(error instanceof Error ? error.message : String(error));
    return {};
  }
}

/** A fake GitHub App installation token in the real format (ghs_ + 36 base62 characters). */
function fakeInstallationToken(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return `ghs_${Array.from(randomBytes(36), (byte) => alphabet[byte % alphabet.length]).join('')}`;
}

function pushEvent(): Record<string, unknown> {
  return {
    ref: REF,
    before: '0000000000000000000000000000000000000000',
    after: SHA,
    repository: {
      id: 1296269,
      name: REPOSITORY.split('/')[1],
      full_name: REPOSITORY,
      private: false,
      owner: { login: REPOSITORY_OWNER, type: 'Organization' },
      html_url: `https://github.com/${REPOSITORY}`,
      default_branch: 'main',
    },
    pusher: { name: 'octocat' },
    sender: { login: 'octocat', type: 'User' },
    head_commit: { id: SHA, message: 'Release', timestamp: '2026-11-21T12:00:00Z' },
  };
}
