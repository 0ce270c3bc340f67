export const id = 973;
export const ids = [973];
export const modules = {

/***/ 1973:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readPinOptions: () => (/* binding */ readPinOptions)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _gatehouse_findings__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6349);
/* harmony import */ var _gatehouse_pin__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1103);



/** The pin inputs, read the same way by the action (INPUT_*) and the CLI (flags). */
function readPinOptions(inputs) {
    const mode = inputs.enum('mode', ['check', 'fix'], 'check');
    const { registry, github, secrets } = (0,_gatehouse_pin__WEBPACK_IMPORTED_MODULE_2__/* .createResolvers */ .q8)({
        registryAuth: registryAuthText(inputs),
        insecureRegistries: inputs.list('insecure-registries', { commas: true }),
        githubToken: inputs.string('github-token'),
        githubApiUrl: inputs.string('github-api-url'),
    });
    return {
        pin: {
            workspace: inputs.workspace,
            paths: inputs.list('paths'),
            mode,
            trustedRegistries: inputs.list('trusted-registries', { commas: true }),
            requireDigest: inputs.boolean('require-digest', true),
            requireActionSha: inputs.boolean('require-action-sha', true),
            allow: inputs.list('allow'),
            imageResolver: registry,
            actionResolver: github,
        },
        secrets,
        sarifOutput: inputs.string('sarif-output'),
    };
}
/** `registry-auth` is the Docker config JSON itself (from a secret) or the path of such a file. */
function registryAuthText(inputs) {
    const value = inputs.raw('registry-auth')?.trim();
    if (value === undefined)
        return '';
    if (value.startsWith('{'))
        return value;
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,_gatehouse_findings__WEBPACK_IMPORTED_MODULE_1__/* .existingFile */ ._h)('registry-auth', value, inputs.workspace), 'utf8');
}


/***/ })

};
