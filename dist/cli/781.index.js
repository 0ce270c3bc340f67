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
    return {
        workspace: inputs.workspace,
        subjectPaths: inputs.list('subject-path'),
        subjectDigest: inputs.string('subject-digest'),
        bundlePath: inputs.string('bundle-path'),
        certificateIdentity: inputs.string('certificate-identity'),
        certificateIdentityRegexp: inputs.string('certificate-identity-regexp'),
        certificateOidcIssuer: inputs.string('certificate-oidc-issuer'),
        signerRepository: inputs.string('signer-repository'),
        signerWorkflow: inputs.string('signer-workflow'),
        sourceRepository: inputs.string('source-repository'),
        sourceRef: inputs.string('source-ref'),
        publicKey: inputs.raw('public-key'),
        trustedRoot: inputs.string('trusted-root'),
        tlogThreshold: inputs.integer('tlog-threshold', 1, { min: 0, max: 10 }),
        timestampThreshold: inputs.integer('timestamp-threshold', 1, { min: 0, max: 10 }),
        predicateType: inputs.string('predicate-type'),
    };
}


/***/ })

};
