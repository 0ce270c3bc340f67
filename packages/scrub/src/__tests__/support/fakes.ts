import { randomBytes } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { crc32, withCrc32Base62Checksum } from '../../checksums.js';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Random characters from an alphabet: fake credentials generated in the right shape. */
export function randomFrom(alphabet: string, length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[bytes[i]! % alphabet.length];
  return out;
}

export function fakeGithubToken(prefix = 'ghp_'): string {
  return withCrc32Base62Checksum(`${prefix}${randomFrom(ALNUM, 30)}`);
}

export function fakeAwsKeyId(): string {
  return `AKIA${randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`;
}

export function fakeSlackBotToken(): string {
  return `xoxb-${randomFrom('0123456789', 12)}-${randomFrom('0123456789', 13)}-${randomFrom(ALNUM, 24)}`;
}

export function fakePrivateKeyLines(lines = 6): string[] {
  return Array.from({ length: lines }, () => randomBytes(48).toString('base64'));
}

function dosTime(): { time: number; date: number } {
  return { time: 0, date: ((2026 - 1980) << 9) | (1 << 5) | 1 };
}

/** A minimal zip writer (stored or deflated entries, central directory) for building test archives. */
export function buildZip(entries: Array<{ name: string; data: Buffer | string; deflate?: boolean }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const { time, date } = dosTime();
  for (const entry of entries) {
    const data = Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data);
    const compressed = entry.deflate ? deflateRawSync(data) : data;
    const name = Buffer.from(entry.name, 'utf8');
    const crc = crc32(data.toString('latin1'));
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(entry.deflate ? 8 : 0, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, compressed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(entry.deflate ? 8 : 0, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A minimal ustar writer; names over 100 bytes use a GNU long-name record. */
export function buildTar(entries: Array<{ name: string; data: Buffer | string; type?: string }>): Buffer {
  const blocks: Buffer[] = [];
  const header = (name: string, size: number, type: string): Buffer => {
    const block = Buffer.alloc(512);
    block.write(name.slice(0, 100), 0, 'utf8');
    block.write('0000644\0', 100, 'latin1');
    block.write('0000000\0', 108, 'latin1');
    block.write('0000000\0', 116, 'latin1');
    block.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'latin1');
    block.write(
      `${Math.floor(Date.UTC(2026, 0, 1) / 1000)
        .toString(8)
        .padStart(11, '0')}\0`,
      136,
      'latin1',
    );
    block.write('        ', 148, 'latin1');
    block.write(type, 156, 'latin1');
    block.write('ustar\0', 257, 'latin1');
    block.write('00', 263, 'latin1');
    let sum = 0;
    for (const byte of block) sum += byte;
    block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
    return block;
  };
  const pad = (data: Buffer): Buffer => Buffer.concat([data, Buffer.alloc((512 - (data.length % 512)) % 512)]);
  for (const entry of entries) {
    const data = Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data);
    if (Buffer.byteLength(entry.name) > 100) {
      const longName = Buffer.from(`${entry.name}\0`);
      blocks.push(header('././@LongLink', longName.length, 'L'), pad(longName));
    }
    blocks.push(header(entry.name, data.length, entry.type ?? '0'), pad(data));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}
