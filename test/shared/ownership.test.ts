import { describe, expect, it } from 'vitest';
import type { Engineer, Ownership, OwnershipReview, Pipeline } from '../../src/shared/model';
import {
  investorOwnerClashes,
  ownershipLoad,
  ownershipWarnings,
  quarterLabel,
  reviewDueWarning,
  type OwnerCoverageInput,
} from '../../src/shared/domain/ownership';
import { A, B, C, engineers, pto, seedRotation } from './fixtures';

const pipeline = (id: number, audience: Pipeline['audience'] = 'experiments'): Pipeline => ({
  id,
  name: `Pipeline ${id}`,
  areaId: null,
  audience,
  purpose: '',
  inputSources: '',
  transformation: '',
  outputs: '',
  retiredAt: null,
  rotationId: 1,
});
const owned = (pipelineId: number, primary: number | null, secondary: number | null): Ownership => ({
  pipelineId,
  primaryEngineerId: primary,
  secondaryEngineerId: secondary,
  reason: '',
  updatedAt: '2026-01-01T00:00:00Z',
});

// The example team: five pipelines, A primary for two (the unavoidable remainder), B, C, D for one each.
const seedPipelines = [
  pipeline(1),
  pipeline(2, 'investors'),
  pipeline(3, 'investors'),
  pipeline(4),
  pipeline(5, 'investors'),
];
const seedOwners = [owned(1, A, B), owned(2, B, C), owned(3, C, 4), owned(4, 4, A), owned(5, A, 4)];
const kinds = (pipelines: Pipeline[], ownerships: Ownership[], team: Engineer[] = engineers) =>
  ownershipWarnings(pipelines, ownerships, team, new Set(pipelines.map((p) => p.id))).map((w) => w.kind);

describe('ownership load', () => {
  it("finds nothing wrong with the example team's owners", () => {
    expect(kinds(seedPipelines, seedOwners)).toEqual([]);
    expect(
      ownershipLoad(seedPipelines, seedOwners, engineers).map((l) => [l.primaryCount, l.secondaryCount, l.overloaded]),
    ).toEqual([
      [2, 1, false],
      [1, 1, false],
      [1, 1, false],
      [1, 2, false],
    ]);
  });

  it('warns when one engineer is primary for much more than their share (3 of 5 with four engineers)', () => {
    const ownerships = seedOwners.map((o) => (o.pipelineId === 2 ? owned(2, A, C) : o));
    const warnings = ownershipWarnings(seedPipelines, ownerships, engineers, new Set([1, 2, 3, 4, 5]));
    expect(warnings.filter((w) => w.kind === 'owner_overloaded').map((w) => w.message)).toEqual([
      'Engineer A is primary owner of 3 pipelines; an even share is 1.3.',
    ]);
  });

  it('does not call one over an even split "much more" on a large team (6 against a share of 5)', () => {
    const many = Array.from({ length: 20 }, (_, i) => pipeline(i + 1));
    const primaries = [A, A, A, A, A, A, B, B, B, B, B, C, C, C, C, C, 4, 4, 4, 4];
    const ownerships = many.map((p, i) =>
      owned(p.id, primaries[i]!, primaries[(i + 6) % 20] === primaries[i] ? null : primaries[(i + 6) % 20]!),
    );
    expect(ownershipLoad(many, ownerships, engineers).find((l) => l.engineerId === A)).toMatchObject({
      primaryCount: 6,
      fairShare: 5,
      overloaded: false,
    });
  });

  it('warns about an engineer who owns nothing', () => {
    const newcomer: Engineer = {
      id: 5,
      name: 'Engineer E',
      email: null,
      color: '#000000',
      active: true,
      timeZone: 'America/New_York',
    };
    const warnings = ownershipWarnings(seedPipelines, seedOwners, [...engineers, newcomer], new Set([1, 2, 3, 4, 5]));
    expect(warnings.filter((w) => w.kind === 'owns_nothing').map((w) => [w.message, w.engineerIds])).toEqual([
      ['Engineer E owns no pipeline, as primary or secondary.', [5]],
    ]);
  });

  it('warns about a retired engineer who still owns a pipeline, and does not count them in the share', () => {
    const team = engineers.map((e) => (e.id === B ? { ...e, active: false } : e));
    const warnings = ownershipWarnings(seedPipelines, seedOwners, team, new Set([1, 2, 3, 4, 5]));
    expect(warnings.filter((w) => w.kind === 'owner_inactive').map((w) => w.message)).toEqual([
      'Pipeline 1 is still owned by Engineer B, who has left the team.',
      'Pipeline 2 is still owned by Engineer B, who has left the team.',
    ]);
    expect(warnings.some((w) => w.kind === 'owns_nothing')).toBe(false);
  });
});

describe('investor pipelines whose owners are both tied up', () => {
  const base: OwnerCoverageInput = {
    pipelines: [pipeline(2, 'investors')],
    ownerships: [owned(2, B, C)],
    engineers,
    rotation: seedRotation,
    overrides: [],
    unavailability: [],
    from: '2026-11-21T15:00:00Z',
    to: '2026-12-12T15:00:00Z',
  };

  it('finds the week B and C are the on-call pair (from Thu 10 Dec), and none before it', () => {
    const early = investorOwnerClashes({ ...base, to: '2026-12-10T13:00:00Z' });
    expect(early).toEqual([]);
    const [warning] = investorOwnerClashes(base);
    expect(warning).toMatchObject({
      kind: 'investor_owners_away',
      engineerIds: [B, C],
      from: '2026-12-10T14:00:00.000Z',
      to: '2026-12-12T15:00:00.000Z',
    });
    expect(warning!.message).toBe(
      'Pipeline 2: both owners are tied up from Thu 10 Dec, 09:00 EST to Sat 12 Dec, 10:00 EST (Engineer B on call, Engineer C on call).',
    );
  });

  it('counts an owner away on PTO while the other is on call', () => {
    // 19–26 Nov: C primary, D secondary. B away those days makes B (away) + C (on call).
    const [warning] = investorOwnerClashes({
      ...base,
      to: '2026-11-25T12:00:00Z',
      unavailability: [pto(1, B, '2026-11-23', '2026-11-24')],
    });
    expect(warning!.message).toBe(
      'Pipeline 2: both owners are tied up from Mon 23 Nov, 00:00 EST to Wed 25 Nov, 00:00 EST (Engineer B away, Engineer C on call).',
    );
  });

  it('ignores pipelines that do not report to investors', () => {
    expect(investorOwnerClashes({ ...base, pipelines: [pipeline(2, 'internal')] })).toEqual([]);
  });

  it('raises nothing while only one owner is busy (A free, C on call)', () => {
    expect(investorOwnerClashes({ ...base, ownerships: [owned(2, A, C)], to: '2026-11-26T13:00:00Z' })).toEqual([]);
  });
});

describe('the quarterly review', () => {
  const review = (quarter: string, reviewedOn: string): OwnershipReview => ({
    id: 1,
    quarter,
    reviewedOn,
    checklist: {},
    decisions: '',
    notes: '',
  });

  it('is due when the current quarter has no review, and says when the last one was', () => {
    expect(quarterLabel('2026-11-21')).toBe('2026-Q4');
    expect(reviewDueWarning([review('2026-Q3', '2026-08-14')], '2026-11-21', seedPipelines)?.message).toBe(
      'The ownership review for 2026-Q4 is due (last one Fri 14 Aug, for 2026-Q3).',
    );
    // A date in another year names its year.
    expect(reviewDueWarning([review('2025-Q4', '2025-12-15')], '2026-11-21', seedPipelines)?.message).toBe(
      'The ownership review for 2026-Q4 is due (last one Mon 15 Dec 2025, for 2025-Q4).',
    );
    expect(reviewDueWarning([review('2026-Q4', '2026-10-02')], '2026-11-21', seedPipelines)).toBeNull();
  });

  it('is not due for a team without pipelines', () => {
    expect(reviewDueWarning([], '2026-11-21', [])).toBeNull();
  });
});
