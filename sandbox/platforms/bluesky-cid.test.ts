// The record CIDs against the atproto interop test vectors (github.com/bluesky-social/
// atproto-interop-tests, data-model/data-model-fixtures.json, CC0): the same JSON gives the same
// DAG-CBOR bytes and CID as every other atproto implementation.
import { describe, expect, it } from 'vitest';
import { blobCid, encodeDagCbor, parseCid, recordCid, tid } from './bluesky-cid';

const FIXTURES = [
  {
    json: {
      string: 'abc',
      unicode: 'a~öñ©⽘☎𓋓😀👨‍👩‍👧‍👧',
      integer: 123,
      bool: true,
      null: null,
      array: ['abc', 'def', 'ghi'],
      object: { string: 'abc', number: 123, bool: true, arr: ['abc', 'def', 'ghi'] },
    },
    cbor_base64:
      'p2Rib29s9WRudWxs9mVhcnJheYNjYWJjY2RlZmNnaGlmb2JqZWN0pGNhcnKDY2FiY2NkZWZjZ2hpZGJvb2z1Zm51bWJlchh7ZnN0cmluZ2NhYmNmc3RyaW5nY2FiY2dpbnRlZ2VyGHtndW5pY29kZXgvYX7DtsOxwqnivZjimI7wk4uT8J+YgPCfkajigI3wn5Gp4oCN8J+Rp+KAjfCfkac',
    cid: 'bafyreiclp443lavogvhj3d2ob2cxbfuscni2k5jk7bebjzg7khl3esabwq',
  },
  {
    json: {
      a: { $link: 'bafyreidfayvfuwqa7qlnopdjiqrxzs6blmoeu4rujcjtnci5beludirz2a' },
      b: { $bytes: 'nFERjvLLiw9qm45JrqH9QTzyC2Lu1Xb4ne6+sBrCzI0' },
      c: {
        $type: 'blob',
        ref: { $link: 'bafkreiccldh766hwcnuxnf2wh6jgzepf2nlu2lvcllt63eww5p6chi4ity' },
        mimeType: 'image/jpeg',
        size: 10000,
      },
    },
    cbor_base64:
      'o2Fh2CpYJQABcRIgZQYqWloA/BbXPGlEI3zLwVscSnI0SJM2iR0JF0GiOdBhYlggnFERjvLLiw9qm45JrqH9QTzyC2Lu1Xb4ne6+sBrCzI1hY6RjcmVm2CpYJQABVRIgQljP/3j2E2l2l1Y/kmyR5dNXTS6iWuftktbr/COjiJ5kc2l6ZRknEGUkdHlwZWRibG9iaG1pbWVUeXBlamltYWdlL2pwZWc',
    cid: 'bafyreihldkhcwijkde7gx4rpkkuw7pl6lbyu5gieunyc7ihactn5bkd2nm',
  },
];

describe('record CIDs', () => {
  it.each(FIXTURES)(
    'encodes $cid as every atproto implementation does',
    ({ json, cbor_base64, cid }) => {
      expect(encodeDagCbor(json).toString('base64').replace(/=+$/, '')).toBe(cbor_base64);
      expect(recordCid(json)).toBe(cid);
    },
  );

  it('gives blobs raw CIDs, and reads a CID back to its bytes', () => {
    expect(blobCid(Buffer.from('hello'))).toMatch(/^bafkrei[a-z2-7]{52}$/);
    expect(parseCid('bafyreidfayvfuwqa7qlnopdjiqrxzs6blmoeu4rujcjtnci5beludirz2a')).toHaveLength(
      36,
    );
    expect(parseCid('bafyrei0123456789abcdef')).toBeNull();
  });

  it('refuses floats, which the atproto data model does not have', () => {
    expect(() => encodeDagCbor({ ratio: 0.5 })).toThrow(TypeError);
  });
});

describe('TIDs', () => {
  it('are 13 sortable base32 characters with the top bit clear, ordered as their times', () => {
    const early = tid(1_700_000_000_000_000n, 0);
    const late = tid(1_700_000_000_000_001n, 0);
    expect(early).toMatch(/^[234567a-j][234567a-z]{12}$/);
    expect(early < late).toBe(true);
    expect(tid(0n, 0)).toBe('2222222222222');
  });
});
