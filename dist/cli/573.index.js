export const id = 573;
export const ids = [573];
export const modules = {

/***/ 9954:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readSignOptions: () => (/* binding */ readSignOptions)
/* harmony export */ });
/** The sign inputs, read the same way by the action (INPUT_*) and the CLI (flags). */
function readSignOptions(inputs) {
    return {
        workspace: inputs.workspace,
        subjectPaths: inputs.list('subject-path'),
        subjectDigest: inputs.string('subject-digest'),
        subjectName: inputs.string('subject-name'),
        predicateType: inputs.string('predicate-type'),
        predicate: inputs.raw('predicate'),
        predicatePath: inputs.string('predicate-path'),
        bundleDir: inputs.string('bundle-dir'),
        key: inputs.raw('key'),
        keyPassword: inputs.raw('key-password'),
        oidcAudience: inputs.string('oidc-audience', { default: 'sigstore' }),
        fulcioUrl: inputs.string('fulcio-url'),
        rekorUrl: inputs.string('rekor-url'),
        tsaUrl: inputs.string('tsa-url'),
        signingConfig: inputs.string('signing-config'),
        tlog: inputs.boolean('tlog', true),
    };
}


/***/ })

};
