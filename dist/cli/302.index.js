export const id = 302;
export const ids = [302];
export const modules = {

/***/ 9302:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   findingLines: () => (/* binding */ findingLines),
/* harmony export */   printGateResult: () => (/* binding */ printGateResult)
/* harmony export */ });
/* unused harmony export countsLine */
/* harmony import */ var _gatehouse_findings__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6349);
/* harmony import */ var _gatehouse_gate__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8329);


/** Findings as plain lines for a terminal: severity, rule, location, message, tools. */
function findingLines(findings) {
    return findings.map((finding) => {
        const where = (0,_gatehouse_findings__WEBPACK_IMPORTED_MODULE_0__/* .formatLocation */ .j$)(finding.location);
        const tools = finding.properties.tools?.length ? ` [${finding.properties.tools.join(', ')}]` : '';
        return `  ${finding.severity.toUpperCase().padEnd(8)} ${finding.ruleId}${where ? `  ${where}` : ''}  ${finding.message.split('\n')[0]}${tools}`;
    });
}
function countsLine(counts, suppressed) {
    const parts = _gatehouse_findings__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .oC.map((severity) => `${severity} ${counts[severity]}`);
    if (suppressed !== undefined)
        parts.push(`suppressed ${suppressed}`);
    return `  ${parts.join('  ')}`;
}
/** Prints a gate-shaped result (gate, audit): files written, findings, notes, verdict, counts. */
async function printGateResult(command, result, options, context) {
    const out = (line = '') => void context.stdout.write(line + '\n');
    if (options.sarifOutput)
        out(`SARIF written to ${await (0,_gatehouse_gate__WEBPACK_IMPORTED_MODULE_1__/* .writeSarif */ .lg)(result, options.sarifOutput, options.workspace)}`);
    if (options.findingsOutput) {
        out(`Findings written to ${await (0,_gatehouse_gate__WEBPACK_IMPORTED_MODULE_1__/* .writeFindingsJson */ .OO)(result, options.findingsOutput, options.workspace)}`);
    }
    if (options.summary) {
        for (const line of findingLines(result.decisive))
            out(line);
        for (const line of findingLines(result.others))
            out(line);
        for (const note of result.notes)
            out(`  note: ${note}`);
    }
    out(`gatehouse ${command}: ${result.passed ? 'passed' : 'failed'}: ${result.headline.replace(/\*\*/g, '')}`);
    out(countsLine(result.counts, result.suppressedCount));
    return result.passed ? _gatehouse_findings__WEBPACK_IMPORTED_MODULE_0__/* .ExitCode */ .yU.ok : _gatehouse_findings__WEBPACK_IMPORTED_MODULE_0__/* .ExitCode */ .yU.violation;
}


/***/ })

};
