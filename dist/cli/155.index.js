export const id = 155;
export const ids = [155];
export const modules = {

/***/ 9155:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  k: () => (/* reexport */ AUDIT_CHECKS),
  runAudit: () => (/* reexport */ runAudit)
});

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./packages/findings/src/index.ts + 8 modules
var src = __webpack_require__(6349);
// EXTERNAL MODULE: ./packages/gate/src/index.ts + 22 modules
var gate_src = __webpack_require__(8329);
// EXTERNAL MODULE: ./packages/pin/src/index.ts + 18 modules
var pin_src = __webpack_require__(1103);
// EXTERNAL MODULE: ./packages/scrub/src/index.ts + 29 modules
var scrub_src = __webpack_require__(9630);
;// CONCATENATED MODULE: ./packages/audit/src/audit.ts





const AUDIT_CHECKS = ['pin', 'secrets'];
/**
 * Every offline check of a repository in one pass: references pinned (pin, check mode) and no
 * credential in any tracked file (secrets), then one gate decision over all their findings.
 */
async function runAudit(options) {
    const findings = [];
    const checks = [];
    if (options.checks.includes('pin')) {
        const pin = await (0,pin_src.runPin)({
            workspace: options.workspace,
            paths: options.paths,
            mode: 'check',
            trustedRegistries: options.trustedRegistries,
            allow: options.allow,
        });
        findings.push(...pin.findings);
        checks.push({
            check: 'pin',
            files: pin.filesRead,
            findings: pin.findings.length,
            detail: `${pin.references} image and action references in ${pin.filesRead} files`,
        });
    }
    if (options.checks.includes('secrets')) {
        const files = await filesToScan(options.workspace, options.paths);
        const scan = await (0,scrub_src/* scanFiles */.Tu)({
            patterns: files,
            cwd: options.workspace,
            scanner: new scrub_src/* SecretScanner */.Jq(),
            input: 'paths',
        });
        findings.push(...scan.findings);
        checks.push({
            check: 'secrets',
            files: scan.files.length,
            findings: scan.findings.length,
            detail: `${scan.files.length} files and archive entries scanned for credentials${scan.skipped.length ? `, ${scan.skipped.length} skipped` : ''}`,
        });
    }
    const gate = await (0,gate_src/* decide */.LD)(findings, {
        workspace: options.workspace,
        failOn: options.failOn,
        reportOn: options.reportOn,
        exceptions: options.exceptions,
        vex: [],
        onlyFixed: options.onlyFixed,
        now: options.now,
    });
    gate.notes.unshift(...checks.map((run) => `${run.check}: ${run.detail}, ${run.findings} findings.`));
    return { gate, checks };
}
/**
 * The files the secrets check reads: every file git would track, less `!exclusions`, when no
 * positive pattern is given; otherwise what the patterns match.
 */
async function filesToScan(workspace, paths) {
    const exclusions = paths.filter((pattern) => pattern.startsWith('!')).map((pattern) => pattern.slice(1));
    if (exclusions.length === paths.length) {
        const excluded = picomatch_default()(exclusions, { dot: true });
        return (0,pin_src/* walkWorkspaceFiles */.YX)(workspace).filter((path) => !excluded(path));
    }
    return (0,src/* expandGlobs */.GE)(paths, { input: 'paths', cwd: workspace, ignore: ['**/.git/**', '**/node_modules/**'] });
}

;// CONCATENATED MODULE: ./packages/audit/src/index.ts



/***/ })

};
