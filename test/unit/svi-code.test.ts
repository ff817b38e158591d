import { describe, expect, it } from 'vitest';
import { randomSviCodes } from '../../functions/domain/svi-codes.ts';
import { isSviCode, SVI_ALPHABET, SviCode, sviCodeOf } from '../../functions/schemas/svi-code.ts';

const code = sviCodeOf('Q7KP4MX');

describe('status-verification codes', () => {
  it('are eight characters shown as XXXX-XXXX, without 0, 1, I, L or O', () => {
    for (let i = 0; i < 200; i++) {
      const drawn = randomSviCodes.next();
      expect(drawn).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
      expect(isSviCode(drawn)).toBe(true);
    }
    expect(SVI_ALPHABET).not.toMatch(/[01ILO]/);
  });

  it('are read as a person types them: any case, spaces and hyphens anywhere', () => {
    const chars = code.replace('-', '');
    expect(SviCode.parse(chars.toLowerCase())).toBe(code);
    expect(SviCode.parse(` ${chars.slice(0, 2)} ${chars.slice(2)} `)).toBe(code);
    expect(SviCode.parse(code)).toBe(code);
  });

  it('refuse every single mistyped character (the check character)', () => {
    const chars = code.replace('-', '');
    let tried = 0;
    for (let at = 0; at < chars.length; at++)
      for (const c of SVI_ALPHABET) {
        if (c === chars[at]) continue;
        const typo = `${chars.slice(0, at)}${c}${chars.slice(at + 1)}`;
        tried++;
        expect(SviCode.safeParse(typo).success, typo).toBe(false);
      }
    expect(tried).toBe(8 * 30);
  });

  it('refuse every swap of two different characters', () => {
    for (let n = 0; n < 50; n++) {
      const chars = randomSviCodes.next().replace('-', '');
      for (let i = 0; i < 8; i++)
        for (let j = i + 1; j < 8; j++) {
          if (chars[i] === chars[j]) continue;
          const swapped = [...chars];
          [swapped[i], swapped[j]] = [swapped[j]!, swapped[i]!];
          expect(isSviCode(swapped.join('')), swapped.join('')).toBe(false);
        }
    }
  });

  it('refuse a look-alike, a short code and a long one, each saying why', () => {
    const message = (input: string) => SviCode.safeParse(input).error?.issues[0]?.message;
    expect(message(`${code.slice(0, 3)}O${code.slice(4)}`)).toMatch(/other than 0, 1, I, L and O/);
    expect(message('Q7KP-4MX')).toMatch(/must be 8 letters and digits/);
    expect(message(`${code}2`)).toMatch(/must be 8 letters and digits/);
    expect(message('x'.repeat(40))).toMatch(/like Q7KP-4MXW/);
  });
});
