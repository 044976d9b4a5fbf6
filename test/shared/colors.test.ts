import { describe, expect, it } from 'vitest';
import { colorDistance, distinctColor, ENGINEER_PALETTE } from '../../src/shared/domain/colors';
import { colorProblem } from '../../src/renderer/features/team/colors';
import { seed } from '../e2e/support/seed';

const SEEDED = seed.engineers.map((e) => e.color);

describe('a new engineer’s default colour', () => {
  it('is not the near-twin of Engineer B’s orange that it used to be', () => {
    const b = seed.engineers[1]!.color;
    // The old default, #b45309, was almost B's colour: nobody could tell their shifts apart.
    expect(colorDistance('#b45309', b)).toBeLessThan(5);
    expect(colorDistance(distinctColor(SEEDED), b)).toBeGreaterThan(25);
  });

  it('stays clearly apart from every colour in use, also to protan and deutan eyes', () => {
    const chosen = distinctColor(SEEDED);
    expect(SEEDED).not.toContain(chosen);
    for (const color of SEEDED) expect(colorDistance(chosen, color), `${chosen} vs ${color}`).toBeGreaterThan(25);
  });

  it('takes the palette colour farthest from those in use, one after another', () => {
    const used = [...SEEDED];
    for (let i = 0; i < 4; i += 1) {
      const chosen = distinctColor(used);
      const nearest = (c: string) => Math.min(...used.map((u) => colorDistance(c, u)));
      for (const other of ENGINEER_PALETTE) expect(nearest(chosen)).toBeGreaterThanOrEqual(nearest(other));
      used.push(chosen);
    }
    expect(new Set(used).size).toBe(used.length);
  });

  it('sees a red and a green as alike, as a deuteranope does', () => {
    // Far apart to normal vision, close for a red–green colour-blind reader.
    expect(colorDistance('#e15759', '#047857')).toBeLessThan(10);
    expect(distinctColor(['#047857'])).not.toBe('#e15759');
  });

  it('offers only colours that carry readable names and show on the page', () => {
    for (const color of ENGINEER_PALETTE) expect(colorProblem(color), color).toBeNull();
    expect(distinctColor([])).toBe(ENGINEER_PALETTE[0]);
  });
});
