// Inputs shaped by a route's or action's own zod schema (through its JSON Schema), so the fuzzer
// gets past validation and into the lib function that decides: mostly well-formed values whose
// strings are real ids, slugs and times of the test database, and whose leaves are sometimes
// swapped for bad ones, keys dropped or unknown keys added.
import fc from 'fast-check';
import { z } from 'zod';
import { type KnownByTable, knownFor } from './known-values';
import { hostileValue, nastyString, pollutingObject } from './values';

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  examples?: unknown[];
  description?: string;
};

/** Strings worth trying where the schema asks for one: the test database's ids and names. */
export interface KnownValues {
  byTable: KnownByTable;
  /** The moment the run started: times are generated around it, where scheduling rules bite. */
  now: Date;
}

const DAY = 24 * 60 * 60 * 1000;

function timeNear(known: KnownValues): fc.Arbitrary<string> {
  const now = known.now.getTime();
  const instant = fc.oneof(
    fc.integer({ min: -2 * DAY, max: 60 * DAY }).map((offset) => now + offset),
    fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) }),
  );
  const zone = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('Z', '+01:00', '-05:00') },
    { weight: 1, arbitrary: fc.constant('') },
  );
  return fc.tuple(instant, zone).map(([ms, zone]) => {
    const iso = new Date(ms).toISOString();
    return zone === 'Z' ? iso : `${iso.slice(0, 19)}${zone}`;
  });
}

/** The first value nearly always, else one of the others (each all but valid). */
const mostly = (usual: string, ...others: string[]) =>
  fc.oneof({ weight: 40, arbitrary: fc.constant(usual) }, fc.constantFrom(...others));

/** What a field's name says it holds, where its schema cannot (a refinement, a union). */
const NAME_HINTS: [RegExp, (known: KnownValues) => fc.Arbitrary<string>][] = [
  [/At$/, timeNear],
  [/^date$/, (known) => timeNear(known).map((time) => time.slice(0, 10))],
  [
    /^time$/,
    () =>
      fc
        .tuple(fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 60 }))
        .map(([hour, minute]) => `${hour}`.padStart(2, '0') + ':' + `${minute}`.padStart(2, '0')),
  ],
  [/phone/i, () => mostly('0808 1000 900', '+44 808 1000 900', '999')],
  [
    /url$/i,
    () => mostly('https://www.stopitnow.org.uk/', 'https://example.org/help?x=1', 'http://x'),
  ],
  // A signpost wording: its template must name the phone and the link.
  [/^(full|short)$/, () => mostly('Call {phone} or visit {url}', '{phone} {url} {x}')],
];

/** A string for a field named `name`: mostly one the schema accepts, sometimes a nasty one. */
function stringFor(schema: JsonSchema, name: string, known: KnownValues): fc.Arbitrary<string> {
  const pattern = schema.pattern ? new RegExp(schema.pattern) : null;
  const fits = (value: string) =>
    value.length >= (schema.minLength ?? 0) &&
    value.length <= (schema.maxLength ?? Infinity) &&
    (!pattern || pattern.test(value));
  const hint = NAME_HINTS.find(([pattern]) => pattern.test(name));
  if (hint) return fc.oneof({ weight: 20, arbitrary: hint[1](known) }, nastyString);
  const candidates: fc.WeightedArbitrary<string>[] = [{ weight: 1, arbitrary: nastyString }];
  const pool = [...knownFor(name, known.byTable), ...(schema.examples ?? []).map(String)].filter(
    fits,
  );
  if (pool.length > 0) candidates.push({ weight: 5, arbitrary: fc.constantFrom(...pool) });
  if (schema.format === 'date-time') candidates.push({ weight: 6, arbitrary: timeNear(known) });
  else if (schema.format === 'date')
    candidates.push({ weight: 6, arbitrary: timeNear(known).map((time) => time.slice(0, 10)) });
  else if (schema.format === 'email') candidates.push({ weight: 4, arbitrary: fc.emailAddress() });
  else if (schema.format === 'uri' || schema.format === 'url')
    candidates.push({ weight: 6, arbitrary: fc.webUrl() });
  else if (pattern) candidates.push({ weight: 4, arbitrary: fc.stringMatching(pattern) });
  else
    candidates.push({
      weight: 3,
      arbitrary: fc.string({
        minLength: schema.minLength ?? 0,
        maxLength: Math.max(schema.minLength ?? 0, Math.min(schema.maxLength ?? 60, 60)),
      }),
    });
  return fc.oneof(...candidates);
}

function numberFor(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? -1_000_000;
  const max = schema.maximum ?? 1_000_000;
  const inRange = integer ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true });
  return fc.oneof(inRange, fc.constantFrom(min, max, min - 1, max + 1, 0, -1, 1e15));
}

export function arbitraryFor(
  schema: JsonSchema,
  known: KnownValues,
  name = '',
  defs: Record<string, JsonSchema> = schema.$defs ?? {},
): fc.Arbitrary<unknown> {
  const next = (inner: JsonSchema, innerName = name) => arbitraryFor(inner, known, innerName, defs);
  if (schema.$ref) {
    const target = defs[schema.$ref.replace('#/$defs/', '')];
    return target ? next(target) : hostileValue;
  }
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return fc.oneof(...options.map((option) => next(option)));
  if (schema.allOf?.[0]) return next(schema.allOf[0]);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      // An action's argument has no field name; its schema's description gives one (`postId`).
      return stringFor(schema, name || (schema.description ?? ''), known);
    case 'integer':
    case 'number':
      return numberFor(schema, type === 'integer');
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      if (schema.prefixItems) return fc.tuple(...schema.prefixItems.map((item) => next(item)));
      return fc.array(schema.items ? next(schema.items) : hostileValue, {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, 4),
      });
    }
    case 'object': {
      const properties = schema.properties ?? {};
      if (Object.keys(properties).length === 0) {
        const values =
          typeof schema.additionalProperties === 'object'
            ? next(schema.additionalProperties)
            : hostileValue;
        const names = schema.propertyNames?.enum?.map(String);
        // A record over an enum whose every key is required (zod 4's z.record(enum, …)).
        if (names && schema.required?.length)
          return fc.record(
            Object.fromEntries(
              names.map((key) => [
                key,
                next(
                  schema.additionalProperties === true || !schema.additionalProperties
                    ? {}
                    : schema.additionalProperties,
                  key,
                ),
              ]),
            ),
          );
        const keys = names ? fc.constantFrom(...names) : stringFor({}, name, known);
        return fc.dictionary(keys, values, { maxKeys: 3 });
      }
      return fc.record(
        Object.fromEntries(
          Object.entries(properties).map(([key, inner]) => [key, next(inner, key)]),
        ),
        { requiredKeys: (schema.required ?? []).filter((key) => key in properties) },
      );
    }
    default:
      return hostileValue;
  }
}

/** One bad change to a well-formed value: a leaf replaced, a key dropped or an unknown key added. */
function spoil(value: unknown, choice: number, bad: unknown): unknown {
  if (Array.isArray(value)) {
    if (value.length === 0) return [bad];
    const index = choice % value.length;
    return value.map((item, at) =>
      at === index ? spoil(item, Math.floor(choice / 7), bad) : item,
    );
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    const action = choice % 4;
    if (entries.length === 0 || action === 0)
      return {
        ...value,
        [['__proto__', 'constructor', 'unknownField', 'id'][choice % 4] ?? 'x']: bad,
      };
    const [key, inner] = entries[choice % entries.length] ?? [];
    if (key === undefined) return value;
    if (action === 1) return Object.fromEntries(entries.filter(([other]) => other !== key));
    return { ...value, [key]: spoil(inner, Math.floor(choice / 5), bad) };
  }
  return bad;
}

/** Inputs for a zod schema: well-formed, spoiled in one place, or nothing like it at all. */
export function inputFor(schema: z.ZodType, known: KnownValues): fc.Arbitrary<unknown> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const wellFormed = arbitraryFor(json, known);
  return fc.oneof(
    { weight: 8, arbitrary: wellFormed },
    {
      weight: 3,
      arbitrary: fc
        .tuple(wellFormed, fc.nat(), hostileValue)
        .map(([value, choice, bad]) => spoil(value, choice, bad)),
    },
    { weight: 1, arbitrary: pollutingObject },
    { weight: 1, arbitrary: hostileValue },
    { weight: 1, arbitrary: wellFormed.map((value) => [value]) },
  );
}
