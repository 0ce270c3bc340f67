export const id = 6;
export const ids = [6];
export const modules = {

/***/ 8200:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Inputs: () => (/* binding */ Inputs)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _gatehouse_findings__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6349);


const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];
/** Typed readers over an InputSource; a wrong value fails with one line naming the input. */
class Inputs {
    source;
    workspace;
    constructor(source, 
    /** Relative paths in inputs are resolved against this folder. */
    workspace) {
        this.source = source;
        this.workspace = workspace;
    }
    raw(name) {
        const value = this.source(name);
        return value === undefined || value.trim() === '' ? undefined : value;
    }
    string(name, options = {}) {
        const value = this.raw(name)?.trim();
        if (value !== undefined)
            return value;
        if (options.required)
            throw new _gatehouse_findings__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`Input '${name}' is required.`);
        return options.default;
    }
    /** Strict YAML 1.2 core booleans, as the runner's getBooleanInput accepts. */
    boolean(name, defaultValue) {
        const value = this.raw(name)?.trim();
        if (value === undefined)
            return defaultValue;
        if (TRUE.includes(value))
            return true;
        if (FALSE.includes(value))
            return false;
        throw new _gatehouse_findings__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`Input '${name}' must be true or false (got '${value}').`);
    }
    enum(name, allowed, defaultValue) {
        const value = this.raw(name)?.trim();
        if (value === undefined)
            return defaultValue;
        const match = allowed.find((candidate) => candidate === value.toLowerCase());
        if (match === undefined) {
            throw new _gatehouse_findings__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`Input '${name}' must be one of ${allowed.join(', ')} (got '${value}').`);
        }
        return match;
    }
    /**
     * A list: one item per line; with `commas`, commas separate too (for values that cannot contain
     * one). Blank lines and surrounding whitespace are dropped.
     */
    list(name, options = {}) {
        const value = this.raw(name);
        if (value === undefined)
            return [];
        const separator = options.commas ? /[\n,]/ : /\n/;
        return value
            .split(separator)
            .map((item) => item.trim())
            .filter((item) => item.length > 0);
    }
    integer(name, defaultValue, bounds = {}) {
        const value = this.raw(name)?.trim();
        if (value === undefined)
            return defaultValue;
        const parsed = /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
        const min = bounds.min ?? Number.MIN_SAFE_INTEGER;
        const max = bounds.max ?? Number.MAX_SAFE_INTEGER;
        if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
            const range = bounds.min !== undefined || bounds.max !== undefined ? ` between ${min} and ${max}` : '';
            throw new _gatehouse_findings__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`Input '${name}' must be an integer${range} (got '${value}').`);
        }
        return parsed;
    }
    /** A path relative to the workspace, resolved to an absolute path. */
    path(name) {
        const value = this.string(name);
        return value === undefined ? undefined : (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(this.workspace, value);
    }
}


/***/ }),

/***/ 2006:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// UNUSED EXPORTS: mainHelp

// EXTERNAL MODULE: ./packages/findings/src/index.ts + 8 modules
var src = __webpack_require__(6349);
// EXTERNAL MODULE: ./packages/action-kit/src/inputs.ts
var inputs = __webpack_require__(8200);
;// CONCATENATED MODULE: ./packages/cli/src/command.ts


/**
 * Parses `--flag value`, `--flag=value`, `--flag` / `--no-flag` for booleans, repeated flags for
 * lists, bare arguments for the positional list, and everything after `--` as a command.
 */
function parseFlags(command, argv) {
    const values = new Map();
    const positional = Object.entries(command.flags).find(([, spec]) => spec.positional)?.[0];
    const shorts = new Map(Object.entries(command.flags)
        .filter(([, spec]) => spec.short)
        .map(([name, spec]) => [spec.short, name]));
    const add = (name, value) => {
        const spec = command.flags[name];
        const current = values.get(name) ?? [];
        if (spec.kind !== 'list' && current.length > 0) {
            throw new src/* UsageError */.eb(`Option --${name} was given more than once`);
        }
        values.set(name, [...current, value]);
    };
    let rest = [];
    for (let index = 0; index < argv.length; index++) {
        const arg = argv[index];
        if (arg === '--') {
            if (!command.acceptsCommand)
                throw new src/* UsageError */.eb(`gatehouse ${command.name} takes no command after --`);
            rest = argv.slice(index + 1);
            break;
        }
        if (arg.startsWith('--') || (arg.startsWith('-') && arg.length === 2 && shorts.has(arg.slice(1)))) {
            let name = arg.startsWith('--') ? arg.slice(2) : shorts.get(arg.slice(1));
            let inline;
            const equals = name.indexOf('=');
            if (equals >= 0) {
                inline = name.slice(equals + 1);
                name = name.slice(0, equals);
            }
            const spec = command.flags[name];
            if (!spec && name.startsWith('no-') && command.flags[name.slice(3)]?.kind === 'boolean' && inline === undefined) {
                add(name.slice(3), 'false');
                continue;
            }
            if (!spec)
                throw new src/* UsageError */.eb(`Unknown option --${name} for gatehouse ${command.name} (see gatehouse ${command.name} --help)`);
            if (spec.kind === 'boolean') {
                add(name, inline ?? (isBooleanWord(argv[index + 1]) ? argv[++index] : 'true'));
                continue;
            }
            const value = inline ?? argv[++index];
            if (value === undefined)
                throw new src/* UsageError */.eb(`Option --${name} needs a value`);
            add(name, value);
            continue;
        }
        if (!positional)
            throw new src/* UsageError */.eb(`Unexpected argument '${arg}' for gatehouse ${command.name} (see gatehouse ${command.name} --help)`);
        add(positional, arg);
    }
    return { values, rest };
}
function isBooleanWord(value) {
    return value === 'true' || value === 'false';
}
/** The parsed flags as an InputSource: lists joined by newlines, as a workflow would write them. */
function inputsFrom(parsed, cwd) {
    return new inputs.Inputs((name) => parsed.values.get(name)?.join('\n'), cwd);
}
function commandHelp(command) {
    const lines = [`Usage: ${command.usage}`, '', command.summary, '', 'Options:'];
    const width = Math.max(...Object.keys(command.flags).map((name) => name.length)) + 4;
    for (const [name, spec] of Object.entries(command.flags)) {
        const flag = `--${name}${spec.short ? `, -${spec.short}` : ''}`;
        const value = spec.kind === 'boolean' ? '' : spec.kind === 'list' ? ' <value>...' : ' <value>';
        const def = spec.default !== undefined ? ` (default: ${spec.default})` : '';
        lines.push(`  ${(flag + value).padEnd(width + 12)} ${spec.description}${def}`);
    }
    lines.push('', 'Exit codes: 0 passed, 1 policy violation, 2 usage error, 3 unexpected error.');
    return lines.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./packages/cli/src/commands/gate.ts
/** The decision flags every gate-shaped command (gate, audit) shares with its action. */
const DECISION_FLAGS = {
    'fail-on': {
        kind: 'string',
        default: 'high',
        description: 'Fail at or above: critical, high, medium, low, info, none',
    },
    'report-on': { kind: 'string', default: 'low', description: 'Lowest severity listed in the report and SARIF' },
    exceptions: { kind: 'string', description: 'Exceptions file (YAML) with id, owner, reason, expires' },
    'only-fixed': { kind: 'boolean', default: 'false', description: 'Fail only on findings that have a fix' },
    'sarif-output': { kind: 'string', description: 'Write SARIF 2.1.0 here' },
    'findings-output': { kind: 'string', description: 'Write Gatehouse findings JSON here' },
    summary: {
        kind: 'boolean',
        default: 'true',
        description: 'List the findings (--no-summary prints only the verdict and counts)',
    },
};
const gateCommand = {
    name: 'gate',
    action: 'gate',
    summary: 'One pass/fail decision over the findings of every scanner, by severity, with exceptions and VEX.',
    usage: 'gatehouse gate [options] <report>...',
    flags: {
        reports: {
            kind: 'list',
            positional: true,
            description: 'Report files or globs (SARIF, Trivy, Grype, osv-scanner, npm audit, Gatehouse JSON)',
        },
        vex: { kind: 'list', description: 'OpenVEX or CycloneDX VEX documents (repeatable)' },
        'allow-empty': { kind: 'boolean', default: 'false', description: 'Pass when no report matches' },
        ...DECISION_FLAGS,
    },
    async run(inputs, context) {
        const { runGate } = await Promise.all(/* import() */[__webpack_require__.e(91), __webpack_require__.e(329)]).then(__webpack_require__.bind(__webpack_require__, 8329));
        const { readGateOptions } = await __webpack_require__.e(/* import() */ 687).then(__webpack_require__.bind(__webpack_require__, 6687));
        const { printGateResult } = await Promise.all(/* import() */[__webpack_require__.e(91), __webpack_require__.e(329), __webpack_require__.e(302)]).then(__webpack_require__.bind(__webpack_require__, 9302));
        const options = readGateOptions(inputs);
        const result = await runGate(options.gate);
        return printGateResult('gate', result, { workspace: options.gate.workspace, ...options }, context);
    },
};

;// CONCATENATED MODULE: ./packages/cli/src/commands/audit.ts

const auditCommand = {
    name: 'audit',
    action: '.',
    summary: 'Every offline check of a repository in one step: pinning and secrets, then one gate decision.',
    usage: 'gatehouse audit [options] [<path-or-glob>...]',
    flags: {
        checks: {
            kind: 'list',
            default: 'pin,secrets',
            description: 'Checks to run: pin, secrets (repeatable or comma-separated)',
        },
        paths: {
            kind: 'list',
            positional: true,
            description: 'Files or globs to check (default: every file git would track)',
        },
        'trusted-registries': { kind: 'list', description: 'Allowed registries: host, host:port, *.domain (repeatable)' },
        allow: { kind: 'list', description: 'Image or owner/repo globs exempted from pinning (repeatable)' },
        ...DECISION_FLAGS,
    },
    async run(inputs, context) {
        const { runAudit } = await Promise.all(/* import() */[__webpack_require__.e(91), __webpack_require__.e(630), __webpack_require__.e(103), __webpack_require__.e(329), __webpack_require__.e(155)]).then(__webpack_require__.bind(__webpack_require__, 9155));
        const { readAuditOptions } = await Promise.all(/* import() */[__webpack_require__.e(91), __webpack_require__.e(630), __webpack_require__.e(103), __webpack_require__.e(329), __webpack_require__.e(865)]).then(__webpack_require__.bind(__webpack_require__, 7865));
        const { printGateResult } = await Promise.all(/* import() */[__webpack_require__.e(91), __webpack_require__.e(329), __webpack_require__.e(302)]).then(__webpack_require__.bind(__webpack_require__, 9302));
        const options = readAuditOptions(inputs);
        const result = await runAudit(options.audit);
        return printGateResult('audit', result.gate, { workspace: options.audit.workspace, ...options }, context);
    },
};

;// CONCATENATED MODULE: ./packages/cli/src/commands/pin.ts

const pinCommand = {
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
        const { Inputs } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 8200));
        const { pinHeadline, pinPassed, runPin, unsuppressed, writePinSarif } = await __webpack_require__.e(/* import() */ 103).then(__webpack_require__.bind(__webpack_require__, 1103));
        const { readPinOptions } = await Promise.all(/* import() */[__webpack_require__.e(103), __webpack_require__.e(973)]).then(__webpack_require__.bind(__webpack_require__, 1973));
        const { findingLines } = await Promise.all(/* import() */[__webpack_require__.e(91), __webpack_require__.e(329), __webpack_require__.e(302)]).then(__webpack_require__.bind(__webpack_require__, 9302));
        // The action gets these from `${{ github.token }}` and `${{ github.api_url }}`; a shell has them in its environment.
        const fromEnvironment = {
            'github-token': context.env.GITHUB_TOKEN ?? context.env.GH_TOKEN,
            'github-api-url': context.env.GITHUB_API_URL,
        };
        const inputs = new Inputs((name) => flags.raw(name) ?? fromEnvironment[name], flags.workspace);
        const options = readPinOptions(inputs);
        const result = await runPin(options.pin);
        const out = (line = '') => void context.stdout.write(line + '\n');
        if (options.sarifOutput)
            out(`SARIF written to ${await writePinSarif(result, options.sarifOutput, options.pin.workspace)}`);
        for (const item of result.fixed)
            out(`  pinned   ${item.path}:${item.line}:${item.column}  ${item.before} -> ${item.after}`);
        for (const line of findingLines(unsuppressed(result)))
            out(line);
        for (const note of result.notes)
            out(`  note: ${note}`);
        const passed = pinPassed(result);
        out(`gatehouse pin: ${passed ? 'passed' : 'failed'}: ${pinHeadline(result, options.pin.mode).replace(/\*\*/g, '')}`);
        return passed ? src/* ExitCode */.yU.ok : src/* ExitCode */.yU.violation;
    },
};

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./packages/cli/src/commands/scrub.ts



/** `::add-mask::` data escaping, as the runner reads it. */
function escapeCommandData(value) {
    return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
const scrubCommand = {
    name: 'scrub',
    action: 'scrub',
    summary: 'Run a command (or filter stdin) with secrets redacted from its output; scan files and archives for leaks.',
    usage: 'gatehouse scrub [options] -- CMD ARGS...   |   gatehouse scrub --stdin [options]',
    acceptsCommand: true,
    flags: {
        secret: {
            cliOnly: true,
            kind: 'list',
            description: 'A value to redact (repeatable; visible in process listings: prefer --secrets-file or the environment)',
        },
        'secrets-file': {
            cliOnly: true,
            kind: 'string',
            description: 'File of secrets: one per line, or a JSON object read as its values',
        },
        secrets: { kind: 'string', description: 'Secrets as text: one per line, or a JSON object' },
        'env-secrets': {
            kind: 'string',
            default: 'auto',
            description: 'Environment variables to treat as secrets: auto, none, or names/globs (MY_*, !PUBLIC_KEY)',
        },
        stdin: { cliOnly: true, kind: 'boolean', default: 'false', description: 'Filter mode: redact stdin to stdout' },
        run: { kind: 'string', description: 'A command line to run with --shell (instead of -- CMD ARGS...)' },
        shell: {
            kind: 'string',
            default: 'bash',
            description: 'Shell for --run: bash, sh, pwsh, python, or a template with {0}',
        },
        'scan-paths': {
            kind: 'list',
            description: 'Files, folders or globs to scan afterwards (.zip, .tar, .tar.gz entries too)',
        },
        'redact-files': {
            kind: 'boolean',
            default: 'false',
            description: 'Rewrite scanned plain files with secrets redacted',
        },
        'fail-on-leak': { kind: 'boolean', default: 'true', description: 'Exit 1 when something was redacted or found' },
        replacement: { kind: 'string', default: 'mask', description: 'mask (***) or rule ([REDACTED:<rule>])' },
        'sarif-output': { kind: 'string', description: 'Write the leaks as SARIF 2.1.0 here' },
    },
    async run(inputs, context, rest) {
        const { parseSecretsInput, runScrub } = await __webpack_require__.e(/* import() */ 630).then(__webpack_require__.bind(__webpack_require__, 9630));
        const { readScrubOptions, requireSomethingToDo } = await Promise.all(/* import() */[__webpack_require__.e(630), __webpack_require__.e(473)]).then(__webpack_require__.bind(__webpack_require__, 1473));
        const { writeScrubSarif } = await __webpack_require__.e(/* import() */ 93).then(__webpack_require__.bind(__webpack_require__, 4093));
        const { findingLines } = await Promise.all(/* import() */[__webpack_require__.e(91), __webpack_require__.e(329), __webpack_require__.e(302)]).then(__webpack_require__.bind(__webpack_require__, 9302));
        const options = readScrubOptions(inputs, context.env);
        const scrub = options.scrub;
        const extra = inputs.raw('secret')?.split('\n') ?? [];
        const secretsFile = inputs.string('secrets-file');
        if (secretsFile) {
            let text;
            try {
                text = await (0,promises_.readFile)((0,external_node_path_.resolve)(context.cwd, secretsFile), 'utf8');
            }
            catch {
                throw new src/* UsageError */.eb(`Option --secrets-file: cannot read ${secretsFile}`);
            }
            extra.push(...parseSecretsInput(text, 'secrets-file'));
        }
        scrub.secrets = [...scrub.secrets, ...extra];
        const filtering = inputs.boolean('stdin', false);
        if (rest.length > 0) {
            if (scrub.run !== undefined)
                throw new src/* UsageError */.eb('Give either --run or a command after --, not both.');
            scrub.command = rest;
        }
        if (filtering && (scrub.run !== undefined || scrub.command !== undefined)) {
            throw new src/* UsageError */.eb('--stdin filters a stream: it cannot be combined with a command to run.');
        }
        requireSomethingToDo(scrub, filtering);
        const onRunner = context.env.GITHUB_ACTIONS === 'true';
        const result = await runScrub(scrub, {
            // On a runner the values become masks before anything is printed; elsewhere nothing is announced.
            beforeSpawn: (masks) => {
                if (onRunner)
                    for (const value of masks)
                        context.stdout.write(`::add-mask::${escapeCommandData(value)}\n`);
            },
            stdout: (chunk) => void context.stdout.write(chunk),
            stderr: (chunk) => void context.stderr.write(chunk),
            ...(filtering ? { stdin: context.stdin } : {}),
        });
        if (onRunner && result.openStopCommandsToken)
            context.stdout.write(`::${result.openStopCommandsToken}::\n`);
        // The report goes to stderr: stdout carries the command's (or the filtered) output.
        const err = (line = '') => void context.stderr.write(line + '\n');
        if (options.sarifOutput)
            err(`SARIF written to ${await writeScrubSarif(result.findings, options.sarifOutput, scrub.workspace)}`);
        for (const line of findingLines(result.findings))
            err(line);
        for (const path of result.rewritten)
            err(`  rewrote ${path}`);
        for (const path of result.notRewritten)
            err(`  not rewritten (inside an archive): ${path}`);
        if (scrub.scanPaths.length > 0 && result.scannedFiles === 0 && result.skippedFiles.length === 0) {
            err('  warning: --scan-paths matched no file: nothing was scanned');
        }
        for (const skipped of result.skippedFiles)
            err(`  not scanned: ${skipped.path} (${skipped.reason})`);
        const verdict = result.commandExitCode !== undefined && result.commandExitCode !== 0
            ? `the command exited with ${result.commandExitCode}`
            : result.exitCode === src/* ExitCode */.yU.ok
                ? 'passed'
                : 'failed';
        if (result.leaks > 0 || result.exitCode !== src/* ExitCode */.yU.ok || options.sarifOutput) {
            err(`gatehouse scrub: ${verdict}: ${result.leaks} leak(s), redactions ${JSON.stringify(result.redactions)}`);
        }
        return result.exitCode;
    },
};

;// CONCATENATED MODULE: ./packages/cli/src/commands/sign.ts

const signCommand = {
    name: 'sign',
    action: 'sign',
    summary: 'Sign artifacts with Sigstore (keyless with the CI identity, or with a key); writes a v0.3 bundle per artifact.',
    usage: 'gatehouse sign [options] <file-or-glob>...',
    flags: {
        'subject-path': { kind: 'list', positional: true, description: 'Files or globs to sign' },
        'subject-digest': {
            kind: 'string',
            description: 'Sign a digest (sha256:<hex>) without the file; needs --subject-name',
        },
        'subject-name': { kind: 'string', description: 'Name of the artifact signed by --subject-digest' },
        'predicate-type': { kind: 'string', description: 'Sign an in-toto attestation of this predicate type' },
        predicate: { kind: 'string', description: 'The predicate as JSON text' },
        'predicate-path': { kind: 'string', description: 'A file holding the predicate JSON' },
        'bundle-dir': { kind: 'string', description: 'Folder for bundles (default <file>.sigstore.json beside each file)' },
        key: {
            kind: 'string',
            description: 'PEM private key (text or path) for keyed signing; without it, keyless (ACTIONS_ID_TOKEN_REQUEST_* or SIGSTORE_ID_TOKEN)',
        },
        'key-password': { kind: 'string', description: 'Password of an encrypted key (prefer GATEHOUSE_KEY_PASSWORD)' },
        'oidc-audience': { kind: 'string', default: 'sigstore', description: 'Audience of the OIDC token' },
        'fulcio-url': { kind: 'string', description: 'Fulcio URL' },
        'rekor-url': { kind: 'string', description: 'Rekor v1 URL' },
        'tsa-url': { kind: 'string', description: 'Timestamp authority URL' },
        'signing-config': { kind: 'string', description: 'Sigstore signing_config.json (private instances, Rekor v2)' },
        tlog: { kind: 'boolean', default: 'true', description: 'Record the signature in the transparency log' },
    },
    async run(inputs, context) {
        const { signWorkspace } = await Promise.all(/* import() */[__webpack_require__.e(816), __webpack_require__.e(433)]).then(__webpack_require__.bind(__webpack_require__, 4433));
        const { readSignOptions } = await __webpack_require__.e(/* import() */ 573).then(__webpack_require__.bind(__webpack_require__, 9954));
        const options = readSignOptions(inputs);
        const password = options.keyPassword ?? context.env.GATEHOUSE_KEY_PASSWORD;
        const report = await signWorkspace({
            ...options,
            ...(password ? { keyPassword: password } : {}),
            idToken: {
                requestUrl: context.env.ACTIONS_ID_TOKEN_REQUEST_URL,
                requestToken: context.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
            },
            ...(context.env.SIGSTORE_ID_TOKEN ? { identityToken: context.env.SIGSTORE_ID_TOKEN } : {}),
        });
        const out = (line = '') => void context.stdout.write(line + '\n');
        for (const result of report.results) {
            out(`signed ${result.subject} ${result.digest} -> ${result.bundlePath}${result.logIndex ? ` (log index ${result.logIndex})` : ''}`);
        }
        const first = report.results[0];
        if (first?.identity)
            out(`signer: ${first.identity} (${first.issuer ?? 'unknown issuer'})`);
        return src/* ExitCode */.yU.ok;
    },
};

;// CONCATENATED MODULE: ./packages/cli/src/commands/verify.ts

const verifyCommand = {
    name: 'verify',
    action: 'verify',
    summary: 'Verify Sigstore bundles against an identity policy (or a public key) and a trusted root.',
    usage: 'gatehouse verify [options] <file-or-glob>...',
    flags: {
        'subject-path': { kind: 'list', positional: true, description: 'Files or globs to verify' },
        'subject-digest': {
            kind: 'string',
            description: 'Verify a digest (sha256:<hex>) without the file; needs --bundle-path',
        },
        'bundle-path': { kind: 'string', description: 'Bundle file or folder (default <file>.sigstore.json)' },
        'certificate-identity': { kind: 'string', description: 'Exact signer identity (certificate SAN)' },
        'certificate-identity-regexp': {
            kind: 'string',
            description: 'Regexp the whole signer identity must match (anchored)',
        },
        'certificate-oidc-issuer': { kind: 'string', description: 'Exact OIDC issuer of the signer' },
        'signer-repository': { kind: 'string', description: 'GitHub: owner/repo of the signing workflow' },
        'signer-workflow': { kind: 'string', description: 'GitHub: owner/repo/.github/workflows/file.yml[@ref]' },
        'source-repository': {
            kind: 'string',
            description: 'GitHub: owner/repo whose run signed (default: the repository of --signer-repository/--signer-workflow)',
        },
        'source-ref': { kind: 'string', description: 'GitHub: the ref the signing run was triggered for' },
        'public-key': { kind: 'string', description: 'PEM public key (text or path) for keyed bundles' },
        'trusted-root': {
            kind: 'string',
            description: 'trusted_root.json (offline; default the public-good root over TUF)',
        },
        'tlog-threshold': { kind: 'string', default: '1', description: 'Transparency-log entries required' },
        'timestamp-threshold': { kind: 'string', default: '1', description: 'Verified timestamps required' },
        'predicate-type': { kind: 'string', description: 'Require an in-toto attestation of this predicate type' },
    },
    async run(inputs, context) {
        const { verifyWorkspace } = await Promise.all(/* import() */[__webpack_require__.e(816), __webpack_require__.e(433)]).then(__webpack_require__.bind(__webpack_require__, 4433));
        const { readVerifyOptions } = await __webpack_require__.e(/* import() */ 781).then(__webpack_require__.bind(__webpack_require__, 8781));
        const report = await verifyWorkspace(readVerifyOptions(inputs));
        const out = (line = '') => void context.stdout.write(line + '\n');
        for (const result of report.results) {
            if (result.verified) {
                out(`verified ${result.subject}: ${result.identity ?? 'signed with the given key'}${result.issuer ? ` (${result.issuer})` : ''}${result.logIndex ? `, log index ${result.logIndex}` : ''}`);
            }
            else {
                out(`FAILED   ${result.subject} (bundle ${result.bundle}): ${result.reason ?? 'not verified'}`);
            }
        }
        const failed = report.results.filter((result) => !result.verified).length;
        out(`gatehouse verify: ${report.verified ? 'verified' : 'failed'}: ${report.results.length - failed} of ${report.results.length} subjects verified`);
        return report.verified ? src/* ExitCode */.yU.ok : src/* ExitCode */.yU.violation;
    },
};

;// CONCATENATED MODULE: ./packages/cli/src/commands/index.ts






/** Every subcommand, in the order `gatehouse --help` lists them. */
const COMMANDS = [auditCommand, gateCommand, pinCommand, scrubCommand, signCommand, verifyCommand];

;// CONCATENATED MODULE: ./packages/cli/src/version.ts
/** Kept equal to package.json's version by a test. */
const VERSION = '0.1.0';

;// CONCATENATED MODULE: ./packages/cli/src/main.ts




function mainHelp() {
    const width = Math.max(...COMMANDS.map((command) => command.name.length)) + 2;
    return [
        'Usage: gatehouse <command> [options]',
        '',
        'Pipeline security checks: the same engine as the Gatehouse GitHub Actions.',
        '',
        'Commands:',
        ...COMMANDS.map((command) => `  ${command.name.padEnd(width)} ${command.summary}`),
        '',
        'Options:',
        '  --help, -h     Show help (also: gatehouse <command> --help)',
        '  --version, -V  Show the version',
        '  --debug        Show stack traces of unexpected errors',
        '',
        'Exit codes: 0 passed, 1 policy violation, 2 usage error, 3 unexpected error.',
        '',
    ].join('\n');
}
/** Runs the CLI and returns its exit code; never calls process.exit itself. */
async function main(argv, context) {
    const args = [...argv];
    const debugAt = args.indexOf('--debug');
    if (debugAt >= 0 && (args.indexOf('--') < 0 || debugAt < args.indexOf('--'))) {
        args.splice(debugAt, 1);
        context = { ...context, debug: true };
    }
    const [name, ...rest] = args;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
        context.stdout.write(mainHelp());
        return name === undefined ? src/* ExitCode */.yU.usage : src/* ExitCode */.yU.ok;
    }
    if (name === '--version' || name === '-V') {
        context.stdout.write(`gatehouse ${VERSION}\n`);
        return src/* ExitCode */.yU.ok;
    }
    const command = COMMANDS.find((candidate) => candidate.name === name);
    try {
        if (!command)
            throw new src/* UsageError */.eb(`Unknown command '${name}' (commands: ${COMMANDS.map((c) => c.name).join(', ')})`);
        const end = rest.indexOf('--');
        const own = end < 0 ? rest : rest.slice(0, end);
        if (own.includes('--help') || own.includes('-h')) {
            context.stdout.write(commandHelp(command));
            return src/* ExitCode */.yU.ok;
        }
        const parsed = parseFlags(command, rest);
        return await command.run(inputsFrom(parsed, context.cwd), context, parsed.rest);
    }
    catch (error) {
        if (error instanceof src/* UsageError */.eb) {
            context.stderr.write(`gatehouse${command ? ` ${command.name}` : ''}: ${error.message}\n`);
            return src/* ExitCode */.yU.usage;
        }
        context.stderr.write(`gatehouse${command ? ` ${command.name}` : ''}: unexpected error: ${(0,src/* describeError */.Uc)(error)}\n`);
        if (context.debug && error instanceof Error && error.stack)
            context.stderr.write(`${error.stack}\n`);
        return src/* ExitCode */.yU.unexpected;
    }
}


/***/ }),

/***/ 6349:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  yU: () => (/* reexport */ ExitCode),
  oC: () => (/* reexport */ severity_SEVERITIES),
  eb: () => (/* reexport */ UsageError),
  FW: () => (/* reexport */ applyExceptions),
  jZ: () => (/* reexport */ atLeast),
  Ot: () => (/* reexport */ countBySeverity),
  Uc: () => (/* reexport */ describeError),
  _h: () => (/* reexport */ existingFile),
  GE: () => (/* reexport */ expandGlobs),
  ax: () => (/* reexport */ fingerprintOf),
  j$: () => (/* reexport */ finding_formatLocation),
  _Z: () => (/* reexport */ isSeverity),
  Bx: () => (/* reexport */ isSuppressed),
  wu: () => (/* reexport */ parseExceptions),
  lv: () => (/* reexport */ parseSeverity),
  qs: () => (/* reexport */ severityRank),
  Tc: () => (/* reexport */ sortFindings),
  d7: () => (/* reexport */ toPosix),
  yE: () => (/* reexport */ toRelative),
  zv: () => (/* reexport */ toSarif),
  Zf: () => (/* reexport */ writeFileAtomic)
});

// UNUSED EXPORTS: SARIF_SCHEMA_URI, SUMMARY_LIMIT_BYTES, cell, compareSeverity, emptyCounts, isExpired, purlParts, renderSummary, severityFromCvss

;// CONCATENATED MODULE: ./packages/findings/src/errors.ts
/** Exit codes shared by every action and CLI command (see DESIGN.md). */
const ExitCode = {
    ok: 0,
    violation: 1,
    usage: 2,
    unexpected: 3,
};
/**
 * Bad input: a missing file, malformed JSON/YAML, an unknown option. The message is one line that
 * names the input and what is wrong; fronts print it and exit 2.
 */
class UsageError extends Error {
    code = 'USAGE';
    constructor(message) {
        super(message.replace(/\s*\n\s*/g, ' '));
        this.name = 'UsageError';
    }
}
/** One line describing any thrown value, for error messages. */
function describeError(error) {
    if (error instanceof Error)
        return error.message.split('\n')[0] ?? error.name;
    return String(error);
}

;// CONCATENATED MODULE: ./packages/findings/src/severity.ts
const severity_SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'];
/** Higher is more severe: critical 4 … info 0. */
function severityRank(severity) {
    return 4 - severity_SEVERITIES.indexOf(severity);
}
function isSeverity(value) {
    return typeof value === 'string' && severity_SEVERITIES.includes(value);
}
function atLeast(severity, threshold) {
    return severityRank(severity) >= severityRank(threshold);
}
function compareSeverity(a, b) {
    return severityRank(b) - severityRank(a);
}
/** GitHub's CVSS bands: ≥9.0 critical, ≥7.0 high, ≥4.0 medium, ≥0.1 low, 0.0 info. */
function severityFromCvss(score) {
    if (score >= 9.0)
        return 'critical';
    if (score >= 7.0)
        return 'high';
    if (score >= 4.0)
        return 'medium';
    if (score >= 0.1)
        return 'low';
    return 'info';
}
const SPELLINGS = {
    critical: 'critical',
    crit: 'critical',
    severe: 'critical',
    high: 'high',
    important: 'high',
    error: 'high',
    medium: 'medium',
    moderate: 'medium',
    med: 'medium',
    warning: 'medium',
    warn: 'medium',
    low: 'low',
    minor: 'low',
    note: 'low',
    info: 'info',
    informational: 'info',
    information: 'info',
    negligible: 'info',
    none: 'info',
    unimportant: 'info',
};
/**
 * Severity from any common spelling: names in any case (CRITICAL, Moderate, Negligible), SARIF
 * levels (error/warning/note/none), and CVSS scores as numbers or numeric strings. Never throws:
 * a missing or unknown value is `medium`, flagged as assumed.
 */
function parseSeverity(value) {
    if (typeof value === 'number') {
        if (Number.isFinite(value) && value >= 0 && value <= 10) {
            return { severity: severityFromCvss(value), assumed: false };
        }
        return { severity: 'medium', assumed: true };
    }
    if (typeof value !== 'string')
        return { severity: 'medium', assumed: true };
    const text = value.trim().toLowerCase();
    const named = Object.hasOwn(SPELLINGS, text) ? SPELLINGS[text] : undefined;
    if (named)
        return { severity: named, assumed: false };
    if (/^\d+(\.\d+)?$/.test(text))
        return parseSeverity(Number(text));
    return { severity: 'medium', assumed: true };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./packages/findings/src/finding.ts

/** A stable fingerprint: sha256 over the parts that identify a finding, never over secrets. */
function fingerprintOf(...parts) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for (const part of parts)
        hash.update(`${part ?? ''}\u0000`);
    return hash.digest('hex').slice(0, 32);
}
function isSuppressed(finding) {
    return finding.properties.suppression !== undefined;
}
function finding_formatLocation(location) {
    if (!location)
        return '';
    let text = location.path;
    if (location.line)
        text += `:${location.line}`;
    if (location.line && location.column)
        text += `:${location.column}`;
    return text;
}

;// CONCATENATED MODULE: ./packages/findings/src/counts.ts


function emptyCounts() {
    return { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
}
/** Counts of unsuppressed findings per severity. */
function countBySeverity(findings) {
    const counts = emptyCounts();
    for (const finding of findings)
        if (!isSuppressed(finding))
            counts[finding.severity]++;
    return counts;
}
/** Most severe first, then by location and rule so output is stable. */
function sortFindings(findings) {
    return [...findings].sort((a, b) => compareSeverity(a.severity, b.severity) ||
        compareText(a.location?.path ?? '', b.location?.path ?? '') ||
        (a.location?.line ?? 0) - (b.location?.line ?? 0) ||
        compareText(a.ruleId, b.ruleId) ||
        compareText(a.fingerprint, b.fingerprint));
}
/** Code-unit order: the same on every machine and locale, and far cheaper than localeCompare. */
function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./packages/findings/src/sarif-writer.ts
const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL = {
    critical: 'error',
    high: 'error',
    medium: 'warning',
    low: 'note',
    info: 'none',
};
/** A representative score inside each GitHub band, so code scanning shows the same severity. */
const SECURITY_SEVERITY = {
    critical: '9.5',
    high: '8.0',
    medium: '5.5',
    low: '2.0',
    info: '0.0',
};
/**
 * Findings as a SARIF 2.1.0 log, one run, one rule per ruleId. The fingerprint travels as a
 * partial fingerprint and our severity as `security-severity`, so reading the log back gives the
 * same findings. Suppressed findings carry an accepted external suppression.
 */
function toSarif(findings, tool) {
    const ruleIndex = new Map();
    const rules = [];
    for (const finding of findings) {
        if (ruleIndex.has(finding.ruleId))
            continue;
        ruleIndex.set(finding.ruleId, rules.length);
        const rule = {
            id: finding.ruleId,
            shortDescription: { text: nonEmpty(finding.title, finding.ruleId) },
            defaultConfiguration: { level: LEVEL[finding.severity] },
            properties: {
                'security-severity': SECURITY_SEVERITY[finding.severity],
                tags: ['security', ...(finding.properties.tags ?? [])],
            },
        };
        if (isUri(finding.properties.helpUri))
            rule.helpUri = finding.properties.helpUri;
        rules.push(rule);
    }
    const results = findings.map((finding) => {
        const result = {
            ruleId: finding.ruleId,
            ruleIndex: ruleIndex.get(finding.ruleId),
            level: LEVEL[finding.severity],
            message: { text: nonEmpty(finding.message, finding.title, finding.ruleId) },
            partialFingerprints: { 'gatehouse/v1': finding.fingerprint },
            properties: {
                'gatehouse/severity': finding.severity,
                'security-severity': SECURITY_SEVERITY[finding.severity],
                ...serialisableProperties(finding),
            },
        };
        if (finding.location?.path) {
            const region = {};
            if (positive(finding.location.line))
                region.startLine = finding.location.line;
            if (positive(finding.location.line) && positive(finding.location.column)) {
                region.startColumn = finding.location.column;
            }
            if (positive(finding.location.endLine))
                region.endLine = finding.location.endLine;
            if (positive(finding.location.endColumn))
                region.endColumn = finding.location.endColumn;
            result.locations = [
                {
                    physicalLocation: {
                        artifactLocation: { uri: encodeUriPath(finding.location.path) },
                        ...(Object.keys(region).length > 0 ? { region } : {}),
                    },
                },
            ];
        }
        // SARIF `fixes` must carry artifact changes; a remediation in words travels as a property.
        if (finding.fix)
            result.properties['gatehouse/fix'] = finding.fix;
        const suppression = finding.properties.suppression;
        if (suppression) {
            result.suppressions = [
                {
                    kind: 'external',
                    status: 'accepted',
                    justification: [suppression.reason, suppression.owner && `owner: ${suppression.owner}`]
                        .filter(Boolean)
                        .join('; '),
                    // The whole suppression (kind, owner, expiry, source), so reading the log back restores it.
                    properties: { 'gatehouse/suppression': { ...suppression } },
                },
            ];
        }
        return result;
    });
    const driver = { name: tool.name, version: tool.version, rules };
    if (tool.informationUri)
        driver.informationUri = tool.informationUri;
    return {
        $schema: SARIF_SCHEMA_URI,
        version: '2.1.0',
        runs: [{ tool: { driver }, results, columnKind: 'utf16CodeUnits' }],
    };
}
function serialisableProperties(finding) {
    const { suppression: _suppression, helpUri: _helpUri, ...rest } = finding.properties;
    return JSON.parse(JSON.stringify(rest));
}
function nonEmpty(...candidates) {
    for (const candidate of candidates)
        if (candidate && candidate.trim())
            return candidate;
    return '(no message)';
}
function positive(value) {
    return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}
function isUri(value) {
    if (typeof value !== 'string')
        return false;
    try {
        new URL(value);
        return true;
    }
    catch {
        return false;
    }
}
function encodeUriPath(path) {
    return path
        .replace(/\\/g, '/')
        .split('/')
        .map((segment) => encodeURIComponent(segment))
        .join('/');
}

;// CONCATENATED MODULE: ./packages/findings/src/summary.ts


/** The runner rejects a step summary over 1 MiB; we stay under it with room for the truncation note. */
const SUMMARY_LIMIT_BYTES = (/* unused pure expression or super */ null && (1024 * 1024 - 16 * 1024));
const ICON = {
    critical: '🟥',
    high: '🟧',
    medium: '🟨',
    low: '🟦',
    info: '⬜',
};
/**
 * A Markdown job summary: the verdict, counts by severity, the findings that decided the result,
 * the rest, the suppressed ones with owner and expiry. Kept under the runner's limit; when rows are
 * cut, a closing line says how many.
 */
function renderSummary(input) {
    const limit = input.limitBytes ?? SUMMARY_LIMIT_BYTES;
    const head = [];
    head.push(`## ${input.passed ? '✅' : '❌'} ${input.title}: ${input.passed ? 'passed' : 'failed'}`);
    head.push('', input.headline, '');
    head.push('| Severity | Findings |', '| --- | ---: |');
    for (const severity of SEVERITIES)
        head.push(`| ${ICON[severity]} ${severity} | ${input.counts[severity]} |`);
    head.push(`| suppressed | ${input.suppressedCount} |`, '');
    if (input.notes?.length) {
        for (const note of input.notes)
            head.push(`> ${cell(note)}`);
        head.push('');
    }
    const sections = [];
    const findingHeader = ['| Severity | Rule | Location | Message | Tool |', '| --- | --- | --- | --- | --- |'];
    if (input.decisive.length) {
        sections.push({
            heading: input.passed ? '### Findings' : '### Findings that failed the gate',
            header: findingHeader,
            rows: input.decisive.map(findingRow),
        });
    }
    if (input.others.length) {
        sections.push({ heading: '### Other findings', header: findingHeader, rows: input.others.map(findingRow) });
    }
    if (input.suppressed.length) {
        sections.push({
            heading: '### Suppressed',
            header: [
                '| Severity | Rule | Location | By | Owner | Expires | Reason |',
                '| --- | --- | --- | --- | --- | --- | --- |',
            ],
            rows: input.suppressed.map(suppressedRow),
        });
    }
    let out = head.join('\n') + '\n';
    let cut = 0;
    let budget = limit - byteLength(out) - 200;
    for (const section of sections) {
        const opening = `${section.heading}\n\n${section.header.join('\n')}\n`;
        if (byteLength(opening) > budget) {
            cut += section.rows.length;
            continue;
        }
        let block = opening;
        budget -= byteLength(opening);
        for (const row of section.rows) {
            const size = byteLength(row) + 1;
            if (size > budget) {
                cut++;
                continue;
            }
            block += row + '\n';
            budget -= size;
        }
        out += block + '\n';
    }
    if (cut > 0)
        out += `> ${cut} more rows were left out to stay under the runner's 1 MiB summary limit; the SARIF and JSON outputs have every finding.\n`;
    return out;
}
function findingRow(finding) {
    const tools = finding.properties.tools?.join(', ') ?? '';
    const assumed = finding.properties.severityAssumed ? ' (assumed)' : '';
    return `| ${ICON[finding.severity]} ${finding.severity}${assumed} | \`${cell(finding.ruleId)}\` | ${cell(formatLocation(finding.location))} | ${cell(truncate(finding.message, 300))} | ${cell(tools)} |`;
}
function suppressedRow(finding) {
    const s = finding.properties.suppression;
    return `| ${finding.severity} | \`${cell(finding.ruleId)}\` | ${cell(formatLocation(finding.location))} | ${s?.kind ?? ''} | ${cell(s?.owner ?? '')} | ${cell(s?.expires ?? '')} | ${cell(truncate(s?.reason ?? '', 200))} |`;
}
/** Text safe inside a Markdown table cell. */
function cell(text) {
    return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').replace(/</g, '&lt;');
}
function truncate(text, max) {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
function byteLength(text) {
    return Buffer.byteLength(text, 'utf8');
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/tinyglobby/dist/index.mjs + 1 modules
var dist = __webpack_require__(3382);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./packages/findings/src/files.ts





/**
 * Files named by newline-separated paths or globs, relative to `cwd`, returned as sorted paths
 * relative to `cwd` with forward slashes. A literal path that exists is taken as it is, even when
 * it contains glob characters. `!pattern` excludes.
 */
async function expandGlobs(patterns, options) {
    const include = [];
    const exclude = [...(options.ignore ?? [])];
    const found = new Set();
    for (const raw of patterns) {
        const pattern = raw.trim();
        if (!pattern)
            continue;
        if (pattern.startsWith('!')) {
            exclude.push(pattern.slice(1));
            continue;
        }
        const absolute = (0,external_node_path_.resolve)(options.cwd, pattern);
        if ((0,external_node_fs_.existsSync)(absolute) && (0,external_node_fs_.statSync)(absolute).isFile()) {
            found.add(toRelative(options.cwd, absolute));
            continue;
        }
        if ((0,external_node_fs_.existsSync)(absolute) && (0,external_node_fs_.statSync)(absolute).isDirectory()) {
            include.push(`${toPosix((0,external_node_path_.relative)(options.cwd, absolute)) || '.'}/**/*`);
            continue;
        }
        include.push((0,external_node_path_.isAbsolute)(pattern) ? toPosix((0,external_node_path_.relative)(options.cwd, pattern)) : pattern);
    }
    if (include.length > 0) {
        const matches = await (0,dist/* glob */.TI)(include, {
            cwd: options.cwd,
            ignore: exclude,
            dot: options.dot ?? true,
            onlyFiles: true,
            expandDirectories: false,
        });
        for (const match of matches)
            found.add(toPosix(match));
    }
    if (exclude.length > 0 && found.size > 0) {
        const excluded = picomatch_default()(exclude, { dot: true });
        for (const path of [...found])
            if (excluded(path))
                found.delete(path);
    }
    return [...found].sort();
}
/** Resolves a path input against `cwd`, failing with one line when it does not exist. */
function existingFile(input, path, cwd) {
    const absolute = (0,external_node_path_.resolve)(cwd, path);
    if (!(0,external_node_fs_.existsSync)(absolute))
        throw new UsageError(`Input '${input}': file not found: ${path}`);
    if (!(0,external_node_fs_.statSync)(absolute).isFile())
        throw new UsageError(`Input '${input}': not a file: ${path}`);
    return absolute;
}
function toRelative(cwd, absolute) {
    const rel = (0,external_node_path_.relative)(cwd, absolute);
    return toPosix(rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel) ? absolute : rel);
}
function toPosix(path) {
    return external_node_path_.sep === '/' ? path : path.split(external_node_path_.sep).join('/');
}
/**
 * Writes a file so that readers see either the old content or the new, never half of it: the data
 * goes to a temporary file beside the target, which is then renamed over it.
 */
async function writeFileAtomic(path, data) {
    const { mkdir, rename, rm, writeFile } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1455, 23));
    const { dirname, basename, join } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 6760, 23));
    await mkdir(dirname(path), { recursive: true });
    const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
    try {
        await writeFile(temporary, data);
        await rename(temporary, path);
    }
    catch (error) {
        await rm(temporary, { force: true });
        throw error;
    }
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var yaml_dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./packages/findings/src/exceptions.ts




const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const KNOWN_KEYS = new Set(['id', 'package', 'path', 'owner', 'reason', 'expires']);
/** Parses an exceptions file (YAML). Every problem is a UsageError naming the file and the entry. */
function parseExceptions(text, file) {
    const lineCounter = new yaml_dist/* LineCounter */.HN();
    const document = (0,yaml_dist/* parseDocument */.Tp)(text, { lineCounter, uniqueKeys: true });
    if (document.errors.length > 0) {
        const error = document.errors[0];
        const line = error.linePos?.[0]?.line;
        throw new UsageError(`${file}${line ? `:${line}` : ''}: not valid YAML: ${error.message.split('\n')[0]}`);
    }
    const root = document.contents;
    if (root === null)
        return [];
    const list = (0,yaml_dist/* isMap */.jh)(root) ? root.get('exceptions', true) : undefined;
    if (!(0,yaml_dist/* isMap */.jh)(root) || (list !== undefined && list !== null && !(0,yaml_dist/* isSeq */.oP)(list))) {
        throw new UsageError(`${file}: expected a mapping with an 'exceptions' list`);
    }
    if (list === undefined || list === null)
        return [];
    const lineOf = (node) => node?.range ? lineCounter.linePos(node.range[0]).line : 1;
    return list.items.map((item, index) => {
        const where = `${file}:${lineOf(item)}: exception #${index + 1}`;
        if (!(0,yaml_dist/* isMap */.jh)(item))
            throw new UsageError(`${where} must be a mapping with id, owner, reason and expires`);
        const entry = item.toJSON();
        for (const key of Object.keys(entry)) {
            if (!KNOWN_KEYS.has(key)) {
                throw new UsageError(`${where}: unknown key '${key}' (allowed: ${[...KNOWN_KEYS].join(', ')})`);
            }
        }
        const text = (key, required) => {
            const value = entry[key];
            if (value === undefined || value === null || String(value).trim() === '') {
                if (required)
                    throw new UsageError(`${where} has no '${key}' (every exception needs id, owner and expires)`);
                return undefined;
            }
            if (typeof value !== 'string' && typeof value !== 'number' && !(value instanceof Date)) {
                throw new UsageError(`${where}: '${key}' must be a string`);
            }
            return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).trim();
        };
        const expires = text('expires', true);
        if (!validDate(expires))
            throw new UsageError(`${where}: 'expires' must be a date YYYY-MM-DD (got '${expires}')`);
        const pkg = text('package', false);
        if (pkg !== undefined && !pkg.startsWith('pkg:')) {
            throw new UsageError(`${where}: 'package' must be a purl such as pkg:npm/lodash (got '${pkg}')`);
        }
        return {
            id: text('id', true),
            package: pkg,
            path: text('path', false),
            owner: text('owner', true),
            reason: text('reason', false) ?? 'no reason given',
            expires,
            source: { path: file, line: lineOf(item) },
        };
    });
}
function validDate(text) {
    const match = DATE.exec(text);
    if (!match)
        return false;
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}
function isExpired(rule, now) {
    return now.getTime() >= Date.parse(`${rule.expires}T00:00:00Z`) + 24 * 3600 * 1000;
}
/**
 * Marks findings suppressed by unexpired matching exceptions. An expired exception suppresses
 * nothing and becomes a high finding itself; exceptions that matched nothing are returned as unused.
 */
function applyExceptions(findings, rules, now) {
    const active = rules.filter((rule) => !isExpired(rule, now));
    const used = new Set();
    const matchers = new Map(active.map((rule) => [rule, rule.path ? picomatch_default()(rule.path, { dot: true }) : undefined]));
    const out = findings.map((finding) => {
        if (finding.properties.suppression)
            return finding;
        const rule = active.find((candidate) => matches(candidate, finding, matchers.get(candidate)));
        if (!rule)
            return finding;
        used.add(rule);
        return {
            ...finding,
            properties: {
                ...finding.properties,
                suppression: {
                    kind: 'exception',
                    reason: rule.reason,
                    owner: rule.owner,
                    expires: rule.expires,
                    source: `${rule.source.path}:${rule.source.line}`,
                },
            },
        };
    });
    const expired = rules
        .filter((rule) => isExpired(rule, now))
        .map((rule) => ({
        ruleId: 'gatehouse/exception-expired',
        severity: 'high',
        title: 'Expired exception',
        message: `The exception for ${rule.id} owned by ${rule.owner} expired on ${rule.expires}; it suppresses nothing until it is renewed or removed.`,
        location: { path: rule.source.path, line: rule.source.line },
        fingerprint: fingerprintOf('exception-expired', rule.id, rule.package, rule.path, rule.expires),
        fix: `Fix ${rule.id}, or renew the exception with a new 'expires' date.`,
        properties: { tools: ['gatehouse'] },
    }));
    return { findings: out, expired, unused: active.filter((rule) => !used.has(rule)) };
}
function matches(rule, finding, pathMatcher) {
    const id = rule.id.toLowerCase();
    const ids = [finding.ruleId, ...(finding.properties.aliases ?? [])].map((value) => value.toLowerCase());
    if (!ids.includes(id))
        return false;
    if (rule.package && !purlMatches(rule.package, finding))
        return false;
    if (pathMatcher && !(finding.location?.path && pathMatcher(finding.location.path)))
        return false;
    return true;
}
/** The parts of a purl that identify a package: type, namespace/name (lower-cased), version. */
function purlParts(purl) {
    const match = /^pkg:([a-zA-Z][a-zA-Z0-9.+-]*)\/([^?#]+?)(?:@([^?#]+))?(?:[?#].*)?$/.exec(purl);
    if (!match)
        return undefined;
    const name = decodeURIComponent(match[2]).toLowerCase();
    return { type: match[1].toLowerCase(), name, version: match[3] ? decodeURIComponent(match[3]) : undefined };
}
function purlMatches(pattern, finding) {
    const wanted = purlParts(pattern);
    if (!wanted)
        return false;
    const pkg = finding.properties.package;
    if (!pkg)
        return false;
    const actual = pkg.purl ? purlParts(pkg.purl) : undefined;
    if (actual) {
        if (actual.type !== wanted.type || actual.name !== wanted.name)
            return false;
        return wanted.version === undefined || wanted.version === actual.version;
    }
    const bareName = wanted.name.split('/').pop();
    if (pkg.name.toLowerCase() !== wanted.name && pkg.name.toLowerCase() !== bareName)
        return false;
    return wanted.version === undefined || wanted.version === pkg.version;
}

;// CONCATENATED MODULE: ./packages/findings/src/index.ts










/***/ })

};
