/**
 * Deterministic generator of the labelled near-duplicate pairs in
 * `tests/fixtures/dedupe/pairs.jsonl` from the base stories in
 * `dedupe-stories.ts`. The JSONL is committed as data; rerun with
 * `npm run build && node dist/eval/dedupe-fixtures.js` after editing the
 * stories (the output is byte-identical for unchanged input).
 *
 * Each article is rendered as the text the clean stage would leave: a
 * headline, body paragraphs, and a few lines of residual page chrome of a
 * (made-up) site — nav crumbs, bylines, photo credits, "Read more" links,
 * newsletter prompts, share lines.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { STORIES, type Story } from './dedupe-stories.js';

/** One labelled pair. */
export interface DedupePair {
  id: string;
  a: string;
  b: string;
  duplicate: boolean;
  kind: string;
}

import { seededRandom } from '../shared/seeded-random.js';

interface Site {
  nav: string;
  byline: string;
  /** Photo credit or caption; some captions are full sentences. */
  photo: string;
  readMore: string;
  /** A long promo line some sites put inside the body (after paragraph 3). */
  inline?: string;
  bottom: string[];
}

const EN_SITES: Site[] = [
  {
    nav: 'World | Asia | Europe | Ukraine war',
    byline: 'By Daniel Hartley, Asia correspondent',
    photo:
      'North Korean soldiers march during a military parade in Pyongyang in a file photo released by state media.',
    readMore: 'Read more: What we know about Russia and North Korea',
    bottom: [
      "Sign up for our morning briefing to get the day's most important stories in your inbox.",
      'Share this article',
    ],
  },
  {
    nav: 'Home > News > International',
    byline: 'Reporting by Mina Cho; Editing by Tom Reilly',
    photo: 'Image: KCNA via Reuters',
    readMore: 'Related: Kim Jong Un inspects new drone factory',
    bottom: [
      'Our Standards: The Trust Principles.',
      'Copyright 2025 Global Wire. All rights reserved.',
    ],
  },
  {
    nav: 'Europe | Politics | Defence',
    byline: 'Sarah Lindqvist, Seoul | 6 min read',
    photo: 'A Russian soldier in the Kursk region. (Photo: handout)',
    readMore: 'READ MORE',
    inline:
      'Enjoyed this article? Support independent journalism from just one pound a month and help us keep our reporting free for everyone.',
    bottom: ['Comments are closed for this article.'],
  },
  {
    nav: 'Latest | Asia-Pacific',
    byline: 'Associated wire staff',
    photo: 'File photo',
    readMore: 'Also read: Ukraine says drones hit Russian air base',
    bottom: [
      'Follow us on Facebook, X and Instagram for the latest updates from the region.',
      'Updated 2 hours ago',
    ],
  },
];

const DE_SITES: Site[] = [
  {
    nav: 'Startseite > Politik > Ausland',
    byline: 'Von Anna Berger, Korrespondentin in Seoul',
    photo: 'Foto: dpa/Ahn Young-joon',
    readMore: 'Lesen Sie auch: Was über Nordkoreas Truppen bekannt ist',
    inline:
      'Jetzt den Newsletter abonnieren und jeden Morgen die wichtigsten Nachrichten des Tages erhalten.',
    bottom: ['Artikel teilen'],
  },
  {
    nav: 'Nachrichten | Welt | Ukraine-Krieg',
    byline: 'dpa/AFP/jk',
    photo: 'Bild: KCNA/Reuters',
    readMore: 'Mehr zum Thema',
    bottom: [
      'Diese Meldung wurde automatisch aus dem Angebot der Nachrichtenagenturen übernommen und nicht redaktionell bearbeitet.',
      '© 2025 Rheinpost Medien GmbH',
    ],
  },
  {
    nav: 'Politik | International',
    byline: 'Stand: 14:32 Uhr | Lesedauer: 3 Minuten',
    photo:
      'Nordkoreanische Soldaten bei einer Militärparade in Pjöngjang. Das Archivbild wurde von den Staatsmedien verbreitet.',
    readMore: 'Auch interessant: Kim besucht Raketenfabrik',
    bottom: [
      'Sie haben einen Fehler entdeckt? Schreiben Sie uns, wir prüfen Ihren Hinweis und korrigieren den Beitrag gegebenenfalls.',
      'Kommentare',
    ],
  },
  {
    nav: 'Ausland',
    byline: 'Quelle: AFP',
    photo: 'Foto: Uncredited/AP/dpa',
    readMore: 'Weitere Artikel zum Thema',
    bottom: [
      'Folgen Sie uns auf WhatsApp, Instagram und X, um keine Nachricht mehr zu verpassen.',
      'Zuletzt aktualisiert vor 2 Stunden',
    ],
  },
];

interface RenderOpts {
  headline: string;
  paragraphs: string[];
  site: Site;
  /** Extra line after the body (tracking-parameter links). */
  tail?: string;
}

/** The article as the clean stage would leave it. */
export function render(o: RenderOpts): string {
  const out = [o.site.nav, o.headline, o.site.byline, o.site.photo];
  o.paragraphs.forEach((p, i) => {
    out.push(p);
    // Sites put their "Read more" box after the second paragraph.
    if (i === 1 && o.paragraphs.length > 3) out.push(o.site.readMore);
    if (i === 2 && o.site.inline !== undefined) out.push(o.site.inline);
  });
  if (o.tail !== undefined) out.push(o.tail);
  out.push(...o.site.bottom);
  return out.join('\n\n');
}

/** Swap two adjacent inner letters in `count` long words (typos). */
function addTypos(
  paragraphs: string[],
  count: number,
  rnd: () => number,
): string[] {
  const out = [...paragraphs];
  for (let k = 0; k < count; k += 1) {
    const pi = Math.floor(rnd() * out.length);
    const ws = out[pi]!.split(' ');
    const long = ws
      .map((w, i) => [w, i] as const)
      .filter(([w]) => /^\p{L}{7,}$/u.test(w));
    if (long.length === 0) continue;
    const [w, wi] = long[Math.floor(rnd() * long.length)]!;
    const c = 2 + Math.floor(rnd() * (w.length - 4));
    ws[wi] = w.slice(0, c) + w[c + 1] + w[c] + w.slice(c + 2);
    out[pi] = ws.join(' ');
  }
  return out;
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 48);
}

/** All labelled pairs, in a fixed order. */
export function generatePairs(): DedupePair[] {
  const rnd = seededRandom(20_251_104);
  const pairs: DedupePair[] = [];
  const sitesOf = (s: Story): Site[] => (s.lang === 'en' ? EN_SITES : DE_SITES);
  // Two different sites for one story, varying with the story.
  const twoSites = (s: Story, salt: number): [Site, Site] => {
    const sites = sitesOf(s);
    const i = (STORIES.indexOf(s) + salt) % sites.length;
    return [sites[i]!, sites[(i + 1 + (salt % 2)) % sites.length]!];
  };
  const base = (s: Story, site: Site): string =>
    render({ headline: s.headline, paragraphs: s.paragraphs, site });
  const add = (
    kind: string,
    s: Story,
    a: string,
    b: string,
    duplicate: boolean,
    suffix = '',
  ): void => {
    pairs.push({ id: `${kind}-${s.id}${suffix}`, a, b, duplicate, kind });
  };

  // ---- duplicates --------------------------------------------------------
  STORIES.forEach((s) => {
    const [x, y] = twoSites(s, 0);
    add('syndicated-chrome', s, base(s, x), base(s, y), true);
  });
  const every = (n: number, offset: number): Story[] =>
    STORIES.filter((_, i) => i % n === offset % n);
  for (const s of every(2, 0)) {
    const [x] = twoSites(s, 1);
    const url = `https://news.example/${s.lang}/${slug(s.headline)}`;
    add(
      'tracking-params',
      s,
      render({ ...s, site: x, tail: `${url}?utm_source=rss&utm_medium=feed` }),
      render({
        ...s,
        site: x,
        tail: `${url}?utm_campaign=share&fbclid=IwAR0x7Kq2LpZ9`,
      }),
      true,
    );
  }
  for (const s of every(2, 1)) {
    const [x, y] = twoSites(s, 2);
    add(
      'edited-headline',
      s,
      base(s, x),
      render({ headline: s.altHeadline, paragraphs: s.paragraphs, site: y }),
      true,
    );
  }
  for (const s of every(2, 0)) {
    const [x, y] = twoSites(s, 3);
    add(
      'paragraph-cut',
      s,
      base(s, x),
      render({ ...s, paragraphs: s.paragraphs.slice(0, -1), site: y }),
      true,
    );
  }
  for (const s of every(2, 1)) {
    const [x, y] = twoSites(s, 1);
    add(
      'paragraph-added',
      s,
      base(s, x),
      render({ ...s, paragraphs: [...s.paragraphs, s.extra], site: y }),
      true,
    );
  }
  for (const s of every(3, 0)) {
    const [x, y] = twoSites(s, 2);
    add(
      'typo-fix',
      s,
      render({ ...s, paragraphs: addTypos(s.paragraphs, 3, rnd), site: x }),
      base(s, y),
      true,
    );
  }
  for (const s of every(3, 1)) {
    const [x, y] = twoSites(s, 3);
    const p = [...s.paragraphs];
    [p[2], p[3]] = [p[3]!, p[2]!];
    add(
      'quote-reorder',
      s,
      base(s, x),
      render({ ...s, paragraphs: p, site: y }),
      true,
    );
  }

  // ---- not duplicates ----------------------------------------------------
  for (const s of STORIES) {
    if (s.update === undefined) continue;
    const [x, y] = twoSites(s, 0);
    add(
      'update-new-figure',
      s,
      base(s, x),
      render({ ...s.update, site: y }),
      false,
    );
  }
  for (const s of STORIES) {
    if (s.translationOf === undefined) continue;
    const en = STORIES.find((t) => t.id === s.translationOf)!;
    add('translation', s, base(en, EN_SITES[0]!), base(s, DE_SITES[0]!), false);
  }
  for (const s of STORIES.filter((_, i) => i % 4 !== 3)) {
    if (s.brief === undefined) continue;
    const [x, y] = twoSites(s, 1);
    add(
      'brief-vs-long',
      s,
      base(s, x),
      render({ headline: s.headline, paragraphs: [s.brief], site: y }),
      false,
    );
  }
  STORIES.forEach((s, i) => {
    for (const t of STORIES.slice(i + 1)) {
      if (t.topic !== s.topic || t.lang !== s.lang) continue;
      const [x, y] = twoSites(s, 0);
      add(
        'same-topic-other-story',
        s,
        base(s, x),
        base(t, y),
        false,
        `--${t.id}`,
      );
    }
  });
  // The same site's chrome around two unrelated stories must not match.
  STORIES.forEach((s, i) => {
    if (i % 3 !== 2) return;
    const t = STORIES.find(
      (u, j) => j > i && u.lang === s.lang && u.topic !== s.topic,
    );
    if (t === undefined) return;
    const [x] = twoSites(s, 0);
    add('same-site-other-story', s, base(s, x), base(t, x), false, `--${t.id}`);
  });
  return pairs;
}

/** Where the committed fixture lives. */
export const PAIRS_PATH = fileURLToPath(
  new URL('../../tests/fixtures/dedupe/pairs.jsonl', import.meta.url),
);

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const pairs = generatePairs();
  writeFileSync(
    PAIRS_PATH,
    pairs.map((p) => JSON.stringify(p)).join('\n') + '\n',
  );
  const dup = pairs.filter((p) => p.duplicate).length;
  console.log(
    `wrote ${pairs.length} pairs (${dup} duplicates) to ${PAIRS_PATH}`,
  );
}
