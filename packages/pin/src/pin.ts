import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describeError, sortFindings, UsageError, type Finding, type Suppression } from '@gatehouse/findings';
import { discoverFiles, type DiscoveredFile, type FileKind } from './discover.js';
import { applyEdits, decodeFile, encodeFile, writeFileAtomic, type TextEdit } from './fixer.js';
import type { ActionResolver } from './github-client.js';
import { LineIndex, type FileReading, type ImageOccurrence } from './occurrence.js';
import { readDockerfile } from './readers/dockerfile.js';
import { readActionMetadata, readManifests, readWorkflow } from './readers/yaml.js';
import { ReferenceError, parseImageReference, type ImageReference } from './reference.js';
import type { ImageResolver } from './registry-client.js';
import { matchesAnyRegistry, parseRegistryPattern } from './registry-pattern.js';
import { actionFix, imageFix, mismatchCheck, withTag, type Pending } from './fixes.js';
import { AllowList, inlineExemption, pinFinding } from './rules.js';

export interface PinOptions {
  /** Absolute path of the workspace; paths in results are relative to it. */
  workspace: string;
  /** Globs relative to the workspace; empty means the whole workspace, honouring .gitignore. */
  paths?: readonly string[];
  mode?: 'check' | 'fix';
  /** Registry patterns; empty means every registry is trusted. */
  trustedRegistries?: readonly string[];
  requireDigest?: boolean;
  requireActionSha?: boolean;
  /** Globs over image names and action owner/repo(/path) exempted from the pinning rules. */
  allow?: readonly string[];
  /** Needed in fix mode: resolves image tags to digests. */
  imageResolver?: ImageResolver;
  /** Needed in fix mode: resolves action tags to SHAs; also checks `# vX` comments against SHAs. */
  actionResolver?: ActionResolver;
  /** Offline `owner/repo@tag` → commit SHA, to check version comments without the API. */
  actionTags?: ReadonlyMap<string, string>;
}

export interface FixedReference {
  path: string;
  line: number;
  column: number;
  kind: 'image' | 'action';
  before: string;
  after: string;
}

export interface PinResult {
  findings: Finding[];
  fixed: FixedReference[];
  /** References fix mode tried and could not resolve (each also has a finding). */
  unresolved: number;
  filesRead: number;
  references: number;
  filesWritten: string[];
  notes: string[];
}

/**
 * Finds image and action references in the workspace and checks them against the policy; in fix
 * mode rewrites unpinned ones to immutable references, changing only the references' bytes.
 */
export async function runPin(options: PinOptions): Promise<PinResult> {
  const mode = options.mode ?? 'check';
  if (mode === 'fix' && (!options.imageResolver || !options.actionResolver)) {
    throw new UsageError("Input 'mode': fix mode needs the registry and GitHub clients.");
  }
  const trusted = (options.trustedRegistries ?? []).map((text) => parseRegistryPattern('trusted-registries', text));
  const allow = new AllowList(options.allow ?? []);
  const requireDigest = options.requireDigest ?? true;
  const requireActionSha = options.requireActionSha ?? true;
  const workspace = resolve(options.workspace);
  const files = await discoverFiles(workspace, options.paths ?? []);

  const findings: Finding[] = [];
  const pending: Pending[] = [];
  const mismatchChecks: Array<() => Promise<void>> = [];
  const texts = new Map<string, ReturnType<typeof decodeFile>>();
  const notes: string[] = [];
  let references = 0;

  for (const file of files) {
    const bytes = readBytes(join(workspace, file.path));
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
      const rest =
        more.length > 0 ? ` (and ${more.length} more problem${more.length === 1 ? '' : 's'} in this file)` : '';
      findings.push(
        pinFinding(
          'parse-error',
          file.path,
          problem,
          `${describeKind(file.kind)} ${file.path}: ${problem.message}${rest}`,
        ),
      );
    }
    const index = new LineIndex(loaded.text);
    for (const occurrence of reading.occurrences) {
      references++;
      const exemption = inlineExemption(index, occurrence.line);
      const suppression = exemption && 'reason' in exemption ? exemption : undefined;
      const missingReason = exemption !== undefined && 'missingReason' in exemption;
      const report = (finding: Finding, exempt: Suppression | undefined): void => {
        if (exempt) finding.properties.suppression = exempt;
        else if (missingReason) finding.message += ' (an allow-unpinned comment needs a reason to count)';
        findings.push(finding);
      };

      if (occurrence.kind === 'image') {
        const result = assessImage(file.path, occurrence);
        if (result.finding) {
          report(result.finding, suppression ?? allowed(allow.match(occurrence)));
          continue;
        }
        const reference = result.reference!;
        const exempt = suppression ?? allowed(allow.match(occurrence, reference));
        if (trusted.length > 0 && !matchesAnyRegistry(trusted, reference.hostname, reference.port)) {
          findings.push(
            pinFinding(
              'image-untrusted-registry',
              file.path,
              occurrence,
              `Image '${occurrence.image}' (${occurrence.context}) comes from ${reference.registry}, which is not in trusted-registries.`,
              {
                reference: occurrence.image,
                context: occurrence.context,
                registry: reference.registry,
              },
            ),
          );
        }
        if (reference.digest || !requireDigest) continue;
        const finding = pinFinding(
          'image-not-pinned',
          file.path,
          occurrence,
          `Image '${occurrence.image}' (${occurrence.context}) is not pinned by digest.`,
          {
            reference: occurrence.image,
            context: occurrence.context,
          },
        );
        finding.fix = `Pin it as ${withTag(occurrence.image, reference)}@sha256:… (gatehouse pin --mode fix does this).`;
        report(finding, exempt);
        if (mode === 'fix' && !exempt)
          pending.push(imageFix(file.path, occurrence, reference, finding, options.imageResolver!));
      } else {
        const exempt = suppression ?? allowed(allow.match(occurrence));
        if (isCommitSha(occurrence.ref)) {
          const check = mismatchCheck(file.path, occurrence, options, findings, notes, exempt);
          if (check) mismatchChecks.push(check);
          continue;
        }
        if (!requireActionSha) continue;
        const finding = pinFinding(
          'action-not-pinned',
          file.path,
          occurrence,
          `Action '${occurrence.uses}' (${occurrence.context}) is not pinned to a full commit SHA.`,
          {
            reference: occurrence.uses,
            context: occurrence.context,
          },
        );
        finding.fix = `Pin it as ${occurrence.owner}/${occurrence.repo}${occurrence.subpath ? `/${occurrence.subpath}` : ''}@<sha> # ${occurrence.ref} (gatehouse pin --mode fix does this).`;
        report(finding, exempt);
        if (mode === 'fix' && !exempt)
          pending.push(actionFix(file.path, loaded.text, index, occurrence, finding, options.actionResolver!));
      }
    }
  }

  const fixed: FixedReference[] = [];
  const editsByFile = new Map<string, TextEdit[]>();
  const fixedFindings = new Set<Finding>();
  let unresolved = 0;
  await Promise.all([
    ...mismatchChecks.map((check) => check()),
    ...pending.map(async (item) => {
      try {
        const { edit, fixed: change } = await item.edit();
        editsByFile.set(item.path, [...(editsByFile.get(item.path) ?? []), edit]);
        fixed.push(change);
        fixedFindings.add(item.finding);
      } catch (error) {
        unresolved++;
        item.finding.message += ` It was left as it was: ${describeError(error)}`;
        item.finding.properties.fixError = describeError(error);
      }
    }),
  ]);

  const filesWritten: string[] = [];
  for (const [path, edits] of [...editsByFile].sort(([a], [b]) => a.localeCompare(b))) {
    const loaded = texts.get(path)!;
    if (!loaded.lossless) {
      for (const change of fixed.filter((item) => item.path === path)) fixed.splice(fixed.indexOf(change), 1);
      for (const finding of fixedFindings) if (finding.location?.path === path) fixedFindings.delete(finding);
      notes.push(`${path} is not valid UTF-8, so it was not rewritten.`);
      continue;
    }
    const updated = applyEdits(loaded.text, edits);
    if (updated !== loaded.text) {
      writeFileAtomic(join(workspace, path), encodeFile(loaded, updated));
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
function readBytes(path: string): Buffer | string {
  try {
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) return `larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB, not read`;
    return readFileSync(path);
  } catch (error) {
    return `cannot be read (${(error as NodeJS.ErrnoException).code ?? describeError(error)})`;
  }
}

function readFile(file: DiscoveredFile, text: string): FileReading {
  if (file.kind === 'dockerfile') return readDockerfile(text);
  if (file.kind === 'workflow') return readWorkflow(text);
  if (file.kind === 'action') return readActionMetadata(text);
  const reading = readManifests(text);
  // An unrendered Helm or other Go template is not YAML yet; its rendered output is what runs.
  if (reading.problems.length > 0 && /(?<!\$)\{\{/.test(text))
    return { occurrences: reading.occurrences, problems: [] };
  return reading;
}

function describeKind(kind: FileKind): string {
  return { dockerfile: 'Dockerfile', workflow: 'Workflow', action: 'Action metadata', manifests: 'YAML' }[kind];
}

function assessImage(path: string, occurrence: ImageOccurrence): { finding?: Finding; reference?: ImageReference } {
  const properties = { reference: occurrence.image, context: occurrence.context };
  if (occurrence.unresolvable) {
    return {
      finding: pinFinding(
        'image-unresolvable',
        path,
        occurrence,
        `Image '${occurrence.image}' (${occurrence.context}) cannot be known statically: it ${occurrence.unresolvable}.`,
        properties,
      ),
    };
  }
  try {
    return { reference: parseImageReference(occurrence.image) };
  } catch (error) {
    const reason = error instanceof ReferenceError ? error.message : describeError(error);
    return {
      finding: pinFinding('image-unresolvable', path, occurrence, `${reason} (${occurrence.context}).`, properties),
    };
  }
}

function allowed(pattern: string | undefined): Suppression | undefined {
  return pattern === undefined
    ? undefined
    : { kind: 'exception', reason: `matches allow pattern '${pattern}'`, source: 'allow' };
}

function isCommitSha(ref: string): boolean {
  return /^[0-9a-f]{40}$/i.test(ref);
}
