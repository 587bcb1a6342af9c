/**
 * Canonical sources: however the text names a claimant, in either language,
 * it is one source. The cases are phrasings of this test's own; the blind
 * corpora measure the table on reporting it was not written for.
 */
import { describe, expect, it } from 'vitest';
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
