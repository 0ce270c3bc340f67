export const id = 541;
export const ids = [541];
export const modules = {

/***/ 8541:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// UNUSED EXPORTS: mainHelp

;// CONCATENATED MODULE: ./packages/findings/src/errors.ts
/** Exit codes shared by every action and CLI command (see DESIGN.md). */
const ExitCode = {
    ok: 0,
    violation: 1,
    usage: 2,
    unexpected: 3,
};
/**
 * Bad input: a missing file, malformed JSON/YAML, an unknown option. The message is one line that
 * names the input and what is wrong; fronts print it and exit 2.
 */
class UsageError extends Error {
    code = 'USAGE';
    constructor(message) {
        super(message.replace(/\s*\n\s*/g, ' '));
        this.name = 'UsageError';
    }
}
/** One line describing any thrown value, for error messages. */
function describeError(error) {
    if (error instanceof Error)
        return error.message.split('\n')[0] ?? error.name;
    return String(error);
}

;// CONCATENATED MODULE: ./packages/findings/src/severity.ts
const severity_SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'];
/** Higher is more severe: critical 4 … info 0. */
function severityRank(severity) {
    return 4 - severity_SEVERITIES.indexOf(severity);
}
function isSeverity(value) {
    return typeof value === 'string' && severity_SEVERITIES.includes(value);
}
function atLeast(severity, threshold) {
    return severityRank(severity) >= severityRank(threshold);
}
function compareSeverity(a, b) {
    return severityRank(b) - severityRank(a);
}
/** GitHub's CVSS bands: ≥9.0 critical, ≥7.0 high, ≥4.0 medium, ≥0.1 low, 0.0 info. */
function severityFromCvss(score) {
    if (score >= 9.0)
        return 'critical';
    if (score >= 7.0)
        return 'high';
    if (score >= 4.0)
        return 'medium';
    if (score >= 0.1)
        return 'low';
    return 'info';
}
const SPELLINGS = {
    critical: 'critical',
    crit: 'critical',
    severe: 'critical',
    high: 'high',
    important: 'high',
    error: 'high',
    medium: 'medium',
    moderate: 'medium',
    med: 'medium',
    warning: 'medium',
    warn: 'medium',
    low: 'low',
    minor: 'low',
    note: 'low',
    info: 'info',
    informational: 'info',
    information: 'info',
    negligible: 'info',
    none: 'info',
    unimportant: 'info',
};
/**
 * Severity from any common spelling: names in any case (CRITICAL, Moderate, Negligible), SARIF
 * levels (error/warning/note/none), and CVSS scores as numbers or numeric strings. Never throws:
 * a missing or unknown value is `medium`, flagged as assumed.
 */
function parseSeverity(value) {
    if (typeof value === 'number') {
        if (Number.isFinite(value) && value >= 0 && value <= 10) {
            return { severity: severityFromCvss(value), assumed: false };
        }
        return { severity: 'medium', assumed: true };
    }
    if (typeof value !== 'string')
        return { severity: 'medium', assumed: true };
    const text = value.trim().toLowerCase();
    const named = Object.hasOwn(SPELLINGS, text) ? SPELLINGS[text] : undefined;
    if (named)
        return { severity: named, assumed: false };
    if (/^\d+(\.\d+)?$/.test(text))
        return parseSeverity(Number(text));
    return { severity: 'medium', assumed: true };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./packages/findings/src/finding.ts

/** A stable fingerprint: sha256 over the parts that identify a finding, never over secrets. */
function finding_fingerprintOf(...parts) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for (const part of parts)
        hash.update(`${part ?? ''}\u0000`);
    return hash.digest('hex').slice(0, 32);
}
function finding_isSuppressed(finding) {
    return finding.properties.suppression !== undefined;
}
function finding_formatLocation(location) {
    if (!location)
        return '';
    let text = location.path;
    if (location.line)
        text += `:${location.line}`;
    if (location.line && location.column)
        text += `:${location.column}`;
    return text;
}

;// CONCATENATED MODULE: ./packages/findings/src/counts.ts


function emptyCounts() {
    return { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
}
/** Counts of unsuppressed findings per severity. */
function counts_countBySeverity(findings) {
    const counts = emptyCounts();
    for (const finding of findings)
        if (!finding_isSuppressed(finding))
            counts[finding.severity]++;
    return counts;
}
/** Most severe first, then by location and rule so output is stable. */
function sortFindings(findings) {
    return [...findings].sort((a, b) => compareSeverity(a.severity, b.severity) ||
        compareText(a.location?.path ?? '', b.location?.path ?? '') ||
        (a.location?.line ?? 0) - (b.location?.line ?? 0) ||
        compareText(a.ruleId, b.ruleId) ||
        compareText(a.fingerprint, b.fingerprint));
}
/** Code-unit order: the same on every machine and locale, and far cheaper than localeCompare. */
function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./packages/findings/src/sarif-writer.ts
const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL = {
    critical: 'error',
    high: 'error',
    medium: 'warning',
    low: 'note',
    info: 'none',
};
/** A representative score inside each GitHub band, so code scanning shows the same severity. */
const SECURITY_SEVERITY = {
    critical: '9.5',
    high: '8.0',
    medium: '5.5',
    low: '2.0',
    info: '0.0',
};
/**
 * Findings as a SARIF 2.1.0 log, one run, one rule per ruleId. The fingerprint travels as a
 * partial fingerprint and our severity as `security-severity`, so reading the log back gives the
 * same findings. Suppressed findings carry an accepted external suppression.
 */
function toSarif(findings, tool) {
    const ruleIndex = new Map();
    const rules = [];
    for (const finding of findings) {
        if (ruleIndex.has(finding.ruleId))
            continue;
        ruleIndex.set(finding.ruleId, rules.length);
        const rule = {
            id: finding.ruleId,
            shortDescription: { text: nonEmpty(finding.title, finding.ruleId) },
            defaultConfiguration: { level: LEVEL[finding.severity] },
            properties: {
                'security-severity': SECURITY_SEVERITY[finding.severity],
                tags: ['security', ...(finding.properties.tags ?? [])],
            },
        };
        if (isUri(finding.properties.helpUri))
            rule.helpUri = finding.properties.helpUri;
        rules.push(rule);
    }
    const results = findings.map((finding) => {
        const result = {
            ruleId: finding.ruleId,
            ruleIndex: ruleIndex.get(finding.ruleId),
            level: LEVEL[finding.severity],
            message: { text: nonEmpty(finding.message, finding.title, finding.ruleId) },
            partialFingerprints: { 'gatehouse/v1': finding.fingerprint },
            properties: {
                'gatehouse/severity': finding.severity,
                'security-severity': SECURITY_SEVERITY[finding.severity],
                ...serialisableProperties(finding),
            },
        };
        if (finding.location?.path) {
            const region = {};
            if (positive(finding.location.line))
                region.startLine = finding.location.line;
            if (positive(finding.location.line) && positive(finding.location.column)) {
                region.startColumn = finding.location.column;
            }
            if (positive(finding.location.endLine))
                region.endLine = finding.location.endLine;
            if (positive(finding.location.endColumn))
                region.endColumn = finding.location.endColumn;
            result.locations = [
                {
                    physicalLocation: {
                        artifactLocation: { uri: encodeUriPath(finding.location.path) },
                        ...(Object.keys(region).length > 0 ? { region } : {}),
                    },
                },
            ];
        }
        // SARIF `fixes` must carry artifact changes; a remediation in words travels as a property.
        if (finding.fix)
            result.properties['gatehouse/fix'] = finding.fix;
        const suppression = finding.properties.suppression;
        if (suppression) {
            result.suppressions = [
                {
                    kind: 'external',
                    status: 'accepted',
                    justification: [suppression.reason, suppression.owner && `owner: ${suppression.owner}`]
                        .filter(Boolean)
                        .join('; '),
                    // The whole suppression (kind, owner, expiry, source), so reading the log back restores it.
                    properties: { 'gatehouse/suppression': { ...suppression } },
                },
            ];
        }
        return result;
    });
    const driver = { name: tool.name, version: tool.version, rules };
    if (tool.informationUri)
        driver.informationUri = tool.informationUri;
    return {
        $schema: SARIF_SCHEMA_URI,
        version: '2.1.0',
        runs: [{ tool: { driver }, results, columnKind: 'utf16CodeUnits' }],
    };
}
function serialisableProperties(finding) {
    const { suppression: _suppression, helpUri: _helpUri, ...rest } = finding.properties;
    return JSON.parse(JSON.stringify(rest));
}
function nonEmpty(...candidates) {
    for (const candidate of candidates)
        if (candidate && candidate.trim())
            return candidate;
    return '(no message)';
}
function positive(value) {
    return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}
function isUri(value) {
    if (typeof value !== 'string')
        return false;
    try {
        new URL(value);
        return true;
    }
    catch {
        return false;
    }
}
function encodeUriPath(path) {
    return path
        .replace(/\\/g, '/')
        .split('/')
        .map((segment) => encodeURIComponent(segment))
        .join('/');
}

;// CONCATENATED MODULE: ./packages/findings/src/summary.ts


/** The runner rejects a step summary over 1 MiB; we stay under it with room for the truncation note. */
const summary_SUMMARY_LIMIT_BYTES = (/* unused pure expression or super */ null && (1024 * 1024 - 16 * 1024));
const ICON = {
    critical: '🟥',
    high: '🟧',
    medium: '🟨',
    low: '🟦',
    info: '⬜',
};
/**
 * A Markdown job summary: the verdict, counts by severity, the findings that decided the result,
 * the rest, the suppressed ones with owner and expiry. Kept under the runner's limit; when rows are
 * cut, a closing line says how many.
 */
function summary_renderSummary(input) {
    const limit = input.limitBytes ?? summary_SUMMARY_LIMIT_BYTES;
    const head = [];
    head.push(`## ${input.passed ? '✅' : '❌'} ${input.title}: ${input.passed ? 'passed' : 'failed'}`);
    head.push('', input.headline, '');
    head.push('| Severity | Findings |', '| --- | ---: |');
    for (const severity of SEVERITIES)
        head.push(`| ${ICON[severity]} ${severity} | ${input.counts[severity]} |`);
    head.push(`| suppressed | ${input.suppressedCount} |`, '');
    if (input.notes?.length) {
        for (const note of input.notes)
            head.push(`> ${summary_cell(note)}`);
        head.push('');
    }
    const sections = [];
    const findingHeader = ['| Severity | Rule | Location | Message | Tool |', '| --- | --- | --- | --- | --- |'];
    if (input.decisive.length) {
        sections.push({
            heading: input.passed ? '### Findings' : '### Findings that failed the gate',
            header: findingHeader,
            rows: input.decisive.map(findingRow),
        });
    }
    if (input.others.length) {
        sections.push({ heading: '### Other findings', header: findingHeader, rows: input.others.map(findingRow) });
    }
    if (input.suppressed.length) {
        sections.push({
            heading: '### Suppressed',
            header: [
                '| Severity | Rule | Location | By | Owner | Expires | Reason |',
                '| --- | --- | --- | --- | --- | --- | --- |',
            ],
            rows: input.suppressed.map(suppressedRow),
        });
    }
    let out = head.join('\n') + '\n';
    let cut = 0;
    let budget = limit - byteLength(out) - 200;
    for (const section of sections) {
        const opening = `${section.heading}\n\n${section.header.join('\n')}\n`;
        if (byteLength(opening) > budget) {
            cut += section.rows.length;
            continue;
        }
        let block = opening;
        budget -= byteLength(opening);
        for (const row of section.rows) {
            const size = byteLength(row) + 1;
            if (size > budget) {
                cut++;
                continue;
            }
            block += row + '\n';
            budget -= size;
        }
        out += block + '\n';
    }
    if (cut > 0)
        out += `> ${cut} more rows were left out to stay under the runner's 1 MiB summary limit; the SARIF and JSON outputs have every finding.\n`;
    return out;
}
function findingRow(finding) {
    const tools = finding.properties.tools?.join(', ') ?? '';
    const assumed = finding.properties.severityAssumed ? ' (assumed)' : '';
    return `| ${ICON[finding.severity]} ${finding.severity}${assumed} | \`${summary_cell(finding.ruleId)}\` | ${summary_cell(formatLocation(finding.location))} | ${summary_cell(truncate(finding.message, 300))} | ${summary_cell(tools)} |`;
}
function suppressedRow(finding) {
    const s = finding.properties.suppression;
    return `| ${finding.severity} | \`${summary_cell(finding.ruleId)}\` | ${summary_cell(formatLocation(finding.location))} | ${s?.kind ?? ''} | ${summary_cell(s?.owner ?? '')} | ${summary_cell(s?.expires ?? '')} | ${summary_cell(truncate(s?.reason ?? '', 200))} |`;
}
/** Text safe inside a Markdown table cell. */
function summary_cell(text) {
    return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').replace(/</g, '&lt;');
}
function truncate(text, max) {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
function byteLength(text) {
    return Buffer.byteLength(text, 'utf8');
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/tinyglobby/dist/index.mjs + 1 modules
var dist = __webpack_require__(3382);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./packages/findings/src/files.ts





/**
 * Files named by newline-separated paths or globs, relative to `cwd`, returned as sorted paths
 * relative to `cwd` with forward slashes. A literal path that exists is taken as it is, even when
 * it contains glob characters. `!pattern` excludes.
 */
async function expandGlobs(patterns, options) {
    const include = [];
    const exclude = [...(options.ignore ?? [])];
    const found = new Set();
    for (const raw of patterns) {
        const pattern = raw.trim();
        if (!pattern)
            continue;
        if (pattern.startsWith('!')) {
            exclude.push(pattern.slice(1));
            continue;
        }
        const absolute = (0,external_node_path_.resolve)(options.cwd, pattern);
        if ((0,external_node_fs_.existsSync)(absolute) && (0,external_node_fs_.statSync)(absolute).isFile()) {
            found.add(toRelative(options.cwd, absolute));
            continue;
        }
        if ((0,external_node_fs_.existsSync)(absolute) && (0,external_node_fs_.statSync)(absolute).isDirectory()) {
            include.push(`${toPosix((0,external_node_path_.relative)(options.cwd, absolute)) || '.'}/**/*`);
            continue;
        }
        include.push((0,external_node_path_.isAbsolute)(pattern) ? toPosix((0,external_node_path_.relative)(options.cwd, pattern)) : pattern);
    }
    if (include.length > 0) {
        const matches = await (0,dist/* glob */.TI)(include, {
            cwd: options.cwd,
            ignore: exclude,
            dot: options.dot ?? true,
            onlyFiles: true,
            expandDirectories: false,
        });
        for (const match of matches)
            found.add(toPosix(match));
    }
    if (exclude.length > 0 && found.size > 0) {
        const excluded = picomatch_default()(exclude, { dot: true });
        for (const path of [...found])
            if (excluded(path))
                found.delete(path);
    }
    return [...found].sort();
}
/** Resolves a path input against `cwd`, failing with one line when it does not exist. */
function existingFile(input, path, cwd) {
    const absolute = (0,external_node_path_.resolve)(cwd, path);
    if (!(0,external_node_fs_.existsSync)(absolute))
        throw new UsageError(`Input '${input}': file not found: ${path}`);
    if (!(0,external_node_fs_.statSync)(absolute).isFile())
        throw new UsageError(`Input '${input}': not a file: ${path}`);
    return absolute;
}
function toRelative(cwd, absolute) {
    const rel = (0,external_node_path_.relative)(cwd, absolute);
    return toPosix(rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel) ? absolute : rel);
}
function toPosix(path) {
    return external_node_path_.sep === '/' ? path : path.split(external_node_path_.sep).join('/');
}
/**
 * Writes a file so that readers see either the old content or the new, never half of it: the data
 * goes to a temporary file beside the target, which is then renamed over it.
 */
async function writeFileAtomic(path, data) {
    const { mkdir, rename, rm, writeFile } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1455, 23));
    const { dirname, basename, join } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 6760, 23));
    await mkdir(dirname(path), { recursive: true });
    const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
    try {
        await writeFile(temporary, data);
        await rename(temporary, path);
    }
    catch (error) {
        await rm(temporary, { force: true });
        throw error;
    }
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var yaml_dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./packages/findings/src/exceptions.ts




const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const KNOWN_KEYS = new Set(['id', 'package', 'path', 'owner', 'reason', 'expires']);
/** Parses an exceptions file (YAML). Every problem is a UsageError naming the file and the entry. */
function parseExceptions(text, file) {
    const lineCounter = new yaml_dist/* LineCounter */.HN();
    const document = (0,yaml_dist/* parseDocument */.Tp)(text, { lineCounter, uniqueKeys: true });
    if (document.errors.length > 0) {
        const error = document.errors[0];
        const line = error.linePos?.[0]?.line;
        throw new UsageError(`${file}${line ? `:${line}` : ''}: not valid YAML: ${error.message.split('\n')[0]}`);
    }
    const root = document.contents;
    if (root === null)
        return [];
    const list = (0,yaml_dist/* isMap */.jh)(root) ? root.get('exceptions', true) : undefined;
    if (!(0,yaml_dist/* isMap */.jh)(root) || (list !== undefined && list !== null && !(0,yaml_dist/* isSeq */.oP)(list))) {
        throw new UsageError(`${file}: expected a mapping with an 'exceptions' list`);
    }
    if (list === undefined || list === null)
        return [];
    const lineOf = (node) => node?.range ? lineCounter.linePos(node.range[0]).line : 1;
    return list.items.map((item, index) => {
        const where = `${file}:${lineOf(item)}: exception #${index + 1}`;
        if (!(0,yaml_dist/* isMap */.jh)(item))
            throw new UsageError(`${where} must be a mapping with id, owner, reason and expires`);
        const entry = item.toJSON();
        for (const key of Object.keys(entry)) {
            if (!KNOWN_KEYS.has(key)) {
                throw new UsageError(`${where}: unknown key '${key}' (allowed: ${[...KNOWN_KEYS].join(', ')})`);
            }
        }
        const text = (key, required) => {
            const value = entry[key];
            if (value === undefined || value === null || String(value).trim() === '') {
                if (required)
                    throw new UsageError(`${where} has no '${key}' (every exception needs id, owner and expires)`);
                return undefined;
            }
            if (typeof value !== 'string' && typeof value !== 'number' && !(value instanceof Date)) {
                throw new UsageError(`${where}: '${key}' must be a string`);
            }
            return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).trim();
        };
        const expires = text('expires', true);
        if (!validDate(expires))
            throw new UsageError(`${where}: 'expires' must be a date YYYY-MM-DD (got '${expires}')`);
        const pkg = text('package', false);
        if (pkg !== undefined && !pkg.startsWith('pkg:')) {
            throw new UsageError(`${where}: 'package' must be a purl such as pkg:npm/lodash (got '${pkg}')`);
        }
        return {
            id: text('id', true),
            package: pkg,
            path: text('path', false),
            owner: text('owner', true),
            reason: text('reason', false) ?? 'no reason given',
            expires,
            source: { path: file, line: lineOf(item) },
        };
    });
}
function validDate(text) {
    const match = DATE.exec(text);
    if (!match)
        return false;
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}
function isExpired(rule, now) {
    return now.getTime() >= Date.parse(`${rule.expires}T00:00:00Z`) + 24 * 3600 * 1000;
}
/**
 * Marks findings suppressed by unexpired matching exceptions. An expired exception suppresses
 * nothing and becomes a high finding itself; exceptions that matched nothing are returned as unused.
 */
function applyExceptions(findings, rules, now) {
    const active = rules.filter((rule) => !isExpired(rule, now));
    const used = new Set();
    const matchers = new Map(active.map((rule) => [rule, rule.path ? picomatch_default()(rule.path, { dot: true }) : undefined]));
    const out = findings.map((finding) => {
        if (finding.properties.suppression)
            return finding;
        const rule = active.find((candidate) => matches(candidate, finding, matchers.get(candidate)));
        if (!rule)
            return finding;
        used.add(rule);
        return {
            ...finding,
            properties: {
                ...finding.properties,
                suppression: {
                    kind: 'exception',
                    reason: rule.reason,
                    owner: rule.owner,
                    expires: rule.expires,
                    source: `${rule.source.path}:${rule.source.line}`,
                },
            },
        };
    });
    const expired = rules
        .filter((rule) => isExpired(rule, now))
        .map((rule) => ({
        ruleId: 'gatehouse/exception-expired',
        severity: 'high',
        title: 'Expired exception',
        message: `The exception for ${rule.id} owned by ${rule.owner} expired on ${rule.expires}; it suppresses nothing until it is renewed or removed.`,
        location: { path: rule.source.path, line: rule.source.line },
        fingerprint: finding_fingerprintOf('exception-expired', rule.id, rule.package, rule.path, rule.expires),
        fix: `Fix ${rule.id}, or renew the exception with a new 'expires' date.`,
        properties: { tools: ['gatehouse'] },
    }));
    return { findings: out, expired, unused: active.filter((rule) => !used.has(rule)) };
}
function matches(rule, finding, pathMatcher) {
    const id = rule.id.toLowerCase();
    const ids = [finding.ruleId, ...(finding.properties.aliases ?? [])].map((value) => value.toLowerCase());
    if (!ids.includes(id))
        return false;
    if (rule.package && !purlMatches(rule.package, finding))
        return false;
    if (pathMatcher && !(finding.location?.path && pathMatcher(finding.location.path)))
        return false;
    return true;
}
/** The parts of a purl that identify a package: type, namespace/name (lower-cased), version. */
function purlParts(purl) {
    const match = /^pkg:([a-zA-Z][a-zA-Z0-9.+-]*)\/([^?#]+?)(?:@([^?#]+))?(?:[?#].*)?$/.exec(purl);
    if (!match)
        return undefined;
    const name = decodeURIComponent(match[2]).toLowerCase();
    return { type: match[1].toLowerCase(), name, version: match[3] ? decodeURIComponent(match[3]) : undefined };
}
function purlMatches(pattern, finding) {
    const wanted = purlParts(pattern);
    if (!wanted)
        return false;
    const pkg = finding.properties.package;
    if (!pkg)
        return false;
    const actual = pkg.purl ? purlParts(pkg.purl) : undefined;
    if (actual) {
        if (actual.type !== wanted.type || actual.name !== wanted.name)
            return false;
        return wanted.version === undefined || wanted.version === actual.version;
    }
    const bareName = wanted.name.split('/').pop();
    if (pkg.name.toLowerCase() !== wanted.name && pkg.name.toLowerCase() !== bareName)
        return false;
    return wanted.version === undefined || wanted.version === pkg.version;
}

;// CONCATENATED MODULE: ./packages/findings/src/index.ts









;// CONCATENATED MODULE: ./packages/action-kit/src/inputs.ts


const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];
/** Typed readers over an InputSource; a wrong value fails with one line naming the input. */
class Inputs {
    source;
    workspace;
    constructor(source, 
    /** Relative paths in inputs are resolved against this folder. */
    workspace) {
        this.source = source;
        this.workspace = workspace;
    }
    raw(name) {
        const value = this.source(name);
        return value === undefined || value.trim() === '' ? undefined : value;
    }
    string(name, options = {}) {
        const value = this.raw(name)?.trim();
        if (value !== undefined)
            return value;
        if (options.required)
            throw new UsageError(`Input '${name}' is required.`);
        return options.default;
    }
    /** Strict YAML 1.2 core booleans, as the runner's getBooleanInput accepts. */
    boolean(name, defaultValue) {
        const value = this.raw(name)?.trim();
        if (value === undefined)
            return defaultValue;
        if (TRUE.includes(value))
            return true;
        if (FALSE.includes(value))
            return false;
        throw new UsageError(`Input '${name}' must be true or false (got '${value}').`);
    }
    enum(name, allowed, defaultValue) {
        const value = this.raw(name)?.trim();
        if (value === undefined)
            return defaultValue;
        const match = allowed.find((candidate) => candidate === value.toLowerCase());
        if (match === undefined) {
            throw new UsageError(`Input '${name}' must be one of ${allowed.join(', ')} (got '${value}').`);
        }
        return match;
    }
    /**
     * A list: one item per line; with `commas`, commas separate too (for values that cannot contain
     * one). Blank lines and surrounding whitespace are dropped.
     */
    list(name, options = {}) {
        const value = this.raw(name);
        if (value === undefined)
            return [];
        const separator = options.commas ? /[\n,]/ : /\n/;
        return value
            .split(separator)
            .map((item) => item.trim())
            .filter((item) => item.length > 0);
    }
    integer(name, defaultValue, bounds = {}) {
        const value = this.raw(name)?.trim();
        if (value === undefined)
            return defaultValue;
        const parsed = /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
        const min = bounds.min ?? Number.MIN_SAFE_INTEGER;
        const max = bounds.max ?? Number.MAX_SAFE_INTEGER;
        if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
            const range = bounds.min !== undefined || bounds.max !== undefined ? ` between ${min} and ${max}` : '';
            throw new UsageError(`Input '${name}' must be an integer${range} (got '${value}').`);
        }
        return parsed;
    }
    /** A path relative to the workspace, resolved to an absolute path. */
    path(name) {
        const value = this.string(name);
        return value === undefined ? undefined : (0,external_node_path_.resolve)(this.workspace, value);
    }
}

;// CONCATENATED MODULE: ./packages/cli/src/command.ts


/**
 * Parses `--flag value`, `--flag=value`, `--flag` / `--no-flag` for booleans, repeated flags for
 * lists, bare arguments for the positional list, and everything after `--` as a command.
 */
function parseFlags(command, argv) {
    const values = new Map();
    const positional = Object.entries(command.flags).find(([, spec]) => spec.positional)?.[0];
    const shorts = new Map(Object.entries(command.flags)
        .filter(([, spec]) => spec.short)
        .map(([name, spec]) => [spec.short, name]));
    const add = (name, value) => {
        const spec = command.flags[name];
        const current = values.get(name) ?? [];
        if (spec.kind !== 'list' && current.length > 0) {
            throw new UsageError(`Option --${name} was given more than once`);
        }
        values.set(name, [...current, value]);
    };
    let rest = [];
    for (let index = 0; index < argv.length; index++) {
        const arg = argv[index];
        if (arg === '--') {
            if (!command.acceptsCommand)
                throw new UsageError(`gatehouse ${command.name} takes no command after --`);
            rest = argv.slice(index + 1);
            break;
        }
        if (arg.startsWith('--') || (arg.startsWith('-') && arg.length === 2 && shorts.has(arg.slice(1)))) {
            let name = arg.startsWith('--') ? arg.slice(2) : shorts.get(arg.slice(1));
            let inline;
            const equals = name.indexOf('=');
            if (equals >= 0) {
                inline = name.slice(equals + 1);
                name = name.slice(0, equals);
            }
            const spec = command.flags[name];
            if (!spec && name.startsWith('no-') && command.flags[name.slice(3)]?.kind === 'boolean' && inline === undefined) {
                add(name.slice(3), 'false');
                continue;
            }
            if (!spec)
                throw new UsageError(`Unknown option --${name} for gatehouse ${command.name} (see gatehouse ${command.name} --help)`);
            if (spec.kind === 'boolean') {
                add(name, inline ?? (isBooleanWord(argv[index + 1]) ? argv[++index] : 'true'));
                continue;
            }
            const value = inline ?? argv[++index];
            if (value === undefined)
                throw new UsageError(`Option --${name} needs a value`);
            add(name, value);
            continue;
        }
        if (!positional)
            throw new UsageError(`Unexpected argument '${arg}' for gatehouse ${command.name} (see gatehouse ${command.name} --help)`);
        add(positional, arg);
    }
    return { values, rest };
}
function isBooleanWord(value) {
    return value === 'true' || value === 'false';
}
/** The parsed flags as an InputSource: lists joined by newlines, as a workflow would write them. */
function inputsFrom(parsed, cwd) {
    return new Inputs((name) => parsed.values.get(name)?.join('\n'), cwd);
}
function commandHelp(command) {
    const lines = [`Usage: ${command.usage}`, '', command.summary, '', 'Options:'];
    const width = Math.max(...Object.keys(command.flags).map((name) => name.length)) + 4;
    for (const [name, spec] of Object.entries(command.flags)) {
        const flag = `--${name}${spec.short ? `, -${spec.short}` : ''}`;
        const value = spec.kind === 'boolean' ? '' : spec.kind === 'list' ? ' <value>...' : ' <value>';
        const def = spec.default !== undefined ? ` (default: ${spec.default})` : '';
        lines.push(`  ${(flag + value).padEnd(width + 12)} ${spec.description}${def}`);
    }
    lines.push('', 'Exit codes: 0 passed, 1 policy violation, 2 usage error, 3 unexpected error.');
    return lines.join('\n') + '\n';
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./packages/scanners/src/json.ts

/** The formats readReport accepts, for error messages. */
const EXPECTED_FORMATS = 'SARIF 2.1.0, Trivy JSON, Grype JSON, osv-scanner JSON, npm audit JSON, or Gatehouse findings JSON';
/** Parses a report's bytes, failing with one line that names the file (a truncated report lands here). */
function json_parseJson(content, source, expected = EXPECTED_FORMATS) {
    let text = typeof content === 'string' ? content : content.toString('utf8');
    if (text.charCodeAt(0) === 0xfeff)
        text = text.slice(1);
    if (!text.trim())
        throw new UsageError(`${source}: the file is empty; expected ${expected}`);
    try {
        return JSON.parse(text);
    }
    catch (error) {
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new UsageError(`${source}: not valid JSON (truncated or malformed: ${reason}); expected ${expected}`);
    }
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function asObject(value) {
    return isObject(value) ? value : undefined;
}
function asString(value) {
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
function asNumber(value) {
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
/** Strings only, empty ones dropped. */
function asStrings(value) {
    if (!Array.isArray(value))
        return [];
    return value.filter((item) => typeof item === 'string' && item.trim() !== '');
}
/**
 * Reads the structure a reader relies on: an array of objects that may be absent (→ []) but, when
 * present, must have that shape. A wrong shape is a usage error, never a silently empty result.
 */
class Shape {
    source;
    format;
    constructor(source, format) {
        this.source = source;
        this.format = format;
    }
    fail(path, problem) {
        throw new UsageError(`${this.source}: not a valid ${this.format} report: ${path} ${problem}`);
    }
    objects(value, path) {
        if (value === undefined || value === null)
            return [];
        if (!Array.isArray(value))
            this.fail(path, 'is not an array');
        value.forEach((item, index) => {
            if (!isObject(item))
                this.fail(`${path}[${index}]`, 'is not an object');
        });
        return value;
    }
    object(value, path) {
        if (value === undefined || value === null)
            return undefined;
        if (!isObject(value))
            this.fail(path, 'is not an object');
        return value;
    }
}
/** Unique, in first-seen order. */
function unique(values) {
    return [...new Set(values)];
}

;// CONCATENATED MODULE: ./packages/scanners/src/build.ts


/** Severity from a scanner's own spelling; missing or unknown → medium, flagged as assumed. */
function severityOf(value) {
    return parseSeverity(value);
}
/** A vulnerability in a package, in the one Finding shape every reader emits. */
function vulnerabilityFinding(input) {
    const pkg = input.pkg ? compactPackage(input.pkg) : undefined;
    const aliases = unique((input.aliases ?? []).filter((alias) => alias && alias !== input.id));
    const pkgText = pkg ? `${pkg.name}${pkg.version ? `@${pkg.version}` : ''}` : '';
    const title = input.title?.trim() || input.id;
    const fixed = input.fixedVersion;
    const fix = input.fix ??
        (fixed && pkg ? `upgrade ${pkg.name} to ${fixed.includes(',') ? `a fixed version (${fixed})` : fixed}` : undefined);
    const head = `${input.id}${pkgText ? ` in ${pkgText}` : ''}${title !== input.id ? `: ${title}` : ''}`;
    const message = `${head}${/[.!?]$/.test(head) ? '' : '.'}${fixed ? ` Fixed in ${fixed}.` : ''}`;
    const properties = { tools: [input.tool], ...input.extra };
    if (aliases.length > 0)
        properties.aliases = aliases;
    if (pkg)
        properties.package = pkg;
    if (input.fixedVersion)
        properties.fixedVersion = input.fixedVersion;
    if (input.severity.assumed)
        properties.severityAssumed = true;
    if (input.helpUri)
        properties.helpUri = input.helpUri;
    const finding = {
        ruleId: input.id,
        severity: input.severity.severity,
        title,
        message,
        fingerprint: finding_fingerprintOf(input.tool, input.id, pkg?.purl ?? pkg?.name, pkg?.version, input.location?.path),
        properties,
    };
    if (input.location)
        finding.location = input.location;
    if (fix)
        finding.fix = fix;
    return finding;
}
function compactPackage(pkg) {
    const out = { name: pkg.name };
    if (pkg.version)
        out.version = pkg.version;
    if (pkg.purl)
        out.purl = pkg.purl;
    if (pkg.ecosystem)
        out.ecosystem = pkg.ecosystem;
    return out;
}
/** A location for a path a scanner reported; lines below 1 are dropped. */
function locationOf(path, line, column) {
    if (!path)
        return undefined;
    const location = { path };
    if (typeof line === 'number' && Number.isInteger(line) && line >= 1) {
        location.line = line;
        if (typeof column === 'number' && Number.isInteger(column) && column >= 1)
            location.column = column;
    }
    return location;
}

;// CONCATENATED MODULE: ./packages/scanners/src/properties.ts

const WELL_KNOWN = new Set([
    'suppression',
    'security-severity',
    'gatehouse/severity',
    'gatehouse/fix',
    'tools',
    'aliases',
    'package',
    'fixedVersion',
    'tags',
    'sources',
    'severityAssumed',
    'helpUri',
]);
/**
 * A property bag read from a file, carried through; the well-known keys only when they have the
 * right shape. `suppression` only when the file is ours: a scanner's property bag must not be able
 * to suppress a finding.
 */
function sanitizeProperties(raw, options = {}) {
    const out = {};
    for (const [key, value] of Object.entries(raw)) {
        // "__proto__" from JSON.parse is an own key; assigning it would set the prototype (and with it an inherited `suppression`).
        if (!WELL_KNOWN.has(key) && key !== '__proto__')
            out[key] = value;
    }
    const tools = asStrings(raw.tools);
    if (tools.length > 0)
        out.tools = tools;
    const sources = asStrings(raw.sources);
    if (sources.length > 0)
        out.sources = sources;
    const aliases = asStrings(raw.aliases);
    if (aliases.length > 0)
        out.aliases = aliases;
    const tags = asStrings(raw.tags);
    if (tags.length > 0)
        out.tags = tags;
    const pkg = asObject(raw.package);
    const name = asString(pkg?.name);
    if (pkg && name) {
        out.package = { name };
        for (const key of ['version', 'purl', 'ecosystem']) {
            const value = asString(pkg[key]);
            if (value)
                out.package[key] = value;
        }
    }
    const fixedVersion = asString(raw.fixedVersion);
    if (fixedVersion)
        out.fixedVersion = fixedVersion;
    const helpUri = asString(raw.helpUri);
    if (helpUri)
        out.helpUri = helpUri;
    if (raw.severityAssumed === true)
        out.severityAssumed = true;
    if (options.trustSuppression) {
        const suppression = suppressionFrom(raw.suppression);
        if (suppression)
            out.suppression = suppression;
    }
    return out;
}
/** A Suppression written by Gatehouse, or undefined when the value is not one. */
function suppressionFrom(value) {
    const raw = asObject(value);
    const kind = raw?.kind;
    const reason = asString(raw?.reason);
    if (!raw || (kind !== 'exception' && kind !== 'vex' && kind !== 'tool') || !reason)
        return undefined;
    const suppression = { kind, reason };
    for (const key of ['owner', 'expires', 'source']) {
        const text = asString(raw[key]);
        if (text)
            suppression[key] = text;
    }
    return suppression;
}

;// CONCATENATED MODULE: ./packages/scanners/src/readers/gatehouse.ts




/** The version of the findings file layout; a reader refuses a newer major. */
const GATEHOUSE_FINDINGS_VERSION = '1';
/** The findings as Gatehouse findings JSON (no trailing newline). */
function toFindingsJson(findings) {
    const file = {
        tool: 'gatehouse',
        version: GATEHOUSE_FINDINGS_VERSION,
        findings: JSON.parse(JSON.stringify(findings)),
    };
    return JSON.stringify(file, null, 2);
}
function isGatehouseFindings(doc) {
    return doc.tool === 'gatehouse' && Array.isArray(doc.findings);
}
function readGatehouseFindings(doc, source) {
    const shape = new Shape(source, 'Gatehouse findings');
    const version = String(doc.version ?? '');
    if (version.split('.')[0] !== GATEHOUSE_FINDINGS_VERSION) {
        shape.fail('version', `is ${JSON.stringify(doc.version)}; this reader reads version ${GATEHOUSE_FINDINGS_VERSION}`);
    }
    return shape.objects(doc.findings, 'findings').map((entry, i) => {
        const at = `findings[${i}]`;
        const ruleId = asString(entry.ruleId);
        if (!ruleId)
            shape.fail(`${at}.ruleId`, 'is missing');
        const severity = isSeverity(entry.severity) ? entry.severity : severityOf(entry.severity).severity;
        const rawProperties = shape.object(entry.properties, `${at}.properties`) ?? {};
        if (rawProperties.suppression !== undefined && !suppressionFrom(rawProperties.suppression)) {
            shape.fail(`${at}.properties.suppression`, 'needs a kind (exception, vex or tool) and a reason');
        }
        const properties = sanitizeProperties(rawProperties, { trustSuppression: true });
        if (!isSeverity(entry.severity))
            properties.severityAssumed = true;
        const title = asString(entry.title) ?? ruleId;
        const message = asString(entry.message) ?? title;
        const location = locationFrom(shape.object(entry.location, `${at}.location`));
        const finding = {
            ruleId,
            severity,
            title,
            message,
            fingerprint: typeof entry.fingerprint === 'string' && entry.fingerprint !== ''
                ? entry.fingerprint
                : finding_fingerprintOf('gatehouse', ruleId, location?.path, location?.line, message),
            properties,
        };
        if (location)
            finding.location = location;
        const fix = asString(entry.fix);
        if (fix)
            finding.fix = fix;
        return finding;
    });
}
function locationFrom(value) {
    const path = asString(value?.path);
    if (!value || !path)
        return undefined;
    const location = { path };
    for (const key of ['line', 'column', 'endLine', 'endColumn']) {
        const n = asNumber(value[key]);
        if (n !== undefined && Number.isInteger(n) && n >= 1)
            location[key] = n;
    }
    return location;
}

;// CONCATENATED MODULE: ./packages/scanners/src/readers/grype.ts


const TOOL = 'grype';
function isGrype(doc) {
    return Array.isArray(doc.matches) && (isObject(doc.descriptor) || isObject(doc.source) || 'ignoredMatches' in doc);
}
/** Grype's JSON report: matches[], and ignoredMatches[] (set aside by grype's ignore rules) as suppressed. */
function readGrype(doc, source) {
    const shape = new Shape(source, 'Grype');
    const findings = shape.objects(doc.matches, 'matches').map((match, i) => grypeMatch(shape, match, `matches[${i}]`));
    shape.objects(doc.ignoredMatches, 'ignoredMatches').forEach((match, i) => {
        const finding = grypeMatch(shape, match, `ignoredMatches[${i}]`);
        const rules = shape.objects(match.appliedIgnoreRules, `ignoredMatches[${i}].appliedIgnoreRules`);
        finding.properties.suppression = { kind: 'tool', reason: ignoreReason(rules), source };
        findings.push(finding);
    });
    return findings;
}
function grypeMatch(shape, match, at) {
    const vuln = shape.object(match.vulnerability, `${at}.vulnerability`) ?? {};
    const artifact = shape.object(match.artifact, `${at}.artifact`) ?? {};
    const id = asString(vuln.id) ?? 'unknown-vulnerability';
    const related = shape
        .objects(match.relatedVulnerabilities, `${at}.relatedVulnerabilities`)
        .map((entry) => asString(entry.id))
        .filter((value) => value !== undefined);
    const fix = asObject(vuln.fix);
    const fixVersions = asString(fix?.state)?.toLowerCase() === 'fixed' ? asStrings(fix?.versions) : [];
    const locations = shape.objects(artifact.locations, `${at}.artifact.locations`);
    return vulnerabilityFinding({
        tool: TOOL,
        id,
        aliases: unique(related),
        severity: severityOf(vuln.severity),
        location: locationOf(asString(locations[0]?.path)),
        pkg: {
            name: asString(artifact.name) ?? 'unknown-package',
            version: asString(artifact.version),
            purl: asString(artifact.purl),
            ecosystem: asString(artifact.type),
        },
        fixedVersion: fixVersions.length > 0 ? fixVersions.join(', ') : undefined,
        helpUri: asString(vuln.dataSource),
    });
}
function ignoreReason(rules) {
    for (const rule of rules) {
        const reason = asString(rule.reason);
        if (reason)
            return reason;
        const vex = asString(rule['vex-status']);
        if (vex)
            return [vex, asString(rule['vex-justification'])].filter(Boolean).join(': ');
    }
    return 'ignored by a grype ignore rule';
}

;// CONCATENATED MODULE: ./packages/scanners/src/readers/npm-audit.ts


const npm_audit_TOOL = 'npm audit';
const LOCKFILE = 'package-lock.json';
function isNpmAuditV2(doc) {
    return doc.auditReportVersion === 2 && isObject(doc.vulnerabilities);
}
function isNpmAuditV1(doc) {
    return isObject(doc.advisories) && (Array.isArray(doc.actions) || isObject(doc.metadata) || 'muted' in doc);
}
/** The advisory id: the GHSA id in the advisory URL, else npm's numeric advisory id. */
function advisoryId(url, numeric) {
    const segment = url
        ?.split(/[/?#]/)
        .filter(Boolean)
        .find((part) => /^GHSA-/i.test(part));
    if (segment)
        return segment;
    const number = asNumber(numeric) ?? asString(numeric);
    return number !== undefined ? `npm-advisory-${number}` : 'npm-advisory';
}
/**
 * npm audit v2 (`auditReportVersion: 2`): one finding per advisory object in a package's `via`; the
 * string entries of `via` only say which dependency pulls the advisory in, and are read where that
 * dependency is listed.
 */
function readNpmAuditV2(doc, source) {
    const shape = new Shape(source, 'npm audit');
    const findings = [];
    for (const [key, value] of Object.entries(doc.vulnerabilities)) {
        const entry = shape.object(value, `vulnerabilities.${key}`) ?? {};
        if (entry.via !== undefined && !Array.isArray(entry.via))
            shape.fail(`vulnerabilities.${key}.via`, 'is not an array');
        const via = entry.via ?? [];
        for (const advisory of via) {
            if (!isObject(advisory))
                continue;
            const url = asString(advisory.url);
            const name = asString(advisory.name) ?? asString(entry.name) ?? key;
            const range = asString(advisory.range) ?? asString(advisory.vulnerable_versions) ?? asString(entry.range);
            findings.push(vulnerabilityFinding({
                tool: npm_audit_TOOL,
                id: advisoryId(url, advisory.source ?? advisory.id),
                severity: severityOf(advisory.severity ?? entry.severity),
                title: asString(advisory.title),
                location: locationOf(LOCKFILE),
                pkg: { name, purl: `pkg:npm/${encodeNpmName(name)}`, ecosystem: 'npm' },
                fix: fixText(entry.fixAvailable, name),
                helpUri: url,
                extra: range ? { vulnerableRange: range } : {},
            }));
        }
    }
    return findings;
}
function fixText(fixAvailable, name) {
    if (fixAvailable === true)
        return `npm audit fix updates ${name} to a fixed version`;
    const target = asObject(fixAvailable);
    if (!target)
        return undefined;
    const major = target.isSemVerMajor === true ? ' (a semver-major change: npm audit fix --force)' : '';
    return `upgrade ${asString(target.name) ?? name} to ${asString(target.version) ?? 'a fixed version'}${major}`;
}
/** npm audit v1 (npm 6): advisories{} with the installed versions under findings[]. */
function readNpmAuditV1(doc, source) {
    const shape = new Shape(source, 'npm audit');
    const findings = [];
    for (const [key, value] of Object.entries(doc.advisories)) {
        const advisory = shape.object(value, `advisories.${key}`) ?? {};
        const url = asString(advisory.url);
        const name = asString(advisory.module_name) ?? 'unknown-package';
        const id = asString(advisory.github_advisory_id) ?? advisoryId(url, advisory.id ?? key);
        const patched = asString(advisory.patched_versions);
        const fixedVersion = patched && patched !== '<0.0.0' ? patched : undefined;
        const versions = shape
            .objects(advisory.findings, `advisories.${key}.findings`)
            .map((entry) => asString(entry.version));
        for (const version of versions.length > 0 ? versions : [undefined]) {
            findings.push(vulnerabilityFinding({
                tool: npm_audit_TOOL,
                id,
                aliases: asStrings(advisory.cves),
                severity: severityOf(advisory.severity),
                title: asString(advisory.title),
                location: locationOf(LOCKFILE),
                pkg: {
                    name,
                    version,
                    purl: `pkg:npm/${encodeNpmName(name)}${version ? `@${version}` : ''}`,
                    ecosystem: 'npm',
                },
                fixedVersion,
                helpUri: url,
            }));
        }
    }
    return findings;
}
function encodeNpmName(name) {
    return name.startsWith('@') ? `%40${name.slice(1)}` : name;
}

;// CONCATENATED MODULE: ./packages/scanners/src/readers/osv-scanner.ts


const osv_scanner_TOOL = 'osv-scanner';
function isOsvScanner(doc) {
    if (!Array.isArray(doc.results))
        return false;
    if (doc.results.length === 0)
        return Object.keys(doc).every((key) => key === 'results' || key.startsWith('experimental_'));
    return doc.results.every((result) => isObject(result) && ('packages' in result || 'source' in result));
}
/**
 * osv-scanner's JSON: one finding per vulnerability group (the ids osv-scanner found to be aliases of
 * one another) per package. Severity is the group's max_severity, a CVSS score; without one, medium
 * is assumed and the finding says so.
 */
function readOsvScanner(doc, source) {
    const shape = new Shape(source, 'osv-scanner');
    const findings = [];
    shape.objects(doc.results, 'results').forEach((result, r) => {
        const path = asString(asObject(result.source)?.path);
        shape.objects(result.packages, `results[${r}].packages`).forEach((entry, p) => {
            const at = `results[${r}].packages[${p}]`;
            const pkg = shape.object(entry.package, `${at}.package`) ?? {};
            const name = asString(pkg.name) ?? 'unknown-package';
            const ecosystem = asString(pkg.ecosystem);
            const vulns = shape.objects(entry.vulnerabilities, `${at}.vulnerabilities`);
            shape.objects(entry.groups, `${at}.groups`).forEach((group, g) => {
                const ids = asStrings(group.ids);
                if (ids.length === 0)
                    shape.fail(`${at}.groups[${g}].ids`, 'is empty');
                const members = vulns.filter((vuln) => ids.includes(asString(vuln.id) ?? ''));
                const primary = ids[0];
                const described = members.find((vuln) => asString(vuln.id) === primary) ?? members[0];
                const fixed = fixedVersions(members, name);
                findings.push(vulnerabilityFinding({
                    tool: osv_scanner_TOOL,
                    id: primary,
                    aliases: unique([
                        ...ids,
                        ...asStrings(group.aliases),
                        ...members.flatMap((vuln) => asStrings(vuln.aliases)),
                    ]),
                    severity: severityOf(group.max_severity),
                    title: asString(described?.summary),
                    location: locationOf(path),
                    pkg: { name, version: asString(pkg.version), purl: asString(pkg.purl), ecosystem },
                    fixedVersion: fixed.length > 0 ? fixed.join(', ') : undefined,
                }));
            });
        });
    });
    return findings;
}
/** The `fixed` events of the OSV entries' ranges for this package. */
function fixedVersions(vulns, packageName) {
    const fixed = [];
    for (const vuln of vulns) {
        if (!Array.isArray(vuln.affected))
            continue;
        for (const affected of vuln.affected) {
            if (!isObject(affected) || asString(asObject(affected.package)?.name) !== packageName)
                continue;
            if (!Array.isArray(affected.ranges))
                continue;
            for (const range of affected.ranges) {
                if (!isObject(range) || !Array.isArray(range.events))
                    continue;
                for (const event of range.events) {
                    const version = isObject(event) ? asString(event.fixed) : undefined;
                    if (version)
                        fixed.push(version);
                }
            }
        }
    }
    return unique(fixed);
}

;// CONCATENATED MODULE: ./packages/scanners/src/readers/sarif.ts




function isSarif(doc) {
    const schema = asString(doc.$schema) ?? '';
    return Array.isArray(doc.runs) && (typeof doc.version === 'string' || /sarif/i.test(schema));
}
/**
 * SARIF 2.1.0 from any tool. Rules are looked up in the driver and in the extensions (CodeQL keeps
 * its query packs' rules there). Severity: the `security-severity` score (the result's own, then its
 * rule's), then the result's level, then the rule's default level, then SARIF's default, warning.
 */
function readSarif(doc, source) {
    const shape = new Shape(source, 'SARIF');
    if (doc.version !== undefined && doc.version !== '2.1.0') {
        shape.fail('version', `is ${JSON.stringify(doc.version)}; only SARIF 2.1.0 is read`);
    }
    const tools = [];
    const findings = [];
    shape.objects(doc.runs, 'runs').forEach((run, r) => {
        const at = `runs[${r}]`;
        const tool = shape.object(run.tool, `${at}.tool`);
        if (!tool)
            shape.fail(`${at}.tool`, 'is missing');
        const driver = shape.object(tool.driver, `${at}.tool.driver`);
        if (!driver)
            shape.fail(`${at}.tool.driver`, 'is missing');
        const components = {
            driver,
            extensions: shape.objects(tool.extensions, `${at}.tool.extensions`),
        };
        shape.objects(driver.rules, `${at}.tool.driver.rules`);
        components.extensions.forEach((extension, e) => shape.objects(extension.rules, `${at}.tool.extensions[${e}].rules`));
        const toolName = asString(driver.name) ?? 'SARIF';
        if (!tools.includes(toolName))
            tools.push(toolName);
        const artifacts = shape.objects(run.artifacts, `${at}.artifacts`);
        shape.objects(run.results, `${at}.results`).forEach((result, i) => {
            const kind = asString(result.kind);
            if (kind === 'pass' || kind === 'notApplicable')
                return;
            findings.push(sarifResult(shape, result, `${at}.results[${i}]`, components, artifacts, toolName, source));
        });
    });
    return { tools, findings };
}
function sarifResult(shape, result, at, components, artifacts, tool, source) {
    const reference = shape.object(result.rule, `${at}.rule`);
    const rule = resolveRule(result, reference, components);
    const ruleId = asString(result.ruleId) ?? asString(reference?.id) ?? asString(rule?.id) ?? 'unknown-rule';
    const ruleProperties = asObject(rule?.properties);
    const resultProperties = shape.object(result.properties, `${at}.properties`) ?? {};
    const severity = severityOfResult(result, resultProperties, rule, ruleProperties);
    const title = asString(asObject(rule?.shortDescription)?.text) ??
        asString(rule?.name) ??
        asString(ruleProperties?.name) ??
        ruleId;
    const message = messageText(shape.object(result.message, `${at}.message`), rule) ?? title;
    const location = firstLocation(shape, result, at, artifacts);
    const properties = sanitizeProperties(resultProperties);
    if (!properties.tools)
        properties.tools = [tool];
    const helpUri = asString(rule?.helpUri);
    if (helpUri)
        properties.helpUri = helpUri;
    const tags = asStrings(ruleProperties?.tags);
    if (tags.length > 0 && !properties.tags)
        properties.tags = tags;
    if (severity.assumed)
        properties.severityAssumed = true;
    const suppression = suppressionOf(shape, result, at, source);
    if (suppression)
        properties.suppression = suppression;
    const finding = {
        ruleId,
        severity: severity.severity,
        title,
        message,
        fingerprint: fingerprintFor(result, tool, ruleId, location, message),
        properties,
    };
    if (location)
        finding.location = location;
    const fix = sarif_fixText(result) ?? asString(resultProperties['gatehouse/fix']);
    if (fix)
        finding.fix = fix;
    return finding;
}
/** A result names its rule by `rule` {index, id, toolComponent}, `ruleIndex`, or `ruleId`. */
function resolveRule(result, reference, components) {
    const componentRef = asObject(reference?.toolComponent);
    let component = components.driver;
    if (componentRef) {
        const index = asNumber(componentRef.index);
        const name = asString(componentRef.name);
        const guid = asString(componentRef.guid);
        const found = (index !== undefined ? components.extensions[index] : undefined) ??
            components.extensions.find((ext) => (name && ext.name === name) || (guid && ext.guid === guid));
        if (found)
            component = found;
    }
    const index = asNumber(reference?.index) ?? asNumber(result.ruleIndex);
    const rules = Array.isArray(component.rules) ? component.rules : [];
    if (index !== undefined && Number.isInteger(index) && index >= 0 && rules[index])
        return rules[index];
    const id = asString(result.ruleId) ?? asString(reference?.id);
    if (!id)
        return undefined;
    for (const candidate of [components.driver, ...components.extensions]) {
        const list = Array.isArray(candidate.rules) ? candidate.rules : [];
        const match = list.find((rule) => rule.id === id);
        if (match)
            return match;
    }
    // A hierarchical id ("a/b/c") may name a rule "a/b".
    const parent = id.includes('/') ? id.slice(0, id.lastIndexOf('/')) : undefined;
    return parent ? resolveRule({ ruleId: parent }, undefined, components) : undefined;
}
function severityOfResult(result, resultProperties, rule, ruleProperties) {
    // Our own SARIF names the exact severity; trust it only when it is one of the five.
    const own = resultProperties['gatehouse/severity'];
    if (isSeverity(own))
        return { severity: own, assumed: false };
    for (const score of [resultProperties['security-severity'], ruleProperties?.['security-severity']]) {
        if (score === undefined || score === null || score === '')
            continue;
        const parsed = severityOf(score);
        if (!parsed.assumed)
            return parsed;
    }
    const level = asString(result.level) ?? asString(asObject(rule?.defaultConfiguration)?.level);
    if (level) {
        const parsed = severityOf(level);
        if (!parsed.assumed)
            return parsed;
    }
    return { severity: 'medium', assumed: false };
}
function messageText(message, rule) {
    if (!message)
        return undefined;
    let text = asString(message.text) ?? asString(message.markdown);
    const id = asString(message.id);
    if (!text && id)
        text = asString(asObject(asObject(rule?.messageStrings)?.[id])?.text);
    if (!text)
        return undefined;
    const args = Array.isArray(message.arguments) ? message.arguments : [];
    return text.replace(/\{(\d+)\}/g, (whole, n) => {
        const value = args[Number(n)];
        return typeof value === 'string' ? value : whole;
    });
}
function firstLocation(shape, result, at, artifacts) {
    for (const entry of shape.objects(result.locations, `${at}.locations`)) {
        const physical = asObject(entry.physicalLocation);
        if (!physical)
            continue;
        const artifact = asObject(physical.artifactLocation);
        let uri = asString(artifact?.uri);
        const index = asNumber(artifact?.index);
        if (!uri && index !== undefined)
            uri = asString(asObject(artifacts[index]?.location)?.uri);
        if (!uri)
            continue;
        const location = { path: uriToPath(uri) };
        const region = asObject(physical.region);
        const line = asNumber(region?.startLine);
        if (line !== undefined && Number.isInteger(line) && line >= 1) {
            location.line = line;
            const column = asNumber(region?.startColumn);
            if (column !== undefined && Number.isInteger(column) && column >= 1)
                location.column = column;
            const endLine = asNumber(region?.endLine);
            if (endLine !== undefined && Number.isInteger(endLine) && endLine >= line)
                location.endLine = endLine;
            const endColumn = asNumber(region?.endColumn);
            if (endColumn !== undefined && Number.isInteger(endColumn) && endColumn >= 1)
                location.endColumn = endColumn;
        }
        return location;
    }
    return undefined;
}
/** A workspace path from an artifact URI: `file://` stripped, %-escapes decoded, `./` dropped. */
function uriToPath(uri) {
    let path = uri.replace(/^file:\/\/(localhost)?/i, '');
    try {
        path = decodeURIComponent(path);
    }
    catch {
        // A stray '%' that is not an escape: keep the text as written.
    }
    return path.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}
/**
 * Suppressed when the result carries a suppression that is accepted (SARIF's default status). One
 * under review or rejected does not suppress: a gate fails closed.
 */
function suppressionOf(shape, result, at, source) {
    for (const entry of shape.objects(result.suppressions, `${at}.suppressions`)) {
        const status = asString(entry.status);
        if (status !== undefined && status !== 'accepted')
            continue;
        const own = suppressionFrom(asObject(entry.properties)?.['gatehouse/suppression']);
        if (own)
            return own;
        const kind = asString(entry.kind);
        const reason = asString(entry.justification) ?? (kind ? `suppressed ${kind}` : 'suppressed by the tool');
        return { kind: 'tool', reason, source };
    }
    return undefined;
}
function fingerprintFor(result, tool, ruleId, location, message) {
    const partial = asObject(result.partialFingerprints);
    const own = partial?.['gatehouse/v1'];
    if (typeof own === 'string' && own !== '')
        return own;
    // A tool's partial fingerprints (e.g. a line hash) identify a location, not a rule: hash them together.
    const prints = { ...asObject(result.fingerprints), ...partial };
    const entries = Object.entries(prints)
        .filter((entry) => typeof entry[1] === 'string')
        .sort(([a], [b]) => a.localeCompare(b));
    if (entries.length > 0)
        return finding_fingerprintOf(tool, ruleId, ...entries.flat());
    return finding_fingerprintOf(tool, ruleId, location?.path, location?.line, message);
}
function sarif_fixText(result) {
    if (!Array.isArray(result.fixes))
        return undefined;
    for (const fix of result.fixes) {
        const text = isObject(fix) ? asString(asObject(fix.description)?.text) : undefined;
        if (text)
            return text;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./packages/scanners/src/readers/trivy.ts



const trivy_TOOL = 'trivy';
function isTrivy(doc) {
    return (typeof doc.SchemaVersion === 'number' &&
        (typeof doc.ArtifactName === 'string' || Array.isArray(doc.Results) || isTrivyStamp(doc.Trivy)));
}
function isTrivyStamp(value) {
    return asObject(value) !== undefined;
}
/**
 * Trivy's JSON report: Results[].Vulnerabilities, Misconfigurations that failed, and Secrets.
 * Findings Trivy itself set aside (ExperimentalModifiedFindings: VEX, .trivyignore) come back
 * suppressed, so the summary can still list them.
 */
function readTrivy(doc, source) {
    const shape = new Shape(source, 'Trivy');
    const findings = [];
    shape.objects(doc.Results, 'Results').forEach((result, r) => {
        const target = asString(result.Target) ?? asString(doc.ArtifactName) ?? source;
        const ecosystem = asString(result.Type);
        const at = `Results[${r}]`;
        for (const vuln of shape.objects(result.Vulnerabilities, `${at}.Vulnerabilities`)) {
            findings.push(trivyVulnerability(vuln, target, ecosystem));
        }
        for (const misconfig of shape.objects(result.Misconfigurations, `${at}.Misconfigurations`)) {
            if (asString(misconfig.Status)?.toUpperCase() === 'FAIL')
                findings.push(trivyMisconfiguration(misconfig, target));
        }
        for (const secret of shape.objects(result.Secrets, `${at}.Secrets`))
            findings.push(trivySecret(secret, target));
        const modified = shape.objects(result.ExperimentalModifiedFindings, `${at}.ExperimentalModifiedFindings`);
        modified.forEach((entry, m) => {
            const inner = shape.object(entry.Finding, `${at}.ExperimentalModifiedFindings[${m}].Finding`);
            if (!inner)
                return;
            const type = asString(entry.Type)?.toLowerCase();
            let finding;
            if (type === 'vulnerability')
                finding = trivyVulnerability(inner, target, ecosystem);
            else if (type === 'misconfiguration')
                finding = trivyMisconfiguration(inner, target);
            else if (type === 'secret')
                finding = trivySecret(inner, target);
            else
                return;
            const reason = [asString(entry.Status), asString(entry.Statement)].filter(Boolean).join(': ');
            const suppression = {
                kind: 'tool',
                reason: reason || 'set aside by trivy',
                source: asString(entry.Source) ?? source,
            };
            finding.properties.suppression = suppression;
            findings.push(finding);
        });
    });
    return findings;
}
function trivyVulnerability(vuln, target, ecosystem) {
    const id = asString(vuln.VulnerabilityID) ?? asString(vuln.PkgID) ?? 'unknown-vulnerability';
    const identifier = asObject(vuln.PkgIdentifier);
    const name = asString(vuln.PkgName) ?? asString(vuln.PkgID) ?? 'unknown-package';
    return vulnerabilityFinding({
        tool: trivy_TOOL,
        id,
        aliases: asStrings(vuln.VendorIDs),
        severity: severityOf(vuln.Severity),
        title: asString(vuln.Title),
        location: locationOf(target),
        pkg: {
            name,
            version: asString(vuln.InstalledVersion),
            purl: asString(identifier?.PURL),
            ecosystem,
        },
        fixedVersion: asString(vuln.FixedVersion),
        helpUri: asString(vuln.PrimaryURL),
    });
}
function trivyMisconfiguration(misconfig, target) {
    const id = asString(misconfig.ID) ?? asString(misconfig.AVDID) ?? 'unknown-misconfiguration';
    const cause = asObject(misconfig.CauseMetadata);
    const line = asNumber(cause?.StartLine);
    const severity = severityOf(misconfig.Severity);
    const title = asString(misconfig.Title) ?? id;
    const message = asString(misconfig.Message) ?? asString(misconfig.Description) ?? title;
    const finding = {
        ruleId: id,
        severity: severity.severity,
        title,
        message,
        fingerprint: finding_fingerprintOf(trivy_TOOL, id, target, line, message),
        properties: { tools: [trivy_TOOL] },
    };
    const location = locationOf(target, line);
    if (location)
        finding.location = location;
    const resolution = asString(misconfig.Resolution);
    if (resolution)
        finding.fix = resolution;
    if (severity.assumed)
        finding.properties.severityAssumed = true;
    const help = asString(misconfig.PrimaryURL);
    if (help)
        finding.properties.helpUri = help;
    return finding;
}
/** The matched text is never copied: Trivy masks it, but a finding must not carry secret material. */
function trivySecret(secret, target) {
    const id = asString(secret.RuleID) ?? 'secret';
    const line = asNumber(secret.StartLine);
    const severity = severityOf(secret.Severity);
    const title = asString(secret.Title) ?? id;
    const category = asString(secret.Category);
    const finding = {
        ruleId: id,
        severity: severity.severity,
        title,
        message: `Secret found: ${title}${category ? ` (${category})` : ''}`,
        fingerprint: finding_fingerprintOf(trivy_TOOL, id, target, line),
        properties: { tools: [trivy_TOOL], tags: ['secret'] },
    };
    const location = locationOf(target, line);
    if (location)
        finding.location = location;
    if (severity.assumed)
        finding.properties.severityAssumed = true;
    return finding;
}

;// CONCATENATED MODULE: ./packages/scanners/src/report.ts








const VEX_NAMES = {
    openvex: 'an OpenVEX document',
    'cyclonedx-vex': 'a CycloneDX VEX document',
    'csaf-vex': 'a CSAF VEX document',
};
const SBOM_NAMES = {
    cyclonedx: 'a CycloneDX SBOM',
    spdx: 'an SPDX SBOM',
    'github-snapshot': 'a GitHub dependency snapshot (an SBOM)',
};
/** The format of a parsed JSON document. Order matters: the most specific markers are tried first. */
function detectDocument(doc) {
    if (!isObject(doc))
        return { kind: 'unknown' };
    if (isGatehouseFindings(doc))
        return { kind: 'findings', format: 'gatehouse' };
    if (isSarif(doc))
        return { kind: 'findings', format: 'sarif' };
    if (isTrivy(doc))
        return { kind: 'findings', format: 'trivy' };
    if (isNpmAuditV2(doc) || isNpmAuditV1(doc))
        return { kind: 'findings', format: 'npm-audit' };
    if (isGrype(doc))
        return { kind: 'findings', format: 'grype' };
    if (isOsvScanner(doc))
        return { kind: 'findings', format: 'osv-scanner' };
    if (typeof doc['@context'] === 'string' && /openvex/i.test(doc['@context']) && Array.isArray(doc.statements)) {
        return { kind: 'vex', format: 'openvex' };
    }
    const document = isObject(doc.document) ? doc.document : undefined;
    if (document && typeof document.csaf_version === 'string')
        return { kind: 'vex', format: 'csaf-vex' };
    if (doc.bomFormat === 'CycloneDX') {
        const vulnerabilities = Array.isArray(doc.vulnerabilities) ? doc.vulnerabilities : [];
        return vulnerabilities.length > 0
            ? { kind: 'vex', format: 'cyclonedx-vex' }
            : { kind: 'sbom', format: 'cyclonedx' };
    }
    if (typeof doc.spdxVersion === 'string' || isSpdx3(doc))
        return { kind: 'sbom', format: 'spdx' };
    if (doc.version === 0 && isObject(doc.detector) && ('manifests' in doc || 'job' in doc)) {
        return { kind: 'sbom', format: 'github-snapshot' };
    }
    return { kind: 'unknown' };
}
/** npm audit (and others) write `{"error": {"code", "summary"}}` when they could not scan. */
function scannerError(doc) {
    const error = isObject(doc) && isObject(doc.error) ? doc.error : undefined;
    if (!error)
        return undefined;
    const parts = [error.code, error.summary ?? error.message].filter((part) => typeof part === 'string' && part.trim());
    return parts.length > 0 ? parts.join(': ') : undefined;
}
function isSpdx3(doc) {
    const context = doc['@context'];
    return typeof context === 'string' && /spdx/i.test(context);
}
/** The format of a document's bytes; malformed JSON is a usage error naming `source`. */
function detectFormat(content, source) {
    return detectDocument(parseJson(content, source));
}
/**
 * Reads a scanner report into Findings. The format is judged from the content, never the file name.
 * Malformed or truncated JSON, a document that is not a findings report (an SBOM, a VEX document) and
 * a report whose structure is broken are usage errors with one line naming `source`: a report that
 * cannot be read never passes as an empty one.
 */
function readReport(content, source) {
    const result = readDocument(content, source);
    for (const finding of result.findings) {
        if (!finding.properties.sources?.length)
            finding.properties.sources = [source];
    }
    return result;
}
function readDocument(content, source) {
    const doc = json_parseJson(content, source);
    const detected = detectDocument(doc);
    if (detected.kind === 'vex') {
        throw new UsageError(`${source}: is ${VEX_NAMES[detected.format]}, not a findings report; pass it as a VEX document (vex), or give one of ${EXPECTED_FORMATS}`);
    }
    if (detected.kind === 'sbom') {
        throw new UsageError(`${source}: is ${SBOM_NAMES[detected.format]}, not a findings report; scan it first and give the scanner's report: ${EXPECTED_FORMATS}`);
    }
    if (detected.kind === 'unknown') {
        const failure = scannerError(doc);
        if (failure)
            throw new UsageError(`${source}: the scanner wrote an error instead of a report: ${failure}`);
        throw new UsageError(`${source}: not a recognised findings report; expected ${EXPECTED_FORMATS}`);
    }
    const report = doc;
    switch (detected.format) {
        case 'gatehouse':
            return { format: 'gatehouse', tool: 'gatehouse', findings: readGatehouseFindings(report, source) };
        case 'sarif': {
            const read = readSarif(report, source);
            return { format: 'sarif', tool: read.tools.join(', ') || 'SARIF', findings: read.findings };
        }
        case 'trivy':
            return { format: 'trivy', tool: 'trivy', findings: readTrivy(report, source) };
        case 'npm-audit':
            return {
                format: 'npm-audit',
                tool: 'npm audit',
                findings: isNpmAuditV2(report) ? readNpmAuditV2(report, source) : readNpmAuditV1(report, source),
            };
        case 'grype':
            return { format: 'grype', tool: 'grype', findings: readGrype(report, source) };
        case 'osv-scanner':
            return { format: 'osv-scanner', tool: 'osv-scanner', findings: readOsvScanner(report, source) };
    }
}

;// CONCATENATED MODULE: ./packages/scanners/src/schema.ts


/** JSON Schema (draft-07) of the Gatehouse findings JSON that `toFindingsJson` writes. */
const GATEHOUSE_FINDINGS_SCHEMA = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Gatehouse findings',
    type: 'object',
    required: ['tool', 'version', 'findings'],
    properties: {
        tool: { const: 'gatehouse' },
        version: { type: 'string', pattern: `^${GATEHOUSE_FINDINGS_VERSION}(\\.|$)` },
        findings: {
            type: 'array',
            items: {
                type: 'object',
                required: ['ruleId', 'severity', 'title', 'message', 'fingerprint', 'properties'],
                properties: {
                    ruleId: { type: 'string', minLength: 1 },
                    severity: { enum: [...severity_SEVERITIES] },
                    title: { type: 'string' },
                    message: { type: 'string' },
                    fingerprint: { type: 'string', minLength: 1 },
                    fix: { type: 'string' },
                    location: {
                        type: 'object',
                        required: ['path'],
                        properties: {
                            path: { type: 'string', minLength: 1 },
                            line: { type: 'integer', minimum: 1 },
                            column: { type: 'integer', minimum: 1 },
                            endLine: { type: 'integer', minimum: 1 },
                            endColumn: { type: 'integer', minimum: 1 },
                        },
                    },
                    properties: {
                        type: 'object',
                        properties: {
                            tools: { type: 'array', items: { type: 'string' } },
                            sources: { type: 'array', items: { type: 'string' } },
                            aliases: { type: 'array', items: { type: 'string' } },
                            tags: { type: 'array', items: { type: 'string' } },
                            fixedVersion: { type: 'string' },
                            severityAssumed: { type: 'boolean' },
                            helpUri: { type: 'string' },
                            package: {
                                type: 'object',
                                required: ['name'],
                                properties: {
                                    name: { type: 'string' },
                                    version: { type: 'string' },
                                    purl: { type: 'string' },
                                    ecosystem: { type: 'string' },
                                },
                            },
                            suppression: {
                                type: 'object',
                                required: ['kind', 'reason'],
                                properties: {
                                    kind: { enum: ['exception', 'vex', 'tool'] },
                                    reason: { type: 'string', minLength: 1 },
                                    owner: { type: 'string' },
                                    expires: { type: 'string' },
                                    source: { type: 'string' },
                                },
                            },
                        },
                    },
                },
            },
        },
    },
};

;// CONCATENATED MODULE: ./packages/scanners/src/vex/statement.ts

const VEX_STATUSES = ['not_affected', 'fixed', 'false_positive', 'affected', 'under_investigation'];
/** The statuses that suppress a finding. */
const SUPPRESSING_STATUSES = new Set(['not_affected', 'fixed', 'false_positive']);
const statement_SPELLINGS = {
    not_affected: 'not_affected',
    known_not_affected: 'not_affected',
    fixed: 'fixed',
    first_fixed: 'fixed',
    resolved: 'fixed',
    resolved_with_pedigree: 'fixed',
    false_positive: 'false_positive',
    affected: 'affected',
    exploitable: 'affected',
    known_affected: 'affected',
    first_affected: 'affected',
    last_affected: 'affected',
    under_investigation: 'under_investigation',
    in_triage: 'under_investigation',
};
/** A status in any of the formats' spellings; an unknown one is a usage error, never a guess. */
function normaliseVexStatus(value, source, where) {
    const key = typeof value === 'string'
        ? value
            .trim()
            .toLowerCase()
            .replace(/[-\s]+/g, '_')
        : '';
    const status = Object.hasOwn(statement_SPELLINGS, key) ? statement_SPELLINGS[key] : undefined;
    if (!status) {
        throw new UsageError(`${source}: ${where} has status ${JSON.stringify(value)}; expected one of ${VEX_STATUSES.join(', ')}`);
    }
    return status;
}
/** An id written as a URL (…/CVE-2021-44228) also goes by its last path segment. */
function idAliases(id) {
    if (!/^[a-z]+:\/\//i.test(id))
        return [];
    const last = id.split(/[/?#]/).filter(Boolean).pop();
    return last && last !== id ? [last] : [];
}

;// CONCATENATED MODULE: ./packages/scanners/src/vex/csaf.ts


const STATUS_GROUPS = [
    'known_not_affected',
    'fixed',
    'first_fixed',
    'known_affected',
    'first_affected',
    'last_affected',
    'under_investigation',
];
/**
 * CSAF VEX: each vulnerability's product_status groups, with product ids resolved through the
 * product tree to purls (a relationship resolves to the component it names).
 */
function readCsafVex(doc, source) {
    const shape = new Shape(source, 'CSAF VEX');
    const products = new Map();
    const tree = shape.object(doc.product_tree, 'product_tree');
    if (tree) {
        collectBranches(tree.branches, products);
        for (const full of Array.isArray(tree.full_product_names) ? tree.full_product_names : [])
            addProduct(full, products);
        for (const relationship of Array.isArray(tree.relationships) ? tree.relationships : []) {
            if (!isObject(relationship))
                continue;
            const id = asString(asObject(relationship.full_product_name)?.product_id);
            const component = products.get(asString(relationship.product_reference) ?? '');
            if (id && component && !products.has(id))
                products.set(id, component);
        }
    }
    const tracking = asObject(asObject(doc.document)?.tracking);
    const documentTime = asString(tracking?.current_release_date);
    const statements = [];
    shape.objects(doc.vulnerabilities, 'vulnerabilities').forEach((vuln, i) => {
        const at = `vulnerabilities[${i}]`;
        const ids = shape
            .objects(vuln.ids, `${at}.ids`)
            .map((entry) => asString(entry.text))
            .filter((value) => value !== undefined);
        const id = asString(vuln.cve) ?? ids[0];
        if (!id)
            shape.fail(at, 'has neither a cve nor ids');
        const status = shape.object(vuln.product_status, `${at}.product_status`) ?? {};
        const flags = shape.objects(vuln.flags, `${at}.flags`);
        const threats = shape.objects(vuln.threats, `${at}.threats`).filter((threat) => threat.category === 'impact');
        for (const group of STATUS_GROUPS) {
            const productIds = asStrings(status[group]);
            if (productIds.length === 0)
                continue;
            const statement = {
                vulnerability: id,
                aliases: unique(ids.filter((alias) => alias !== id)),
                products: productIds
                    .map((productId) => products.get(productId))
                    .filter((product) => product !== undefined),
                status: normaliseVexStatus(group, source, `${at}.product_status`),
                format: 'csaf-vex',
                source,
            };
            const justification = flags.find((flag) => appliesTo(flag, productIds))?.label;
            if (typeof justification === 'string')
                statement.justification = justification;
            const impact = threats.find((threat) => appliesTo(threat, productIds))?.details;
            if (typeof impact === 'string')
                statement.impact = impact;
            const timestamp = asString(vuln.release_date) ?? documentTime;
            if (timestamp)
                statement.timestamp = timestamp;
            statements.push(statement);
        }
    });
    return statements;
}
/** A flag or threat without product ids applies to every product of the vulnerability. */
function appliesTo(entry, productIds) {
    const ids = asStrings(entry.product_ids);
    return ids.length === 0 || ids.some((id) => productIds.includes(id));
}
function collectBranches(value, into) {
    if (!Array.isArray(value))
        return;
    for (const branch of value) {
        if (!isObject(branch))
            continue;
        addProduct(branch.product, into);
        collectBranches(branch.branches, into);
    }
}
function addProduct(value, into) {
    if (!isObject(value))
        return;
    const id = asString(value.product_id);
    if (!id)
        return;
    const purl = asString(asObject(value.product_identification_helper)?.purl);
    const name = asString(value.name);
    if (purl)
        into.set(id, { purl });
    else if (name)
        into.set(id, { name });
}

;// CONCATENATED MODULE: ./packages/scanners/src/vex/cyclonedx.ts


/**
 * CycloneDX VEX: vulnerabilities[] with analysis.state; affects[].ref names a component by bom-ref
 * (resolved to its purl), by BOM-Link (urn:cdx:…#bom-ref) or by purl. An entry without an analysis
 * makes no VEX claim and is left out.
 */
function readCycloneDxVex(doc, source) {
    const shape = new Shape(source, 'CycloneDX VEX');
    const components = new Map();
    collectComponents(shape, asObject(doc.metadata)?.component, components);
    for (const component of shape.objects(doc.components, 'components'))
        collectComponents(shape, component, components);
    const documentTime = asString(asObject(doc.metadata)?.timestamp);
    const statements = [];
    shape.objects(doc.vulnerabilities, 'vulnerabilities').forEach((vuln, i) => {
        const at = `vulnerabilities[${i}]`;
        const analysis = shape.object(vuln.analysis, `${at}.analysis`);
        if (!analysis || analysis.state === undefined)
            return;
        const id = asString(vuln.id);
        if (!id)
            shape.fail(`${at}.id`, 'is missing');
        const references = shape
            .objects(vuln.references, `${at}.references`)
            .map((reference) => asString(reference.id))
            .filter((value) => value !== undefined);
        const products = shape
            .objects(vuln.affects, `${at}.affects`)
            .map((affect) => resolveRef(asString(affect.ref), components))
            .filter((product) => product !== undefined);
        const statement = {
            vulnerability: id,
            aliases: unique([...references, ...idAliases(id)].filter((alias) => alias !== id)),
            products,
            status: normaliseVexStatus(analysis.state, source, `${at}.analysis.state`),
            format: 'cyclonedx-vex',
            source,
        };
        const justification = asString(analysis.justification);
        if (justification)
            statement.justification = justification;
        const detail = asString(analysis.detail);
        if (detail)
            statement.impact = detail;
        const timestamp = asString(analysis.lastUpdated) ?? asString(analysis.firstIssued) ?? asString(vuln.updated) ?? documentTime;
        if (timestamp)
            statement.timestamp = timestamp;
        statements.push(statement);
    });
    return statements;
}
function collectComponents(shape, value, into) {
    if (!isObject(value))
        return;
    const ref = asString(value['bom-ref']);
    const purl = asString(value.purl);
    const name = asString(value.name);
    if (ref && (purl || name)) {
        const product = purl ? { purl } : { name: name };
        const version = asString(value.version);
        if (!purl && version)
            product.version = version;
        into.set(ref, product);
    }
    for (const child of shape.objects(value.components, `components of ${ref ?? name ?? 'a component'}`)) {
        collectComponents(shape, child, into);
    }
}
function resolveRef(ref, components) {
    if (!ref)
        return undefined;
    const known = components.get(ref);
    if (known)
        return known;
    if (ref.startsWith('urn:cdx:') && ref.includes('#')) {
        let fragment = ref.slice(ref.indexOf('#') + 1);
        if (!fragment.startsWith('pkg:')) {
            try {
                fragment = decodeURIComponent(fragment);
            }
            catch {
                return undefined;
            }
        }
        return components.get(fragment) ?? (fragment.startsWith('pkg:') ? { purl: fragment } : undefined);
    }
    return ref.startsWith('pkg:') ? { purl: ref } : undefined;
}

;// CONCATENATED MODULE: ./packages/scanners/src/vex/openvex.ts


/** OpenVEX: statements[] with a vulnerability, products (and their subcomponents) and a status. */
function readOpenVex(doc, source) {
    const shape = new Shape(source, 'OpenVEX');
    const documentTime = asString(doc.timestamp);
    return shape.objects(doc.statements, 'statements').map((statement, i) => {
        const at = `statements[${i}]`;
        const vuln = statement.vulnerability;
        let id;
        let aliases = [];
        if (typeof vuln === 'string')
            id = asString(vuln);
        else if (isObject(vuln)) {
            id = asString(vuln.name) ?? asString(vuln['@id']);
            aliases = [...asStrings(vuln.aliases), ...(asString(vuln['@id']) ? [vuln['@id']] : [])];
        }
        if (!id)
            shape.fail(`${at}.vulnerability`, 'names no vulnerability');
        const products = productsOf(shape, statement.products, `${at}.products`);
        const out = {
            vulnerability: id,
            aliases: unique([...aliases, ...aliases.flatMap(idAliases), ...idAliases(id)].filter((alias) => alias !== id)),
            products,
            status: normaliseVexStatus(statement.status, source, at),
            format: 'openvex',
            source,
        };
        const justification = asString(statement.justification);
        if (justification)
            out.justification = justification;
        const impact = asString(statement.impact_statement) ?? asString(statement.status_notes);
        if (impact)
            out.impact = impact;
        const timestamp = asString(statement.last_updated) ?? asString(statement.timestamp) ?? documentTime;
        if (timestamp)
            out.timestamp = timestamp;
        return out;
    });
}
/**
 * A product with subcomponents speaks about those subcomponents (the packages inside it that carry
 * the vulnerability); without, about the product itself.
 */
function productsOf(shape, value, at) {
    if (value === undefined || value === null)
        return [];
    if (!Array.isArray(value))
        shape.fail(at, 'is not an array');
    const products = [];
    value.forEach((entry, i) => {
        if (typeof entry === 'string') {
            products.push(productFromId(entry));
            return;
        }
        if (!isObject(entry))
            shape.fail(`${at}[${i}]`, 'is not an object');
        const subcomponents = Array.isArray(entry.subcomponents) ? entry.subcomponents : [];
        if (subcomponents.length > 0)
            products.push(...productsOf(shape, subcomponents, `${at}[${i}].subcomponents`));
        else
            products.push(productOf(entry));
    });
    return products.filter((product) => product.purl || product.name);
}
function productOf(entry) {
    const purl = asString(asObject(entry.identifiers)?.purl);
    if (purl)
        return { purl };
    return productFromId(asString(entry['@id']) ?? '');
}
function productFromId(id) {
    return id.startsWith('pkg:') ? { purl: id } : id ? { name: id } : {};
}

;// CONCATENATED MODULE: ./packages/scanners/src/vex/read.ts






const EXPECTED_VEX = 'OpenVEX, CycloneDX VEX or CSAF VEX JSON';
/** The statements of an OpenVEX, CycloneDX VEX or CSAF VEX document, judged from its content. */
function readVex(content, source) {
    const doc = json_parseJson(content, source, EXPECTED_VEX);
    const detected = detectDocument(doc);
    // A CycloneDX BOM without vulnerabilities is a valid VEX document that says nothing.
    if (detected.kind === 'sbom' && detected.format === 'cyclonedx')
        return [];
    if (detected.kind !== 'vex') {
        const what = detected.kind === 'unknown'
            ? 'not a recognised document'
            : `a ${detected.format} ${detected.kind === 'findings' ? 'findings report' : 'SBOM'}`;
        throw new UsageError(`${source}: is ${what}, not a VEX document; expected ${EXPECTED_VEX}`);
    }
    const report = doc;
    switch (detected.format) {
        case 'openvex':
            return readOpenVex(report, source);
        case 'cyclonedx-vex':
            return readCycloneDxVex(report, source);
        case 'csaf-vex':
            return readCsafVex(report, source);
    }
}

// EXTERNAL MODULE: ./node_modules/packageurl-js/index.js
var packageurl_js = __webpack_require__(7091);
;// CONCATENATED MODULE: ./packages/scanners/src/purl.ts

/** The identity parts of a purl (qualifiers and subpath ignored), or undefined when it is not one. */
function parsePurl(text) {
    if (!text || !text.startsWith('pkg:'))
        return undefined;
    try {
        const purl = packageurl_js.PackageURL.fromString(text);
        const parts = { type: purl.type.toLowerCase(), name: purl.name };
        if (purl.namespace)
            parts.namespace = purl.namespace;
        if (purl.version)
            parts.version = purl.version;
        return parts;
    }
    catch {
        return looseParse(text);
    }
}
/** For purls the strict parser refuses (scanners write some): split by hand. */
function looseParse(text) {
    const body = text.slice(4).replace(/^\/+/, '').split('#')[0].split('?')[0];
    const at = body.lastIndexOf('@');
    const path = at > 0 ? body.slice(0, at) : body;
    const version = at > 0 ? safeDecode(body.slice(at + 1)) : undefined;
    const segments = path.split('/').filter(Boolean).map(safeDecode);
    if (segments.length < 2)
        return undefined;
    const parts = { type: segments[0].toLowerCase(), name: segments[segments.length - 1] };
    if (segments.length > 2)
        parts.namespace = segments.slice(1, -1).join('/');
    if (version)
        parts.version = version;
    return parts;
}
function safeDecode(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}
/** type/namespace/name, the package without its version, compared case-insensitively. */
function packageKey(parts) {
    return [parts.type, parts.namespace ?? '', parts.name].join('/').toLowerCase();
}
/** Versions compare equal ignoring a leading "v" (Go modules write it, other tools drop it). */
function sameVersion(a, b) {
    return a.replace(/^v(?=\d)/i, '') === b.replace(/^v(?=\d)/i, '');
}

;// CONCATENATED MODULE: ./packages/scanners/src/vex/apply.ts


/**
 * Suppresses the vulnerability findings that a not_affected, fixed or false_positive statement
 * covers. A statement covers a finding when they share an id (or alias) and one of its products is
 * the finding's package: a purl without a version matches any version, one with a version only that
 * version (qualifiers ignored); a bare name matches the package name. When several statements cover
 * a finding the latest one decides, so a later "affected" takes back an earlier "not_affected".
 */
function applyVex(findings, statements) {
    const byId = new Map();
    statements.forEach((statement, order) => {
        for (const id of new Set([statement.vulnerability, ...statement.aliases].map(normaliseId))) {
            const list = byId.get(id) ?? [];
            list.push({ statement, order });
            byId.set(id, list);
        }
    });
    const matched = new Set();
    const out = findings.map((finding) => {
        const pkg = finding.properties.package;
        if (!pkg)
            return finding;
        const ids = new Set([finding.ruleId, ...(finding.properties.aliases ?? [])].map(normaliseId));
        const candidates = new Map();
        for (const id of ids)
            for (const entry of byId.get(id) ?? [])
                candidates.set(entry.statement, entry.order);
        const target = findingPackage(pkg.name, pkg.version, pkg.purl);
        let decisive;
        for (const [statement, order] of candidates) {
            if (!statement.products.some((product) => productMatches(product, target)))
                continue;
            matched.add(statement);
            if (!decisive || later(statement, order, decisive.statement, decisive.order))
                decisive = { statement, order };
        }
        if (!decisive || !SUPPRESSING_STATUSES.has(decisive.statement.status) || finding.properties.suppression) {
            return finding;
        }
        const { statement } = decisive;
        const reason = [
            statement.status + (statement.justification ? `: ${statement.justification}` : ''),
            statement.impact,
        ]
            .filter(Boolean)
            .join(' — ');
        return {
            ...finding,
            properties: { ...finding.properties, suppression: { kind: 'vex', reason, source: statement.source } },
        };
    });
    return { findings: out, matched: statements.filter((statement) => matched.has(statement)) };
}
function normaliseId(id) {
    return id.trim().toUpperCase();
}
function findingPackage(name, version, purl) {
    const parts = parsePurl(purl);
    const target = { name: name.toLowerCase() };
    const effectiveVersion = parts?.version ?? version;
    if (effectiveVersion)
        target.version = effectiveVersion;
    if (parts)
        target.purl = parts;
    return target;
}
function productMatches(product, target) {
    const parts = parsePurl(product.purl);
    if (parts) {
        if (target.purl) {
            if (packageKey(parts) !== packageKey(target.purl))
                return false;
        }
        else if (!nameVariants(parts).includes(target.name))
            return false;
        return versionMatches(parts.version, target.version);
    }
    if (!product.name || product.name.toLowerCase() !== target.name)
        return false;
    return versionMatches(product.version, target.version);
}
/** How scanners spell a purl's package without a purl: name, namespace/name (npm scopes, Go), namespace:name (Maven). */
function nameVariants(parts) {
    const name = parts.name.toLowerCase();
    if (!parts.namespace)
        return [name];
    const namespace = parts.namespace.toLowerCase();
    return [name, `${namespace}/${name}`, `${namespace}:${name}`];
}
/** A product without a version covers every version; with one, only a finding known to have it. */
function versionMatches(wanted, actual) {
    if (!wanted)
        return true;
    return actual !== undefined && sameVersion(wanted, actual);
}
function later(a, aOrder, b, bOrder) {
    const aTime = a.timestamp ? Date.parse(a.timestamp) : NaN;
    const bTime = b.timestamp ? Date.parse(b.timestamp) : NaN;
    if (!Number.isNaN(aTime) && !Number.isNaN(bTime) && aTime !== bTime)
        return aTime > bTime;
    return aOrder > bOrder;
}

;// CONCATENATED MODULE: ./packages/scanners/src/dedupe.ts



/**
 * The same vulnerability in the same package and version, reported by two scanners, counts once: a
 * match on id or alias, on purl (or package name when one side has no purl) and on version (a side
 * that does not know the version, like npm audit, matches any). The merged finding cites every tool
 * and source, keeps the highest known severity, and stays unsuppressed unless every copy was
 * suppressed. One scanner's two reports of a package in two places stay two findings. Other findings
 * merge only when their fingerprints are identical.
 */
function dedupeFindings(findings) {
    const merged = [];
    const byFingerprint = new Map();
    const byId = new Map();
    for (const finding of findings) {
        const same = byFingerprint.get(finding.fingerprint);
        if (same) {
            same.copies.push(finding);
            continue;
        }
        const pkg = finding.properties.package;
        const ids = new Set([finding.ruleId, ...(finding.properties.aliases ?? [])].map((id) => id.trim().toUpperCase()));
        let target;
        if (pkg) {
            for (const id of ids) {
                target = byId.get(id)?.find((candidate) => sameVulnerability(candidate, finding));
                if (target)
                    break;
            }
        }
        if (target) {
            target.copies.push(finding);
            for (const id of ids) {
                if (target.ids.has(id))
                    continue;
                target.ids.add(id);
                register(byId, id, target);
            }
            continue;
        }
        const entry = { finding, ids, copies: [finding] };
        merged.push(entry);
        byFingerprint.set(finding.fingerprint, entry);
        if (pkg)
            for (const id of ids)
                register(byId, id, entry);
    }
    return merged.map((entry) => (entry.copies.length === 1 ? entry.finding : combine(entry.copies)));
}
function register(byId, id, entry) {
    const list = byId.get(id);
    if (list)
        list.push(entry);
    else
        byId.set(id, [entry]);
}
function sameVulnerability(candidate, finding) {
    const a = candidate.finding;
    if (!samePackage(a, finding))
        return false;
    const toolsA = new Set(candidate.copies.flatMap((copy) => copy.properties.tools ?? []));
    const toolsB = finding.properties.tools ?? [];
    const sharedTool = toolsB.some((tool) => toolsA.has(tool));
    return !sharedTool || a.location?.path === finding.location?.path;
}
function samePackage(a, b) {
    const pa = a.properties.package;
    const pb = b.properties.package;
    if (!pb)
        return false;
    const purlA = parsePurl(pa.purl);
    const purlB = parsePurl(pb.purl);
    if (purlA && purlB) {
        if (packageKey(purlA) !== packageKey(purlB))
            return false;
    }
    else if (!namesOf(pa.name, purlA).some((name) => namesOf(pb.name, purlB).includes(name))) {
        return false;
    }
    const versionA = pa.version ?? purlA?.version;
    const versionB = pb.version ?? purlB?.version;
    return !versionA || !versionB || sameVersion(versionA, versionB);
}
function namesOf(name, purl) {
    const names = [name.toLowerCase()];
    if (purl) {
        const n = purl.name.toLowerCase();
        names.push(n);
        if (purl.namespace)
            names.push(`${purl.namespace.toLowerCase()}/${n}`, `${purl.namespace.toLowerCase()}:${n}`);
    }
    return names;
}
function combine(copies) {
    // An assumed severity is no evidence: a scanner that knows the severity outranks one that guessed.
    const known = copies.filter((copy) => !copy.properties.severityAssumed);
    const pool = known.length > 0 ? known : copies;
    const strongest = pool.reduce((best, copy) => severityRank(copy.severity) > severityRank(best.severity) ? copy : best);
    const unsuppressed = copies.find((copy) => !finding_isSuppressed(copy));
    const base = unsuppressed ?? copies[0];
    const properties = { ...base.properties };
    const tools = unique(copies.flatMap((copy) => copy.properties.tools ?? []));
    if (tools.length > 0)
        properties.tools = tools;
    const sources = unique(copies.flatMap((copy) => copy.properties.sources ?? []));
    if (sources.length > 0)
        properties.sources = sources;
    const ids = unique(copies.flatMap((copy) => [copy.ruleId, ...(copy.properties.aliases ?? [])])).filter((id) => id !== base.ruleId);
    if (ids.length > 0)
        properties.aliases = ids;
    const fixedVersion = copies.find((copy) => copy.properties.fixedVersion)?.properties.fixedVersion;
    if (fixedVersion)
        properties.fixedVersion = fixedVersion;
    const pkg = base.properties.package;
    if (pkg) {
        const version = copies.find((copy) => copy.properties.package?.version)?.properties.package?.version;
        const purl = copies.find((copy) => copy.properties.package?.purl)?.properties.package?.purl;
        properties.package = { ...pkg, ...(version ? { version } : {}), ...(purl ? { purl } : {}) };
    }
    if (strongest.properties.severityAssumed)
        properties.severityAssumed = true;
    else
        delete properties.severityAssumed;
    if (unsuppressed)
        delete properties.suppression;
    const result = { ...base, severity: strongest.severity, properties };
    const fix = base.fix ?? copies.find((copy) => copy.fix)?.fix;
    if (fix)
        result.fix = fix;
    return result;
}

;// CONCATENATED MODULE: ./packages/scanners/src/index.ts










;// CONCATENATED MODULE: ./packages/gate/src/gate.ts






/** Reads every report, applies VEX and exceptions, de-duplicates and decides. */
async function runGate(options) {
    const reportPaths = await matchInput('reports', options.reports, options.workspace);
    if (reportPaths.length === 0 && !options.allowEmpty) {
        throw new UsageError(`Input 'reports': no files matched ${JSON.stringify(options.reports.join(', '))} (set allow-empty: true if that is expected)`);
    }
    const reports = [];
    const findings = [];
    for (const path of reportPaths) {
        const content = await (0,promises_.readFile)((0,external_node_path_.resolve)(options.workspace, path));
        const result = readReport(content, path);
        reports.push({ path, format: result.format, tool: result.tool, findings: result.findings.length });
        for (const finding of result.findings) {
            findings.push({ ...finding, properties: { ...finding.properties, sources: [path] } });
        }
    }
    const result = await decide(findings, options);
    if (reportPaths.length === 0)
        result.notes.push('No report matched; allow-empty is true.');
    return { ...result, reports };
}
/**
 * The gate's decision over findings already in hand (from reports, or from Gatehouse's own checks):
 * de-duplicate, apply VEX and exceptions, and fail on unsuppressed findings at or above fail-on.
 */
async function decide(input, options) {
    let findings = dedupeFindings([...input]);
    for (const path of await matchInput('vex', options.vex, options.workspace)) {
        const statements = readVex(await (0,promises_.readFile)((0,external_node_path_.resolve)(options.workspace, path)), path);
        findings = applyVex(findings, statements).findings;
    }
    let unusedExceptions = [];
    if (options.exceptions) {
        const file = (0,external_node_path_.resolve)(options.workspace, options.exceptions);
        if (!(0,external_node_fs_.existsSync)(file))
            throw new UsageError(`Input 'exceptions': file not found: ${options.exceptions}`);
        const rules = parseExceptions(await (0,promises_.readFile)(file, 'utf8'), toRelative(options.workspace, file));
        const outcome = applyExceptions(findings, rules, options.now ?? new Date());
        findings = [...outcome.findings, ...outcome.expired];
        unusedExceptions = outcome.unused;
    }
    findings = sortFindings(findings);
    const unsuppressed = findings.filter((finding) => !finding_isSuppressed(finding));
    const decisive = unsuppressed.filter((finding) => fails(finding, options));
    const others = unsuppressed.filter((finding) => !decisive.includes(finding) && atLeast(finding.severity, options.reportOn));
    const suppressed = findings.filter(finding_isSuppressed);
    const counts = counts_countBySeverity(findings);
    const notes = [];
    const assumed = unsuppressed.filter((finding) => finding.properties.severityAssumed).length;
    if (assumed > 0)
        notes.push(`${assumed} finding${assumed === 1 ? '' : 's'} had no severity in the report; medium was assumed.`);
    for (const rule of unusedExceptions) {
        notes.push(`Exception ${rule.id} (${rule.source.path}:${rule.source.line}, owner ${rule.owner}) matched no finding.`);
    }
    const passed = decisive.length === 0;
    return {
        passed,
        failOn: options.failOn,
        reportOn: options.reportOn,
        reports: [],
        findings,
        decisive,
        others,
        suppressed,
        counts,
        suppressedCount: suppressed.length,
        unusedExceptions,
        notes,
        headline: headline(passed, decisive.length, unsuppressed.length, options),
    };
}
function fails(finding, options) {
    if (options.failOn === 'none' || !atLeast(finding.severity, options.failOn))
        return false;
    return !options.onlyFixed || hasFix(finding);
}
function hasFix(finding) {
    return Boolean(finding.fix || finding.properties.fixedVersion);
}
function headline(passed, failing, total, options) {
    const fixed = options.onlyFixed ? ' with a fix available' : '';
    if (options.failOn === 'none')
        return `fail-on is none: ${total} unsuppressed findings reported; the gate never fails.`;
    if (!passed) {
        return `**${failing} finding${failing === 1 ? '' : 's'}${fixed} at or above ${options.failOn}** (fail-on: ${options.failOn}).`;
    }
    return `No unsuppressed findings${fixed} at or above ${options.failOn}; ${total} below it.`;
}
/** Expands a list input; a literal path (no glob characters) that does not exist is a usage error. */
async function matchInput(input, patterns, workspace) {
    for (const pattern of patterns) {
        if (pattern.startsWith('!') || picomatch_default().scan(pattern).isGlob)
            continue;
        if (!(0,external_node_fs_.existsSync)((0,external_node_path_.resolve)(workspace, pattern)))
            throw new UsageError(`Input '${input}': file not found: ${pattern}`);
    }
    return expandGlobs(patterns, { input, cwd: workspace });
}

;// CONCATENATED MODULE: ./packages/gate/src/outputs.ts



const outputs_TOOL = {
    name: 'Gatehouse gate',
    version: '0.1.0',
    informationUri: 'https://github.com/gatehouse-dev/gatehouse',
};
/** What the gate reports: the findings it decided on and those at or above report-on, plus suppressed ones. */
function reportedFindings(result) {
    return [...result.decisive, ...result.others, ...result.suppressed];
}
async function writeSarif(result, path, workspace) {
    const absolute = (0,external_node_path_.resolve)(workspace, path);
    await writeFileAtomic(absolute, JSON.stringify(toSarif(reportedFindings(result), outputs_TOOL), null, 2) + '\n');
    return toRelative(workspace, absolute);
}
async function writeFindingsJson(result, path, workspace) {
    const absolute = (0,external_node_path_.resolve)(workspace, path);
    await writeFileAtomic(absolute, toFindingsJson(result.findings) + '\n');
    return toRelative(workspace, absolute);
}
function gateSummary(result, title = 'Gatehouse gate') {
    return renderSummary({
        title,
        passed: result.passed,
        headline: result.headline,
        decisive: result.decisive,
        others: result.others,
        suppressed: result.suppressed,
        counts: result.counts,
        suppressedCount: result.suppressedCount,
        notes: [
            ...(result.reports.length === 0
                ? []
                : [
                    `Read ${result.reports.length} report${result.reports.length === 1 ? '' : 's'}: ${result.reports.map((r) => `${r.path} (${r.tool}, ${r.findings})`).join(', ')}.`,
                ]),
            ...result.notes,
        ],
    });
}

;// CONCATENATED MODULE: ./packages/gate/src/index.ts



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
        if (!(0,yaml_dist/* isScalar */.jn)(node) || typeof node.value !== 'string' || !node.range)
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
    if (!(0,yaml_dist/* isMap */.jh)(node))
        return undefined;
    return node.get(key, true);
}
function entries(node) {
    if (!(0,yaml_dist/* isMap */.jh)(node))
        return [];
    const out = [];
    for (const pair of node.items) {
        const key = (0,yaml_dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : undefined;
        if (key !== undefined && pair.value)
            out.push([key, pair.value]);
    }
    return out;
}
function items(node) {
    return (0,yaml_dist/* isSeq */.oP)(node) ? node.items : [];
}
function stringAt(node, key) {
    const value = get(node, key);
    return (0,yaml_dist/* isScalar */.jn)(value) && typeof value.value === 'string' ? value.value : undefined;
}
/**
 * Parses every document of a YAML stream. A document with syntax errors becomes a problem (and is
 * not read); the others are handed to `visit`.
 */
function readYamlDocuments(source, visit) {
    const documents = (0,yaml_dist/* parseAllDocuments */.hR)(source.text, { prettyErrors: false, uniqueKeys: false, strict: false });
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
        else if ((0,yaml_dist/* isMap */.jh)(get(contents, 'jobs')) && get(contents, 'on') !== undefined) {
            visitWorkflow(source, contents);
        }
        else if (stringAt(get(contents, 'runs'), 'using') !== undefined) {
            visitActionMetadata(source, contents);
        }
        else if ((0,yaml_dist/* isMap */.jh)(get(contents, 'services'))) {
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
        if ((0,yaml_dist/* isScalar */.jn)(container))
            source.image(container, `${at}.container`, { interpolation: 'expression' });
        else
            source.image(get(container, 'image'), `${at}.container.image`, { interpolation: 'expression' });
        for (const [name, service] of entries(get(job, 'services'))) {
            if ((0,yaml_dist/* isScalar */.jn)(service))
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
    if (!(0,yaml_dist/* isMap */.jh)(podSpec))
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
        .map((pattern) => toRelative(root, (0,external_node_path_.resolve)(root, pattern))));
    const matched = await expandGlobs(given, { input: 'paths', cwd: root, ignore: ['**/.git/**', '**/node_modules/**'] });
    if (matched.length === 0)
        throw new UsageError(`Input 'paths' matched no file: ${given.join(', ')}`);
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
        throw new UsageError(`Input '${input}': '${text}' is not a registry host pattern (host, host:port or *.domain)`);
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
        throw new UsageError(`Input '${input}' is not valid JSON (expected a Docker config with "auths").`);
    }
    const auths = parsed?.auths;
    if (typeof auths !== 'object' || auths === null || Array.isArray(auths)) {
        throw new UsageError(`Input '${input}' has no "auths" object (expected a Docker config JSON).`);
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
                throw new UsageError(`Input '${input}': the "auth" of ${registryKey(key)} is not base64 of user:password.`);
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
function fixer_writeFileAtomic(path, data) {
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
        fingerprint: finding_fingerprintOf('pin', ruleId, path, properties.context, properties.reference, properties.reference ? undefined : position.line),
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
                notes.push(`${path}:${occurrence.line}: could not check '# ${comment.tag}' of ${occurrence.owner}/${occurrence.repo}: ${describeError(error)}`);
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
        throw new UsageError("Input 'mode': fix mode needs the registry and GitHub clients.");
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
                item.finding.message += ` It was left as it was: ${describeError(error)}`;
                item.finding.properties.fixError = describeError(error);
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
            fixer_writeFileAtomic((0,external_node_path_.join)(workspace, path), encodeFile(loaded, updated));
            filesWritten.push(path);
        }
    }
    fixed.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.column - b.column);
    return {
        findings: sortFindings(findings.filter((finding) => !fixedFindings.has(finding))),
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
        return `cannot be read (${error.code ?? describeError(error)})`;
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
        const reason = error instanceof ReferenceError ? error.message : describeError(error);
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
            throw new UsageError(`Input 'github-api-url' is not a URL: ${settings.githubApiUrl}`);
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
    return result.findings.filter((finding) => !finding_isSuppressed(finding));
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
    await writeFileAtomic(absolute, JSON.stringify(toSarif(result.findings, PIN_TOOL), null, 2) + '\n');
    return toRelative(workspace, absolute);
}

;// CONCATENATED MODULE: ./packages/pin/src/index.ts

















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
 * (keyword id, start) pairs in text order. Line starts and ends are found with forward `indexOf`
 * cursors, so a text without a carriage return is not searched to its end for every hit.
 */
function matchKeywordHits(detector, text, hits, out) {
    const n = text.length;
    let nextLf = -1;
    let nextCr = -1;
    const nextBreak = (from) => {
        if (nextLf < from) {
            nextLf = text.indexOf('\n', from);
            if (nextLf < 0)
                nextLf = n;
        }
        if (nextCr < from) {
            nextCr = text.indexOf('\r', from);
            if (nextCr < 0)
                nextCr = n;
        }
        return nextLf < nextCr ? nextLf : nextCr;
    };
    let lineStart = 0;
    let lineEnd = -1;
    let line = 0;
    const candidates = [];
    const seen = detector.seenStamp;
    for (let h = 0; h < hits.length; h += 2) {
        const keyword = hits[h];
        const start = hits[h + 1];
        if (start > lineEnd) {
            if (candidates.length > 0)
                detector.matchLine(text, lineStart, lineEnd, candidates, out);
            candidates.length = 0;
            line = ++detector.stampCounter;
            // Forward from the last line seen, one break at a time (hits come in line order).
            lineStart = lineEnd + 1;
            for (let next = nextBreak(lineStart);; next = nextBreak(lineStart)) {
                if (next >= start) {
                    lineEnd = next;
                    break;
                }
                lineStart = next + 1;
            }
        }
        for (const rule of detector.rulesOfKeyword[keyword]) {
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
            throw new UsageError(`Input '${input}' starts with '{' but is not valid JSON (${error.message}).`);
        }
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
            throw new UsageError(`Input '${input}' must be a JSON object of name to secret, or one secret per line.`);
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
    const byLength = (a, b) => b.length - a.length || a.localeCompare(b);
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
function section(id, content) {
    return [id, ...unsignedLeb(content.length), ...content];
}
function wasm_assembler_name(text) {
    const bytes = [...Buffer.from(text)];
    return [...unsignedLeb(bytes.length), ...bytes];
}
/** i32 opcodes. */
const [ADD, SUB, MUL, AND, OR, XOR, SHL, SHR_U] = [0x6a, 0x6b, 0x6c, 0x71, 0x72, 0x73, 0x74, 0x76];
const [EQZ, EQ, LT_S, LT_U, GT_S, GT_U, LE_U, GE_S, GE_U, POPCNT] = [
    0x45, 0x46, 0x48, 0x49, 0x4a, 0x4b, 0x4d, 0x4e, 0x4f, 0x69,
];
/** Control opcodes, and the empty block type. */
const [BLOCK, LOOP, IF, ELSE, wasm_assembler_END, BR, BR_IF, RETURN, CALL, SELECT, VOID] = [
    0x02, 0x03, 0x04, 0x05, 0x0b, 0x0c, 0x0d, 0x0f, 0x10, 0x1b, 0x40,
];
/** Emits one function's instructions; `body(localCount)` wraps them with i32 locals into a code entry. */
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
        load32: (offset, alignment = 2) => op(0x28, alignment, ...unsignedLeb(offset)),
        store32: (offset) => op(0x36, 2, ...unsignedLeb(offset)),
        increment: (local, by = 1) => {
            get(local);
            op(0x41, ...signedLeb(by));
            op(ADD);
            set(local);
        },
        body: (localCount) => {
            const entry = [1, ...unsignedLeb(localCount), 0x7f, ...code, wasm_assembler_END];
            return [...unsignedLeb(entry.length), ...entry];
        },
    };
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
// the run count, the tables of the text check (kernel-text-check.ts), the start filter (a byte per hash of three bytes), then the rows: each holds
// the state's depth, its index, and per byte class the i32 byte offset of the next row (bitwise-not
// when the next state ends a pattern).
const CLASS_TABLE = 0;
const RUN_FLAG_TABLE = 1024;
const RUN_COUNT = 1280;
const TEXT_TABLES = { hex: 1536, base64: 1792, text: 2048 };
const START_FILTER = 4096;
const FILTER_SIZE = 1 << 16;
const ROWS = START_FILTER + FILTER_SIZE;
/** Positions the skipping loop tests per round. */
const UNROLL = 4;
const ROW_HEADER = 2;
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
 * is missed. The second loop finds runs of base64/hex characters by testing one byte in MIN_RUN:
 * a run of MIN_RUN or more bytes covers one of them, and is widened from there. A run is kept
 * only when it reads as text at some alignment (the second function), as decoding would require.
 */
function scanFunctionBody() {
    // Parameters 0..4, then locals.
    const [IN, END, OUT, RUNS, DECODE] = [0, 1, 2, 3, 4];
    const [I, ROW, LAST, RUN_START, FLAGS, HITS, RUN_TOTAL, FLAG, ADDR, E] = [5, 6, 7, 8, 9, 10, 11, 12, 13, 14];
    const { op, get, set, tee, constant, load8, load32, store32, increment, body } = emitter();
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
    candidate(0);
    op(BR_IF, 2); // → $found
    for (let at = 1; at < UNROLL; at++) {
        candidate(at);
        op(IF, VOID);
        increment(I, at);
        op(BR, 3); // → $found
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
    // Runs of base64/hex: test one byte in MIN_RUN, widen a run from any byte that belongs to one.
    get(DECODE);
    op(IF, VOID);
    get(IN);
    constant(MIN_RUN - 1);
    op(ADD);
    set(I);
    op(BLOCK, VOID); // $runsDone
    op(LOOP, VOID); // $probe
    get(I);
    get(END);
    op(GE_U);
    op(BR_IF, 1);
    get(I);
    load8(0);
    load8(RUN_FLAG_TABLE);
    op(EQZ);
    op(IF, VOID);
    increment(I, MIN_RUN);
    op(BR, 1); // → $probe
    op(wasm_assembler_END);
    get(I);
    set(RUN_START);
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
    constant(0);
    set(FLAGS);
    get(RUN_START);
    set(E);
    op(BLOCK, VOID);
    op(LOOP, VOID);
    get(E);
    get(END);
    op(GE_U);
    op(BR_IF, 1);
    get(E);
    load8(0);
    load8(RUN_FLAG_TABLE);
    tee(FLAG);
    op(EQZ);
    op(BR_IF, 1);
    get(FLAGS);
    get(FLAG);
    op(OR);
    set(FLAGS);
    increment(E);
    op(BR, 0);
    op(wasm_assembler_END);
    op(wasm_assembler_END);
    recordRun(E);
    get(E);
    constant(MIN_RUN);
    op(ADD);
    set(I);
    op(BR, 0); // → $probe
    op(wasm_assembler_END);
    op(wasm_assembler_END);
    op(wasm_assembler_END);
    constant(RUN_COUNT);
    get(RUN_TOTAL);
    store32(0);
    get(HITS);
    return body(10);
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
        ...section(3, [2, 0, 1]),
        ...section(7, [1, ...wasm_assembler_name('scan'), 0x00, 0]),
        ...section(10, [2, ...scanFunctionBody(), ...textCheckBody(TEXT_TABLES)]),
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
    inputOffset;
    constructor(memory, scan, inputOffset) {
        this.memory = memory;
        this.scanExport = scan;
        this.inputOffset = inputOffset;
    }
    /** A kernel for `automaton`, or undefined when WebAssembly is not available. */
    static for(automaton, runFlags) {
        const module = kernelModule();
        if (!module || !wasm)
            return undefined;
        const classCount = automaton.classCount;
        const stride = classCount + ROW_HEADER;
        const stateCount = automaton.stateCount;
        const inputOffset = align(ROWS + stateCount * stride * 4);
        const memory = new wasm.Memory({ initial: Math.ceil((inputOffset + PAGE) / PAGE) });
        const bytes = new Uint8Array(memory.buffer);
        new Int32Array(memory.buffer, CLASS_TABLE, 256).set(Int32Array.from(automaton.classOf, (cls) => (cls + ROW_HEADER) * 4));
        bytes.set(runFlags, RUN_FLAG_TABLE);
        const tables = textCheckTables();
        bytes.set(tables.hex, TEXT_TABLES.hex);
        bytes.set(tables.base64, TEXT_TABLES.base64);
        bytes.set(tables.text, TEXT_TABLES.text);
        bytes.set(startFilter(automaton.patterns), START_FILTER);
        const rows = new Int32Array(memory.buffer, ROWS, stateCount * stride);
        for (let state = 0; state < stateCount; state++) {
            const at = state * stride;
            rows[at] = automaton.depth[state];
            rows[at + 1] = state;
            for (let cls = 0; cls < classCount; cls++) {
                const next = automaton.rows[state * classCount + cls];
                const target = ((next < 0 ? ~next : next) / classCount) * stride * 4;
                rows[at + ROW_HEADER + cls] = next < 0 ? ~target : target;
            }
        }
        const instance = new wasm.Instance(module, { env: { memory } });
        return new ScanKernel(memory, instance.exports.scan, inputOffset);
    }
    /** Runs the loop over a latin1 string (one char per byte). */
    scan(text, decode) {
        const length = text.length;
        const hitsOffset = align(this.inputOffset + length);
        const runsOffset = align(hitsOffset + (length + 1) * 8);
        const end = runsOffset + (Math.floor(length / (MIN_RUN + 1)) + 2) * 12;
        if (end > this.memory.buffer.byteLength)
            this.memory.grow(Math.ceil((end - this.memory.buffer.byteLength) / PAGE));
        const buffer = Buffer.from(this.memory.buffer);
        buffer.write(text, this.inputOffset, length, 'latin1');
        const hitCount = this.scanExport(this.inputOffset, length, hitsOffset, runsOffset, decode ? 1 : 0);
        const runCount = new Int32Array(this.memory.buffer, RUN_COUNT, 1)[0];
        return {
            hits: new Int32Array(this.memory.buffer, hitsOffset, hitCount * 2),
            hitCount,
            runs: new Int32Array(this.memory.buffer, runsOffset, runCount * 3),
            runCount,
        };
    }
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
function align(offset) {
    return (offset + 7) & ~7;
}

;// CONCATENATED MODULE: ./packages/scrub/src/rules/types.ts
const TOKEN_END = String.raw `(?![A-Za-z0-9_\-])`;
function build(id, family, title, keywords, source, options) {
    return {
        id,
        family,
        title,
        keywords: [...new Set([...keywords, ...(options.keywords ?? [])])],
        regex: new RegExp(source, 'gd'),
        severity: options.severity ?? 'high',
        placeholder: options.placeholder ?? 'light',
        ...(options.minEntropy !== undefined ? { minEntropy: options.minEntropy } : {}),
        ...(options.validate ? { validate: options.validate } : {}),
        ...(options.checksum ? { checksum: options.checksum } : {}),
        ...(options.requires ? { requires: options.requires } : {}),
    };
}
/**
 * A token recognisable by its own prefix (`ghp_…`, `glpat-…`): `prefix` is a literal, `body` the
 * regex source of the rest. The prefix, exactly as written, is the keyword.
 */
function prefixed(id, family, title, prefix, body, options = {}) {
    const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const source = String.raw `(?<![A-Za-z0-9])(?<secret>${escaped}${body})${options.end ?? TOKEN_END}`;
    return build(id, family, title, [prefix], source, { minEntropy: 2.5, ...options });
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
    shaped('aws-access-key-id', 'aws', 'AWS access key id', ['akia', 'asia', 'abia', 'acca', 'a3t'], String.raw `(?<![A-Za-z0-9])(?<secret>(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16})(?![A-Za-z0-9])`, { ...critical, minEntropy: 3 }),
    near('aws-secret-access-key', 'aws', 'AWS secret access key', String.raw `aws.{0,20}?(?:secret|sk)|secret.?access.?key`, ['aws', 'secret_access', 'secretaccess', 'secret-access'], '[A-Za-z0-9/+]{40}', { ...critical, minEntropy: 3.5 }),
    near('aws-session-token', 'aws', 'AWS session token', String.raw `aws.?session.?token|security.?token`, ['session', 'security'], '[A-Za-z0-9/+=]{100,}', critical),
    shaped('aws-bedrock-api-key', 'aws', 'Amazon Bedrock long-lived API key', ['absk'], String.raw `(?<![A-Za-z0-9])(?<secret>ABSKQmVkcm9ja0FQSUtleS[A-Za-z0-9+/]{110,}={0,2})`, critical),
    shaped('aws-bedrock-short-lived-key', 'aws', 'Amazon Bedrock short-lived API key', ['bedrock-api-key-'], String.raw `(?<secret>bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t[A-Za-z0-9+/=%&?._-]*)`, critical),
    shaped('aws-mws-key', 'aws', 'Amazon MWS auth token', ['amzn.mws.'], String.raw `(?<secret>amzn\.mws\.${UUID})`, critical),
    prefixed('gcp-api-key', 'gcp', 'Google API key', 'AIza', '[0-9A-Za-z_-]{35}', { ...critical, minEntropy: 3.5 }),
    prefixed('gcp-oauth-client-secret', 'gcp', 'Google OAuth client secret', 'GOCSPX-', '[A-Za-z0-9_-]{28}', critical),
    prefixed('gcp-oauth-access-token', 'gcp', 'Google OAuth access token', 'ya29.', '[0-9A-Za-z_-]{30,}', critical),
    shaped('gcp-refresh-token', 'gcp', 'Google OAuth refresh token', ['1//0'], String.raw `(?<![A-Za-z0-9])(?<secret>1//0[0-9A-Za-z_-]{40,})`, critical),
    shaped('gcp-service-account-key-id', 'gcp', 'Google service account private key id', ['private_key_id'], String.raw `"private_key_id"\s*:\s*"(?<secret>[a-f0-9]{40})"`, critical),
    shaped('google-oauth-client-id', 'gcp', 'Google OAuth client id', ['apps.googleusercontent.com'], String.raw `(?<secret>[0-9]{6,}-[0-9a-z_]{32})\.apps\.googleusercontent\.com`, { severity: 'medium', minEntropy: 3 }),
    shaped('firebase-fcm-server-key', 'gcp', 'Firebase Cloud Messaging server key', ['aaaa'], String.raw `(?<![A-Za-z0-9])(?<secret>AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134})`, critical),
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
    shaped('flyio-macaroon', 'flyio', 'Fly.io macaroon token', ['fm1', 'fm2_'], String.raw `(?<![A-Za-z0-9])(?<secret>(?:fm1[ar]|fm2)_[A-Za-z0-9+/]{100,}={0,3}(?:,fm\d[ar]?_[A-Za-z0-9+/]{100,}={0,3})*)`, critical),
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
    shaped('vault-legacy-token', 'hashicorp', 'HashiCorp Vault token (legacy)', ['vault', 'token'], String.raw `(?i:vault|token)[\w.-]{0,20}?['"]?\s*[:=]\s*['"]?(?<secret>[sbr]\.[A-Za-z0-9]{24})(?![A-Za-z0-9])`, { ...critical, minEntropy: 3.5 }),
    shaped('vault-service-token-v2', 'hashicorp', 'HashiCorp Vault service token', ['s.caes'], String.raw `(?<![A-Za-z0-9])(?<secret>s\.CAES[A-Za-z0-9_-]{50,})`, { ...critical, minEntropy: 3.5 }),
    shaped('vault-unseal-key', 'hashicorp', 'HashiCorp Vault unseal key', ['unseal'], String.raw `(?i:unseal key \d+:|operator unseal)\s+(?<secret>[A-Za-z0-9+/]{40,}={0,2})`, critical),
    shaped('terraform-cloud-token', 'hashicorp', 'Terraform Cloud API token', ['.atlasv1.'], String.raw `(?<secret>[a-z0-9]{14}\.atlasv1\.[a-z0-9_=-]{60,70})`, { ...critical, minEntropy: 3.5 }),
    shaped('terraform-password', 'hashicorp', 'Password in Terraform', ['password'], String.raw `(?i:administrator_login_password|admin_password|master_password|password)\s*=\s*"(?<secret>[^"$\s]{8,})"`, {
        minEntropy: 3.2,
        placeholder: 'strict',
        keywords: ['password'],
        validate: (s) => !/^(?:arn:|https?:|\/)/.test(s),
    }),
    prefixed('pulumi-access-token', 'pulumi', 'Pulumi access token', 'pul-', '[a-f0-9]{40}', critical),
    shaped('doppler-token', 'doppler', 'Doppler token', ['dp.'], String.raw `(?<![A-Za-z0-9])(?<secret>dp\.(?:pt|st|sa|ct|scim|audit)(?:\.[a-z0-9_-]{2,35})?\.[A-Za-z0-9]{40,44})`, critical),
    shaped('tailscale-key', 'tailscale', 'Tailscale key', ['tskey-'], String.raw `(?<secret>tskey-(?:[a-z]+-)?[A-Za-z0-9]{8,20}-[A-Za-z0-9]{20,40})`, critical),
    prefixed('openshift-user-token', 'openshift', 'OpenShift user token', 'sha256~', '[\\w-]{43}', critical),
    shaped('kubernetes-bootstrap-token', 'kubernetes', 'Kubernetes bootstrap token', ['token'], String.raw `(?i:token)['"]?\s*[:=\s]\s*['"]?(?<secret>[a-z0-9]{6}\.[a-z0-9]{16})(?![a-z0-9])|(?i:token-secret):\s*(?<secret>[a-z0-9]{16})(?![a-z0-9])`, { ...critical, minEntropy: 3.2 }),
    prefixed('age-secret-key', 'crypto-keys', 'age secret key', 'AGE-SECRET-KEY-1', '[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}', { ...critical, minEntropy: 0, placeholder: 'none' }),
    shaped('yandex-iam-token', 'yandex', 'Yandex IAM token', ['t1.'], String.raw `(?<![A-Za-z0-9])(?<secret>t1\.[A-Z0-9a-z_-]+=*\.[A-Z0-9a-z_-]{86}=*)`, critical),
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
const TEMPLATE_OR_LOCATION = /\$\{|\{\{|^\$[A-Za-z_]|#\{|^(?:arn:|https?:|\/)/;
const SECRET_NAME = String.raw `(?:pass(?:word|wd|phrase)?|pwd|secret|token|api[_.-]?key|apikey|access[_.-]?key|private[_.-]?key|client[_.-]?secret|auth[_.-]?key|credential|signing[_.-]?key|encryption[_.-]?key|master[_.-]?key)(?:[\w.-]{0,20}?)`;
/** Formats shared by many services, and assignments recognised by their names and entropy. */
const GENERIC_RULES = [
    shaped('private-key', 'private-key', 'Private key', ['private key'], String.raw `(?<secret>-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----(?:\\r)?(?:\\n|\s)[\s\S]{64,}?-----END[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----)`, { ...generic_critical, placeholder: 'none' }),
    shaped('putty-private-key', 'private-key', 'PuTTY private key', ['private-lines:'], String.raw `Private-Lines:\s*\d+(?<secret>(?:\\n|\s)+[A-Za-z0-9+/=]{16,}.*)`, { ...generic_critical, placeholder: 'none' }),
    shaped('jwt', 'jwt', 'JSON Web Token', ['eyj'], String.raw `(?<![A-Za-z0-9_-])(?<secret>eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{0,}|eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,})(?![A-Za-z0-9_-])`, { minEntropy: 3, validate: jwtHeaderDecodes }),
    shaped('jwt-base64', 'jwt', 'Base64-encoded JSON Web Token', ['zxlk'], String.raw `(?<![A-Za-z0-9+/])(?<secret>ZXlK[A-Za-z0-9+/]{60,}={0,2})`, { minEntropy: 3.5, validate: containsJwt }),
    shaped('database-url-password', 'database', 'Password in a database URL', ['://'], String.raw `(?i:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|redis|rediss|amqps?|mssql|sqlserver|oracle|jdbc:[a-z]+|clickhouse|cockroachdb|couchdb|cassandra|neo4j|memcached|ldaps?|nats|kafka)://[^\s:@/'"]+:(?<secret>[^\s@/'"]{3,})@`, {
        ...generic_critical,
        requires: '@',
        placeholder: 'none',
        validate: (s) => !PASSWORD_PLACEHOLDER.test(s) && !/^(?:\$|%|\{|<)/.test(s),
    }),
    shaped('url-credentials', 'url', 'Password in a URL', ['://'], String.raw `(?i:https?|ftps?|sftp|smtps?|git\+https?|ssh|svn|amqp|s3|wss?)://[^\s:@/'"]{1,64}:(?<secret>[^\s@/'"]{3,})@[\w.-]+`, { requires: '@', placeholder: 'none', validate: (s) => !PASSWORD_PLACEHOLDER.test(s) && !/^(?:\$|%|\{|<)/.test(s) }),
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
    shaped('http-api-key-header', 'http', 'API key in an HTTP header', ['x-api-key', 'api-key:', 'x-auth-token', 'private-token'], String.raw `(?i:x-api-key|api-key|x-auth-token|private-token)['"]?\s*:\s*['"]?(?<secret>[A-Za-z0-9._~+/=-]{12,})`, { minEntropy: 3, placeholder: 'strict' }),
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
    { placeholder: 'strict', validate: (s) => /\d/.test(s) && !/[.,;:!?]$/.test(s) }),
    shaped('password-in-prose', 'generic', 'Password stated in text', ['password'], String.raw `(?i:password)(?:\s+for\s+(?:the\s+)?(?:user\s+)?['"]?[\w.@-]+['"]?)?\s+(?i:is|was)\s+['"](?<secret>[^'"\s]{4,64})['"]`, { placeholder: 'strict', validate: (s) => !TEMPLATE_OR_LOCATION.test(s) }),
    shaped('password-hash', 'password-hash', 'Password hash', ['$2a$', '$2b$', '$2y$', '$6$', '$5$', '$1$', '$argon2'], String.raw `(?<secret>\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}|\$[56]\$(?:rounds=\d+\$)?[./A-Za-z0-9]{1,16}\$[./A-Za-z0-9]{43,86}|\$1\$[./A-Za-z0-9]{1,8}\$[./A-Za-z0-9]{22}|\$argon2(?:id|i|d)\$v=\d+\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+)`, { severity: 'medium', placeholder: 'none' }),
    shaped('connection-string-password', 'database', 'Password in a connection string', ['password=', 'pwd='], String.raw `(?i:password|pwd)\s*=\s*(?!\$|#\{|%)(?<secret>[^;'"\s]{6,})\s*(?:;|$|['"])`, { placeholder: 'strict', minEntropy: 2.5 }),
    // After a comma (an argument or list item) only a value with more than lower-case letters counts:
    // ('bitbucket-app-password', 'bitbucket') names things; ("password", "s3cret!") is a credential.
    shaped('quoted-password-assignment', 'generic', 'Password assigned in code or configuration', ['pass', 'pwd'], String.raw `(?:(?<![a-z])(?i:pass(?:word|wd|phrase)?|pwd)|(?<=[a-z])(?:Pass(?:word|wd|phrase)?|PASS(?:WORD|WD|PHRASE)?|Pwd|PWD))(?![a-z])(?<!id|name|length|variable|url|file|path|type|label|field|hash|policy)(?:[\w.-]{0,20}?)['"\]]?\s*(?:=>|:=|==|!=|=|:|,(?=\s*['"][^'"\s]*[^a-z'"\s]))\s*(?<q>['"])(?<secret>[^'"\s%{}<>][^'"\s]{5,63})\k<q>`, { placeholder: 'strict', validate: (s) => new Set(s).size >= 5 && !TEMPLATE_OR_LOCATION.test(s) }),
    shaped('env-secret-assignment', 'generic', 'Secret assigned to an environment variable', ['pass', 'pwd', 'secret', 'token', 'key'], String.raw `(?:^|\s|;)(?:export\s+|set\s+)?[A-Z0-9_]*(?:PASS|PASSWORD|PASSWD|PWD|SECRET|TOKEN|API_KEY|APIKEY|PRIVATE_KEY|ACCESS_KEY)(?<!_ID|_NAME|_FILE|_PATH|_URL|_TYPE)=(?<secret>[^\s'"$#%{<][^\s'"]{5,})`, {
        requires: '=',
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
    shaped('generic-secret-assignment', 'generic', 'Secret assigned to a secret-named variable', ['pass', 'pwd', 'secret', 'token', 'key', 'credential'], String.raw `(?i:${SECRET_NAME})(?<!id|name|length|variable|url|file|path|type|size|format|count|prefix|header)(?:['"\x60\]\s]{0,3})(?:[:?.|]{0,3}=>?|:|,|=>)\s{0,8}(?:[\x60'"]|\\")?(?<secret>[A-Za-z0-9_~+/=.!@#%^&*?-]{10,200})(?=\\?['"\x60\s;,)\]}<>&|\\]|$)`, { minEntropy: 3.3, placeholder: 'strict', validate: looksGenerated }),
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
    shaped('square-access-token', 'payments', 'Square access token', ['eaaa', 'sq0atp-'], String.raw `(?<![A-Za-z0-9])(?<secret>(?:EAAA|sq0atp-)[A-Za-z0-9_-]{22,60})(?![A-Za-z0-9_-])`, { ...payments_chat_critical, minEntropy: 3.5 }),
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
    shaped('easypost-api-token', 'payments', 'EasyPost API key', ['ezak', 'eztk'], String.raw `(?<![A-Za-z0-9])(?<secret>EZ[AT]K(?i:[a-z0-9]{54}))(?![A-Za-z0-9])`, { ...payments_chat_critical, minEntropy: 3.5 }),
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
    shaped('sendgrid-api-token', 'messaging', 'SendGrid API key', ['sg.'], String.raw `(?<![A-Za-z0-9])(?<secret>SG\.[\w-]{22}\.[\w-]{43})`, payments_chat_critical),
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
    shaped('databricks-api-token', 'database', 'Databricks API token', ['dapi'], String.raw `(?<![A-Za-z0-9])(?<secret>dapi[a-f0-9]{32}(?:-\d)?)(?![A-Za-z0-9])`, { ...monitoring_critical, minEntropy: 3 }),
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
    shaped('notion-api-token', 'saas', 'Notion integration token', ['ntn_', 'secret_'], String.raw `(?<![A-Za-z0-9])(?<secret>ntn_[0-9]{11}[A-Za-z0-9]{35}|secret_[A-Za-z0-9]{43})(?![A-Za-z0-9])`, { minEntropy: 3.5 }),
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
    shaped('dropbox-short-lived-token', 'saas', 'Dropbox short-lived token', ['sl.'], String.raw `(?<![A-Za-z0-9])(?<secret>sl\.[A-Za-z0-9_-]{130,152})`, { minEntropy: 3.5 }),
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
    shaped('facebook-access-token', 'social', 'Facebook access token', ['eaam', 'eaac'], String.raw `(?<![A-Za-z0-9])(?<secret>EAA[MC](?i:[a-z0-9]{100,}))`, { minEntropy: 3.5 }),
    shaped('facebook-page-access-token', 'social', 'Facebook page access token', ['EAA'], String.raw `(?<![A-Za-z0-9])(?<secret>EAA[A-Za-z0-9]{60,}(?:ZD|ZDZD)?)(?![A-Za-z0-9])`, { minEntropy: 3.5, validate: (s) => /[a-z]/.test(s) && /[A-Z]/.test(s.slice(3)) }),
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
    shaped('salesforce-access-token', 'saas', 'Salesforce access token', ['00D'], String.raw `(?<![A-Za-z0-9])(?<secret>00D[A-Za-z0-9]{12,15}![A-Za-z0-9._]{80,})`, saas_critical),
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
    shaped('sonarqube-token', 'ci', 'SonarQube token', ['squ_', 'sqp_', 'sqa_'], String.raw `(?<![A-Za-z0-9])(?<secret>sq[upa]_[a-f0-9]{40})(?![A-Za-z0-9])`, { severity: 'critical' }),
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
    shaped('harness-api-key', 'ci', 'Harness API key', ['pat.', 'sat.'], String.raw `(?<![A-Za-z0-9])(?<secret>(?:pat|sat)\.[a-zA-Z0-9_-]{22}\.[a-zA-Z0-9]{24}\.[a-zA-Z0-9]{20})`, { severity: 'critical' }),
    shaped('sourcegraph-access-token', 'ci', 'Sourcegraph access token', ['sgp_'], String.raw `(?<![A-Za-z0-9])(?<secret>sgp_(?:[a-fA-F0-9]{16}|local)_[a-fA-F0-9]{40}|sgp_[a-fA-F0-9]{40})(?![A-Za-z0-9!])`, { minEntropy: 3.2 }),
    near('sourcegraph-token', 'ci', 'Sourcegraph access token', 'sourcegraph', ['sourcegraph'], '[a-fA-F0-9]{40}'),
    prefixed('postman-api-token', 'ci', 'Postman API key', 'PMAK-', '[a-fA-F0-9]{24}-[a-fA-F0-9]{34}'),
    near('rapidapi-access-token', 'ci', 'RapidAPI key', 'rapidapi', ['rapidapi'], '[\\w-]{50}'),
    prefixed('readme-api-token', 'ci', 'ReadMe API key', 'rdme_', '[a-z0-9]{70}'),
    shaped('infracost-api-token', 'ci', 'Infracost API key', ['ico-'], String.raw `(?<![A-Za-z0-9._/-])(?<secret>ico-[A-Za-z0-9]{32})(?![A-Za-z0-9])`, { minEntropy: 3.5 }),
    shaped('prefect-api-token', 'ci', 'Prefect API key', ['pnu_'], String.raw `(?<![A-Za-z0-9])(?<secret>pnu_[A-Za-z0-9]{36})(?![A-Za-z0-9])`, { minEntropy: 3 }),
    shaped('settlemint-token', 'ci', 'SettleMint access token', ['sm_aat_', 'sm_pat_', 'sm_sat_'], String.raw `(?<![A-Za-z0-9])(?<secret>sm_(?:aat|pat|sat)_[a-zA-Z0-9]{16})(?![A-Za-z0-9])`, { minEntropy: 3 }),
    shaped('dynatrace-api-token', 'monitoring', 'Dynatrace API token', ['dt0c01.'], String.raw `(?<secret>dt0c01\.(?i:[a-z0-9]{24})\.(?i:[a-z0-9]{64}))`, { severity: 'critical' }),
    prefixed('defined-networking-api-token', 'ci', 'Defined Networking API token', 'dnkey-', '[a-z0-9=_-]{26}-[a-z0-9=_-]{52}'),
    shaped('onepassword-secret-key', 'onepassword', '1Password secret key', ['a3-'], String.raw `(?<![A-Za-z0-9])(?<secret>A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5})(?![A-Za-z0-9])`, { severity: 'critical', minEntropy: 3 }),
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
        this.kernel = options.useKernel === false ? undefined : ScanKernel.for(this.combined, RUN_FLAGS);
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
            alignToUtf8(text, span);
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
    scanFlat(text, depth) {
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
        if (this.kernel && text.length <= KERNEL_MAX_INPUT) {
            const result = this.kernel.scan(text, decode);
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
function coveredBy(spans, start, end) {
    for (const span of spans)
        if (span.start <= start && span.end >= end)
            return true;
    return false;
}
/** Widens a span so it never starts or ends inside a UTF-8 sequence. */
function alignToUtf8(text, span) {
    let back = 0;
    while (span.start > 0 && back < 3 && (text.charCodeAt(span.start) & 0xc0) === 0x80) {
        span.start--;
        back++;
    }
    let forward = 0;
    while (span.end < text.length && forward < 3 && (text.charCodeAt(span.end) & 0xc0) === 0x80) {
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
    const paths = await expandGlobs(options.patterns, { input: options.input ?? 'scan-paths', cwd: options.cwd });
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
        fingerprint: finding_fingerprintOf(FINDING_PREFIX + span.rule, path, line, occurrence),
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
        fingerprint: finding_fingerprintOf(`${FINDING_PREFIX}unreadable-archive`, path),
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
 * UTF-8 sequence or an escape sequence is never cut in two.
 */
class StreamRedactor {
    counts = new RedactionCounts();
    pending = '';
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
        const text = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8').toString('latin1') : chunk.toString('latin1');
        if (text.length === 0)
            return;
        // Only the new bytes can hold a new line break: searching just them keeps tiny writes linear.
        const breakInChunk = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
        const lastBreak = breakInChunk < 0 ? -1 : this.pending.length + breakInChunk;
        this.pending += text;
        if (lastBreak >= 0) {
            const complete = this.pending.slice(0, lastBreak + 1);
            this.pending = this.pending.slice(lastBreak + 1);
            this.release(complete);
        }
        if (this.pending.length > this.maxLineBytes)
            this.releasePartial(false);
        // Whatever is held back, a line never grows without bound.
        if (this.pending.length > 2 * this.maxLineBytes)
            this.releasePartial(true);
        this.schedule();
    }
    /** Releases everything held now: for the end of the stream. */
    end() {
        if (this.ended)
            return;
        this.ended = true;
        this.clearTimers();
        const rest = this.pending;
        this.pending = '';
        if (rest.length > 0)
            this.release(rest);
    }
    /** Releases the partial line as the timeout would (tests call this instead of waiting). */
    flushPartial() {
        this.releasePartial(false);
    }
    schedule() {
        this.clearTimers();
        if (this.pending.length === 0 || this.ended)
            return;
        this.timer = setTimeout(() => {
            this.timer = undefined;
            this.releasePartial(false);
            if (this.pending.length > 0) {
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
        if (this.pending.length === 0)
            return;
        const text = this.pending;
        let cut = text.length;
        if (!everything) {
            cut = Math.min(partialMatchStart(text, this.scanner), tokenTailStart(text));
            // Never cut through something the pending text already holds whole (looked at on a copy of the state).
            for (const span of this.scanner.scan(text, { ...this.state })) {
                if (span.start < cut && span.end > cut)
                    cut = span.start;
            }
            cut = safeCut(text, cut);
        }
        if (cut <= 0)
            return;
        this.pending = text.slice(cut);
        this.release(text.slice(0, cut));
    }
    release(text) {
        // A large write is scanned in pieces cut after a newline, each small enough for the fast loop.
        let start = 0;
        while (start < text.length) {
            let end = text.length;
            if (end - start > RELEASE_PIECE) {
                const newline = text.lastIndexOf('\n', start + RELEASE_PIECE);
                end = newline > start ? newline + 1 : Math.max(start + 1, safeCut(text, start + RELEASE_PIECE));
            }
            const piece = start === 0 && end === text.length ? text : text.slice(start, end);
            const out = applySpans(piece, this.scanner.scan(piece, this.state), this.style, this.counts);
            this.emit(Buffer.from(out, 'latin1'));
            start = end;
        }
    }
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
        throw new UsageError(`Input 'shell' is empty.`);
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
        throw new UsageError('Give either a script to run or a command (not both).');
    }
    if (options.argv !== undefined && options.argv.length === 0)
        throw new UsageError('The command to run is empty.');
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
                    reject(new UsageError(options.argv ? `Command not found: ${file}` : `Input 'shell': ${file} was not found.`));
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
            fingerprint: finding_fingerprintOf(`${FINDING_PREFIX}${ruleId}`, 'stream'),
            fix: 'Rotate the credential: it was printed by the command (redacted here, but it reached the process output).',
            properties: { tools: ['gatehouse-scrub'], occurrences: count, tags: ['secret', rule?.family ?? 'registered'] },
        };
    });
}

;// CONCATENATED MODULE: ./packages/scrub/src/index.ts















;// CONCATENATED MODULE: ./packages/audit/src/audit.ts





const AUDIT_CHECKS = ['pin', 'secrets'];
/**
 * Every offline check of a repository in one pass: references pinned (pin, check mode) and no
 * credential in any tracked file (secrets), then one gate decision over all their findings.
 */
async function runAudit(options) {
    const findings = [];
    const checks = [];
    if (options.checks.includes('pin')) {
        const pin = await runPin({
            workspace: options.workspace,
            paths: options.paths,
            mode: 'check',
            trustedRegistries: options.trustedRegistries,
            allow: options.allow,
        });
        findings.push(...pin.findings);
        checks.push({
            check: 'pin',
            files: pin.filesRead,
            findings: pin.findings.length,
            detail: `${pin.references} image and action references in ${pin.filesRead} files`,
        });
    }
    if (options.checks.includes('secrets')) {
        const files = await filesToScan(options.workspace, options.paths);
        const scan = await scanFiles({
            patterns: files,
            cwd: options.workspace,
            scanner: new SecretScanner(),
            input: 'paths',
        });
        findings.push(...scan.findings);
        checks.push({
            check: 'secrets',
            files: scan.files.length,
            findings: scan.findings.length,
            detail: `${scan.files.length} files and archive entries scanned for credentials${scan.skipped.length ? `, ${scan.skipped.length} skipped` : ''}`,
        });
    }
    const gate = await decide(findings, {
        workspace: options.workspace,
        failOn: options.failOn,
        reportOn: options.reportOn,
        exceptions: options.exceptions,
        vex: [],
        onlyFixed: options.onlyFixed,
        now: options.now,
    });
    gate.notes.unshift(...checks.map((run) => `${run.check}: ${run.detail}, ${run.findings} findings.`));
    return { gate, checks };
}
/**
 * The files the secrets check reads: every file git would track, less `!exclusions`, when no
 * positive pattern is given; otherwise what the patterns match.
 */
async function filesToScan(workspace, paths) {
    const exclusions = paths.filter((pattern) => pattern.startsWith('!')).map((pattern) => pattern.slice(1));
    if (exclusions.length === paths.length) {
        const excluded = picomatch_default()(exclusions, { dot: true });
        return walkWorkspaceFiles(workspace).filter((path) => !excluded(path));
    }
    return expandGlobs(paths, { input: 'paths', cwd: workspace, ignore: ['**/.git/**', '**/node_modules/**'] });
}

;// CONCATENATED MODULE: ./packages/audit/src/index.ts


;// CONCATENATED MODULE: ./actions/audit/src/options.ts


/** The audit's inputs (the root action.yml), read the same way by the action and `gatehouse audit`. */
function readAuditOptions(inputs) {
    const checks = inputs.list('checks', { commas: true });
    const selected = checks.length > 0 ? checks : [...AUDIT_CHECKS];
    for (const check of selected) {
        if (!AUDIT_CHECKS.includes(check)) {
            throw new UsageError(`Input 'checks' must list only ${AUDIT_CHECKS.join(', ')} (got '${check}').`);
        }
    }
    return {
        audit: {
            workspace: inputs.workspace,
            paths: inputs.list('paths'),
            checks: selected,
            failOn: inputs.enum('fail-on', [...severity_SEVERITIES, 'none'], 'high'),
            reportOn: inputs.enum('report-on', severity_SEVERITIES, 'low'),
            exceptions: inputs.string('exceptions'),
            onlyFixed: inputs.boolean('only-fixed', false),
            trustedRegistries: inputs.list('trusted-registries', { commas: true }),
            allow: inputs.list('allow'),
        },
        sarifOutput: inputs.string('sarif-output'),
        findingsOutput: inputs.string('findings-output'),
        summary: inputs.boolean('summary', true),
    };
}

;// CONCATENATED MODULE: ./actions/gate/src/options.ts

/** The gate's inputs, read the same way by the action (INPUT_*) and the CLI (flags). */
function readGateOptions(inputs) {
    const reports = inputs.list('reports');
    const allowEmpty = inputs.boolean('allow-empty', false);
    if (reports.length === 0 && !allowEmpty) {
        throw new UsageError(`Input 'reports' is required: paths or globs of scanner reports (or set allow-empty: true).`);
    }
    return {
        gate: {
            workspace: inputs.workspace,
            reports,
            failOn: inputs.enum('fail-on', [...severity_SEVERITIES, 'none'], 'high'),
            reportOn: inputs.enum('report-on', severity_SEVERITIES, 'low'),
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

;// CONCATENATED MODULE: ./packages/cli/src/text-report.ts


/** Findings as plain lines for a terminal: severity, rule, location, message, tools. */
function findingLines(findings) {
    return findings.map((finding) => {
        const where = finding_formatLocation(finding.location);
        const tools = finding.properties.tools?.length ? ` [${finding.properties.tools.join(', ')}]` : '';
        return `  ${finding.severity.toUpperCase().padEnd(8)} ${finding.ruleId}${where ? `  ${where}` : ''}  ${finding.message.split('\n')[0]}${tools}`;
    });
}
function countsLine(counts, suppressed) {
    const parts = severity_SEVERITIES.map((severity) => `${severity} ${counts[severity]}`);
    if (suppressed !== undefined)
        parts.push(`suppressed ${suppressed}`);
    return `  ${parts.join('  ')}`;
}
/** Prints a gate-shaped result (gate, audit): files written, findings, notes, verdict, counts. */
async function printGateResult(command, result, options, context) {
    const out = (line = '') => void context.stdout.write(line + '\n');
    if (options.sarifOutput)
        out(`SARIF written to ${await writeSarif(result, options.sarifOutput, options.workspace)}`);
    if (options.findingsOutput) {
        out(`Findings written to ${await writeFindingsJson(result, options.findingsOutput, options.workspace)}`);
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
    return result.passed ? ExitCode.ok : ExitCode.violation;
}

;// CONCATENATED MODULE: ./packages/cli/src/commands/gate.ts



/** The decision flags every gate-shaped command (gate, audit) shares with its action. */
const DECISION_FLAGS = {
    'fail-on': {
        kind: 'string',
        default: 'high',
        description: 'Fail at or above: critical, high, medium, low, info, none',
    },
    'report-on': { kind: 'string', default: 'low', description: 'Lowest severity listed in the report and SARIF' },
    exceptions: { kind: 'string', description: 'Exceptions file (YAML) with id, owner, reason, expires' },
    'only-fixed': { kind: 'boolean', default: 'false', description: 'Fail only on findings that have a fix' },
    'sarif-output': { kind: 'string', description: 'Write SARIF 2.1.0 here' },
    'findings-output': { kind: 'string', description: 'Write Gatehouse findings JSON here' },
    summary: {
        kind: 'boolean',
        default: 'true',
        description: 'List the findings (--no-summary prints only the verdict and counts)',
    },
};
const gateCommand = {
    name: 'gate',
    action: 'gate',
    summary: 'One pass/fail decision over the findings of every scanner, by severity, with exceptions and VEX.',
    usage: 'gatehouse gate [options] <report>...',
    flags: {
        reports: {
            kind: 'list',
            positional: true,
            description: 'Report files or globs (SARIF, Trivy, Grype, osv-scanner, npm audit, Gatehouse JSON)',
        },
        vex: { kind: 'list', description: 'OpenVEX or CycloneDX VEX documents (repeatable)' },
        'allow-empty': { kind: 'boolean', default: 'false', description: 'Pass when no report matches' },
        ...DECISION_FLAGS,
    },
    async run(inputs, context) {
        const options = readGateOptions(inputs);
        const result = await runGate(options.gate);
        return printGateResult('gate', result, { workspace: options.gate.workspace, ...options }, context);
    },
};

;// CONCATENATED MODULE: ./packages/cli/src/commands/audit.ts




const auditCommand = {
    name: 'audit',
    action: '.',
    summary: 'Every offline check of a repository in one step: pinning and secrets, then one gate decision.',
    usage: 'gatehouse audit [options] [<path-or-glob>...]',
    flags: {
        checks: {
            kind: 'list',
            default: 'pin,secrets',
            description: 'Checks to run: pin, secrets (repeatable or comma-separated)',
        },
        paths: {
            kind: 'list',
            positional: true,
            description: 'Files or globs to check (default: every file git would track)',
        },
        'trusted-registries': { kind: 'list', description: 'Allowed registries: host, host:port, *.domain (repeatable)' },
        allow: { kind: 'list', description: 'Image or owner/repo globs exempted from pinning (repeatable)' },
        ...DECISION_FLAGS,
    },
    async run(inputs, context) {
        const options = readAuditOptions(inputs);
        const result = await runAudit(options.audit);
        return printGateResult('audit', result.gate, { workspace: options.audit.workspace, ...options }, context);
    },
};

;// CONCATENATED MODULE: ./actions/pin/src/options.ts



/** The pin inputs, read the same way by the action (INPUT_*) and the CLI (flags). */
function readPinOptions(inputs) {
    const mode = inputs.enum('mode', ['check', 'fix'], 'check');
    const { registry, github, secrets } = createResolvers({
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
    return (0,external_node_fs_.readFileSync)(existingFile('registry-auth', value, inputs.workspace), 'utf8');
}

;// CONCATENATED MODULE: ./packages/cli/src/commands/pin.ts





const pinCommand = {
    name: 'pin',
    action: 'pin',
    summary: 'Every image pinned by digest and every action by commit SHA; --mode fix rewrites them.',
    usage: 'gatehouse pin [options] [<path-or-glob>...]',
    flags: {
        paths: {
            kind: 'list',
            positional: true,
            description: 'Files or globs to read (default: the workspace, honouring .gitignore)',
        },
        mode: { kind: 'string', default: 'check', description: 'check, or fix to rewrite unpinned references' },
        'trusted-registries': { kind: 'list', description: 'Allowed registries: host, host:port, *.domain (repeatable)' },
        'require-digest': { kind: 'boolean', default: 'true', description: 'Report images not pinned by digest' },
        'require-action-sha': {
            kind: 'boolean',
            default: 'true',
            description: 'Report actions not pinned to a commit SHA',
        },
        allow: { kind: 'list', description: 'Image or owner/repo globs exempted from pinning (repeatable)' },
        'registry-auth': {
            kind: 'string',
            description: 'Docker config JSON, or its path (e.g. ~/.docker/config.json), for fix mode',
        },
        'insecure-registries': { kind: 'list', description: 'Registries reached over plain HTTP (repeatable)' },
        'github-token': { kind: 'string', description: 'GitHub API token for fix mode (default $GITHUB_TOKEN)' },
        'github-api-url': {
            kind: 'string',
            description: 'GitHub REST API URL (default $GITHUB_API_URL or https://api.github.com)',
        },
        'sarif-output': { kind: 'string', description: 'Write SARIF 2.1.0 here' },
    },
    async run(flags, context) {
        // The action gets these from `${{ github.token }}` and `${{ github.api_url }}`; a shell has them in its environment.
        const fromEnvironment = {
            'github-token': context.env.GITHUB_TOKEN ?? context.env.GH_TOKEN,
            'github-api-url': context.env.GITHUB_API_URL,
        };
        const inputs = new Inputs((name) => flags.raw(name) ?? fromEnvironment[name], flags.workspace);
        const options = readPinOptions(inputs);
        const result = await runPin(options.pin);
        const out = (line = '') => void context.stdout.write(line + '\n');
        if (options.sarifOutput)
            out(`SARIF written to ${await writePinSarif(result, options.sarifOutput, options.pin.workspace)}`);
        for (const item of result.fixed)
            out(`  pinned   ${item.path}:${item.line}:${item.column}  ${item.before} -> ${item.after}`);
        for (const line of findingLines(unsuppressed(result)))
            out(line);
        for (const note of result.notes)
            out(`  note: ${note}`);
        const passed = pinPassed(result);
        out(`gatehouse pin: ${passed ? 'passed' : 'failed'}: ${pinHeadline(result, options.pin.mode).replace(/\*\*/g, '')}`);
        return passed ? ExitCode.ok : ExitCode.violation;
    },
};

;// CONCATENATED MODULE: ./actions/scrub/src/options.ts


/**
 * The scrub inputs, read the same way by the action (INPUT_*) and the CLI (flags). `env` is the
 * front's environment: the command runs with it, and secret-named variables in it are registered.
 */
function readScrubOptions(inputs, env) {
    const run = inputs.raw('run');
    const scanPaths = inputs.list('scan-paths');
    const secrets = parseSecretsInput(inputs.raw('secrets') ?? '');
    const envPatterns = inputs.list('env-secrets', { commas: true });
    for (const { value } of secretsFromEnv(env, { patterns: envPatterns.length ? envPatterns : ['auto'] })) {
        secrets.push(value);
    }
    const replacement = inputs.string('replacement', { default: 'mask' }).toLowerCase();
    if (replacement !== 'mask' && replacement !== 'rule' && replacement !== '***') {
        throw new UsageError(`Input 'replacement' must be one of mask, rule (got '${replacement}').`);
    }
    return {
        scrub: {
            workspace: inputs.workspace,
            ...(run !== undefined ? { run } : {}),
            shell: inputs.string('shell', { default: 'bash' }),
            env: commandEnvironment(env),
            secrets,
            scanPaths,
            redactFiles: inputs.boolean('redact-files', false),
            failOnLeak: inputs.boolean('fail-on-leak', true),
            replacement: (replacement === 'rule' ? 'rule' : 'mask'),
        },
        sarifOutput: inputs.string('sarif-output'),
    };
}
/**
 * The command's environment: ours without the action's own inputs and state (INPUT_SECRETS would
 * hand every secret to the command), as the runner gives a `run:` step.
 */
function commandEnvironment(env) {
    return Object.fromEntries(Object.entries(env).filter(([name]) => !/^(?:INPUT|STATE)_/i.test(name)));
}
/** Exactly one thing to do must be given: a command to wrap, stdin to filter, or files to scan. */
function requireSomethingToDo(options, filtering) {
    if (options.run === undefined && options.command === undefined && !filtering && options.scanPaths.length === 0) {
        throw new UsageError(`Input 'run' or 'scan-paths' is required: a command to run with its output redacted, or files to scan.`);
    }
}

;// CONCATENATED MODULE: ./actions/scrub/src/report.ts



const report_TOOL = { name: 'gatehouse-scrub', version: '0.1.0', informationUri: 'https://github.com/gatehouse' };
/** Writes the leaks as SARIF; returns the path relative to the workspace. */
async function writeScrubSarif(findings, path, workspace) {
    const absolute = (0,external_node_path_.resolve)(workspace, path);
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(absolute), { recursive: true });
    await (0,promises_.writeFile)(absolute, JSON.stringify(toSarif(findings, report_TOOL), null, 2) + '\n');
    return toPosix((0,external_node_path_.relative)(workspace, absolute));
}
function scrubSummary(result, failOnLeak, scanPaths) {
    const redacted = Object.entries(result.redactions)
        .map(([rule, count]) => `\`${rule}\` ${count}`)
        .join(', ');
    const inFiles = result.findings.filter((f) => f.location !== undefined).length;
    const headline = `${result.redactionCount} redaction${result.redactionCount === 1 ? '' : 's'} in the command output` +
        (redacted ? ` (${redacted})` : '') +
        `, ${inFiles} secret${inFiles === 1 ? '' : 's'} found in files` +
        (result.rewritten.length ? `, ${result.rewritten.length} file(s) rewritten` : '') +
        '.';
    const notes = [`${result.masks.length} value(s) registered as masks before the command started.`];
    if (result.skippedShortSecrets)
        notes.push(`${result.skippedShortSecrets} secret(s) shorter than 8 characters were not registered.`);
    if (!failOnLeak && result.leaks)
        notes.push('fail-on-leak is false: leaks are reported without failing the step.');
    if (scanPaths.length > 0 && result.scannedFiles === 0 && result.skippedFiles.length === 0) {
        notes.push('scan-paths matched no file: nothing was scanned.');
    }
    for (const skipped of result.skippedFiles)
        notes.push(`Not scanned: ${skipped.path} (${skipped.reason}).`);
    return renderSummary({
        title: 'Gatehouse scrub',
        passed: result.exitCode === 0,
        headline,
        decisive: result.findings,
        others: [],
        suppressed: [],
        counts: countBySeverity(result.findings),
        suppressedCount: 0,
        notes,
    });
}

;// CONCATENATED MODULE: ./packages/cli/src/commands/scrub.ts







/** `::add-mask::` data escaping, as the runner reads it. */
function escapeCommandData(value) {
    return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
const scrubCommand = {
    name: 'scrub',
    action: 'scrub',
    summary: 'Run a command (or filter stdin) with secrets redacted from its output; scan files and archives for leaks.',
    usage: 'gatehouse scrub [options] -- CMD ARGS...   |   gatehouse scrub --stdin [options]',
    acceptsCommand: true,
    flags: {
        secret: {
            cliOnly: true,
            kind: 'list',
            description: 'A value to redact (repeatable; visible in process listings: prefer --secrets-file or the environment)',
        },
        'secrets-file': {
            cliOnly: true,
            kind: 'string',
            description: 'File of secrets: one per line, or a JSON object read as its values',
        },
        secrets: { kind: 'string', description: 'Secrets as text: one per line, or a JSON object' },
        'env-secrets': {
            kind: 'string',
            default: 'auto',
            description: 'Environment variables to treat as secrets: auto, none, or names/globs (MY_*, !PUBLIC_KEY)',
        },
        stdin: { cliOnly: true, kind: 'boolean', default: 'false', description: 'Filter mode: redact stdin to stdout' },
        run: { kind: 'string', description: 'A command line to run with --shell (instead of -- CMD ARGS...)' },
        shell: {
            kind: 'string',
            default: 'bash',
            description: 'Shell for --run: bash, sh, pwsh, python, or a template with {0}',
        },
        'scan-paths': {
            kind: 'list',
            description: 'Files, folders or globs to scan afterwards (.zip, .tar, .tar.gz entries too)',
        },
        'redact-files': {
            kind: 'boolean',
            default: 'false',
            description: 'Rewrite scanned plain files with secrets redacted',
        },
        'fail-on-leak': { kind: 'boolean', default: 'true', description: 'Exit 1 when something was redacted or found' },
        replacement: { kind: 'string', default: 'mask', description: 'mask (***) or rule ([REDACTED:<rule>])' },
        'sarif-output': { kind: 'string', description: 'Write the leaks as SARIF 2.1.0 here' },
    },
    async run(inputs, context, rest) {
        const options = readScrubOptions(inputs, context.env);
        const scrub = options.scrub;
        const extra = inputs.raw('secret')?.split('\n') ?? [];
        const secretsFile = inputs.string('secrets-file');
        if (secretsFile) {
            let text;
            try {
                text = await (0,promises_.readFile)((0,external_node_path_.resolve)(context.cwd, secretsFile), 'utf8');
            }
            catch {
                throw new UsageError(`Option --secrets-file: cannot read ${secretsFile}`);
            }
            extra.push(...parseSecretsInput(text, 'secrets-file'));
        }
        scrub.secrets = [...scrub.secrets, ...extra];
        const filtering = inputs.boolean('stdin', false);
        if (rest.length > 0) {
            if (scrub.run !== undefined)
                throw new UsageError('Give either --run or a command after --, not both.');
            scrub.command = rest;
        }
        if (filtering && (scrub.run !== undefined || scrub.command !== undefined)) {
            throw new UsageError('--stdin filters a stream: it cannot be combined with a command to run.');
        }
        requireSomethingToDo(scrub, filtering);
        const onRunner = context.env.GITHUB_ACTIONS === 'true';
        const result = await runScrub(scrub, {
            // On a runner the values become masks before anything is printed; elsewhere nothing is announced.
            beforeSpawn: (masks) => {
                if (onRunner)
                    for (const value of masks)
                        context.stdout.write(`::add-mask::${escapeCommandData(value)}\n`);
            },
            stdout: (chunk) => void context.stdout.write(chunk),
            stderr: (chunk) => void context.stderr.write(chunk),
            ...(filtering ? { stdin: context.stdin } : {}),
        });
        if (onRunner && result.openStopCommandsToken)
            context.stdout.write(`::${result.openStopCommandsToken}::\n`);
        // The report goes to stderr: stdout carries the command's (or the filtered) output.
        const err = (line = '') => void context.stderr.write(line + '\n');
        if (options.sarifOutput)
            err(`SARIF written to ${await writeScrubSarif(result.findings, options.sarifOutput, scrub.workspace)}`);
        for (const line of findingLines(result.findings))
            err(line);
        for (const path of result.rewritten)
            err(`  rewrote ${path}`);
        for (const path of result.notRewritten)
            err(`  not rewritten (inside an archive): ${path}`);
        if (scrub.scanPaths.length > 0 && result.scannedFiles === 0 && result.skippedFiles.length === 0) {
            err('  warning: --scan-paths matched no file: nothing was scanned');
        }
        for (const skipped of result.skippedFiles)
            err(`  not scanned: ${skipped.path} (${skipped.reason})`);
        const verdict = result.commandExitCode !== undefined && result.commandExitCode !== 0
            ? `the command exited with ${result.commandExitCode}`
            : result.exitCode === ExitCode.ok
                ? 'passed'
                : 'failed';
        if (result.leaks > 0 || result.exitCode !== ExitCode.ok || options.sarifOutput) {
            err(`gatehouse scrub: ${verdict}: ${result.leaks} leak(s), redactions ${JSON.stringify(result.redactions)}`);
        }
        return result.exitCode;
    },
};

// EXTERNAL MODULE: ./node_modules/@sigstore/bundle/dist/index.js
var bundle_dist = __webpack_require__(1040);
;// CONCATENATED MODULE: ./packages/sigstore/src/bundle.ts



/** The bundle versions we accept: v0.1, v0.2 and both spellings of v0.3. */
const BUNDLE_MEDIA_TYPES = [
    bundle_dist.BUNDLE_V01_MEDIA_TYPE,
    bundle_dist.BUNDLE_V02_MEDIA_TYPE,
    bundle_dist.BUNDLE_V03_LEGACY_MEDIA_TYPE,
    bundle_dist.BUNDLE_V03_MEDIA_TYPE,
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
        throw new BundleError(`cannot read the bundle (${describeError(error)})`);
    }
    return parseBundle(text);
}
function parseBundle(text) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (error) {
        throw new BundleError(`the bundle is not valid JSON (${describeError(error)})`);
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        throw new BundleError('the bundle is not a JSON object');
    }
    const mediaType = json.mediaType;
    if (typeof mediaType !== 'string' || !BUNDLE_MEDIA_TYPES.includes(mediaType)) {
        throw new BundleError(`unsupported bundle mediaType '${String(mediaType ?? '(none)')}'`);
    }
    try {
        return (0,bundle_dist.bundleFromJSON)(json);
    }
    catch (error) {
        throw new BundleError(`the bundle is malformed (${describeError(error)})`);
    }
}

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
const digest_DIGEST = /^(sha256|sha384|sha512):([0-9a-f]+)$/;
const LENGTH = { sha256: 64, sha384: 96, sha512: 128 };
function parseDigest(text) {
    const match = digest_DIGEST.exec(text.trim().toLowerCase());
    if (!match)
        return undefined;
    const algorithm = match[1];
    if (match[2].length !== LENGTH[algorithm])
        return undefined;
    return { algorithm, digest: Buffer.from(match[2], 'hex') };
}

;// CONCATENATED MODULE: ./packages/sigstore/src/keys.ts




/** Key or certificate inputs take PEM text or a path to a file holding it. */
function pemFromInput(input, value, cwd) {
    const text = value.trim();
    if (text.startsWith('-----BEGIN '))
        return `${text}\n`;
    const path = (0,external_node_path_.resolve)(cwd, text);
    if (!(0,external_node_fs_.existsSync)(path) || !(0,external_node_fs_.statSync)(path).isFile()) {
        throw new UsageError(`Input '${input}' is neither PEM text nor a path to a file (not found: ${text}).`);
    }
    const content = (0,external_node_fs_.readFileSync)(path, 'utf8');
    if (!content.includes('-----BEGIN '))
        throw new UsageError(`Input '${input}': ${text} does not hold a PEM block.`);
    return content;
}
function parsePublicKey(input, pem) {
    try {
        return (0,external_node_crypto_.createPublicKey)(pem);
    }
    catch (error) {
        throw new UsageError(`Input '${input}' is not a usable public key (${describeError(error)}).`);
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
        throw new UsageError("Keyless verification needs an identity: give 'certificate-identity', 'certificate-identity-regexp', 'signer-workflow' or 'signer-repository' (or 'public-key' for keyed bundles).");
    }
    if (given.length > 1) {
        throw new UsageError(`Inputs ${given.map(([name]) => `'${name}'`).join(' and ')} cannot be combined: give one identity.`);
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
                throw new UsageError(`Input 'certificate-identity-regexp' is not a valid regular expression: ${error.message}`);
            }
            description = `/^(?:${value})$/`;
            break;
        case 'signer-workflow': {
            const match = WORKFLOW.exec(value);
            if (!match) {
                throw new UsageError(`Input 'signer-workflow' must look like owner/repo/.github/workflows/file.yml[@ref] (got '${value}').`);
            }
            const url = `${GITHUB_SERVER_URL}/${match[1]}`;
            signerRepository = match[1].split('/').slice(0, 2).join('/');
            identity = new RegExp(`^${escapeRegExp(url)}@${match[2] ? escapeRegExp(match[2]) : '.+'}$`);
            description = `${url}@${match[2] ?? '<any ref>'}`;
            break;
        }
        default: {
            if (!REPOSITORY.test(value))
                throw new UsageError(`Input 'signer-repository' must look like owner/repo (got '${value}').`);
            identity = new RegExp(`^${escapeRegExp(`${GITHUB_SERVER_URL}/${value}/`)}.+@.+$`);
            description = `${GITHUB_SERVER_URL}/${value}/<workflow>@<ref>`;
            signerRepository = value;
        }
    }
    const sourceRef = input.sourceRef?.trim() || undefined;
    const explicitSource = input.sourceRepository?.trim() || undefined;
    if (explicitSource !== undefined && !REPOSITORY.test(explicitSource)) {
        throw new UsageError(`Input 'source-repository' must look like owner/repo (got '${explicitSource}').`);
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
        throw new UsageError("Keyless verification needs 'certificate-oidc-issuer' (the exact OIDC issuer of the signer).");
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
        throw new UsageError(`Input '${input}': cannot read ${path}: ${describeError(error)}`);
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
        throw new UsageError(`Input '${input}': ${source} is not a usable trusted root: ${problem}`);
    };
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (error) {
        return fail(`invalid JSON (${describeError(error)})`);
    }
    if (!trusted_root_isObject(json))
        return fail('not a JSON object');
    let root;
    try {
        root = protobuf_specs_dist.TrustedRoot.fromJSON(json);
    }
    catch (error) {
        return fail(describeError(error));
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
            fail(`${where} public key cannot be decoded (${describeError(error)})`);
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
            fail(`${where} certificate ${index} cannot be parsed (${describeError(error)})`);
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
function trusted_root_isObject(value) {
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
        throw new UsageError("Nothing to verify: 'subject-path' and 'subject-digest' matched no artifact.");
    if ((options.policy === undefined) === (options.publicKey === undefined)) {
        throw new UsageError(options.policy
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
        result.reason = oneLine(error instanceof UsageError ? error.message : reasonOf(error));
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
        throw new UsageError(`Subject '${subject.name}' has neither a file nor a digest.`);
    let key;
    try {
        key = message ? signingKeyOf(bundle, publicKey) : undefined;
    }
    catch (error) {
        throw new BundleError(`the signing certificate or key cannot be read (${describeError(error)})`);
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
            throw new BundleError(`a certificate in the bundle cannot be parsed (${describeError(error)})`);
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
    const message = describeError(error);
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
        throw new UsageError(MISSING_ID_TOKEN_PERMISSION);
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
            throw new Error(`the OIDC token request failed: ${describeError(error)}`);
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
            throw new UsageError(`Input 'key' is not a usable PEM private key${password ? ' (or key-password is wrong)' : ' (if it is encrypted, give key-password)'}.`);
        }
        const curve = key.asymmetricKeyDetails?.namedCurve;
        const ed25519 = key.asymmetricKeyType === 'ed25519';
        if (!ed25519 && !(key.asymmetricKeyType === 'ec' && (curve === 'prime256v1' || curve === 'secp384r1'))) {
            throw new UsageError(`Input 'key' must be an ECDSA P-256/P-384 or Ed25519 private key (got ${key.asymmetricKeyType}${curve ? ` ${curve}` : ''}).`);
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
const sign_DEFAULT_RETRY = { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 5000 };
/** Signs every subject into a v0.3 bundle and writes it; one failure fails the run. */
async function signArtifacts(subjects, options) {
    if (subjects.length === 0)
        throw new UsageError("Nothing to sign: 'subject-path' and 'subject-digest' matched no artifact.");
    const witnesses = witnessesFor(options);
    const bundlePaths = new Set();
    const planned = subjects.map((subject) => {
        const path = bundlePathFor(subject, options);
        if (bundlePaths.has(path))
            throw new UsageError(`Two subjects would write the same bundle ${path}; give distinct names or no bundle-dir.`);
        bundlePaths.add(path);
        return { subject, path };
    });
    return mapBounded(planned, options.concurrency ?? 4, async ({ subject, path }) => {
        const session = await options.signer.session();
        if (options.rekor?.majorApiVersion === 2 && session.material.kind === 'publicKey') {
            throw new UsageError('Rekor v2 records keyless (certificate) signatures only here; sign keyed artifacts with Rekor v1 or tlog: false.');
        }
        const { bundle, sha256, kind, predicateType } = await signOne(subject, session, options.predicate);
        const material = await witness(bundle, session, witnesses);
        bundle.verificationMaterial.tlogEntries = material.tlogEntries;
        bundle.verificationMaterial.timestampVerificationData = { rfc3161Timestamps: material.timestamps };
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
        const temporary = `${path}.${process.pid}.tmp`;
        await (0,promises_.writeFile)(temporary, `${JSON.stringify((0,bundle_dist.bundleToJSON)(bundle), null, 2)}\n`);
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
    const retry = options.retry ?? sign_DEFAULT_RETRY;
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
        const bundle = (0,bundle_dist.toMessageSignatureBundle)({ digest: sha256, signature, ...keyMaterial, certificateChain: false });
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
    const bundle = (0,bundle_dist.toDSSEBundle)({
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
            throw new Error(`${service} refused or failed: ${describeError(error)}${causeOf(error)}`);
        }
        tlogEntries.push(...(material.tlogEntries ?? []));
        timestamps.push(...(material.rfc3161Timestamps ?? []));
    }
    return { tlogEntries, timestamps };
}
function causeOf(error) {
    const cause = error?.cause;
    return cause ? ` (${describeError(cause)})` : '';
}

;// CONCATENATED MODULE: ./packages/sigstore/src/sign/signing-config.ts



const MAX_API_VERSION = { ca: 1, tlog: 2, tsa: 1 };
function readSigningConfig(path, now = new Date()) {
    let json;
    try {
        json = JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
    }
    catch (error) {
        throw new UsageError(`Input 'signing-config': cannot read ${path} (${describeError(error)}).`);
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
        throw new UsageError(`Input 'signing-config': ${source} is not a signing config (${describeError(error)}).`);
    }
    if (!/^application\/vnd\.dev\.sigstore\.signingconfig\.v0\.[12]\+json$/.test(config.mediaType)) {
        throw new UsageError(`Input 'signing-config': ${source} has an unsupported mediaType '${config.mediaType || '(none)'}'.`);
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
        throw new UsageError("Keyless signing with tlog: false needs 'tsa-url' (or a signing config with a TSA): the certificate lives ten minutes, so the signature needs a timestamp.");
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
        result.bundlePath = toRelative(request.workspace, result.bundlePath);
    return {
        results,
        bundlePaths: results.map((result) => result.bundlePath),
        subjects: results.map((result) => ({ name: result.subject, sha256: result.digest.replace(/^sha256:/, '') })),
    };
}
async function signSubjects(request) {
    const subjects = [];
    if (request.subjectPaths.length > 0) {
        const paths = await expandGlobs(request.subjectPaths, { input: 'subject-path', cwd: request.workspace });
        if (paths.length === 0)
            throw new UsageError(`Input 'subject-path' matched no file: ${request.subjectPaths.join(', ')}`);
        for (const path of paths.filter((path) => !path.endsWith('.sigstore.json')))
            subjects.push({ name: path, path: (0,external_node_path_.resolve)(request.workspace, path) });
    }
    if (request.subjectDigest !== undefined) {
        const parsed = parseDigest(request.subjectDigest);
        if (!parsed || parsed.algorithm !== 'sha256')
            throw new UsageError(`Input 'subject-digest' must be sha256:<64 hex digits> (got '${request.subjectDigest}').`);
        if (!request.subjectName)
            throw new UsageError("Input 'subject-name' is required with 'subject-digest'.");
        subjects.push({ name: request.subjectName, sha256: parsed.digest });
    }
    if (subjects.length === 0)
        throw new UsageError("Give 'subject-path' (files or globs) or 'subject-digest' with 'subject-name'.");
    return subjects;
}
function readPredicate(request) {
    if (request.predicate !== undefined && request.predicatePath !== undefined) {
        throw new UsageError("Give 'predicate' or 'predicate-path', not both.");
    }
    const given = request.predicate ?? request.predicatePath;
    if (given === undefined) {
        if (request.predicateType)
            throw new UsageError("Input 'predicate-type' needs 'predicate' or 'predicate-path'.");
        return undefined;
    }
    if (!request.predicateType)
        throw new UsageError("Input 'predicate-type' is required with a predicate.");
    const name = request.predicate !== undefined ? 'predicate' : 'predicate-path';
    const text = request.predicate ??
        (0,external_node_fs_.readFileSync)(existingFile('predicate-path', request.predicatePath, request.workspace), 'utf8');
    try {
        return { type: request.predicateType, value: JSON.parse(text) };
    }
    catch (error) {
        throw new UsageError(`Input '${name}' is not valid JSON (${describeError(error)}).`);
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
        throw new UsageError("Give either 'public-key' or an identity policy, not both.");
    const policy = keyed ? undefined : buildIdentityPolicy(request);
    const publicKey = keyed ? pemFromInput('public-key', request.publicKey, request.workspace) : undefined;
    const subjects = await verifySubjects(request);
    const trustedRoot = request.trustedRoot
        ? readTrustedRoot(existingFile('trusted-root', request.trustedRoot, request.workspace))
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
        throw new Error(`cannot update the public-good trusted root over TUF (${describeError(error)}); give 'trusted-root' to verify offline`);
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
        const paths = (await expandGlobs(request.subjectPaths, { input: 'subject-path', cwd: request.workspace })).filter((path) => !path.endsWith('.sigstore.json'));
        if (paths.length === 0)
            throw new UsageError(`Input 'subject-path' matched no file: ${request.subjectPaths.join(', ')}`);
        await requireEveryPatternMatches(request);
        for (const path of paths) {
            const absolute = (0,external_node_path_.resolve)(request.workspace, path);
            const bundlePath = bundleFor(path, absolute);
            subjects.push({ name: path, path: absolute, bundlePath, bundleName: toRelative(request.workspace, bundlePath) });
        }
    }
    if (request.subjectDigest !== undefined) {
        const digest = parseDigest(request.subjectDigest);
        if (!digest)
            throw new UsageError(`Input 'subject-digest' must be sha256:<hex> (got '${request.subjectDigest}').`);
        if (!bundleGiven || bundleIsDir)
            throw new UsageError("Input 'bundle-path' (a bundle file) is required with 'subject-digest'.");
        subjects.push({
            name: request.subjectDigest,
            digest,
            bundlePath: bundleGiven,
            bundleName: toRelative(request.workspace, bundleGiven),
        });
    }
    if (subjects.length === 0)
        throw new UsageError("Give 'subject-path' (files or globs) or 'subject-digest'.");
    if (bundleGiven && !bundleIsDir && subjects.length > 1) {
        throw new UsageError("Input 'bundle-path' names one bundle file but several subjects matched; give a folder of <name>.sigstore.json bundles.");
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
        const matched = (await expandGlobs([pattern, ...exclusions], { input: 'subject-path', cwd: request.workspace })).filter((path) => !path.endsWith('.sigstore.json'));
        if (matched.length === 0)
            throw new UsageError(`Input 'subject-path' matched no file: ${pattern}`);
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













;// CONCATENATED MODULE: ./actions/sign/src/options.ts
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

;// CONCATENATED MODULE: ./packages/cli/src/commands/sign.ts



const signCommand = {
    name: 'sign',
    action: 'sign',
    summary: 'Sign artifacts with Sigstore (keyless with the CI identity, or with a key); writes a v0.3 bundle per artifact.',
    usage: 'gatehouse sign [options] <file-or-glob>...',
    flags: {
        'subject-path': { kind: 'list', positional: true, description: 'Files or globs to sign' },
        'subject-digest': {
            kind: 'string',
            description: 'Sign a digest (sha256:<hex>) without the file; needs --subject-name',
        },
        'subject-name': { kind: 'string', description: 'Name of the artifact signed by --subject-digest' },
        'predicate-type': { kind: 'string', description: 'Sign an in-toto attestation of this predicate type' },
        predicate: { kind: 'string', description: 'The predicate as JSON text' },
        'predicate-path': { kind: 'string', description: 'A file holding the predicate JSON' },
        'bundle-dir': { kind: 'string', description: 'Folder for bundles (default <file>.sigstore.json beside each file)' },
        key: {
            kind: 'string',
            description: 'PEM private key (text or path) for keyed signing; without it, keyless (ACTIONS_ID_TOKEN_REQUEST_* or SIGSTORE_ID_TOKEN)',
        },
        'key-password': { kind: 'string', description: 'Password of an encrypted key (prefer GATEHOUSE_KEY_PASSWORD)' },
        'oidc-audience': { kind: 'string', default: 'sigstore', description: 'Audience of the OIDC token' },
        'fulcio-url': { kind: 'string', description: 'Fulcio URL' },
        'rekor-url': { kind: 'string', description: 'Rekor v1 URL' },
        'tsa-url': { kind: 'string', description: 'Timestamp authority URL' },
        'signing-config': { kind: 'string', description: 'Sigstore signing_config.json (private instances, Rekor v2)' },
        tlog: { kind: 'boolean', default: 'true', description: 'Record the signature in the transparency log' },
    },
    async run(inputs, context) {
        const options = readSignOptions(inputs);
        const password = options.keyPassword ?? context.env.GATEHOUSE_KEY_PASSWORD;
        const report = await signWorkspace({
            ...options,
            ...(password ? { keyPassword: password } : {}),
            idToken: {
                requestUrl: context.env.ACTIONS_ID_TOKEN_REQUEST_URL,
                requestToken: context.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
            },
            ...(context.env.SIGSTORE_ID_TOKEN ? { identityToken: context.env.SIGSTORE_ID_TOKEN } : {}),
        });
        const out = (line = '') => void context.stdout.write(line + '\n');
        for (const result of report.results) {
            out(`signed ${result.subject} ${result.digest} -> ${result.bundlePath}${result.logIndex ? ` (log index ${result.logIndex})` : ''}`);
        }
        const first = report.results[0];
        if (first?.identity)
            out(`signer: ${first.identity} (${first.issuer ?? 'unknown issuer'})`);
        return ExitCode.ok;
    },
};

;// CONCATENATED MODULE: ./actions/verify/src/options.ts
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

;// CONCATENATED MODULE: ./packages/cli/src/commands/verify.ts



const verifyCommand = {
    name: 'verify',
    action: 'verify',
    summary: 'Verify Sigstore bundles against an identity policy (or a public key) and a trusted root.',
    usage: 'gatehouse verify [options] <file-or-glob>...',
    flags: {
        'subject-path': { kind: 'list', positional: true, description: 'Files or globs to verify' },
        'subject-digest': {
            kind: 'string',
            description: 'Verify a digest (sha256:<hex>) without the file; needs --bundle-path',
        },
        'bundle-path': { kind: 'string', description: 'Bundle file or folder (default <file>.sigstore.json)' },
        'certificate-identity': { kind: 'string', description: 'Exact signer identity (certificate SAN)' },
        'certificate-identity-regexp': {
            kind: 'string',
            description: 'Regexp the whole signer identity must match (anchored)',
        },
        'certificate-oidc-issuer': { kind: 'string', description: 'Exact OIDC issuer of the signer' },
        'signer-repository': { kind: 'string', description: 'GitHub: owner/repo of the signing workflow' },
        'signer-workflow': { kind: 'string', description: 'GitHub: owner/repo/.github/workflows/file.yml[@ref]' },
        'source-repository': {
            kind: 'string',
            description: 'GitHub: owner/repo whose run signed (default: the repository of --signer-repository/--signer-workflow)',
        },
        'source-ref': { kind: 'string', description: 'GitHub: the ref the signing run was triggered for' },
        'public-key': { kind: 'string', description: 'PEM public key (text or path) for keyed bundles' },
        'trusted-root': {
            kind: 'string',
            description: 'trusted_root.json (offline; default the public-good root over TUF)',
        },
        'tlog-threshold': { kind: 'string', default: '1', description: 'Transparency-log entries required' },
        'timestamp-threshold': { kind: 'string', default: '1', description: 'Verified timestamps required' },
        'predicate-type': { kind: 'string', description: 'Require an in-toto attestation of this predicate type' },
    },
    async run(inputs, context) {
        const report = await verifyWorkspace(readVerifyOptions(inputs));
        const out = (line = '') => void context.stdout.write(line + '\n');
        for (const result of report.results) {
            if (result.verified) {
                out(`verified ${result.subject}: ${result.identity ?? 'signed with the given key'}${result.issuer ? ` (${result.issuer})` : ''}${result.logIndex ? `, log index ${result.logIndex}` : ''}`);
            }
            else {
                out(`FAILED   ${result.subject} (bundle ${result.bundle}): ${result.reason ?? 'not verified'}`);
            }
        }
        const failed = report.results.filter((result) => !result.verified).length;
        out(`gatehouse verify: ${report.verified ? 'verified' : 'failed'}: ${report.results.length - failed} of ${report.results.length} subjects verified`);
        return report.verified ? ExitCode.ok : ExitCode.violation;
    },
};

;// CONCATENATED MODULE: ./packages/cli/src/commands/index.ts






/** Every subcommand, in the order `gatehouse --help` lists them. */
const COMMANDS = [auditCommand, gateCommand, pinCommand, scrubCommand, signCommand, verifyCommand];

;// CONCATENATED MODULE: ./packages/cli/src/version.ts
/** Kept equal to package.json's version by a test. */
const VERSION = '0.1.0';

;// CONCATENATED MODULE: ./packages/cli/src/main.ts




function mainHelp() {
    const width = Math.max(...COMMANDS.map((command) => command.name.length)) + 2;
    return [
        'Usage: gatehouse <command> [options]',
        '',
        'Pipeline security checks: the same engine as the Gatehouse GitHub Actions.',
        '',
        'Commands:',
        ...COMMANDS.map((command) => `  ${command.name.padEnd(width)} ${command.summary}`),
        '',
        'Options:',
        '  --help, -h     Show help (also: gatehouse <command> --help)',
        '  --version, -V  Show the version',
        '  --debug        Show stack traces of unexpected errors',
        '',
        'Exit codes: 0 passed, 1 policy violation, 2 usage error, 3 unexpected error.',
        '',
    ].join('\n');
}
/** Runs the CLI and returns its exit code; never calls process.exit itself. */
async function main(argv, context) {
    const args = [...argv];
    const debugAt = args.indexOf('--debug');
    if (debugAt >= 0 && (args.indexOf('--') < 0 || debugAt < args.indexOf('--'))) {
        args.splice(debugAt, 1);
        context = { ...context, debug: true };
    }
    const [name, ...rest] = args;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
        context.stdout.write(mainHelp());
        return name === undefined ? ExitCode.usage : ExitCode.ok;
    }
    if (name === '--version' || name === '-V') {
        context.stdout.write(`gatehouse ${VERSION}\n`);
        return ExitCode.ok;
    }
    const command = COMMANDS.find((candidate) => candidate.name === name);
    try {
        if (!command)
            throw new UsageError(`Unknown command '${name}' (commands: ${COMMANDS.map((c) => c.name).join(', ')})`);
        const end = rest.indexOf('--');
        const own = end < 0 ? rest : rest.slice(0, end);
        if (own.includes('--help') || own.includes('-h')) {
            context.stdout.write(commandHelp(command));
            return ExitCode.ok;
        }
        const parsed = parseFlags(command, rest);
        return await command.run(inputsFrom(parsed, context.cwd), context, parsed.rest);
    }
    catch (error) {
        if (error instanceof UsageError) {
            context.stderr.write(`gatehouse${command ? ` ${command.name}` : ''}: ${error.message}\n`);
            return ExitCode.usage;
        }
        context.stderr.write(`gatehouse${command ? ` ${command.name}` : ''}: unexpected error: ${describeError(error)}\n`);
        if (context.debug && error instanceof Error && error.stack)
            context.stderr.write(`${error.stack}\n`);
        return ExitCode.unexpected;
    }
}


/***/ })

};
