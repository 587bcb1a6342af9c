import { describe, expect, it } from 'vitest';
import {
  attributionMatches,
  sameClaimant,
  scorePassage,
  scorePassages,
  toMetrics,
  type GoldClaim,
  type Miss,
  type Passage,
  type Predicted,
} from '../../src/eval/score-claims.js';

const gold = (over: Partial<GoldClaim> = {}): GoldClaim => ({
  value: 12000,
  low: null,
  high: null,
  qualifier: 'approx',
  unit: 'soldiers',
  event: 'deployed',
  attribution: 'NIS',
  optional: false,
  ...over,
});
const pred = (over: Partial<Predicted> = {}): Predicted => ({
  value: 12000,
  unit: 'soldiers',
  qualifier: 'approx',
  event: 'deployed',
  attribution: 'NIS',
  text: 'rund 12.000 Soldaten',
  ...over,
});
const passage = (claims: GoldClaim[]): Passage => ({
  id: 'p1',
  lang: 'de',
  text: 'x',
  claims,
});

describe('attributionMatches', () => {
  it.each([
    { g: null, p: null, ok: true },
    { g: 'NIS', p: null, ok: false },
    { g: null, p: 'NIS', ok: false },
    { g: 'NIS', p: 'the NIS', ok: true },
    { g: 'südkoreanischer Geheimdienst NIS', p: 'NIS', ok: true },
    // German inflection: common prefix of at least five letters.
    {
      g: 'südkoreanischer Geheimdienst',
      p: 'südkoreanischen Geheimdienstes',
      ok: true,
    },
    {
      g: "Seoul's Joint Chiefs of Staff",
      p: 'Joint Chiefs of Staff',
      ok: true,
    },
    { g: 'Pentagon (Sabrina Singh)', p: 'Sabrina Singh', ok: true },
    { g: 'Pentagon', p: 'Kremlin', ok: false },
    { g: 'John Kirby', p: 'Lloyd Austin', ok: false },
    // Short words need an exact match, not a shared prefix.
    { g: 'US', p: 'USA officials', ok: false },
  ])('$g ~ $p → $ok', ({ g, p, ok }) => {
    expect(attributionMatches(g, p)).toBe(ok);
  });
});

describe('sameClaimant', () => {
  const src = (id: string) => ({ id });
  it.each([
    // Another name of one agency of the table.
    { g: 'der Geheimdienst', gs: 'kr-nis', p: 'NIS', ps: 'kr-nis', ok: true },
    { g: 'The agency', gs: 'ua-hur', p: 'HUR', ps: 'ua-hur', ok: true },
    // A government or the media are many voices, not one claimant.
    { g: 'Seoul', gs: 'kr-gov', p: 'lawmaker Lee', ps: 'kr-gov', ok: false },
    { g: 'Yonhap', gs: 'media', p: 'CNN', ps: 'media', ok: false },
    // Different agencies of one country.
    { g: 'NIS', gs: 'kr-nis', p: 'JCS', ps: 'kr-jcs', ok: false },
    // A label without a source names no agency of the table.
    { g: 'the battalion', gs: null, p: 'NIS', ps: 'kr-nis', ok: false },
  ])('$g ~ $p → $ok', ({ g, gs, p, ps, ok }) => {
    expect(
      sameClaimant(
        { attribution: g, source: gs },
        { attribution: p, source: src(ps) },
      ),
    ).toBe(ok);
  });

  it('an older label without a source field is read with the table', () => {
    expect(
      sameClaimant(
        { attribution: 'the spy agency in Seoul' },
        { attribution: 'NIS', source: { id: 'kr-nis' } },
      ),
    ).toBe(true);
  });
});

describe('scorePassage', () => {
  it('counts a correct figure as TP with all fields right', () => {
    const c = scorePassage(passage([gold()]), [pred()]);
    expect(c).toMatchObject({
      gold: 1,
      tp: 1,
      fp: 0,
      fn: 0,
      qualifierOk: 1,
      eventOk: 1,
      attributionOk: 1,
    });
  });

  it('counts misses and spurious figures by (value, unit)', () => {
    const misses: Miss[] = [];
    const c = scorePassage(
      passage([gold()]),
      [pred({ unit: 'workers' })],
      misses,
    );
    expect(c).toMatchObject({ tp: 0, fp: 1, fn: 1 });
    expect(misses.map((m) => m.kind).sort()).toEqual(['fn', 'fp']);
  });

  it('counts duplicate predictions of one figure once', () => {
    const c = scorePassage(passage([]), [pred(), pred({ text: 'again' })]);
    expect(c.fp).toBe(1);
  });

  it('accepts the field if any duplicate matches', () => {
    const c = scorePassage(passage([gold()]), [
      pred({ qualifier: 'exact', event: 'killed', attribution: null }),
      pred(),
    ]);
    expect(c).toMatchObject({
      tp: 1,
      qualifierOk: 1,
      eventOk: 1,
      attributionOk: 1,
    });
  });

  it('compares event classes: training matches deployed', () => {
    const c = scorePassage(passage([gold({ event: 'training' })]), [pred()]);
    expect(c.eventOk).toBe(1);
    const d = scorePassage(passage([gold({ event: 'killed' })]), [
      pred({ event: 'wounded' }),
    ]);
    expect(d.eventOk).toBe(0);
  });

  it('treats optional gold as neither TP, FP nor FN', () => {
    const opt = gold({ value: 10, unit: 'officers', optional: true });
    expect(
      scorePassage(passage([opt]), [pred({ value: 10, unit: 'officers' })]),
    ).toMatchObject({ gold: 0, tp: 0, fp: 0, fn: 0 });
    expect(scorePassage(passage([opt]), [])).toMatchObject({
      gold: 0,
      tp: 0,
      fp: 0,
      fn: 0,
    });
  });

  it('records wrong fields as misses', () => {
    const misses: Miss[] = [];
    scorePassage(passage([gold()]), [pred({ qualifier: 'exact' })], misses);
    expect(misses).toEqual([
      expect.objectContaining({
        kind: 'qualifier',
        want: 'approx',
        got: ['exact'],
      }),
    ]);
  });
});

describe('metrics', () => {
  it('derives precision, recall and F1', () => {
    const m = toMetrics({
      passages: 2,
      gold: 4,
      tp: 3,
      fp: 1,
      fn: 1,
      qualifierOk: 3,
      eventOk: 2,
      attributionOk: 3,
      sourceGold: 2,
      sourceOk: 1,
    });
    expect(m.precision).toBeCloseTo(0.75);
    expect(m.recall).toBeCloseTo(0.75);
    expect(m.f1).toBeCloseTo(0.75);
    expect(m.source).toBeCloseTo(0.5);
    expect(m.event).toBeCloseTo(2 / 3);
  });

  it('is perfect on empty input', () => {
    expect(scorePassages([], () => [])).toMatchObject({ f1: 1, precision: 1 });
  });

  it('is zero when nothing matches', () => {
    const m = scorePassages([passage([gold()])], () => [pred({ value: 1 })]);
    expect(m).toMatchObject({ f1: 0, tp: 0, fp: 1, fn: 1 });
  });
});
