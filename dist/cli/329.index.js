export const id = 329;
export const ids = [329];
export const modules = {

/***/ 8329:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  LD: () => (/* reexport */ decide),
  runGate: () => (/* reexport */ runGate),
  OO: () => (/* reexport */ writeFindingsJson),
  lg: () => (/* reexport */ writeSarif)
});

// UNUSED EXPORTS: TOOL, gateSummary, hasFix, reportedFindings

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./packages/findings/src/index.ts + 8 modules
var src = __webpack_require__(6349);
;// CONCATENATED MODULE: ./packages/scanners/src/json.ts

/** The formats readReport accepts, for error messages. */
const EXPECTED_FORMATS = 'SARIF 2.1.0, Trivy JSON, Grype JSON, osv-scanner JSON, npm audit JSON, or Gatehouse findings JSON';
/** Parses a report's bytes, failing with one line that names the file (a truncated report lands here). */
function json_parseJson(content, source, expected = EXPECTED_FORMATS) {
    let text = typeof content === 'string' ? content : content.toString('utf8');
    if (text.charCodeAt(0) === 0xfeff)
        text = text.slice(1);
    if (!text.trim())
        throw new src/* UsageError */.eb(`${source}: the file is empty; expected ${expected}`);
    try {
        return JSON.parse(text);
    }
    catch (error) {
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new src/* UsageError */.eb(`${source}: not valid JSON (truncated or malformed: ${reason}); expected ${expected}`);
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
        throw new src/* UsageError */.eb(`${this.source}: not a valid ${this.format} report: ${path} ${problem}`);
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
    return (0,src/* parseSeverity */.lv)(value);
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
        fingerprint: (0,src/* fingerprintOf */.ax)(input.tool, input.id, pkg?.purl ?? pkg?.name, pkg?.version, input.location?.path),
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
        const severity = (0,src/* isSeverity */._Z)(entry.severity) ? entry.severity : severityOf(entry.severity).severity;
        const rawProperties = shape.object(entry.properties, `${at}.properties`) ?? {};
        if (rawProperties.suppression !== undefined && !suppressionFrom(rawProperties.suppression)) {
            shape.fail(`${at}.properties.suppression`, 'needs a kind (exception, vex or tool) and a reason');
        }
        const properties = sanitizeProperties(rawProperties, { trustSuppression: true });
        if (!(0,src/* isSeverity */._Z)(entry.severity))
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
                : (0,src/* fingerprintOf */.ax)('gatehouse', ruleId, location?.path, location?.line, message),
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
    if ((0,src/* isSeverity */._Z)(own))
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
        return (0,src/* fingerprintOf */.ax)(tool, ruleId, ...entries.flat());
    return (0,src/* fingerprintOf */.ax)(tool, ruleId, location?.path, location?.line, message);
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
        fingerprint: (0,src/* fingerprintOf */.ax)(trivy_TOOL, id, target, line, message),
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
        fingerprint: (0,src/* fingerprintOf */.ax)(trivy_TOOL, id, target, line),
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
        throw new src/* UsageError */.eb(`${source}: is ${VEX_NAMES[detected.format]}, not a findings report; pass it as a VEX document (vex), or give one of ${EXPECTED_FORMATS}`);
    }
    if (detected.kind === 'sbom') {
        throw new src/* UsageError */.eb(`${source}: is ${SBOM_NAMES[detected.format]}, not a findings report; scan it first and give the scanner's report: ${EXPECTED_FORMATS}`);
    }
    if (detected.kind === 'unknown') {
        const failure = scannerError(doc);
        if (failure)
            throw new src/* UsageError */.eb(`${source}: the scanner wrote an error instead of a report: ${failure}`);
        throw new src/* UsageError */.eb(`${source}: not a recognised findings report; expected ${EXPECTED_FORMATS}`);
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
                    severity: { enum: [...src/* SEVERITIES */.oC] },
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
const SPELLINGS = {
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
    const status = Object.hasOwn(SPELLINGS, key) ? SPELLINGS[key] : undefined;
    if (!status) {
        throw new src/* UsageError */.eb(`${source}: ${where} has status ${JSON.stringify(value)}; expected one of ${VEX_STATUSES.join(', ')}`);
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
        throw new src/* UsageError */.eb(`${source}: is ${what}, not a VEX document; expected ${EXPECTED_VEX}`);
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
    const strongest = pool.reduce((best, copy) => (0,src/* severityRank */.qs)(copy.severity) > (0,src/* severityRank */.qs)(best.severity) ? copy : best);
    const unsuppressed = copies.find((copy) => !(0,src/* isSuppressed */.Bx)(copy));
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
        throw new src/* UsageError */.eb(`Input 'reports': no files matched ${JSON.stringify(options.reports.join(', '))} (set allow-empty: true if that is expected)`);
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
            throw new src/* UsageError */.eb(`Input 'exceptions': file not found: ${options.exceptions}`);
        const rules = (0,src/* parseExceptions */.wu)(await (0,promises_.readFile)(file, 'utf8'), (0,src/* toRelative */.yE)(options.workspace, file));
        const outcome = (0,src/* applyExceptions */.FW)(findings, rules, options.now ?? new Date());
        findings = [...outcome.findings, ...outcome.expired];
        unusedExceptions = outcome.unused;
    }
    findings = (0,src/* sortFindings */.Tc)(findings);
    const unsuppressed = findings.filter((finding) => !(0,src/* isSuppressed */.Bx)(finding));
    const decisive = unsuppressed.filter((finding) => fails(finding, options));
    const others = unsuppressed.filter((finding) => !decisive.includes(finding) && (0,src/* atLeast */.jZ)(finding.severity, options.reportOn));
    const suppressed = findings.filter(src/* isSuppressed */.Bx);
    const counts = (0,src/* countBySeverity */.Ot)(findings);
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
    if (options.failOn === 'none' || !(0,src/* atLeast */.jZ)(finding.severity, options.failOn))
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
            throw new src/* UsageError */.eb(`Input '${input}': file not found: ${pattern}`);
    }
    return (0,src/* expandGlobs */.GE)(patterns, { input, cwd: workspace });
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
    await (0,src/* writeFileAtomic */.Zf)(absolute, JSON.stringify((0,src/* toSarif */.zv)(reportedFindings(result), outputs_TOOL), null, 2) + '\n');
    return (0,src/* toRelative */.yE)(workspace, absolute);
}
async function writeFindingsJson(result, path, workspace) {
    const absolute = (0,external_node_path_.resolve)(workspace, path);
    await (0,src/* writeFileAtomic */.Zf)(absolute, toFindingsJson(result.findings) + '\n');
    return (0,src/* toRelative */.yE)(workspace, absolute);
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




/***/ })

};
