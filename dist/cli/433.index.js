export const id = 433;
export const ids = [433];
export const modules = {

/***/ 4433:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  signWorkspace: () => (/* reexport */ signWorkspace),
  verifyWorkspace: () => (/* reexport */ verifyWorkspace)
});

// UNUSED EXPORTS: BUNDLE_MEDIA_TYPES, BundleError, CURVES, DEFAULT_RETRY, ED25519_MESSAGE_LIMIT, GITHUB_ACTIONS_ISSUER, GITHUB_SERVER_URL, IN_TOTO_PAYLOAD_TYPE, KeyedSigner, KeylessSigner, MISSING_ID_TOKEN_PERMISSION, OID_SOURCE_REPOSITORY_REF, OID_SOURCE_REPOSITORY_URI, PUBLIC_GOOD_FULCIO, PUBLIC_GOOD_REKOR, SIGNATURE_PREDICATE_TYPE, buildIdentityPolicy, decodeDerString, digestFile, escapeRegExp, fetchPublicGoodTrustedRoot, formatDigest, githubActionsTokenGetter, onCurve, parseBundle, parseDerSignature, parseDigest, parsePublicKey, parseTrustedRoot, pemFromInput, policyMismatch, readBundle, readSigningConfig, readStatement, readTrustedRoot, reasonOf, seededPublicGoodTrustedRoot, selectServices, signArtifacts, signBytes, signFile, signStatement, signSummary, statementMatches, trustMaterialFrom, verificationFindings, verifyArtifacts, verifyEcdsa, verifyPrehashed, verifySummary

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/@sigstore/bundle/dist/index.js
var dist = __webpack_require__(1040);
// EXTERNAL MODULE: ./packages/findings/src/index.ts + 8 modules
var src = __webpack_require__(6349);
;// CONCATENATED MODULE: ./packages/sigstore/src/bundle.ts



/** The bundle versions we accept: v0.1, v0.2 and both spellings of v0.3. */
const BUNDLE_MEDIA_TYPES = [
    dist.BUNDLE_V01_MEDIA_TYPE,
    dist.BUNDLE_V02_MEDIA_TYPE,
    dist.BUNDLE_V03_LEGACY_MEDIA_TYPE,
    dist.BUNDLE_V03_MEDIA_TYPE,
];
/** A bundle that could not be read or is not a bundle we accept: a verification failure, never a skip. */
class BundleError extends Error {
    constructor(message) {
        super(message);
        this.name = 'BundleError';
    }
}
async function readBundle(path) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (error) {
        throw new BundleError(`cannot read the bundle (${(0,src/* describeError */.Uc)(error)})`);
    }
    return parseBundle(text);
}
function parseBundle(text) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (error) {
        throw new BundleError(`the bundle is not valid JSON (${(0,src/* describeError */.Uc)(error)})`);
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        throw new BundleError('the bundle is not a JSON object');
    }
    const mediaType = json.mediaType;
    if (typeof mediaType !== 'string' || !BUNDLE_MEDIA_TYPES.includes(mediaType)) {
        throw new BundleError(`unsupported bundle mediaType '${String(mediaType ?? '(none)')}'`);
    }
    try {
        return (0,dist.bundleFromJSON)(json);
    }
    catch (error) {
        throw new BundleError(`the bundle is malformed (${(0,src/* describeError */.Uc)(error)})`);
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./packages/sigstore/src/digest.ts


/**
 * One pass over a file feeding every requested hash (and any extra sink, such as a signature
 * verifier); memory stays at one read buffer.
 */
async function digestFile(path, algorithms, sinks = []) {
    const hashes = [...new Set(algorithms)].map((name) => [name, (0,external_node_crypto_.createHash)(name)]);
    const stream = (0,external_node_fs_.createReadStream)(path, { highWaterMark: 1024 * 1024 });
    for await (const chunk of stream) {
        for (const [, hash] of hashes)
            hash.update(chunk);
        for (const sink of sinks)
            sink.update(chunk);
    }
    return new Map(hashes.map(([name, hash]) => [name, hash.digest()]));
}
/** `sha256:<hex>` (the way digests are written in inputs and outputs). */
function formatDigest(algorithm, digest) {
    return `${algorithm}:${digest.toString('hex')}`;
}
const DIGEST = /^(sha256|sha384|sha512):([0-9a-f]+)$/;
const LENGTH = { sha256: 64, sha384: 96, sha512: 128 };
function parseDigest(text) {
    const match = DIGEST.exec(text.trim().toLowerCase());
    if (!match)
        return undefined;
    const algorithm = match[1];
    if (match[2].length !== LENGTH[algorithm])
        return undefined;
    return { algorithm, digest: Buffer.from(match[2], 'hex') };
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./packages/sigstore/src/keys.ts




/** Key or certificate inputs take PEM text or a path to a file holding it. */
function pemFromInput(input, value, cwd) {
    const text = value.trim();
    if (text.startsWith('-----BEGIN '))
        return `${text}\n`;
    const path = (0,external_node_path_.resolve)(cwd, text);
    if (!(0,external_node_fs_.existsSync)(path) || !(0,external_node_fs_.statSync)(path).isFile()) {
        throw new src/* UsageError */.eb(`Input '${input}' is neither PEM text nor a path to a file (not found: ${text}).`);
    }
    const content = (0,external_node_fs_.readFileSync)(path, 'utf8');
    if (!content.includes('-----BEGIN '))
        throw new src/* UsageError */.eb(`Input '${input}': ${text} does not hold a PEM block.`);
    return content;
}
function parsePublicKey(input, pem) {
    try {
        return (0,external_node_crypto_.createPublicKey)(pem);
    }
    catch (error) {
        throw new src/* UsageError */.eb(`Input '${input}' is not a usable public key (${(0,src/* describeError */.Uc)(error)}).`);
    }
}

;// CONCATENATED MODULE: ./packages/sigstore/src/policy.ts

const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';
/** The server the GitHub shortcuts name in identities and repository URIs. */
const GITHUB_SERVER_URL = 'https://github.com';
/** Fulcio's Source Repository URI extension (the repository whose run requested the certificate). */
const OID_SOURCE_REPOSITORY_URI = '1.3.6.1.4.1.57264.1.12';
/** Fulcio's Source Repository Ref extension (the git ref that triggered the run). */
const OID_SOURCE_REPOSITORY_REF = '1.3.6.1.4.1.57264.1.14';
const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
const WORKFLOW = /^([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+\/\.github\/workflows\/[^@\s]+\.ya?ml)(?:@(\S+))?$/;
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
/**
 * Builds the keyless identity policy. Every form ends up as one RegExp anchored at both ends:
 * user text is escaped, and a user regexp is wrapped in ^(?:...)$, so a policy for acme/app never
 * accepts acme/app-evil. No identity or no issuer is a usage error, never an accept-all.
 */
function buildIdentityPolicy(input) {
    const given = [
        ['certificate-identity', input.certificateIdentity],
        ['certificate-identity-regexp', input.certificateIdentityRegexp],
        ['signer-workflow', input.signerWorkflow],
        ['signer-repository', input.signerRepository],
    ].filter(([, value]) => value !== undefined && value.trim() !== '');
    if (given.length === 0) {
        throw new src/* UsageError */.eb("Keyless verification needs an identity: give 'certificate-identity', 'certificate-identity-regexp', 'signer-workflow' or 'signer-repository' (or 'public-key' for keyed bundles).");
    }
    if (given.length > 1) {
        throw new src/* UsageError */.eb(`Inputs ${given.map(([name]) => `'${name}'`).join(' and ')} cannot be combined: give one identity.`);
    }
    const [name, raw] = given[0];
    const value = raw.trim();
    const githubShortcut = name === 'signer-workflow' || name === 'signer-repository';
    let identity;
    let description;
    /** owner/repo of a GitHub shortcut: the source repository unless 'source-repository' says otherwise. */
    let signerRepository;
    switch (name) {
        case 'certificate-identity':
            identity = new RegExp(`^${escapeRegExp(value)}$`);
            description = value;
            break;
        case 'certificate-identity-regexp':
            try {
                // Compiled alone first: a value with an unbalanced ')' (e.g. `a)|(.*`) would otherwise close
                // the anchoring group and turn `^(?:a)|(.*)$` into an accept-all.
                new RegExp(value);
                identity = new RegExp(`^(?:${value})$`);
            }
            catch (error) {
                throw new src/* UsageError */.eb(`Input 'certificate-identity-regexp' is not a valid regular expression: ${error.message}`);
            }
            description = `/^(?:${value})$/`;
            break;
        case 'signer-workflow': {
            const match = WORKFLOW.exec(value);
            if (!match) {
                throw new src/* UsageError */.eb(`Input 'signer-workflow' must look like owner/repo/.github/workflows/file.yml[@ref] (got '${value}').`);
            }
            const url = `${GITHUB_SERVER_URL}/${match[1]}`;
            signerRepository = match[1].split('/').slice(0, 2).join('/');
            identity = new RegExp(`^${escapeRegExp(url)}@${match[2] ? escapeRegExp(match[2]) : '.+'}$`);
            description = `${url}@${match[2] ?? '<any ref>'}`;
            break;
        }
        default: {
            if (!REPOSITORY.test(value))
                throw new src/* UsageError */.eb(`Input 'signer-repository' must look like owner/repo (got '${value}').`);
            identity = new RegExp(`^${escapeRegExp(`${GITHUB_SERVER_URL}/${value}/`)}.+@.+$`);
            description = `${GITHUB_SERVER_URL}/${value}/<workflow>@<ref>`;
            signerRepository = value;
        }
    }
    const sourceRef = input.sourceRef?.trim() || undefined;
    const explicitSource = input.sourceRepository?.trim() || undefined;
    if (explicitSource !== undefined && !REPOSITORY.test(explicitSource)) {
        throw new src/* UsageError */.eb(`Input 'source-repository' must look like owner/repo (got '${explicitSource}').`);
    }
    const source = explicitSource ?? signerRepository;
    const sourceRepository = source
        ? {
            uri: `${GITHUB_SERVER_URL}/${source}`,
            origin: explicitSource ? 'source-repository' : name,
        }
        : undefined;
    const issuer = input.certificateOidcIssuer?.trim() ||
        (githubShortcut || sourceRef !== undefined || explicitSource !== undefined ? GITHUB_ACTIONS_ISSUER : undefined);
    if (!issuer) {
        throw new src/* UsageError */.eb("Keyless verification needs 'certificate-oidc-issuer' (the exact OIDC issuer of the signer).");
    }
    return {
        identity,
        description,
        issuer,
        ...(sourceRepository ? { sourceRepository } : {}),
        ...(sourceRef ? { sourceRef } : {}),
    };
}
/** Why the signer does not satisfy the policy, or undefined when it does. */
function policyMismatch(policy, signer) {
    const san = signer.subjectAlternativeName;
    const found = `identity '${san ?? '(none)'}' issuer '${signer.issuer ?? '(none)'}'`;
    if (san === undefined || !policy.identity.test(san)) {
        return `untrusted signer: ${found} does not match the expected identity ${policy.description}`;
    }
    if (signer.issuer !== policy.issuer) {
        return `untrusted signer: ${found} does not match the expected issuer '${policy.issuer}'`;
    }
    if (policy.sourceRepository !== undefined) {
        const mismatch = sourceRepositoryMismatch(policy.sourceRepository, signer.extensions);
        if (mismatch)
            return `untrusted signer: ${mismatch.problem} (${found})${mismatch.hint}`;
    }
    if (policy.sourceRef !== undefined) {
        const raw = signer.extensions.get(OID_SOURCE_REPOSITORY_REF);
        const ref = raw ? decodeDerString(raw) : undefined;
        if (ref !== policy.sourceRef) {
            return `untrusted signer: source ref '${ref ?? '(none)'}' is not '${policy.sourceRef}' (${found})`;
        }
    }
    return undefined;
}
/**
 * Fails closed: a certificate without the extension (not from a GitHub Actions run, or from a Fulcio
 * too old to write it) cannot show which repository's run signed. GitHub names are case-insensitive.
 */
function sourceRepositoryMismatch(expected, extensions) {
    const raw = extensions.get(OID_SOURCE_REPOSITORY_URI);
    const found = raw ? decodeDerString(raw) : undefined;
    if (found !== undefined && found.toLowerCase() === expected.uri.toLowerCase())
        return undefined;
    if (found === undefined) {
        const what = raw ? 'an unreadable' : 'no';
        return {
            problem: `the certificate has ${what} Source Repository URI extension (${OID_SOURCE_REPOSITORY_URI}), so the repository whose run signed is unknown; expected '${expected.uri}'`,
            hint: '',
        };
    }
    return {
        problem: `source repository '${found}' is not '${expected.uri}'`,
        hint: expected.origin === 'source-repository'
            ? ''
            : `; '${expected.origin}' expects its own repository's runs by default: give 'source-repository' when a run in another repository calls this reusable workflow`,
    };
}
/** A DER UTF8String/IA5String/PrintableString as text; Fulcio's v2 extensions hold one. */
function decodeDerString(der) {
    const tag = der[0];
    if (tag !== 0x0c && tag !== 0x16 && tag !== 0x13)
        return der.toString('utf8');
    let length = der[1] ?? 0;
    let offset = 2;
    if (length & 0x80) {
        const count = length & 0x7f;
        length = 0;
        for (let i = 0; i < count; i++)
            length = length * 256 + (der[offset++] ?? 0);
    }
    if (offset + length !== der.length)
        return undefined;
    return der.subarray(offset).toString('utf8');
}

;// CONCATENATED MODULE: ./packages/sigstore/src/prehashed.ts

function verifyPrehashed(key, digest, algorithm, signature) {
    switch (key.asymmetricKeyType) {
        case 'ec': {
            const jwk = key.export({ format: 'jwk' });
            const curve = jwk.crv ? CURVES[jwk.crv] : undefined;
            if (!curve || !jwk.x || !jwk.y)
                return 'unsupported';
            const point = { x: fromBase64Url(jwk.x), y: fromBase64Url(jwk.y) };
            return verifyEcdsa(curve, point, digest, signature) ? 'valid' : 'invalid';
        }
        case 'rsa':
            return verifyRsaPkcs1(key, digest, algorithm, signature) ? 'valid' : 'invalid';
        default:
            return 'unsupported';
    }
}
const P256_P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const P384_P = 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffffn;
const CURVES = {
    'P-256': {
        p: P256_P,
        a: P256_P - 3n,
        b: 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn,
        n: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
        g: {
            x: 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
            y: 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n,
        },
        bits: 256,
    },
    'P-384': {
        p: P384_P,
        a: P384_P - 3n,
        b: 0xb3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aefn,
        n: 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n,
        g: {
            x: 0xaa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7n,
            y: 0x3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5fn,
        },
        bits: 384,
    },
};
function verifyEcdsa(curve, publicPoint, digest, signature) {
    const parsed = parseDerSignature(signature);
    if (!parsed)
        return false;
    const { r, s } = parsed;
    const { n } = curve;
    if (r <= 0n || r >= n || s <= 0n || s >= n)
        return false;
    if (!onCurve(curve, publicPoint))
        return false;
    const e = digestToInteger(digest, curve.bits);
    const w = modInverse(s, n);
    const u1 = mod(e * w, n);
    const u2 = mod(r * w, n);
    const sum = shamirMultiply(curve, u1, curve.g, u2, publicPoint);
    if (sum === undefined)
        return false;
    return mod(sum.x, n) === r;
}
function onCurve(curve, { x, y }) {
    const { p, a, b } = curve;
    if (x < 0n || x >= p || y < 0n || y >= p)
        return false;
    return mod(y * y - (x * x * x + a * x + b), p) === 0n;
}
/** u1·G + u2·Q in one pass over the bits; undefined for the point at infinity. */
function shamirMultiply(curve, u1, g, u2, q) {
    const p = curve.p;
    const jg = { x: g.x, y: g.y, z: 1n };
    const jq = { x: q.x, y: q.y, z: 1n };
    const both = add(p, jg, jq);
    let acc;
    const length = Math.max(u1.toString(2).length, u2.toString(2).length);
    for (let bit = length - 1; bit >= 0; bit--) {
        if (acc)
            acc = prehashed_double(p, acc);
        const b1 = (u1 >> BigInt(bit)) & 1n;
        const b2 = (u2 >> BigInt(bit)) & 1n;
        const addend = b1 && b2 ? both : b1 ? jg : b2 ? jq : undefined;
        if (addend)
            acc = acc ? add(p, acc, addend) : addend;
    }
    return acc ? toAffine(p, acc) : undefined;
}
// Jacobian formulas for a = -3 curves (dbl-2001-b, add-2007-bl); z = 0 is the point at infinity.
function prehashed_double(p, { x, y, z }) {
    if (z === 0n || y === 0n)
        return { x: 1n, y: 1n, z: 0n };
    const delta = mod(z * z, p);
    const gamma = mod(y * y, p);
    const beta = mod(x * gamma, p);
    const alpha = mod(3n * (x - delta) * (x + delta), p);
    const x3 = mod(alpha * alpha - 8n * beta, p);
    const z3 = mod((y + z) * (y + z) - gamma - delta, p);
    const y3 = mod(alpha * (4n * beta - x3) - 8n * gamma * gamma, p);
    return { x: x3, y: y3, z: z3 };
}
function add(p, a, b) {
    if (!a || a.z === 0n)
        return b;
    if (!b || b.z === 0n)
        return a;
    const z1z1 = mod(a.z * a.z, p);
    const z2z2 = mod(b.z * b.z, p);
    const u1 = mod(a.x * z2z2, p);
    const u2 = mod(b.x * z1z1, p);
    const s1 = mod(a.y * b.z * z2z2, p);
    const s2 = mod(b.y * a.z * z1z1, p);
    const h = mod(u2 - u1, p);
    const r = mod(2n * (s2 - s1), p);
    if (h === 0n)
        return r === 0n ? prehashed_double(p, a) : { x: 1n, y: 1n, z: 0n };
    const i = mod(4n * h * h, p);
    const j = mod(h * i, p);
    const v = mod(u1 * i, p);
    const x3 = mod(r * r - j - 2n * v, p);
    const y3 = mod(r * (v - x3) - 2n * s1 * j, p);
    const z3 = mod(((a.z + b.z) * (a.z + b.z) - z1z1 - z2z2) * h, p);
    return { x: x3, y: y3, z: z3 };
}
function toAffine(p, point) {
    if (point.z === 0n)
        return undefined;
    const zInverse = modInverse(point.z, p);
    const zInverse2 = mod(zInverse * zInverse, p);
    return { x: mod(point.x * zInverse2, p), y: mod(point.y * zInverse2 * zInverse, p) };
}
function digestToInteger(digest, bits) {
    let value = digest.length === 0 ? 0n : BigInt(`0x${digest.toString('hex')}`);
    const digestBits = digest.length * 8;
    if (digestBits > bits)
        value >>= BigInt(digestBits - bits);
    return value;
}
function mod(value, m) {
    const result = value % m;
    return result < 0n ? result + m : result;
}
function modInverse(value, m) {
    let [oldR, r] = [mod(value, m), m];
    let [oldS, s] = [1n, 0n];
    while (r !== 0n) {
        const quotient = oldR / r;
        [oldR, r] = [r, oldR - quotient * r];
        [oldS, s] = [s, oldS - quotient * s];
    }
    return mod(oldS, m);
}
function fromBase64Url(text) {
    return BigInt(`0x${Buffer.from(text, 'base64url').toString('hex')}`);
}
/** Strict DER `SEQUENCE { INTEGER r, INTEGER s }`; undefined for anything else. */
function parseDerSignature(der) {
    let offset = 0;
    const readLength = () => {
        const first = der[offset++];
        if (first === undefined)
            return undefined;
        if (first < 0x80)
            return first;
        const count = first & 0x7f;
        if (count === 0 || count > 2)
            return undefined;
        let length = 0;
        for (let i = 0; i < count; i++) {
            const byte = der[offset++];
            if (byte === undefined)
                return undefined;
            length = length * 256 + byte;
        }
        return length < 0x80 ? undefined : length;
    };
    const readInteger = () => {
        if (der[offset++] !== 0x02)
            return undefined;
        const length = readLength();
        if (length === undefined || length === 0 || offset + length > der.length)
            return undefined;
        const bytes = der.subarray(offset, offset + length);
        offset += length;
        if (bytes[0] & 0x80)
            return undefined;
        if (bytes.length > 1 && bytes[0] === 0 && !(bytes[1] & 0x80))
            return undefined;
        return BigInt(`0x${bytes.toString('hex')}`);
    };
    if (der[offset++] !== 0x30)
        return undefined;
    const total = readLength();
    if (total === undefined || offset + total !== der.length)
        return undefined;
    const r = readInteger();
    const s = readInteger();
    if (r === undefined || s === undefined || offset !== der.length)
        return undefined;
    return { r, s };
}
const DIGEST_INFO_PREFIX = {
    sha256: '3031300d060960864801650304020105000420',
    sha384: '3041300d060960864801650304020205000430',
    sha512: '3051300d060960864801650304020305000440',
};
function verifyRsaPkcs1(key, digest, algorithm, signature) {
    // As RSA_verify does: publicDecrypt alone accepts a signature shorter than the modulus.
    const modulusBits = key.asymmetricKeyDetails?.modulusLength;
    if (!modulusBits || signature.length !== Math.ceil(modulusBits / 8))
        return false;
    let recovered;
    try {
        recovered = (0,external_node_crypto_.publicDecrypt)({ key, padding: external_node_crypto_.constants.RSA_PKCS1_PADDING }, signature);
    }
    catch {
        return false;
    }
    const expected = Buffer.concat([Buffer.from(DIGEST_INFO_PREFIX[algorithm], 'hex'), digest]);
    return recovered.length === expected.length && recovered.equals(expected);
}

// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(8995);
// EXTERNAL MODULE: ./node_modules/@sigstore/protobuf-specs/dist/index.js
var protobuf_specs_dist = __webpack_require__(9654);
// EXTERNAL MODULE: ./node_modules/@sigstore/tuf/dist/index.js
var tuf_dist = __webpack_require__(4423);
// EXTERNAL MODULE: ./node_modules/@sigstore/core/dist/index.js
var core_dist = __webpack_require__(3917);
// EXTERNAL MODULE: ./node_modules/@sigstore/verify/dist/index.js
var verify_dist = __webpack_require__(4187);
;// CONCATENATED MODULE: ./packages/sigstore/src/trusted-root.ts







const TRUSTED_ROOT_MEDIA_TYPES = [
    'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    'application/vnd.dev.sigstore.trustedroot.v0.1+json',
    'application/vnd.dev.sigstore.trustedroot.v0.2+json',
];
/** Reads and checks a trusted_root.json file. */
function readTrustedRoot(path, input = 'trusted-root') {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (error) {
        throw new src/* UsageError */.eb(`Input '${input}': cannot read ${path}: ${(0,src/* describeError */.Uc)(error)}`);
    }
    return trusted_root_parseTrustedRoot(text, path, input);
}
/**
 * Parses a trusted root and rejects one that cannot be trusted as written: an unknown media type,
 * a log without a key or a validity start, a CA without a certificate chain, undecodable keys or
 * certificates. @sigstore/verify would quietly treat a missing start as the beginning of time.
 */
function trusted_root_parseTrustedRoot(text, source, input = 'trusted-root') {
    const fail = (problem) => {
        throw new src/* UsageError */.eb(`Input '${input}': ${source} is not a usable trusted root: ${problem}`);
    };
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (error) {
        return fail(`invalid JSON (${(0,src/* describeError */.Uc)(error)})`);
    }
    if (!isObject(json))
        return fail('not a JSON object');
    let root;
    try {
        root = protobuf_specs_dist.TrustedRoot.fromJSON(json);
    }
    catch (error) {
        return fail((0,src/* describeError */.Uc)(error));
    }
    if (!TRUSTED_ROOT_MEDIA_TYPES.includes(root.mediaType)) {
        fail(`unsupported mediaType '${root.mediaType || '(none)'}'`);
    }
    root.tlogs.forEach((log, index) => checkLog(log, `tlogs[${index}]`, fail));
    root.ctlogs.forEach((log, index) => checkLog(log, `ctlogs[${index}]`, fail));
    root.certificateAuthorities.forEach((ca, index) => checkAuthority(ca, `certificateAuthorities[${index}]`, fail));
    root.timestampAuthorities.forEach((ca, index) => checkAuthority(ca, `timestampAuthorities[${index}]`, fail));
    if (root.certificateAuthorities.length === 0 && root.tlogs.length === 0 && root.timestampAuthorities.length === 0) {
        fail('it lists no certificate authority, transparency log or timestamp authority');
    }
    return { source, root };
}
function checkLog(log, where, fail) {
    if (!log.logId?.keyId?.length)
        fail(`${where} has no logId`);
    const key = log.publicKey;
    if (!key?.rawBytes?.length)
        fail(`${where} has no public key`);
    if (!key?.validFor?.start)
        fail(`${where} public key has no validFor.start`);
    if (key?.validFor?.end && key.validFor.start && key.validFor.end < key.validFor.start) {
        fail(`${where} public key validity ends before it starts`);
    }
    try {
        (0,external_node_crypto_.createPublicKey)({ key: Buffer.from(key.rawBytes), format: 'der', type: 'spki' });
    }
    catch {
        try {
            (0,external_node_crypto_.createPublicKey)({ key: Buffer.from(key.rawBytes), format: 'der', type: 'pkcs1' });
        }
        catch (error) {
            fail(`${where} public key cannot be decoded (${(0,src/* describeError */.Uc)(error)})`);
        }
    }
}
function checkAuthority(ca, where, fail) {
    const certificates = ca.certChain?.certificates ?? [];
    if (certificates.length === 0)
        fail(`${where} has an empty certificate chain`);
    if (!ca.validFor?.start)
        fail(`${where} has no validFor.start`);
    certificates.forEach((certificate, index) => {
        try {
            core_dist.X509Certificate.parse(Buffer.from(certificate.rawBytes));
        }
        catch (error) {
            fail(`${where} certificate ${index} cannot be parsed (${(0,src/* describeError */.Uc)(error)})`);
        }
    });
}
/** Trust material for @sigstore/verify; `publicKey` answers every key hint with the given key. */
function trustMaterialFrom(loaded, publicKeyPem) {
    if (publicKeyPem === undefined)
        return (0,verify_dist/* toTrustMaterial */.jO)(loaded.root);
    const publicKey = parsePublicKey('public-key', publicKeyPem);
    return (0,verify_dist/* toTrustMaterial */.jO)(loaded.root, () => ({ publicKey, validFor: () => true }));
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./packages/sigstore/src/public-good.ts




const PUBLIC_GOOD_TUF = 'https://tuf-repo-cdn.sigstore.dev';
/**
 * The public-good trusted root as shipped inside @sigstore/tuf (its TUF seed). Offline and
 * reproducible, but only as fresh as the installed package: for production verification use
 * fetchPublicGoodTrustedRoot, which updates it over TUF.
 */
function seededPublicGoodTrustedRoot() {
    const require = createRequire(import.meta.url);
    const seeds = require('@sigstore/tuf/seeds.json');
    const encoded = seeds[PUBLIC_GOOD_TUF]?.targets['trusted_root.json'];
    if (!encoded)
        throw new Error(`@sigstore/tuf ships no trusted_root.json seed for ${PUBLIC_GOOD_TUF}`);
    return parseTrustedRoot(Buffer.from(encoded, 'base64').toString('utf8'), 'the public-good trusted root (TUF seed)');
}
/** The public-good trusted root, updated over TUF (network). Checked like any other root. */
async function fetchPublicGoodTrustedRoot(options = {}) {
    const root = await (0,tuf_dist.getTrustedRoot)({ ...(options.cachePath ? { cachePath: options.cachePath } : {}) });
    return trusted_root_parseTrustedRoot(JSON.stringify(protobuf_specs_dist.TrustedRoot.toJSON(root)), 'the public-good trusted root (TUF)');
}

;// CONCATENATED MODULE: ./packages/sigstore/src/statement.ts

const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
const STATEMENT_TYPES = ['https://in-toto.io/Statement/v1', 'https://in-toto.io/Statement/v0.1'];
/** The in-toto statement inside a DSSE envelope; anything else cannot be bound to an artifact. */
function readStatement(envelope) {
    if (envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
        throw new BundleError(`the DSSE payload type '${envelope.payloadType}' is not an in-toto statement`);
    }
    let json;
    try {
        json = JSON.parse(Buffer.from(envelope.payload).toString('utf8'));
    }
    catch {
        throw new BundleError('the DSSE payload is not valid JSON');
    }
    if (!STATEMENT_TYPES.includes(String(json._type)) ||
        typeof json.predicateType !== 'string' ||
        !Array.isArray(json.subject)) {
        throw new BundleError('the DSSE payload is not an in-toto statement');
    }
    const subjects = json.subject.filter((item) => typeof item === 'object' && item !== null && typeof item.digest === 'object');
    const algorithms = new Set();
    for (const subject of subjects) {
        for (const name of Object.keys(subject.digest))
            if (name === 'sha256' || name === 'sha384' || name === 'sha512')
                algorithms.add(name);
    }
    return { predicateType: json.predicateType, subjects, algorithms: [...algorithms] };
}
/** True when some subject carries a digest equal to the artifact's (every algorithm it shares must match). */
function statementMatches(statement, digests) {
    return statement.subjects.some((subject) => {
        let shared = 0;
        for (const [algorithm, digest] of digests) {
            const value = subject.digest[algorithm];
            if (value === undefined)
                continue;
            if (value.toLowerCase() !== digest.toString('hex'))
                return false;
            shared++;
        }
        return shared > 0;
    });
}

;// CONCATENATED MODULE: ./packages/sigstore/src/signed-entity.ts





const HASH_NAMES = {
    [protobuf_specs_dist.HashAlgorithm.HASH_ALGORITHM_UNSPECIFIED]: 'sha256',
    [protobuf_specs_dist.HashAlgorithm.SHA2_256]: 'sha256',
    [protobuf_specs_dist.HashAlgorithm.SHA2_384]: 'sha384',
    [protobuf_specs_dist.HashAlgorithm.SHA2_512]: 'sha512',
};
/** The public key that signed the bundle: its leaf certificate's key, or the caller's key. */
function signingKeyOf(bundle, publicKeyPem) {
    const material = bundle.verificationMaterial.content;
    switch (material.$case) {
        case 'publicKey':
            return publicKeyPem === undefined ? undefined : (0,external_node_crypto_.createPublicKey)(publicKeyPem);
        case 'certificate':
            return spki(core_dist.X509Certificate.parse(Buffer.from(material.certificate.rawBytes)).publicKey);
        case 'x509CertificateChain': {
            const leaf = material.x509CertificateChain.certificates[0];
            return leaf ? spki(core_dist.X509Certificate.parse(Buffer.from(leaf.rawBytes)).publicKey) : undefined;
        }
    }
}
/**
 * The SignedEntity @sigstore/verify checks, with the message signature verified over the streamed
 * digest instead of an in-memory artifact. `compareDigest` still answers with the bundle's digest,
 * which is what the transparency-log body is compared against; the caller compares the bundle's
 * digest with the artifact's own.
 */
function signedEntityFor(bundle, evidence) {
    const entity = (0,verify_dist/* toSignedEntity */.DC)(bundle, evidence?.kind === 'bytes' ? evidence.data : undefined);
    if (bundle.content.$case !== 'messageSignature')
        return entity;
    const message = bundle.content.messageSignature;
    const algorithm = HASH_NAMES[message.messageDigest?.algorithm ?? protobuf_specs_dist.HashAlgorithm.SHA2_256] ?? 'sha256';
    const signature = entity.signature;
    return {
        ...entity,
        signature: {
            signature: signature.signature,
            compareSignature: (candidate) => signature.compareSignature(candidate),
            compareDigest: (digest) => signature.compareDigest(digest),
            compareSignedDigest: (digest) => signature.compareSignedDigest(digest),
            verifySignature: (key) => {
                if (!evidence)
                    return false;
                if (evidence.kind === 'bytes') {
                    if (key.asymmetricKeyType === 'ed25519' || key.asymmetricKeyType === 'ed448') {
                        return safe(() => (0,external_node_crypto_.verify)(null, evidence.data, key, signature.signature));
                    }
                    return safe(() => (0,external_node_crypto_.verify)(algorithm, evidence.data, key, signature.signature));
                }
                if (evidence.checked?.key.equals(key))
                    return evidence.checked.valid;
                return verifyPrehashed(key, evidence.digest, algorithm, signature.signature) === 'valid';
            },
        },
    };
}
function safe(check) {
    try {
        return check();
    }
    catch {
        return false;
    }
}
function spki(der) {
    return (0,external_node_crypto_.createPublicKey)({ key: der, format: 'der', type: 'spki' });
}

;// CONCATENATED MODULE: ./packages/sigstore/src/concurrency.ts
/** Maps items with at most `limit` calls in flight, keeping the input order in the result. */
async function mapBounded(items, limit, task) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await task(items[index], index);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    return results;
}

;// CONCATENATED MODULE: ./packages/sigstore/src/verify.ts












/** Ed25519 message signatures cover the artifact itself, so the file must be read whole; up to this size. */
const ED25519_MESSAGE_LIMIT = 64 * 1024 * 1024;
/** Files up to this size get their message signature checked by node:crypto while streaming. */
const NATIVE_CHECK_LIMIT = 1024 * 1024;
/** Checks every subject (a failure never stops the others) and returns one result each. */
async function verifyArtifacts(subjects, options) {
    if (subjects.length === 0)
        throw new src/* UsageError */.eb("Nothing to verify: 'subject-path' and 'subject-digest' matched no artifact.");
    if ((options.policy === undefined) === (options.publicKey === undefined)) {
        throw new src/* UsageError */.eb(options.policy
            ? "Give either an identity policy or 'public-key', not both."
            : "Keyless verification needs an identity policy ('certificate-identity' and 'certificate-oidc-issuer', or 'signer-workflow'/'signer-repository'); keyed verification needs 'public-key'.");
    }
    const verifier = new verify_dist/* Verifier */.BL(trustMaterialFrom(options.trustedRoot, options.publicKey), {
        tlogThreshold: options.tlogThreshold ?? 1,
        timestampThreshold: options.timestampThreshold ?? 1,
        ctlogThreshold: options.ctlogThreshold ?? 1,
    });
    const results = await mapBounded(subjects, options.concurrency ?? 4, (subject) => verifyOne(subject, verifier, options));
    return { verified: results.every((result) => result.verified), results };
}
async function verifyOne(subject, verifier, options) {
    const result = {
        subject: subject.name,
        bundle: subject.bundleName ?? subject.bundlePath,
        verified: false,
    };
    try {
        Object.assign(result, await check(subject, verifier, options, result));
        result.verified = true;
    }
    catch (error) {
        result.reason = oneLine(error instanceof src/* UsageError */.eb ? error.message : reasonOf(error));
    }
    return result;
}
async function check(subject, verifier, options, result) {
    const bundle = await readBundle(subject.bundlePath);
    const keyed = bundle.verificationMaterial.content.$case === 'publicKey';
    if (keyed && options.publicKey === undefined) {
        throw new BundleError("the bundle is signed with a key, not a certificate: verify it with 'public-key'");
    }
    if (!keyed && options.publicKey !== undefined) {
        throw new BundleError("the bundle is signed with a certificate, but 'public-key' was given: verify it with an identity policy");
    }
    rejectRootInChain(bundle);
    const statement = bundle.content.$case === 'dsseEnvelope' ? readStatement(bundle.content.dsseEnvelope) : undefined;
    const { evidence, digests } = await artifactEvidence(subject, bundle, options.publicKey, result, statement?.algorithms ?? []);
    if (bundle.content.$case === 'messageSignature') {
        const expected = bundle.content.messageSignature.messageDigest?.digest;
        if (evidence.kind === 'digest' && (!expected || !expected.equals(evidence.digest))) {
            throw new BundleError(`digest mismatch: the artifact is ${result.digest} but the bundle signs ${signedDigestText(bundle.content.messageSignature.messageDigest)}`);
        }
    }
    let signer;
    try {
        signer = verifier.verify(signedEntityFor(bundle, evidence));
    }
    catch (error) {
        throw new BundleError(reasonOf(error));
    }
    const found = { logIndex: firstLogIndex(bundle), time: earliestTime(bundle) };
    if (options.policy) {
        const identity = {
            subjectAlternativeName: signer.identity?.subjectAlternativeName,
            issuer: signer.identity?.extensions?.issuer,
            extensions: new Map((signer.identity?.oids ?? []).map((oid) => [oid.oid?.id.join('.') ?? '', Buffer.from(oid.value)])),
        };
        found.identity = identity.subjectAlternativeName;
        found.issuer = identity.issuer;
        Object.assign(result, found);
        const mismatch = policyMismatch(options.policy, identity);
        if (mismatch)
            throw new BundleError(mismatch);
    }
    if (statement) {
        found.predicateType = statement.predicateType;
        if (!statementMatches(statement, digests)) {
            throw new BundleError(`digest mismatch: the artifact ${result.digest} is not a subject of the attestation`);
        }
    }
    if (options.predicateType !== undefined && found.predicateType !== options.predicateType) {
        throw new BundleError(`expected an attestation of predicate type '${options.predicateType}', found ${found.predicateType ? `'${found.predicateType}'` : 'a plain signature'}`);
    }
    return found;
}
/** Streams the artifact once for the digest(s) the bundle needs; Ed25519 message signatures need the bytes. */
async function artifactEvidence(subject, bundle, publicKey, result, statementAlgorithms) {
    const message = bundle.content.$case === 'messageSignature' ? bundle.content.messageSignature : undefined;
    const algorithm = message ? (HASH_NAMES[message.messageDigest?.algorithm ?? 1] ?? 'sha256') : 'sha256';
    if (subject.digest) {
        result.digest = formatDigest(subject.digest.algorithm, subject.digest.digest);
        if (message && subject.digest.algorithm !== algorithm) {
            throw new BundleError(`the bundle signs a ${algorithm} digest; give subject-digest as ${algorithm}:<hex>`);
        }
        return {
            evidence: { kind: 'digest', digest: subject.digest.digest },
            digests: new Map([[subject.digest.algorithm, subject.digest.digest]]),
        };
    }
    if (!subject.path)
        throw new src/* UsageError */.eb(`Subject '${subject.name}' has neither a file nor a digest.`);
    let key;
    try {
        key = message ? signingKeyOf(bundle, publicKey) : undefined;
    }
    catch (error) {
        throw new BundleError(`the signing certificate or key cannot be read (${(0,src/* describeError */.Uc)(error)})`);
    }
    if (key?.asymmetricKeyType === 'ed25519') {
        const size = (await (0,promises_.stat)(subject.path)).size;
        if (size > ED25519_MESSAGE_LIMIT) {
            throw new BundleError(`an Ed25519 message signature covers the whole file, which is over ${ED25519_MESSAGE_LIMIT / 1048576} MiB; sign large files as an attestation (DSSE)`);
        }
        const data = await (0,promises_.readFile)(subject.path);
        const digests = await digestFile(subject.path, ['sha256', algorithm]);
        result.digest = formatDigest('sha256', digests.get('sha256'));
        if (!message.messageDigest?.digest.equals(digests.get(algorithm))) {
            throw new BundleError(`digest mismatch: the artifact is ${result.digest} but the bundle signs ${signedDigestText(message.messageDigest)}`);
        }
        return { evidence: { kind: 'bytes', data }, digests };
    }
    // A small file's signature is checked natively in the same pass (hashing it twice costs less than
    // the BigInt check); a large file is hashed once and its signature checked over the digest.
    const small = (await (0,promises_.stat)(subject.path)).size <= NATIVE_CHECK_LIMIT;
    const native = message && key && small ? (0,external_node_crypto_.createVerify)(algorithm) : undefined;
    const digests = await digestFile(subject.path, ['sha256', algorithm, ...statementAlgorithms], native ? [native] : []);
    result.digest = formatDigest('sha256', digests.get('sha256'));
    const evidence = { kind: 'digest', digest: digests.get(algorithm) };
    if (native && key && message) {
        let valid = false;
        try {
            valid = native.verify(key, message.signature);
        }
        catch {
            valid = false;
        }
        evidence.checked = { key, valid };
    }
    return { evidence, digests };
}
/** A chain carried in the bundle must stop below the root: the root comes only from the trusted root. */
function rejectRootInChain(bundle) {
    const material = bundle.verificationMaterial.content;
    if (material.$case !== 'x509CertificateChain')
        return;
    for (const raw of material.x509CertificateChain.certificates) {
        let certificate;
        try {
            certificate = core_dist.X509Certificate.parse(Buffer.from(raw.rawBytes));
        }
        catch (error) {
            throw new BundleError(`a certificate in the bundle cannot be parsed (${(0,src/* describeError */.Uc)(error)})`);
        }
        if (certificate.isCA && certificate.issuer.equals(certificate.subject)) {
            throw new BundleError("the bundle's certificate chain contains a root certificate");
        }
    }
}
function firstLogIndex(bundle) {
    return bundle.verificationMaterial.tlogEntries[0]?.logIndex;
}
/** The earliest verified time: a log entry's integratedTime counts only under its signed promise. */
function earliestTime(bundle) {
    const times = [];
    for (const entry of bundle.verificationMaterial.tlogEntries) {
        if (!entry.inclusionPromise)
            continue;
        const seconds = Number(entry.integratedTime);
        if (seconds > 0)
            times.push(seconds * 1000);
    }
    for (const timestamp of bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps ?? []) {
        try {
            times.push(core_dist.RFC3161Timestamp.parse(Buffer.from(timestamp.signedTimestamp)).signingTime.getTime());
        }
        catch {
            // an unparseable timestamp has already failed verification
        }
    }
    return times.length ? new Date(Math.min(...times)).toISOString() : undefined;
}
const CODE_TEXT = {
    TLOG_INCLUSION_PROOF_ERROR: 'bad inclusion proof',
    TLOG_INCLUSION_PROMISE_ERROR: 'bad inclusion promise (SET)',
    TLOG_BODY_ERROR: 'transparency-log entry does not match the bundle',
    TLOG_ERROR: 'transparency log',
    TLOG_MISSING_INCLUSION_ERROR: 'missing inclusion proof',
    CERTIFICATE_ERROR: 'certificate',
    SIGNATURE_ERROR: 'bad signature',
    TIMESTAMP_ERROR: 'timestamp',
    PUBLIC_KEY_ERROR: 'public key',
    UNTRUSTED_SIGNER_ERROR: 'untrusted signer',
};
/**
 * Reasons quote bundle content (a media type, a payload type): control characters, which the runner
 * and terminals treat as line breaks or escapes, become spaces so a reason cannot forge log lines.
 */
function oneLine(text) {
    return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
}
/** One line: what failed and why, from @sigstore/verify's error code and message. */
function reasonOf(error) {
    const code = error?.code;
    const message = (0,src/* describeError */.Uc)(error);
    if (typeof code === 'string' && CODE_TEXT[code] && !message.toLowerCase().startsWith(CODE_TEXT[code])) {
        return `${CODE_TEXT[code]}: ${message}`;
    }
    return message;
}
/** The digest a message signature covers, written `<algorithm>:<hex>` like every digest we print. */
function signedDigestText(digest) {
    if (!digest?.digest.length)
        return '(no digest)';
    return formatDigest(HASH_NAMES[digest.algorithm] ?? 'sha256', digest.digest);
}

;// CONCATENATED MODULE: ./packages/sigstore/src/sign/oidc.ts

const MISSING_ID_TOKEN_PERMISSION = "Keyless signing needs the workflow's OIDC token: add `permissions: id-token: write` to the job (ACTIONS_ID_TOKEN_REQUEST_URL is not set), or give 'key' to sign with a key.";
/** A token getter for the runner's OIDC endpoint; fails with one line naming the permission to add. */
function githubActionsTokenGetter(request) {
    if (!request.requestUrl || !request.requestToken)
        throw new src/* UsageError */.eb(MISSING_ID_TOKEN_PERMISSION);
    return async () => {
        const url = new URL(request.requestUrl);
        url.searchParams.set('audience', request.audience);
        let response;
        try {
            response = await fetch(url, {
                headers: { Authorization: `Bearer ${request.requestToken}`, Accept: 'application/json' },
            });
        }
        catch (error) {
            throw new Error(`the OIDC token request failed: ${(0,src/* describeError */.Uc)(error)}`);
        }
        if (!response.ok)
            throw new Error(`the OIDC token request failed with HTTP ${response.status}`);
        const body = (await response.json());
        if (typeof body.value !== 'string' || body.value.split('.').length !== 3)
            throw new Error('the OIDC token response holds no token');
        return body.value;
    };
}

// EXTERNAL MODULE: ./node_modules/@sigstore/sign/dist/index.js
var sign_dist = __webpack_require__(5179);
;// CONCATENATED MODULE: ./packages/sigstore/src/sign/signers.ts





/** Signs small data held in memory (a DSSE pre-authentication encoding). */
function signers_signBytes(session, data) {
    return (0,external_node_crypto_.sign)(session.keyType === 'ed25519' ? null : 'sha256', data, session.privateKey);
}
/** Streams a file once: its SHA-256 and an ECDSA-SHA256 signature over its bytes. */
async function signFile(session, path) {
    if (session.keyType === 'ed25519')
        throw new Error('Ed25519 cannot sign a streamed file; sign it as an attestation');
    const hash = (0,external_node_crypto_.createHash)('sha256');
    const signer = (0,external_node_crypto_.createSign)('sha256');
    for await (const chunk of (0,external_node_fs_.createReadStream)(path, { highWaterMark: 1024 * 1024 })) {
        hash.update(chunk);
        signer.update(chunk);
    }
    return { sha256: hash.digest(), signature: signer.sign(session.privateKey) };
}
/** A PEM private key (ECDSA P-256/P-384 or Ed25519), optionally encrypted. */
class KeyedSigner {
    value;
    constructor(privateKeyPem, password) {
        let key;
        try {
            key = (0,external_node_crypto_.createPrivateKey)({ key: privateKeyPem, format: 'pem', ...(password ? { passphrase: password } : {}) });
        }
        catch {
            // The message never includes the key or the password.
            throw new src/* UsageError */.eb(`Input 'key' is not a usable PEM private key${password ? ' (or key-password is wrong)' : ' (if it is encrypted, give key-password)'}.`);
        }
        const curve = key.asymmetricKeyDetails?.namedCurve;
        const ed25519 = key.asymmetricKeyType === 'ed25519';
        if (!ed25519 && !(key.asymmetricKeyType === 'ec' && (curve === 'prime256v1' || curve === 'secp384r1'))) {
            throw new src/* UsageError */.eb(`Input 'key' must be an ECDSA P-256/P-384 or Ed25519 private key (got ${key.asymmetricKeyType}${curve ? ` ${curve}` : ''}).`);
        }
        const publicKey = (0,external_node_crypto_.createPublicKey)(key);
        this.value = {
            privateKey: key,
            keyType: ed25519 ? 'ed25519' : 'ec',
            material: {
                kind: 'publicKey',
                publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
                hint: (0,external_node_crypto_.createHash)('sha256')
                    .update(publicKey.export({ format: 'der', type: 'spki' }))
                    .digest('base64'),
            },
        };
    }
    async session() {
        return this.value;
    }
}
/**
 * An ephemeral P-256 key certified by Fulcio for the OIDC identity. One certificate serves many
 * artifacts; a new key and certificate are made when less than a minute of validity is left.
 */
class KeylessSigner {
    options;
    current;
    pending;
    constructor(options) {
        this.options = options;
    }
    async session() {
        if (this.current && this.current.notAfter - Date.now() > 60_000)
            return this.current.session;
        this.pending ??= this.certify().finally(() => {
            this.pending = undefined;
        });
        return this.pending;
    }
    async certify() {
        const { privateKey, publicKey } = (0,external_node_crypto_.generateKeyPairSync)('ec', { namedCurve: 'P-256' });
        const publicKeyPem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
        const keyHolder = {
            sign: async (data) => ({
                signature: (0,external_node_crypto_.sign)('sha256', data, privateKey),
                key: { $case: 'publicKey', publicKey: publicKeyPem },
            }),
        };
        const fulcio = new sign_dist/* FulcioSigner */.$o({
            fulcioBaseURL: this.options.fulcioUrl,
            identityProvider: { getToken: this.options.getToken },
            keyHolder,
            ...(this.options.retry ? { retry: this.options.retry } : {}),
            ...(this.options.timeout ? { timeout: this.options.timeout } : {}),
        });
        // FulcioSigner signs what it is given after certifying the key; an empty buffer suffices.
        const signed = await fulcio.sign(Buffer.alloc(0));
        if (signed.key.$case !== 'x509Certificate')
            throw new Error('Fulcio returned no certificate');
        const certificatePem = signed.key.certificate;
        const certificate = core_dist.X509Certificate.parse(core_dist.pem.toDER(certificatePem));
        const certifiedKey = (0,external_node_crypto_.createPublicKey)({ key: certificate.publicKey, format: 'der', type: 'spki' });
        if (!certifiedKey.equals(publicKey))
            throw new Error('Fulcio certified a different key than the one we sent');
        const session = {
            privateKey,
            keyType: 'ec',
            material: {
                kind: 'certificate',
                certificatePem,
                identity: certificate.subjectAltName,
                issuer: fulcioIssuer(certificate),
            },
        };
        this.current = { session, notAfter: certificate.notAfter.getTime() };
        return session;
    }
}
/** The OIDC issuer Fulcio wrote into the certificate (extension .1.8, else the legacy .1.1). */
function fulcioIssuer(certificate) {
    const v2 = certificate.extension('1.3.6.1.4.1.57264.1.8');
    if (v2)
        return v2.valueObj.subs?.[0]?.value.toString('utf8');
    return certificate.extension('1.3.6.1.4.1.57264.1.1')?.value.toString('ascii');
}

;// CONCATENATED MODULE: ./packages/sigstore/src/sign/sign.ts










/**
 * The predicate type of a plain signature made as an in-toto statement (a digest-only subject or an
 * Ed25519 key, where a message signature over the file is not possible); the predicate is empty.
 */
const SIGNATURE_PREDICATE_TYPE = 'https://gatehouse.dev/attestation/signature/v1';
const DEFAULT_RETRY = { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 5000 };
/** Signs every subject into a v0.3 bundle and writes it; one failure fails the run. */
async function signArtifacts(subjects, options) {
    if (subjects.length === 0)
        throw new src/* UsageError */.eb("Nothing to sign: 'subject-path' and 'subject-digest' matched no artifact.");
    const witnesses = witnessesFor(options);
    const bundlePaths = new Set();
    const planned = subjects.map((subject) => {
        const path = bundlePathFor(subject, options);
        if (bundlePaths.has(path))
            throw new src/* UsageError */.eb(`Two subjects would write the same bundle ${path}; give distinct names or no bundle-dir.`);
        bundlePaths.add(path);
        return { subject, path };
    });
    return mapBounded(planned, options.concurrency ?? 4, async ({ subject, path }) => {
        const session = await options.signer.session();
        if (options.rekor?.majorApiVersion === 2 && session.material.kind === 'publicKey') {
            throw new src/* UsageError */.eb('Rekor v2 records keyless (certificate) signatures only here; sign keyed artifacts with Rekor v1 or tlog: false.');
        }
        const { bundle, sha256, kind, predicateType } = await signOne(subject, session, options.predicate);
        const material = await witness(bundle, session, witnesses);
        bundle.verificationMaterial.tlogEntries = material.tlogEntries;
        bundle.verificationMaterial.timestampVerificationData = { rfc3161Timestamps: material.timestamps };
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
        const temporary = `${path}.${process.pid}.tmp`;
        await (0,promises_.writeFile)(temporary, `${JSON.stringify((0,dist.bundleToJSON)(bundle), null, 2)}\n`);
        await (0,promises_.rename)(temporary, path);
        const entry = bundle.verificationMaterial.tlogEntries[0];
        const result = {
            subject: subject.name,
            digest: formatDigest('sha256', sha256),
            bundlePath: path,
            mediaType: bundle.mediaType,
            kind,
            ...(predicateType ? { predicateType } : {}),
            ...(entry ? { logIndex: entry.logIndex, logId: entry.logId?.keyId.toString('hex') } : {}),
        };
        if (session.material.kind === 'certificate') {
            if (session.material.identity)
                result.identity = session.material.identity;
            if (session.material.issuer)
                result.issuer = session.material.issuer;
        }
        else {
            result.keyHint = session.material.hint;
        }
        return result;
    });
}
/** The transparency-log and timestamp witnesses a signing run asks, with retries and timeouts. */
function witnessesFor(options) {
    const witnesses = [];
    const retry = options.retry ?? DEFAULT_RETRY;
    const timeout = options.timeout ?? 20_000;
    if (options.rekor) {
        witnesses.push(new sign_dist/* RekorWitness */.fU({
            rekorBaseURL: options.rekor.url,
            majorApiVersion: options.rekor.majorApiVersion,
            entryType: 'dsse',
            fetchOnConflict: true,
            retry,
            timeout,
        }));
    }
    if (options.tsaUrl)
        witnesses.push(new sign_dist/* TSAWitness */.gs({ tsaBaseURL: options.tsaUrl, retry, timeout }));
    return witnesses;
}
/**
 * Signs any in-toto statement (or other DSSE payload) into a v0.3 bundle: the core a multi-file
 * signature such as an OpenSSF model signature is built on. Returns the bundle as JSON.
 */
async function signStatement(payload, payloadType, options) {
    const session = await options.signer.session();
    const keyMaterial = session.material.kind === 'certificate'
        ? { certificate: pem.toDER(session.material.certificatePem) }
        : { keyHint: session.material.hint };
    const signature = signBytes(session, dsse.preAuthEncoding(payloadType, payload));
    const bundle = toDSSEBundle({
        artifact: payload,
        artifactType: payloadType,
        signature,
        ...keyMaterial,
        certificateChain: false,
    });
    const material = await witness(bundle, session, witnessesFor(options));
    bundle.verificationMaterial.tlogEntries = material.tlogEntries;
    bundle.verificationMaterial.timestampVerificationData = { rfc3161Timestamps: material.timestamps };
    return bundleToJSON(bundle);
}
function bundlePathFor(subject, options) {
    if (options.bundleDir)
        return (0,external_node_path_.join)(options.bundleDir, `${(0,external_node_path_.basename)(subject.name)}.sigstore.json`);
    if (subject.path)
        return `${subject.path}.sigstore.json`;
    return (0,external_node_path_.resolve)(options.cwd, `${(0,external_node_path_.basename)(subject.name)}.sigstore.json`);
}
async function signOne(subject, session, predicate) {
    const keyMaterial = session.material.kind === 'certificate'
        ? { certificate: core_dist.pem.toDER(session.material.certificatePem) }
        : { keyHint: session.material.hint };
    // A message signature needs the file and an ECDSA key; anything else is signed as an in-toto statement.
    if (!predicate && subject.path && session.keyType === 'ec') {
        const { sha256, signature } = await signFile(session, subject.path);
        const bundle = (0,dist.toMessageSignatureBundle)({ digest: sha256, signature, ...keyMaterial, certificateChain: false });
        return { bundle, sha256, kind: 'message-signature' };
    }
    const sha256 = subject.sha256 ?? (await digestFile(subject.path, ['sha256'])).get('sha256');
    const predicateType = predicate?.type ?? SIGNATURE_PREDICATE_TYPE;
    const statement = {
        _type: 'https://in-toto.io/Statement/v1',
        subject: [{ name: subject.name, digest: { sha256: sha256.toString('hex') } }],
        predicateType,
        predicate: predicate?.value ?? {},
    };
    const payload = Buffer.from(JSON.stringify(statement));
    const signature = signers_signBytes(session, core_dist.dsse.preAuthEncoding(IN_TOTO_PAYLOAD_TYPE, payload));
    const bundle = (0,dist.toDSSEBundle)({
        artifact: payload,
        artifactType: IN_TOTO_PAYLOAD_TYPE,
        signature,
        ...keyMaterial,
        certificateChain: false,
    });
    return { bundle, sha256, kind: 'attestation', predicateType };
}
async function witness(bundle, session, witnesses) {
    const key = session.material.kind === 'certificate' ? session.material.certificatePem : session.material.publicKeyPem;
    const tlogEntries = [];
    const timestamps = [];
    for (const witness of witnesses) {
        let material;
        try {
            material = await witness.testify(bundle.content, key);
        }
        catch (error) {
            const service = witness instanceof sign_dist/* TSAWitness */.gs ? 'the timestamp authority' : 'the transparency log';
            throw new Error(`${service} refused or failed: ${(0,src/* describeError */.Uc)(error)}${causeOf(error)}`);
        }
        tlogEntries.push(...(material.tlogEntries ?? []));
        timestamps.push(...(material.rfc3161Timestamps ?? []));
    }
    return { tlogEntries, timestamps };
}
function causeOf(error) {
    const cause = error?.cause;
    return cause ? ` (${(0,src/* describeError */.Uc)(cause)})` : '';
}

;// CONCATENATED MODULE: ./packages/sigstore/src/sign/signing-config.ts



const MAX_API_VERSION = { ca: 1, tlog: 2, tsa: 1 };
function readSigningConfig(path, now = new Date()) {
    let json;
    try {
        json = JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
    }
    catch (error) {
        throw new src/* UsageError */.eb(`Input 'signing-config': cannot read ${path} (${(0,src/* describeError */.Uc)(error)}).`);
    }
    return selectServices(json, path, now);
}
/**
 * Picks, for each kind of service, the one with the highest API version we speak that is valid now
 * and started most recently. A selector other than ANY for Rekor or the TSA is not supported.
 */
function selectServices(json, source, now = new Date()) {
    let config;
    try {
        config = protobuf_specs_dist.SigningConfig.fromJSON(json);
    }
    catch (error) {
        throw new src/* UsageError */.eb(`Input 'signing-config': ${source} is not a signing config (${(0,src/* describeError */.Uc)(error)}).`);
    }
    if (!/^application\/vnd\.dev\.sigstore\.signingconfig\.v0\.[12]\+json$/.test(config.mediaType)) {
        throw new src/* UsageError */.eb(`Input 'signing-config': ${source} has an unsupported mediaType '${config.mediaType || '(none)'}'.`);
    }
    const ca = pick(config.caUrls, MAX_API_VERSION.ca, now);
    const tlog = pick(config.rekorTlogUrls, MAX_API_VERSION.tlog, now);
    const tsa = pick(config.tsaUrls, MAX_API_VERSION.tsa, now);
    return {
        ...(ca ? { fulcioUrl: ca.url } : {}),
        ...(tlog ? { rekor: { url: tlog.url, majorApiVersion: tlog.majorApiVersion } } : {}),
        ...(tsa ? { tsaUrl: tsa.url } : {}),
    };
}
function pick(services, maxVersion, now) {
    const usable = services.filter((service) => service.majorApiVersion <= maxVersion &&
        (!service.validFor?.start || service.validFor.start <= now) &&
        (!service.validFor?.end || service.validFor.end >= now));
    usable.sort((a, b) => b.majorApiVersion - a.majorApiVersion ||
        (b.validFor?.start?.getTime() ?? 0) - (a.validFor?.start?.getTime() ?? 0));
    return usable[0];
}

;// CONCATENATED MODULE: ./packages/sigstore/src/sign/index.ts





;// CONCATENATED MODULE: ./packages/sigstore/src/summary.ts

/** Job summary of a signing run: subjects, digests, bundles, the signer and the log entries. */
function signSummary(report) {
    const first = report.results[0];
    const signer = first?.identity
        ? `\`${cell(first.identity)}\` (issuer \`${cell(first.issuer ?? '')}\`)`
        : first?.keyHint
            ? `key \`${cell(first.keyHint)}\``
            : 'unknown';
    const lines = [
        `## ✅ Gatehouse sign: ${report.results.length} ${report.results.length === 1 ? 'subject' : 'subjects'} signed`,
        '',
        `Signer: ${signer}`,
        '',
        '| Subject | Digest | Bundle | Kind | Log index |',
        '| --- | --- | --- | --- | ---: |',
        ...report.results.map((result) => `| ${cell(result.subject)} | \`${result.digest}\` | ${cell(result.bundlePath)} | ${result.kind}${result.predicateType ? ` (${cell(result.predicateType)})` : ''} | ${result.logIndex ?? '—'} |`),
    ];
    return `${lines.join('\n')}\n`;
}
/** Job summary of a verification run: every subject with its outcome, signer, log index and time. */
function verifySummary(report) {
    const failed = report.results.filter((result) => !result.verified).length;
    const lines = [
        `## ${report.verified ? '✅' : '❌'} Gatehouse verify: ${report.verified ? 'verified' : `${failed} of ${report.results.length} failed`}`,
        '',
        '| Subject | Result | Signer | Issuer | Log index | Time | Reason |',
        '| --- | --- | --- | --- | ---: | --- | --- |',
        ...report.results.map((result) => `| ${cell(result.subject)} | ${result.verified ? '✅ verified' : '❌ failed'} | ${cell(result.identity ?? '')} | ${cell(result.issuer ?? '')} | ${result.logIndex ?? ''} | ${result.time ?? ''} | ${cell(result.reason ?? '')} |`),
    ];
    return `${lines.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./packages/sigstore/src/workspace.ts














const PUBLIC_GOOD_FULCIO = 'https://fulcio.sigstore.dev';
const PUBLIC_GOOD_REKOR = 'https://rekor.sigstore.dev';
async function signWorkspace(request) {
    const subjects = await signSubjects(request);
    const predicate = readPredicate(request);
    const services = request.signingConfig ? readSigningConfig((0,external_node_path_.resolve)(request.workspace, request.signingConfig)) : {};
    const rekorUrl = request.rekorUrl ?? services.rekor?.url ?? PUBLIC_GOOD_REKOR;
    const rekor = request.tlog
        ? { url: rekorUrl, majorApiVersion: request.rekorUrl ? 1 : (services.rekor?.majorApiVersion ?? 1) }
        : undefined;
    const tsaUrl = request.tsaUrl ?? services.tsaUrl;
    let signer;
    if (request.key) {
        signer = new KeyedSigner(pemFromInput('key', request.key, request.workspace), request.keyPassword);
    }
    else {
        const getToken = request.identityToken
            ? async () => request.identityToken
            : githubActionsTokenGetter({ ...request.idToken, audience: request.oidcAudience });
        signer = new KeylessSigner({ fulcioUrl: request.fulcioUrl ?? services.fulcioUrl ?? PUBLIC_GOOD_FULCIO, getToken });
    }
    if (!rekor && !tsaUrl && !request.key) {
        throw new src/* UsageError */.eb("Keyless signing with tlog: false needs 'tsa-url' (or a signing config with a TSA): the certificate lives ten minutes, so the signature needs a timestamp.");
    }
    const results = await signArtifacts(subjects, {
        signer,
        cwd: request.workspace,
        ...(request.bundleDir ? { bundleDir: (0,external_node_path_.resolve)(request.workspace, request.bundleDir) } : {}),
        ...(rekor ? { rekor } : {}),
        ...(tsaUrl ? { tsaUrl } : {}),
        ...(predicate ? { predicate } : {}),
        ...(request.concurrency ? { concurrency: request.concurrency } : {}),
    });
    for (const result of results)
        result.bundlePath = (0,src/* toRelative */.yE)(request.workspace, result.bundlePath);
    return {
        results,
        bundlePaths: results.map((result) => result.bundlePath),
        subjects: results.map((result) => ({ name: result.subject, sha256: result.digest.replace(/^sha256:/, '') })),
    };
}
async function signSubjects(request) {
    const subjects = [];
    if (request.subjectPaths.length > 0) {
        const paths = await (0,src/* expandGlobs */.GE)(request.subjectPaths, { input: 'subject-path', cwd: request.workspace });
        if (paths.length === 0)
            throw new src/* UsageError */.eb(`Input 'subject-path' matched no file: ${request.subjectPaths.join(', ')}`);
        for (const path of paths.filter((path) => !path.endsWith('.sigstore.json')))
            subjects.push({ name: path, path: (0,external_node_path_.resolve)(request.workspace, path) });
    }
    if (request.subjectDigest !== undefined) {
        const parsed = parseDigest(request.subjectDigest);
        if (!parsed || parsed.algorithm !== 'sha256')
            throw new src/* UsageError */.eb(`Input 'subject-digest' must be sha256:<64 hex digits> (got '${request.subjectDigest}').`);
        if (!request.subjectName)
            throw new src/* UsageError */.eb("Input 'subject-name' is required with 'subject-digest'.");
        subjects.push({ name: request.subjectName, sha256: parsed.digest });
    }
    if (subjects.length === 0)
        throw new src/* UsageError */.eb("Give 'subject-path' (files or globs) or 'subject-digest' with 'subject-name'.");
    return subjects;
}
function readPredicate(request) {
    if (request.predicate !== undefined && request.predicatePath !== undefined) {
        throw new src/* UsageError */.eb("Give 'predicate' or 'predicate-path', not both.");
    }
    const given = request.predicate ?? request.predicatePath;
    if (given === undefined) {
        if (request.predicateType)
            throw new src/* UsageError */.eb("Input 'predicate-type' needs 'predicate' or 'predicate-path'.");
        return undefined;
    }
    if (!request.predicateType)
        throw new src/* UsageError */.eb("Input 'predicate-type' is required with a predicate.");
    const name = request.predicate !== undefined ? 'predicate' : 'predicate-path';
    const text = request.predicate ??
        (0,external_node_fs_.readFileSync)((0,src/* existingFile */._h)('predicate-path', request.predicatePath, request.workspace), 'utf8');
    try {
        return { type: request.predicateType, value: JSON.parse(text) };
    }
    catch (error) {
        throw new src/* UsageError */.eb(`Input '${name}' is not valid JSON (${(0,src/* describeError */.Uc)(error)}).`);
    }
}
async function verifyWorkspace(request) {
    const keyed = request.publicKey !== undefined;
    const identityGiven = [
        request.certificateIdentity,
        request.certificateIdentityRegexp,
        request.signerRepository,
        request.signerWorkflow,
        request.sourceRepository,
        request.sourceRef,
        request.certificateOidcIssuer,
    ].some((value) => value !== undefined);
    if (keyed && identityGiven)
        throw new src/* UsageError */.eb("Give either 'public-key' or an identity policy, not both.");
    const policy = keyed ? undefined : buildIdentityPolicy(request);
    const publicKey = keyed ? pemFromInput('public-key', request.publicKey, request.workspace) : undefined;
    const subjects = await verifySubjects(request);
    const trustedRoot = request.trustedRoot
        ? readTrustedRoot((0,src/* existingFile */._h)('trusted-root', request.trustedRoot, request.workspace))
        : keyed && request.tlogThreshold === 0 && request.timestampThreshold === 0
            ? keyOnlyTrustedRoot()
            : await (request.defaultTrustedRoot ?? defaultTrustedRoot)();
    return verifyArtifacts(subjects, {
        trustedRoot,
        ...(policy ? { policy } : { publicKey: publicKey }),
        tlogThreshold: request.tlogThreshold,
        timestampThreshold: request.timestampThreshold,
        ...(request.predicateType ? { predicateType: request.predicateType } : {}),
    });
}
/**
 * With a public key and neither log entries nor timestamps required, nothing in a trusted root is
 * consulted: verification needs no network and no root, so it works offline out of the box.
 */
function keyOnlyTrustedRoot() {
    return {
        source: 'none needed (a public key, no log entry or timestamp required)',
        root: protobuf_specs_dist.TrustedRoot.fromJSON({
            mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
            tlogs: [],
            certificateAuthorities: [],
            ctlogs: [],
            timestampAuthorities: [],
        }),
    };
}
async function defaultTrustedRoot() {
    try {
        return await fetchPublicGoodTrustedRoot();
    }
    catch (error) {
        throw new Error(`cannot update the public-good trusted root over TUF (${(0,src/* describeError */.Uc)(error)}); give 'trusted-root' to verify offline`);
    }
}
async function verifySubjects(request) {
    const bundleGiven = request.bundlePath ? (0,external_node_path_.resolve)(request.workspace, request.bundlePath) : undefined;
    const bundleIsDir = bundleGiven !== undefined && (0,external_node_fs_.existsSync)(bundleGiven) && (0,external_node_fs_.statSync)(bundleGiven).isDirectory();
    const bundleFor = (name, path) => {
        if (bundleGiven && !bundleIsDir)
            return bundleGiven;
        if (bundleGiven)
            return (0,external_node_path_.join)(bundleGiven, `${(0,external_node_path_.basename)(name)}.sigstore.json`);
        return `${path}.sigstore.json`;
    };
    const subjects = [];
    if (request.subjectPaths.length > 0) {
        const paths = (await (0,src/* expandGlobs */.GE)(request.subjectPaths, { input: 'subject-path', cwd: request.workspace })).filter((path) => !path.endsWith('.sigstore.json'));
        if (paths.length === 0)
            throw new src/* UsageError */.eb(`Input 'subject-path' matched no file: ${request.subjectPaths.join(', ')}`);
        await requireEveryPatternMatches(request);
        for (const path of paths) {
            const absolute = (0,external_node_path_.resolve)(request.workspace, path);
            const bundlePath = bundleFor(path, absolute);
            subjects.push({ name: path, path: absolute, bundlePath, bundleName: (0,src/* toRelative */.yE)(request.workspace, bundlePath) });
        }
    }
    if (request.subjectDigest !== undefined) {
        const digest = parseDigest(request.subjectDigest);
        if (!digest)
            throw new src/* UsageError */.eb(`Input 'subject-digest' must be sha256:<hex> (got '${request.subjectDigest}').`);
        if (!bundleGiven || bundleIsDir)
            throw new src/* UsageError */.eb("Input 'bundle-path' (a bundle file) is required with 'subject-digest'.");
        subjects.push({
            name: request.subjectDigest,
            digest,
            bundlePath: bundleGiven,
            bundleName: (0,src/* toRelative */.yE)(request.workspace, bundleGiven),
        });
    }
    if (subjects.length === 0)
        throw new src/* UsageError */.eb("Give 'subject-path' (files or globs) or 'subject-digest'.");
    if (bundleGiven && !bundleIsDir && subjects.length > 1) {
        throw new src/* UsageError */.eb("Input 'bundle-path' names one bundle file but several subjects matched; give a folder of <name>.sigstore.json bundles.");
    }
    return subjects;
}
/**
 * Each path or glob listed must match a file: with `a.tar.gz` and `b.tar.gz` listed and `b.tar.gz`
 * missing, verifying only `a.tar.gz` and passing would leave an artifact the user meant to check
 * unverified. Exclusions (`!pattern`) apply to every pattern.
 */
async function requireEveryPatternMatches(request) {
    const patterns = request.subjectPaths.map((pattern) => pattern.trim()).filter(Boolean);
    const exclusions = patterns.filter((pattern) => pattern.startsWith('!'));
    const inclusions = patterns.filter((pattern) => !pattern.startsWith('!'));
    if (inclusions.length < 2)
        return;
    for (const pattern of inclusions) {
        const matched = (await (0,src/* expandGlobs */.GE)([pattern, ...exclusions], { input: 'subject-path', cwd: request.workspace })).filter((path) => !path.endsWith('.sigstore.json'));
        if (matched.length === 0)
            throw new src/* UsageError */.eb(`Input 'subject-path' matched no file: ${pattern}`);
    }
}
/** One finding per subject that failed verification. */
function verificationFindings(report) {
    return report.results
        .filter((result) => !result.verified)
        .map((result) => ({
        ruleId: 'sigstore/verification-failed',
        severity: 'high',
        title: 'Signature verification failed',
        message: `${result.subject} (bundle ${result.bundle}): ${result.reason ?? 'not verified'}`,
        location: { path: result.subject },
        fingerprint: fingerprintOf('sigstore/verification-failed', result.subject, result.bundle),
        properties: { tags: ['supply-chain'], ...(result.identity ? { identity: result.identity } : {}) },
    }));
}

;// CONCATENATED MODULE: ./packages/sigstore/src/index.ts














/***/ })

};
