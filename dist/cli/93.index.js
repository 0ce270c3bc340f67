export const id = 93;
export const ids = [93];
export const modules = {

/***/ 4093:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   writeScrubSarif: () => (/* binding */ writeScrubSarif)
/* harmony export */ });
/* unused harmony export scrubSummary */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _gatehouse_findings__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6349);



const TOOL = { name: 'gatehouse-scrub', version: '0.1.0', informationUri: 'https://github.com/gatehouse' };
/** Writes the leaks as SARIF; returns the path relative to the workspace. */
async function writeScrubSarif(findings, path, workspace) {
    const absolute = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace, path);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(absolute), { recursive: true });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(absolute, JSON.stringify((0,_gatehouse_findings__WEBPACK_IMPORTED_MODULE_2__/* .toSarif */ .zv)(findings, TOOL), null, 2) + '\n');
    return (0,_gatehouse_findings__WEBPACK_IMPORTED_MODULE_2__/* .toPosix */ .d7)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(workspace, absolute));
}
function scrubSummary(result, failOnLeak, scanPaths) {
    const redacted = Object.entries(result.redactions)
        .map(([rule, count]) => `\`${rule}\` ${count}`)
        .join(', ');
    const inFiles = result.findings.filter((f) => f.location !== undefined).length;
    const headline = `${result.redactionCount} redaction${result.redactionCount === 1 ? '' : 's'} in the command output` +
        (redacted ? ` (${redacted})` : '') +
        `, ${inFiles} secret${inFiles === 1 ? '' : 's'} found in files` +
        (result.rewritten.length ? `, ${result.rewritten.length} file(s) rewritten` : '') +
        '.';
    const notes = [`${result.masks.length} value(s) registered as masks before the command started.`];
    if (result.skippedShortSecrets)
        notes.push(`${result.skippedShortSecrets} secret(s) shorter than 8 characters were not registered.`);
    if (!failOnLeak && result.leaks)
        notes.push('fail-on-leak is false: leaks are reported without failing the step.');
    if (scanPaths.length > 0 && result.scannedFiles === 0 && result.skippedFiles.length === 0) {
        notes.push('scan-paths matched no file: nothing was scanned.');
    }
    for (const skipped of result.skippedFiles)
        notes.push(`Not scanned: ${skipped.path} (${skipped.reason}).`);
    return renderSummary({
        title: 'Gatehouse scrub',
        passed: result.exitCode === 0,
        headline,
        decisive: result.findings,
        others: [],
        suppressed: [],
        counts: countBySeverity(result.findings),
        suppressedCount: 0,
        notes,
    });
}


/***/ })

};
