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
    const optional = (key, value) => value === undefined ? {} : { [key]: value };
    return {
        workspace: inputs.workspace,
        subjectPaths: inputs.list('subject-path'),
        ...optional('subjectDigest', inputs.string('subject-digest')),
        ...optional('subjectName', inputs.string('subject-name')),
        ...optional('predicateType', inputs.string('predicate-type')),
        ...optional('predicate', inputs.raw('predicate')),
        ...optional('predicatePath', inputs.string('predicate-path')),
        ...optional('bundleDir', inputs.string('bundle-dir')),
        ...optional('key', inputs.raw('key')),
        ...optional('keyPassword', inputs.raw('key-password')),
        oidcAudience: inputs.string('oidc-audience', { default: 'sigstore' }),
        ...optional('fulcioUrl', inputs.string('fulcio-url')),
        ...optional('rekorUrl', inputs.string('rekor-url')),
        ...optional('tsaUrl', inputs.string('tsa-url')),
        ...optional('signingConfig', inputs.string('signing-config')),
        tlog: inputs.boolean('tlog', true),
    };
}


/***/ })

};
