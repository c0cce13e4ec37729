// The identifiers atproto clients check (atproto.com/specs/data-model, /specs/tid): CIDv1 with a
// SHA-256 multihash, base32 (multibase `b`) — DAG-CBOR for records (`bafyrei…`), raw for blobs
// (`bafkrei…`) — computed from the record's canonical DAG-CBOR, and TIDs: 53 bits of microseconds
// and 10 of clock id in 13 sortable base32 characters.
import { createHash } from 'node:crypto';

const DAG_CBOR = 0x71;
const RAW = 0x55;
const SHA_256 = 0x12;
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
const SORTABLE = '234567abcdefghijklmnopqrstuvwxyz';

/** The CID of a record in atproto's JSON form ($link and $bytes objects as links and bytes). */
export function recordCid(record: unknown): string {
  return cidString(DAG_CBOR, encodeDagCbor(record));
}

/** The CID of a blob's bytes. */
export function blobCid(bytes: Uint8Array): string {
  return cidString(RAW, bytes);
}

function cidBytes(codec: number, data: Uint8Array): Buffer {
  const digest = createHash('sha256').update(data).digest();
  return Buffer.concat([Buffer.from([0x01, codec, SHA_256, digest.length]), digest]);
}

function cidString(codec: number, data: Uint8Array): string {
  return `b${base32(cidBytes(codec, data))}`;
}

function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** A CID string's bytes, or null when it is not a base32 CIDv1. */
export function parseCid(cid: string): Buffer | null {
  if (!/^b[a-z2-7]+$/.test(cid)) return null;
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of cid.slice(1)) {
    value = (value << 5) | BASE32.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  const bytes = Buffer.from(out);
  return bytes[0] === 0x01 && bytes[2] === SHA_256 && bytes[3] === 32 && bytes.length === 36
    ? bytes
    : null;
}

/** Canonical DAG-CBOR: shortest integer forms, map keys sorted by length then bytes, CIDs as tag 42. */
export function encodeDagCbor(value: unknown): Buffer {
  const chunks: Buffer[] = [];
  write(value, chunks);
  return Buffer.concat(chunks);
}

function write(value: unknown, out: Buffer[]): void {
  if (value === null) return void out.push(Buffer.from([0xf6]));
  if (value === true || value === false) return void out.push(Buffer.from([value ? 0xf5 : 0xf4]));
  if (typeof value === 'number') {
    // The atproto data model has no floats.
    if (!Number.isSafeInteger(value)) throw new TypeError(`${value} is not an integer`);
    return void out.push(value >= 0 ? head(0, value) : head(1, -1 - value));
  }
  if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8');
    return void out.push(head(3, bytes.length), bytes);
  }
  if (Array.isArray(value)) {
    out.push(head(4, value.length));
    for (const item of value) write(item, out);
    return;
  }
  if (typeof value !== 'object' || value === undefined)
    throw new TypeError(`cannot encode ${typeof value}`);
  const entries = Object.entries(value).filter(([, item]) => item !== undefined);
  const [only] = entries;
  if (entries.length === 1 && only?.[0] === '$link' && typeof only[1] === 'string') {
    const cid = parseCid(only[1]);
    if (!cid) throw new TypeError(`${only[1]} is not a CID`);
    const link = Buffer.concat([Buffer.from([0x00]), cid]);
    return void out.push(Buffer.from([0xd8, 42]), head(2, link.length), link);
  }
  if (entries.length === 1 && only?.[0] === '$bytes' && typeof only[1] === 'string') {
    const bytes = Buffer.from(only[1], 'base64');
    return void out.push(head(2, bytes.length), bytes);
  }
  const sorted = entries
    .map(([key, item]) => [Buffer.from(key, 'utf8'), item] as const)
    .sort(([a], [b]) => a.length - b.length || Buffer.compare(a, b));
  out.push(head(5, sorted.length));
  for (const [key, item] of sorted) {
    out.push(head(3, key.length), key);
    write(item, out);
  }
}

function head(major: number, length: number): Buffer {
  const type = major << 5;
  if (length < 24) return Buffer.from([type | length]);
  if (length < 0x100) return Buffer.from([type | 24, length]);
  if (length < 0x10000) return Buffer.from([type | 25, length >> 8, length & 255]);
  if (length < 0x100000000) {
    const buffer = Buffer.alloc(5);
    buffer[0] = type | 26;
    buffer.writeUInt32BE(length, 1);
    return buffer;
  }
  const buffer = Buffer.alloc(9);
  buffer[0] = type | 27;
  buffer.writeBigUInt64BE(BigInt(length), 1);
  return buffer;
}

/** A TID for a time in microseconds and a clock id (0–1023). */
export function tid(microseconds: bigint, clockId: number): string {
  let value = (microseconds << 10n) | BigInt(clockId & 1023);
  let out = '';
  for (let i = 0; i < 13; i++) {
    out = SORTABLE[Number(value & 31n)] + out;
    value >>= 5n;
  }
  return out;
}
