import { readDockerfile } from '../../readers/dockerfile.js';
import type { ImageOccurrence } from '../../occurrence.js';

function images(text: string): ImageOccurrence[] {
  return readDockerfile(text).occurrences as ImageOccurrence[];
}

/** The text a span covers, so tests prove the span is where the reference really is. */
function spanText(text: string, occurrence: ImageOccurrence): string | undefined {
  return occurrence.span && text.slice(occurrence.span.start, occurrence.span.end);
}

describe('readDockerfile', () => {
  it('reads FROM with --platform and a stage alias, and skips later references to the stage', () => {
    const text =
      'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nRUN go build\nFROM build AS test\nFROM gcr.io/distroless/static\nCOPY --from=build /app /app\n';
    const found = images(text);
    expect(found.map((o) => [o.image, o.line, o.column, o.context])).toEqual([
      ['golang:1.22', 1, 32, 'FROM'],
      ['gcr.io/distroless/static', 4, 6, 'FROM'],
    ]);
    expect(spanText(text, found[0]!)).toBe('golang:1.22');
  });

  it('reads lowercase instructions and skips scratch and numeric stages', () => {
    const text =
      'from alpine:3.19 as base\nfrom scratch\ncopy --from=0 /x /x\ncopy --from=base /y /y\ncopy --from=nginx:1.25 /etc/nginx /etc/nginx\n';
    expect(images(text).map((o) => [o.image, o.line, o.column, o.context])).toEqual([
      ['alpine:3.19', 1, 6, 'FROM'],
      ['nginx:1.25', 5, 13, 'COPY --from'],
    ]);
  });

  it('reads RUN --mount from= images and the syntax directive', () => {
    const text =
      '# syntax=docker/dockerfile:1.7\nFROM alpine@sha256:' +
      'a'.repeat(64) +
      '\nRUN --mount=type=cache,target=/root/.cache --mount=type=bind,from=python:3.12,source=/usr,target=/py true\n';
    const found = images(text);
    expect(found.map((o) => [o.image, o.line, o.column, o.context])).toEqual([
      ['docker/dockerfile:1.7', 1, 10, '# syntax'],
      [`alpine@sha256:${'a'.repeat(64)}`, 2, 6, 'FROM'],
      ['python:3.12', 3, 67, 'RUN --mount from'],
    ]);
    for (const occurrence of found) expect(spanText(text, occurrence)).toBe(occurrence.image);
  });

  it('applies ARG defaults before FROM; the location is the FROM line and the span is the default', () => {
    const text =
      'ARG BASE=python:3.12\nARG VARIANT="slim"\nARG UNSET\nFROM ${BASE}\nFROM debian:${VARIANT}\nFROM ${UNSET:-node:20}\nFROM $UNSET\n';
    const found = images(text);
    expect(found.map((o) => [o.image, o.line, o.column, spanText(text, o), o.unresolvable])).toEqual([
      ['python:3.12', 4, 6, 'python:3.12', undefined],
      ['debian:slim', 5, 6, undefined, undefined],
      ['node:20', 6, 6, 'node:20', undefined],
      ['$UNSET', 7, 6, undefined, 'uses build argument UNSET without a default'],
    ]);
    expect(found[0]!.span!.start).toBe(text.indexOf('python'));
  });

  it('uses the ARG default over ${VAR:-default} when the argument has one', () => {
    const text = 'ARG IMAGE=redis:7\nFROM ${IMAGE:-redis:6}\n';
    const [only] = images(text);
    expect(only!.image).toBe('redis:7');
    expect(spanText(text, only!)).toBe('redis:7');
    expect(only!.line).toBe(2);
  });

  it('joins line continuations (with comments and blank lines inside) and keeps true positions', () => {
    const text =
      'FROM \\\n  # a comment inside\n\n    --platform=linux/amd64 \\\n    ubuntu:22.04 \\\n    AS base\nRUN echo \\\n  hello\n';
    const [only] = images(text);
    expect([only!.image, only!.line, only!.column]).toEqual(['ubuntu:22.04', 5, 5]);
    expect(spanText(text, only!)).toBe('ubuntu:22.04');
  });

  it('honours the escape directive', () => {
    const text = '# escape=`\nFROM `\n  mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir c:\\ \nFROM alpine\n';
    expect(images(text).map((o) => [o.image, o.line, o.column])).toEqual([
      ['mcr.microsoft.com/windows/servercore:ltsc2022', 3, 3],
      ['alpine', 5, 6],
    ]);
  });

  it('skips heredoc bodies, even ones that look like instructions', () => {
    const text =
      'FROM alpine:3\nRUN <<EOF\nFROM evil:latest\nEOF\nCOPY <<-A <<"B" /out\n\tFROM x\n\tA\nFROM y\nB\nFROM busybox\n';
    expect(images(text).map((o) => [o.image, o.line])).toEqual([
      ['alpine:3', 1],
      ['busybox', 10],
    ]);
  });

  it('handles CRLF line endings and ONBUILD', () => {
    const text = 'FROM node:20\r\nONBUILD COPY --from=alpine:3 /a /a\r\n';
    const found = images(text);
    expect(found.map((o) => [o.image, o.line, o.column])).toEqual([
      ['node:20', 1, 6],
      ['alpine:3', 2, 21],
    ]);
    expect(spanText(text, found[0]!)).toBe('node:20');
  });

  it('reports FROM without an image, unknown instructions and unterminated heredocs with their lines', () => {
    const { problems } = readDockerfile('FROM\nFRUM alpine\nRUN <<EOF\necho\n');
    expect(problems).toEqual([
      { line: 1, column: 1, message: 'FROM needs an image' },
      { line: 2, column: 1, message: "unknown instruction 'FRUM'" },
      { line: 3, column: 1, message: "heredoc 'EOF' is not terminated" },
    ]);
  });

  it('rejects an invalid escape directive', () => {
    expect(readDockerfile('# escape=x\nFROM a\n').problems[0]).toMatchObject({
      line: 1,
      message: expect.stringContaining('escape'),
    });
  });
});

describe('readDockerfile: defaults built from other arguments', () => {
  it('substitutes earlier arguments inside a default', () => {
    const text = 'ARG REGISTRY=ghcr.io/org\nARG BASE=${REGISTRY}/python:3.12\nFROM $BASE\n';
    const [only] = images(text);
    expect([only!.image, only!.line, only!.span, only!.unresolvable]).toEqual([
      'ghcr.io/org/python:3.12',
      3,
      undefined,
      undefined,
    ]);
  });

  it('carries a missing argument through to the image', () => {
    const [only] = images('ARG REGISTRY\nARG BASE=${REGISTRY}/python:3.12\nFROM $BASE\n');
    expect(only!.unresolvable).toBe('uses build argument REGISTRY without a default');
  });

  it('keeps the span when a default is exactly another argument', () => {
    const text = 'ARG ORIGINAL=node:20\nARG BASE=${ORIGINAL}\nFROM ${BASE}\n';
    const [only] = images(text);
    expect(spanText(text, only!)).toBe('node:20');
  });
});

describe('readDockerfile: heredoc markers inside quotes', () => {
  it('does not start a heredoc for <<EOF inside a quoted string', () => {
    const text = 'FROM alpine:3\nRUN echo "use <<EOF for heredocs" && true\nFROM busybox\n';
    const reading = readDockerfile(text);
    expect(reading.problems).toEqual([]);
    expect(reading.occurrences.map((o) => (o as ImageOccurrence).image)).toEqual(['alpine:3', 'busybox']);
  });

  it('still reads a quoted heredoc delimiter', () => {
    const text = "FROM alpine:3\nRUN <<'EOF' bash\nFROM inside\nEOF\nFROM busybox\n";
    expect(readDockerfile(text).occurrences.map((o) => (o as ImageOccurrence).image)).toEqual(['alpine:3', 'busybox']);
  });
});
