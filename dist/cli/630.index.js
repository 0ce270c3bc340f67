export const id = 630;
export const ids = [630];
export const modules = {

/***/ 9630:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Jq: () => (/* reexport */ SecretScanner),
  parseSecretsInput: () => (/* reexport */ parseSecretsInput),
  runScrub: () => (/* reexport */ runScrub),
  Tu: () => (/* reexport */ scanFiles),
  zr: () => (/* reexport */ secretsFromEnv)
});

// UNUSED EXPORTS: AhoCorasick, ArchiveError, BUILTIN_RULES, Detector, FINDING_PREFIX, KNOWN_SECRET_RULE, MIN_SECRET_LENGTH, PRIVATE_KEY_BEGIN, RedactionCounts, StopCommandsTracker, StreamRedactor, applySpans, archiveKind, base62, base64Core, collectKnownValues, crc32, createRedactStream, distinctChars, encodedForms, escapeLength, escapesWithin, findingsInData, findingsInText, hasCrc32Base62Checksum, isPlaceholder, looksLikeNonSecretValue, looksLikeSecretName, matchKeywordHits, mergeSpans, newScanState, originalOffset, readArchive, readTar, readZip, redactFile, registrableValues, replacementFor, shannonEntropy, shellArguments, stripAnsi, textWindows, tokenTailStart, withCrc32Base62Checksum, wrapCommand

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./packages/scrub/src/archives.ts

class ArchiveError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ArchiveError';
    }
}
/** The kind of archive by name, confirmed by magic bytes; undefined for a plain file. */
function archiveKind(name, head) {
    const lower = name.toLowerCase();
    const gzip = head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
    if (/\.(?:tar\.gz|tgz)$/.test(lower) && gzip)
        return 'tar.gz';
    if (lower.endsWith('.gz') && gzip)
        return 'gzip';
    if (/\.(?:zip|jar|war|whl|nupkg|apk|aar)$/.test(lower) && head.readUInt32LE(0) === 0x04034b50)
        return 'zip';
    if (lower.endsWith('.zip') && head.length >= 4 && head.readUInt32LE(0) === 0x06054b50)
        return 'zip';
    if (lower.endsWith('.tar') && head.length >= 262 && isTarHeader(head.subarray(0, 512)))
        return 'tar';
    return undefined;
}
function readArchive(kind, data, limits = {}) {
    const maxEntry = limits.maxEntryBytes ?? 256 * 1024 * 1024;
    const maxTotal = limits.maxTotalBytes ?? 1024 * 1024 * 1024;
    switch (kind) {
        case 'zip':
            return readZip(data, maxEntry, maxTotal);
        case 'tar':
            return readTar(data, maxEntry);
        case 'tar.gz':
            return readTar((0,external_node_zlib_.gunzipSync)(data, { maxOutputLength: maxTotal }), maxEntry);
        case 'gzip':
            return [{ name: '', data: (0,external_node_zlib_.gunzipSync)(data, { maxOutputLength: maxEntry }) }];
    }
}
function isTarHeader(block) {
    if (block.length < 512)
        return false;
    const magic = block.toString('latin1', 257, 262);
    if (magic === 'ustar')
        return true;
    // Old-style tar: check the header checksum.
    const stored = parseOctal(block, 148, 8);
    let sum = 0;
    for (let i = 0; i < 512; i++)
        sum += i >= 148 && i < 156 ? 32 : block[i];
    return stored === sum && stored > 0;
}
function parseOctal(block, offset, length) {
    const field = block.subarray(offset, offset + length);
    if (field[0] & 0x80) {
        // GNU base-256 for large sizes.
        let value = 0;
        for (let i = 1; i < field.length; i++)
            value = value * 256 + field[i];
        return value;
    }
    const text = field.toString('latin1').replace(/\0.*$/s, '').trim();
    return text === '' ? 0 : parseInt(text, 8);
}
function cString(block, offset, length) {
    const field = block.subarray(offset, offset + length);
    const nul = field.indexOf(0);
    return field.subarray(0, nul < 0 ? field.length : nul).toString('utf8');
}
/** Regular files of a POSIX/GNU tar, with GNU long names and pax `path` records. */
function readTar(data, maxEntryBytes = Number.MAX_SAFE_INTEGER) {
    const entries = [];
    let offset = 0;
    let longName;
    let paxPath;
    while (offset + 512 <= data.length) {
        const header = data.subarray(offset, offset + 512);
        if (header.every((b) => b === 0))
            break;
        if (!isTarHeader(header))
            throw new ArchiveError(`tar: bad header at offset ${offset}`);
        const size = parseOctal(header, 124, 12);
        const type = String.fromCharCode(header[156]);
        const bodyStart = offset + 512;
        const bodyEnd = bodyStart + size;
        if (bodyEnd > data.length)
            throw new ArchiveError(`tar: entry at offset ${offset} is truncated`);
        const body = data.subarray(bodyStart, bodyEnd);
        if (type === 'L') {
            longName = body.toString('utf8').replace(/\0+$/, '');
        }
        else if (type === 'x') {
            const path = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString('utf8'));
            if (path)
                paxPath = path[1];
        }
        else if (type === '0' || type === '\0' || type === '7') {
            const prefix = header.toString('latin1', 257, 262) === 'ustar' ? cString(header, 345, 155) : '';
            const base = cString(header, 0, 100);
            const name = paxPath ?? longName ?? (prefix ? `${prefix}/${base}` : base);
            if (size <= maxEntryBytes)
                entries.push({ name, data: Buffer.from(body) });
            longName = undefined;
            paxPath = undefined;
        }
        else {
            longName = undefined;
            paxPath = undefined;
        }
        offset = bodyStart + Math.ceil(size / 512) * 512;
    }
    return entries;
}
/** Files of a zip (stored or deflated), read through the central directory; zip64 sizes included. */
function readZip(data, maxEntryBytes = Number.MAX_SAFE_INTEGER, maxTotalBytes = Number.MAX_SAFE_INTEGER) {
    const eocd = findEndOfCentralDirectory(data);
    let count = data.readUInt16LE(eocd + 10);
    let directory = data.readUInt32LE(eocd + 16);
    if ((count === 0xffff || directory === 0xffffffff) && eocd >= 20 && data.readUInt32LE(eocd - 20) === 0x07064b50) {
        const zip64 = Number(data.readBigUInt64LE(eocd - 12));
        if (data.readUInt32LE(zip64) !== 0x06064b50)
            throw new ArchiveError('zip: bad zip64 end record');
        count = Number(data.readBigUInt64LE(zip64 + 32));
        directory = Number(data.readBigUInt64LE(zip64 + 48));
    }
    const entries = [];
    let total = 0;
    let offset = directory;
    for (let i = 0; i < count; i++) {
        if (offset + 46 > data.length || data.readUInt32LE(offset) !== 0x02014b50)
            throw new ArchiveError(`zip: bad central directory entry ${i}`);
        const flags = data.readUInt16LE(offset + 8);
        const method = data.readUInt16LE(offset + 10);
        let compressedSize = data.readUInt32LE(offset + 20);
        let size = data.readUInt32LE(offset + 24);
        const nameLength = data.readUInt16LE(offset + 28);
        const extraLength = data.readUInt16LE(offset + 30);
        const commentLength = data.readUInt16LE(offset + 32);
        let localOffset = data.readUInt32LE(offset + 42);
        const name = data.toString(flags & 0x800 ? 'utf8' : 'latin1', offset + 46, offset + 46 + nameLength);
        const extra = data.subarray(offset + 46 + nameLength, offset + 46 + nameLength + extraLength);
        ({ size, compressedSize, localOffset } = zip64Sizes(extra, size, compressedSize, localOffset));
        offset += 46 + nameLength + extraLength + commentLength;
        if (name.endsWith('/'))
            continue;
        if (flags & 0x1)
            throw new ArchiveError(`zip: entry ${name} is encrypted`);
        if (size > maxEntryBytes)
            continue;
        total += size;
        if (total > maxTotalBytes)
            throw new ArchiveError('zip: more data than the scan limit');
        if (data.readUInt32LE(localOffset) !== 0x04034b50)
            throw new ArchiveError(`zip: bad local header for ${name}`);
        const start = localOffset + 30 + data.readUInt16LE(localOffset + 26) + data.readUInt16LE(localOffset + 28);
        const raw = data.subarray(start, start + compressedSize);
        let content;
        if (method === 0)
            content = Buffer.from(raw);
        else if (method === 8)
            content = (0,external_node_zlib_.inflateRawSync)(raw, { maxOutputLength: Math.max(size, 1) });
        else
            throw new ArchiveError(`zip: entry ${name} uses unsupported compression method ${method}`);
        entries.push({ name, data: content });
    }
    return entries;
}
function findEndOfCentralDirectory(data) {
    for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
        if (data.readUInt32LE(i) === 0x06054b50)
            return i;
    }
    throw new ArchiveError('zip: end of central directory not found');
}
function zip64Sizes(extra, size, compressedSize, localOffset) {
    let i = 0;
    while (i + 4 <= extra.length) {
        const id = extra.readUInt16LE(i);
        const length = extra.readUInt16LE(i + 2);
        if (id === 0x0001) {
            let p = i + 4;
            if (size === 0xffffffff) {
                size = Number(extra.readBigUInt64LE(p));
                p += 8;
            }
            if (compressedSize === 0xffffffff) {
                compressedSize = Number(extra.readBigUInt64LE(p));
                p += 8;
            }
            if (localOffset === 0xffffffff)
                localOffset = Number(extra.readBigUInt64LE(p));
        }
        i += 4 + length;
    }
    return { size, compressedSize, localOffset };
}

;// CONCATENATED MODULE: ./packages/scrub/src/checksums.ts
const CRC_TABLE = (() => {
    const table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
        let c = n;
        for (let k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        table[n] = c >>> 0;
    }
    return table;
})();
function crc32(text) {
    let crc = 0xffffffff;
    for (let i = 0; i < text.length; i++)
        crc = CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff] ^ (crc >>> 8);
    return (crc ^ 0xffffffff) >>> 0;
}
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
function base62(value, width) {
    let out = '';
    let rest = value;
    while (rest > 0) {
        out = BASE62[rest % 62] + out;
        rest = Math.floor(rest / 62);
    }
    return out.padStart(width, '0');
}
/**
 * The checksum GitHub (ghp_, gho_, ghu_, ghs_, ghr_) and npm (npm_) tokens end with: CRC32 of the
 * 30 random characters, base62, zero-padded to six characters.
 */
function hasCrc32Base62Checksum(token) {
    const body = token.slice(token.indexOf('_') + 1);
    if (body.length !== 36)
        return false;
    return base62(crc32(body.slice(0, 30)), 6) === body.slice(30);
}
/** A token shaped like one of these formats whose checksum holds can be reported with certainty. */
function withCrc32Base62Checksum(token) {
    const prefix = token.slice(0, token.indexOf('_') + 1);
    const random = token.slice(prefix.length, prefix.length + 30);
    return `${prefix}${random}${base62(crc32(random), 6)}`;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./packages/findings/src/index.ts + 8 modules
var src = __webpack_require__(6349);
;// CONCATENATED MODULE: ./packages/scrub/src/ansi.ts
/** The offset in the original text of visible character `index` (or of the end, for index = length). */
function originalOffset(visible, index) {
    const segments = visible.segments;
    if (index >= visible.text.length)
        return visible.originalLength;
    let low = 0;
    let high = segments.length / 2 - 1;
    while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (segments[mid * 2] <= index)
            low = mid;
        else
            high = mid - 1;
    }
    return segments[low * 2 + 1] + (index - segments[low * 2]);
}
/** Length of the escape sequence starting at `i` (text[i] is ESC), or -1 when it is incomplete. */
function escapeLength(text, i) {
    const next = text.charCodeAt(i + 1);
    if (Number.isNaN(next))
        return -1;
    if (next === 0x5b) {
        // CSI: parameters 0x30–0x3F, intermediates 0x20–0x2F, final 0x40–0x7E.
        let j = i + 2;
        while (j < text.length && text.charCodeAt(j) >= 0x20 && text.charCodeAt(j) <= 0x3f)
            j++;
        if (j >= text.length)
            return -1;
        const final = text.charCodeAt(j);
        return final >= 0x40 && final <= 0x7e ? j + 1 - i : j - i;
    }
    if (next === 0x5d) {
        // OSC: ends with BEL or ESC \.
        for (let j = i + 2; j < text.length && j < i + 4096; j++) {
            const c = text.charCodeAt(j);
            if (c === 0x07)
                return j + 1 - i;
            if (c === 0x1b && text.charCodeAt(j + 1) === 0x5c)
                return j + 2 - i;
            if (c === 0x0a)
                return j - i;
        }
        return text.length - i >= 4096 ? 2 : -1;
    }
    return 2;
}
function stripAnsi(text) {
    const segments = [0, 0];
    let visible = '';
    let chunkStart = 0;
    for (let i = text.indexOf('\x1b'); i >= 0; i = text.indexOf('\x1b', chunkStart)) {
        visible += text.slice(chunkStart, i);
        const length = escapeLength(text, i);
        chunkStart = length < 0 ? text.length : i + length;
        segments.push(visible.length, chunkStart);
    }
    visible += text.slice(chunkStart);
    return { text: visible, segments, originalLength: text.length };
}
/** The escape sequences inside text[start, end), concatenated (kept when the span is redacted). */
function escapesWithin(text, start, end) {
    let kept = '';
    for (let i = text.indexOf('\x1b', start); i >= 0 && i < end; i = text.indexOf('\x1b', i + 1)) {
        const length = escapeLength(text, i);
        const stop = length < 0 ? end : Math.min(end, i + length);
        kept += text.slice(i, stop);
        i = stop - 1;
    }
    return kept;
}

;// CONCATENATED MODULE: ./packages/scrub/src/redact.ts

/** `***`, or `[REDACTED:<rule>]` with the `rule` style. */
function replacementFor(style, rule) {
    return style === 'rule' ? `[REDACTED:${rule}]` : '***';
}
/** Counts of redactions by rule; a multi-line block (one group) counts once. */
class RedactionCounts {
    counts = new Map();
    groups = new Set();
    add(span) {
        if (span.group !== undefined) {
            const key = `${span.rule}#${span.group}`;
            if (this.groups.has(key))
                return;
            this.groups.add(key);
        }
        this.counts.set(span.rule, (this.counts.get(span.rule) ?? 0) + 1);
    }
    get total() {
        let total = 0;
        for (const count of this.counts.values())
            total += count;
        return total;
    }
    toJSON() {
        return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
    }
}
/**
 * `text` with each span replaced; escape sequences inside a span are kept after the replacement
 * so the terminal's colour state stays what the program meant.
 */
function applySpans(text, spans, style, counts) {
    if (spans.length === 0)
        return text;
    let out = '';
    let last = 0;
    for (const span of spans) {
        out += text.slice(last, span.start) + replacementFor(style, span.rule);
        if (text.indexOf('\x1b', span.start) >= 0)
            out += escapesWithin(text, span.start, span.end);
        last = span.end;
        counts?.add(span);
    }
    return out + text.slice(last);
}

;// CONCATENATED MODULE: ./packages/scrub/src/aho-corasick.ts
/**
 * An Aho-Corasick automaton over latin1 strings (one char per byte), compiled to a dense DFA over
 * byte classes, so scanning costs one table lookup per byte however many patterns are registered.
 */
class AhoCorasick {
    /**
     * Transitions, each pre-multiplied into a row offset (next * classCount) and negated (bitwise
     * not) when the next state ends a pattern: next = rows[row + classOf[byte]], so the scanning loop
     * needs no multiply and one sign test per byte.
     */
    rows;
    classOf;
    classCount;
    /** First pattern ending at a state (or -1); further ones through `nextOutput`. */
    output;
    /** Pattern id → the next pattern that also ends at the same position (or -1). */
    nextOutput;
    /**
     * Per state, the length of its longest suffix that is a prefix of a marked pattern (those with
     * id ≥ `markedFrom`): how much of a text's tail could still become a marked match.
     */
    markedDepth;
    /** Per state, the length of the prefix it stands for. */
    depth;
    patternLength;
    maxPatternLength;
    patterns;
    /**
     * @param caseInsensitive ASCII letters match in either case (callers check exact case themselves
     *   for patterns that need it).
     * @param markedFrom Patterns from this id on are tracked by `markedDepth` (default: all).
     */
    constructor(patterns, caseInsensitive = false, markedFrom = 0) {
        this.patterns = patterns;
        const fold = (code) => (caseInsensitive && code >= 65 && code <= 90 ? code + 32 : code);
        const classOf = new Uint8Array(256);
        let classCount = 1;
        for (const pattern of patterns) {
            for (let i = 0; i < pattern.length; i++) {
                const code = fold(pattern.charCodeAt(i) & 0xff);
                if (classOf[code] === 0)
                    classOf[code] = classCount++;
            }
        }
        if (classCount > 255)
            throw new Error('AhoCorasick: too many byte classes');
        if (caseInsensitive)
            for (let c = 65; c <= 90; c++)
                classOf[c] = classOf[c + 32];
        this.classOf = classOf;
        this.classCount = classCount;
        // A trie first, with children in the (still zero) dense table itself and in per-state child
        // lists, then breadth-first failure links.
        let capacity = 1;
        for (const pattern of patterns)
            capacity += pattern.length;
        const table = new Int32Array(capacity * classCount);
        const depth = new Int32Array(capacity);
        const onMarked = new Uint8Array(capacity);
        const terminalFirst = new Int32Array(capacity).fill(-1);
        const terminalNext = new Int32Array(patterns.length).fill(-1);
        const firstChild = new Int32Array(capacity);
        const nextSibling = new Int32Array(capacity);
        const classOfState = new Int32Array(capacity);
        let stateCount = 1;
        for (let id = 0; id < patterns.length; id++) {
            const pattern = patterns[id];
            let state = 0;
            const marked = id >= markedFrom;
            for (let i = 0; i < pattern.length; i++) {
                const cls = classOf[fold(pattern.charCodeAt(i) & 0xff)];
                const cell = state * classCount + cls;
                let next = table[cell];
                if (next === 0) {
                    next = stateCount++;
                    table[cell] = next;
                    depth[next] = depth[state] + 1;
                    classOfState[next] = cls;
                    nextSibling[next] = firstChild[state];
                    firstChild[state] = next;
                }
                state = next;
                if (marked)
                    onMarked[state] = 1;
            }
            terminalNext[id] = terminalFirst[state];
            terminalFirst[state] = id;
        }
        const fail = new Int32Array(stateCount);
        const output = new Int32Array(stateCount).fill(-1);
        const nextOutput = new Int32Array(patterns.length).fill(-1);
        const markedDepth = new Int32Array(stateCount);
        const queue = new Int32Array(stateCount);
        let tail = 0;
        // Children of the root fail to the root (fail is 0 already).
        for (let child = firstChild[0]; child !== 0; child = nextSibling[child])
            queue[tail++] = child;
        for (let head = 0; head < tail; head++) {
            const state = queue[head];
            const f = fail[state];
            // This state's own patterns, chained before the ones of its longest matching suffix.
            const inherited = output[f];
            let first = inherited;
            for (let id = terminalFirst[state]; id >= 0;) {
                const following = terminalNext[id];
                nextOutput[id] = first;
                first = id;
                id = following;
            }
            output[state] = first;
            markedDepth[state] = onMarked[state] ? depth[state] : markedDepth[f];
            // The row is its failure state's row (complete: shallower), except where the trie goes on.
            const row = state * classCount;
            const failRow = f * classCount;
            table.copyWithin(row, failRow, failRow + classCount);
            for (let child = firstChild[state]; child !== 0; child = nextSibling[child]) {
                const cls = classOfState[child];
                fail[child] = table[failRow + cls];
                table[row + cls] = child;
                queue[tail++] = child;
            }
        }
        // Each next state pre-multiplied into its row offset, negated when it ends a pattern.
        const rows = table.subarray(0, stateCount * classCount);
        for (let i = 0; i < rows.length; i++) {
            const next = rows[i];
            rows[i] = output[next] >= 0 ? ~(next * classCount) : next * classCount;
        }
        this.rows = rows;
        this.output = output;
        this.nextOutput = nextOutput;
        this.markedDepth = markedDepth;
        this.depth = depth.slice(0, stateCount);
        this.patternLength = Int32Array.from(patterns, (p) => p.length);
        this.maxPatternLength = patterns.reduce((max, p) => Math.max(max, p.length), 0);
    }
    get stateCount() {
        return this.output.length;
    }
    /** Every occurrence, overlapping ones included, as [patternId, start, end) triples. */
    findAll(text, from = 0, to = text.length) {
        const found = [];
        const { rows, classOf, classCount, output, nextOutput, patternLength } = this;
        let row = 0;
        for (let i = from; i < to; i++) {
            row = rows[row + classOf[text.charCodeAt(i) & 0xff]];
            if (row < 0) {
                row = ~row;
                for (let id = output[row / classCount]; id >= 0; id = nextOutput[id]) {
                    found.push([id, i + 1 - patternLength[id], i + 1]);
                }
            }
        }
        return found;
    }
    /** The state after reading `text` from the start state. */
    stateAfter(text) {
        const { rows, classOf } = this;
        let row = 0;
        for (let i = 0; i < text.length; i++) {
            row = rows[row + classOf[text.charCodeAt(i) & 0xff]];
            if (row < 0)
                row = ~row;
        }
        return row / this.classCount;
    }
}

;// CONCATENATED MODULE: ./packages/scrub/src/entropy.ts
/** Shannon entropy in bits per character. */
function shannonEntropy(text) {
    if (text.length === 0)
        return 0;
    const counts = new Map();
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        counts.set(code, (counts.get(code) ?? 0) + 1);
    }
    let entropy = 0;
    for (const count of counts.values()) {
        const p = count / text.length;
        entropy -= p * Math.log2(p);
    }
    return entropy;
}
const DOCUMENTED_EXAMPLES = [
    'AKIAIOSFODNN7EXAMPLE',
    'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
    'AIDACKCEVSQ6C2EXAMPLE',
    'ASIAIOSFODNN7EXAMPLE',
];
const PLACEHOLDER_WORDS = /example|placeholder|changeme|change_me|your[_-]?(?:api[_-]?)?(?:key|token|secret|password)|replace[_-]?me|insert[_-]?|dummy|redacted|\bfake|\*\*\*|_here\b|here$|xxxx|XXXX|0000000000|1234567890|abcdefgh|ABCDEFGH|\.\.\.|…|sample|test_?token|notreal|not-set|secret_?value|my_?(?:secret|password|token)/i;
/**
 * True for values that are obviously not secrets: documented example keys, runs of one character,
 * `xxxx`, template and variable references (`${{ secrets.X }}`, `$VAR`, `${VAR}`, `%VAR%`,
 * `{{ var }}`, `<token>`, `env.X`), and common placeholder words.
 */
function isPlaceholder(value, level = 'strict') {
    const v = value.trim();
    if (v.length === 0)
        return true;
    for (const example of DOCUMENTED_EXAMPLES)
        if (v.includes(example))
            return true;
    if (/x{4,}|X{4,}|\*{3,}|EXAMPLE|\[redacted\]|\.\.\.|…/i.test(v))
        return true;
    if (/^\$\{\{.*\}\}$/.test(v) || v.includes('${{'))
        return true;
    if (/^\$[A-Za-z_][A-Za-z0-9_]*$/.test(v) || /^\$\{[^}]*\}$/.test(v) || /^\$\(.*\)$/.test(v))
        return true;
    if (/^%[A-Za-z_][A-Za-z0-9_]*%$/.test(v) ||
        /^\{\{.*\}\}$/.test(v) ||
        /^<[^<>]*>$/.test(v) ||
        /^\{[A-Za-z_]+\}$/.test(v))
        return true;
    if (/^(?:process\.)?env[.[]/i.test(v) || /^(?:var|local|data|module|secrets|vars|inputs)\./.test(v))
        return true;
    if (/^(.)\1+$/.test(v))
        return true;
    if (distinctChars(v) <= 3)
        return true;
    if (level === 'light')
        return false;
    return PLACEHOLDER_WORDS.test(v);
}
function distinctChars(text) {
    return new Set(text).size;
}

;// CONCATENATED MODULE: ./packages/scrub/src/detector.ts


/** A runner-memory dump names its redaction even when the value inside is a known format. */
const RUNNER_DUMP_RULE = 'runner-memory-dump';
/**
 * Runs credential rules behind a keyword prefilter: one Aho-Corasick pass finds every keyword,
 * and a rule's regex runs only on the lines that contain one of its keywords, so adding rules
 * costs little on lines that mention none of them.
 */
class Detector {
    /** The distinct keywords of all rules; a keyword's id is its index. */
    keywordPatterns;
    keywordAutomaton;
    /** Keyword id → 1 when the keyword must match in its exact case (it has capitals). */
    exactKeyword;
    /** Keyword id → indices of the rules it triggers. */
    rulesOfKeyword;
    rules;
    /** Per rule, the last line it was queued for (so a line runs each rule once). */
    seenStamp;
    stampCounter = 0;
    constructor(rules) {
        this.rules = rules;
        this.seenStamp = new Int32Array(rules.length);
        const keywordIds = new Map();
        const rulesOfKeyword = [];
        rules.forEach((rule, index) => {
            if (rule.keywords.length === 0)
                throw new Error(`rule ${rule.id} has no keywords`);
            for (const keyword of rule.keywords) {
                let id = keywordIds.get(keyword);
                if (id === undefined) {
                    id = rulesOfKeyword.length;
                    keywordIds.set(keyword, id);
                    rulesOfKeyword.push([]);
                }
                if (!rulesOfKeyword[id].includes(index))
                    rulesOfKeyword[id].push(index);
            }
        });
        this.keywordPatterns = [...keywordIds.keys()];
        this.exactKeyword = Uint8Array.from(this.keywordPatterns, (k) => (k === k.toLowerCase() ? 0 : 1));
        this.rulesOfKeyword = rulesOfKeyword;
    }
    /** The keywords alone in an automaton (built on first use: the scanner folds them into its own). */
    get keywords() {
        this.keywordAutomaton ??= new AhoCorasick(this.keywordPatterns, true);
        return this.keywordAutomaton;
    }
    /** Runs the given rules over `text.slice(from, to)` (one line) and appends accepted matches. */
    matchLine(text, from, to, ruleIndices, out) {
        const line = text.slice(from, to);
        for (const index of ruleIndices) {
            const rule = this.rules[index];
            if (rule.requires !== undefined && line.indexOf(rule.requires) < 0)
                continue;
            const regex = rule.regex;
            regex.lastIndex = 0;
            let match;
            while ((match = regex.exec(line)) !== null) {
                if (match[0].length === 0) {
                    regex.lastIndex++;
                    continue;
                }
                const span = match.indices?.groups?.secret ?? match.indices[0];
                const secret = line.slice(span[0], span[1]);
                if (acceptable(rule, secret)) {
                    const found = {
                        rule,
                        priority: rule.id === RUNNER_DUMP_RULE ? -2 : index,
                        start: from + span[0],
                        end: from + span[1],
                    };
                    if (rule.checksum)
                        found.verified = rule.checksum(secret);
                    out.push(found);
                }
                // Let a later match start inside this one's context but after its secret.
                if (regex.lastIndex > span[1] && span[1] > match.index)
                    regex.lastIndex = span[1];
            }
        }
    }
    /** All matches in a text of any number of lines (for files and decoded content). */
    matchText(text) {
        const out = [];
        const hits = [];
        for (const [keyword, start] of this.keywords.findAll(text)) {
            if (this.exactKeyword[keyword] === 0 || text.startsWith(this.keywords.patterns[keyword], start))
                hits.push(keyword, start);
        }
        matchKeywordHits(this, text, hits, out);
        return out;
    }
    /**
     * Each rule on every line that holds one of its keywords, found by plain substring search, with
     * no automaton and no hit checks: what `matchText` must find (it is only faster). For tests and
     * audits of the catalogue.
     */
    matchEveryLine(text) {
        const out = [];
        for (let from = 0; from <= text.length;) {
            let to = from;
            while (to < text.length && text.charCodeAt(to) !== 10 && text.charCodeAt(to) !== 13)
                to++;
            const line = text.slice(from, to);
            const lower = line.toLowerCase();
            const candidates = this.rules.flatMap((rule, index) => rule.keywords.some((keyword) => (keyword === keyword.toLowerCase() ? lower : line).includes(keyword))
                ? [index]
                : []);
            this.matchLine(text, from, to, candidates, out);
            from = to + 1;
        }
        return out;
    }
}
function acceptable(rule, secret) {
    if (rule.placeholder !== 'none' && isPlaceholder(secret, rule.placeholder))
        return false;
    if (rule.minEntropy !== undefined && shannonEntropy(secret) < rule.minEntropy)
        return false;
    if (rule.validate && !rule.validate(secret))
        return false;
    return true;
}
/**
 * Groups keyword hits by line and runs each line's candidate rules once. `hits` holds
 * (keyword id, start) pairs in text order. A hit queues a rule only when the rule's hit check
 * passes; the line around the first queued hit is found from the hit itself (back to the last
 * break, forward to the next), so lines with no candidate are never looked at.
 */
function matchKeywordHits(detector, text, hits, out) {
    const n = text.length;
    let nextLf = -1;
    let nextCr = -1;
    let lineStart = 0;
    let lineEnd = -1;
    let line = 0;
    const candidates = [];
    const seen = detector.seenStamp;
    const rules = detector.rules;
    const patterns = detector.keywordPatterns;
    for (let h = 0; h < hits.length; h += 2) {
        const keyword = hits[h];
        const start = hits[h + 1];
        const pattern = patterns[keyword];
        // Rules of one keyword often share their check: it runs once per hit.
        let lastCheck;
        let lastPassed = true;
        for (const rule of detector.rulesOfKeyword[keyword]) {
            if (start <= lineEnd && seen[rule] === line)
                continue;
            const check = rules[rule].hitCheck;
            if (check !== undefined) {
                if (check !== lastCheck) {
                    lastCheck = check;
                    lastPassed = check(text, start, start + pattern.length, pattern);
                }
                if (!lastPassed)
                    continue;
            }
            if (start > lineEnd) {
                if (candidates.length > 0)
                    detector.matchLine(text, lineStart, lineEnd, candidates, out);
                candidates.length = 0;
                line = ++detector.stampCounter;
                // Hits come in text order, so the forward searches for breaks only ever move on.
                if (nextLf < start) {
                    nextLf = text.indexOf('\n', start);
                    if (nextLf < 0)
                        nextLf = n;
                }
                if (nextCr < start) {
                    nextCr = text.indexOf('\r', start);
                    if (nextCr < 0)
                        nextCr = n;
                }
                // Back to the break before the hit, never past the end of the previous line.
                let back = start;
                while (back > lineEnd + 1) {
                    const c = text.charCodeAt(back - 1);
                    if (c === 10 || c === 13)
                        break;
                    back--;
                }
                lineStart = back;
                lineEnd = nextLf < nextCr ? nextLf : nextCr;
            }
            if (seen[rule] === line)
                continue;
            seen[rule] = line;
            candidates.push(rule);
        }
    }
    if (candidates.length > 0)
        detector.matchLine(text, lineStart, lineEnd, candidates, out);
}

;// CONCATENATED MODULE: ./packages/scrub/src/known-values.ts

/** Nothing shorter than this is registered on its own: it would redact ordinary words. */
const MIN_SECRET_LENGTH = 8;
/**
 * Base64 of `bytes` as it appears inside a longer encoded stream that starts `alignment` bytes
 * earlier: only the characters that depend on `bytes` alone. That covers the value with or without
 * padding, with its last character trimmed, and followed by a newline or anything else.
 */
function base64Core(bytes, alignment, alphabet = 'base64') {
    const padded = Buffer.concat([Buffer.alloc(alignment), bytes]);
    const encoded = padded.toString(alphabet).replace(/=+$/, '');
    const first = Math.ceil((8 * alignment) / 6);
    const last = Math.floor((8 * (alignment + bytes.length)) / 6);
    return encoded.slice(first, last);
}
function jsonEscape(value) {
    return JSON.stringify(value).slice(1, -1);
}
function jsEscapeAscii(value) {
    return jsonEscape(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
function utf8AsLatin1(value) {
    return Buffer.from(value, 'utf8').toString('latin1');
}
/** Every listed encoding of one value, de-duplicated. */
function encodedForms(value) {
    const bytes = Buffer.from(value, 'utf8');
    const forms = [];
    const seen = new Set();
    const add = (encoding, text, latin1 = false) => {
        const asBytes = latin1 ? text : utf8AsLatin1(text);
        if (asBytes.length < MIN_SECRET_LENGTH || seen.has(asBytes))
            return;
        seen.add(asBytes);
        forms.push({ encoding, text: asBytes });
    };
    add('raw', value);
    for (const alignment of [0, 1, 2]) {
        for (const alphabet of ['base64', 'base64url']) {
            const core = base64Core(bytes, alignment, alphabet);
            add(alphabet, core, true);
            // A value whose length fills whole groups ends on a full character; trimmed, that one goes.
            add(alphabet, core.slice(0, -1), true);
        }
    }
    add('hex', bytes.toString('hex'), true);
    add('hex-upper', bytes.toString('hex').toUpperCase(), true);
    const url = encodeURIComponent(value);
    add('url', url);
    add('url', url.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()));
    add('url', url.replace(/%20/g, '+'));
    add('url', encodeURIComponent(value).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`));
    add('json', jsonEscape(value));
    add('json', jsonEscape(value).replace(/\//g, '\\/'));
    add('json', jsEscapeAscii(value));
    add('js-single', value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t'));
    add('shell-single', value.replace(/'/g, `'\\''`));
    add('shell-single', value.replace(/'/g, `'"'"'`));
    add('shell-double', value.replace(/[\\"$`]/g, '\\$&'));
    add('shell-escaped', value.replace(/[^A-Za-z0-9_.,:/@%+=-]/g, (c) => (c === '\n' ? "$'\\n'" : `\\${c}`)));
    return forms;
}
/**
 * The values to register for one secret: the whole value and, for a multi-line value, each line
 * of at least MIN_SECRET_LENGTH characters. Shorter values register nothing.
 */
function registrableValues(secret) {
    const values = new Set();
    const whole = secret.replace(/\r\n/g, '\n').replace(/^\n+|\n+$/g, '');
    if (whole.trim().length >= MIN_SECRET_LENGTH)
        values.add(whole);
    if (whole.includes('\n')) {
        for (const line of whole.split('\n')) {
            const trimmed = line.trim();
            if (trimmed.length >= MIN_SECRET_LENGTH)
                values.add(trimmed);
        }
    }
    return [...values];
}
/**
 * The `secrets` input: a JSON object (such as `${{ toJSON(secrets) }}`) read as its string
 * values — the way to pass multi-line secrets — or otherwise one secret per line.
 */
function parseSecretsInput(text, input = 'secrets') {
    const trimmed = text.trim();
    if (trimmed === '')
        return [];
    if (trimmed.startsWith('{')) {
        let parsed;
        try {
            parsed = JSON.parse(trimmed);
        }
        catch (error) {
            throw new src/* UsageError */.eb(`Input '${input}' starts with '{' but is not valid JSON (${error.message}).`);
        }
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
            throw new src/* UsageError */.eb(`Input '${input}' must be a JSON object of name to secret, or one secret per line.`);
        }
        return Object.values(parsed)
            .filter((value) => typeof value === 'string' || typeof value === 'number')
            .map(String);
    }
    return text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line.length > 0);
}
const SECRET_NAME_PARTS = /(?:TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|PWD|KEY|CREDENTIALS?|AUTH|APIKEY|PRIVATE|COOKIE|SESSION|SIGNATURE|CERT_?PASS)/;
const NOT_SECRET_SUFFIX = /(?:_(?:PATH|FILE|DIR|DIRECTORY|URL_PATH|NAME|USER|USERNAME|TYPE|MODE|ENABLED|LENGTH|SIZE|ALGORITHM|ALG|FORMAT|VERSION|ID|IDS|REGION|HOST|PORT|EXPIRY|EXPIRES|EXPIRATION|TTL|SCOPE|SCOPES|HEADER|FINGERPRINT|KIND|COUNT|URL|URI|ENDPOINT|SERVER))$/;
const NOT_SECRET_NAMES = new Set([
    'KEYBOARD',
    'PWD',
    'OLDPWD',
    'SSH_AUTH_SOCK',
    'XAUTHORITY',
    'GPG_AGENT_INFO',
    'KEYCHAIN',
    'GITHUB_TOKEN_PERMISSIONS',
    'ACTIONS_ID_TOKEN_REQUEST_URL',
    'ACTIONS_RUNTIME_URL',
    'ACTIONS_CACHE_URL',
    'ACTIONS_RESULTS_URL',
    'RUNNER_TRACKING_ID',
]);
/** Heuristic: does this environment variable name look like it holds a secret? */
function looksLikeSecretName(name) {
    const upper = name.toUpperCase();
    if (NOT_SECRET_NAMES.has(upper) || upper.startsWith('INPUT_'))
        return false;
    if (NOT_SECRET_SUFFIX.test(upper))
        return false;
    if (!SECRET_NAME_PARTS.test(upper))
        return false;
    // KEY must be a word of its own or end a word (API_KEY, APIKEY, SSHKEY), not MONKEY-like noise mid-word.
    if (!/(?:TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|CREDENTIAL|AUTH|APIKEY|PRIVATE|COOKIE|SESSION|SIGNATURE)/.test(upper)) {
        return (/(?:^|_)[A-Z]*KEY(?:$|_)|(?:^|_)PWD$/.test(upper) &&
            !/(?:MONKEY|TURNKEY|HOTKEY|KEYBOARD|KEYWORD|KEYRING|KEYMAP)/.test(upper));
    }
    return true;
}
/** Values that are obviously not secrets, whatever the variable is called. */
function looksLikeNonSecretValue(value) {
    const v = value.trim();
    if (v.length < MIN_SECRET_LENGTH)
        return true;
    if (/^(?:true|false|yes|no|on|off|null|none|undefined|\*\*\*)$/i.test(v))
        return true;
    if (/^\d+(?:\.\d+)*$/.test(v))
        return true;
    if (/^(?:~|\.{1,2})?\/[^\s:@]*$/.test(v) || /^[A-Za-z]:\\/.test(v))
        return true;
    if (/^https?:\/\/[^\s@]*$/.test(v) && !/[?&](?:token|key|sig|signature|secret|password|code)=/i.test(v))
        return true;
    if (new Set(v).size <= 3)
        return true;
    return false;
}
function globToRegExp(glob) {
    const source = glob
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.');
    return new RegExp(`^${source}$`, 'i');
}
/** Values of environment variables whose names look secret (or match the patterns given). */
function secretsFromEnv(env, options = {}) {
    const patterns = options.patterns?.length ? options.patterns : ['auto'];
    if (patterns.some((p) => p.trim().toLowerCase() === 'none' || p.trim().toLowerCase() === 'false'))
        return [];
    const auto = patterns.some((p) => p.trim().toLowerCase() === 'auto' || p.trim().toLowerCase() === 'true');
    const include = patterns
        .filter((p) => !p.startsWith('!') && !/^(?:auto|true)$/i.test(p.trim()))
        .map((p) => globToRegExp(p.trim()));
    const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => globToRegExp(p.slice(1).trim()));
    const found = [];
    for (const [name, value] of Object.entries(env)) {
        if (value === undefined || exclude.some((re) => re.test(name)))
            continue;
        const named = include.some((re) => re.test(name));
        if (!named && !(auto && looksLikeSecretName(name)))
            continue;
        if (!named && looksLikeNonSecretValue(value))
            continue;
        if (value.trim().length < MIN_SECRET_LENGTH)
            continue;
        found.push({ name, value });
    }
    return found.sort((a, b) => a.name.localeCompare(b.name));
}
/** Whether the lines registered on their own (8+ characters) hold nearly all of a value. */
function coveredByLines(value) {
    const lines = value.split('\n').map((line) => line.trim());
    const total = lines.reduce((sum, line) => sum + line.length, 0);
    const covered = lines.filter((line) => line.length >= MIN_SECRET_LENGTH).reduce((sum, line) => sum + line.length, 0);
    return covered >= total * 0.95;
}
/** Above this length a multi-line value is matched through its lines only (when they cover it). */
const LONG_MULTI_LINE = 512;
/** Collects the secrets to register from explicit values and environment values. */
function collectKnownValues(secrets) {
    const masks = new Set();
    const values = new Set();
    let skippedShort = 0;
    for (const secret of secrets) {
        const registrable = registrableValues(secret);
        if (registrable.length === 0 && secret.trim() !== '')
            skippedShort++;
        for (const value of registrable) {
            masks.add(value);
            // A long multi-line value (a private key) is matched through its lines, each in every
            // encoding; its whole-value forms would only grow the automaton by kilobytes per form.
            if (!(value.includes('\n') && value.length > LONG_MULTI_LINE && coveredByLines(value)))
                values.add(value);
        }
    }
    // Longest first, then in code-unit order (localeCompare would cost milliseconds per thousand values).
    const byLength = (a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0);
    return { values: [...values].sort(byLength), masks: [...masks].sort(byLength), skippedShort };
}

;// CONCATENATED MODULE: ./packages/scrub/src/encoded-runs.ts
/** Runs of base64 or hex characters in text: which are worth decoding, and cheap looks at what they decode to. */
// Character classes for runs of encoded text: bit 1 lower, 2 upper, 4 digit, 8 not a hex digit.
const RUN_FLAGS = (() => {
    const flags = new Uint8Array(256);
    for (let c = 0; c < 256; c++) {
        const ch = String.fromCharCode(c);
        if (/[a-z]/.test(ch))
            flags[c] = 1 | (/[a-f]/.test(ch) ? 0 : 8);
        else if (/[A-Z]/.test(ch))
            flags[c] = 2 | (/[A-F]/.test(ch) ? 0 : 8);
        else if (/[0-9]/.test(ch))
            flags[c] = 4;
        else if (/[+/_-]/.test(ch))
            flags[c] = 8 | 16;
    }
    return flags;
})();
/**
 * Hex-only runs, or runs mixing at least two of lower case, upper case and digits: base64 of 16+
 * characters virtually always does, while paths and words (one case, no digits) are left alone.
 */
function worthDecoding(flags) {
    const kinds = flags & 7;
    return (flags & 8) === 0 || (kinds & (kinds - 1)) !== 0;
}
const BASE64_VALUE = (() => {
    const table = new Int8Array(256).fill(-1);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    for (let i = 0; i < 64; i++)
        table[alphabet.charCodeAt(i)] = i;
    table[45] = 62; // -
    table[95] = 63; // _
    return table;
})();
const HEX_VALUE = (() => {
    const table = new Uint8Array(256);
    for (let i = 0; i < 16; i++) {
        table['0123456789abcdef'.charCodeAt(i)] = i;
        table['0123456789ABCDEF'.charCodeAt(i)] = i;
    }
    return table;
})();
function isTextByte(byte) {
    return (byte >= 0x20 && byte < 0x7f) || byte === 9 || byte === 10 || byte === 13;
}
/** Whether the first bytes the hex in run[from, end) decodes to are mostly printable text. */
function hexLooksLikeText(run, from, end) {
    const total = Math.min(32, (end - from) >> 1);
    let other = 0;
    for (let i = from, pair = 0; pair < total; i += 2, pair++) {
        // Random bytes are printable a third of the time: most runs fail within a few bytes.
        if (!isTextByte((HEX_VALUE[run.charCodeAt(i)] << 4) | HEX_VALUE[run.charCodeAt(i + 1)]) &&
            ++other > 1 + (pair >> 2)) {
            return false;
        }
    }
    return total >= 8 && other <= total >> 2;
}
/** Whether the first bytes the base64 in run[from, end) decodes to are mostly printable text. */
function base64LooksLikeText(run, from, end) {
    const total = Math.min(24, ((end - from) * 6) >> 3);
    let bytes = 0;
    let other = 0;
    let bits = 0;
    let buffer = 0;
    for (let i = from; i < end && bytes < total; i++) {
        const value = BASE64_VALUE[run.charCodeAt(i)];
        if (value < 0)
            return false;
        buffer = (buffer << 6) | value;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            if (!isTextByte((buffer >> bits) & 0xff) && ++other > 1 + (bytes >> 2))
                return false;
            bytes++;
        }
    }
    return total >= 8 && other <= total >> 2;
}
function mostlyPrintable(text) {
    let printable = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if ((c >= 0x20 && c < 0x7f) || c === 9 || c === 10 || c === 13)
            printable++;
    }
    return printable >= text.length * 0.75;
}

;// CONCATENATED MODULE: ./packages/scrub/src/wasm-assembler.ts
/** Just enough of a WebAssembly assembler for the scan kernel: encodings, sections and an instruction emitter. */
function unsignedLeb(value) {
    const out = [];
    do {
        let byte = value & 0x7f;
        value >>>= 7;
        if (value !== 0)
            byte |= 0x80;
        out.push(byte);
    } while (value !== 0);
    return out;
}
function signedLeb(value) {
    const out = [];
    for (;;) {
        const byte = value & 0x7f;
        value >>= 7;
        const done = (value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0);
        out.push(done ? byte : byte | 0x80);
        if (done)
            return out;
    }
}
/** Signed LEB128 of a 64-bit integer (for i64 constants). */
function signedLeb64(value) {
    const out = [];
    for (;;) {
        const byte = Number(value & 0x7fn);
        value >>= 7n;
        const done = (value === 0n && (byte & 0x40) === 0) || (value === -1n && (byte & 0x40) !== 0);
        out.push(done ? byte : byte | 0x80);
        if (done)
            return out;
    }
}
function section(id, content) {
    return [id, ...unsignedLeb(content.length), ...content];
}
function wasm_assembler_name(text) {
    const bytes = [...Buffer.from(text)];
    return [...unsignedLeb(bytes.length), ...bytes];
}
/** i32 opcodes. */
const [ADD, SUB, MUL, AND, OR, XOR, SHL, SHR_U] = [0x6a, 0x6b, 0x6c, 0x71, 0x72, 0x73, 0x74, 0x76];
const [EQZ, EQ, NE, LT_S, LT_U, GT_S, GT_U, LE_U, GE_S, GE_U, CLZ, CTZ, POPCNT] = [
    0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x4b, 0x4d, 0x4e, 0x4f, 0x67, 0x68, 0x69,
];
/** i64 opcodes, and i32.wrap_i64. */
const [I64_EQZ, I64_CTZ, I64_SUB, I64_AND, I64_XOR, WRAP_I64] = [0x50, 0x7a, 0x7d, 0x83, 0x85, 0xa7];
/** SIMD (v128) opcodes, emitted after the 0xfd prefix by `simd`. */
const [I8X16_SWIZZLE, I8X16_EQ, V128_AND, I8X16_BITMASK, I16X8_SHR_U] = [0x0e, 0x23, 0x4e, 0x64, 0x8d];
const [I32_TYPE, I64_TYPE, V128_TYPE] = [0x7f, 0x7e, 0x7b];
/** Control opcodes, and the empty block type. */
const [BLOCK, LOOP, IF, ELSE, wasm_assembler_END, BR, BR_IF, RETURN, CALL, SELECT, VOID] = [
    0x02, 0x03, 0x04, 0x05, 0x0b, 0x0c, 0x0d, 0x0f, 0x10, 0x1b, 0x40,
];
/**
 * Emits one function's instructions; `body(localCount, { i64, v128 })` wraps them into a code entry
 * with `localCount` i32 locals followed by the i64 and v128 ones.
 */
function emitter() {
    const code = [];
    const op = (...bytes) => void code.push(...bytes);
    const get = (local) => op(0x20, local);
    const set = (local) => op(0x21, local);
    return {
        op,
        get,
        set,
        tee: (local) => op(0x22, local),
        constant: (value) => op(0x41, ...signedLeb(value)),
        load8: (offset) => op(0x2d, 0, ...unsignedLeb(offset)),
        load16: (offset) => op(0x2f, 0, ...unsignedLeb(offset)),
        load32: (offset, alignment = 2) => op(0x28, alignment, ...unsignedLeb(offset)),
        load64: (offset) => op(0x29, 0, ...unsignedLeb(offset)),
        constant64: (value) => op(0x42, ...signedLeb64(value)),
        /** memory.copy(destination, source, length), as memmove. */
        copy: () => op(0xfc, 0x0a, 0x00, 0x00),
        store32: (offset) => op(0x36, 2, ...unsignedLeb(offset)),
        simd: (simdOp) => op(0xfd, ...unsignedLeb(simdOp)),
        /** v128.load (no alignment assumed). */
        load128: (offset) => op(0xfd, 0x00, 0, ...unsignedLeb(offset)),
        /** v128.const with every byte lane set to `byte`. */
        splat8: (byte) => op(0xfd, 0x0c, ...new Array(16).fill(byte & 0xff)),
        increment: (local, by = 1) => {
            get(local);
            op(0x41, ...signedLeb(by));
            op(ADD);
            set(local);
        },
        /** The code entry: `localCount` i32 locals after the parameters, then any i64 and v128 locals. */
        body: (localCount, extra = {}) => {
            const groups = [
                [localCount, I32_TYPE],
                [extra.i64 ?? 0, I64_TYPE],
                [extra.v128 ?? 0, V128_TYPE],
            ].filter(([count]) => count > 0);
            const entry = [
                groups.length,
                ...groups.flatMap(([count, type]) => [...unsignedLeb(count), type]),
                ...code,
                wasm_assembler_END,
            ];
            return [...unsignedLeb(entry.length), ...entry];
        },
    };
}

;// CONCATENATED MODULE: ./packages/scrub/src/kernel-follow.ts

/**
 * Hit checks the kernel can run itself, before a hit ever reaches JavaScript: a state whose every
 * pattern is a keyword whose every rule has one of these checks is reported only when it passes.
 * Each mirrors a JavaScript check of the rules (rules/types.ts, rules/generic.ts) exactly; a
 * check says which one it is with `inKernel`.
 */
const FollowKind = { none: 0, urlCredentials: 1, assignment: 2 };
/** The kernel's code for a rule's hit check (none when the kernel cannot run it). */
function followKindOf(check) {
    if (check?.inKernel === 'url-credentials')
        return FollowKind.urlCredentials;
    if (check?.inKernel === 'assignment')
        return FollowKind.assignment;
    return FollowKind.none;
}
const NAME = 1;
const DOT = 2;
const QUOTE_OR_SPACE = 4;
const OPERATOR = 8;
const URL_STOP = 16;
/** Bits per byte for `follows`: name characters, quotes and spaces, operators, URL stops. */
function followClassTable() {
    const table = new Uint8Array(256);
    const mark = (bit, chars) => {
        for (const c of chars)
            table[c.charCodeAt(0)] |= bit;
    };
    for (let c = 0; c < 256; c++) {
        const alnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
        if (alnum)
            table[c] |= NAME;
        // `\s` of a JavaScript regex, in latin1.
        if (c === 32 || (c >= 9 && c <= 13) || c === 0xa0)
            table[c] |= QUOTE_OR_SPACE | URL_STOP;
    }
    mark(NAME, '_.-');
    mark(DOT, '.');
    mark(QUOTE_OR_SPACE, '\'"`]');
    mark(OPERATOR, ':?.|=,!');
    mark(URL_STOP, '@/\'"');
    return table;
}
/**
 * follows(at, stop, kind) → 1 when the bytes from `at` (up to `stop`) pass the check `kind`:
 * urlCredentials is URL_CREDENTIALS_FOLLOW ([^\s:@/'"]+:[^\s@/'"]{3,}@), assignment is
 * ASSIGNMENT_FOLLOWS ([\w.-]*['"`\]\s]*[:?.|=,!]).
 */
function followFunctionBody(classTable) {
    const [AT, STOP, KIND] = [0, 1, 2];
    const [C, Q] = [3, 4];
    const { op, get, set, tee, constant, load8, increment, body } = emitter();
    const classOf = (local) => {
        get(local);
        load8(0);
        load8(classTable);
    };
    const returnIf = (value) => {
        op(IF, VOID);
        constant(value);
        op(RETURN);
        op(wasm_assembler_END);
    };
    // Advances `local` until STOP, or until `stop` (emitted with the byte at `local` in reach) says so.
    const advance = (local, stop) => {
        op(BLOCK, VOID);
        op(LOOP, VOID);
        get(local);
        get(STOP);
        op(GE_U);
        op(BR_IF, 1);
        stop();
        op(BR_IF, 1);
        increment(local);
        op(BR, 0);
        op(wasm_assembler_END);
        op(wasm_assembler_END);
    };
    // Advances `local` while its byte has one of `bits`.
    const skip = (local, bits) => advance(local, () => {
        classOf(local);
        constant(bits);
        op(AND);
        op(EQZ);
    });
    // Advances `local` while its byte is not `byte` and has none of `bits`.
    const skipUntil = (local, bits, byte) => advance(local, () => {
        get(local);
        load8(0);
        constant(byte);
        op(EQ);
        classOf(local);
        constant(bits);
        op(AND);
        op(OR);
    });
    // The byte at `local` is `byte`, and `local` is before STOP.
    const byteIs = (local, byte) => {
        get(local);
        get(STOP);
        op(LT_U);
        get(local);
        load8(0);
        constant(byte);
        op(EQ);
        op(AND);
    };
    get(KIND);
    constant(FollowKind.urlCredentials);
    op(EQ);
    op(IF, VOID);
    // The user: up to a colon, at least one byte.
    get(AT);
    set(Q);
    skipUntil(Q, URL_STOP, 58);
    get(Q);
    get(AT);
    op(EQ);
    returnIf(0);
    byteIs(Q, 58);
    op(EQZ);
    returnIf(0);
    // The password: three bytes or more, then an at sign.
    increment(Q);
    get(Q);
    set(AT);
    skipUntil(Q, URL_STOP, 64);
    get(Q);
    get(AT);
    op(SUB);
    constant(3);
    op(GE_U);
    byteIs(Q, 64);
    op(AND);
    op(RETURN);
    op(wasm_assembler_END);
    // An assignment: name characters (a dot among them is an operator already), quotes and spaces,
    // then an operator.
    op(BLOCK, VOID);
    op(LOOP, VOID);
    get(AT);
    get(STOP);
    op(GE_U);
    op(BR_IF, 1);
    classOf(AT);
    tee(C);
    constant(NAME);
    op(AND);
    op(EQZ);
    op(BR_IF, 1);
    get(C);
    constant(DOT);
    op(AND);
    returnIf(1);
    increment(AT);
    op(BR, 0);
    op(wasm_assembler_END);
    op(wasm_assembler_END);
    skip(AT, QUOTE_OR_SPACE);
    get(AT);
    get(STOP);
    op(LT_U);
    op(IF, VOID);
    classOf(AT);
    constant(OPERATOR);
    op(AND);
    constant(0);
    op(NE);
    op(RETURN);
    op(wasm_assembler_END);
    constant(0);
    return body(2);
}

;// CONCATENATED MODULE: ./packages/scrub/src/kernel-strip.ts

const ESC = 0x1b;
/**
 * strip(in, len, segments) → visible length: removes terminal escape sequences from the bytes at
 * `in`, in place, exactly as `stripAnsi` (ansi.ts) does for a string, and writes the (visible
 * offset, original offset) pair that starts each visible run after an escape to `segments`; their
 * count goes to `countAddress`. Escapes are found eight bytes at a time (a byte equal to ESC becomes
 * a zero byte under XOR, and the lowest zero byte of a word is found exactly with the borrow trick);
 * the visible runs between them move down with memory.copy.
 */
function stripFunctionBody(countAddress) {
    const [IN, LENGTH, SEGMENTS] = [0, 1, 2];
    const [R, W, E, STOP, COUNT, J, C, L] = [3, 4, 5, 6, 7, 8, 9, 10];
    const WORD = 11; // i64
    const { op, get, set, tee, constant, constant64, load8, load64, store32, increment, copy, body } = emitter();
    // Moves [R, upTo) down to W (when anything was removed before it) and advances W.
    const moveRun = (upTo) => {
        get(W);
        get(R);
        op(NE);
        op(IF, VOID);
        get(W);
        get(R);
        upTo();
        get(R);
        op(SUB);
        copy();
        op(wasm_assembler_END);
        get(W);
        upTo();
        get(R);
        op(SUB);
        op(ADD);
        set(W);
    };
    // segments[COUNT] = (W - IN, R - IN); COUNT++
    const recordSegment = () => {
        get(SEGMENTS);
        get(COUNT);
        constant(3);
        op(SHL);
        op(ADD);
        tee(J);
        get(W);
        get(IN);
        op(SUB);
        store32(0);
        get(J);
        get(R);
        get(IN);
        op(SUB);
        store32(4);
        increment(COUNT);
    };
    // Opens block + loop over J from E + 2, leaving both when J reaches STOP.
    const scanFromE2 = () => {
        get(E);
        constant(2);
        op(ADD);
        set(J);
        op(BLOCK, VOID);
        op(LOOP, VOID);
        get(J);
        get(STOP);
        op(GE_U);
        op(BR_IF, 1);
    };
    get(IN);
    get(LENGTH);
    op(ADD);
    set(STOP);
    get(IN);
    set(R);
    get(IN);
    set(W);
    op(BLOCK, VOID); // $done
    op(LOOP, VOID); // $next: find the next ESC from R
    get(R);
    set(E);
    op(BLOCK, VOID); // $found
    op(BLOCK, VOID); // $bytes
    op(LOOP, VOID); // eight bytes at a time
    get(E);
    constant(8);
    op(ADD);
    get(STOP);
    op(GT_U);
    op(BR_IF, 1); // → $bytes
    get(E);
    load64(0);
    constant64(0x1b1b1b1b1b1b1b1bn);
    op(I64_XOR);
    set(WORD);
    get(WORD);
    constant64(0x0101010101010101n);
    op(I64_SUB);
    get(WORD);
    constant64(-1n);
    op(I64_XOR);
    op(I64_AND);
    constant64(-0x7f7f7f7f7f7f7f80n); // 0x8080808080808080
    op(I64_AND);
    set(WORD);
    get(WORD);
    op(I64_EQZ);
    op(IF, VOID);
    increment(E, 8);
    op(BR, 1); // → eight bytes
    op(wasm_assembler_END);
    get(E);
    get(WORD);
    op(I64_CTZ);
    op(WRAP_I64);
    constant(3);
    op(SHR_U);
    op(ADD);
    set(E);
    op(BR, 2); // → $found
    op(wasm_assembler_END);
    op(wasm_assembler_END);
    op(LOOP, VOID); // the last bytes one at a time
    get(E);
    get(STOP);
    op(GE_U);
    op(IF, VOID);
    // No escape left: the rest is visible.
    moveRun(() => get(STOP));
    op(BR, 4); // → $done
    op(wasm_assembler_END);
    get(E);
    load8(0);
    constant(ESC);
    op(EQ);
    op(BR_IF, 1); // → $found
    increment(E);
    op(BR, 0);
    op(wasm_assembler_END);
    op(wasm_assembler_END); // $found: the escape starts at E
    moveRun(() => get(E));
    // L = length of the escape at E, or -1 when it is incomplete (see escapeLength in ansi.ts).
    constant(2);
    set(L);
    get(E);
    constant(1);
    op(ADD);
    get(STOP);
    op(GE_U);
    op(IF, VOID);
    constant(-1);
    set(L);
    op(ELSE);
    get(E);
    load8(1);
    tee(C);
    constant(0x5b);
    op(EQ);
    op(IF, VOID);
    // CSI: parameters and intermediates 0x20–0x3F, then a final byte 0x40–0x7E.
    scanFromE2();
    get(J);
    load8(0);
    constant(0x20);
    op(SUB);
    constant(0x1f);
    op(GT_U);
    op(BR_IF, 1);
    increment(J);
    op(BR, 0);
    op(wasm_assembler_END);
    op(wasm_assembler_END);
    get(J);
    get(STOP);
    op(GE_U);
    op(IF, VOID);
    constant(-1);
    set(L);
    op(ELSE);
    get(J);
    get(E);
    op(SUB);
    get(J);
    load8(0);
    constant(0x40);
    op(SUB);
    constant(0x3e);
    op(LE_U);
    op(ADD);
    set(L);
    op(wasm_assembler_END);
    op(ELSE);
    get(C);
    constant(0x5d);
    op(EQ);
    op(IF, VOID);
    // OSC: ends with BEL or ESC \, or stops before a line feed; looked for within 4096 bytes.
    constant(-2);
    set(L);
    scanFromE2();
    get(J);
    get(E);
    op(SUB);
    constant(4096);
    op(GE_U);
    op(BR_IF, 1);
    get(J);
    load8(0);
    tee(C);
    constant(7);
    op(EQ);
    op(IF, VOID);
    get(J);
    constant(1);
    op(ADD);
    get(E);
    op(SUB);
    set(L);
    op(BR, 2);
    op(wasm_assembler_END);
    get(C);
    constant(0x0a);
    op(EQ);
    op(IF, VOID);
    get(J);
    get(E);
    op(SUB);
    set(L);
    op(BR, 2);
    op(wasm_assembler_END);
    get(C);
    constant(ESC);
    op(EQ);
    get(J);
    constant(1);
    op(ADD);
    get(STOP);
    op(LT_U);
    op(AND);
    op(IF, VOID);
    get(J);
    load8(1);
    constant(0x5c);
    op(EQ);
    op(IF, VOID);
    get(J);
    constant(2);
    op(ADD);
    get(E);
    op(SUB);
    set(L);
    op(BR, 3);
    op(wasm_assembler_END);
    op(wasm_assembler_END);
    increment(J);
    op(BR, 0);
    op(wasm_assembler_END);
    op(wasm_assembler_END);
    get(L);
    constant(-2);
    op(EQ);
    op(IF, VOID);
    get(STOP);
    get(E);
    op(SUB);
    constant(4096);
    op(GE_U);
    op(IF, VOID);
    constant(2);
    set(L);
    op(ELSE);
    constant(-1);
    set(L);
    op(wasm_assembler_END);
    op(wasm_assembler_END);
    op(wasm_assembler_END); // OSC
    op(wasm_assembler_END); // CSI else
    op(wasm_assembler_END); // incomplete else
    // An incomplete escape hides the rest; otherwise the next visible run starts after it.
    get(L);
    constant(0);
    op(LT_S);
    op(IF, VOID);
    get(STOP);
    set(R);
    recordSegment();
    op(BR, 2); // → $done
    op(wasm_assembler_END);
    get(E);
    get(L);
    op(ADD);
    set(R);
    recordSegment();
    op(BR, 0); // → $next
    op(wasm_assembler_END);
    op(wasm_assembler_END); // $done
    constant(countAddress);
    get(COUNT);
    store32(0);
    get(W);
    get(IN);
    op(SUB);
    return body(8, { i64: 1 });
}

;// CONCATENATED MODULE: ./packages/scrub/src/kernel-text-check.ts


/** The three tables: hex digit values, base64 values (255 when not base64), and 1 for a text byte. */
function textCheckTables() {
    const text = new Uint8Array(256);
    for (let byte = 0; byte < 256; byte++)
        text[byte] = (byte >= 0x20 && byte < 0x7f) || byte === 9 || byte === 10 || byte === 13 ? 1 : 0;
    return { hex: Uint8Array.from(HEX_VALUE), base64: Uint8Array.from(BASE64_VALUE, (v) => (v < 0 ? 255 : v)), text };
}
/**
 * looksLikeText(start, end, hex) → 1 when, at one of the alignments the scanner tries (two for hex,
 * four for base64), the run reads as text by the exact rules of hexLooksLikeText and
 * base64LooksLikeText; else 0. Runs that fail are not worth handing to JavaScript.
 */
function textCheckBody(tables) {
    const [START, STOP, HEX] = [0, 1, 2];
    const [OFFSET, FROM, TOTAL, OTHER, COUNT, BITS, BUFFER, BYTE, I, VALUE] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const { op, get, set, tee, constant, load8, increment, body } = emitter();
    // BYTE is not text: if (++other > 1 + (count >> 2)) give up on this alignment.
    const countOther = (failDepth) => {
        get(BYTE);
        load8(tables.text);
        op(EQZ);
        op(IF, VOID);
        increment(OTHER);
        get(OTHER);
        constant(1);
        get(COUNT);
        constant(2);
        op(SHR_U);
        op(ADD);
        op(GT_S);
        op(BR_IF, failDepth + 1);
        op(wasm_assembler_END);
    };
    // TOTAL = min(limit, TOTAL)
    const atMost = (limit) => {
        constant(limit);
        get(TOTAL);
        get(TOTAL);
        constant(limit);
        op(GT_S);
        op(SELECT);
        set(TOTAL);
    };
    op(LOOP, VOID); // $alignment
    get(START);
    get(OFFSET);
    op(ADD);
    set(FROM);
    constant(0);
    set(OTHER);
    constant(0);
    set(COUNT);
    op(BLOCK, VOID); // $fail
    get(HEX);
    op(IF, VOID);
    get(STOP);
    get(FROM);
    op(SUB);
    constant(1);
    op(SHR_U);
    set(TOTAL);
    atMost(32);
    op(BLOCK, VOID);
    op(LOOP, VOID);
    get(COUNT);
    get(TOTAL);
    op(GE_S);
    op(BR_IF, 1);
    get(FROM);
    get(COUNT);
    constant(1);
    op(SHL);
    op(ADD);
    tee(I);
    load8(0);
    load8(tables.hex);
    constant(4);
    op(SHL);
    get(I);
    load8(1);
    load8(tables.hex);
    op(OR);
    set(BYTE);
    countOther(3); // if, loop, block, if → $fail
    increment(COUNT);
    op(BR, 0);
    op(wasm_assembler_END);
    op(wasm_assembler_END);
    op(ELSE);
    get(STOP);
    get(FROM);
    op(SUB);
    constant(6);
    op(MUL);
    constant(3);
    op(SHR_U);
    set(TOTAL);
    atMost(24);
    constant(0);
    set(BITS);
    constant(0);
    set(BUFFER);
    get(FROM);
    set(I);
    op(BLOCK, VOID);
    op(LOOP, VOID);
    get(I);
    get(STOP);
    op(GE_U);
    get(COUNT);
    get(TOTAL);
    op(GE_S);
    op(OR);
    op(BR_IF, 1);
    get(I);
    load8(0);
    load8(tables.base64);
    tee(VALUE);
    constant(255);
    op(EQ);
    op(BR_IF, 3); // not base64 → $fail
    get(BUFFER);
    constant(6);
    op(SHL);
    get(VALUE);
    op(OR);
    set(BUFFER);
    increment(BITS, 6);
    get(BITS);
    constant(8);
    op(GE_S);
    op(IF, VOID);
    increment(BITS, -8);
    get(BUFFER);
    get(BITS);
    op(SHR_U);
    constant(0xff);
    op(AND);
    set(BYTE);
    countOther(4); // if, if, loop, block, if → $fail
    increment(COUNT);
    op(wasm_assembler_END);
    increment(I);
    op(BR, 0);
    op(wasm_assembler_END);
    op(wasm_assembler_END);
    op(wasm_assembler_END);
    // total >= 8 && other <= total >> 2
    get(TOTAL);
    constant(8);
    op(GE_S);
    get(OTHER);
    get(TOTAL);
    constant(2);
    op(SHR_U);
    op(GT_S);
    op(EQZ);
    op(AND);
    op(IF, VOID);
    constant(1);
    op(RETURN);
    op(wasm_assembler_END);
    op(wasm_assembler_END); // $fail
    increment(OFFSET);
    get(OFFSET);
    constant(2);
    constant(4);
    get(HEX);
    op(SELECT);
    op(LT_U);
    op(BR_IF, 0); // → $alignment
    op(wasm_assembler_END);
    constant(0);
    return body(10);
}

;// CONCATENATED MODULE: ./packages/scrub/src/scan-kernel.ts




/**
 * The per-byte loop of the scanner as a small WebAssembly function, assembled here from its
 * instructions (no toolchain, no binary blob): it walks the automaton over the input bytes and
 * records every state that ends a pattern, and every run of base64/hex characters worth decoding.
 * JavaScript then handles those few positions. The plain JavaScript loop in scanner.ts does the
 * same work and is used when WebAssembly is unavailable or the input is very large.
 */
// Memory layout (bytes): the byte-class table (i32 byte offsets into a row), the run-flag table,
// the run count, the nibble tables of the run bytes, the tables of the text check
// (kernel-text-check.ts), the start filter (a byte per hash of three bytes), then the rows: each
// holds the state's depth, its index, and per byte class the i32 byte offset of the next row
// (bitwise-not when the next state ends a pattern).
const CLASS_TABLE = 0;
const RUN_FLAG_TABLE = 1024;
const RUN_COUNT = 1280;
const SEGMENT_COUNT = 1284;
/** The run bytes as two 16-byte tables indexed by a byte's low and high nibble (runByteNibbles). */
const RUN_NIBBLES = 1296;
const TEXT_TABLES = { hex: 1536, base64: 1792, text: 2048 };
/** The byte classes of the kernel's own hit checks (kernel-follow.ts). */
const FOLLOW_CLASS = 3840;
const START_FILTER = 4096;
const FILTER_SIZE = 1 << 16;
/** A byte per pair of bytes (case folded, no hash) that begins a pattern: the skipping loop's first test. */
const PAIR_FILTER = START_FILTER + FILTER_SIZE;
const ROWS = PAIR_FILTER + FILTER_SIZE;
/** Bytes of a run whose flags are ORed per round. */
const FLAG_UNROLL = 8;
/** Positions the skipping loop tests per round. */
const UNROLL = 4;
/** Each row starts with the state's depth, its index and the hit check its patterns need. */
const ROW_HEADER = 3;
const PAGE = 65536;
const HASH_MULTIPLIER = 0x9e3779b1;
/** Inputs above this size use the JavaScript loop (the kernel's buffers grow with the input). */
const KERNEL_MAX_INPUT = 1024 * 1024;
const MIN_RUN = 16;
/**
 * scan(in, len, out, runs, decode) → hit count; the run count is stored at RUN_COUNT.
 *
 * Two loops. The first skips, looking up a hash of three bytes in a table, every position where
 * no pattern can start; from a position where one may, it walks the automaton until the state's
 * live suffix (its depth) no longer reaches back to the last such position, then skips again. A
 * match starts at a candidate position and is a prefix of the live suffix while it grows, so none
 * is missed. The second loop finds runs of base64/hex characters 32 bytes at a time with SIMD: a
 * bitmask of the run bytes, from which the runs of MIN_RUN or more bytes are read off; windows
 * without one are skipped whole. A run is kept only when it reads as text at some alignment (the
 * second function), as decoding would require.
 */
function scanFunctionBody() {
    // Parameters 0..4, then locals.
    const [IN, END, OUT, RUNS, DECODE] = [0, 1, 2, 3, 4];
    const [I, ROW, LAST, RUN_START, FLAGS, HITS, RUN_TOTAL, AT, ADDR, E] = [5, 6, 7, 8, 9, 10, 11, 12, 13, 14];
    const [MASK, CARRY, STARTS, KIND] = [15, 16, 17, 18];
    // v128 locals: the nibble tables, the block being classified, 0x0f in every byte, and zero (never set).
    const [LOW_NIBBLES, HIGH_NIBBLES, BYTES, LOW_FOUR_BITS, ZERO] = [19, 20, 21, 22, 23];
    const { op, get, set, tee, constant, load8, load16, load32, store32, increment, simd, load128, splat8, body } = emitter();
    // Leaves nonzero when the two bytes at I + at begin some pattern: fewer instructions than
    // `candidate`, which the skipping loop runs only where this passes.
    const pairCandidate = (at) => {
        get(I);
        load16(at);
        constant(0x2020);
        op(OR);
        load8(PAIR_FILTER);
    };
    // Leaves the bitmask of the bytes at [base] + at .. + 15 that are not run bytes: a byte is one
    // when LOW_NIBBLES[byte & 15] & HIGH_NIBBLES[byte >> 4] is nonzero (see runByteNibbles).
    const notRunBytes = (base, at) => {
        get(LOW_NIBBLES);
        get(base);
        load128(at);
        tee(BYTES);
        get(LOW_FOUR_BITS);
        simd(V128_AND);
        simd(I8X16_SWIZZLE);
        get(HIGH_NIBBLES);
        get(BYTES);
        constant(4);
        simd(I16X8_SHR_U); // the high nibble of each byte moves to the low one; the mask drops the rest
        get(LOW_FOUR_BITS);
        simd(V128_AND);
        simd(I8X16_SWIZZLE);
        simd(V128_AND);
        get(ZERO);
        simd(I8X16_EQ);
        simd(I8X16_BITMASK);
    };
    // MASK = the run bytes among [base .. base + 32), bit k for byte base + k; none from END on
    // (base <= END; the memory after the input is read but not used).
    const runMask = (base) => {
        notRunBytes(base, 0);
        notRunBytes(base, 16);
        constant(16);
        op(SHL);
        op(OR);
        constant(-1);
        op(XOR);
        set(MASK);
        get(END);
        get(base);
        op(SUB);
        tee(AT);
        constant(32);
        op(LT_U);
        op(IF, VOID);
        get(MASK);
        constant(1);
        get(AT);
        op(SHL);
        constant(1);
        op(SUB);
        op(AND);
        set(MASK);
        op(wasm_assembler_END);
    };
    // Leaves nonzero when a pattern may start at I + at (see startHash), else 0.
    const candidate = (at = 0) => {
        get(I);
        load32(at, 0);
        constant(0x20202020);
        op(OR);
        constant(8);
        op(SHL);
        constant(HASH_MULTIPLIER | 0);
        op(MUL);
        constant(16);
        op(SHR_U);
        load8(START_FILTER);
    };
    const recordRun = (end) => {
        // if (end - runStart >= MIN_RUN && ((flags & 8) == 0 || popcount(flags & 7) >= 2)) runs[n++] = {start, end, flags}
        get(end);
        get(RUN_START);
        op(SUB);
        constant(MIN_RUN);
        op(GE_S);
        get(FLAGS);
        constant(8);
        op(AND);
        op(EQZ);
        get(FLAGS);
        constant(7);
        op(AND);
        op(POPCNT);
        constant(2);
        op(GE_U);
        op(OR);
        op(AND);
        op(IF, VOID);
        // ... and it reads as text at some alignment (what decoding it would first check).
        get(RUN_START);
        get(end);
        get(FLAGS);
        constant(8);
        op(AND);
        op(EQZ);
        op(CALL, 1);
        op(IF, VOID);
        get(RUNS);
        get(RUN_TOTAL);
        constant(12);
        op(MUL);
        op(ADD);
        tee(ADDR);
        get(RUN_START);
        get(IN);
        op(SUB);
        store32(0);
        get(ADDR);
        get(end);
        get(IN);
        op(SUB);
        store32(4);
        get(ADDR);
        get(FLAGS);
        store32(8);
        increment(RUN_TOTAL);
        op(wasm_assembler_END);
        op(wasm_assembler_END);
    };
    // END becomes the address of the input's end; I walks the input as an address.
    get(IN);
    get(END);
    op(ADD);
    set(END);
    get(IN);
    set(I);
    op(BLOCK, VOID); // $done
    op(LOOP, VOID); // $skip: no pattern is under way
    op(BLOCK, VOID); // $found
    op(BLOCK, VOID); // $tail
    // UNROLL positions per round while they all lie in the input.
    op(LOOP, VOID); // $fast
    get(I);
    constant(UNROLL);
    op(ADD);
    get(END);
    op(GT_U);
    op(BR_IF, 1); // → $tail
    pairCandidate(0);
    op(IF, VOID);
    candidate(0);
    op(BR_IF, 3); // → $found
    op(wasm_assembler_END);
    for (let at = 1; at < UNROLL; at++) {
        pairCandidate(at);
        op(IF, VOID);
        candidate(at);
        op(IF, VOID);
        increment(I, at);
        op(BR, 4); // → $found
        op(wasm_assembler_END);
        op(wasm_assembler_END);
    }
    increment(I, UNROLL);
    op(BR, 0); // → $fast
    op(wasm_assembler_END);
    op(wasm_assembler_END);
    op(LOOP, VOID); // the last positions, one at a time
    get(I);
    get(END);
    op(GE_U);
    op(BR_IF, 3); // → $done
    candidate();
    op(BR_IF, 1); // → $found
    increment(I);
    op(BR, 0);
    op(wasm_assembler_END);
    op(wasm_assembler_END);
    // From the root at a candidate position.
    constant(0);
    set(ROW);
    get(I);
    set(LAST);
    op(LOOP, VOID); // $step
    get(I);
    get(END);
    op(GE_U);
    op(BR_IF, 2); // → $done
    candidate();
    op(IF, VOID);
    get(I);
    set(LAST);
    op(wasm_assembler_END);
    // row = rows[row + classOf[*i]] (byte offsets; negative when the state ends a pattern)
    get(I);
    load8(0);
    constant(2);
    op(SHL);
    load32(CLASS_TABLE);
    get(ROW);
    op(ADD);
    load32(ROWS);
    tee(ROW);
    constant(0);
    op(LT_S);
    op(IF, VOID);
    get(ROW);
    constant(-1);
    op(XOR);
    set(ROW);
    // A state that needs a check the kernel knows is reported only when the bytes after it pass.
    get(ROW);
    load32(ROWS + 8);
    tee(KIND);
    op(IF, 0x7f); // → i32
    get(I);
    constant(1);
    op(ADD);
    get(END);
    get(KIND);
    op(CALL, 3);
    op(ELSE);
    constant(1);
    op(wasm_assembler_END);
    op(IF, VOID);
    get(OUT);
    get(HITS);
    constant(3);
    op(SHL);
    op(ADD);
    tee(ADDR);
    get(I);
    get(IN);
    op(SUB);
    store32(0);
    get(ADDR);
    get(ROW);
    load32(ROWS + 4);
    store32(4);
    increment(HITS);
    op(wasm_assembler_END);
    op(wasm_assembler_END);
    increment(I);
    // Back to skipping when the live suffix (I - depth) starts after the last candidate.
    get(I);
    get(ROW);
    load32(ROWS);
    op(SUB);
    get(LAST);
    op(GT_S);
    op(BR_IF, 1); // → $skip
    op(BR, 0); // → $step
    op(wasm_assembler_END);
    op(wasm_assembler_END);
    op(wasm_assembler_END);
    // Runs of base64/hex, 32 bytes per round: SIMD marks the run bytes (nonzero RUN_FLAG_TABLE
    // entries) in a 32-bit mask. A run of MIN_RUN or more either goes on from the bytes that ended
    // the last window (CARRY of them) or lies in this one at MASK & MASK >> 1 & ... & MASK >> 15;
    // it starts at most 16 bytes in (a later start leaves it to the next window, through CARRY).
    // Windows without one are skipped; the run's end is found by the mask too, its flags by bytes.
    get(DECODE);
    op(IF, VOID);
    constant(RUN_NIBBLES);
    load128(0);
    set(LOW_NIBBLES);
    constant(RUN_NIBBLES);
    load128(16);
    set(HIGH_NIBBLES);
    splat8(0x0f);
    set(LOW_FOUR_BITS);
    get(IN);
    set(I);
    constant(0);
    set(CARRY);
    op(BLOCK, VOID); // $runsDone
    op(LOOP, VOID); // $window
    op(BLOCK, VOID); // $found: RUN_START is the first byte of a run of MIN_RUN or more
    get(I);
    get(END);
    op(GE_U);
    op(BR_IF, 2); // → $runsDone
    runMask(I);
    // A run that ended the last window (CARRY bytes) and goes on for MIN_RUN bytes in all.
    get(I);
    get(CARRY);
    op(SUB);
    set(RUN_START);
    get(CARRY);
    get(MASK);
    constant(-1);
    op(XOR);
    op(CTZ);
    op(ADD);
    constant(MIN_RUN);
    op(GE_U);
    op(BR_IF, 0); // → $found
    // A run of MIN_RUN inside the window: bit k of MASK & MASK >> 1 & ... & MASK >> 15 (four steps).
    get(MASK);
    set(STARTS);
    for (let span = 1; span < MIN_RUN; span <<= 1) {
        get(STARTS);
        get(STARTS);
        constant(span);
        op(SHR_U);
        op(AND);
        set(STARTS);
    }
    get(STARTS);
    op(IF, VOID);
    get(I);
    get(STARTS);
    op(CTZ);
    op(ADD);
    set(RUN_START);
    op(BR, 1); // → $found
    op(wasm_assembler_END);
    // The run bytes that end this window, for the next.
    get(MASK);
    constant(-1);
    op(XOR);
    op(CLZ);
    set(CARRY);
    increment(I, 32);
    op(BR, 1); // → $window
    op(wasm_assembler_END); // $found
    // Back to the first byte of the run (already there: the windows find runs at their first byte).
    op(BLOCK, VOID);
    op(LOOP, VOID);
    get(RUN_START);
    get(IN);
    op(LE_U);
    op(BR_IF, 1);
    get(RUN_START);
    constant(1);
    op(SUB);
    load8(0);
    load8(RUN_FLAG_TABLE);
    op(EQZ);
    op(BR_IF, 1);
    get(RUN_START);
    constant(1);
    op(SUB);
    set(RUN_START);
    op(BR, 0);
    op(wasm_assembler_END);
    op(wasm_assembler_END);
    // E = the end of the run: the first byte that is not a run byte, 32 bytes per round.
    get(RUN_START);
    set(E);
    op(LOOP, VOID);
    runMask(E);
    get(MASK);
    constant(-1);
    op(EQ);
    op(IF, VOID);
    increment(E, 32);
    op(BR, 1);
    op(wasm_assembler_END);
    op(wasm_assembler_END);
    get(E);
    get(MASK);
    constant(-1);
    op(XOR);
    op(CTZ);
    op(ADD);
    set(E);
    // FLAGS = the run flags of its bytes ORed, FLAG_UNROLL bytes per round, then one by one.
    constant(0);
    set(FLAGS);
    get(RUN_START);
    set(AT);
    op(BLOCK, VOID);
    op(LOOP, VOID);
    get(AT);
    constant(FLAG_UNROLL);
    op(ADD);
    get(E);
    op(GT_U);
    op(BR_IF, 1);
    get(FLAGS);
    for (let at = 0; at < FLAG_UNROLL; at++) {
        get(AT);
        load8(at);
        load8(RUN_FLAG_TABLE);
        op(OR);
    }
    set(FLAGS);
    increment(AT, FLAG_UNROLL);
    op(BR, 0);
    op(wasm_assembler_END);
    op(wasm_assembler_END);
    op(BLOCK, VOID);
    op(LOOP, VOID);
    get(AT);
    get(E);
    op(GE_U);
    op(BR_IF, 1);
    get(FLAGS);
    get(AT);
    load8(0);
    load8(RUN_FLAG_TABLE);
    op(OR);
    set(FLAGS);
    increment(AT);
    op(BR, 0);
    op(wasm_assembler_END);
    op(wasm_assembler_END);
    recordRun(E);
    // The byte at E is not a run byte: the next run starts after it.
    get(E);
    constant(1);
    op(ADD);
    set(I);
    constant(0);
    set(CARRY);
    op(BR, 0); // → $window
    op(wasm_assembler_END);
    op(wasm_assembler_END);
    op(wasm_assembler_END);
    constant(RUN_COUNT);
    get(RUN_TOTAL);
    store32(0);
    get(HITS);
    return body(14, { v128: 5 });
}
function assembleModule() {
    const I32 = 0x7f;
    const bytes = [
        0x00,
        0x61,
        0x73,
        0x6d,
        0x01,
        0x00,
        0x00,
        0x00,
        ...section(1, [2, 0x60, 5, I32, I32, I32, I32, I32, 1, I32, 0x60, 3, I32, I32, I32, 1, I32]),
        ...section(2, [1, ...wasm_assembler_name('env'), ...wasm_assembler_name('memory'), 0x02, 0x00, 1]),
        ...section(3, [4, 0, 1, 1, 1]),
        ...section(7, [2, ...wasm_assembler_name('scan'), 0x00, 0, ...wasm_assembler_name('strip'), 0x00, 2]),
        ...section(10, [
            4,
            ...scanFunctionBody(),
            ...textCheckBody(TEXT_TABLES),
            ...stripFunctionBody(SEGMENT_COUNT),
            ...followFunctionBody(FOLLOW_CLASS),
        ]),
    ];
    return Uint8Array.from(bytes);
}
const wasm = globalThis.WebAssembly;
let compiled;
function kernelModule() {
    if (compiled === undefined) {
        try {
            compiled = wasm ? new wasm.Module(assembleModule()) : null;
        }
        catch {
            compiled = null;
        }
    }
    return compiled;
}
/** One automaton's tables in WebAssembly memory, and the compiled loop over them. */
class ScanKernel {
    memory;
    scanExport;
    stripExport;
    inputOffset;
    constructor(memory, scan, strip, inputOffset) {
        this.memory = memory;
        this.scanExport = scan;
        this.stripExport = strip;
        this.inputOffset = inputOffset;
    }
    /**
     * A kernel for `automaton`, or undefined when WebAssembly (with SIMD) is not available.
     * @param followKinds Per state, the hit check (FollowKind) the kernel runs before reporting it;
     *   absent, every state that ends a pattern is reported.
     */
    static for(automaton, runFlags, followKinds) {
        const module = kernelModule();
        const nibbles = runByteNibbles(runFlags);
        if (!module || !wasm || !nibbles)
            return undefined;
        const classCount = automaton.classCount;
        const stride = classCount + ROW_HEADER;
        const stateCount = automaton.stateCount;
        const inputOffset = align(ROWS + stateCount * stride * 4);
        const memory = new wasm.Memory({ initial: Math.ceil((inputOffset + PAGE) / PAGE) });
        const bytes = new Uint8Array(memory.buffer);
        new Int32Array(memory.buffer, CLASS_TABLE, 256).set(Int32Array.from(automaton.classOf, (cls) => (cls + ROW_HEADER) * 4));
        bytes.set(runFlags, RUN_FLAG_TABLE);
        bytes.set(nibbles, RUN_NIBBLES);
        const tables = textCheckTables();
        bytes.set(tables.hex, TEXT_TABLES.hex);
        bytes.set(tables.base64, TEXT_TABLES.base64);
        bytes.set(tables.text, TEXT_TABLES.text);
        bytes.set(startFilter(automaton.patterns), START_FILTER);
        bytes.set(pairFilter(automaton.patterns), PAIR_FILTER);
        bytes.set(followClassTable(), FOLLOW_CLASS);
        const rows = new Int32Array(memory.buffer, ROWS, stateCount * stride);
        for (let state = 0; state < stateCount; state++) {
            const at = state * stride;
            rows[at] = automaton.depth[state];
            rows[at + 1] = state;
            rows[at + 2] = followKinds?.[state] ?? 0;
            for (let cls = 0; cls < classCount; cls++) {
                const next = automaton.rows[state * classCount + cls];
                const target = ((next < 0 ? ~next : next) / classCount) * stride * 4;
                rows[at + ROW_HEADER + cls] = next < 0 ? ~target : target;
            }
        }
        const instance = new wasm.Instance(module, { env: { memory } });
        return new ScanKernel(memory, instance.exports.scan, instance.exports.strip, inputOffset);
    }
    /** Runs the loop over a latin1 string (one char per byte). */
    scan(text, decode) {
        const layout = this.reserve(text.length);
        this.view().write(text, this.inputOffset, text.length, 'latin1');
        return this.run(text.length, layout, decode);
    }
    /**
     * Copies `bytes` in, removes their escape sequences there (as `stripAnsi` does) and runs the loop
     * over the visible bytes: the bytes are never turned into a string unless the caller asks.
     */
    scanBytes(bytes, decode) {
        const length = bytes.length;
        const layout = this.reserve(length);
        new Uint8Array(this.memory.buffer, this.inputOffset, length).set(bytes);
        let visibleLength = length;
        let segmentCount = 0;
        if (bytes.indexOf(0x1b) >= 0) {
            visibleLength = this.stripExport(this.inputOffset, length, layout.segments);
            segmentCount = new Int32Array(this.memory.buffer, SEGMENT_COUNT, 1)[0];
        }
        const result = this.run(visibleLength, layout, decode);
        const memory = this.memory;
        const inputOffset = this.inputOffset;
        return {
            ...result,
            visibleLength,
            segmentCount,
            visibleText: () => this.view().toString('latin1', inputOffset, inputOffset + visibleLength),
            segments: () => {
                const segments = new Int32Array(segmentCount * 2 + 2);
                segments.set(new Int32Array(memory.buffer, layout.segments, segmentCount * 2), 2);
                return segments;
            },
        };
    }
    cachedView;
    /** A Buffer over the whole memory (made again after the memory grows). */
    view() {
        if (this.cachedView?.buffer !== this.memory.buffer)
            this.cachedView = Buffer.from(this.memory.buffer);
        return this.cachedView;
    }
    /** Room for an input of `length` bytes, its hits, runs and escape segments. */
    reserve(length) {
        const hits = align(this.inputOffset + length);
        const runs = align(hits + (length + 1) * 8);
        // The segments lie beyond anything a scan of a shorter text writes (input, hits and runs take
        // under 10 bytes per input byte plus 48), so the scans of runs decoded from this input, which
        // are always shorter, leave them intact until the caller reads them. That also keeps the 31
        // bytes past the input that the run loop's 32-byte windows read inside the memory.
        const segments = align(this.inputOffset + 16 * length + 64);
        const end = segments + (Math.floor(length / 2) + 2) * 8;
        if (end > this.memory.buffer.byteLength)
            this.memory.grow(Math.ceil((end - this.memory.buffer.byteLength) / PAGE));
        return { hits, runs, segments };
    }
    run(length, layout, decode) {
        const hitCount = this.scanExport(this.inputOffset, length, layout.hits, layout.runs, decode ? 1 : 0);
        const runCount = new Int32Array(this.memory.buffer, RUN_COUNT, 1)[0];
        return {
            hits: new Int32Array(this.memory.buffer, layout.hits, hitCount * 2),
            hitCount,
            runs: new Int32Array(this.memory.buffer, layout.runs, runCount * 3),
            runCount,
        };
    }
}
/**
 * The run bytes (nonzero entries of `runFlags`) as the two tables the SIMD classification looks up:
 * bit h of low[byte & 15] is set when byte h * 16 + (byte & 15) is a run byte, and high[h] = 1 << h,
 * so low[byte & 15] & high[byte >> 4] is nonzero exactly for run bytes. That covers bytes below
 * 0x80 (eight bits); undefined when a byte from 0x80 up is a run byte.
 */
function runByteNibbles(runFlags) {
    const tables = new Uint8Array(32);
    for (let byte = 0; byte < 256; byte++) {
        if (runFlags[byte] === 0)
            continue;
        if (byte >= 0x80)
            return undefined;
        tables[byte & 15] |= 1 << (byte >> 4);
    }
    for (let high = 0; high < 8; high++)
        tables[16 + high] = 1 << high;
    return tables;
}
/** Folds a byte the way the start filter does: ASCII letters (and a few symbols) lose their case. */
const fold = (code) => (code & 0xff) | 0x20;
function startHash(b0, b1, b2) {
    return Math.imul((fold(b0) | (fold(b1) << 8) | (fold(b2) << 16)) << 8, HASH_MULTIPLIER) >>> 16;
}
/**
 * The table the skipping loop tests: one byte per hash of the first three bytes (case folded) of a
 * pattern; a two-byte pattern marks every third byte, a one-byte pattern everything.
 */
function startFilter(patterns) {
    const table = new Uint8Array(FILTER_SIZE);
    for (const pattern of patterns) {
        if (pattern.length === 0)
            continue;
        if (pattern.length === 1)
            return table.fill(1);
        const [b0, b1] = [pattern.charCodeAt(0), pattern.charCodeAt(1)];
        if (pattern.length === 2)
            for (let b2 = 0; b2 < 256; b2++)
                table[startHash(b0, b1, b2)] = 1;
        else
            table[startHash(b0, b1, pattern.charCodeAt(2))] = 1;
    }
    return table;
}
/** The table of the first test: one byte per pair of case-folded bytes that begins a pattern. */
function pairFilter(patterns) {
    const table = new Uint8Array(FILTER_SIZE);
    for (const pattern of patterns) {
        if (pattern.length === 0)
            continue;
        if (pattern.length === 1)
            return table.fill(1);
        table[fold(pattern.charCodeAt(0)) | (fold(pattern.charCodeAt(1)) << 8)] = 1;
    }
    return table;
}
function align(offset) {
    return (offset + 7) & ~7;
}

;// CONCATENATED MODULE: ./packages/scrub/src/rules/fold-case.ts
/**
 * Rewrites the case-insensitive modifier groups of a regex source, `(?i:…)`, into plain groups
 * whose ASCII letters match both cases (`(?i:ab)` → `(?:[aA][bB])`); `(?-i:…)` becomes `(?:…)`.
 *
 * Why: V8 compiles new regexps without optimisation once a process has generated over 1 MB of
 * regexp code and committed over 16 MB of executable memory (TooMuchRegExpCode in
 * src/regexp/regexp.cc), and in that mode Node 24's V8 loses the case folding of an alternative
 * inside a modifier group (`/(?i:a|b)/` stops matching "A"). A long-lived process then stopped
 * detecting `ATLASSIAN_TOKEN = …` and `Authorization: Bearer …`. Without modifier groups the rules
 * match the same text in both modes.
 *
 * The source must be non-unicode regex syntax without a whole-regex `i` flag. Inside a folded group
 * only ASCII letters may need folding, and backreferences are refused (their case-insensitive
 * comparison cannot be spelled out), as are modifiers other than `i`.
 */
function foldCaseGroups(source) {
    let out = '';
    // One entry per open group: whether letters inside it fold.
    const folding = [];
    const folds = () => folding.length > 0 && folding[folding.length - 1];
    let i = 0;
    while (i < source.length) {
        const c = source[i];
        if (c === '\\') {
            const escape = escapeAt(source, i);
            if (folds() && /^\\(?:[1-9]|k<)/.test(escape))
                throw new Error(`foldCaseGroups: backreference in a (?i:) group: ${source}`);
            out += escape;
            i += escape.length;
        }
        else if (c === '[') {
            const end = classEnd(source, i);
            out += folds() ? foldClass(source.slice(i, end), source) : source.slice(i, end);
            i = end;
        }
        else if (c === '(') {
            const modifier = /^\(\?([a-z]*)(?:-([a-z]+))?:/.exec(source.slice(i));
            if (modifier && (modifier[1] !== '' || modifier[2] !== undefined)) {
                const on = modifier[1];
                const off = modifier[2] ?? '';
                if (!/^i?$/.test(on) || !/^i?$/.test(off) || on === off)
                    throw new Error(`foldCaseGroups: unsupported modifiers ${modifier[0]} in ${source}`);
                folding.push(on === 'i');
                out += '(?:';
                i += modifier[0].length;
                continue;
            }
            folding.push(folds());
            // A group's own syntax (`(?<name>`, `(?<=`, `(?:`) is copied, never folded.
            const head = /^\((?:\?(?:<[A-Za-z_$][\w$]*>|<=|<!|[:=!]))?/.exec(source.slice(i))[0];
            out += head;
            i += head.length;
        }
        else if (c === ')') {
            folding.pop();
            out += c;
            i++;
        }
        else {
            out += folds() ? foldLetter(c, source) : c;
            i++;
        }
    }
    return out;
}
/** The whole escape sequence starting at the backslash at `i`. */
function escapeAt(source, i) {
    const rest = source.slice(i);
    const long = /^\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|u\{[0-9A-Fa-f]+\}|c[A-Za-z]|[pP]\{[^}]*\}|k<[^>]*>|[1-9]\d*)/.exec(rest);
    return long ? long[0] : rest.slice(0, 2);
}
/** The index just past the character class starting at `i`. */
function classEnd(source, i) {
    let j = i + 1;
    if (source[j] === '^')
        j++;
    while (j < source.length && source[j] !== ']')
        j += source[j] === '\\' ? escapeAt(source, j).length : 1;
    if (j >= source.length)
        throw new Error(`foldCaseGroups: unterminated class in ${source}`);
    return j + 1;
}
function foldLetter(c, source) {
    if (c.charCodeAt(0) > 0x7f && c.toLowerCase() !== c.toUpperCase())
        throw new Error(`foldCaseGroups: non-ASCII letter ${c} in a (?i:) group: ${source}`);
    const lower = c.toLowerCase();
    const upper = c.toUpperCase();
    return /^[a-z]$/.test(lower) && lower !== upper ? `[${lower}${upper}]` : c;
}
/** A class with the other case of its ASCII letters added (`[a-f0-9]` → `[a-f0-9A-F]`). */
function foldClass(cls, source) {
    const open = cls.startsWith('[^') ? 2 : 1;
    const body = cls.slice(open, -1);
    let extra = '';
    let j = 0;
    while (j < body.length) {
        if (body[j] === '\\') {
            j += escapeAt(body, j).length;
            if (body[j] === '-' && j + 1 < body.length)
                throw new Error(`foldCaseGroups: range from an escape in a (?i:) class: ${source}`);
            continue;
        }
        const from = body[j];
        let to = from;
        if (body[j + 1] === '-' && j + 2 < body.length) {
            to = body[j + 2];
            if (to === '\\')
                throw new Error(`foldCaseGroups: range to an escape in a (?i:) class: ${source}`);
            j += 3;
        }
        else {
            j++;
        }
        if (/[^\x00-\x7f]/.test(from + to))
            throw new Error(`foldCaseGroups: non-ASCII character in a (?i:) class: ${source}`);
        // The part of the range inside each case, added in the other case.
        for (const [first, last, shift] of [
            ['a', 'z', -32],
            ['A', 'Z', 32],
        ]) {
            const lo = Math.max(from.charCodeAt(0), first.charCodeAt(0));
            const hi = Math.min(to.charCodeAt(0), last.charCodeAt(0));
            // Nothing to add when the range itself already holds the other case.
            if (lo > hi || (lo + shift >= from.charCodeAt(0) && hi + shift <= to.charCodeAt(0)))
                continue;
            const a = String.fromCharCode(lo + shift);
            extra += lo === hi ? a : `${a}-${String.fromCharCode(hi + shift)}`;
        }
    }
    // Added before a trailing `-`, which stays literal only at the end.
    if (body.endsWith('-') && extra !== '')
        return `${cls.slice(0, open)}${body.slice(0, -1)}${extra}-]`;
    return `${cls.slice(0, open)}${body}${extra}]`;
}

;// CONCATENATED MODULE: ./packages/scrub/src/rules/types.ts

const TOKEN_END = String.raw `(?![A-Za-z0-9_\-])`;
function build(id, family, title, keywords, source, options) {
    let regex;
    return {
        id,
        family,
        title,
        keywords: [...new Set([...keywords, ...(options.keywords ?? [])])],
        // Made on first use: most rules never run in a given job, and parsing 300 regexps costs
        // milliseconds of start-up. No inline modifiers left: V8 stops honouring them in regexps it
        // compiles unoptimised.
        get regex() {
            regex ??= new RegExp(foldCaseGroups(source), 'gd');
            return regex;
        },
        severity: options.severity ?? 'high',
        placeholder: options.placeholder ?? 'light',
        ...(options.minEntropy !== undefined ? { minEntropy: options.minEntropy } : {}),
        ...(options.validate ? { validate: options.validate } : {}),
        ...(options.checksum ? { checksum: options.checksum } : {}),
        ...(options.requires ? { requires: options.requires } : {}),
        ...(options.hitCheck ? { hitCheck: options.hitCheck } : {}),
    };
}
function isAlphanumeric(c) {
    return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
/**
 * Keywords that open the token (`ghp_`, `AKIA`, as the rule's `(?<![A-Za-z0-9])` says) are not
 * preceded by a letter or digit; the rule's other keywords pass.
 */
function startsToken(...prefixes) {
    const opening = new Set(prefixes);
    return (text, start, _end, keyword) => !opening.has(keyword) || start === 0 || !isAlphanumeric(text.charCodeAt(start - 1));
}
/**
 * The text right after the keyword matches `source` (a sticky regex). For rules whose every
 * keyword is followed, inside a match, by what `source` describes.
 */
function followedBy(source, flags = '') {
    const regex = new RegExp(foldCaseGroups(source), `y${flags}`);
    return (text, _start, end) => {
        regex.lastIndex = end;
        return regex.test(text);
    };
}
/**
 * After a secret-like name (`token`, `client_secret`, `PASSWORD`): more name characters, closing
 * quotes or brackets and spaces, then an assignment operator (`=`, `:`, `,`, `=>`, `?=`, `|=`, `!=`).
 */
const ASSIGNMENT_FOLLOWS = Object.assign((text, _start, end) => {
    // As the sticky regex [\w.\-]*['"`\]\s]*[:?.|=,!] would, without a regex run per hit.
    let at = end;
    const n = text.length;
    for (let c = text.charCodeAt(at); at < n && isNameCharacter(c); c = text.charCodeAt(++at)) {
        // A dot among the name characters is itself an operator's first character (`.=`).
        if (c === 46)
            return true;
    }
    while (at < n && isQuoteOrSpace(text.charCodeAt(at)))
        at++;
    const c = text.charCodeAt(at);
    return c === 58 || c === 63 || c === 46 || c === 124 || c === 61 || c === 44 || c === 33;
}, { inKernel: 'assignment' });
/** `\s` of a JavaScript regex, for one latin1 character. */
function isSpace(c) {
    return c === 32 || (c >= 9 && c <= 13) || c === 0xa0;
}
/** `[\w.\-]`. */
function isNameCharacter(c) {
    return isAlphanumeric(c) || c === 95 || c === 46 || c === 45;
}
/** `['"\x60\]\s]`. */
function isQuoteOrSpace(c) {
    return c === 39 || c === 34 || c === 96 || c === 93 || isSpace(c);
}
/**
 * A token recognisable by its own prefix (`ghp_…`, `glpat-…`): `prefix` is a literal, `body` the
 * regex source of the rest. The prefix, exactly as written, is the keyword.
 */
function prefixed(id, family, title, prefix, body, options = {}) {
    const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const source = String.raw `(?<![A-Za-z0-9])(?<secret>${escaped}${body})${options.end ?? TOKEN_END}`;
    return build(id, family, title, [prefix], source, { minEntropy: 2.5, hitCheck: startsToken(prefix), ...options });
}
/** A token matched by a full regex of its own, with explicit keywords. */
function shaped(id, family, title, keywords, source, options = {}) {
    return build(id, family, title, keywords, source, options);
}
// `name = value`, `name: value`, `"name" => "value"`, `setProperty("NAME", "value")`, `NAME ?= value`.
const ASSIGN = String.raw `[\w.\-]{0,30}?(?:\s+(?:string|str|const|final|var|let|char\s*\*)\b)?['"\x60\]\s]{0,3}(?:[:?.|]{0,3}=>?|:|,|=>)\s{0,16}(?:[\x60'"]|\\")?`;
const VALUE_END = String.raw `(?=\\?['"\x60\s;,)\]}<>&|\\]|$)`;
/**
 * A value assigned to a name that mentions the vendor (`twilio_token = "…"`): `names` is regex
 * source matched case-insensitively, `keywords` its literals, `value` the regex source of the secret.
 */
function near(id, family, title, names, keywords, value, options = {}) {
    const source = String.raw `(?i:${names})${ASSIGN}(?<secret>${value})${options.end ?? VALUE_END}`;
    return build(id, family, title, keywords, source, { minEntropy: 3, placeholder: 'strict', ...options });
}

;// CONCATENATED MODULE: ./packages/scrub/src/rules/cloud.ts

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const critical = { severity: 'critical' };
/** Cloud providers and infrastructure platforms. */
const CLOUD_RULES = [
    shaped('aws-access-key-id', 'aws', 'AWS access key id', ['akia', 'asia', 'abia', 'acca', 'a3t'], String.raw `(?<![A-Za-z0-9])(?<secret>(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16})(?![A-Za-z0-9])`, { ...critical, minEntropy: 3, hitCheck: startsToken('akia', 'asia', 'abia', 'acca', 'a3t') }),
    near('aws-secret-access-key', 'aws', 'AWS secret access key', String.raw `aws.{0,20}?(?:secret|sk)|secret.?access.?key`, ['aws', 'secret_access', 'secretaccess', 'secret-access'], '[A-Za-z0-9/+]{40}', { ...critical, minEntropy: 3.5 }),
    near('aws-session-token', 'aws', 'AWS session token', String.raw `aws.?session.?token|security.?token`, ['session', 'security'], '[A-Za-z0-9/+=]{100,}', critical),
    shaped('aws-bedrock-api-key', 'aws', 'Amazon Bedrock long-lived API key', ['absk'], String.raw `(?<![A-Za-z0-9])(?<secret>ABSKQmVkcm9ja0FQSUtleS[A-Za-z0-9+/]{110,}={0,2})`, { ...critical, hitCheck: startsToken('absk') }),
    shaped('aws-bedrock-short-lived-key', 'aws', 'Amazon Bedrock short-lived API key', ['bedrock-api-key-'], String.raw `(?<secret>bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t[A-Za-z0-9+/=%&?._-]*)`, critical),
    shaped('aws-mws-key', 'aws', 'Amazon MWS auth token', ['amzn.mws.'], String.raw `(?<secret>amzn\.mws\.${UUID})`, critical),
    prefixed('gcp-api-key', 'gcp', 'Google API key', 'AIza', '[0-9A-Za-z_-]{35}', { ...critical, minEntropy: 3.5 }),
    prefixed('gcp-oauth-client-secret', 'gcp', 'Google OAuth client secret', 'GOCSPX-', '[A-Za-z0-9_-]{28}', critical),
    prefixed('gcp-oauth-access-token', 'gcp', 'Google OAuth access token', 'ya29.', '[0-9A-Za-z_-]{30,}', critical),
    shaped('gcp-refresh-token', 'gcp', 'Google OAuth refresh token', ['1//0'], String.raw `(?<![A-Za-z0-9])(?<secret>1//0[0-9A-Za-z_-]{40,})`, { ...critical, hitCheck: startsToken('1//0') }),
    shaped('gcp-service-account-key-id', 'gcp', 'Google service account private key id', ['private_key_id'], String.raw `"private_key_id"\s*:\s*"(?<secret>[a-f0-9]{40})"`, critical),
    shaped('google-oauth-client-id', 'gcp', 'Google OAuth client id', ['apps.googleusercontent.com'], String.raw `(?<secret>[0-9]{6,}-[0-9a-z_]{32})\.apps\.googleusercontent\.com`, { severity: 'medium', minEntropy: 3 }),
    shaped('firebase-fcm-server-key', 'gcp', 'Firebase Cloud Messaging server key', ['aaaa'], String.raw `(?<![A-Za-z0-9])(?<secret>AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134})`, { ...critical, hitCheck: startsToken('aaaa') }),
    shaped('azure-storage-account-key', 'azure', 'Azure storage account key', ['accountkey'], String.raw `(?i:AccountKey)\s*[=:]\s*['"]?(?<secret>[A-Za-z0-9+/]{40,100}={0,2})`, critical),
    shaped('azure-shared-access-key', 'azure', 'Azure shared access key', ['sharedaccesskey'], String.raw `(?i:SharedAccessKey)\s*=\s*(?<secret>[A-Za-z0-9+/]{42,44}=?)`, critical),
    shaped('azure-sas-signature', 'azure', 'Azure SAS token signature', ['sig='], String.raw `[?&]sv=\d{4}-\d{2}-\d{2}[^\s'"]*?[?&]sig=(?<secret>[A-Za-z0-9%+/]{40,}(?:%3D|=)*)`, critical),
    shaped('azure-ad-client-secret', 'azure', 'Azure AD client secret', ['q~'], String.raw `(?<![A-Za-z0-9_~.-])(?<secret>[a-zA-Z0-9_~.]{3}\dQ~[a-zA-Z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])`, { ...critical, minEntropy: 3 }),
    shaped('azure-devops-pat', 'azure', 'Azure DevOps personal access token', ['azdo'], String.raw `(?<![A-Za-z0-9])(?<secret>[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4})(?![A-Za-z0-9])`, critical),
    near('azure-devops-legacy-pat', 'azure', 'Azure DevOps personal access token', String.raw `(?:azure.?devops|ado|vsts)[\w.-]{0,20}?(?:pat|token)`, ['devops', 'ado', 'vsts'], '[a-z2-7]{52}', critical),
    near('azure-app-insights-key', 'azure', 'Azure Application Insights instrumentation key', 'instrumentationkey', ['instrumentationkey'], UUID, { severity: 'medium', placeholder: 'light' }),
    prefixed('alibaba-access-key-id', 'alibaba', 'Alibaba Cloud AccessKey id', 'LTAI', '[A-Za-z0-9]{12,20}', critical),
    near('alibaba-secret-key', 'alibaba', 'Alibaba Cloud AccessKey secret', 'alibaba|aliyun', ['alibaba', 'aliyun'], '[A-Za-z0-9]{30}', critical),
    prefixed('digitalocean-pat', 'digitalocean', 'DigitalOcean personal access token', 'dop_v1_', '[a-f0-9]{64}', critical),
    prefixed('digitalocean-oauth-token', 'digitalocean', 'DigitalOcean OAuth token', 'doo_v1_', '[a-f0-9]{64}', critical),
    prefixed('digitalocean-refresh-token', 'digitalocean', 'DigitalOcean refresh token', 'dor_v1_', '[a-f0-9]{64}', critical),
    near('heroku-api-key', 'heroku', 'Heroku API key', 'heroku', ['heroku'], UUID, { ...critical, placeholder: 'light' }),
    prefixed('heroku-api-key-v2', 'heroku', 'Heroku API key', 'HRKU-', '[0-9A-Za-z_-]{60}', critical),
    near('ibm-cloud-api-key', 'ibm', 'IBM Cloud API key', String.raw `ibm.{0,20}?api.?key`, ['ibm'], '[A-Za-z0-9_-]{44}', critical),
    near('linode-token', 'linode', 'Linode API token', 'linode', ['linode'], '[a-f0-9]{64}', critical),
    near('vultr-api-key', 'vultr', 'Vultr API key', 'vultr', ['vultr'], '[A-Z0-9]{36}', critical),
    prefixed('scaleway-access-key', 'scaleway', 'Scaleway access key', 'SCW', '[A-Z0-9]{17}', {
        ...critical,
        minEntropy: 3,
    }),
    near('scaleway-secret-key', 'scaleway', 'Scaleway secret key', 'scaleway|scw', ['scaleway', 'scw'], UUID, {
        ...critical,
        placeholder: 'light',
    }),
    prefixed('flyio-access-token', 'flyio', 'Fly.io access token', 'fo1_', '[\\w-]{43}', critical),
    shaped('flyio-macaroon', 'flyio', 'Fly.io macaroon token', ['fm1', 'fm2_'], String.raw `(?<![A-Za-z0-9])(?<secret>(?:fm1[ar]|fm2)_[A-Za-z0-9+/]{100,}={0,3}(?:,fm\d[ar]?_[A-Za-z0-9+/]{100,}={0,3})*)`, { ...critical, hitCheck: startsToken('fm1', 'fm2_') }),
    near('netlify-access-token', 'netlify', 'Netlify access token', 'netlify', ['netlify'], '[A-Za-z0-9=_-]{40,46}', critical),
    near('vercel-token', 'vercel', 'Vercel access token', 'vercel', ['vercel'], '[A-Za-z0-9]{24}', critical),
    near('cloudflare-api-token', 'cloudflare', 'Cloudflare API token', 'cloudflare', ['cloudflare'], '[A-Za-z0-9_-]{40}', critical),
    near('cloudflare-global-api-key', 'cloudflare', 'Cloudflare global API key', 'cloudflare', ['cloudflare'], '[a-f0-9]{37}', critical),
    prefixed('cloudflare-origin-ca-key', 'cloudflare', 'Cloudflare Origin CA key', 'v1.0-', '[a-f0-9]{24}-[a-f0-9]{146}', critical),
    prefixed('vault-service-token', 'hashicorp', 'HashiCorp Vault service token', 'hvs.', '[A-Za-z0-9_-]{90,120}', {
        ...critical,
        minEntropy: 3.5,
    }),
    prefixed('vault-batch-token', 'hashicorp', 'HashiCorp Vault batch token', 'hvb.', '[A-Za-z0-9_-]{138,300}', {
        ...critical,
        minEntropy: 3.5,
    }),
    prefixed('vault-recovery-token', 'hashicorp', 'HashiCorp Vault recovery token', 'hvr.', '[A-Za-z0-9_-]{90,120}', {
        ...critical,
        minEntropy: 3.5,
    }),
    shaped('vault-legacy-token', 'hashicorp', 'HashiCorp Vault token (legacy)', ['vault', 'token'], String.raw `(?i:vault|token)[\w.-]{0,20}?['"]?\s*[:=]\s*['"]?(?<secret>[sbr]\.[A-Za-z0-9]{24})(?![A-Za-z0-9])`, { ...critical, minEntropy: 3.5, hitCheck: ASSIGNMENT_FOLLOWS }),
    shaped('vault-service-token-v2', 'hashicorp', 'HashiCorp Vault service token', ['s.caes'], String.raw `(?<![A-Za-z0-9])(?<secret>s\.CAES[A-Za-z0-9_-]{50,})`, { ...critical, minEntropy: 3.5 }),
    shaped('vault-unseal-key', 'hashicorp', 'HashiCorp Vault unseal key', ['unseal'], String.raw `(?i:unseal key \d+:|operator unseal)\s+(?<secret>[A-Za-z0-9+/]{40,}={0,2})`, critical),
    shaped('terraform-cloud-token', 'hashicorp', 'Terraform Cloud API token', ['.atlasv1.'], String.raw `(?<secret>[a-z0-9]{14}\.atlasv1\.[a-z0-9_=-]{60,70})`, { ...critical, minEntropy: 3.5 }),
    shaped('terraform-password', 'hashicorp', 'Password in Terraform', ['password'], String.raw `(?i:administrator_login_password|admin_password|master_password|password)\s*=\s*"(?<secret>[^"$\s]{8,})"`, {
        minEntropy: 3.2,
        placeholder: 'strict',
        keywords: ['password'],
        hitCheck: followedBy(String.raw `\s*=\s*"`),
        validate: (s) => !/^(?:arn:|https?:|\/)/.test(s),
    }),
    prefixed('pulumi-access-token', 'pulumi', 'Pulumi access token', 'pul-', '[a-f0-9]{40}', critical),
    shaped('doppler-token', 'doppler', 'Doppler token', ['dp.'], String.raw `(?<![A-Za-z0-9])(?<secret>dp\.(?:pt|st|sa|ct|scim|audit)(?:\.[a-z0-9_-]{2,35})?\.[A-Za-z0-9]{40,44})`, { ...critical, hitCheck: startsToken('dp.') }),
    shaped('tailscale-key', 'tailscale', 'Tailscale key', ['tskey-'], String.raw `(?<secret>tskey-(?:[a-z]+-)?[A-Za-z0-9]{8,20}-[A-Za-z0-9]{20,40})`, critical),
    prefixed('openshift-user-token', 'openshift', 'OpenShift user token', 'sha256~', '[\\w-]{43}', critical),
    shaped('kubernetes-bootstrap-token', 'kubernetes', 'Kubernetes bootstrap token', ['token'], String.raw `(?i:token)['"]?\s*[:=\s]\s*['"]?(?<secret>[a-z0-9]{6}\.[a-z0-9]{16})(?![a-z0-9])|(?i:token-secret):\s*(?<secret>[a-z0-9]{16})(?![a-z0-9])`, {
        ...critical,
        minEntropy: 3.2,
        hitCheck: followedBy(String.raw `['"]?\s*[:=\s]\s*['"]?[a-zA-Z0-9]{6}\.|-[sS][eE][cC][rR][eE][tT]:`),
    }),
    prefixed('age-secret-key', 'crypto-keys', 'age secret key', 'AGE-SECRET-KEY-1', '[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}', { ...critical, minEntropy: 0, placeholder: 'none' }),
    shaped('yandex-iam-token', 'yandex', 'Yandex IAM token', ['t1.'], String.raw `(?<![A-Za-z0-9])(?<secret>t1\.[A-Z0-9a-z_-]+=*\.[A-Z0-9a-z_-]{86}=*)`, { ...critical, hitCheck: startsToken('t1.') }),
    prefixed('yandex-api-key', 'yandex', 'Yandex API key', 'AQVN', '[A-Za-z0-9_-]{35,38}', critical),
    near('yandex-access-key', 'yandex', 'Yandex access key', 'yandex', ['yandex'], 'YC[a-zA-Z0-9_-]{38}', critical),
    shaped('wireguard-private-key', 'crypto-keys', 'WireGuard private key', ['privatekey', 'presharedkey'], String.raw `(?i:PrivateKey|PresharedKey)\s*=\s*(?<secret>[A-Za-z0-9+/]{42}[A-Za-z0-9+/]=)`, critical),
    near('truenas-api-key', 'truenas', 'TrueNAS API key', 'truenas|api_key|apikey', ['truenas'], '\\d+-[A-Za-z0-9]{64}', critical),
    shaped('truenas-login-key', 'truenas', 'TrueNAS API key', ['login_with_api_key'], String.raw `login_with_api_key["']?[\s\S]{0,40}?\[\s*"(?<secret>\d+-[A-Za-z0-9]{64})"`, critical),
];

;// CONCATENATED MODULE: ./packages/scrub/src/rules/generic.ts

const generic_critical = { severity: 'critical' };
/** Header of a private-key block; the multi-line block itself is followed by the scanner. */
const PRIVATE_KEY_BEGIN = /-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----/;
function jwtHeaderDecodes(token) {
    const header = token.slice(0, token.indexOf('.'));
    try {
        const text = Buffer.from(header, 'base64url').toString('utf8');
        return /^\s*\{/.test(text) && /"(?:alg|typ|kid|enc)"/.test(text);
    }
    catch {
        return false;
    }
}
function containsJwt(encoded) {
    const text = Buffer.from(encoded, 'base64').toString('latin1');
    return /eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\./.test(text);
}
const PASSWORD_PLACEHOLDER = /^(?:\*+|x+|password|passwd|pwd|changeme|user|username|\$\w+|\$\{[^}]*\}|%[\w]+%|<[^>]*>|\{\{[^}]*\}\})$/i;
/**
 * `://user:password@`: the user, a colon, three or more password characters and an at sign; as the
 * sticky regex [^\s:@/'"]+:[^\s@/'"]{3,}@ would, without a regex run for each of the many URLs.
 */
const URL_CREDENTIALS_FOLLOW = Object.assign((text, _start, end) => {
    const n = text.length;
    let at = end;
    let c = text.charCodeAt(at);
    while (at < n && c !== 58 && !endsUrlPart(c))
        c = text.charCodeAt(++at);
    if (at === end || c !== 58)
        return false;
    const password = ++at;
    c = text.charCodeAt(at);
    while (at < n && !endsUrlPart(c))
        c = text.charCodeAt(++at);
    return at - password >= 3 && c === 64;
}, { inKernel: 'url-credentials' });
/** Whitespace, `@`, `/`, or a quote: what neither the user nor the password of a URL holds. */
function endsUrlPart(c) {
    return c === 64 || c === 47 || c === 39 || c === 34 || isSpace(c);
}
/**
 * The names of keys that hold secrets, spelled out as literals (`api_key`, `ACCESS-KEY`): `key` on
 * its own is in every log (`cache key`, `key rotation`) and would queue these rules on each line.
 */
const SECRET_KEY_NAMES = ['api', 'access', 'private', 'auth', 'signing', 'encryption', 'master'].flatMap((name) => ['', '_', '.', '-'].map((separator) => `${name}${separator}key`));
/** Only spaces before the keyword since the start of the line (`^\s*password`). */
const FIRST_ON_LINE = (text, start) => {
    let at = start;
    while (at > 0 && (text.charCodeAt(at - 1) === 32 || text.charCodeAt(at - 1) === 9))
        at--;
    return at === 0 || text.charCodeAt(at - 1) === 10 || text.charCodeAt(at - 1) === 13;
};
const TEMPLATE_OR_LOCATION = /\$\{|\{\{|^\$[A-Za-z_]|#\{|^(?:arn:|https?:|\/)/;
const SECRET_NAME = String.raw `(?:pass(?:word|wd|phrase)?|pwd|secret|token|api[_.-]?key|apikey|access[_.-]?key|private[_.-]?key|client[_.-]?secret|auth[_.-]?key|credential|signing[_.-]?key|encryption[_.-]?key|master[_.-]?key)(?:[\w.-]{0,20}?)`;
/** Formats shared by many services, and assignments recognised by their names and entropy. */
const GENERIC_RULES = [
    shaped('private-key', 'private-key', 'Private key', ['private key'], String.raw `(?<secret>-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----(?:\\r)?(?:\\n|\s)[\s\S]{64,}?-----END[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----)`, { ...generic_critical, placeholder: 'none' }),
    shaped('putty-private-key', 'private-key', 'PuTTY private key', ['private-lines:'], String.raw `Private-Lines:\s*\d+(?<secret>(?:\\n|\s)+[A-Za-z0-9+/=]{16,}.*)`, { ...generic_critical, placeholder: 'none' }),
    shaped('jwt', 'jwt', 'JSON Web Token', ['eyj'], String.raw `(?<![A-Za-z0-9_-])(?<secret>eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{0,}|eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,})(?![A-Za-z0-9_-])`, { minEntropy: 3, validate: jwtHeaderDecodes, hitCheck: startsToken('eyj') }),
    shaped('jwt-base64', 'jwt', 'Base64-encoded JSON Web Token', ['zxlk'], String.raw `(?<![A-Za-z0-9+/])(?<secret>ZXlK[A-Za-z0-9+/]{60,}={0,2})`, { minEntropy: 3.5, validate: containsJwt, hitCheck: startsToken('zxlk') }),
    shaped('database-url-password', 'database', 'Password in a database URL', ['://'], String.raw `(?i:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|redis|rediss|amqps?|mssql|sqlserver|oracle|jdbc:[a-z]+|clickhouse|cockroachdb|couchdb|cassandra|neo4j|memcached|ldaps?|nats|kafka)://[^\s:@/'"]+:(?<secret>[^\s@/'"]{3,})@`, {
        ...generic_critical,
        requires: '@',
        hitCheck: URL_CREDENTIALS_FOLLOW,
        placeholder: 'none',
        validate: (s) => !PASSWORD_PLACEHOLDER.test(s) && !/^(?:\$|%|\{|<)/.test(s),
    }),
    shaped('url-credentials', 'url', 'Password in a URL', ['://'], String.raw `(?i:https?|ftps?|sftp|smtps?|git\+https?|ssh|svn|amqp|s3|wss?)://[^\s:@/'"]{1,64}:(?<secret>[^\s@/'"]{3,})@[\w.-]+`, {
        requires: '@',
        hitCheck: URL_CREDENTIALS_FOLLOW,
        placeholder: 'none',
        validate: (s) => !PASSWORD_PLACEHOLDER.test(s) && !/^(?:\$|%|\{|<)/.test(s),
    }),
    near('sidekiq-secret', 'saas', 'Sidekiq Enterprise credentials', 'BUNDLE_(?:ENTERPRISE|GEMS)__CONTRIBSYS__COM', ['contribsys'], '[a-f0-9]{8}:[a-f0-9]{8}', { ...generic_critical, placeholder: 'light', minEntropy: 2.5 }),
    shaped('sidekiq-sensitive-url', 'saas', 'Sidekiq Enterprise credentials in a URL', ['contribsys.com'], String.raw `(?<secret>[a-f0-9]{8}:[a-f0-9]{8})@(?:gems|enterprise)\.contribsys\.com`, generic_critical),
    shaped('curl-basic-auth', 'http', 'Credentials passed to curl -u', ['curl'], String.raw `\bcurl\b.*?\s(?:-u|--user)\s*['"]?(?<secret>[^\s'":$]{0,64}:[^\s'"]{4,})`, {
        placeholder: 'none',
        validate: (s) => {
            const pw = s.slice(s.indexOf(':') + 1);
            const user = s.slice(0, s.indexOf(':'));
            return (!PASSWORD_PLACEHOLDER.test(pw) && pw !== user && !/^\$|\$[{(]|[<>[\]]/.test(pw) && !/[<>[\]$]/.test(user));
        },
    }),
    shaped('authorization-header', 'http', 'Credentials in an Authorization header', ['authorization'], String.raw `(?i:authorization)['"]?\s*[:=]\s*['"]?(?:(?i:bearer|basic|token|digest|apikey|sso-key|ssws)\s+)?(?<secret>[A-Za-z0-9._~+/=:-]{8,})`, {
        minEntropy: 3,
        placeholder: 'strict',
        // `headers.authorization = authorization`: an identifier (lower or camel case words), not a credential.
        validate: (s) => !/^[a-z]+(?:[A-Z][a-z]+)*$/.test(s),
    }),
    shaped('http-api-key-header', 'http', 'API key in an HTTP header', ['x-api-key', 'api-key', 'x-auth-token', 'private-token'], String.raw `(?i:x-api-key|api-key|x-auth-token|private-token)['"]?\s*:\s*['"]?(?<secret>[A-Za-z0-9._~+/=-]{12,})`, { minEntropy: 3, placeholder: 'strict', hitCheck: followedBy(String.raw `['"]?\s*:`) }),
    shaped('runner-memory-dump', 'runner', 'Runner secret dumped from memory', ['"issecret"'], String.raw `"[A-Za-z_][A-Za-z0-9_.-]*"\s*:\s*\{\s*"value"\s*:\s*"(?<secret>(?:[^"\\]|\\.)+)"\s*,\s*"isSecret"\s*:\s*true\s*\}`, 
    // Any value is a leak, except one already masked or elided ("***", "...", "…" in any encoding).
    {
        ...generic_critical,
        requires: '"isSecret"',
        placeholder: 'none',
        validate: (s) => !/^(?:\*+|[^A-Za-z0-9]{1,3})$/.test(s),
    }),
    shaped('netrc-password', 'http', 'Password in a .netrc entry', ['machine'], String.raw `\bmachine\s+\S+\s+(?:login\s+\S+\s+)?password\s+(?<secret>\S{4,})`, { placeholder: 'strict' }),
    shaped('netrc-password-line', 'http', 'Password line of a .netrc entry', ['password'], String.raw `^\s*password\s+(?<secret>[^\s'"]{4,})\s*$`, 
    // A word ending a sentence is prose, not a password.
    { placeholder: 'strict', hitCheck: FIRST_ON_LINE, validate: (s) => /\d/.test(s) && !/[.,;:!?]$/.test(s) }),
    shaped('password-in-prose', 'generic', 'Password stated in text', ['password'], String.raw `(?i:password)(?:\s+for\s+(?:the\s+)?(?:user\s+)?['"]?[\w.@-]+['"]?)?\s+(?i:is|was)\s+['"](?<secret>[^'"\s]{4,64})['"]`, {
        placeholder: 'strict',
        hitCheck: followedBy(String.raw `\s+(?:for|is|was)\s`, 'i'),
        validate: (s) => !TEMPLATE_OR_LOCATION.test(s),
    }),
    shaped('password-hash', 'password-hash', 'Password hash', ['$2a$', '$2b$', '$2y$', '$6$', '$5$', '$1$', '$argon2'], String.raw `(?<secret>\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}|\$[56]\$(?:rounds=\d+\$)?[./A-Za-z0-9]{1,16}\$[./A-Za-z0-9]{43,86}|\$1\$[./A-Za-z0-9]{1,8}\$[./A-Za-z0-9]{22}|\$argon2(?:id|i|d)\$v=\d+\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+)`, { severity: 'medium', placeholder: 'none' }),
    shaped('connection-string-password', 'database', 'Password in a connection string', ['password=', 'pwd='], String.raw `(?i:password|pwd)\s*=\s*(?!\$|#\{|%)(?<secret>[^;'"\s]{6,})\s*(?:;|$|['"])`, { placeholder: 'strict', minEntropy: 2.5 }),
    // After a comma (an argument or list item) only a value with more than lower-case letters counts:
    // ('bitbucket-app-password', 'bitbucket') names things; ("password", "s3cret!") is a credential.
    shaped('quoted-password-assignment', 'generic', 'Password assigned in code or configuration', ['pass', 'pwd'], String.raw `(?:(?<![a-z])(?i:pass(?:word|wd|phrase)?|pwd)|(?<=[a-z])(?:Pass(?:word|wd|phrase)?|PASS(?:WORD|WD|PHRASE)?|Pwd|PWD))(?![a-z])(?<!id|name|length|variable|url|file|path|type|label|field|hash|policy)(?:[\w.-]{0,20}?)['"\]]?\s*(?:=>|:=|==|!=|=|:|,(?=\s*['"][^'"\s]*[^a-z'"\s]))\s*(?<q>['"])(?<secret>[^'"\s%{}<>][^'"\s]{5,63})\k<q>`, {
        placeholder: 'strict',
        hitCheck: ASSIGNMENT_FOLLOWS,
        validate: (s) => new Set(s).size >= 5 && !TEMPLATE_OR_LOCATION.test(s),
    }),
    shaped('env-secret-assignment', 'generic', 'Secret assigned to an environment variable', ['pass', 'pwd', 'secret', 'token', ...SECRET_KEY_NAMES], String.raw `(?:^|\s|;)(?:export\s+|set\s+)?[A-Z0-9_]*(?:PASS|PASSWORD|PASSWD|PWD|SECRET|TOKEN|API_KEY|APIKEY|PRIVATE_KEY|ACCESS_KEY)(?<!_ID|_NAME|_FILE|_PATH|_URL|_TYPE)=(?<secret>[^\s'"$#%{<][^\s'"]{5,})`, {
        requires: '=',
        hitCheck: ASSIGNMENT_FOLLOWS,
        placeholder: 'strict',
        validate: (s) => new Set(s).size >= 5 && !/^(?:true|false|null|none|\/|https?:)/i.test(s),
    }),
    shaped('psexec-password', 'generic', 'Password passed to PsExec', ['psexec'], String.raw `(?i:psexec)\S*\s.*?\s-p\s+(?<secret>[^\s$%-][^\s]{3,})`, { placeholder: 'strict' }),
    shaped('powercli-password', 'generic', 'Password passed to Connect-VIServer', ['connect-viserver'], String.raw `(?i:connect-viserver)\s.*?(?i:-password)\s+(?<secret>[^\s$"'][^\s]{3,})`, { placeholder: 'strict' }),
    shaped('network-credential', 'generic', 'Password in a NetworkCredential', ['networkcredential'], String.raw `NetworkCredential\(\s*"[^"]*"\s*,\s*"(?<secret>[^"]{6,})"`, { placeholder: 'strict' }),
    shaped('xml-secret-setting', 'generic', 'Secret in an XML setting', ['value='], String.raw `<add\s+key\s*=\s*"[^"]*(?i:password|secret|token|apikey|api_key)[^"]*"\s+value\s*=\s*"(?<secret>[^"%$]{6,})"`, { placeholder: 'strict' }),
    shaped('django-secret-key', 'generic', 'Django secret key', ['django-insecure-'], String.raw `(?<secret>django-insecure-[^\s'"]{30,})`, { placeholder: 'none' }),
    shaped('jenkins-crumb', 'ci', 'Jenkins crumb', ['jenkins-crumb'], String.raw `(?i:Jenkins-Crumb)\s*[:=]\s*(?<secret>[a-f0-9]{32,64})`),
    shaped('kerberos-asrep-hash', 'password-hash', 'Kerberos AS-REP or TGS hash', ['$krb5asrep$', '$krb5tgs$'], String.raw `(?<secret>\$krb5(?:asrep|tgs)\$\d+\$[^$\s]*\$?[a-f0-9]{32}\$[a-f0-9]{64,})`, { severity: 'medium', placeholder: 'none' }),
    shaped('cisco-password-hash', 'password-hash', 'Cisco type 8/9 password hash', ['$8$', '$9$'], String.raw `(?<secret>\$[89]\$[./A-Za-z0-9]{14}\$[./A-Za-z0-9]{43})`, { severity: 'medium', placeholder: 'none' }),
    shaped('generic-secret-assignment', 'generic', 'Secret assigned to a secret-named variable', ['pass', 'pwd', 'secret', 'token', 'credential', ...SECRET_KEY_NAMES], String.raw `(?i:${SECRET_NAME})(?<!id|name|length|variable|url|file|path|type|size|format|count|prefix|header)(?:['"\x60\]\s]{0,3})(?:[:?.|]{0,3}=>?|:|,|=>)\s{0,8}(?:[\x60'"]|\\")?(?<secret>[A-Za-z0-9_~+/=.!@#%^&*?-]{10,200})(?=\\?['"\x60\s;,)\]}<>&|\\]|$)`, { minEntropy: 3.3, placeholder: 'strict', hitCheck: ASSIGNMENT_FOLLOWS, validate: looksGenerated }),
];
/** A generic value must look machine-made: digits or mixed case, not a dotted name or a path. */
function looksGenerated(value) {
    if (/^[a-z]+(?:[._-][a-z]+)*$/i.test(value))
        return false;
    if (/^(?:\/|\.\/|~\/|arn:|https?:)/.test(value))
        return false;
    if (/^[\w-]+(?:\.[\w-]+){2,}$/.test(value) && !/\d{3}/.test(value))
        return false;
    if (/^(?:true|false|null|none|undefined)$/i.test(value))
        return false;
    if (/^\d+(?:\.\d+)*$/.test(value))
        return false;
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value) && /id$/i.test(value))
        return false;
    const digits = /\d/.test(value);
    const upper = /[A-Z]/.test(value);
    const lower = /[a-z]/.test(value);
    return (digits && (upper || lower)) || (upper && lower && value.length >= 16);
}

;// CONCATENATED MODULE: ./packages/scrub/src/rules/payments-chat.ts

const payments_chat_UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const payments_chat_critical = { severity: 'critical' };
/** Payments, commerce, finance and crypto exchanges; chat and messaging. */
const PAYMENT_CHAT_RULES = [
    shaped('stripe-secret-key', 'payments', 'Stripe secret or restricted key', ['sk_test_', 'sk_live_', 'sk_prod_', 'rk_test_', 'rk_live_', 'rk_prod_'], String.raw `(?<![A-Za-z0-9])(?<secret>(?:sk|rk)_(?:test|live|prod)_[A-Za-z0-9]{10,99})(?![A-Za-z0-9])`, { ...payments_chat_critical, minEntropy: 3 }),
    prefixed('stripe-webhook-secret', 'payments', 'Stripe webhook signing secret', 'whsec_', '[A-Za-z0-9+/]{32,}', payments_chat_critical),
    shaped('square-access-token', 'payments', 'Square access token', ['eaaa', 'sq0atp-'], String.raw `(?<![A-Za-z0-9])(?<secret>(?:EAAA|sq0atp-)[A-Za-z0-9_-]{22,60})(?![A-Za-z0-9_-])`, { ...payments_chat_critical, minEntropy: 3.5, hitCheck: startsToken('eaaa', 'sq0atp-') }),
    prefixed('square-oauth-secret', 'payments', 'Square OAuth secret', 'sq0csp-', '[0-9A-Za-z_-]{43}', payments_chat_critical),
    shaped('braintree-access-token', 'payments', 'Braintree/PayPal access token', ['access_token$production$', 'access_token$sandbox$'], String.raw `(?<secret>access_token\$(?:production|sandbox)\$[0-9a-z]{16}\$[0-9a-f]{32})`, payments_chat_critical),
    prefixed('shopify-access-token', 'payments', 'Shopify access token', 'shpat_', '[a-fA-F0-9]{32}', payments_chat_critical),
    prefixed('shopify-custom-access-token', 'payments', 'Shopify custom app access token', 'shpca_', '[a-fA-F0-9]{32}', payments_chat_critical),
    prefixed('shopify-private-app-access-token', 'payments', 'Shopify private app access token', 'shppa_', '[a-fA-F0-9]{32}', payments_chat_critical),
    prefixed('shopify-shared-secret', 'payments', 'Shopify shared secret', 'shpss_', '[a-fA-F0-9]{32}', payments_chat_critical),
    shaped('plaid-access-token', 'payments', 'Plaid access token', ['access-sandbox-', 'access-development-', 'access-production-'], String.raw `(?<secret>access-(?:sandbox|development|production)-${payments_chat_UUID})`, payments_chat_critical),
    near('plaid-client-id', 'payments', 'Plaid client id', 'plaid', ['plaid'], '[a-z0-9]{24}'),
    near('plaid-secret-key', 'payments', 'Plaid secret', 'plaid', ['plaid'], '[a-z0-9]{30}', payments_chat_critical),
    shaped('flutterwave-key', 'payments', 'Flutterwave key', ['flwseck_test', 'flwpubk_test', 'flwseck-', 'flwseck_'], String.raw `(?<secret>FLW(?:SECK|PUBK)(?:_TEST)?-(?i:[a-h0-9]{32})-X|FLWSECK_TEST(?i:[a-h0-9]{12}))`, payments_chat_critical),
    near('gocardless-api-token', 'payments', 'GoCardless access token', 'gocardless', ['gocardless'], 'live_(?i:[a-z0-9_=-]{40})', payments_chat_critical),
    near('coinbase-access-token', 'payments', 'Coinbase access token', 'coinbase', ['coinbase'], '(?i:[a-z0-9_-]{64})', payments_chat_critical),
    near('kraken-access-token', 'payments', 'Kraken access token', 'kraken', ['kraken'], '(?i:[a-z0-9/=_+-]{80,90})', payments_chat_critical),
    near('kucoin-access-token', 'payments', 'KuCoin access token', 'kucoin', ['kucoin'], '[a-f0-9]{24}', payments_chat_critical),
    near('kucoin-secret-key', 'payments', 'KuCoin secret key', 'kucoin', ['kucoin'], payments_chat_UUID, {
        ...payments_chat_critical,
        placeholder: 'light',
    }),
    near('bittrex-key', 'payments', 'Bittrex key', 'bittrex', ['bittrex'], '[a-z0-9]{32}', payments_chat_critical),
    near('finicity-client-secret', 'payments', 'Finicity client secret', 'finicity', ['finicity'], '[a-z0-9]{20}', payments_chat_critical),
    near('finicity-api-token', 'payments', 'Finicity API token', 'finicity', ['finicity'], '[a-f0-9]{32}', payments_chat_critical),
    shaped('duffel-api-token', 'payments', 'Duffel API token', ['duffel_test_', 'duffel_live_'], String.raw `(?<secret>duffel_(?:test|live)_(?i:[a-z0-9_=-]{43}))`, payments_chat_critical),
    shaped('easypost-api-token', 'payments', 'EasyPost API key', ['ezak', 'eztk'], String.raw `(?<![A-Za-z0-9])(?<secret>EZ[AT]K(?i:[a-z0-9]{54}))(?![A-Za-z0-9])`, { ...payments_chat_critical, minEntropy: 3.5, hitCheck: startsToken('ezak', 'eztk') }),
    shaped('shippo-api-token', 'payments', 'Shippo API token', ['shippo_live_', 'shippo_test_'], String.raw `(?<secret>shippo_(?:live|test)_[a-fA-F0-9]{40})`, payments_chat_critical),
    near('lob-api-key', 'payments', 'Lob API key', 'lob', ['lob'], '(?:live|test)_[a-f0-9]{35}', payments_chat_critical),
    near('lob-pub-api-key', 'payments', 'Lob publishable API key', 'lob', ['lob'], '(?:test|live)_pub_[a-f0-9]{31}'),
    shaped('razorpay-key', 'payments', 'Razorpay key id', ['rzp_live_', 'rzp_test_'], String.raw `(?<secret>rzp_(?:live|test)_[A-Za-z0-9]{14})`),
    near('mollie-api-key', 'payments', 'Mollie API key', 'mollie', ['mollie'], '(?:live|test)_[A-Za-z0-9]{30}', payments_chat_critical),
    prefixed('paystack-secret-key', 'payments', 'Paystack secret key', 'sk_live_', '[a-f0-9]{40}', {
        ...payments_chat_critical,
        keywords: ['paystack'],
    }),
    shaped('slack-bot-token', 'slack', 'Slack bot token', ['xoxb-'], String.raw `(?<secret>xoxb-[0-9]{10,13}-[0-9]{10,13}-?[A-Za-z0-9-]{20,})`, { ...payments_chat_critical, minEntropy: 3 }),
    shaped('slack-user-token', 'slack', 'Slack user token', ['xoxp-', 'xoxe-'], String.raw `(?<secret>xox[pe](?:-[0-9]{10,13}){3}-[a-zA-Z0-9-]{28,34})`, payments_chat_critical),
    shaped('slack-app-token', 'slack', 'Slack app-level token', ['xapp-'], String.raw `(?<secret>xapp-\d-[A-Z0-9]+-\d+-[a-z0-9]+)`, { ...payments_chat_critical, placeholder: 'none' }),
    shaped('slack-config-access-token', 'slack', 'Slack configuration access token', ['xoxe.xox'], String.raw `(?<secret>xoxe\.xox[bp]-\d-[A-Za-z0-9]{163,166})`, payments_chat_critical),
    shaped('slack-config-refresh-token', 'slack', 'Slack configuration refresh token', ['xoxe-'], String.raw `(?<secret>(?i:xoxe)-\d-[A-Za-z0-9]{146})`, payments_chat_critical),
    shaped('slack-legacy-token', 'slack', 'Slack legacy token', ['xoxo-', 'xoxs-'], String.raw `(?<secret>xox[os]-\d+-\d+-\d+-[a-fA-F\d]+)`, payments_chat_critical),
    shaped('slack-legacy-bot-token', 'slack', 'Slack legacy bot token', ['xoxb-'], String.raw `(?<secret>xoxb-[0-9]{8,14}-[a-zA-Z0-9]{18,26})(?![A-Za-z0-9-])`, { ...payments_chat_critical, minEntropy: 3 }),
    shaped('slack-legacy-workspace-token', 'slack', 'Slack legacy workspace token', ['xoxa-', 'xoxr-'], String.raw `(?<secret>xox[ar]-(?:\d-)?[0-9a-zA-Z]{8,48})`, { ...payments_chat_critical, validate: (s) => /\d/.test(s.slice(5)) }),
    shaped('slack-webhook-url', 'slack', 'Slack webhook URL', ['hooks.slack.com/'], String.raw `(?<secret>(?:https?://)?hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/]{43,56})`, payments_chat_critical),
    shaped('discord-bot-token', 'chat', 'Discord bot token', ['discord', 'bot'], String.raw `(?<![A-Za-z0-9_-])(?<secret>[MNO][A-Za-z\d_-]{23,25}\.[A-Za-z\d_-]{6}\.[A-Za-z\d_-]{27,38})(?![A-Za-z0-9_-])`, { ...payments_chat_critical, minEntropy: 3.5 }),
    near('discord-api-token', 'chat', 'Discord API key', 'discord', ['discord'], '[a-f0-9]{64}', payments_chat_critical),
    near('discord-client-id', 'chat', 'Discord client id', 'discord', ['discord'], '[0-9]{18}', {
        severity: 'medium',
        minEntropy: 2,
    }),
    near('discord-client-secret', 'chat', 'Discord client secret', 'discord', ['discord'], '[a-z0-9=_-]{32}', payments_chat_critical),
    shaped('discord-webhook-url', 'chat', 'Discord webhook URL', ['discord.com/api/webhooks/', 'discordapp.com/api/webhooks/'], String.raw `(?<secret>https://(?:ptb\.|canary\.)?discord(?:app)?\.com/api/webhooks/\d+/[\w-]{60,})`, payments_chat_critical),
    shaped('telegram-bot-token', 'chat', 'Telegram bot token', ['telegram', 'tgram', 'bot'], String.raw `(?<![0-9A-Za-z:])(?<secret>[0-9]{5,16}:A[A-Za-z0-9_-]{34})(?![A-Za-z0-9_-])`, { ...payments_chat_critical, minEntropy: 3 }),
    shaped('telegram-bot-token-shape', 'chat', 'Telegram bot token', [':aa'], String.raw `(?<![0-9A-Za-z:])(?<secret>[0-9]{8,10}:AA[A-Za-z0-9_-]{31,33})(?![A-Za-z0-9_-])`, { ...payments_chat_critical, minEntropy: 3 }),
    prefixed('mailgun-api-key', 'messaging', 'Mailgun API key', 'key-', '[a-f0-9]{32}', { ...payments_chat_critical, minEntropy: 3.2 }),
    shaped('microsoft-teams-webhook', 'chat', 'Microsoft Teams incoming webhook', ['webhook.office.com', 'outlook.office.com/webhook'], String.raw `(?<secret>https://[a-z0-9-]+\.webhook\.office\.com/webhookb2/[a-z0-9-]+@[a-z0-9-]+/IncomingWebhook/[a-z0-9]+/[a-z0-9-]+|https://outlook\.office\.com/webhook/[a-f0-9-]+@[a-f0-9-]+/IncomingWebhook/[a-f0-9]+/[a-f0-9-]+)`, payments_chat_critical),
    near('mattermost-access-token', 'chat', 'Mattermost access token', 'mattermost', ['mattermost'], '[a-z0-9]{26}'),
    prefixed('twilio-api-key', 'messaging', 'Twilio API key', 'SK', '[0-9a-fA-F]{32}', { ...payments_chat_critical, minEntropy: 3.2 }),
    near('twilio-auth-token', 'messaging', 'Twilio auth token', 'twilio', ['twilio'], '[a-f0-9]{32}', payments_chat_critical),
    shaped('sendgrid-api-token', 'messaging', 'SendGrid API key', ['sg.'], String.raw `(?<![A-Za-z0-9])(?<secret>SG\.[\w-]{22}\.[\w-]{43})`, { ...payments_chat_critical, hitCheck: startsToken('sg.') }),
    shaped('sendinblue-api-token', 'messaging', 'Brevo (Sendinblue) API key', ['xkeysib-', 'xsmtpsib-'], String.raw `(?<secret>x(?:keysib|smtpsib)-[a-f0-9]{64}-[A-Za-z0-9]{16})`, payments_chat_critical),
    near('mailgun-private-api-token', 'messaging', 'Mailgun private API key', 'mailgun', ['mailgun'], 'key-[a-f0-9]{32}', payments_chat_critical),
    near('mailgun-pub-key', 'messaging', 'Mailgun public validation key', 'mailgun', ['mailgun'], 'pubkey-[a-f0-9]{32}'),
    near('mailgun-signing-key', 'messaging', 'Mailgun webhook signing key', 'mailgun', ['mailgun'], '[a-h0-9]{32}-[a-h0-9]{8}-[a-h0-9]{8}', payments_chat_critical),
    shaped('mailchimp-api-key', 'messaging', 'Mailchimp API key', ['-us'], String.raw `(?<![A-Za-z0-9])(?<secret>[a-f0-9]{32}-us\d{1,2})(?![A-Za-z0-9])`, { ...payments_chat_critical, minEntropy: 3.2 }),
    near('postmark-server-token', 'messaging', 'Postmark server token', 'postmark', ['postmark'], payments_chat_UUID, {
        ...payments_chat_critical,
        placeholder: 'light',
    }),
    near('messagebird-api-token', 'messaging', 'MessageBird API key', 'message[_-]?bird', ['messagebird', 'message_bird', 'message-bird'], '[a-z0-9]{25}', payments_chat_critical),
    near('messagebird-client-id', 'messaging', 'MessageBird client id', 'message[_-]?bird', ['messagebird', 'message_bird', 'message-bird'], payments_chat_UUID, { severity: 'medium', placeholder: 'light' }),
    near('intercom-api-key', 'messaging', 'Intercom API key', 'intercom', ['intercom'], '[a-z0-9=_-]{60}', payments_chat_critical),
    near('sendbird-access-id', 'messaging', 'Sendbird application id', 'sendbird', ['sendbird'], payments_chat_UUID, {
        severity: 'medium',
        placeholder: 'light',
    }),
    near('sendbird-access-token', 'messaging', 'Sendbird access token', 'sendbird', ['sendbird'], '[a-f0-9]{40}', payments_chat_critical),
];

;// CONCATENATED MODULE: ./packages/scrub/src/rules/registries-ai.ts


const registries_ai_critical = { severity: 'critical' };
/** Package registries and AI providers. */
const REGISTRY_AI_RULES = [
    prefixed('npm-access-token', 'registry', 'npm access token', 'npm_', '[A-Za-z0-9]{36}', {
        ...registries_ai_critical,
        minEntropy: 3,
        checksum: hasCrc32Base62Checksum,
    }),
    shaped('npmrc-auth-token', 'registry', 'npm auth token in .npmrc', ['_authtoken'], String.raw `:_authToken\s*=\s*(?<secret>[A-Za-z0-9_.+/=-]{20,})`, { ...registries_ai_critical, minEntropy: 3 }),
    shaped('pypi-upload-token', 'registry', 'PyPI upload token', ['pypi-ageichlwas5vcmc', 'pypi-agendgvzdc5wexbplm9yzw'], String.raw `(?<secret>pypi-(?:AgEIcHlwaS5vcmc|AgENdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,})`, registries_ai_critical),
    prefixed('rubygems-api-token', 'registry', 'RubyGems API key', 'rubygems_', '[a-f0-9]{48}', registries_ai_critical),
    prefixed('nuget-api-key', 'registry', 'NuGet API key', 'oy2', '[a-z0-9]{43}', { ...registries_ai_critical, minEntropy: 3.5 }),
    shaped('nuget-config-password', 'registry', 'Password in NuGet.config', ['cleartextpassword'], String.raw `(?i:key\s*=\s*"ClearTextPassword"\s+value\s*=\s*")(?<secret>[^"%]{8,})"`, { placeholder: 'strict', minEntropy: 2.5 }),
    prefixed('clojars-api-token', 'registry', 'Clojars deploy token', 'CLOJARS_', '(?i:[a-z0-9]{60})', registries_ai_critical),
    prefixed('cratesio-api-token', 'registry', 'crates.io API token', 'cio', '[A-Za-z0-9]{32}', {
        ...registries_ai_critical,
        minEntropy: 3.5,
    }),
    prefixed('artifactory-api-key', 'registry', 'JFrog Artifactory API key', 'AKCp', '[A-Za-z0-9]{69}', {
        ...registries_ai_critical,
        minEntropy: 3.5,
    }),
    prefixed('artifactory-reference-token', 'registry', 'JFrog Artifactory reference token', 'cmVmd', '[A-Za-z0-9]{59}', {
        ...registries_ai_critical,
        minEntropy: 3.5,
    }),
    near('jfrog-api-key', 'registry', 'JFrog API key', 'jfrog|artifactory|bintray|xray', ['jfrog', 'artifactory', 'bintray', 'xray'], '[a-z0-9]{73}', registries_ai_critical),
    near('jfrog-identity-token', 'registry', 'JFrog identity token', 'jfrog|artifactory|bintray|xray', ['jfrog', 'artifactory', 'bintray', 'xray'], '[a-z0-9]{64}', registries_ai_critical),
    near('gradle-publish-key', 'registry', 'Gradle plugin portal key', String.raw `gradle\.publish\.(?:key|secret)`, ['gradle.publish'], '[A-Za-z0-9]{32}', registries_ai_critical),
    shaped('openai-api-key', 'ai', 'OpenAI API key', ['t3blbkfj'], String.raw `(?<![A-Za-z0-9])(?<secret>sk-(?:[A-Za-z0-9_-]+-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,})(?![A-Za-z0-9_-])`, registries_ai_critical),
    prefixed('anthropic-api-key', 'ai', 'Anthropic API key', 'sk-ant-api03-', '[\\w-]{93}AA', registries_ai_critical),
    prefixed('anthropic-admin-api-key', 'ai', 'Anthropic admin API key', 'sk-ant-admin01-', '[\\w-]{93}AA', registries_ai_critical),
    prefixed('huggingface-access-token', 'ai', 'Hugging Face access token', 'hf_', '[A-Za-z]{34}', {
        ...registries_ai_critical,
        minEntropy: 3.5,
        validate: (s) => /[A-Z]/.test(s.slice(3)) && /[a-z]/.test(s.slice(3)),
    }),
    prefixed('huggingface-org-token', 'ai', 'Hugging Face organisation API token', 'api_org_', '[A-Za-z]{34}', {
        ...registries_ai_critical,
        minEntropy: 3.5,
        validate: (s) => /[A-Z]/.test(s.slice(8)) && /[a-z]/.test(s.slice(8)),
    }),
    prefixed('groq-api-key', 'ai', 'Groq API key', 'gsk_', '[A-Za-z0-9]{52}', registries_ai_critical),
    prefixed('perplexity-api-key', 'ai', 'Perplexity API key', 'pplx-', '[A-Za-z0-9]{48}', {
        ...registries_ai_critical,
        minEntropy: 3,
    }),
    near('cohere-api-token', 'ai', 'Cohere API key', 'cohere|co_api_key', ['cohere', 'co_api_key'], '[A-Za-z0-9]{40}', registries_ai_critical),
    prefixed('replicate-api-token', 'ai', 'Replicate API token', 'r8_', '[A-Za-z0-9]{37}', registries_ai_critical),
    prefixed('xai-api-key', 'ai', 'xAI API key', 'xai-', '[A-Za-z0-9]{80}', registries_ai_critical),
    near('mistral-api-key', 'ai', 'Mistral API key', 'mistral', ['mistral'], '[A-Za-z0-9]{32}', registries_ai_critical),
    near('deepseek-api-key', 'ai', 'DeepSeek API key', 'deepseek', ['deepseek'], 'sk-[a-f0-9]{32}', registries_ai_critical),
    shaped('tavily-api-key', 'ai', 'Tavily API key', ['tvly-'], String.raw `(?<secret>tvly-(?:dev-|prod-)?[A-Za-z0-9]{32})(?![A-Za-z0-9])`, registries_ai_critical),
    prefixed('jina-api-key', 'ai', 'Jina AI API key', 'jina_', '[a-f0-9]{32}[A-Za-z0-9_-]{20,}', registries_ai_critical),
    prefixed('firecrawl-api-key', 'ai', 'Firecrawl API key', 'fc-', '[a-f0-9]{32}', registries_ai_critical),
    shaped('langsmith-api-key', 'ai', 'LangSmith API key', ['lsv2_'], String.raw `(?<secret>lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10})`, registries_ai_critical),
    near('pinecone-api-key', 'ai', 'Pinecone API key', 'pinecone', ['pinecone'], '(?:pcsk_[A-Za-z0-9_]{60,}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})', { ...registries_ai_critical, placeholder: 'light' }),
    near('elevenlabs-api-key', 'ai', 'ElevenLabs API key', 'elevenlabs|xi_api_key', ['elevenlabs', 'xi_api_key'], '(?:sk_)?[a-f0-9]{32,48}', registries_ai_critical),
    near('privateai-api-token', 'ai', 'Private AI API key', String.raw `private[_-]?ai`, ['privateai', 'private_ai', 'private-ai'], '[a-z0-9]{32}', registries_ai_critical),
    shaped('kagi-api-key', 'ai', 'Kagi API key', ['kagi'], String.raw `(?i:kagi)[\w.-]{0,20}?['"]?\s*[:=]\s*['"]?(?<secret>[A-Za-z0-9_-]{11}\.[A-Za-z0-9_-]{43})`, registries_ai_critical),
];

;// CONCATENATED MODULE: ./packages/scrub/src/rules/monitoring.ts

const monitoring_UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const monitoring_critical = { severity: 'critical' };
const uuidValue = { placeholder: 'light' };
/** Monitoring and observability, identity providers and databases as a service. */
const MONITORING_DATABASE_RULES = [
    shaped('new-relic-user-api-key', 'monitoring', 'New Relic user API key', ['nrak-'], String.raw `(?<secret>NRAK-(?i:[a-z0-9]{27}))`, monitoring_critical),
    shaped('new-relic-browser-api-token', 'monitoring', 'New Relic browser API token', ['nrjs-'], String.raw `(?<secret>NRJS-[a-f0-9]{19})`),
    shaped('new-relic-insert-key', 'monitoring', 'New Relic insert key', ['nrii-'], String.raw `(?<secret>NRII-[a-zA-Z0-9_-]{32})`, monitoring_critical),
    near('new-relic-user-api-id', 'monitoring', 'New Relic user API id', 'new.?relic', ['newrelic', 'new-relic', 'new_relic', 'new relic'], '(?i:[a-z0-9]{64})'),
    shaped('new-relic-license-key', 'monitoring', 'New Relic license key', ['nral'], String.raw `(?<![A-Za-z0-9])(?<secret>[a-f0-9]{36}NRAL)(?![A-Za-z0-9])`, monitoring_critical),
    shaped('new-relic-admin-key', 'monitoring', 'New Relic admin or query key', ['nraa-', 'nriq-', 'nrak-'], String.raw `(?<secret>NR(?:AA|IQ)-[A-Za-z0-9_-]{27,32})`, monitoring_critical),
    near('new-relic-license-key-hex', 'monitoring', 'New Relic license key', String.raw `license.?key`, ['license'], '[a-f0-9]{40}', monitoring_critical),
    shaped('new-relic-pixie-key', 'monitoring', 'New Relic Pixie key', ['px-api-', 'px-dep-'], String.raw `(?<secret>px-(?:api|dep)-${monitoring_UUID})`, monitoring_critical),
    near('datadog-access-token', 'monitoring', 'Datadog access token', 'datadog|dd_app_key|dd_api_key', ['datadog', 'dd_app_key', 'dd_api_key'], '(?:[a-z0-9]{40}|[a-f0-9]{32})', monitoring_critical),
    shaped('sentry-org-token', 'monitoring', 'Sentry organisation token', ['sntrys_eyjpyxqio'], String.raw `(?<secret>sntrys_eyJpYXQiO[A-Za-z0-9+/]{10,200}(?:LCJyZWdpb25fdXJs|InJlZ2lvbl91cmwi|cmVnaW9uX3VybCI6)[A-Za-z0-9+/]{10,200}={0,2}_[A-Za-z0-9+/]{43})`, monitoring_critical),
    prefixed('sentry-user-token', 'monitoring', 'Sentry user token', 'sntryu_', '[a-f0-9]{64}', {
        ...monitoring_critical,
        end: '(?![A-Za-z0-9])',
    }),
    near('sentry-access-token', 'monitoring', 'Sentry access token', 'sentry', ['sentry'], '[a-f0-9]{64}', monitoring_critical),
    shaped('grafana-api-key', 'monitoring', 'Grafana API key', ['eyjrijoi'], String.raw `(?<secret>eyJrIjoi[A-Za-z0-9]{70,400}={0,3})`, monitoring_critical),
    prefixed('grafana-cloud-api-token', 'monitoring', 'Grafana Cloud API token', 'glc_', '[A-Za-z0-9+/]{32,400}={0,3}', {
        ...monitoring_critical,
        minEntropy: 3.5,
        end: '(?![A-Za-z0-9+/=])',
    }),
    prefixed('grafana-service-account-token', 'monitoring', 'Grafana service account token', 'glsa_', '[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}', { ...monitoring_critical, minEntropy: 3.5 }),
    near('sumologic-access-id', 'monitoring', 'Sumo Logic access id', String.raw `sumo(?:logic)?[_.-]?(?:access|token|key|id|secret)`, ['sumo'], 'su[a-zA-Z0-9]{12}', { minEntropy: 3 }),
    near('sumologic-access-token', 'monitoring', 'Sumo Logic access key', String.raw `sumo(?:logic)?[_.-]?(?:access|token|key|id|secret)`, ['sumo'], '[a-zA-Z0-9]{64}', monitoring_critical),
    near('honeycomb-api-key', 'monitoring', 'Honeycomb API key', 'honeycomb', ['honeycomb'], '(?:[a-zA-Z0-9]{22}|[a-f0-9]{32}|hc[a-z]{2}_[a-zA-Z0-9]{58})', monitoring_critical),
    near('pagerduty-api-key', 'monitoring', 'PagerDuty API key', 'pagerduty|pager_duty', ['pagerduty', 'pager_duty'], '[a-zA-Z0-9_+-]{20}', monitoring_critical),
    near('opsgenie-api-key', 'monitoring', 'Opsgenie API key', 'opsgenie', ['opsgenie'], monitoring_UUID, {
        ...monitoring_critical,
        ...uuidValue,
    }),
    near('rollbar-access-token', 'monitoring', 'Rollbar access token', 'rollbar', ['rollbar'], '[a-f0-9]{32}', monitoring_critical),
    near('bugsnag-api-key', 'monitoring', 'Bugsnag API key', 'bugsnag', ['bugsnag'], '[a-f0-9]{32}'),
    near('splunk-hec-token', 'monitoring', 'Splunk HEC token', 'splunk|hec_token', ['splunk', 'hec_token'], monitoring_UUID, {
        ...monitoring_critical,
        ...uuidValue,
    }),
    near('cisco-meraki-api-key', 'monitoring', 'Cisco Meraki API key', '(?<![a-z])meraki', ['meraki'], '[0-9a-f]{40}', monitoring_critical),
    near('okta-access-token', 'identity', 'Okta API token', '(?<![a-z])okta|ssws', ['okta', 'ssws'], '00[A-Za-z0-9_-]{40}', { ...monitoring_critical, minEntropy: 3.5 }),
    near('auth0-client-secret', 'identity', 'Auth0 client secret', String.raw `auth0[\w.-]{0,20}?secret`, ['auth0'], '[A-Za-z0-9_-]{64}', monitoring_critical),
    prefixed('clickhouse-cloud-api-secret-key', 'database', 'ClickHouse Cloud API secret key', '4b1d', '[A-Za-z0-9]{38}', { ...monitoring_critical, minEntropy: 3.5 }),
    shaped('databricks-api-token', 'database', 'Databricks API token', ['dapi'], String.raw `(?<![A-Za-z0-9])(?<secret>dapi[a-f0-9]{32}(?:-\d)?)(?![A-Za-z0-9])`, { ...monitoring_critical, minEntropy: 3, hitCheck: startsToken('dapi') }),
    shaped('planetscale-token', 'database', 'PlanetScale token or password', ['pscale_tkn_', 'pscale_oauth_', 'pscale_pw_'], String.raw `(?<secret>pscale_(?:tkn|oauth|pw)_[\w=.-]{32,64})`, monitoring_critical),
    near('confluent-access-token', 'database', 'Confluent access token', 'confluent', ['confluent'], '[a-z0-9]{16}', monitoring_critical),
    near('confluent-secret-key', 'database', 'Confluent secret key', 'confluent', ['confluent'], '[a-z0-9]{64}', monitoring_critical),
    shaped('scalingo-api-token', 'cloud-paas', 'Scalingo API token', ['tk-us-'], String.raw `(?<secret>tk-us-[\w-]{48})`, monitoring_critical),
];

;// CONCATENATED MODULE: ./packages/scrub/src/rules/saas.ts

const saas_UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const saas_critical = { severity: 'critical' };
const saas_uuidValue = { placeholder: 'light' };
/** Productivity, commerce-adjacent, social and IoT SaaS. */
const SAAS_RULES = [
    near('squarespace-access-token', 'saas', 'Squarespace access token', 'squarespace', ['squarespace'], saas_UUID, saas_uuidValue),
    near('hubspot-api-key', 'saas', 'HubSpot API key', 'hubspot', ['hubspot'], saas_UUID, saas_uuidValue),
    shaped('hubspot-private-app-token', 'saas', 'HubSpot private app token', ['pat-na1-', 'pat-eu1-'], String.raw `(?<secret>pat-(?:na|eu)1-${saas_UUID})`, saas_critical),
    near('zendesk-secret-key', 'saas', 'Zendesk secret key', 'zendesk', ['zendesk'], '[a-z0-9]{40}', saas_critical),
    near('freshbooks-access-token', 'saas', 'FreshBooks access token', 'freshbooks', ['freshbooks'], '[a-z0-9]{64}'),
    prefixed('typeform-api-token', 'saas', 'Typeform API token', 'tfp_', '[a-z0-9_.=-]{59}'),
    prefixed('linear-api-key', 'saas', 'Linear API key', 'lin_api_', '(?i:[a-z0-9]{40})'),
    near('linear-client-secret', 'saas', 'Linear client secret', 'linear', ['linear'], '[a-f0-9]{32}'),
    shaped('notion-api-token', 'saas', 'Notion integration token', ['ntn_', 'secret_'], String.raw `(?<![A-Za-z0-9])(?<secret>ntn_[0-9]{11}[A-Za-z0-9]{35}|secret_[A-Za-z0-9]{43})(?![A-Za-z0-9])`, { minEntropy: 3.5, hitCheck: startsToken('ntn_', 'secret_') }),
    near('asana-client-id', 'saas', 'Asana client id', 'asana', ['asana'], '[0-9]{16}', {
        severity: 'medium',
        minEntropy: 2.5,
    }),
    near('asana-client-secret', 'saas', 'Asana client secret', 'asana', ['asana'], '[a-z0-9]{32}'),
    near('airtable-api-key', 'saas', 'Airtable API key', 'airtable', ['airtable'], '[a-z0-9]{17}'),
    prefixed('airtable-pat', 'saas', 'Airtable personal access token', 'pat', '[A-Za-z0-9]{14}\\.[a-f0-9]{64}', {
        minEntropy: 3.5,
    }),
    prefixed('figma-pat', 'saas', 'Figma personal access token', 'figd_', '[\\w-]{40}'),
    shaped('dropbox-short-lived-token', 'saas', 'Dropbox short-lived token', ['sl.'], String.raw `(?<![A-Za-z0-9])(?<secret>sl\.[A-Za-z0-9_-]{130,152})`, { minEntropy: 3.5, hitCheck: startsToken('sl.') }),
    near('dropbox-api-token', 'saas', 'Dropbox API secret', 'dropbox', ['dropbox'], '[a-z0-9]{15}'),
    near('dropbox-long-lived-token', 'saas', 'Dropbox long-lived token', 'dropbox', ['dropbox'], '[a-z0-9]{11}AAAAAAAAAA[a-z0-9_=-]{43}'),
    near('contentful-delivery-api-token', 'saas', 'Contentful delivery API token', 'contentful', ['contentful'], '[a-z0-9=_-]{43}'),
    prefixed('frameio-api-token', 'saas', 'Frame.io API token', 'fio-u-', '(?i:[a-z0-9=_-]{64})'),
    near('launchdarkly-access-token', 'saas', 'LaunchDarkly access token', 'launchdarkly', ['launchdarkly'], '[a-z0-9=_-]{40}'),
    near('beamer-api-token', 'saas', 'Beamer API token', 'beamer', ['beamer'], 'b_[a-z0-9=_-]{44}'),
    near('algolia-api-key', 'saas', 'Algolia API key', 'algolia', ['algolia'], '[a-z0-9]{32}'),
    prefixed('adafruit-io-key', 'saas', 'Adafruit IO key', 'aio_', '[A-Za-z0-9]{28}'),
    near('adafruit-api-key', 'saas', 'Adafruit API key', 'adafruit', ['adafruit'], '[a-z0-9_-]{32}'),
    near('adobe-client-id', 'saas', 'Adobe client id', 'adobe', ['adobe'], '[a-f0-9]{32}'),
    prefixed('adobe-client-secret', 'saas', 'Adobe client secret', 'p8e-', '(?i:[a-z0-9_-]{32})'),
    near('etsy-access-token', 'saas', 'Etsy access token', '(?<![a-z])etsy', ['etsy'], '[a-z0-9]{24}'),
    shaped('facebook-access-token', 'social', 'Facebook access token', ['eaam', 'eaac'], String.raw `(?<![A-Za-z0-9])(?<secret>EAA[MC](?i:[a-z0-9]{100,}))`, { minEntropy: 3.5, hitCheck: startsToken('eaam', 'eaac') }),
    shaped('facebook-page-access-token', 'social', 'Facebook page access token', ['EAA'], String.raw `(?<![A-Za-z0-9])(?<secret>EAA[A-Za-z0-9]{60,}(?:ZD|ZDZD)?)(?![A-Za-z0-9])`, { minEntropy: 3.5, validate: (s) => /[a-z]/.test(s) && /[A-Z]/.test(s.slice(3)), hitCheck: startsToken('EAA') }),
    shaped('facebook-app-access-token', 'social', 'Facebook app access token', ['facebook', 'access_token', 'fb_'], String.raw `(?<![0-9])(?<secret>\d{15,16}\|[0-9A-Za-z_-]{27})(?![0-9A-Za-z_-])`, { minEntropy: 3.5 }),
    near('facebook-secret', 'social', 'Facebook app secret', 'facebook|fb(?=[_.-]|api|app|token|secret|key)', ['facebook', 'fb_', 'fb.', 'fb-', 'fbapi', 'fbapp', 'fbtoken', 'fbsecret', 'fbkey'], '[a-f0-9]{32}'),
    shaped('twitter-bearer-token', 'social', 'Twitter bearer token', ['aaaaaaaaaaaaaaaaaaaaaa'], String.raw `(?<secret>A{22}[A-Za-z0-9%]{80,100})`),
    near('twitter-api-secret', 'social', 'Twitter API secret', 'twitter', ['twitter'], '[a-z0-9]{50}'),
    near('twitter-api-key', 'social', 'Twitter API key', 'twitter', ['twitter'], '[a-z0-9]{25}'),
    near('twitter-access-secret', 'social', 'Twitter access secret', 'twitter', ['twitter'], '[a-z0-9]{45}'),
    near('twitter-access-token', 'social', 'Twitter access token', 'twitter', ['twitter'], '[0-9]{15,25}-[a-zA-Z0-9]{20,40}'),
    near('twitch-api-token', 'social', 'Twitch API token', 'twitch', ['twitch'], '[a-z0-9]{30}'),
    shaped('twitch-stream-key', 'social', 'Twitch stream key', ['live_'], String.raw `(?<![A-Za-z0-9])(?<secret>live_\d{6,12}_[A-Za-z0-9]{30})(?![A-Za-z0-9])`),
    near('linkedin-client-id', 'social', 'LinkedIn client id', 'linked.?in', ['linkedin', 'linked_in', 'linked-in'], '[a-z0-9]{14}', { severity: 'medium' }),
    near('linkedin-client-secret', 'social', 'LinkedIn client secret', 'linked.?in', ['linkedin', 'linked_in', 'linked-in'], '[a-z0-9]{16}'),
    near('flickr-access-token', 'social', 'Flickr access token', 'flickr', ['flickr'], '[a-z0-9]{32}'),
    near('nytimes-access-token', 'social', 'New York Times API key', 'nytimes|new.?york.?times', ['nytimes', 'newyorktimes', 'new-york-times', 'new_york_times'], '[a-z0-9=_-]{32}'),
    near('finnhub-access-token', 'saas', 'Finnhub access token', 'finnhub', ['finnhub'], '[a-z0-9]{20}'),
    shaped('mapbox-api-token', 'saas', 'Mapbox token', ['pk.ey', 'sk.ey', 'tk.ey'], String.raw `(?<![A-Za-z0-9])(?<secret>[pst]k\.eyJ[A-Za-z0-9_-]{40,}\.[A-Za-z0-9_-]{20,})`, { minEntropy: 3.5 }),
    near('mapbox-legacy-token', 'saas', 'Mapbox token', 'mapbox', ['mapbox'], 'pk\\.[a-z0-9]{60}\\.[a-z0-9]{22}'),
    shaped('maxmind-license-key', 'saas', 'MaxMind license key', ['_mmk'], String.raw `(?<![A-Za-z0-9])(?<secret>[A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk)(?![A-Za-z0-9])`),
    near('looker-client-id', 'saas', 'Looker client id', 'looker', ['looker'], '[a-z0-9]{20}', { severity: 'medium' }),
    near('looker-client-secret', 'saas', 'Looker client secret', 'looker', ['looker'], '[a-z0-9]{24}'),
    shaped('intra42-client-secret', 'saas', '42 intra client secret', ['s-s4t2'], String.raw `(?<secret>s-s4t2(?:ud|af)-[a-f0-9]{64})`),
    shaped('salesforce-access-token', 'saas', 'Salesforce access token', ['00D'], String.raw `(?<![A-Za-z0-9])(?<secret>00D[A-Za-z0-9]{12,15}![A-Za-z0-9._]{80,})`, { ...saas_critical, hitCheck: startsToken('00D') }),
    near('saucelabs-access-key', 'saas', 'Sauce Labs access key', 'sauce', ['sauce'], saas_UUID, saas_uuidValue),
    near('particle-io-token', 'iot', 'Particle.io access token', 'particle', ['particle'], '[a-f0-9]{40}'),
    near('blynk-auth-token', 'iot', 'Blynk auth token', 'blynk', ['blynk'], '[A-Za-z0-9_-]{32}'),
    near('thingsboard-access-token', 'iot', 'ThingsBoard access token', 'thingsboard', ['thingsboard'], '[A-Za-z0-9]{20}'),
    shaped('thingsboard-device-token-url', 'iot', 'ThingsBoard device token in a URL', ['thingsboard.cloud/api/v1/'], String.raw `thingsboard\.cloud/api/v1/(?<secret>[a-z0-9]{20})/`),
    prefixed('dependency-track-api-key', 'ci', 'Dependency-Track API key', 'odt_', '[A-Za-z0-9]{32,}', saas_critical),
    near('segment-write-key', 'saas', 'Segment write key', 'segment', ['segment'], '[A-Za-z0-9]{32}'),
    near('nasa-api-key', 'saas', 'NASA API key', 'nasa', ['nasa'], '[A-Za-z0-9]{40}'),
    near('jira-token', 'atlassian', 'Jira token', 'jira', ['jira'], '[A-Za-z0-9]{24}'),
    near('trello-api-token', 'saas', 'Trello token', 'trello', ['trello'], '[a-f0-9]{64}'),
    near('zapier-webhook', 'saas', 'Zapier webhook', 'zapier', ['zapier'], 'https://hooks\\.zapier\\.com/hooks/catch/\\d+/[a-z0-9]+/?'),
];

;// CONCATENATED MODULE: ./packages/scrub/src/rules/vcs-ci.ts


const vcs_ci_UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const github = { severity: 'critical', minEntropy: 3, checksum: hasCrc32Base62Checksum };
/** Source hosting, CI/CD and developer tooling. */
const VCS_CI_RULES = [
    prefixed('github-pat', 'github', 'GitHub personal access token', 'ghp_', '[A-Za-z0-9]{36}', github),
    prefixed('github-oauth', 'github', 'GitHub OAuth access token', 'gho_', '[A-Za-z0-9]{36}', github),
    prefixed('github-user-to-server-token', 'github', 'GitHub user-to-server token', 'ghu_', '[A-Za-z0-9]{36}', github),
    prefixed('github-server-to-server-token', 'github', 'GitHub installation token', 'ghs_', '[A-Za-z0-9]{36}', github),
    prefixed('github-refresh-token', 'github', 'GitHub refresh token', 'ghr_', '[A-Za-z0-9]{36}', github),
    prefixed('github-fine-grained-pat', 'github', 'GitHub fine-grained personal access token', 'github_pat_', '[A-Za-z0-9_]{82}', { severity: 'critical', minEntropy: 3 }),
    near('github-oauth-client-secret', 'github', 'GitHub OAuth app client secret', String.raw `(?:github|gh|gitalk)[\w.-]{0,20}?client.?secret`, ['clientsecret', 'client_secret', 'client-secret', 'client.secret', 'client secret'], '[a-f0-9]{40}', { severity: 'critical' }),
    prefixed('gitlab-pat', 'gitlab', 'GitLab personal access token', 'glpat-', '[0-9A-Za-z_-]{20}(?:[0-9A-Za-z_.-]{7,300})?', { severity: 'critical', minEntropy: 3 }),
    prefixed('gitlab-pipeline-trigger-token', 'gitlab', 'GitLab pipeline trigger token', 'glptt-', '[0-9a-f]{40}', {
        severity: 'critical',
    }),
    prefixed('gitlab-runner-registration-token', 'gitlab', 'GitLab runner registration token', 'GR1348941', '[\\w-]{20}', { severity: 'critical', minEntropy: 3 }),
    prefixed('gitlab-runner-authentication-token', 'gitlab', 'GitLab runner authentication token', 'glrt-', '[0-9A-Za-z_-]{20}(?:[0-9A-Za-z_.-]{7,300})?', { severity: 'critical', minEntropy: 3 }),
    prefixed('gitlab-cicd-job-token', 'gitlab', 'GitLab CI/CD job token', 'glcbt-', '[0-9a-fA-F]{1,5}_[0-9A-Za-z_-]{20}', { severity: 'critical' }),
    prefixed('gitlab-deploy-token', 'gitlab', 'GitLab deploy token', 'gldt-', '[0-9A-Za-z_-]{20}', {
        severity: 'critical',
    }),
    prefixed('gitlab-feature-flag-token', 'gitlab', 'GitLab feature flag client token', 'glffct-', '[0-9A-Za-z_-]{20}'),
    prefixed('gitlab-feed-token', 'gitlab', 'GitLab feed token', 'glft-', '[0-9A-Za-z_-]{20}'),
    prefixed('gitlab-incoming-mail-token', 'gitlab', 'GitLab incoming mail token', 'glimt-', '[0-9A-Za-z_-]{25}'),
    prefixed('gitlab-kubernetes-agent-token', 'gitlab', 'GitLab Kubernetes agent token', 'glagent-', '[0-9A-Za-z_-]{50}', { severity: 'critical' }),
    prefixed('gitlab-oauth-app-secret', 'gitlab', 'GitLab OAuth application secret', 'gloas-', '[0-9A-Za-z_-]{64}', {
        severity: 'critical',
    }),
    prefixed('gitlab-scim-token', 'gitlab', 'GitLab SCIM token', 'glsoat-', '[0-9A-Za-z_-]{20}', {
        severity: 'critical',
    }),
    shaped('gitlab-session-cookie', 'gitlab', 'GitLab session cookie', ['_gitlab_session='], String.raw `_gitlab_session=(?<secret>[0-9a-z]{32})`),
    near('bitbucket-client-id', 'bitbucket', 'Bitbucket client id', 'bitbucket', ['bitbucket'], '[a-z0-9]{32}'),
    near('bitbucket-client-secret', 'bitbucket', 'Bitbucket client secret', 'bitbucket', ['bitbucket'], '[a-z0-9=_-]{64}', { severity: 'critical' }),
    prefixed('bitbucket-app-password', 'bitbucket', 'Bitbucket app password', 'ATBB', '[A-Za-z0-9_=.-]{28,}', {
        severity: 'critical',
        minEntropy: 3.5,
    }),
    prefixed('atlassian-api-token-v2', 'atlassian', 'Atlassian API token', 'ATATT3', '[A-Za-z0-9_=-]{186}', {
        severity: 'critical',
    }),
    near('atlassian-api-token', 'atlassian', 'Atlassian API token', 'atlassian|confluence|jira', ['atlassian', 'confluence', 'jira'], '[a-z0-9]{24}', { severity: 'critical' }),
    near('travisci-access-token', 'ci', 'Travis CI access token', 'travis', ['travis'], '[a-z0-9]{22}'),
    near('circleci-token', 'ci', 'CircleCI API token', 'circle', ['circle'], '[a-f0-9]{40}', { severity: 'critical' }),
    prefixed('circleci-pat', 'ci', 'CircleCI personal API token', 'CCIPAT_', '[A-Za-z0-9]{22}_[a-f0-9]{40}', {
        severity: 'critical',
    }),
    near('droneci-access-token', 'ci', 'Drone CI access token', 'drone', ['drone'], '[a-z0-9]{32}'),
    near('codecov-access-token', 'ci', 'Codecov access token', 'codecov', ['codecov'], '[a-z0-9]{32}'),
    shaped('sonarqube-token', 'ci', 'SonarQube token', ['squ_', 'sqp_', 'sqa_'], String.raw `(?<![A-Za-z0-9])(?<secret>sq[upa]_[a-f0-9]{40})(?![A-Za-z0-9])`, { severity: 'critical', hitCheck: startsToken('squ_', 'sqp_', 'sqa_') }),
    near('sonar-api-token', 'ci', 'SonarQube/SonarCloud token', 'sonar', ['sonar'], '(?i:[a-z0-9]{40})', {
        placeholder: 'light',
    }),
    near('snyk-api-token', 'ci', 'Snyk API token', 'snyk', ['snyk'], vcs_ci_UUID, { placeholder: 'light' }),
    near('jenkins-api-token', 'ci', 'Jenkins API token', 'jenkins', ['jenkins'], '[0-9a-f]{34}', {
        severity: 'critical',
    }),
    shaped('jenkins-crumb-or-token-url', 'ci', 'Jenkins credentials in a URL', ['jenkins'], String.raw `https?://[\w.-]+:(?<secret>[0-9a-f]{34})@`, { severity: 'critical' }),
    shaped('teamcity-token', 'ci', 'TeamCity access token', ['eyj0exaioiaivenwmij9'], String.raw `(?<secret>eyJ0eXAiOiAiVENWMiJ9\.[A-Za-z0-9_-]{36}\.[A-Za-z0-9_-]{48})`, { severity: 'critical' }),
    prefixed('buildkite-token', 'ci', 'Buildkite API token', 'bkua_', '[a-f0-9]{40}', { severity: 'critical' }),
    prefixed('octopus-deploy-api-key', 'ci', 'Octopus Deploy API key', 'API-', '[A-Z0-9]{26}', {
        minEntropy: 3.5,
        validate: (s) => /\d/.test(s) && /[A-Z]{2}/.test(s.slice(4)),
    }),
    shaped('harness-api-key', 'ci', 'Harness API key', ['pat.', 'sat.'], String.raw `(?<![A-Za-z0-9])(?<secret>(?:pat|sat)\.[a-zA-Z0-9_-]{22}\.[a-zA-Z0-9]{24}\.[a-zA-Z0-9]{20})`, { severity: 'critical', hitCheck: startsToken('pat.', 'sat.') }),
    shaped('sourcegraph-access-token', 'ci', 'Sourcegraph access token', ['sgp_'], String.raw `(?<![A-Za-z0-9])(?<secret>sgp_(?:[a-fA-F0-9]{16}|local)_[a-fA-F0-9]{40}|sgp_[a-fA-F0-9]{40})(?![A-Za-z0-9!])`, { minEntropy: 3.2, hitCheck: startsToken('sgp_') }),
    near('sourcegraph-token', 'ci', 'Sourcegraph access token', 'sourcegraph', ['sourcegraph'], '[a-fA-F0-9]{40}'),
    prefixed('postman-api-token', 'ci', 'Postman API key', 'PMAK-', '[a-fA-F0-9]{24}-[a-fA-F0-9]{34}'),
    near('rapidapi-access-token', 'ci', 'RapidAPI key', 'rapidapi', ['rapidapi'], '[\\w-]{50}'),
    prefixed('readme-api-token', 'ci', 'ReadMe API key', 'rdme_', '[a-z0-9]{70}'),
    shaped('infracost-api-token', 'ci', 'Infracost API key', ['ico-'], String.raw `(?<![A-Za-z0-9._/-])(?<secret>ico-[A-Za-z0-9]{32})(?![A-Za-z0-9])`, { minEntropy: 3.5, hitCheck: startsToken('ico-') }),
    shaped('prefect-api-token', 'ci', 'Prefect API key', ['pnu_'], String.raw `(?<![A-Za-z0-9])(?<secret>pnu_[A-Za-z0-9]{36})(?![A-Za-z0-9])`, { minEntropy: 3, hitCheck: startsToken('pnu_') }),
    shaped('settlemint-token', 'ci', 'SettleMint access token', ['sm_aat_', 'sm_pat_', 'sm_sat_'], String.raw `(?<![A-Za-z0-9])(?<secret>sm_(?:aat|pat|sat)_[a-zA-Z0-9]{16})(?![A-Za-z0-9])`, { minEntropy: 3 }),
    shaped('dynatrace-api-token', 'monitoring', 'Dynatrace API token', ['dt0c01.'], String.raw `(?<secret>dt0c01\.(?i:[a-z0-9]{24})\.(?i:[a-z0-9]{64}))`, { severity: 'critical' }),
    prefixed('defined-networking-api-token', 'ci', 'Defined Networking API token', 'dnkey-', '[a-z0-9=_-]{26}-[a-z0-9=_-]{52}'),
    shaped('onepassword-secret-key', 'onepassword', '1Password secret key', ['a3-'], String.raw `(?<![A-Za-z0-9])(?<secret>A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5})(?![A-Za-z0-9])`, { severity: 'critical', minEntropy: 3, hitCheck: startsToken('a3-') }),
    prefixed('onepassword-service-account-token', 'onepassword', '1Password service account token', 'ops_eyJ', '[A-Za-z0-9+/]{250,}={0,3}', { severity: 'critical', minEntropy: 3.5, end: '(?![A-Za-z0-9+/=])' }),
    shaped('authress-access-key', 'ci', 'Authress service client access key', ['.acc_', '.acc-'], String.raw `(?<![A-Za-z0-9])(?<secret>(?:sc|ext|scauth|authress)_[a-z0-9]{5,30}\.[a-z0-9]{4,6}\.acc[_-][a-z0-9-]{10,32}\.[a-z0-9+/_=-]{30,120})`, { severity: 'critical' }),
    near('gitter-access-token', 'chat', 'Gitter access token', 'gitter', ['gitter'], '[a-z0-9_-]{40}'),
    prefixed('dockerhub-pat', 'registry', 'Docker Hub personal access token', 'dckr_pat_', '[A-Za-z0-9_-]{27}', {
        severity: 'critical',
    }),
    prefixed('dockerhub-oat', 'registry', 'Docker Hub organisation access token', 'dckr_oat_', '[A-Za-z0-9_-]{32}', {
        severity: 'critical',
    }),
    prefixed('stackhawk-api-key', 'ci', 'StackHawk API key', 'hawk.', '[0-9A-Za-z_-]{20}\\.[0-9A-Za-z_-]{20}'),
    near('codeclimate-reporter-id', 'ci', 'Code Climate reporter id', 'codeclimate|cc_test_reporter', ['codeclimate', 'cc_test_reporter'], '[a-f0-9]{64}'),
];

;// CONCATENATED MODULE: ./packages/scrub/src/rules/index.ts








/** Every built-in detector: specific formats first, generic assignments last. */
const BUILTIN_RULES = [
    ...CLOUD_RULES,
    ...VCS_CI_RULES,
    ...REGISTRY_AI_RULES,
    ...PAYMENT_CHAT_RULES,
    ...MONITORING_DATABASE_RULES,
    ...SAAS_RULES,
    ...GENERIC_RULES,
];

;// CONCATENATED MODULE: ./packages/scrub/src/scanner.ts








/** Rule id of a redaction caused by a registered value (in any of its encodings). */
const KNOWN_SECRET_RULE = 'known-secret';
const PRIVATE_KEY_RULE = 'private-key';
const MIN_ENCODED_RUN = MIN_RUN;
const MAX_ENCODED_RUN = 64 * 1024;
function newScanState() {
    return { inPrivateKey: false, group: 0 };
}
/**
 * Finds what must be redacted in latin1 text: registered values in every encoding, credentials
 * the detectors recognise, private-key blocks across lines, and runs of base64/hex that decode
 * (up to `maxDepth` levels) to any of these.
 */
class SecretScanner {
    detector;
    /** Keywords (case-insensitive) and registered values in one automaton: one lookup per byte. */
    combined;
    keywordCount;
    /** The keyword that starts a key block, and whether the last top-level scan met it. */
    privateKeyKeyword;
    sawPrivateKey = false;
    /** The per-byte loop in WebAssembly, when available. */
    kernel;
    maxDepth;
    /** Longest registered encoded form: how much of a line tail may still become a match. */
    maxKnownLength;
    constructor(options = {}) {
        this.detector = new Detector(options.rules ?? BUILTIN_RULES);
        const forms = new Set();
        for (const value of options.knownValues ?? [])
            for (const form of encodedForms(value))
                forms.add(form.text);
        this.keywordCount = this.detector.keywordPatterns.length;
        this.privateKeyKeyword = this.detector.keywordPatterns.indexOf('private key');
        this.combined = new AhoCorasick([...this.detector.keywordPatterns, ...forms], true, this.keywordCount);
        this.kernel =
            options.useKernel === false
                ? undefined
                : ScanKernel.for(this.combined, RUN_FLAGS, kernelFollowKinds(this.combined, this.detector));
        this.maxKnownLength = [...forms].reduce((max, form) => Math.max(max, form.length), 0);
        this.maxDepth = options.maxDepth ?? 3;
    }
    get ruleCount() {
        return this.detector.rules.length;
    }
    /** Spans to redact in `text` (offsets into `text`), sorted and non-overlapping. */
    scan(text, state = newScanState()) {
        let spans;
        if (text.indexOf('\x1b') >= 0) {
            const visible = stripAnsi(text);
            spans = this.scanVisible(visible.text, state).map((span) => ({
                ...span,
                start: originalOffset(visible, span.start),
                end: originalOffset(visible, span.end - 1) + 1,
            }));
        }
        else {
            spans = this.scanVisible(text, state);
        }
        for (const span of spans)
            alignToUtf8((i) => text.charCodeAt(i), text.length, span);
        return mergeSpans(spans);
    }
    /**
     * What `scan` finds in `bytes` read as latin1, with offsets into `bytes`. The bytes go straight
     * into the WebAssembly loop (escape sequences removed there); a string is made only when the
     * loop reports something to look at, which most lines of a log never do.
     */
    scanBytes(bytes, state = newScanState()) {
        if (!this.kernel || bytes.length > KERNEL_MAX_INPUT)
            return this.scan(bytes.toString('latin1'), state);
        const result = this.kernel.scanBytes(bytes, this.maxDepth > 0);
        if (result.hitCount === 0 && result.runCount === 0 && !state.inPrivateKey)
            return [];
        const text = result.visibleText();
        this.sawPrivateKey = false;
        let spans = this.scanFlat(text, 0, result);
        if (state.inPrivateKey || this.sawPrivateKey)
            this.followPrivateKeys(text, state, spans);
        if (result.segmentCount > 0 && spans.length > 0) {
            const visible = { text, segments: result.segments(), originalLength: bytes.length };
            spans = spans.map((span) => ({
                ...span,
                start: originalOffset(visible, span.start),
                end: originalOffset(visible, span.end - 1) + 1,
            }));
        }
        for (const span of spans)
            alignToUtf8((i) => bytes[i], bytes.length, span);
        return mergeSpans(spans);
    }
    /** The automaton state of registered values after `text`: its depth is the tail to hold back. */
    knownPrefixLength(text) {
        if (this.maxKnownLength === 0)
            return 0;
        return this.combined.markedDepth[this.combined.stateAfter(text)];
    }
    scanVisible(text, state) {
        this.sawPrivateKey = false;
        const spans = this.scanFlat(text, 0);
        if (state.inPrivateKey || this.sawPrivateKey)
            this.followPrivateKeys(text, state, spans);
        return spans;
    }
    /** One pass over the text for keywords, registered values and encoded runs; then the rules. */
    scanFlat(text, depth, scanned) {
        const spans = [];
        const hits = [];
        const decode = depth < this.maxDepth;
        const automaton = this.combined;
        const output = automaton.output;
        const nextOutput = automaton.nextOutput;
        const patternLength = automaton.patternLength;
        const patterns = automaton.patterns;
        const classCount = automaton.classCount;
        const keywordCount = this.keywordCount;
        const exactKeyword = this.detector.exactKeyword;
        // The byte at `i` entered the state at `row`, which ends one or more patterns.
        const ended = (i, row) => {
            for (let id = output[row / classCount]; id >= 0; id = nextOutput[id]) {
                const start = i + 1 - patternLength[id];
                if (id < keywordCount) {
                    if (exactKeyword[id] === 0 || text.startsWith(patterns[id], start))
                        hits.push(id, start);
                    if (id === this.privateKeyKeyword)
                        this.sawPrivateKey = true;
                }
                // The automaton folds case for keywords; a registered value must match exactly.
                else if (text.startsWith(patterns[id], start)) {
                    spans.push({ start, end: i + 1, rule: KNOWN_SECRET_RULE, priority: -1 });
                }
            }
        };
        let runs;
        if (scanned !== undefined || (this.kernel && text.length <= KERNEL_MAX_INPUT)) {
            const result = scanned ?? this.kernel.scan(text, decode);
            for (let h = 0; h < result.hitCount * 2; h += 2)
                ended(result.hits[h], result.hits[h + 1] * classCount);
            // Copied out: decoding a run scans again and reuses the kernel's memory.
            runs = result.runs.slice();
        }
        else {
            runs = this.scanLoop(text, decode, ended);
        }
        if (hits.length > 0) {
            const matches = [];
            matchKeywordHits(this.detector, text, hits, matches);
            for (const m of matches) {
                const span = { start: m.start, end: m.end, rule: m.rule.id, priority: m.priority };
                if (m.verified !== undefined)
                    span.verified = m.verified;
                spans.push(span);
            }
        }
        for (let r = 0; r < runs.length; r += 3) {
            const start = runs[r];
            const end = runs[r + 1];
            if (end - start > MAX_ENCODED_RUN || coveredBy(spans, start, end))
                continue;
            const inner = this.decodedRunRule(text, start, end, runs[r + 2], depth);
            if (inner === undefined)
                continue;
            let padded = end;
            while (padded < text.length && padded - end < 2 && text.charCodeAt(padded) === 61)
                padded++;
            spans.push({ start, end: padded, rule: inner.rule, priority: inner.priority ?? 0 });
        }
        return spans;
    }
    /** The per-byte loop in JavaScript (the kernel does the same in WebAssembly). Returns the runs. */
    scanLoop(text, decode, ended) {
        const automaton = this.combined;
        const rows = automaton.rows;
        const classOf = automaton.classOf;
        const runs = [];
        let row = 0;
        let runStart = -1;
        let runFlags = 0;
        const n = text.length;
        for (let i = 0; i < n; i++) {
            const c = text.charCodeAt(i);
            row = rows[row + classOf[c]];
            if (row < 0) {
                row = ~row;
                ended(i, row);
            }
            if (decode) {
                const flag = RUN_FLAGS[c];
                if (flag !== 0) {
                    if (runStart < 0) {
                        runStart = i;
                        runFlags = 0;
                    }
                    runFlags |= flag;
                }
                else if (runStart >= 0) {
                    if (i - runStart >= MIN_ENCODED_RUN && worthDecoding(runFlags))
                        runs.push(runStart, i, runFlags);
                    runStart = -1;
                }
            }
        }
        if (runStart >= 0 && n - runStart >= MIN_ENCODED_RUN && worthDecoding(runFlags))
            runs.push(runStart, n, runFlags);
        return runs;
    }
    /**
     * The most specific thing found inside a decoded run, or undefined. Only decodings that read as
     * text are followed: a registered value's own base64 and hex forms are matched directly, so what
     * is left to find inside a run is a second layer of encoding or a credential in text.
     */
    decodedRunRule(text, start, end, flags, depth) {
        const hex = (flags & 8) === 0;
        for (let offset = 0; offset < (hex ? 2 : 4); offset++) {
            const from = start + offset;
            if (hex ? !hexLooksLikeText(text, from, end) : !base64LooksLikeText(text, from, end))
                continue;
            const decoded = hex
                ? Buffer.from(text.slice(from, end - ((end - from) % 2)), 'hex').toString('latin1')
                : Buffer.from(text.slice(from, end), 'base64').toString('latin1');
            if (decoded.length < 8)
                continue;
            if (!mostlyPrintable(decoded))
                continue;
            if (decoded.includes('PRIVATE KEY-----') &&
                PRIVATE_KEY_BEGIN.test(decoded) &&
                /\n[A-Za-z0-9+/]{40,}/.test(decoded)) {
                return { start: 0, end: 0, rule: PRIVATE_KEY_RULE, priority: -1 };
            }
            const inner = this.scanFlat(decoded, depth + 1);
            if (inner.length > 0)
                return inner.reduce((best, span) => ((span.priority ?? 0) < (best.priority ?? 0) ? span : best));
        }
        return undefined;
    }
    /** Redacts the body lines of PEM, OpenSSH and PGP private-key blocks that span lines. */
    followPrivateKeys(text, state, spans) {
        let lineStart = 0;
        while (lineStart < text.length) {
            if (!state.inPrivateKey) {
                // Outside a block, jump to the next line that mentions a private key.
                const next = text.indexOf('PRIVATE KEY', lineStart);
                if (next < 0)
                    return;
                lineStart = next;
                while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10 && text.charCodeAt(lineStart - 1) !== 13)
                    lineStart--;
            }
            let lineEnd = lineStart;
            while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13)
                lineEnd++;
            const line = text.slice(lineStart, lineEnd);
            if (!state.inPrivateKey) {
                const begin = PRIVATE_KEY_BEGIN.exec(line);
                if (begin && !line.includes('-----END', begin.index)) {
                    state.inPrivateKey = true;
                    state.group++;
                    const after = begin.index + begin[0].length;
                    const rest = line.slice(after).replace(/^(?:\\r)?\\n/, '');
                    if (/[A-Za-z0-9+/=]{16,}/.test(rest))
                        spans.push({ start: lineStart + after, end: lineEnd, rule: PRIVATE_KEY_RULE, group: state.group });
                }
            }
            else if (line.includes('-----END')) {
                const end = line.indexOf('-----END');
                if (/[A-Za-z0-9+/=]{16,}/.test(line.slice(0, end)))
                    spans.push({ start: lineStart, end: lineStart + end, rule: PRIVATE_KEY_RULE, group: state.group });
                state.inPrivateKey = false;
            }
            else {
                const body = /^\s*((?:[A-Za-z0-9+/]{16,}={0,2})|(?:=[A-Za-z0-9+/]{4})|(?:(?:Proc-Type|DEK-Info|Comment|Version|Hash|Charset):.*))\s*$/.exec(line);
                if (body) {
                    const offset = line.indexOf(body[1]);
                    spans.push({
                        start: lineStart + offset,
                        end: lineStart + offset + body[1].length,
                        rule: PRIVATE_KEY_RULE,
                        group: state.group,
                    });
                }
            }
            lineStart = lineEnd + 1;
        }
    }
}
/**
 * Per automaton state, the hit check the kernel may run for it: a state is checked only when every
 * pattern it ends is a keyword all of whose rules have that same check (so a hit the kernel drops is
 * one JavaScript would drop too); registered values and other keywords are always reported.
 */
function kernelFollowKinds(automaton, detector) {
    const keywordKind = detector.rulesOfKeyword.map((rules) => {
        const kinds = new Set(rules.map((rule) => followKindOf(detector.rules[rule].hitCheck)));
        return kinds.size === 1 ? [...kinds][0] : FollowKind.none;
    });
    const kinds = new Uint8Array(automaton.stateCount);
    for (let state = 0; state < automaton.stateCount; state++) {
        let kind;
        for (let id = automaton.output[state]; id >= 0; id = automaton.nextOutput[id]) {
            const own = id < keywordKind.length ? keywordKind[id] : FollowKind.none;
            kind = kind === undefined || kind === own ? own : FollowKind.none;
        }
        kinds[state] = kind ?? FollowKind.none;
    }
    return kinds;
}
function coveredBy(spans, start, end) {
    for (const span of spans)
        if (span.start <= start && span.end >= end)
            return true;
    return false;
}
/** Widens a span so it never starts or ends inside a UTF-8 sequence. */
function alignToUtf8(byteAt, length, span) {
    let back = 0;
    while (span.start > 0 && back < 3 && (byteAt(span.start) & 0xc0) === 0x80) {
        span.start--;
        back++;
    }
    let forward = 0;
    while (span.end < length && forward < 3 && (byteAt(span.end) & 0xc0) === 0x80) {
        span.end++;
        forward++;
    }
}
/** Sorted, overlapping spans joined; the first span's rule names the joined one. */
function mergeSpans(spans) {
    if (spans.length <= 1)
        return spans;
    spans.sort((a, b) => a.start - b.start || b.end - a.end);
    const merged = [spans[0]];
    for (let i = 1; i < spans.length; i++) {
        const span = spans[i];
        const last = merged[merged.length - 1];
        if (span.start < last.end) {
            if (span.end > last.end)
                last.end = span.end;
            if ((span.priority ?? 0) < (last.priority ?? 0)) {
                last.rule = span.rule;
                last.priority = span.priority;
                if (span.verified !== undefined)
                    last.verified = span.verified;
                else
                    delete last.verified;
                if (span.group !== undefined)
                    last.group = span.group;
            }
        }
        else {
            merged.push(span);
        }
    }
    return merged;
}

;// CONCATENATED MODULE: ./packages/scrub/src/file-scan.ts








const FINDING_PREFIX = 'secret-leak/';
const MAX_NESTED_ARCHIVES = 3;
/** Files are scanned in windows of this size (cut at a newline), never as one huge string. */
const WINDOW_BYTES = 1024 * 1024;
/** Scans files and archive entries; findings carry file, line, rule and fingerprint, never the secret. */
async function scanFiles(options) {
    const paths = await (0,src/* expandGlobs */.GE)(options.patterns, { input: options.input ?? 'scan-paths', cwd: options.cwd });
    const result = { findings: [], files: [], skipped: [] };
    const maxBytes = options.maxFileBytes ?? 512 * 1024 * 1024;
    for (const path of paths) {
        const absolute = (0,external_node_path_.resolve)(options.cwd, path);
        const size = (await (0,promises_.stat)(absolute)).size;
        if (size > maxBytes) {
            result.skipped.push({ path, reason: `larger than ${maxBytes} bytes` });
            continue;
        }
        scanContent(path, await (0,promises_.readFile)(absolute), options.scanner, result, 0);
    }
    return result;
}
function scanContent(path, data, scanner, result, depth) {
    const kind = depth < MAX_NESTED_ARCHIVES ? archiveKind(path.slice(path.lastIndexOf('!') + 1), data.subarray(0, 512)) : undefined;
    if (kind) {
        let entries;
        try {
            entries = readArchive(kind, data);
        }
        catch (error) {
            // Fail closed: an archive we cannot read is reported, not silently passed.
            result.skipped.push({ path, reason: error.message });
            result.findings.push(unreadableArchiveFinding(path, error.message));
            return;
        }
        for (const entry of entries) {
            const name = entry.name || (0,external_node_path_.basename)(path).replace(/\.gz$/i, '');
            scanContent(`${path}!${name}`, entry.data, scanner, result, depth + 1);
        }
        return;
    }
    const findings = findingsInData(path, data, scanner);
    result.findings.push(...findings);
    result.files.push({ path, leaks: findings.length, inArchive: depth > 0 });
}
/** Windows of at most `size` bytes, cut after a newline where there is one, as latin1 text. */
function* textWindows(data, size = WINDOW_BYTES) {
    let start = 0;
    while (start < data.length) {
        let end = Math.min(data.length, start + size);
        if (end < data.length) {
            const newline = data.lastIndexOf(10, end - 1);
            if (newline >= start)
                end = newline + 1;
        }
        yield data.toString('latin1', start, end);
        start = end;
    }
}
/** Findings for one text: one per match, one per multi-line block, with 1-based line and column. */
function findingsInText(path, text, scanner) {
    return findingsInData(path, Buffer.from(text, 'latin1'), scanner);
}
/** Findings for a file's bytes, scanned window by window so a large file is never one string. */
function findingsInData(path, data, scanner) {
    const state = newScanState();
    const findings = [];
    const groups = new Set();
    const occurrences = new Map();
    let lineBase = 0;
    for (const text of textWindows(data)) {
        let line = lineBase + 1;
        let lineStart = 0;
        let cursor = 0;
        for (const span of scanner.scan(text, state)) {
            if (span.group !== undefined) {
                if (groups.has(span.group))
                    continue;
                groups.add(span.group);
            }
            for (let i = text.indexOf('\n', cursor); i >= 0 && i < span.start; i = text.indexOf('\n', i + 1)) {
                line++;
                lineStart = i + 1;
            }
            cursor = Math.max(cursor, lineStart);
            const column = span.start - lineStart + 1;
            const key = `${span.rule}:${line}`;
            const occurrence = (occurrences.get(key) ?? 0) + 1;
            occurrences.set(key, occurrence);
            findings.push(leakFinding(scanner, path, line, column, span, occurrence));
        }
        for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
            lineBase++;
    }
    return findings;
}
function leakFinding(scanner, path, line, column, span, occurrence) {
    const rule = scanner.detector.rules.find((r) => r.id === span.rule);
    const title = span.rule === KNOWN_SECRET_RULE ? 'Registered secret (or an encoding of it)' : (rule?.title ?? span.rule);
    const severity = span.rule === KNOWN_SECRET_RULE ? 'critical' : (rule?.severity ?? 'high');
    const properties = {
        tools: ['gatehouse-scrub'],
        tags: ['secret', rule?.family ?? 'registered'],
    };
    if (span.verified !== undefined)
        properties.checksumValid = span.verified;
    return {
        ruleId: `${FINDING_PREFIX}${span.rule}`,
        severity,
        title,
        message: `${title} in ${path}:${line}`,
        location: { path, line, column },
        fingerprint: (0,src/* fingerprintOf */.ax)(FINDING_PREFIX + span.rule, path, line, occurrence),
        fix: 'Revoke and rotate the credential, then remove it from the file (redact-files: true rewrites the file).',
        properties,
    };
}
function unreadableArchiveFinding(path, reason) {
    return {
        ruleId: `${FINDING_PREFIX}unreadable-archive`,
        severity: 'medium',
        title: 'Archive could not be scanned',
        message: `${path} could not be read as an archive (${reason}); its contents were not checked for secrets.`,
        location: { path },
        fingerprint: (0,src/* fingerprintOf */.ax)(`${FINDING_PREFIX}unreadable-archive`, path),
        properties: { tools: ['gatehouse-scrub'] },
    };
}
/**
 * Rewrites a plain file with its secrets redacted, atomically: the new content goes to a temporary
 * file in the same folder, is flushed to disk, and replaces the original by rename, so a reader sees
 * either the old file or the new one, never half of either.
 */
async function redactFile(absolutePath, scanner, style = 'mask') {
    const original = await (0,promises_.readFile)(absolutePath);
    const counts = new RedactionCounts();
    const mode = (await (0,promises_.stat)(absolutePath)).mode & 0o7777;
    const temporary = (0,external_node_path_.join)((0,external_node_path_.dirname)(absolutePath), `.${(0,external_node_path_.basename)(absolutePath)}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.gatehouse-tmp`);
    const state = newScanState();
    try {
        const fd = (0,external_node_fs_.openSync)(temporary, 'wx', 0o600);
        try {
            for (const text of textWindows(original)) {
                (0,external_node_fs_.writeSync)(fd, Buffer.from(applySpans(text, scanner.scan(text, state), style, counts), 'latin1'));
            }
            (0,external_node_fs_.fsyncSync)(fd);
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
        if (counts.total === 0) {
            await (0,promises_.rm)(temporary, { force: true });
            return { path: absolutePath, redactions: {}, rewritten: false };
        }
        await (0,promises_.chmod)(temporary, mode);
        await (0,promises_.rename)(temporary, absolutePath);
    }
    catch (error) {
        await (0,promises_.rm)(temporary, { force: true });
        throw error;
    }
    return { path: absolutePath, redactions: counts.toJSON(), rewritten: true };
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
;// CONCATENATED MODULE: ./packages/scrub/src/stream-redactor.ts





/**
 * Redacts a byte stream: complete lines are scanned and released at once; a partial line is held
 * until its newline, or until `flushAfterMs` passes, and even then its trailing token (which may be
 * the first part of an encoded secret) and any tail that could begin a registered value stay back,
 * until `holdAtMostMs`. Output equals input except where something was redacted, and a
 * UTF-8 sequence or an escape sequence is never cut in two. Lines stay bytes from input to output;
 * they become text only where the scanner finds something to look at.
 */
class StreamRedactor {
    counts = new RedactionCounts();
    /** The partial line held back, in the pieces it came in (copies: a writer may reuse its buffer). */
    held = [];
    heldLength = 0;
    state = newScanState();
    timer;
    holdTimer;
    ended = false;
    style;
    flushAfterMs;
    holdAtMostMs;
    maxLineBytes;
    scanner;
    emit;
    constructor(scanner, emit, options = {}) {
        this.scanner = scanner;
        this.emit = emit;
        this.style = options.replacement ?? 'mask';
        this.flushAfterMs = options.flushAfterMs ?? 50;
        this.holdAtMostMs = options.holdAtMostMs ?? 2000;
        this.maxLineBytes = Math.max(options.maxLineBytes ?? 64 * 1024, 2 * scanner.maxKnownLength + 16);
    }
    write(chunk) {
        if (this.ended)
            throw new Error('StreamRedactor: write after end');
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
        if (bytes.length === 0)
            return;
        const last = lastBreak(bytes);
        if (last < 0) {
            this.hold(bytes);
        }
        else {
            let from = 0;
            if (this.heldLength > 0) {
                // The held line ends at the chunk's first break: released with it, the rest of the chunk is not copied.
                const first = firstBreak(bytes);
                this.held.push(bytes.subarray(0, first + 1));
                const line = Buffer.concat(this.held, this.heldLength + first + 1);
                this.held = [];
                this.heldLength = 0;
                this.release(line);
                from = first + 1;
            }
            if (from <= last)
                this.release(bytes.subarray(from, last + 1));
            if (last + 1 < bytes.length)
                this.hold(bytes.subarray(last + 1));
        }
        if (this.heldLength > this.maxLineBytes)
            this.releasePartial(false);
        // Whatever is held back, a line never grows without bound.
        if (this.heldLength > 2 * this.maxLineBytes)
            this.releasePartial(true);
        this.schedule();
    }
    /** Releases everything held now: for the end of the stream. */
    end() {
        if (this.ended)
            return;
        this.ended = true;
        this.clearTimers();
        const rest = this.takeHeld();
        if (rest.length > 0)
            this.release(rest);
    }
    /** Releases the partial line as the timeout would (tests call this instead of waiting). */
    flushPartial() {
        this.releasePartial(false);
    }
    hold(bytes) {
        this.held.push(Buffer.from(bytes));
        this.heldLength += bytes.length;
    }
    takeHeld() {
        const bytes = this.held.length === 1 ? this.held[0] : Buffer.concat(this.held, this.heldLength);
        this.held = [];
        this.heldLength = 0;
        return bytes;
    }
    schedule() {
        if (this.heldLength === 0 || this.ended) {
            this.clearTimers();
            return;
        }
        if (this.holdTimer)
            clearTimeout(this.holdTimer);
        this.holdTimer = undefined;
        // Re-arming the pending timer is much cheaper than a new one for every write.
        if (this.timer) {
            this.timer.refresh();
            return;
        }
        this.timer = setTimeout(() => {
            this.timer = undefined;
            this.releasePartial(false);
            if (this.heldLength > 0) {
                this.holdTimer = setTimeout(() => {
                    this.holdTimer = undefined;
                    this.releasePartial(true);
                }, this.holdAtMostMs);
                this.holdTimer.unref?.();
            }
        }, this.flushAfterMs);
        this.timer.unref?.();
    }
    clearTimers() {
        if (this.timer)
            clearTimeout(this.timer);
        if (this.holdTimer)
            clearTimeout(this.holdTimer);
        this.timer = undefined;
        this.holdTimer = undefined;
    }
    /** Scans the partial line and releases all of it but a tail that could still become a match. */
    releasePartial(everything) {
        if (this.heldLength === 0)
            return;
        const bytes = this.takeHeld();
        let cut = bytes.length;
        if (!everything) {
            const text = bytes.toString('latin1');
            cut = Math.min(partialMatchStart(text, this.scanner), tokenTailStart(text));
            // Never cut through something the held text already holds whole (looked at on a copy of the state).
            for (const span of this.scanner.scan(text, { ...this.state })) {
                if (span.start < cut && span.end > cut)
                    cut = span.start;
            }
            cut = safeCut(text, cut);
        }
        if (cut < bytes.length) {
            this.held = [bytes.subarray(cut)];
            this.heldLength = bytes.length - cut;
        }
        if (cut > 0)
            this.release(bytes.subarray(0, cut));
    }
    release(bytes) {
        // A large write is scanned in pieces cut after a newline, each small enough for the fast loop.
        let start = 0;
        while (start < bytes.length) {
            let end = bytes.length;
            if (end - start > RELEASE_PIECE) {
                const newline = bytes.lastIndexOf(10, start + RELEASE_PIECE);
                end =
                    newline > start
                        ? newline + 1
                        : Math.max(start + 1, start + safeCut(bytes.toString('latin1', start, start + RELEASE_PIECE + 1), RELEASE_PIECE));
            }
            const piece = start === 0 && end === bytes.length ? bytes : bytes.subarray(start, end);
            const spans = this.scanner.scanBytes(piece, this.state);
            // Unchanged bytes go out as a copy: the writer may reuse its buffer once write() returns.
            this.emit(spans.length === 0
                ? Buffer.from(piece)
                : Buffer.from(applySpans(piece.toString('latin1'), spans, this.style, this.counts), 'latin1'));
            start = end;
        }
    }
}
/** The last line break (LF or CR) in `bytes`, or -1. */
function lastBreak(bytes) {
    const lf = bytes.lastIndexOf(10);
    // A CR after the last LF is in the tail; without an LF the whole chunk is searched.
    if (lf < 0)
        return bytes.lastIndexOf(13);
    for (let i = bytes.length - 1; i > lf; i--)
        if (bytes[i] === 13)
            return i;
    return lf;
}
/** The first line break (LF or CR) in `bytes` (the caller knows there is one). */
function firstBreak(bytes) {
    const lf = bytes.indexOf(10);
    const stop = lf < 0 ? bytes.length : lf;
    for (let i = 0; i < stop; i++)
        if (bytes[i] === 13)
            return i;
    return lf;
}
/** Where the tail that could still begin a registered value starts (escape sequences skipped). */
function partialMatchStart(text, scanner) {
    if (scanner.maxKnownLength === 0)
        return text.length;
    const from = Math.max(0, text.length - 4 * scanner.maxKnownLength - 256);
    const tail = text.slice(from);
    if (tail.indexOf('\x1b') < 0)
        return text.length - scanner.knownPrefixLength(tail);
    const visible = stripAnsi(tail);
    const held = scanner.knownPrefixLength(visible.text);
    return held === 0 ? text.length : from + originalOffset(visible, visible.text.length - held);
}
const TOKEN_TAIL_LIMIT = 1024;
const RELEASE_PIECE = KERNEL_MAX_INPUT;
/**
 * Where the trailing run of token characters (letters, digits, `+/=_-.%~`) starts: it may be the
 * first part of an encoded secret or a credential, so a timed flush keeps it back (until the line
 * ends, or `holdAtMostMs`). Prompts end in punctuation or a space and are released at once.
 */
function tokenTailStart(text) {
    let start = text.length;
    while (start > 0 && text.length - start < TOKEN_TAIL_LIMIT) {
        const c = text.charCodeAt(start - 1);
        const token = (c >= 97 && c <= 122) ||
            (c >= 65 && c <= 90) ||
            (c >= 48 && c <= 57) ||
            c === 43 ||
            c === 47 ||
            c === 61 ||
            c === 95 ||
            c === 45 ||
            c === 46 ||
            c === 37 ||
            c === 126;
        if (!token)
            break;
        start--;
    }
    return start;
}
/** Moves a cut back so it splits neither a UTF-8 sequence nor an escape sequence. */
function safeCut(text, position) {
    let cut = Math.max(0, Math.min(position, text.length));
    if (cut < text.length) {
        let lead = cut;
        while (lead > 0 && cut - lead < 3 && (text.charCodeAt(lead) & 0xc0) === 0x80)
            lead--;
        cut = lead;
    }
    else if (cut > 0) {
        // Cutting at the end: back off from an incomplete trailing UTF-8 sequence.
        let lead = cut - 1;
        while (lead > 0 && cut - lead < 4 && (text.charCodeAt(lead) & 0xc0) === 0x80)
            lead--;
        const byte = text.charCodeAt(lead);
        const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
        if (lead + need > cut)
            cut = lead;
    }
    const escape = text.lastIndexOf('\x1b', cut - 1);
    if (escape >= 0 && cut - escape < 4096) {
        const length = escapeLength(text, escape);
        if (length < 0 || escape + length > cut)
            cut = escape;
    }
    return cut;
}
/** The redactor as a Transform stream of bytes. */
function createRedactStream(scanner, options = {}) {
    const holder = {};
    const stream = new external_node_stream_.Transform({
        transform(chunk, _encoding, callback) {
            try {
                holder.redactor.write(chunk);
                callback();
            }
            catch (error) {
                callback(error);
            }
        },
        flush(callback) {
            holder.redactor.end();
            callback();
        },
    });
    const redactor = new StreamRedactor(scanner, (out) => stream.push(out), options);
    holder.redactor = redactor;
    return Object.assign(stream, { counts: redactor.counts });
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./packages/scrub/src/wrap.ts






const SHELLS = {
    bash: { argv: ['bash', '--noprofile', '--norc', '-eo', 'pipefail', '{0}'], extension: '.sh' },
    sh: { argv: ['sh', '-e', '{0}'], extension: '.sh' },
    pwsh: { argv: ['pwsh', '-command', ". '{0}'"], extension: '.ps1' },
    powershell: { argv: ['powershell', '-command', ". '{0}'"], extension: '.ps1' },
    python: { argv: ['python3', '{0}'], extension: '.py' },
};
/** The argument array for a shell name or template; the script path replaces `{0}`. */
function shellArguments(shell, scriptPath) {
    const known = SHELLS[shell.trim()];
    const template = known ? known.argv : shell.trim().split(/\s+/).filter(Boolean);
    if (template.length === 0)
        throw new src/* UsageError */.eb(`Input 'shell' is empty.`);
    const argv = template.includes('{0}') || template.some((a) => a.includes('{0}')) ? template : [...template, '{0}'];
    const resolved = argv.map((arg) => arg.replaceAll('{0}', scriptPath));
    return { file: resolved[0], args: resolved.slice(1) };
}
function scriptExtension(shell) {
    return SHELLS[shell.trim()]?.extension ?? '';
}
/**
 * Runs a script under a shell with stdout and stderr each through a redactor, and returns the
 * child's exit code (128 + signal number when it was killed).
 */
async function wrapCommand(options) {
    const shell = options.shell?.trim() || 'bash';
    if ((options.script === undefined) === (options.argv === undefined)) {
        throw new src/* UsageError */.eb('Give either a script to run or a command (not both).');
    }
    if (options.argv !== undefined && options.argv.length === 0)
        throw new src/* UsageError */.eb('The command to run is empty.');
    const folder = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'gatehouse-scrub-'));
    const scriptPath = (0,external_node_path_.join)(folder, `script${scriptExtension(shell)}`);
    if (options.script !== undefined)
        (0,external_node_fs_.writeFileSync)(scriptPath, options.script, { mode: 0o700 });
    try {
        await options.beforeSpawn?.(options.masks);
        const { file, args } = options.argv
            ? { file: options.argv[0], args: options.argv.slice(1) }
            : shellArguments(shell, scriptPath);
        const stopTracker = new StopCommandsTracker();
        const redactorOptions = {
            replacement: options.replacement ?? 'mask',
            ...(options.flushAfterMs !== undefined ? { flushAfterMs: options.flushAfterMs } : {}),
        };
        const out = new StreamRedactor(options.scanner, (chunk) => {
            stopTracker.observe(chunk);
            options.stdout(chunk);
        }, redactorOptions);
        const err = new StreamRedactor(options.scanner, (chunk) => {
            stopTracker.observe(chunk);
            options.stderr(chunk);
        }, redactorOptions);
        const { exitCode, signal } = await new Promise((resolvePromise, reject) => {
            const child = (0,external_node_child_process_.spawn)(file, args, {
                cwd: options.cwd,
                env: options.env,
                stdio: [options.stdin ?? 'ignore', 'pipe', 'pipe'],
            });
            child.stdout.on('data', (chunk) => out.write(chunk));
            child.stderr.on('data', (chunk) => err.write(chunk));
            child.on('error', (error) => {
                if (error.code === 'ENOENT') {
                    reject(new src/* UsageError */.eb(options.argv ? `Command not found: ${file}` : `Input 'shell': ${file} was not found.`));
                }
                else
                    reject(error);
            });
            child.on('close', (code, killedBy) => {
                out.end();
                err.end();
                if (killedBy)
                    resolvePromise({ exitCode: 128 + (external_node_os_.constants.signals[killedBy] ?? 0), signal: killedBy });
                else
                    resolvePromise({ exitCode: code ?? 1 });
            });
        });
        const redactions = {};
        for (const counts of [out.counts.toJSON(), err.counts.toJSON()]) {
            for (const [rule, count] of Object.entries(counts))
                redactions[rule] = (redactions[rule] ?? 0) + count;
        }
        const result = {
            exitCode,
            redactions,
            redactionCount: out.counts.total + err.counts.total,
        };
        if (signal)
            result.signal = signal;
        if (stopTracker.openToken)
            result.openStopCommandsToken = stopTracker.openToken;
        return result;
    }
    finally {
        (0,external_node_fs_.rmSync)(folder, { recursive: true, force: true });
    }
}
/** Follows `::stop-commands::<token>` and the matching `::<token>::` in child output. */
class StopCommandsTracker {
    openToken;
    carry = '';
    observe(chunk) {
        const text = this.carry + chunk.toString('latin1');
        const lines = text.split('\n');
        this.carry = lines.pop() ?? '';
        if (this.carry.length > 4096)
            this.carry = '';
        for (const line of lines)
            this.line(line.replace(/\r$/, ''));
    }
    line(line) {
        const trimmed = line.trimStart();
        if (this.openToken !== undefined) {
            if (trimmed === `::${this.openToken}::`)
                this.openToken = undefined;
            return;
        }
        const stop = /^::stop-commands::(.+)$/.exec(trimmed);
        if (stop)
            this.openToken = stop[1].trim();
    }
}

;// CONCATENATED MODULE: ./packages/scrub/src/run.ts








/**
 * The whole of `scrub`: registers the known values, runs the command (or filters stdin) through
 * the redactor, scans `scanPaths` afterwards (the command may have written them), rewrites files
 * when asked, and decides the exit code: the command's own when it failed; otherwise 1 when
 * something was redacted or found and `failOnLeak` is set; otherwise 0.
 */
async function runScrub(options, io) {
    const known = collectKnownValues(options.secrets);
    const scanner = new SecretScanner({ knownValues: known.values, rules: BUILTIN_RULES });
    const result = {
        exitCode: 0,
        redactions: {},
        redactionCount: 0,
        findings: [],
        leaks: 0,
        masks: known.masks,
        skippedShortSecrets: known.skippedShort,
        rewritten: [],
        notRewritten: [],
        scannedFiles: 0,
        skippedFiles: [],
    };
    if (options.run !== undefined || options.command !== undefined) {
        const wrapped = await wrapCommand({
            ...(options.run !== undefined ? { script: options.run } : { argv: options.command }),
            ...(options.shell !== undefined ? { shell: options.shell } : {}),
            cwd: options.workspace,
            env: options.env,
            scanner,
            replacement: options.replacement,
            masks: known.masks,
            ...(io.beforeSpawn ? { beforeSpawn: io.beforeSpawn } : {}),
            stdout: io.stdout,
            stderr: io.stderr,
        });
        result.commandExitCode = wrapped.exitCode;
        result.redactions = wrapped.redactions;
        result.redactionCount = wrapped.redactionCount;
        if (wrapped.openStopCommandsToken)
            result.openStopCommandsToken = wrapped.openStopCommandsToken;
    }
    else if (io.stdin) {
        await io.beforeSpawn?.(known.masks);
        const filter = createRedactStream(scanner, { replacement: options.replacement });
        filter.on('data', (chunk) => io.stdout(chunk));
        await new Promise((resolvePromise, reject) => {
            filter.on('end', resolvePromise);
            filter.on('error', reject);
            io.stdin.on('error', reject);
            io.stdin.pipe(filter);
        });
        result.redactions = filter.counts.toJSON();
        result.redactionCount = filter.counts.total;
    }
    result.findings.push(...streamFindings(result.redactions, scanner));
    if (options.scanPaths.length > 0) {
        const scanned = await scanFiles({ patterns: options.scanPaths, cwd: options.workspace, scanner });
        result.findings.push(...scanned.findings);
        result.scannedFiles = scanned.files.length;
        result.skippedFiles = scanned.skipped;
        if (options.redactFiles) {
            for (const file of scanned.files.filter((f) => f.leaks > 0)) {
                if (file.inArchive) {
                    result.notRewritten.push(file.path);
                    continue;
                }
                const rewritten = await redactFile((0,external_node_path_.resolve)(options.workspace, file.path), scanner, options.replacement);
                if (rewritten.rewritten)
                    result.rewritten.push((0,external_node_path_.relative)(options.workspace, rewritten.path) || file.path);
            }
        }
    }
    result.leaks = result.redactionCount + result.findings.filter((f) => f.location !== undefined).length;
    const failed = result.commandExitCode !== undefined && result.commandExitCode !== 0;
    if (failed)
        result.exitCode = result.commandExitCode;
    else
        result.exitCode = options.failOnLeak && result.leaks > 0 ? 1 : 0;
    return result;
}
/** One finding per rule that redacted something from the streamed output (no file, no secret). */
function streamFindings(redactions, scanner) {
    return Object.entries(redactions).map(([ruleId, count]) => {
        const rule = scanner.detector.rules.find((r) => r.id === ruleId);
        const title = ruleId === KNOWN_SECRET_RULE ? 'Registered secret (or an encoding of it)' : (rule?.title ?? ruleId);
        return {
            ruleId: `${FINDING_PREFIX}${ruleId}`,
            severity: ruleId === KNOWN_SECRET_RULE ? 'critical' : (rule?.severity ?? 'high'),
            title,
            message: `${title}: ${count} occurrence${count === 1 ? '' : 's'} redacted from the output.`,
            fingerprint: (0,src/* fingerprintOf */.ax)(`${FINDING_PREFIX}${ruleId}`, 'stream'),
            fix: 'Rotate the credential: it was printed by the command (redacted here, but it reached the process output).',
            properties: { tools: ['gatehouse-scrub'], occurrences: count, tags: ['secret', rule?.family ?? 'registered'] },
        };
    });
}

;// CONCATENATED MODULE: ./packages/scrub/src/index.ts
















/***/ })

};
