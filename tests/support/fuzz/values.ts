// The raw material of bad input: strings that have broken web apps before (NUL, lone
// surrogates, huge, right-to-left, look-alike numbers and times), values of the wrong type, and
// objects that try to pollute a prototype. Shared by the API and server action fuzz suites.
import fc from 'fast-check';

/** Strings a person or a script could send; each has broken something somewhere. */
export const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u202eevil',
  '\u200b',
  '\ufeff',
  'ｆｕｌｌｗｉｄｔｈ',
  'Ťêśť ünïcödé',
  '👩🏽‍💻🏳️‍🌈',
  '\r\n\t',
  '%00',
  '%',
  '%E0%A4%A',
  '../../../../etc/passwd',
  "' OR 1=1 --",
  '"; DROP TABLE posts; --',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '$undefined',
  '$$',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'true',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e309',
  '0x10',
  ' 1 ',
  '9'.repeat(40),
  '2026-03-29T01:30:00+01:00',
  '2026-10-25T01:30:00',
  '2026-02-30T09:00:00Z',
  '9999-12-31T23:59:59Z',
  '+275760-09-13T00:00:00.000Z',
  '-000001-01-01T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '1970-01-01T00:00:00Z',
  '24:00',
  '23:60',
  'x'.repeat(257),
  'é'.repeat(5001),
];

/** A huge string (100,000 characters): bigger than any field allows, smaller than the body cap. */
export const HUGE_STRING = 'ab\u00e9\u{1F600}'.repeat(20_000);

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constant(HUGE_STRING) },
);

/** Objects whose keys try to reach Object.prototype when merged or copied naively. */
export const pollutingObject: fc.Arbitrary<object> = fc.constantFrom(
  JSON.parse('{"__proto__": {"polluted": true, "role": "admin"}}') as object,
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}') as object,
  JSON.parse('{"__proto__": null, "toString": 1, "valueOf": "x", "hasOwnProperty": []}') as object,
);

const deeplyNested = (depth: number): unknown => {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level++) value = level % 2 ? [value] : { a: value };
  return value;
};

/** A value of any JSON type, or a known troublemaker: what arrives where an object was wanted. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: nastyString },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(null, true, false, 0, -1, -0, 1.5, 1e308, 2 ** 53, [], {}),
  },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: pollutingObject },
  { weight: 1, arbitrary: fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constant(deeplyNested(500)) },
);
