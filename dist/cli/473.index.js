export const id = 473;
export const ids = [473];
export const modules = {

/***/ 1473:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readScrubOptions: () => (/* binding */ readScrubOptions),
/* harmony export */   requireSomethingToDo: () => (/* binding */ requireSomethingToDo)
/* harmony export */ });
/* unused harmony export commandEnvironment */
/* harmony import */ var _gatehouse_findings__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6349);
/* harmony import */ var _gatehouse_scrub__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9630);


/**
 * The scrub inputs, read the same way by the action (INPUT_*) and the CLI (flags). `env` is the
 * front's environment: the command runs with it, and secret-named variables in it are registered.
 */
function readScrubOptions(inputs, env) {
    const run = inputs.raw('run');
    const scanPaths = inputs.list('scan-paths');
    const secrets = (0,_gatehouse_scrub__WEBPACK_IMPORTED_MODULE_1__.parseSecretsInput)(inputs.raw('secrets') ?? '');
    const envPatterns = inputs.list('env-secrets', { commas: true });
    for (const { value } of (0,_gatehouse_scrub__WEBPACK_IMPORTED_MODULE_1__/* .secretsFromEnv */ .zr)(env, { patterns: envPatterns.length ? envPatterns : ['auto'] })) {
        secrets.push(value);
    }
    const replacement = inputs.string('replacement', { default: 'mask' }).toLowerCase();
    if (replacement !== 'mask' && replacement !== 'rule' && replacement !== '***') {
        throw new _gatehouse_findings__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`Input 'replacement' must be one of mask, rule (got '${replacement}').`);
    }
    return {
        scrub: {
            workspace: inputs.workspace,
            ...(run !== undefined ? { run } : {}),
            shell: inputs.string('shell', { default: 'bash' }),
            env: commandEnvironment(env),
            secrets,
            scanPaths,
            redactFiles: inputs.boolean('redact-files', false),
            failOnLeak: inputs.boolean('fail-on-leak', true),
            replacement: (replacement === 'rule' ? 'rule' : 'mask'),
        },
        sarifOutput: inputs.string('sarif-output'),
    };
}
/**
 * The command's environment: ours without the action's own inputs and state (INPUT_SECRETS would
 * hand every secret to the command), as the runner gives a `run:` step.
 */
function commandEnvironment(env) {
    return Object.fromEntries(Object.entries(env).filter(([name]) => !/^(?:INPUT|STATE)_/i.test(name)));
}
/** Exactly one thing to do must be given: a command to wrap, stdin to filter, or files to scan. */
function requireSomethingToDo(options, filtering) {
    if (options.run === undefined && options.command === undefined && !filtering && options.scanPaths.length === 0) {
        throw new _gatehouse_findings__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`Input 'run' or 'scan-paths' is required: a command to run with its output redacted, or files to scan.`);
    }
}


/***/ })

};
