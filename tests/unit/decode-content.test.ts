import { describe, expect, it } from 'vitest';

import {
  decodeHtml,
  decodeText,
  inspectContent,
} from '../../src/shared/fetch/decode-content.js';
import { StageError } from '../../src/shared/errors.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const latin1 = (s: string): Uint8Array =>
  Uint8Array.from(Buffer.from(s, 'latin1'));
const concat = (...parts: (Uint8Array | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => [...p]));

function utf16le(s: string): Uint8Array {
  return concat([0xff, 0xfe], Buffer.from(s, 'utf16le'));
}

const germanHtml =
  '<html><head><meta http-equiv="Content-Type" ' +
  'content="text/html; charset=iso-8859-1"></head>' +
  '<body><p>Größe der Truppe: 28.500 Soldaten in Südkorea</p></body></html>';

describe('decodeText', () => {
  it.each([
    {
      name: 'plain UTF-8',
      bytes: utf8('<p>Größe – 12 000 Soldaten</p>'),
      contentType: undefined,
      expected: '<p>Größe – 12 000 Soldaten</p>',
    },
    {
      name: 'UTF-8 BOM is stripped',
      bytes: concat([0xef, 0xbb, 0xbf], utf8('<p>Größe</p>')),
      contentType: undefined,
      expected: '<p>Größe</p>',
    },
    {
      name: 'UTF-16LE BOM',
      bytes: utf16le('<p>Soldaten in Südkorea</p>'),
      contentType: undefined,
      expected: '<p>Soldaten in Südkorea</p>',
    },
    {
      name: 'BOM beats a contradicting Content-Type',
      bytes: concat([0xef, 0xbb, 0xbf], utf8('Größe')),
      contentType: 'text/html; charset=windows-1252',
      expected: 'Größe',
    },
    {
      name: 'ISO-8859-1 declared in http-equiv meta',
      bytes: latin1(germanHtml),
      contentType: undefined,
      expected: germanHtml,
    },
    {
      name: 'meta charset attribute',
      bytes: latin1('<meta charset="ISO-8859-1"><p>Größe</p>'),
      contentType: 'text/html',
      expected: '<meta charset="ISO-8859-1"><p>Größe</p>',
    },
    {
      name: 'commented-out meta charset is ignored',
      bytes: utf8('<!-- <meta charset="iso-8859-1"> --><p>Größe</p>'),
      contentType: undefined,
      expected: '<!-- <meta charset="iso-8859-1"> --><p>Größe</p>',
    },
    {
      name: 'undeclared windows-1252 (invalid UTF-8, smart quotes)',
      bytes: concat(latin1('<p>'), [0x84], latin1('Größe'), [0x93]),
      contentType: undefined,
      expected: '<p>„Größe“',
    },
    {
      name: 'XML declaration encoding',
      bytes: latin1('<?xml version="1.0" encoding="ISO-8859-1"?><p>Südkorea'),
      contentType: undefined,
      expected: '<?xml version="1.0" encoding="ISO-8859-1"?><p>Südkorea',
    },
    {
      name: 'Content-Type charset overrides the meta declaration',
      bytes: utf8('<meta charset="iso-8859-1"><p>Soldaten in Südkorea</p>'),
      contentType: 'text/html; charset="UTF-8"',
      expected: '<meta charset="iso-8859-1"><p>Soldaten in Südkorea</p>',
    },
    {
      name: 'unknown Content-Type charset falls through to sniffing',
      bytes: utf8('<p>Größe</p>'),
      contentType: 'text/html; charset=no-such-charset',
      expected: '<p>Größe</p>',
    },
    {
      name: 'meta claiming UTF-16 on ASCII-compatible bytes means UTF-8',
      bytes: utf8('<meta charset="utf-16"><p>Größe</p>'),
      contentType: undefined,
      expected: '<meta charset="utf-16"><p>Größe</p>',
    },
  ])('$name', ({ bytes, contentType, expected }) => {
    const text = decodeText(bytes, contentType ? { contentType } : {});
    expect(text).toBe(expected);
  });

  it('decodes the umlauts of a declared ISO-8859-1 German page', () => {
    const text = decodeText(latin1(germanHtml));
    expect(text).toContain('Größe');
    expect(text).toContain('Soldaten in Südkorea');
  });
});

describe('inspectContent', () => {
  it.each([
    { name: 'no bytes', bytes: new Uint8Array(), kind: 'empty' },
    { name: 'whitespace', bytes: utf8(' \n\t\r\n  '), kind: 'empty' },
    {
      name: 'BOM and whitespace',
      bytes: concat([0xef, 0xbb, 0xbf], utf8('\n ')),
      kind: 'empty',
    },
    {
      name: 'NUL bytes',
      bytes: concat(utf8('<html>'), [0, 0, 0], utf8('</html>')),
      kind: 'binary',
    },
    {
      name: 'mostly control characters',
      bytes: Uint8Array.from({ length: 200 }, (_, i) =>
        i % 3 ? 1 + (i % 7) : 65,
      ),
      kind: 'binary',
    },
    {
      name: 'PNG magic',
      bytes: concat(
        [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
        utf8('IHDR'),
      ),
      kind: 'binary',
    },
    { name: 'PDF', bytes: utf8('%PDF-1.7\n%âãÏÓ\n'), kind: 'binary' },
    { name: 'gzip', bytes: Uint8Array.from([0x1f, 0x8b, 8]), kind: 'binary' },
    { name: 'zip', bytes: concat(utf8('PK'), [3, 4, 20]), kind: 'binary' },
    { name: 'JPEG', bytes: Uint8Array.of(0xff, 0xd8, 0xff), kind: 'binary' },
    { name: 'GIF', bytes: utf8('GIF89a\x01\x00'), kind: 'binary' },
    {
      name: 'HTML with doctype',
      bytes: utf8('<!DOCTYPE html><html><body><p>x</p></body></html>'),
      kind: 'html',
    },
    {
      name: 'HTML after BOM, whitespace and a comment',
      bytes: concat([0xef, 0xbb, 0xbf], utf8('\n<!-- x -->\n<html lang="de">')),
      kind: 'html',
    },
    { name: 'bare <body>', bytes: utf8('<body><p>Hallo</p>'), kind: 'html' },
    {
      name: 'HTML fragment dense with block tags',
      bytes: utf8('<div><p>Eins.</p><p>Zwei.</p><br><ul><li>x</li></ul></div>'),
      kind: 'html',
    },
    {
      name: 'UTF-16LE HTML (zero bytes are not NULs)',
      bytes: utf16le('<!doctype html><p>Südkorea</p>'),
      kind: 'html',
    },
    {
      name: 'plain text',
      bytes: utf8('Nordkorea hat rund 12.000 Soldaten nach Russland entsandt.'),
      kind: 'text',
    },
    {
      name: 'text that mentions a tag once',
      bytes: utf8('Use the <p> element for paragraphs in your text.'),
      kind: 'text',
    },
  ])('$name → $kind', ({ bytes, kind }) => {
    expect(inspectContent(bytes).kind).toBe(kind);
  });
});

describe('decodeHtml', () => {
  it.each([
    { name: 'empty', bytes: utf8('  '), code: 'empty_content' },
    { name: 'PDF', bytes: utf8('%PDF-1.4'), code: 'binary_content' },
    { name: 'plain text', bytes: utf8('just some words'), code: 'not_html' },
  ])('throws a non-retryable $code for $name', ({ bytes, code }) => {
    let thrown: unknown;
    try {
      decodeHtml(bytes);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(StageError);
    expect((thrown as StageError).code).toBe(code);
    expect((thrown as StageError).retryable).toBe(false);
  });

  it('decodes HTML', () => {
    expect(decodeHtml(latin1(germanHtml))).toContain('Südkorea');
  });
});
