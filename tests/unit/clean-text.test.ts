import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import {
  cleanText,
  normalizeText,
  stripBoilerplateLines,
} from '../../src/shared/clean/text.js';

const seed = readFileSync(
  fileURLToPath(
    new URL('../../seeds/001_ab2dd517342f5741.txt', import.meta.url),
  ),
  'utf8',
);

describe('cleanText on seed 001', () => {
  const cleaned = cleanText(seed);
  const lines = cleaned.split('\n');

  it.each(['1. Startseite', '2. Politik', 'Kommentare', 'Auch interessant'])(
    'drops the chrome line %j',
    (chrome) => {
      expect(lines.map((l) => l.trim())).not.toContain(chrome.trim());
      expect(cleaned).not.toContain(chrome);
    },
  );

  it('drops the photo credit but keeps the caption sentence', () => {
    expect(cleaned).not.toContain('© Fotos');
    expect(cleaned).not.toContain('@Harri_Est');
    expect(cleaned).toContain(
      'Mit Truppen aus Kim Jong-uns Nordkorea am russischen Frontabschnitt ' +
        'wird der Ukraine-Konflikt unberechenbarer.',
    );
  });

  // Every source line with a digit is article text and must survive whole.
  const numbered = seed
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /\d/.test(line) && !/^\d+\.\s+\S+$/.test(line))
    .filter((line) => !line.includes('©'));

  it.each(numbered)('keeps %s', (line) => {
    expect(cleaned).toContain(line);
  });

  it.each([
    '2000 Nordkorea-Soldaten haben wohl Putins Training absolviert – für ' +
      'brisanten Einsatz im Ukraine-Krieg',
    'USA besorgt über nordkoreanische Truppenentsendung nach Russland',
    'Moskau will Verteidigungspakt mit Nordkorea zeitnah ratifizieren',
  ])('keeps the heading %s', (heading) => {
    expect(lines).toContain(heading);
  });

  it('keeps the headline first and paragraphs one blank line apart', () => {
    expect(lines[0]).toMatch(/^2000 Nordkorea-Soldaten/);
    expect(cleaned).not.toMatch(/\n{3,}/);
    expect(cleaned).toBe(cleaned.trim());
  });
});

describe('normalizeText', () => {
  it.each([
    { name: 'CRLF and CR', input: 'a\r\nb\rc', expected: 'a\nb\nc' },
    { name: 'NFC', input: 'Su\u0308dkorea', expected: 'Südkorea' },
    {
      name: 'no-break space in a number stays a space',
      input: '12\u00a0000 Soldaten',
      expected: '12 000 Soldaten',
    },
    {
      name: 'narrow no-break and thin spaces stay spaces',
      input: '12\u202f000 und 3\u2009500',
      expected: '12 000 und 3 500',
    },
    {
      name: 'soft hyphen and zero-width characters removed',
      input: 'Trup\u00adpen\u200b\u2060 und\ufeff Sol\u200ddaten',
      expected: 'Truppen und Soldaten',
    },
    {
      name: 'trailing and leading spaces trimmed, runs collapsed',
      input: '  eins   zwei \t \ndrei  ',
      expected: 'eins zwei\ndrei',
    },
    {
      name: 'blank-line runs collapse to one blank line',
      input: '\n\na\n\n\n\n\nb\n \n\t\n \nc\n\n',
      expected: 'a\n\nb\n\nc',
    },
    {
      name: 'single line breaks are kept',
      input: 'a\nb\n\nc',
      expected: 'a\nb\n\nc',
    },
  ])('$name', ({ input, expected }) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('stripBoilerplateLines', () => {
  it.each([
    'Home',
    'Startseite',
    'Kommentare',
    'Kommentare (12)',
    '23 Comments',
    'Comments',
    'Auch interessant',
    'Mehr zum Thema',
    'Read more',
    'Read more…',
    'Related',
    'Share',
    'Teilen',
    'Jetzt teilen',
    'Newsletter',
    'Anzeige',
    'ADVERTISEMENT',
    'Story continues below advertisement',
    'Foto: dpa',
    'Fotos: picture alliance/dpa | Kay Nietfeld',
    'Photo: Reuters',
    'Image credit: Getty Images',
    'Bild: IMAGO/ITAR-TASS',
    '© Fotos: X (Screenshot) | links: @Harri_Est , rechts: @turkiyetodaycom',
    'Lesen Sie auch',
    'Lesen Sie auch: Nordkorea schickt 10.000 weitere Soldaten',
    'Read more: Kim Jong Un visits Moscow',
    'Zum Artikel',
    'Share Tweet Email',
    'Teilen Facebook WhatsApp E-Mail',
    'Home › World › Asia',
    'Startseite > Politik > Ausland',
    '5 min read',
    'Lesezeit: 3 Min.',
    'Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.',
    'This site uses cookies. By continuing you accept our cookie policy.',
    '»',
    // Datelines and bylines
    'Published 4:00 am CST, Wednesday, November 20, 2019',
    'Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM',
    'PUBLISHED: 10:48, Tue, Nov 19, 2019',
    '19.11.2019, 08:57',
    'Stand: 25.10.2024, 14:05 Uhr',
    'Veröffentlicht am 3. November 2024',
    'By Stefan Becket, Kathryn Watson and Grace Segers',
    'By HNN Staff | November 18, 2019 at 2:26 PM HST',
    'Von Max Mustermann',
    'By',
    // Photo furniture
    'Image 1 of 9',
    '1 of 6',
    'Image copyright Getty Images',
    '(Image credit: Blue Origin)',
    'Credit...Doug Mills/The New York Times',
    'Natalie Naccache | Bloomberg | Getty Images',
    'Enlarge Image',
    // Prompts, tags, contact lines
    'Sign up to our newsletter for exclusive updates and enhanced content',
    'Melden Sie sich für unseren Newsletter an.',
    'CLICK HERE TO GET THE FOX NEWS APP',
    'Follow us on Twitter @Spacedotcom and on Facebook.',
    'Tags: stock car, interlagos, calendario',
    'Write to Al Root at allen.root@dowjones.com',
    'SEE MORE: Hong Kong protests: 800 students under siege',
    "DON'T MISS",
  ])('removes %j', (line) => {
    const text = `Erster Satz mit 100 Soldaten.\n\n${line}\n\nLetzter Satz.`;
    expect(stripBoilerplateLines(text)).toBe(
      'Erster Satz mit 100 Soldaten.\n\nLetzter Satz.',
    );
  });

  it.each([
    'Kim said no.',
    'Seoul says 10,000.',
    'Nordkorea',
    'Kursk',
    '10.000',
    'Politik ist kein Spiel.',
    'Russia and North Korea: a new alliance',
    'USA besorgt über nordkoreanische Truppenentsendung nach Russland',
    '2000 Nordkorea-Soldaten haben wohl Putins Training absolviert – für ' +
      'brisanten Einsatz im Ukraine-Krieg',
    'Share of troops rises to 40 percent',
    'Home front: Seoul prepares for more soldiers',
    'Teilen sich die Soldaten die Front mit Russland?',
    'Foto des Tages zeigt 300 Soldaten in Kursk',
    'Source of the estimate was the Pentagon, which said 11,000 were there.',
    'Quelle: Der Geheimdienst schätzt, dass 12.000 Soldaten dort sind.',
    'Comments by Kirby suggested at least 3,000 troops.',
    'Related units of the 11th Corps were seen near the border',
    // Not datelines: a year or a figure alone, or prose with a date.
    '2000',
    '12,000 troops by December 2024',
    'On November 5, 2024, Seoul said 11,000 soldiers had arrived.',
    'Am 25.10.2024 meldete Kiew 12.000 Soldaten.',
    // Not bylines: "by"/"von" starting a sentence.
    'By Monday, Russia had deployed 3,000 more',
    'By 2025 the number could reach 15,000',
    'Von Moskau aus wurden 2.000 Soldaten verlegt',
    // Not credits: an agency quoted in prose.
    'Reuters reported 10,000 troops, citing officials',
    'The figure was first reported by Reuters.',
  ])('keeps %j', (line) => {
    const text = `Erster Satz.\n\n${line}\n\nLetzter Satz.`;
    expect(stripBoilerplateLines(text)).toBe(text);
  });

  it.each([
    {
      name: 'credit tail after a caption sentence',
      input: 'Soldaten in Kursk. Foto: Reuters',
      expected: 'Soldaten in Kursk.',
    },
    {
      name: 'copyright tail after a caption sentence',
      input: 'Kim Jong Un bei einer Parade. © dpa',
      expected: 'Kim Jong Un bei einer Parade.',
    },
    {
      name: 'a source mention followed by prose is not a credit',
      input: 'He left. Source: officials said 11,000 soldiers had arrived.',
      expected: 'He left. Source: officials said 11,000 soldiers had arrived.',
    },
  ])('$name', ({ input, expected }) => {
    expect(stripBoilerplateLines(input)).toBe(expected);
  });

  it('drops a numbered breadcrumb trail that starts at home', () => {
    const text = '1. Startseite\n2. Politik\n3. Ukraine-Krieg\n\nText.';
    expect(stripBoilerplateLines(text)).toBe('Text.');
  });

  it('keeps a numbered list that is not a breadcrumb', () => {
    const text = '1. Erstens 2000 Soldaten\n2. Zweitens 3000 Soldaten';
    expect(stripBoilerplateLines(text)).toBe(text);
  });
});

describe('cleanText', () => {
  it('normalises, then strips chrome', () => {
    const input = '  Teilen  \r\n\r\n\r\n12\u00a0000 Soldaten.\r\nAnzeige\r\n';
    expect(cleanText(input)).toBe('12 000 Soldaten.');
  });
});
