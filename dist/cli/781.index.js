export const id = 781;
export const ids = [781];
export const modules = {

/***/ 8781:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readVerifyOptions: () => (/* binding */ readVerifyOptions)
/* harmony export */ });
/** The verify inputs, read the same way by the action (INPUT_*) and the CLI (flags). */
function readVerifyOptions(inputs) {
    const optional = (key, value) => value === undefined ? {} : { [key]: value };
    return {
        workspace: inputs.workspace,
        subjectPaths: inputs.list('subject-path'),
        ...optional('subjectDigest', inputs.string('subject-digest')),
        ...optional('bundlePath', inputs.string('bundle-path')),
        ...optional('certificateIdentity', inputs.string('certificate-identity')),
        ...optional('certificateIdentityRegexp', inputs.string('certificate-identity-regexp')),
        ...optional('certificateOidcIssuer', inputs.string('certificate-oidc-issuer')),
        ...optional('signerRepository', inputs.string('signer-repository')),
        ...optional('signerWorkflow', inputs.string('signer-workflow')),
        ...optional('sourceRepository', inputs.string('source-repository')),
        ...optional('sourceRef', inputs.string('source-ref')),
        ...optional('publicKey', inputs.raw('public-key')),
        ...optional('trustedRoot', inputs.string('trusted-root')),
        tlogThreshold: inputs.integer('tlog-threshold', 1, { min: 0, max: 10 }),
        timestampThreshold: inputs.integer('timestamp-threshold', 1, { min: 0, max: 10 }),
        ...optional('predicateType', inputs.string('predicate-type')),
    };
}


/***/ })

};
