export const id = 687;
export const ids = [687];
export const modules = {

/***/ 6687:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readGateOptions: () => (/* binding */ readGateOptions)
/* harmony export */ });
/* harmony import */ var _gatehouse_findings__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6349);

/** The gate's inputs, read the same way by the action (INPUT_*) and the CLI (flags). */
function readGateOptions(inputs) {
    const reports = inputs.list('reports');
    const allowEmpty = inputs.boolean('allow-empty', false);
    if (reports.length === 0 && !allowEmpty) {
        throw new _gatehouse_findings__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`Input 'reports' is required: paths or globs of scanner reports (or set allow-empty: true).`);
    }
    return {
        gate: {
            workspace: inputs.workspace,
            reports,
            failOn: inputs.enum('fail-on', [..._gatehouse_findings__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .oC, 'none'], 'high'),
            reportOn: inputs.enum('report-on', _gatehouse_findings__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .oC, 'low'),
            exceptions: inputs.string('exceptions'),
            vex: inputs.list('vex'),
            onlyFixed: inputs.boolean('only-fixed', false),
            allowEmpty,
        },
        sarifOutput: inputs.string('sarif-output'),
        findingsOutput: inputs.string('findings-output'),
        summary: inputs.boolean('summary', true),
    };
}


/***/ })

};
