import { gunzipSync, inflateRawSync } from 'node:zlib';

/** One file inside an archive. */
export interface ArchiveEntry {
  /** Path inside the archive, with forward slashes. */
  name: string;
  data: Buffer;
}

export interface ArchiveLimits {
  /** Entries larger than this (uncompressed) are not read (default 256 MiB). */
  maxEntryBytes?: number;
  /** Stop after this many bytes of uncompressed data in one archive (default 1 GiB). */
  maxTotalBytes?: number;
}

export class ArchiveError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArchiveError';
  }
}

export type ArchiveKind = 'zip' | 'tar' | 'tar.gz' | 'gzip';

/** The kind of archive by name, confirmed by magic bytes; undefined for a plain file. */
export function archiveKind(name: string, head: Buffer): ArchiveKind | undefined {
  const lower = name.toLowerCase();
  const gzip = head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
  if (/\.(?:tar\.gz|tgz)$/.test(lower) && gzip) return 'tar.gz';
  if (lower.endsWith('.gz') && gzip) return 'gzip';
  if (/\.(?:zip|jar|war|whl|nupkg|apk|aar)$/.test(lower) && head.readUInt32LE(0) === 0x04034b50) return 'zip';
  if (lower.endsWith('.zip') && head.length >= 4 && head.readUInt32LE(0) === 0x06054b50) return 'zip';
  if (lower.endsWith('.tar') && head.length >= 262 && isTarHeader(head.subarray(0, 512))) return 'tar';
  return undefined;
}

export function readArchive(kind: ArchiveKind, data: Buffer, limits: ArchiveLimits = {}): ArchiveEntry[] {
  const maxEntry = limits.maxEntryBytes ?? 256 * 1024 * 1024;
  const maxTotal = limits.maxTotalBytes ?? 1024 * 1024 * 1024;
  switch (kind) {
    case 'zip':
      return readZip(data, maxEntry, maxTotal);
    case 'tar':
      return readTar(data, maxEntry);
    case 'tar.gz':
      return readTar(gunzipSync(data, { maxOutputLength: maxTotal }), maxEntry);
    case 'gzip':
      return [{ name: '', data: gunzipSync(data, { maxOutputLength: maxEntry }) }];
  }
}

function isTarHeader(block: Buffer): boolean {
  if (block.length < 512) return false;
  const magic = block.toString('latin1', 257, 262);
  if (magic === 'ustar') return true;
  // Old-style tar: check the header checksum.
  const stored = parseOctal(block, 148, 8);
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : block[i]!;
  return stored === sum && stored > 0;
}

function parseOctal(block: Buffer, offset: number, length: number): number {
  const field = block.subarray(offset, offset + length);
  if (field[0]! & 0x80) {
    // GNU base-256 for large sizes.
    let value = 0;
    for (let i = 1; i < field.length; i++) value = value * 256 + field[i]!;
    return value;
  }
  const text = field.toString('latin1').replace(/\0.*$/s, '').trim();
  return text === '' ? 0 : parseInt(text, 8);
}

function cString(block: Buffer, offset: number, length: number): string {
  const field = block.subarray(offset, offset + length);
  const nul = field.indexOf(0);
  return field.subarray(0, nul < 0 ? field.length : nul).toString('utf8');
}

/** Regular files of a POSIX/GNU tar, with GNU long names and pax `path` records. */
export function readTar(data: Buffer, maxEntryBytes = Number.MAX_SAFE_INTEGER): ArchiveEntry[] {
  const entries: ArchiveEntry[] = [];
  let offset = 0;
  let longName: string | undefined;
  let paxPath: string | undefined;
  while (offset + 512 <= data.length) {
    const header = data.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    if (!isTarHeader(header)) throw new ArchiveError(`tar: bad header at offset ${offset}`);
    const size = parseOctal(header, 124, 12);
    const type = String.fromCharCode(header[156]!);
    const bodyStart = offset + 512;
    const bodyEnd = bodyStart + size;
    if (bodyEnd > data.length) throw new ArchiveError(`tar: entry at offset ${offset} is truncated`);
    const body = data.subarray(bodyStart, bodyEnd);
    if (type === 'L') {
      longName = body.toString('utf8').replace(/\0+$/, '');
    } else if (type === 'x') {
      const path = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString('utf8'));
      if (path) paxPath = path[1];
    } else if (type === '0' || type === '\0' || type === '7') {
      const prefix = header.toString('latin1', 257, 262) === 'ustar' ? cString(header, 345, 155) : '';
      const base = cString(header, 0, 100);
      const name = paxPath ?? longName ?? (prefix ? `${prefix}/${base}` : base);
      if (size <= maxEntryBytes) entries.push({ name, data: Buffer.from(body) });
      longName = undefined;
      paxPath = undefined;
    } else {
      longName = undefined;
      paxPath = undefined;
    }
    offset = bodyStart + Math.ceil(size / 512) * 512;
  }
  return entries;
}

/** Files of a zip (stored or deflated), read through the central directory; zip64 sizes included. */
export function readZip(
  data: Buffer,
  maxEntryBytes = Number.MAX_SAFE_INTEGER,
  maxTotalBytes = Number.MAX_SAFE_INTEGER,
): ArchiveEntry[] {
  const eocd = findEndOfCentralDirectory(data);
  let count = data.readUInt16LE(eocd + 10);
  let directory = data.readUInt32LE(eocd + 16);
  if ((count === 0xffff || directory === 0xffffffff) && eocd >= 20 && data.readUInt32LE(eocd - 20) === 0x07064b50) {
    const zip64 = Number(data.readBigUInt64LE(eocd - 12));
    if (data.readUInt32LE(zip64) !== 0x06064b50) throw new ArchiveError('zip: bad zip64 end record');
    count = Number(data.readBigUInt64LE(zip64 + 32));
    directory = Number(data.readBigUInt64LE(zip64 + 48));
  }
  const entries: ArchiveEntry[] = [];
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
    if (name.endsWith('/')) continue;
    if (flags & 0x1) throw new ArchiveError(`zip: entry ${name} is encrypted`);
    if (size > maxEntryBytes) continue;
    total += size;
    if (total > maxTotalBytes) throw new ArchiveError('zip: more data than the scan limit');
    if (data.readUInt32LE(localOffset) !== 0x04034b50) throw new ArchiveError(`zip: bad local header for ${name}`);
    const start = localOffset + 30 + data.readUInt16LE(localOffset + 26) + data.readUInt16LE(localOffset + 28);
    const raw = data.subarray(start, start + compressedSize);
    let content: Buffer;
    if (method === 0) content = Buffer.from(raw);
    else if (method === 8) content = inflateRawSync(raw, { maxOutputLength: Math.max(size, 1) });
    else throw new ArchiveError(`zip: entry ${name} uses unsupported compression method ${method}`);
    entries.push({ name, data: content });
  }
  return entries;
}

function findEndOfCentralDirectory(data: Buffer): number {
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (data.readUInt32LE(i) === 0x06054b50) return i;
  }
  throw new ArchiveError('zip: end of central directory not found');
}

function zip64Sizes(
  extra: Buffer,
  size: number,
  compressedSize: number,
  localOffset: number,
): { size: number; compressedSize: number; localOffset: number } {
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
      if (localOffset === 0xffffffff) localOffset = Number(extra.readBigUInt64LE(p));
    }
    i += 4 + length;
  }
  return { size, compressedSize, localOffset };
}
