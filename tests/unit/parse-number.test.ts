import { describe, expect, it } from 'vitest';
import {
  findNumbers,
  parseGermanNumberWord,
  parseNumber,
} from '../../src/shared/extract/number/parse.js';

describe('parseNumber', () => {
  it.each([
    { name: 'German grouping', input: '12.000', value: 12000 },
    { name: 'English grouping', input: '12,000', value: 12000 },
    { name: 'space grouping', input: '12 000', value: 12000 },
    { name: 'thin space grouping', input: '12\u2009000', value: 12000 },
    { name: 'narrow no-break space', input: '12\u202f000', value: 12000 },
    { name: 'no-break space', input: '12\u00a0000', value: 12000 },
    { name: 'millions grouped', input: '1.200.000', value: 1200000 },
    { name: 'German decimal + scale', input: '1,2 Millionen', value: 1200000 },
    { name: 'English decimal + scale', input: '1.5 million', value: 1500000 },
    { name: 'Tsd. abbreviation', input: '3,5 Tsd.', value: 3500 },
    { name: 'k suffix', input: '12k', value: 12000 },
    { name: 'German word', input: 'zehn', value: 10 },
    { name: 'German compound', input: 'zwölftausend', value: 12000 },
    { name: 'German compound 2', input: 'dreitausendfünfhundert', value: 3500 },
    { name: 'German und-compound', input: 'fünfundzwanzig', value: 25 },
    { name: 'German word + scale', input: 'zwei Millionen', value: 2000000 },
    { name: 'English words', input: 'two thousand', value: 2000 },
    { name: 'a dozen', input: 'a dozen', value: 12 },
    { name: 'ten', input: 'ten', value: 10 },
    { name: 'fifteen hundred', input: 'fifteen hundred', value: 1500 },
    { name: 'hyphenated', input: 'twenty-five', value: 25 },
    { name: 'and-joined', input: 'two hundred and fifty', value: 250 },
    { name: 'German range', input: '10.000 bis 12.000', value: 12000 },
    { name: 'garbage', input: 'Soldaten', value: null },
    { name: 'two numbers', input: '3 und 4', value: null },
    { name: 'bare plural', input: 'Tausende', value: null },
    {
      name: 'anderthalb + scale',
      input: 'anderthalb Millionen',
      value: 1500000,
    },
    { name: 'anderthalbtausend', input: 'anderthalbtausend', value: 1500 },
    { name: 'zweieinhalbtausend', input: 'zweieinhalbtausend', value: 2500 },
    { name: 'ein Dutzend', input: 'ein Dutzend', value: 12 },
    { name: 'a couple of', input: 'a couple of', value: 2 },
    { name: 'half a dozen', input: 'half a dozen', value: 6 },
    { name: 'a couple of hundred', input: 'a couple of hundred', value: 200 },
    { name: 'bare article', input: 'eine', value: null },
  ])('$name', ({ input, value }) => {
    expect(parseNumber(input)).toBe(value);
  });
});

describe('parseGermanNumberWord', () => {
  it.each([
    { name: 'Zehntausende is vague', input: 'Zehntausende', value: null },
    { name: 'Einsatz is a word', input: 'Einsatz', value: null },
    { name: 'bare ein is an article', input: 'ein', value: null },
    { name: 'hunderttausend', input: 'hunderttausend', value: 100000 },
    { name: 'einundzwanzig', input: 'Einundzwanzig', value: 21 },
  ])('$name', ({ input, value }) => {
    expect(parseGermanNumberWord(input)).toBe(value);
  });
});

describe('findNumbers ranges', () => {
  it.each([
    {
      name: 'bis',
      input: '10.000 bis 12.000 Soldaten',
      low: 10000,
      high: 12000,
    },
    {
      name: 'zwischen … und',
      input: 'zwischen 10.000 und 12.000',
      low: 10000,
      high: 12000,
    },
    { name: 'hyphen', input: '10,000-12,000 troops', low: 10000, high: 12000 },
    { name: 'en dash', input: '10.000–12.000', low: 10000, high: 12000 },
    { name: 'to', input: '10,000 to 12,000', low: 10000, high: 12000 },
    {
      name: 'between … and',
      input: 'between 10,000 and 12,000',
      low: 10000,
      high: 12000,
    },
    {
      name: 'shared scale',
      input: '10 bis 12 Millionen',
      low: 10e6,
      high: 12e6,
    },
  ])('$name', ({ input, low, high }) => {
    const found = findNumbers(input);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ low, high, value: high, kind: 'count' });
  });
});

describe('findNumbers kinds', () => {
  it.each([
    { name: 'German date', input: 'am 24. Oktober', text: '24', kind: 'date' },
    {
      name: 'date with year',
      input: '23. November 2024',
      text: '2024',
      kind: 'date',
    },
    { name: 'English date', input: 'on October 24', text: '24', kind: 'date' },
    { name: 'day month', input: 'on 3 November', text: '3', kind: 'date' },
    {
      name: 'numeric date',
      input: 'am 24.10.2024',
      text: '24.10.2024',
      kind: 'date',
    },
    { name: 'year after seit', input: 'seit 1953', text: '1953', kind: 'year' },
    {
      name: 'year at sentence end',
      input: 'in 2024.',
      text: '2024',
      kind: 'year',
    },
    { name: 'time', input: 'um 14:30 Uhr', text: '14:30', kind: 'time' },
    { name: 'time with Uhr', input: 'um 10 Uhr', text: '10', kind: 'time' },
    {
      name: 'English ordinal',
      input: 'the 3rd brigade',
      text: '3rd',
      kind: 'ordinal',
    },
    {
      name: 'German ordinal',
      input: 'die 3. Armee',
      text: '3',
      kind: 'ordinal',
    },
    { name: 'percent sign', input: '50 % mehr', text: '50', kind: 'percent' },
    { name: 'percent word', input: '5 Prozent', text: '5', kind: 'percent' },
    { name: 'dollars', input: '$2 billion', text: '2 billion', kind: 'money' },
    { name: 'euros', input: '5 Mio. Euro', text: '5 Mio.', kind: 'money' },
    { name: 'distance', input: '50 km entfernt', text: '50', kind: 'measure' },
    {
      name: 'years of duration',
      input: 'seit 70 Jahren',
      text: '70',
      kind: 'measure',
    },
    {
      name: 'count',
      input: 'rund 12.000 Soldaten',
      text: '12.000',
      kind: 'count',
    },
    {
      name: 'year-like count',
      input: '2000 Soldaten',
      text: '2000',
      kind: 'count',
    },
    {
      name: 'up to 2000 stays a count',
      input: 'up to 2000 troops',
      text: '2000',
      kind: 'count',
    },
    { name: 'list item', input: '\n  2. Politik', text: '2', kind: 'ordinal' },
  ])('$name', ({ input, text, kind }) => {
    const m = findNumbers(input).find((x) => x.text === text);
    expect(m?.kind).toBe(kind);
  });

  it.each([
    { name: 'Tausende', input: 'Tausende Soldaten' },
    { name: 'Millionen von ihnen', input: 'es sind Millionen von ihnen hier' },
    { name: 'thousands', input: 'thousands of troops' },
    { name: 'hundreds', input: 'hundreds of soldiers' },
    { name: 'dozens', input: 'dozens of them' },
    { name: 'Zehntausende', input: 'Zehntausende Kämpfer' },
    { name: 'code i24', input: 'i24 News' },
    { name: 'code Il-96', input: 'eine Il-96' },
  ])('no figure in $name', ({ input }) => {
    expect(findNumbers(input)).toEqual([]);
  });

  it('keeps offsets consistent', () => {
    const input = 'Etwa 12.000 Soldaten, dann 1,5 Mio. Euro und zwölftausend.';
    for (const m of findNumbers(input)) {
      expect(input.slice(m.start, m.end)).toBe(m.text);
    }
  });
});

describe('findNumbers robustness', () => {
  it.each([
    { name: 'grouped digits', unit: '1.000.000.000 ' },
    { name: 'bare digits', unit: '1234567890' },
    { name: 'separators', unit: '.,. ,\u2009' },
    { name: 'number words', unit: 'zwölftausend two thousand ' },
  ])('1 MB of $name finishes fast', ({ unit }) => {
    const input = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const t0 = performance.now();
    findNumbers(input);
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it.each([
    { name: 'empty', input: '' },
    { name: 'not a string', input: 42 as unknown as string },
    { name: 'lone surrogate', input: '\ud800 12 \udfff' },
  ])('never throws on $name', ({ input }) => {
    expect(() => findNumbers(input)).not.toThrow();
  });
});

describe('findNumbers context', () => {
  it.each([
    // A month before a space-grouped figure: a date, then a count.
    {
      name: 'Oct. 12 300',
      input: 'On Oct. 12 300 troops arrived',
      want: [
        ['12', 'date'],
        ['300', 'count'],
      ],
    },
    {
      name: '12 300 elsewhere',
      input: 'They sent 12 300 troops',
      want: [['12 300', 'count']],
    },
    // "number" as a verb before a scaled figure is no label.
    {
      name: 'troops number 12k',
      input: 'troops now number 12k',
      want: [['12k', 'count']],
    },
    {
      name: 'Resolution 2231',
      input: 'Resolution 2231 applies',
      want: [['2231', 'label']],
    },
    // "mehrere Tausend" is vague: no figure at all.
    { name: 'mehrere Tausend', input: 'mehrere Tausend Soldaten', want: [] },
    { name: 'several hundred', input: 'several hundred troops', want: [] },
  ])('$name', ({ input, want }) => {
    expect(findNumbers(input).map((m) => [m.text, m.kind])).toEqual(want);
  });
});
