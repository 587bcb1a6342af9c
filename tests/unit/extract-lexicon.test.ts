import { describe, expect, it } from 'vitest';
import {
  ACTOR_PREFIXES,
  KP_DEMONYMS,
  KOREA_GATE,
  KP_GATE,
} from '../../src/shared/extract/lexicon/claims.js';

describe('KP_GATE', () => {
  // The gates may let too much through, never too little: every North
  // Korean actor cue and demonym must pass one of them ("Koreaner" passes
  // the Korea gate), or claims would be lost silently.
  it.each([
    ...ACTOR_PREFIXES.filter(([, code]) => code === 'KP').map(([p]) => p),
    ...KP_DEMONYMS,
  ])('lets "%s" through', (cue) => {
    const passes = (text: string): boolean =>
      KP_GATE.test(text) || KOREA_GATE.test(text);
    expect(
      passes(`text ${cue.trim()}x text`) || passes(`text ${cue.trim()} text`),
    ).toBe(true);
  });

  it.each(['N. Korea', 'Nord-Korea', 'Pjöngjang', 'KPA-Truppen', 'NK troops'])(
    'lets "%s" through',
    (text) => {
      expect(KP_GATE.test(text)).toBe(true);
    },
  );

  it('stops text that names no North Korean actor', () => {
    expect(KP_GATE.test('The bank thinks Russia lost 600,000 soldiers.')).toBe(
      false,
    );
  });
});
