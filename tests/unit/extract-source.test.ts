/**
 * Canonical sources: however the text names a claimant, in either language,
 * it is one source. The cases are phrasings of this test's own; the blind
 * corpora measure the table on reporting it was not written for.
 */
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../src/shared/extract/claims.js';
import { canonicalSource } from '../../src/shared/extract/source.js';
import {
  SOURCE_IDS,
  SOURCE_TABLE,
} from '../../src/shared/extract/lexicon/source-table.js';

const CASES: ReadonlyArray<readonly [string, string | null]> = [
  ['südkoreanischer Geheimdienst', 'kr-nis'],
  ['der Nachrichtendienst in Seoul', 'kr-nis'],
  ['NIS', 'kr-nis'],
  ["Seoul's spy agency", 'kr-nis'],
  ['the National Intelligence Service', 'kr-nis'],
  ['Südkoreas Vereinigter Generalstab', 'kr-jcs'],
  ['a spokesman for the JCS', 'kr-jcs'],
  ['das Verteidigungsministerium in Seoul', 'kr-mnd'],
  ['Pentagon-Sprecher Pat Ryder', 'us-dod'],
  ['the US Defense Department', 'us-dod'],
  ['das US-Verteidigungsministerium', 'us-dod'],
  ['US-Beamte', 'us-gov'],
  ['White House spokesman John Kirby', 'us-gov'],
  ['HUR', 'ua-hur'],
  ['der ukrainische Militärgeheimdienst', 'ua-hur'],
  ["Ukraine's GUR", 'ua-hur'],
  ['Präsident Selenskyj', 'ua-president'],
  ['Volodymyr Zelensky', 'ua-president'],
  ['der ukrainische Generalstab', 'ua-gov'],
  ['Kyiv', 'ua-gov'],
  ['Kremlsprecher Peskow', 'ru-kremlin'],
  ['the Kremlin', 'ru-kremlin'],
  ['NATO-Chef Rutte', 'nato'],
  ['the alliance chief Mark Rutte', 'nato'],
  ['das britische Verteidigungsministerium', 'uk-mod'],
  ['British military intelligence', 'uk-mod'],
  ['the Institute for the Study of War', 'isw'],
  ['die Nachrichtenagentur Yonhap', 'media'],
  ['KCNA', 'kp-gov'],
  ['Russlands Außenminister Lawrow', 'ru-gov'],
  ['the Russian defence ministry', 'ru-gov'],
  ['ein Abgeordneter in Seoul', 'kr-gov'],
  ['South Korean lawmakers', 'kr-gov'],
  ['the head of the Defense Intelligence Agency', 'us-dod'],
  ['a senior Biden administration official', 'us-gov'],
  ['das Weisse Haus', 'us-gov'],
  ['the Office of the Director of National Intelligence', 'us-gov'],
  ['London', 'uk-mod'],
  ['die Briten', 'uk-mod'],
  ['die Allianz', 'nato'],
  ['an analyst at a London institute', null],
  ['Western officials', null],
  ['a think tank in Berlin', null],
];

describe('canonicalSource', () => {
  it.each(CASES)('%s → %s', (attribution, id) => {
    expect(canonicalSource(attribution)?.id ?? null).toBe(id);
  });

  it('no attribution, no source', () => {
    expect(canonicalSource(null)).toBeNull();
  });

  it('gives the name and country of the table entry', () => {
    expect(canonicalSource('NIS')).toEqual({
      id: 'kr-nis',
      name: 'South Korean intelligence (NIS)',
      country: 'KR',
    });
  });

  it('every id of the table is unique and covered by a case', () => {
    expect(new Set(SOURCE_IDS).size).toBe(SOURCE_TABLE.length);
    const covered = new Set(CASES.map(([, id]) => id));
    expect(SOURCE_IDS.filter((id) => !covered.has(id))).toEqual([]);
  });
});

// A claimant the text names without its agency or country: the source is
// read from the rest of the passage.
const IN_CONTEXT: ReadonlyArray<readonly [string, string]> = [
  // The same person named in full elsewhere.
  [
    'Pentagon press secretary Sabrina Singh spoke on Monday. Singh said about 11,000 North Korean troops were in Kursk.',
    'us-dod',
  ],
  [
    'Das sagte Yu Yong-weon, Abgeordneter im Geheimdienstausschuss in Seoul. Yu zufolge wurden mindestens 500 nordkoreanische Soldaten getötet.',
    'kr-gov',
  ],
  // An agency of the same kind named in the next sentence.
  [
    'Another 2,500 North Korean troops reached Russia, the spy agency told lawmakers. The NIS had put the first group at 11,000.',
    'kr-nis',
  ],
  // A country of two words before an institution.
  [
    'South Korean lawmakers left the briefing; the intelligence service said that about 1,500 North Korean troops had been killed.',
    'kr-nis',
  ],
];

describe('sources from the passage', () => {
  it.each(IN_CONTEXT)('%s → %s', (text, id) => {
    const first = extractClaims(text)[0];
    expect(first?.source?.id ?? null).toBe(id);
  });

  it('a government named only as a country is no agency named later', () => {
    const [claim] = extractClaims(
      'The ministry says about 3,000 North Korean soldiers are in Kursk. Seoul has not commented.',
    );
    expect(claim?.source).toBeNull();
  });
});

// The claimant behind a document is who read or holds it; a speaker of
// the sentence comes first.
const BEHIND_DOCUMENTS: ReadonlyArray<readonly [string, string]> = [
  [
    'Russian visa records analysed by Nikkei Asia show that more than 2,000 North Koreans received work permits.',
    'Nikkei Asia',
  ],
  [
    'Satellite images reviewed by the Institute for the Study of War show about 1,000 North Korean soldiers at a camp.',
    'Institute for the Study of War',
  ],
  [
    'Dokumente, die dem »Spiegel« vorliegen, nennen 3.000 nordkoreanische Soldaten für eine zweite Welle.',
    'Spiegel',
  ],
  [
    'Von der Denkfabrik ISW ausgewertete Aufnahmen zeigen etwa 800 nordkoreanische Soldaten auf einem Übungsplatz.',
    'Denkfabrik ISW',
  ],
];

describe('claimants behind documents', () => {
  it.each(BEHIND_DOCUMENTS)('%s → %s', (text, who) => {
    expect(extractClaims(text)[0]?.attribution).toContain(who);
  });

  it('who released a video is not who speaks in it', () => {
    const [claim] = extractClaims(
      'In a video released by the SBU, the prisoner said his battalion had left North Korea with some 400 men.',
    );
    expect(claim?.attribution ?? '').not.toContain('SBU');
  });
});

describe('numbers that are no counts', () => {
  it.each([
    'Die Bundesregierung verweist auf die schriftliche Frage Nr. 9/142 und auf Berichte über nordkoreanische Soldaten.',
    'Resolution No. 2397 bans North Korean workers abroad, and North Korean soldiers are in Russia.',
    'Mehr als 1.000 Söldner aus afrikanischen und asiatischen Ländern kämpfen neben nordkoreanischen Soldaten.',
  ])('%s', (text) => {
    expect(extractClaims(text)).toEqual([]);
  });
});

describe('speakers of transcripts and headers', () => {
  it('a speaker with a seat in brackets opens a turn', () => {
    const claims = extractClaims(
      'Mr. Nebenzia (Russian Federation): I will not comment on these inventions. Mr. Kariuki (United Kingdom): Madam President, some 11,000 North Korean troops have been sent to fight in Kursk.',
    );
    expect(claims.map((c) => [c.value, c.attribution, c.source?.id])).toEqual([
      [11000, 'Mr. Kariuki (United Kingdom)', 'uk-mod'],
    ]);
  });

  it.each([
    'Subject: North Korean forces in Russia. Reports indicate that some 12,000 North Korean soldiers are deployed in the Kursk region.',
    'Betreff: Nordkoreanische Truppen. Berichten zufolge sind rund 11.000 nordkoreanische Soldaten in Russland.',
  ])('a header names no one: %s', (text) => {
    const [claim] = extractClaims(text);
    expect(claim?.attribution).toBeNull();
  });
});
