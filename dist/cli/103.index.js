export const id = 103;
export const ids = [103];
export const modules = {

/***/ 1103:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  q8: () => (/* reexport */ createResolvers),
  pinHeadline: () => (/* reexport */ pinHeadline),
  pinPassed: () => (/* reexport */ pinPassed),
  runPin: () => (/* reexport */ runPin),
  unsuppressed: () => (/* reexport */ unsuppressed),
  YX: () => (/* reexport */ walkWorkspaceFiles),
  writePinSarif: () => (/* reexport */ writePinSarif)
});

// UNUSED EXPORTS: DEFAULT_GITHUB_API_URL, DEFAULT_REGISTRY, GitHubClient, GitignoreRules, IgnoreStack, LineIndex, MANIFEST_MEDIA_TYPES, PIN_TOOL, RULES, ReferenceError, RegistryClient, ResolveError, applyEdits, canonicalName, classifyPath, decodeFile, discoverFiles, encodeFile, familiarName, formatImageReference, isPinned, matchesAnyRegistry, parseChallenge, parseDockerConfig, parseImageReference, parseRegistryPattern, pinSummary, readActionMetadata, readDockerfile, readManifests, readWorkflow, registryKey, registryMatches, retryAfterMs, secretsOf, tryParseImageReference, writeFileAtomic

;// CONCATENATED MODULE: ./packages/pin/src/reference.ts
/**
 * Image references by the OCI distribution grammar (github.com/distribution/reference):
 *
 *   reference := name [ ":" tag ] [ "@" digest ]
 *   name      := [ domain "/" ] path-component *( "/" path-component )
 *   domain    := host [ ":" port ]          host: dns name, IPv4, or "[" IPv6 "]"
 *
 * A first component is a registry host when it contains "." or ":" or is "localhost" (or has an
 * upper-case letter, which a repository path cannot). Otherwise the registry is docker.io, and a
 * single-component name there gets "library/".
 */
const DEFAULT_REGISTRY = 'docker.io';
class ReferenceError extends Error {
    reference;
    code = 'INVALID_REFERENCE';
    constructor(reference, reason) {
        super(`'${reference}' is not a valid image reference: ${reason}`);
        this.reference = reference;
        this.name = 'ReferenceError';
    }
}
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const IPV6_HOST = /^\[[a-fA-F0-9:]+\]$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const DIGEST_HEX_LENGTH = { sha256: 64, sha512: 128 };
const NAME_MAX_LENGTH = 255;
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
/** Parses and normalises an image reference; throws ReferenceError when the text is not one. */
function parseImageReference(text) {
    if (text.length === 0)
        throw new ReferenceError(text, 'it is empty');
    if (text !== text.trim())
        throw new ReferenceError(text, 'it has surrounding whitespace');
    let rest = text;
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        validateDigest(text, digest);
    }
    let tag;
    const lastColon = rest.lastIndexOf(':');
    if (lastColon > rest.lastIndexOf('/') && !rest.slice(lastColon).includes(']')) {
        tag = rest.slice(lastColon + 1);
        rest = rest.slice(0, lastColon);
        if (!TAG.test(tag))
            throw new ReferenceError(text, `'${tag}' is not a valid tag`);
    }
    if (rest.length > NAME_MAX_LENGTH)
        throw new ReferenceError(text, `the name is longer than ${NAME_MAX_LENGTH} characters`);
    const { domain, path } = splitDomain(rest);
    let registry = DEFAULT_REGISTRY;
    let hostname = DEFAULT_REGISTRY;
    let port;
    if (domain !== undefined) {
        ({ hostname, port } = parseDomain(text, domain));
        if (port === undefined && DOCKER_HUB_ALIASES.has(hostname.toLowerCase()))
            hostname = DEFAULT_REGISTRY;
        registry = port === undefined ? hostname : `${hostname}:${port}`;
    }
    if (domain === undefined && /^[a-f0-9]{64}$/.test(path)) {
        throw new ReferenceError(text, 'a 64-character hex string is an image ID, not a repository name');
    }
    const components = path.split('/');
    for (const component of components) {
        if (!PATH_COMPONENT.test(component)) {
            throw new ReferenceError(text, `'${component}' is not a valid repository path component`);
        }
    }
    const repository = registry === DEFAULT_REGISTRY && components.length === 1 ? `library/${path}` : path;
    const reference = { registry, hostname, repository, registryExplicit: domain !== undefined };
    if (port !== undefined)
        reference.port = port;
    if (tag !== undefined)
        reference.tag = tag;
    if (digest !== undefined)
        reference.digest = digest;
    return reference;
}
/** The reference or undefined, for callers that report invalid text themselves. */
function tryParseImageReference(text) {
    try {
        return parseImageReference(text);
    }
    catch {
        return undefined;
    }
}
function splitDomain(name) {
    const slash = name.indexOf('/');
    if (slash < 0)
        return { path: name };
    const first = name.slice(0, slash);
    const isDomain = first.includes('.') ||
        first.includes(':') ||
        first === 'localhost' ||
        first !== first.toLowerCase() ||
        first.startsWith('[');
    return isDomain ? { domain: first, path: name.slice(slash + 1) } : { path: name };
}
function parseDomain(text, domain) {
    let host = domain;
    let portText;
    if (domain.startsWith('[')) {
        const close = domain.indexOf(']');
        if (close < 0)
            throw new ReferenceError(text, `'${domain}' has an unclosed IPv6 bracket`);
        host = domain.slice(0, close + 1);
        const after = domain.slice(close + 1);
        if (after !== '') {
            if (!after.startsWith(':'))
                throw new ReferenceError(text, `'${domain}' is not a valid registry host`);
            portText = after.slice(1);
        }
        if (!IPV6_HOST.test(host))
            throw new ReferenceError(text, `'${host}' is not a valid IPv6 host`);
    }
    else {
        const colon = domain.indexOf(':');
        if (colon >= 0) {
            host = domain.slice(0, colon);
            portText = domain.slice(colon + 1);
        }
        const labels = host.split('.');
        if (labels.some((label) => !DOMAIN_COMPONENT.test(label))) {
            throw new ReferenceError(text, `'${host}' is not a valid registry host`);
        }
    }
    if (portText === undefined)
        return { hostname: host };
    if (!/^[0-9]{1,5}$/.test(portText) || Number(portText) > 65535) {
        throw new ReferenceError(text, `'${portText}' is not a valid port`);
    }
    return { hostname: host, port: Number(portText) };
}
function validateDigest(text, digest) {
    if (!DIGEST.test(digest))
        throw new ReferenceError(text, `'${digest}' is not a valid digest`);
    const [algorithm, hex] = digest.split(':');
    const expected = DIGEST_HEX_LENGTH[algorithm];
    if (expected === undefined)
        throw new ReferenceError(text, `digest algorithm '${algorithm}' is not supported (sha256, sha512)`);
    if (hex.length !== expected || hex !== hex.toLowerCase()) {
        throw new ReferenceError(text, `a ${algorithm} digest is ${expected} lower-case hex characters`);
    }
}
function isPinned(reference) {
    return reference.digest !== undefined;
}
/** `registry/repository` in full: docker.io/library/python. */
function canonicalName(reference) {
    return `${reference.registry}/${reference.repository}`;
}
/** The short form people write: python, nginx/unit, ghcr.io/owner/image. */
function familiarName(reference) {
    if (reference.registry !== DEFAULT_REGISTRY)
        return canonicalName(reference);
    return reference.repository.startsWith('library/') && reference.repository.split('/').length === 2
        ? reference.repository.slice('library/'.length)
        : reference.repository;
}
/** Formats a reference back to text; parse(format(r)) gives r again. */
function formatImageReference(reference, options = {}) {
    const form = options.form ?? 'as-written';
    const canonical = form === 'canonical' || (form === 'as-written' && reference.registryExplicit);
    let text = canonical ? canonicalName(reference) : familiarName(reference);
    if (reference.tag !== undefined)
        text += `:${reference.tag}`;
    if (reference.digest !== undefined)
        text += `@${reference.digest}`;
    return text;
}

;// CONCATENATED MODULE: ./packages/pin/src/occurrence.ts
/** Line starts of a text, for turning offsets into 1-based line and column. */
class LineIndex {
    text;
    starts = [0];
    constructor(text) {
        this.text = text;
        for (let i = 0; i < text.length; i++)
            if (text.charCodeAt(i) === 10)
                this.starts.push(i + 1);
    }
    position(offset) {
        let low = 0;
        let high = this.starts.length - 1;
        while (low < high) {
            const mid = (low + high + 1) >> 1;
            if (this.starts[mid] <= offset)
                low = mid;
            else
                high = mid - 1;
        }
        return { line: low + 1, column: offset - this.starts[low] + 1 };
    }
    lineText(line) {
        const start = this.starts[line - 1];
        if (start === undefined)
            return '';
        const next = this.starts[line];
        return this.text.slice(start, next === undefined ? this.text.length : next - 1).replace(/\r$/, '');
    }
    /** Offset just before the line ending of the line holding `offset`. */
    lineEnd(offset) {
        const { line } = this.position(offset);
        const next = this.starts[line];
        const end = next === undefined ? this.text.length : next - 1;
        return end > 0 && this.text.charCodeAt(end - 1) === 13 && next !== undefined ? end - 1 : end;
    }
}

;// CONCATENATED MODULE: ./packages/pin/src/readers/dockerfile.ts

const INSTRUCTIONS = new Set([
    'add',
    'arg',
    'cmd',
    'copy',
    'entrypoint',
    'env',
    'expose',
    'from',
    'healthcheck',
    'label',
    'maintainer',
    'onbuild',
    'run',
    'shell',
    'stopsignal',
    'user',
    'volume',
    'workdir',
]);
const HEREDOC_INSTRUCTIONS = new Set(['run', 'copy', 'add']);
const DIRECTIVE = /^#[ \t]*([A-Za-z][A-Za-z0-9_-]*)[ \t]*=[ \t]*(.*?)[ \t]*$/;
const HEREDOC = /(?:^|\s)<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g;
const VARIABLE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;
/**
 * Image references in a Dockerfile or Containerfile: FROM (with --platform, stage aliases and
 * build-argument defaults), COPY --from, RUN --mount=...,from=, ONBUILD forms and the syntax
 * directive. `text` has its BOM removed.
 */
function readDockerfile(text) {
    const reader = new DockerfileReader(text);
    reader.read();
    return { occurrences: reader.occurrences, problems: reader.problems };
}
class DockerfileReader {
    text;
    occurrences = [];
    problems = [];
    lines = [];
    index;
    escape = '\\';
    globalArgs = new Map();
    stages = new Set();
    stageCount = 0;
    constructor(text) {
        this.text = text;
        this.index = new LineIndex(text);
        let start = 0;
        for (const raw of text.split('\n')) {
            this.lines.push({ start, text: raw.endsWith('\r') ? raw.slice(0, -1) : raw });
            start += raw.length + 1;
        }
    }
    read() {
        let i = this.readDirectives();
        while (i < this.lines.length) {
            const line = this.lines[i];
            if (/^\s*$/.test(line.text) || /^\s*#/.test(line.text)) {
                i++;
                continue;
            }
            const startLine = i;
            const logical = { text: '', offsets: [] };
            while (i < this.lines.length) {
                const current = this.lines[i];
                i++;
                if (logical.text.length > 0 && (/^\s*$/.test(current.text) || /^\s*#/.test(current.text)))
                    continue;
                const trimmed = current.text.replace(/\s+$/, '');
                const continues = trimmed.endsWith(this.escape);
                const content = continues ? trimmed.slice(0, -1) : current.text;
                for (let c = 0; c < content.length; c++) {
                    logical.text += content[c];
                    logical.offsets.push(current.start + c);
                }
                if (!continues)
                    break;
            }
            i = this.instruction(logical, startLine, i);
        }
    }
    readDirectives() {
        let i = 0;
        for (; i < this.lines.length; i++) {
            const line = this.lines[i];
            const match = DIRECTIVE.exec(line.text);
            if (!match)
                break;
            const name = match[1].toLowerCase();
            const value = match[2];
            const valueStart = line.start + line.text.indexOf(value, line.text.indexOf('=') + 1);
            if (name === 'escape') {
                if (value !== '\\' && value !== '`') {
                    this.problem(valueStart, `the escape directive must be \\ or \` (got '${value}')`);
                }
                else {
                    this.escape = value;
                }
            }
            else if (name === 'syntax' && value) {
                this.image(value, { start: valueStart, end: valueStart + value.length }, valueStart, '# syntax', []);
            }
        }
        return i;
    }
    /** Handles one instruction; returns the index of the next physical line to read. */
    instruction(logical, startLine, next) {
        const leading = /^\s*/.exec(logical.text)[0].length;
        const keyword = /^[A-Za-z]+/.exec(logical.text.slice(leading))?.[0] ?? '';
        const name = keyword.toLowerCase();
        if (!INSTRUCTIONS.has(name)) {
            const word = logical.text.slice(leading).split(/\s/)[0];
            this.problem(logical.offsets[leading] ?? this.lines[startLine].start, `unknown instruction '${word}'`);
            return next;
        }
        const argsIndex = leading + keyword.length;
        this.dispatch(name, logical, argsIndex);
        if (HEREDOC_INSTRUCTIONS.has(name))
            return this.skipHeredocs(logical.text.slice(argsIndex), next, startLine);
        return next;
    }
    dispatch(name, logical, argsIndex) {
        const tokens = tokenize(logical.text, argsIndex);
        if (name === 'arg' && this.stageCount === 0)
            this.declareArgs(logical, tokens);
        else if (name === 'from')
            this.from(logical, tokens);
        else if (name === 'copy')
            this.copyFrom(logical, tokens);
        else if (name === 'run')
            this.runMount(logical, tokens);
        else if (name === 'onbuild' && tokens[0]) {
            const inner = tokens[0].text.toLowerCase();
            if (INSTRUCTIONS.has(inner) && inner !== 'onbuild')
                this.dispatch(inner, logical, tokens[0].index + tokens[0].text.length);
        }
    }
    declareArgs(logical, tokens) {
        for (const token of tokens) {
            const eq = token.text.indexOf('=');
            if (eq < 0) {
                this.globalArgs.set(token.text, {});
                continue;
            }
            const name = token.text.slice(0, eq);
            let valueIndex = token.index + eq + 1;
            let value = token.text.slice(eq + 1);
            const quote = value[0];
            if ((quote === '"' || quote === "'") && value.length >= 2 && value.endsWith(quote)) {
                value = value.slice(1, -1);
                valueIndex++;
            }
            if (value.includes('$')) {
                // A default built from earlier arguments (ARG BASE=${REGISTRY}/python:3.12).
                const resolved = this.substitute(logical, { text: value, index: valueIndex });
                this.globalArgs.set(name, { value: resolved.value, span: resolved.span, missing: resolved.missing });
                continue;
            }
            this.globalArgs.set(name, { value, span: spanOf(logical, valueIndex, valueIndex + value.length) });
        }
    }
    from(logical, tokens) {
        const positional = tokens.filter((token) => !token.text.startsWith('--'));
        const image = positional[0];
        this.stageCount++;
        if (!image) {
            this.problem(logical.offsets[0] ?? 0, 'FROM needs an image');
            return;
        }
        if (positional.length >= 3 && positional[1].text.toLowerCase() === 'as') {
            this.stages.add(positional[2].text.toLowerCase());
        }
        this.imageToken(logical, image, 'FROM', true);
    }
    copyFrom(logical, tokens) {
        for (const token of leadingFlags(tokens)) {
            if (!/^--from=/i.test(token.text))
                continue;
            const offset = '--from='.length;
            this.imageToken(logical, { text: token.text.slice(offset), index: token.index + offset }, 'COPY --from', false);
        }
    }
    runMount(logical, tokens) {
        for (const token of leadingFlags(tokens)) {
            if (!/^--mount=/i.test(token.text))
                continue;
            let index = token.index + '--mount='.length;
            for (const field of token.text.slice('--mount='.length).split(',')) {
                let fieldIndex = index;
                let body = field;
                if (body.length >= 2 && body.startsWith('"') && body.endsWith('"')) {
                    body = body.slice(1, -1);
                    fieldIndex++;
                }
                const match = /^from=/i.exec(body);
                if (match) {
                    const value = body.slice(match[0].length);
                    this.imageToken(logical, { text: value, index: fieldIndex + match[0].length }, 'RUN --mount from', false);
                }
                index += field.length + 1;
            }
        }
    }
    imageToken(logical, token, context, isFrom) {
        if (token.text === '')
            return;
        const resolved = this.substitute(logical, token);
        const lowered = resolved.value.toLowerCase();
        if (resolved.missing.length === 0) {
            if (lowered === 'scratch' && isFrom)
                return;
            if (this.stages.has(lowered))
                return;
            if (!isFrom && /^\d+$/.test(resolved.value))
                return;
        }
        const start = logical.offsets[token.index];
        this.image(resolved.missing.length > 0 ? token.text : resolved.value, resolved.span, start, context, resolved.missing);
    }
    image(value, span, start, context, missing) {
        const { line, column } = this.index.position(start);
        const occurrence = { kind: 'image', image: value, line, column, context };
        if (span)
            occurrence.span = span;
        if (missing.length > 0) {
            occurrence.unresolvable = `uses build argument${missing.length > 1 ? 's' : ''} ${missing.join(', ')} without a default`;
        }
        this.occurrences.push(occurrence);
    }
    /** Applies global build-argument defaults; the span is where the image's own text can be rewritten. */
    substitute(logical, token) {
        const tokenSpan = spanOf(logical, token.index, token.index + token.text.length);
        if (!token.text.includes('$'))
            return { value: token.text, span: tokenSpan, missing: [] };
        const missing = [];
        let value = '';
        let last = 0;
        let pieces = 0;
        let soleSpan;
        for (const match of token.text.matchAll(VARIABLE)) {
            if (match.index > last)
                pieces++;
            value += token.text.slice(last, match.index);
            last = match.index + match[0].length;
            pieces++;
            const name = match[1] ?? match[4];
            const operator = match[2];
            const word = match[3] ?? '';
            const wordIndex = token.index + match.index + match[0].length - 1 - word.length;
            const arg = this.globalArgs.get(name);
            if (arg?.missing?.length)
                missing.push(...arg.missing);
            const set = arg?.value !== undefined && (operator?.startsWith(':') ? arg.value !== '' : true);
            if (operator === undefined) {
                if (arg?.value === undefined)
                    missing.push(name);
                value += arg?.value ?? '';
                soleSpan = arg?.span;
            }
            else if (operator.endsWith('-')) {
                value += set ? arg.value : word;
                soleSpan = set
                    ? arg.span
                    : word.includes('$')
                        ? undefined
                        : spanOf(logical, wordIndex, wordIndex + word.length);
            }
            else {
                value += set ? word : '';
                soleSpan = set && !word.includes('$') ? spanOf(logical, wordIndex, wordIndex + word.length) : undefined;
            }
        }
        if (last < token.text.length)
            pieces++;
        value += token.text.slice(last);
        return { value, span: pieces === 1 && missing.length === 0 ? soleSpan : undefined, missing };
    }
    skipHeredocs(args, next, startLine) {
        // `<<EOF` inside a quoted string is text, not a heredoc: blank quoted strings (but not `<<"EOF"`).
        const unquoted = args.replace(/(?<!<<-?)(["'])(?:(?!\1).)*\1/g, (quoted) => ' '.repeat(quoted.length));
        const terminators = [...unquoted.matchAll(HEREDOC)].map((match) => ({ strip: match[1] === '-', word: match[3] }));
        let i = next;
        for (const terminator of terminators) {
            for (;;) {
                if (i >= this.lines.length) {
                    this.problem(this.lines[startLine].start, `heredoc '${terminator.word}' is not terminated`);
                    return i;
                }
                const line = this.lines[i].text;
                i++;
                if ((terminator.strip ? line.replace(/^\t+/, '') : line) === terminator.word)
                    break;
            }
        }
        return i;
    }
    problem(offset, message) {
        const { line, column } = this.index.position(offset);
        this.problems.push({ line, column, message });
    }
}
function tokenize(text, from) {
    const tokens = [];
    const pattern = /\S+/g;
    pattern.lastIndex = from;
    for (let match = pattern.exec(text); match; match = pattern.exec(text))
        tokens.push({ text: match[0], index: match.index });
    return tokens;
}
function leadingFlags(tokens) {
    const flags = [];
    for (const token of tokens) {
        if (!token.text.startsWith('--'))
            break;
        flags.push(token);
    }
    return flags;
}
/** The file span of logical chars [from, to), when they are contiguous in the file. */
function spanOf(logical, from, to) {
    if (to <= from)
        return undefined;
    const start = logical.offsets[from];
    const end = logical.offsets[to - 1] + 1;
    return end - start === to - from ? { start, end } : undefined;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./packages/pin/src/readers/yaml-source.ts


/** A YAML file being read: its text, line index and where found references go. */
class YamlSource {
    text;
    index;
    occurrences = [];
    problems = [];
    constructor(text) {
        this.text = text;
        this.index = new LineIndex(text);
    }
    /** A string scalar at `node`, with where its text starts and (when it is written verbatim) its span. */
    scalar(node) {
        if (!(0,dist/* isScalar */.jn)(node) || typeof node.value !== 'string' || !node.range)
            return undefined;
        const scalar = node;
        const [start, valueEnd] = scalar.range;
        const quoted = scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE';
        const textStart = quoted ? start + 1 : start;
        const textEnd = quoted ? valueEnd - 1 : valueEnd;
        const verbatim = (scalar.type === 'PLAIN' || quoted) && this.text.slice(textStart, textEnd) === scalar.value;
        return verbatim
            ? { value: scalar.value, start: textStart, span: { start: textStart, end: textEnd } }
            : { value: scalar.value, start: textStart };
    }
    image(node, context, options = {}) {
        const scalar = this.scalar(node);
        if (!scalar)
            return;
        const occurrence = {
            kind: 'image',
            image: scalar.value,
            context,
            ...this.index.position(scalar.start),
        };
        if (scalar.span)
            occurrence.span = scalar.span;
        if (scalar.value.includes('${{'))
            occurrence.unresolvable = 'contains a ${{ }} expression';
        else if (options.interpolation === 'compose' && /\$\{?[A-Za-z_]/.test(scalar.value)) {
            occurrence.unresolvable = 'uses compose variable interpolation';
        }
        this.occurrences.push(occurrence);
    }
    /** A `uses:` value: an action, a reusable workflow, a docker:// image; local paths are exempt. */
    uses(node, context) {
        const scalar = this.scalar(node);
        if (!scalar)
            return;
        const value = scalar.value.trim();
        if (value.startsWith('./') || value.startsWith('../') || value.startsWith('$/'))
            return;
        const position = this.index.position(scalar.start);
        if (value.startsWith('docker://')) {
            const prefix = 'docker://'.length;
            const occurrence = {
                kind: 'image',
                image: value.slice(prefix),
                context,
                line: position.line,
                column: position.column + prefix,
            };
            if (scalar.span && scalar.value === value)
                occurrence.span = { start: scalar.span.start + prefix, end: scalar.span.end };
            if (value.includes('${{'))
                occurrence.unresolvable = 'contains a ${{ }} expression';
            this.occurrences.push(occurrence);
            return;
        }
        const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)((?:\/[^@\s]+)?)@([^\s@]+)$/.exec(value);
        if (!match || !scalar.span || scalar.value !== value) {
            this.problems.push({ ...position, message: `uses: '${value}' is not owner/repo[/path]@ref` });
            return;
        }
        const occurrence = {
            kind: 'action',
            uses: value,
            owner: match[1],
            repo: match[2],
            ref: match[4],
            context,
            span: scalar.span,
            ...position,
        };
        if (match[3])
            occurrence.subpath = match[3].slice(1);
        const comment = this.trailingVersionComment(node);
        if (comment)
            occurrence.versionComment = comment;
        this.occurrences.push(occurrence);
    }
    /** `# v4.1.2` (or `# tag=v4.1.2`) right after a scalar on its line. */
    trailingVersionComment(node) {
        const end = node.range[1];
        const lineEnd = this.index.lineEnd(end);
        const rest = this.text.slice(end, lineEnd);
        // A version-looking word (v4, 4.1.2, v1.2.3-rc.1), or any word after `tag=` / `pin@`.
        const match = /^([ \t]*#[ \t]*)((?:tag=|pin@)?)(v?\d[\w.+/-]*)(?=[ \t]|$)/.exec(rest) ??
            /^([ \t]*#[ \t]*)(tag=|pin@)([A-Za-z0-9][\w.+/-]*)(?=[ \t]|$)/.exec(rest);
        if (!match || match[3].toLowerCase().startsWith('gatehouse'))
            return undefined;
        const start = end + match[1].length + match[2].length;
        return { tag: match[3], span: { start, end: start + match[3].length } };
    }
    problemAt(offset, message) {
        this.problems.push({ ...this.index.position(offset), message });
    }
}
function get(node, key) {
    if (!(0,dist/* isMap */.jh)(node))
        return undefined;
    return node.get(key, true);
}
function entries(node) {
    if (!(0,dist/* isMap */.jh)(node))
        return [];
    const out = [];
    for (const pair of node.items) {
        const key = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : undefined;
        if (key !== undefined && pair.value)
            out.push([key, pair.value]);
    }
    return out;
}
function items(node) {
    return (0,dist/* isSeq */.oP)(node) ? node.items : [];
}
function stringAt(node, key) {
    const value = get(node, key);
    return (0,dist/* isScalar */.jn)(value) && typeof value.value === 'string' ? value.value : undefined;
}
/**
 * Parses every document of a YAML stream. A document with syntax errors becomes a problem (and is
 * not read); the others are handed to `visit`.
 */
function readYamlDocuments(source, visit) {
    const documents = (0,dist/* parseAllDocuments */.hR)(source.text, { prettyErrors: false, uniqueKeys: false, strict: false });
    const list = Array.isArray(documents) ? documents : [];
    for (const document of list) {
        const error = document.errors[0];
        if (error) {
            source.problemAt(error.pos[0], `YAML: ${error.message.split('\n')[0]}`);
            continue;
        }
        visit(document.contents);
    }
}

;// CONCATENATED MODULE: ./packages/pin/src/readers/yaml.ts


/** GitHub workflow: steps' and jobs' `uses`, `container` (string or map) and `services.*.image`. */
function readWorkflow(text) {
    const source = new YamlSource(text);
    readYamlDocuments(source, (contents) => visitWorkflow(source, contents));
    return { occurrences: source.occurrences, problems: source.problems };
}
/** action.yml: `runs.image` of a docker action and `runs.steps[].uses` of a composite one. */
function readActionMetadata(text) {
    const source = new YamlSource(text);
    readYamlDocuments(source, (contents) => visitActionMetadata(source, contents));
    return { occurrences: source.occurrences, problems: source.problems };
}
/**
 * Any other YAML, by content: a Kubernetes resource (apiVersion + kind), a compose file (top-level
 * `services`), a workflow kept elsewhere (top-level `jobs`, e.g. workflow templates), action metadata
 * (`runs.using`), or skipped. Multi-document streams such as Helm output work as is.
 */
function readManifests(text) {
    const source = new YamlSource(text);
    readYamlDocuments(source, (contents) => {
        if (stringAt(contents, 'apiVersion') !== undefined && stringAt(contents, 'kind') !== undefined) {
            visitKubernetes(source, contents, '');
        }
        else if ((0,dist/* isMap */.jh)(get(contents, 'jobs')) && get(contents, 'on') !== undefined) {
            visitWorkflow(source, contents);
        }
        else if (stringAt(get(contents, 'runs'), 'using') !== undefined) {
            visitActionMetadata(source, contents);
        }
        else if ((0,dist/* isMap */.jh)(get(contents, 'services'))) {
            visitCompose(source, contents);
        }
    });
    return { occurrences: source.occurrences, problems: source.problems };
}
function visitWorkflow(source, contents) {
    for (const [jobId, job] of entries(get(contents, 'jobs'))) {
        const at = `jobs.${jobId}`;
        source.uses(get(job, 'uses'), `${at}.uses`);
        const container = get(job, 'container');
        if ((0,dist/* isScalar */.jn)(container))
            source.image(container, `${at}.container`, { interpolation: 'expression' });
        else
            source.image(get(container, 'image'), `${at}.container.image`, { interpolation: 'expression' });
        for (const [name, service] of entries(get(job, 'services'))) {
            if ((0,dist/* isScalar */.jn)(service))
                source.image(service, `${at}.services.${name}`, { interpolation: 'expression' });
            else
                source.image(get(service, 'image'), `${at}.services.${name}.image`, { interpolation: 'expression' });
        }
        items(get(job, 'steps')).forEach((step, i) => source.uses(get(step, 'uses'), `${at}.steps[${i}].uses`));
    }
}
function visitActionMetadata(source, contents) {
    const runs = get(contents, 'runs');
    const image = source.scalar(get(runs, 'image'));
    if (image?.value.startsWith('docker://'))
        source.uses(get(runs, 'image'), 'runs.image');
    items(get(runs, 'steps')).forEach((step, i) => source.uses(get(step, 'uses'), `runs.steps[${i}].uses`));
}
const POD_SPEC_PATHS = {
    Pod: ['spec'],
    PodTemplate: ['template', 'spec'],
    Deployment: ['spec', 'template', 'spec'],
    StatefulSet: ['spec', 'template', 'spec'],
    DaemonSet: ['spec', 'template', 'spec'],
    ReplicaSet: ['spec', 'template', 'spec'],
    ReplicationController: ['spec', 'template', 'spec'],
    Job: ['spec', 'template', 'spec'],
    CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};
const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'];
function visitKubernetes(source, resource, prefix) {
    const kind = stringAt(resource, 'kind') ?? '';
    if (kind.endsWith('List')) {
        items(get(resource, 'items')).forEach((item, i) => visitKubernetes(source, item, `${prefix}items[${i}].`));
        return;
    }
    // Workload kinds we do not know by name (operators' CRDs) usually embed a pod template here too.
    const path = POD_SPEC_PATHS[kind] ?? ['spec', 'template', 'spec'];
    let podSpec = resource;
    for (const key of path)
        podSpec = get(podSpec, key);
    if (!(0,dist/* isMap */.jh)(podSpec))
        return;
    for (const list of CONTAINER_LISTS) {
        items(get(podSpec, list)).forEach((container, i) => {
            const name = stringAt(container, 'name');
            source.image(get(container, 'image'), `${prefix}${kind}${name ? ` ${name}` : ''} ${path.join('.')}.${list}[${i}].image`);
        });
    }
}
function visitCompose(source, contents) {
    for (const [name, service] of entries(get(contents, 'services'))) {
        source.image(get(service, 'image'), `services.${name}.image`, { interpolation: 'compose' });
    }
    // Extension fields (x-base: &base {image: …}) are where shared service settings live.
    for (const [name, extension] of entries(contents)) {
        if (name.startsWith('x-'))
            source.image(get(extension, 'image'), `${name}.image`, { interpolation: 'compose' });
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./packages/findings/src/index.ts + 8 modules
var src = __webpack_require__(6349);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./packages/pin/src/gitignore.ts

/**
 * The rules of one .gitignore file, matched against paths relative to the folder that holds it.
 * A pattern with a slash (other than a trailing one) is anchored to that folder; one without
 * matches a name at any depth; a trailing slash matches folders only; `!` re-includes.
 */
class GitignoreRules {
    rules = [];
    constructor(text) {
        for (const raw of text.split(/\r?\n/)) {
            let line = raw.replace(/(?<!\\)\s+$/, '');
            if (line === '' || line.startsWith('#'))
                continue;
            let negate = false;
            if (line.startsWith('!')) {
                negate = true;
                line = line.slice(1);
            }
            else if (line.startsWith('\\!') || line.startsWith('\\#')) {
                line = line.slice(1);
            }
            const directoryOnly = line.endsWith('/');
            if (directoryOnly)
                line = line.slice(0, -1);
            if (line === '')
                continue;
            const anchored = line.includes('/');
            if (line.startsWith('/'))
                line = line.slice(1);
            const glob = anchored ? line : `**/${line}`;
            this.rules.push({ match: picomatch_default()(glob, { dot: true }), negate, directoryOnly });
        }
    }
    /** true: ignored, false: re-included, undefined: no rule says. */
    verdict(relativePath, isDirectory) {
        let verdict;
        for (const rule of this.rules) {
            if (rule.directoryOnly && !isDirectory)
                continue;
            if (rule.match(relativePath))
                verdict = !rule.negate;
        }
        return verdict;
    }
}
/** The .gitignore files in effect in one folder, outermost first. */
class IgnoreStack {
    layers;
    constructor(layers = []) {
        this.layers = layers;
    }
    with(base, rules) {
        return new IgnoreStack([...this.layers, { base, rules }]);
    }
    /** Whether a workspace-relative path is ignored; deeper .gitignore files win, as in git. */
    ignores(path, isDirectory) {
        let ignored = false;
        for (const { base, rules } of this.layers) {
            const relative = base === '' ? path : path.startsWith(`${base}/`) ? path.slice(base.length + 1) : undefined;
            if (relative === undefined)
                continue;
            const verdict = rules.verdict(relative, isDirectory);
            if (verdict !== undefined)
                ignored = verdict;
        }
        return ignored;
    }
}

;// CONCATENATED MODULE: ./packages/pin/src/discover.ts





/** Folders never worth walking, ignored or not. */
const ALWAYS_SKIPPED = new Set(['.git', 'node_modules']);
/** Suffixes of files that are not Dockerfiles even when named after one (Dockerfile.md, dockerfile.test.ts). */
const NOT_A_DOCKERFILE = /\.(?:dockerignore|md|txt|rst|j2|jinja|tmpl|tpl|template|orig|bak|ts|js|mjs|cjs|go|py|rs|java|rb|json|ya?ml|toml|sh|snap)$/i;
/** The kind of file a path names, from its name alone; undefined for files we do not read. */
function classifyPath(path) {
    const name = external_node_path_.posix.basename(path);
    if (isDockerfileName(name))
        return 'dockerfile';
    if (!/\.ya?ml$/i.test(name))
        return undefined;
    if (/(?:^|\/)\.github\/workflows\/[^/]+$/.test(path))
        return 'workflow';
    if (/^action\.ya?ml$/i.test(name))
        return 'action';
    return 'manifests';
}
/** Dockerfile, Containerfile, dockerfile, Dockerfile.dev, Dockerfile-dev, api.Dockerfile, app.containerfile. */
function isDockerfileName(name) {
    if (NOT_A_DOCKERFILE.test(name))
        return false;
    return (/^(?:Dockerfile|Containerfile|dockerfile|containerfile)$/.test(name) ||
        /^(?:Dockerfile|Containerfile)[.-]./.test(name) ||
        /\.(?:dockerfile|containerfile)$/i.test(name));
}
/**
 * The files to read. Without patterns: the whole workspace, honouring every .gitignore (and never
 * .git or node_modules), less any `!pattern`. With patterns: the files they match (`!pattern` excludes); a file named
 * literally is read even when its name is unusual (YAML by extension, otherwise a Dockerfile).
 */
async function discoverFiles(workspace, patterns) {
    const root = (0,external_node_path_.resolve)(workspace);
    const given = patterns.map((pattern) => pattern.trim()).filter(Boolean);
    if (given.every((pattern) => pattern.startsWith('!'))) {
        // Only exclusions: the whole workspace (as without patterns) minus what they name.
        const excluded = given.length > 0
            ? picomatch_default()(given.map((pattern) => pattern.slice(1)), { dot: true })
            : () => false;
        return walkWorkspace(root).filter((file) => !excluded(file.path));
    }
    const literal = new Set(given
        .filter((pattern) => !pattern.startsWith('!') && (0,external_node_fs_.existsSync)((0,external_node_path_.resolve)(root, pattern)) && (0,external_node_fs_.statSync)((0,external_node_path_.resolve)(root, pattern)).isFile())
        .map((pattern) => (0,src/* toRelative */.yE)(root, (0,external_node_path_.resolve)(root, pattern))));
    const matched = await (0,src/* expandGlobs */.GE)(given, { input: 'paths', cwd: root, ignore: ['**/.git/**', '**/node_modules/**'] });
    if (matched.length === 0)
        throw new src/* UsageError */.eb(`Input 'paths' matched no file: ${given.join(', ')}`);
    const files = [];
    for (const path of matched) {
        const kind = classifyPath(path) ?? (literal.has(path) ? (/\.ya?ml$/i.test(path) ? 'manifests' : 'dockerfile') : undefined);
        if (kind)
            files.push({ path, kind });
    }
    return files;
}
function walkWorkspace(root) {
    const files = [];
    for (const path of walkWorkspaceFiles(root)) {
        const kind = classifyPath(path);
        if (kind)
            files.push({ path, kind });
    }
    return files;
}
/**
 * Every file of the workspace that git would track: each .gitignore is honoured where it stands,
 * and .git and node_modules are never entered. Sorted, relative, with forward slashes.
 */
function walkWorkspaceFiles(workspace) {
    const root = (0,external_node_path_.resolve)(workspace);
    const files = [];
    const walk = (relativeDir, ignore) => {
        const absolute = relativeDir === '' ? root : (0,external_node_path_.join)(root, relativeDir);
        const entries = (0,external_node_fs_.readdirSync)(absolute, { withFileTypes: true });
        if (entries.some((entry) => entry.name === '.gitignore' && entry.isFile())) {
            ignore = ignore.with(relativeDir, new GitignoreRules((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(absolute, '.gitignore'), 'utf8')));
        }
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const entry of entries) {
            const path = relativeDir === '' ? entry.name : `${relativeDir}/${entry.name}`;
            if (entry.isDirectory()) {
                if (!ALWAYS_SKIPPED.has(entry.name) && !ignore.ignores(path, true))
                    walk(path, ignore);
            }
            else if (entry.isFile() && !ignore.ignores(path, false)) {
                files.push(path);
            }
        }
    };
    walk('', new IgnoreStack());
    return files;
}

;// CONCATENATED MODULE: ./packages/pin/src/registry-pattern.ts


const registry_pattern_DOCKER_HUB_ALIASES = new Set(['index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);
function parseRegistryPattern(input, text) {
    let rest = text
        .trim()
        .toLowerCase()
        .replace(/^[a-z]+:\/\//, '')
        .replace(/\/.*$/, '');
    let port;
    const portMatch = /^(.*\]|[^:]*):(\d{1,5})$/.exec(rest);
    if (portMatch) {
        rest = portMatch[1];
        port = Number(portMatch[2]);
    }
    const wildcard = rest.startsWith('*.');
    const host = wildcard ? rest.slice(2) : rest;
    const valid = rest === '*' ||
        /^\[[0-9a-f:]+\]$/.test(host) ||
        /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/.test(host);
    if (!valid || (port !== undefined && port > 65535)) {
        throw new src/* UsageError */.eb(`Input '${input}': '${text}' is not a registry host pattern (host, host:port or *.domain)`);
    }
    const pattern = {
        text,
        host: registry_pattern_DOCKER_HUB_ALIASES.has(host) ? DEFAULT_REGISTRY : host,
        wildcard: wildcard || rest === '*',
    };
    if (port !== undefined)
        pattern.port = port;
    return pattern;
}
function registryMatches(pattern, hostname, port) {
    if (pattern.port !== undefined && pattern.port !== port)
        return false;
    const host = hostname.toLowerCase();
    if (pattern.host === '*')
        return true;
    if (pattern.wildcard)
        return host.endsWith(`.${pattern.host}`);
    return host === pattern.host;
}
function matchesAnyRegistry(patterns, hostname, port) {
    return patterns.some((pattern) => registryMatches(pattern, hostname, port));
}

;// CONCATENATED MODULE: ./packages/pin/src/docker-config.ts


/**
 * Reads a Docker config JSON (`{"auths": {"host": {"auth": base64("user:pass")}}}`, also
 * `username`/`password` and `registrytoken`). Keys may carry a scheme and path, as
 * `https://index.docker.io/v1/` does. Never echoes the content in errors.
 */
function parseDockerConfig(input, json) {
    const auth = new Map();
    if (json.trim() === '')
        return auth;
    let parsed;
    try {
        parsed = JSON.parse(json);
    }
    catch {
        throw new src/* UsageError */.eb(`Input '${input}' is not valid JSON (expected a Docker config with "auths").`);
    }
    const auths = parsed?.auths;
    if (typeof auths !== 'object' || auths === null || Array.isArray(auths)) {
        throw new src/* UsageError */.eb(`Input '${input}' has no "auths" object (expected a Docker config JSON).`);
    }
    for (const [key, entry] of Object.entries(auths)) {
        if (typeof entry !== 'object' || entry === null)
            continue;
        const fields = entry;
        const credentials = {};
        if (typeof fields.auth === 'string' && fields.auth !== '') {
            const decoded = Buffer.from(fields.auth, 'base64').toString('utf8');
            const colon = decoded.indexOf(':');
            if (colon < 0)
                throw new src/* UsageError */.eb(`Input '${input}': the "auth" of ${registryKey(key)} is not base64 of user:password.`);
            credentials.username = decoded.slice(0, colon);
            credentials.password = decoded.slice(colon + 1);
        }
        else {
            if (typeof fields.username === 'string')
                credentials.username = fields.username;
            if (typeof fields.password === 'string')
                credentials.password = fields.password;
        }
        if (typeof fields.registrytoken === 'string' && fields.registrytoken !== '')
            credentials.registryToken = fields.registrytoken;
        if (credentials.username !== undefined || credentials.registryToken !== undefined)
            auth.set(registryKey(key), credentials);
    }
    return auth;
}
/** The secrets inside the auth, so a front can mask them. */
function secretsOf(auth) {
    const secrets = [];
    for (const credentials of auth.values()) {
        if (credentials.password)
            secrets.push(credentials.password);
        if (credentials.registryToken)
            secrets.push(credentials.registryToken);
        if (credentials.username !== undefined && credentials.password !== undefined) {
            secrets.push(Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64'));
        }
    }
    return secrets;
}
function registryKey(key) {
    const host = key
        .trim()
        .replace(/^[a-z]+:\/\//i, '')
        .replace(/\/.*$/, '')
        .toLowerCase();
    return host === 'index.docker.io' || host === 'registry-1.docker.io' ? DEFAULT_REGISTRY : host;
}

;// CONCATENATED MODULE: ./packages/pin/src/http.ts
/** Runs at most `limit` tasks at once; the others wait in order. */
class ConcurrencyLimit {
    limit;
    active = 0;
    waiting = [];
    constructor(limit) {
        this.limit = limit;
    }
    async run(task) {
        if (this.active >= this.limit)
            await new Promise((resolve) => this.waiting.push(resolve));
        this.active++;
        try {
            return await task();
        }
        finally {
            this.active--;
            this.waiting.shift()?.();
        }
    }
}
/** Memoises a keyed async computation so each key runs once per instance (failures included). */
class OncePerKey {
    results = new Map();
    get(key, compute) {
        let result = this.results.get(key);
        if (!result) {
            result = compute();
            this.results.set(key, result);
        }
        return result;
    }
    get size() {
        return this.results.size;
    }
}
const DEFAULT_RETRY = { retries: 3, maxWaitMs: 60_000, requestTimeoutMs: 30_000 };
/** Milliseconds to wait from a Retry-After header (seconds or an HTTP date); 1 s when absent. */
function retryAfterMs(header, now = Date.now()) {
    if (header === null || header.trim() === '')
        return 1000;
    const value = header.trim();
    if (/^\d+$/.test(value))
        return Number(value) * 1000;
    const date = Date.parse(value);
    return Number.isNaN(date) ? 1000 : Math.max(0, date - now);
}
/** fetch, retried on 429 (and 503 with Retry-After) honouring Retry-After within the policy. */
async function fetchWithRetry(fetcher, url, init, policy) {
    for (let attempt = 0;; attempt++) {
        const timeout = policy.requestTimeoutMs ?? DEFAULT_RETRY.requestTimeoutMs;
        const response = await fetcher(url, { ...init, signal: AbortSignal.timeout(timeout) });
        const retryable = response.status === 429 || (response.status === 503 && response.headers.has('retry-after'));
        if (!retryable || attempt >= policy.retries)
            return response;
        const wait = Math.min(retryAfterMs(response.headers.get('retry-after')), policy.maxWaitMs);
        await response.body?.cancel();
        await new Promise((resolve) => setTimeout(resolve, wait));
    }
}
/** Thrown when a reference cannot be resolved; `code` says why, the message never holds a secret. */
class ResolveError extends Error {
    code;
    constructor(code, message) {
        super(message);
        this.code = code;
        this.name = 'ResolveError';
    }
}
function describeFetchFailure(url, error) {
    // DOMException is not always an `instanceof Error` (another realm), so look at the name.
    if (error?.name === 'TimeoutError') {
        return new ResolveError('unreachable', `${new URL(url).origin} did not answer in time`);
    }
    const cause = error instanceof Error && error.cause instanceof Error
        ? error.cause.message
        : error instanceof Error
            ? error.message
            : String(error);
    return new ResolveError('unreachable', `${new URL(url).origin} is unreachable (${cause})`);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./packages/pin/src/registry-client.ts




/** Every manifest type a tag can point at; asking for all four keeps a registry from picking a child. */
const MANIFEST_MEDIA_TYPES = [
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.docker.distribution.manifest.list.v2+json',
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.v2+json',
];
/**
 * Resolves image tags to manifest digests over the distribution API: HEAD the manifest with all four
 * media types and read Docker-Content-Digest, or GET it and hash the body. Answers 401 challenges
 * with a Bearer token (anonymous, or with credentials) or Basic auth. Each tag is resolved once.
 */
class RegistryClient {
    options;
    fetcher;
    limit;
    resolved = new OncePerKey();
    /** Bearer tokens per registry and scope, fetched once and sent up front afterwards. */
    tokens = new Map();
    retry;
    /** How many manifest requests were sent, for tests and the bench. */
    requests = 0;
    constructor(options = {}) {
        this.options = options;
        this.fetcher = options.fetch ?? fetch;
        this.limit = new ConcurrencyLimit(options.concurrency ?? 8);
        this.retry = options.retry ?? DEFAULT_RETRY;
    }
    resolveImageDigest(reference) {
        const tag = reference.tag ?? 'latest';
        return this.resolved.get(`${canonicalName(reference)}:${tag}`, () => this.limit.run(() => this.resolve(reference, tag)));
    }
    async resolve(reference, tag) {
        const url = `${this.baseUrl(reference)}/v2/${reference.repository}/manifests/${encodeURIComponent(tag)}`;
        const what = `${canonicalName(reference)}:${tag}`;
        let head = await this.manifestRequest(reference, url, 'HEAD');
        const headerDigest = head.headers.get('docker-content-digest');
        if (head.ok && headerDigest && /^sha256:[0-9a-f]{64}$/.test(headerDigest)) {
            return withMediaType({ digest: headerDigest }, head);
        }
        if (!head.ok && head.status !== 405 && head.status !== 400)
            throw this.failure(head, what);
        const get = await this.manifestRequest(reference, url, 'GET');
        if (!get.ok)
            throw this.failure(get, what);
        let body;
        try {
            body = Buffer.from(await get.arrayBuffer());
        }
        catch (error) {
            throw describeFetchFailure(url, error);
        }
        const digest = `sha256:${(0,external_node_crypto_.createHash)('sha256').update(body).digest('hex')}`;
        const claimed = get.headers.get('docker-content-digest');
        if (claimed?.startsWith('sha256:') && claimed !== digest) {
            throw new ResolveError('bad-response', `${what}: the manifest's body does not hash to the Docker-Content-Digest the registry sent`);
        }
        head = get;
        return withMediaType({ digest }, head);
    }
    async manifestRequest(reference, url, method) {
        const scope = `repository:${reference.repository}:pull`;
        const headers = { accept: MANIFEST_MEDIA_TYPES.join(', ') };
        if (this.options.userAgent)
            headers['user-agent'] = this.options.userAgent;
        const cachedAuth = await this.cachedAuthorization(reference, scope);
        if (cachedAuth)
            headers.authorization = cachedAuth;
        let response = await this.send(url, { method, headers });
        if (response.status !== 401)
            return response;
        const challenge = parseChallenge(response.headers.get('www-authenticate'));
        await response.body?.cancel();
        const authorization = await this.answerChallenge(reference, scope, challenge);
        if (!authorization)
            return response;
        headers.authorization = authorization;
        response = await this.send(url, { method, headers });
        return response;
    }
    async send(url, init) {
        this.requests++;
        try {
            return await fetchWithRetry(this.fetcher, url, init, this.retry);
        }
        catch (error) {
            throw describeFetchFailure(url, error);
        }
    }
    credentials(reference) {
        return this.options.auth?.get(reference.registry.toLowerCase());
    }
    /** A token already fetched for this scope, so later requests skip the 401 round trip. */
    async cachedAuthorization(reference, scope) {
        const token = this.tokens.get(`${reference.registry}|${scope}`);
        if (!token)
            return undefined;
        try {
            return `Bearer ${await token}`;
        }
        catch {
            return undefined;
        }
    }
    async answerChallenge(reference, scope, challenge) {
        const credentials = this.credentials(reference);
        if (challenge?.scheme === 'basic') {
            if (credentials?.username === undefined)
                return undefined;
            return `Basic ${Buffer.from(`${credentials.username}:${credentials.password ?? ''}`).toString('base64')}`;
        }
        if (challenge?.scheme !== 'bearer')
            return undefined;
        if (credentials?.registryToken)
            return `Bearer ${credentials.registryToken}`;
        const realm = challenge.params.realm;
        if (!realm)
            throw new ResolveError('bad-response', `${reference.registry} sent a Bearer challenge without a realm`);
        const key = `${reference.registry}|${scope}`;
        let token = this.tokens.get(key);
        if (!token) {
            token = this.fetchToken(realm, challenge.params.service, scope, credentials);
            this.tokens.set(key, token);
        }
        return `Bearer ${await token}`;
    }
    async fetchToken(realm, service, scope, credentials) {
        let url;
        try {
            url = new URL(realm);
        }
        catch {
            throw new ResolveError('bad-response', `the token realm '${realm}' is not a URL`);
        }
        if (service)
            url.searchParams.set('service', service);
        url.searchParams.set('scope', scope);
        const headers = {};
        if (credentials?.username !== undefined) {
            headers.authorization = `Basic ${Buffer.from(`${credentials.username}:${credentials.password ?? ''}`).toString('base64')}`;
        }
        const response = await this.send(url.toString(), { headers });
        if (response.status === 401 || response.status === 403) {
            throw new ResolveError('unauthorized', `the token service at ${url.origin} refused ${credentials ? 'the credentials' : 'anonymous access'} (HTTP ${response.status})`);
        }
        if (!response.ok)
            throw new ResolveError('bad-response', `the token service at ${url.origin} answered HTTP ${response.status}`);
        const body = (await response.json().catch(() => ({})));
        const token = typeof body.token === 'string'
            ? body.token
            : typeof body.access_token === 'string'
                ? body.access_token
                : undefined;
        if (!token)
            throw new ResolveError('bad-response', `the token service at ${url.origin} sent no token`);
        return token;
    }
    baseUrl(reference) {
        const insecure = matchesAnyRegistry(this.options.insecureRegistries ?? [], reference.hostname, reference.port);
        const host = reference.registry === DEFAULT_REGISTRY ? 'registry-1.docker.io' : reference.registry;
        return `${insecure ? 'http' : 'https'}://${host}`;
    }
    failure(response, what) {
        void response.body?.cancel();
        if (response.status === 401 || response.status === 403) {
            return new ResolveError('unauthorized', `${what}: the registry refused access (HTTP ${response.status})`);
        }
        if (response.status === 404)
            return new ResolveError('not-found', `${what}: no such tag or repository (HTTP 404)`);
        if (response.status === 429)
            return new ResolveError('rate-limited', `${what}: still rate-limited after ${this.retry.retries} retries (HTTP 429)`);
        return new ResolveError('bad-response', `${what}: the registry answered HTTP ${response.status}`);
    }
}
function withMediaType(resolved, response) {
    const type = response.headers.get('content-type')?.split(';')[0]?.trim();
    return type ? { ...resolved, mediaType: type } : resolved;
}
/** `Bearer realm="…",service="…",scope="…"` → scheme and parameters. */
function parseChallenge(header) {
    if (!header)
        return undefined;
    const match = /^\s*(\w+)\s*(.*)$/s.exec(header);
    if (!match)
        return undefined;
    const params = {};
    for (const param of match[2].matchAll(/([A-Za-z_][\w-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g)) {
        params[param[1].toLowerCase()] = param[2] !== undefined ? param[2].replace(/\\(.)/g, '$1') : param[3];
    }
    return { scheme: match[1].toLowerCase(), params };
}

;// CONCATENATED MODULE: ./packages/pin/src/github-client.ts

const DEFAULT_GITHUB_API_URL = 'https://api.github.com';
/** Nested tags (a tag of a tag) are peeled up to this depth. */
const MAX_TAG_DEPTH = 10;
/**
 * Resolves an action's tag (or branch) to a commit SHA through the REST API:
 * `/repos/{o}/{r}/git/ref/tags/{tag}`, peeling annotated and nested tags through
 * `/repos/{o}/{r}/git/tags/{sha}`, then `/git/ref/heads/{branch}`. Each ref is resolved once.
 */
class GitHubClient {
    options;
    apiUrl;
    fetcher;
    limit;
    resolved = new OncePerKey();
    retry;
    requests = 0;
    constructor(options = {}) {
        this.options = options;
        this.apiUrl = (options.apiUrl ?? DEFAULT_GITHUB_API_URL).replace(/\/+$/, '');
        this.fetcher = options.fetch ?? fetch;
        this.limit = new ConcurrencyLimit(options.concurrency ?? 8);
        this.retry = options.retry ?? DEFAULT_RETRY;
    }
    resolveActionRef(owner, repo, ref) {
        const key = `${owner.toLowerCase()}/${repo.toLowerCase()}@${ref}`;
        return this.resolved.get(key, () => this.limit.run(() => this.resolve(owner, repo, ref)));
    }
    async resolve(owner, repo, ref) {
        const base = `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/git`;
        const refPath = ref.split('/').map(encodeURIComponent).join('/');
        const tag = await this.getJson(`${base}/ref/tags/${refPath}`);
        if (tag)
            return { sha: await this.peel(base, tag.object, `${owner}/${repo}@${ref}`), kind: 'tag' };
        const branch = await this.getJson(`${base}/ref/heads/${refPath}`);
        if (branch?.object?.sha)
            return { sha: branch.object.sha, kind: 'branch' };
        throw new ResolveError('not-found', `${owner}/${repo}@${ref}: no such tag or branch`);
    }
    async peel(base, object, what) {
        let current = object;
        for (let depth = 0; depth <= MAX_TAG_DEPTH; depth++) {
            if (!current?.sha || !/^[0-9a-f]{40}$/i.test(current.sha)) {
                throw new ResolveError('bad-response', `${what}: the API returned no object SHA`);
            }
            if (current.type === 'commit')
                return current.sha.toLowerCase();
            if (current.type !== 'tag')
                throw new ResolveError('bad-response', `${what}: the ref points at a ${current.type ?? 'unknown object'}, not a commit`);
            const annotated = await this.getJson(`${base}/tags/${current.sha}`);
            if (!annotated)
                throw new ResolveError('not-found', `${what}: tag object ${current.sha} not found`);
            current = annotated.object;
        }
        throw new ResolveError('bad-response', `${what}: tags nested deeper than ${MAX_TAG_DEPTH}`);
    }
    /** The parsed JSON, or undefined on 404. */
    async getJson(path) {
        const url = `${this.apiUrl}${path}`;
        const headers = {
            accept: 'application/vnd.github+json',
            'x-github-api-version': '2022-11-28',
            'user-agent': 'gatehouse-pin',
        };
        if (this.options.token)
            headers.authorization = `Bearer ${this.options.token}`;
        this.requests++;
        let response;
        try {
            response = await fetchWithRetry(this.fetcher, url, { headers }, this.retry);
        }
        catch (error) {
            throw describeFetchFailure(url, error);
        }
        if (response.status === 404) {
            await response.body?.cancel();
            return undefined;
        }
        if (response.status === 401 || response.status === 403) {
            await response.body?.cancel();
            const limited = response.headers.get('x-ratelimit-remaining') === '0';
            throw new ResolveError(limited ? 'rate-limited' : 'unauthorized', `${new URL(url).origin}: HTTP ${response.status}${limited ? ' (API rate limit exhausted)' : ''}`);
        }
        if (!response.ok) {
            await response.body?.cancel();
            throw new ResolveError(response.status === 429 ? 'rate-limited' : 'bad-response', `${new URL(url).origin}: HTTP ${response.status}`);
        }
        try {
            return (await response.json());
        }
        catch (error) {
            if (error instanceof SyntaxError)
                throw new ResolveError('bad-response', `${new URL(url).origin}: the answer is not JSON`);
            throw describeFetchFailure(url, error);
        }
    }
}

;// CONCATENATED MODULE: ./packages/pin/src/fixer.ts



const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
function decodeFile(bytes) {
    const bom = bytes.subarray(0, 3).equals(BOM);
    const body = bom ? bytes.subarray(3) : bytes;
    const text = body.toString('utf8');
    return { text, bom, lossless: Buffer.from(text, 'utf8').equals(body) };
}
function encodeFile(loaded, text) {
    const body = Buffer.from(text, 'utf8');
    return loaded.bom ? Buffer.concat([BOM, body]) : body;
}
/**
 * Applies edits to a text. Identical edits (one ARG default used by two FROMs) apply once;
 * overlapping different edits are a bug in the caller and throw.
 */
function applyEdits(text, edits) {
    const unique = new Map();
    for (const edit of edits)
        unique.set(`${edit.start}:${edit.end}:${edit.text}`, edit);
    const sorted = [...unique.values()].sort((a, b) => a.start - b.start || a.end - b.end);
    let out = '';
    let cursor = 0;
    for (const edit of sorted) {
        if (edit.start < cursor || edit.end < edit.start || edit.end > text.length) {
            throw new Error(`overlapping or out-of-range edit at ${edit.start}-${edit.end}`);
        }
        out += text.slice(cursor, edit.start) + edit.text;
        cursor = edit.end;
    }
    return out + text.slice(cursor);
}
/** Writes through a temporary file in the same folder and a rename, keeping the file's mode. */
function writeFileAtomic(path, data) {
    const mode = (0,external_node_fs_.statSync)(path).mode & 0o7777;
    const temporary = (0,external_node_path_.join)((0,external_node_path_.dirname)(path), `.${(0,external_node_path_.basename)(path)}.gatehouse-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`);
    try {
        (0,external_node_fs_.writeFileSync)(temporary, data, { mode, flag: 'wx' });
        (0,external_node_fs_.chmodSync)(temporary, mode);
        (0,external_node_fs_.renameSync)(temporary, path);
    }
    catch (error) {
        (0,external_node_fs_.rmSync)(temporary, { force: true });
        throw error;
    }
}

;// CONCATENATED MODULE: ./packages/pin/src/rules.ts



const RULES = {
    'image-not-pinned': { severity: 'high', title: 'Image not pinned by digest' },
    'image-untrusted-registry': { severity: 'high', title: 'Image from an untrusted registry' },
    'image-unresolvable': { severity: 'medium', title: 'Image reference cannot be known statically' },
    'action-not-pinned': { severity: 'high', title: 'Action not pinned to a commit SHA' },
    'action-ref-mismatch': { severity: 'high', title: 'Action version comment does not match its SHA' },
    'parse-error': { severity: 'high', title: 'File could not be read' },
};
function pinFinding(ruleId, path, position, message, properties = {}) {
    const location = { path };
    if (position.line)
        location.line = position.line;
    if (position.line && position.column)
        location.column = position.column;
    return {
        ruleId,
        severity: RULES[ruleId].severity,
        title: RULES[ruleId].title,
        message,
        location,
        // The reference and its context identify a finding; line numbers move when files are edited.
        fingerprint: (0,src/* fingerprintOf */.ax)('pin', ruleId, path, properties.context, properties.reference, properties.reference ? undefined : position.line),
        properties: { tools: ['gatehouse-pin'], tags: ['supply-chain'], ...properties },
    };
}
const INLINE_EXEMPTION = /#\s*gatehouse:\s*allow-unpinned\b[ \t]*(.*?)\s*$/;
/**
 * An inline `# gatehouse: allow-unpinned <reason>` on the reference's line or on the comment line
 * just above it. Returns the suppression, or a note when the comment has no reason.
 */
function inlineExemption(index, line) {
    const above = index.lineText(line - 1);
    const candidates = [index.lineText(line), /^\s*#/.test(above) ? above : ''];
    for (const text of candidates) {
        const match = INLINE_EXEMPTION.exec(text);
        if (!match)
            continue;
        const reason = match[1];
        if (reason === '')
            return { missingReason: true };
        return { kind: 'exception', reason, source: 'inline comment' };
    }
    return undefined;
}
/** `allow` patterns: globs over an image's name (familiar or canonical) or an action's owner/repo(/path). */
class AllowList {
    matchers;
    constructor(patterns) {
        this.matchers = patterns.map((pattern) => ({ pattern, match: picomatch_default()(pattern, { dot: true, nocase: true }) }));
    }
    match(occurrence, reference) {
        const candidates = [];
        if (occurrence.kind === 'action') {
            candidates.push(`${occurrence.owner}/${occurrence.repo}`, occurrence.uses);
            if (occurrence.subpath)
                candidates.push(`${occurrence.owner}/${occurrence.repo}/${occurrence.subpath}`);
        }
        else {
            candidates.push(occurrence.image);
            if (reference)
                candidates.push(familiarName(reference), canonicalName(reference));
        }
        return this.matchers.find(({ match }) => candidates.some((candidate) => match(candidate)))?.pattern;
    }
}

;// CONCATENATED MODULE: ./packages/pin/src/fixes.ts



/** The image text with its tag spelled out (`python` → `python:latest`), as written otherwise. */
function withTag(image, reference) {
    return reference.tag === undefined ? `${image}:latest` : image;
}
function imageFix(path, occurrence, reference, finding, resolver) {
    return {
        path,
        finding,
        edit: async () => {
            if (!occurrence.span)
                throw new Error('the reference is assembled from several parts, so it cannot be rewritten in place');
            const { digest } = await resolver.resolveImageDigest(reference);
            const after = `${withTag(occurrence.image, reference)}@${digest}`;
            parseImageReference(after);
            return {
                edit: { ...occurrence.span, text: after },
                fixed: {
                    path,
                    line: occurrence.line,
                    column: occurrence.column,
                    kind: 'image',
                    before: occurrence.image,
                    after,
                },
            };
        },
    };
}
function actionFix(path, text, index, occurrence, finding, resolver) {
    return {
        path,
        finding,
        edit: async () => {
            const { sha } = await resolver.resolveActionRef(occurrence.owner, occurrence.repo, occurrence.ref);
            const name = `${occurrence.owner}/${occurrence.repo}${occurrence.subpath ? `/${occurrence.subpath}` : ''}`;
            const pinned = `${name}@${sha}`;
            const fixed = {
                path,
                line: occurrence.line,
                column: occurrence.column,
                kind: 'action',
                before: occurrence.uses,
                after: `${pinned} # ${occurrence.ref}`,
            };
            if (occurrence.versionComment) {
                const between = text.slice(occurrence.span.end, occurrence.versionComment.span.start);
                return {
                    edit: {
                        start: occurrence.span.start,
                        end: occurrence.versionComment.span.end,
                        text: `${pinned}${between}${occurrence.ref}`,
                    },
                    fixed,
                };
            }
            // The comment goes after any closing quote, and only where the rest of the line is blank or a comment.
            const quoteEnd = text[occurrence.span.end] === '"' || text[occurrence.span.end] === "'"
                ? occurrence.span.end + 1
                : occurrence.span.end;
            const rest = text.slice(quoteEnd, index.lineEnd(quoteEnd));
            if (!/^\s*(?:#.*)?$/.test(rest))
                return { edit: { ...occurrence.span, text: pinned }, fixed: { ...fixed, after: pinned } };
            const quote = text.slice(occurrence.span.end, quoteEnd);
            return {
                edit: { start: occurrence.span.start, end: quoteEnd, text: `${pinned}${quote} # ${occurrence.ref}` },
                fixed,
            };
        },
    };
}
function mismatchCheck(path, occurrence, options, findings, notes, exempt) {
    const comment = occurrence.versionComment;
    if (!comment)
        return undefined;
    const offline = lookupTag(options.actionTags, occurrence.owner, occurrence.repo, comment.tag);
    if (offline === undefined && (options.mode !== 'fix' || !options.actionResolver))
        return undefined;
    return async () => {
        let expected = offline;
        if (expected === undefined) {
            try {
                expected = (await options.actionResolver.resolveActionRef(occurrence.owner, occurrence.repo, comment.tag)).sha;
            }
            catch (error) {
                notes.push(`${path}:${occurrence.line}: could not check '# ${comment.tag}' of ${occurrence.owner}/${occurrence.repo}: ${(0,src/* describeError */.Uc)(error)}`);
                return;
            }
        }
        if (expected.toLowerCase() === occurrence.ref.toLowerCase())
            return;
        const finding = pinFinding('action-ref-mismatch', path, occurrence, `Action '${occurrence.uses}' (${occurrence.context}) says '# ${comment.tag}', but ${comment.tag} is ${expected.toLowerCase()}.`, { reference: occurrence.uses, context: occurrence.context, expectedSha: expected.toLowerCase() });
        if (exempt)
            finding.properties.suppression = exempt;
        findings.push(finding);
    };
}
function lookupTag(tags, owner, repo, tag) {
    if (!tags)
        return undefined;
    return tags.get(`${owner}/${repo}@${tag}`) ?? tags.get(`${owner.toLowerCase()}/${repo.toLowerCase()}@${tag}`);
}

;// CONCATENATED MODULE: ./packages/pin/src/pin.ts












/**
 * Finds image and action references in the workspace and checks them against the policy; in fix
 * mode rewrites unpinned ones to immutable references, changing only the references' bytes.
 */
async function runPin(options) {
    const mode = options.mode ?? 'check';
    if (mode === 'fix' && (!options.imageResolver || !options.actionResolver)) {
        throw new src/* UsageError */.eb("Input 'mode': fix mode needs the registry and GitHub clients.");
    }
    const trusted = (options.trustedRegistries ?? []).map((text) => parseRegistryPattern('trusted-registries', text));
    const allow = new AllowList(options.allow ?? []);
    const requireDigest = options.requireDigest ?? true;
    const requireActionSha = options.requireActionSha ?? true;
    const workspace = (0,external_node_path_.resolve)(options.workspace);
    const files = await discoverFiles(workspace, options.paths ?? []);
    const findings = [];
    const pending = [];
    const mismatchChecks = [];
    const texts = new Map();
    const notes = [];
    let references = 0;
    for (const file of files) {
        const bytes = readBytes((0,external_node_path_.join)(workspace, file.path));
        if (typeof bytes === 'string') {
            findings.push(pinFinding('parse-error', file.path, {}, `${describeKind(file.kind)} ${file.path}: ${bytes}`));
            continue;
        }
        const loaded = decodeFile(bytes);
        texts.set(file.path, loaded);
        const reading = readFile(file, loaded.text);
        // One finding per file, at its first problem: a file that is not what its name says fails on every line.
        const [problem, ...more] = reading.problems;
        if (problem) {
            const rest = more.length > 0 ? ` (and ${more.length} more problem${more.length === 1 ? '' : 's'} in this file)` : '';
            findings.push(pinFinding('parse-error', file.path, problem, `${describeKind(file.kind)} ${file.path}: ${problem.message}${rest}`));
        }
        const index = new LineIndex(loaded.text);
        for (const occurrence of reading.occurrences) {
            references++;
            const exemption = inlineExemption(index, occurrence.line);
            const suppression = exemption && 'reason' in exemption ? exemption : undefined;
            const missingReason = exemption !== undefined && 'missingReason' in exemption;
            const report = (finding, exempt) => {
                if (exempt)
                    finding.properties.suppression = exempt;
                else if (missingReason)
                    finding.message += ' (an allow-unpinned comment needs a reason to count)';
                findings.push(finding);
            };
            if (occurrence.kind === 'image') {
                const result = assessImage(file.path, occurrence);
                if (result.finding) {
                    report(result.finding, suppression ?? allowed(allow.match(occurrence)));
                    continue;
                }
                const reference = result.reference;
                const exempt = suppression ?? allowed(allow.match(occurrence, reference));
                if (trusted.length > 0 && !matchesAnyRegistry(trusted, reference.hostname, reference.port)) {
                    findings.push(pinFinding('image-untrusted-registry', file.path, occurrence, `Image '${occurrence.image}' (${occurrence.context}) comes from ${reference.registry}, which is not in trusted-registries.`, {
                        reference: occurrence.image,
                        context: occurrence.context,
                        registry: reference.registry,
                    }));
                }
                if (reference.digest || !requireDigest)
                    continue;
                const finding = pinFinding('image-not-pinned', file.path, occurrence, `Image '${occurrence.image}' (${occurrence.context}) is not pinned by digest.`, {
                    reference: occurrence.image,
                    context: occurrence.context,
                });
                finding.fix = `Pin it as ${withTag(occurrence.image, reference)}@sha256:… (gatehouse pin --mode fix does this).`;
                report(finding, exempt);
                if (mode === 'fix' && !exempt)
                    pending.push(imageFix(file.path, occurrence, reference, finding, options.imageResolver));
            }
            else {
                const exempt = suppression ?? allowed(allow.match(occurrence));
                if (isCommitSha(occurrence.ref)) {
                    const check = mismatchCheck(file.path, occurrence, options, findings, notes, exempt);
                    if (check)
                        mismatchChecks.push(check);
                    continue;
                }
                if (!requireActionSha)
                    continue;
                const finding = pinFinding('action-not-pinned', file.path, occurrence, `Action '${occurrence.uses}' (${occurrence.context}) is not pinned to a full commit SHA.`, {
                    reference: occurrence.uses,
                    context: occurrence.context,
                });
                finding.fix = `Pin it as ${occurrence.owner}/${occurrence.repo}${occurrence.subpath ? `/${occurrence.subpath}` : ''}@<sha> # ${occurrence.ref} (gatehouse pin --mode fix does this).`;
                report(finding, exempt);
                if (mode === 'fix' && !exempt)
                    pending.push(actionFix(file.path, loaded.text, index, occurrence, finding, options.actionResolver));
            }
        }
    }
    const fixed = [];
    const editsByFile = new Map();
    const fixedFindings = new Set();
    let unresolved = 0;
    await Promise.all([
        ...mismatchChecks.map((check) => check()),
        ...pending.map(async (item) => {
            try {
                const { edit, fixed: change } = await item.edit();
                editsByFile.set(item.path, [...(editsByFile.get(item.path) ?? []), edit]);
                fixed.push(change);
                fixedFindings.add(item.finding);
            }
            catch (error) {
                unresolved++;
                item.finding.message += ` It was left as it was: ${(0,src/* describeError */.Uc)(error)}`;
                item.finding.properties.fixError = (0,src/* describeError */.Uc)(error);
            }
        }),
    ]);
    const filesWritten = [];
    for (const [path, edits] of [...editsByFile].sort(([a], [b]) => a.localeCompare(b))) {
        const loaded = texts.get(path);
        if (!loaded.lossless) {
            for (const change of fixed.filter((item) => item.path === path))
                fixed.splice(fixed.indexOf(change), 1);
            for (const finding of fixedFindings)
                if (finding.location?.path === path)
                    fixedFindings.delete(finding);
            notes.push(`${path} is not valid UTF-8, so it was not rewritten.`);
            continue;
        }
        const updated = applyEdits(loaded.text, edits);
        if (updated !== loaded.text) {
            writeFileAtomic((0,external_node_path_.join)(workspace, path), encodeFile(loaded, updated));
            filesWritten.push(path);
        }
    }
    fixed.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.column - b.column);
    return {
        findings: (0,src/* sortFindings */.Tc)(findings.filter((finding) => !fixedFindings.has(finding))),
        fixed,
        unresolved,
        filesRead: files.length,
        references,
        filesWritten,
        notes,
    };
}
/** Larger files are not configuration a person wrote; reading them would only cost memory. */
const MAX_FILE_BYTES = 16 * 1024 * 1024;
/** The file's bytes, or why they cannot be read. */
function readBytes(path) {
    try {
        const size = (0,external_node_fs_.statSync)(path).size;
        if (size > MAX_FILE_BYTES)
            return `larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB, not read`;
        return (0,external_node_fs_.readFileSync)(path);
    }
    catch (error) {
        return `cannot be read (${error.code ?? (0,src/* describeError */.Uc)(error)})`;
    }
}
function readFile(file, text) {
    if (file.kind === 'dockerfile')
        return readDockerfile(text);
    if (file.kind === 'workflow')
        return readWorkflow(text);
    if (file.kind === 'action')
        return readActionMetadata(text);
    const reading = readManifests(text);
    // An unrendered Helm or other Go template is not YAML yet; its rendered output is what runs.
    if (reading.problems.length > 0 && /(?<!\$)\{\{/.test(text))
        return { occurrences: reading.occurrences, problems: [] };
    return reading;
}
function describeKind(kind) {
    return { dockerfile: 'Dockerfile', workflow: 'Workflow', action: 'Action metadata', manifests: 'YAML' }[kind];
}
function assessImage(path, occurrence) {
    const properties = { reference: occurrence.image, context: occurrence.context };
    if (occurrence.unresolvable) {
        return {
            finding: pinFinding('image-unresolvable', path, occurrence, `Image '${occurrence.image}' (${occurrence.context}) cannot be known statically: it ${occurrence.unresolvable}.`, properties),
        };
    }
    try {
        return { reference: parseImageReference(occurrence.image) };
    }
    catch (error) {
        const reason = error instanceof ReferenceError ? error.message : (0,src/* describeError */.Uc)(error);
        return {
            finding: pinFinding('image-unresolvable', path, occurrence, `${reason} (${occurrence.context}).`, properties),
        };
    }
}
function allowed(pattern) {
    return pattern === undefined
        ? undefined
        : { kind: 'exception', reason: `matches allow pattern '${pattern}'`, source: 'allow' };
}
function isCommitSha(ref) {
    return /^[0-9a-f]{40}$/i.test(ref);
}

;// CONCATENATED MODULE: ./packages/pin/src/resolvers.ts





/**
 * The registry and GitHub clients fix mode uses, built from the fronts' inputs, plus the secret
 * values a front must mask before anything is logged.
 */
function createResolvers(settings) {
    const auth = parseDockerConfig('registry-auth', settings.registryAuth ?? '');
    const insecureRegistries = (settings.insecureRegistries ?? []).map((text) => parseRegistryPattern('insecure-registries', text));
    if (settings.githubApiUrl !== undefined) {
        try {
            new URL(settings.githubApiUrl);
        }
        catch {
            throw new src/* UsageError */.eb(`Input 'github-api-url' is not a URL: ${settings.githubApiUrl}`);
        }
    }
    const registry = new RegistryClient({
        auth,
        insecureRegistries,
        concurrency: settings.concurrency,
        userAgent: 'gatehouse-pin',
    });
    const github = new GitHubClient({
        apiUrl: settings.githubApiUrl,
        token: settings.githubToken,
        concurrency: settings.concurrency,
    });
    const secrets = secretsOf(auth);
    if (settings.githubToken)
        secrets.push(settings.githubToken);
    return { registry, github, secrets };
}

;// CONCATENATED MODULE: ./packages/pin/src/report.ts


const PIN_TOOL = {
    name: 'Gatehouse pin',
    version: '0.1.0',
};
function unsuppressed(result) {
    return result.findings.filter((finding) => !(0,src/* isSuppressed */.Bx)(finding));
}
/** Passed when no unsuppressed finding is left (every reference pinned, fixed, allowed or exempted). */
function pinPassed(result) {
    return unsuppressed(result).length === 0;
}
function pinHeadline(result, mode) {
    const open = unsuppressed(result).length;
    const read = `${result.references} reference${result.references === 1 ? '' : 's'} in ${result.filesRead} file${result.filesRead === 1 ? '' : 's'}`;
    const fixed = mode === 'fix' ? `, ${result.fixed.length} pinned by this run` : '';
    const unresolved = result.unresolved > 0 ? `, ${result.unresolved} could not be resolved and were left as they were` : '';
    return `${read}${fixed}${unresolved}: **${open}** finding${open === 1 ? '' : 's'} left.`;
}
/** The job summary: verdict, counts, the findings, the suppressed ones, and what fix mode rewrote. */
function pinSummary(result, mode) {
    const open = unsuppressed(result);
    const suppressed = result.findings.filter(isSuppressed);
    let markdown = renderSummary({
        title: 'Gatehouse pin',
        passed: open.length === 0,
        headline: pinHeadline(result, mode),
        decisive: open,
        others: [],
        suppressed,
        counts: countBySeverity(result.findings),
        suppressedCount: suppressed.length,
        notes: result.notes,
        limitBytes: SUMMARY_LIMIT_BYTES / 2,
    });
    if (result.fixed.length > 0) {
        // The fixed references share the runner's 1 MiB summary limit with what is above them.
        let budget = SUMMARY_LIMIT_BYTES - Buffer.byteLength(markdown) - 4096;
        let table = '\n### Pinned by this run\n\n| Location | Before | After |\n| --- | --- | --- |\n';
        let shown = 0;
        for (const item of result.fixed) {
            const row = `| ${cell(`${item.path}:${item.line}`)} | \`${cell(item.before)}\` | \`${cell(item.after)}\` |\n`;
            budget -= Buffer.byteLength(row);
            if (budget < 0)
                break;
            table += row;
            shown++;
        }
        markdown += table;
        if (shown < result.fixed.length)
            markdown += `\n> ${result.fixed.length - shown} more were pinned; the log lists every one.\n`;
    }
    return markdown;
}
/** Writes every finding (suppressed ones marked) as SARIF 2.1.0; returns the path relative to the workspace. */
async function writePinSarif(result, path, workspace) {
    const absolute = (0,external_node_path_.resolve)(workspace, path);
    await (0,src/* writeFileAtomic */.Zf)(absolute, JSON.stringify((0,src/* toSarif */.zv)(result.findings, PIN_TOOL), null, 2) + '\n');
    return (0,src/* toRelative */.yE)(workspace, absolute);
}

;// CONCATENATED MODULE: ./packages/pin/src/index.ts


















/***/ })

};
