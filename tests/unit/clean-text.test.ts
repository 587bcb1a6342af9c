import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import {
  cleanText,
  normalizeText,
  stripBoilerplateLines,
} from '../../src/shared/clean-text.js';

const seed = readFileSync(
  fileURLToPath(
    new URL('../../seeds/001_ab2dd517342f5741.txt', import.meta.url),
  ),
  'utf8',
);

describe('cleanText on seed 001', () => {
  const cleaned = cleanText(seed);
  const lines = cleaned.split('\n');

  it.each([
    '1. Startseite',
    '2. Politik',
    'Kommentare',
    'Auch interessant',
  ])('drops the chrome line %j', (chrome) => {
    expect(lines.map((l) => l.trim())).not.toContain(chrome.trim());
    expect(cleaned).not.toContain(chrome);
  });

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
