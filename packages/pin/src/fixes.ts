import { describeError, type Finding, type Suppression } from '@gatehouse/findings';
import type { TextEdit } from './fixer.js';
import type { ActionResolver } from './github-client.js';
import type { ActionOccurrence, ImageOccurrence, LineIndex } from './occurrence.js';
import type { FixedReference, PinOptions } from './pin.js';
import { parseImageReference, type ImageReference } from './reference.js';
import type { ImageResolver } from './registry-client.js';
import { pinFinding } from './rules.js';

/** A reference fix mode will try to pin: `edit` resolves it and returns the bytes to write. */
export interface Pending {
  path: string;
  finding: Finding;
  edit: () => Promise<{ edit: TextEdit; fixed: FixedReference }>;
}

/** The image text with its tag spelled out (`python` → `python:latest`), as written otherwise. */
export function withTag(image: string, reference: ImageReference): string {
  return reference.tag === undefined ? `${image}:latest` : image;
}

export function imageFix(
  path: string,
  occurrence: ImageOccurrence,
  reference: ImageReference,
  finding: Finding,
  resolver: ImageResolver,
): Pending {
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

export function actionFix(
  path: string,
  text: string,
  index: LineIndex,
  occurrence: ActionOccurrence,
  finding: Finding,
  resolver: ActionResolver,
): Pending {
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
        kind: 'action' as const,
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
      const quoteEnd =
        text[occurrence.span.end] === '"' || text[occurrence.span.end] === "'"
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

export function mismatchCheck(
  path: string,
  occurrence: ActionOccurrence,
  options: PinOptions,
  findings: Finding[],
  notes: string[],
  exempt: Suppression | undefined,
): (() => Promise<void>) | undefined {
  const comment = occurrence.versionComment;
  if (!comment) return undefined;
  const offline = lookupTag(options.actionTags, occurrence.owner, occurrence.repo, comment.tag);
  if (offline === undefined && (options.mode !== 'fix' || !options.actionResolver)) return undefined;
  return async () => {
    let expected = offline;
    if (expected === undefined) {
      try {
        expected = (await options.actionResolver!.resolveActionRef(occurrence.owner, occurrence.repo, comment.tag)).sha;
      } catch (error) {
        notes.push(
          `${path}:${occurrence.line}: could not check '# ${comment.tag}' of ${occurrence.owner}/${occurrence.repo}: ${describeError(error)}`,
        );
        return;
      }
    }
    if (expected.toLowerCase() === occurrence.ref.toLowerCase()) return;
    const finding = pinFinding(
      'action-ref-mismatch',
      path,
      occurrence,
      `Action '${occurrence.uses}' (${occurrence.context}) says '# ${comment.tag}', but ${comment.tag} is ${expected.toLowerCase()}.`,
      { reference: occurrence.uses, context: occurrence.context, expectedSha: expected.toLowerCase() },
    );
    if (exempt) finding.properties.suppression = exempt;
    findings.push(finding);
  };
}

function lookupTag(
  tags: ReadonlyMap<string, string> | undefined,
  owner: string,
  repo: string,
  tag: string,
): string | undefined {
  if (!tags) return undefined;
  return tags.get(`${owner}/${repo}@${tag}`) ?? tags.get(`${owner.toLowerCase()}/${repo.toLowerCase()}@${tag}`);
}
