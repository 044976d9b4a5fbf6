import { describe, expect, it } from 'vitest';
import type { EscalationLevel, Override, Ownership } from '../../src/shared/model';
import { resolveEscalation, type EscalationInput } from '../../src/shared/domain/escalation';
import { A, B, C, engineers, pto, seedRotation } from './fixtures';

const levels: Omit<EscalationLevel, 'id'>[] = [
  { role: 'oncall_primary', contactName: '', contactDetail: '', afterMinutes: 0 },
  { role: 'oncall_secondary', contactName: '', contactDetail: '', afterMinutes: 15 },
  { role: 'pipeline_primary', contactName: '', contactDetail: '', afterMinutes: 30 },
  { role: 'pipeline_secondary', contactName: '', contactDetail: '', afterMinutes: 45 },
  { role: 'team_lead', contactName: 'Data engineering lead', contactDetail: '', afterMinutes: 60 },
];
const aggregateProfit: Ownership = {
  pipelineId: 2,
  primaryEngineerId: B,
  secondaryEngineerId: C,
  reason: '',
  updatedAt: '2026-01-01T00:00:00Z',
};

const input = (over: Partial<EscalationInput> = {}): EscalationInput => ({
  levels,
  at: '2026-11-21T15:00:00Z',
  ownership: aggregateProfit,
  rotation: seedRotation,
  overrides: [],
  engineers,
  unavailability: [],
  teamLead: null,
  ...over,
});
const names = (over: Partial<EscalationInput> = {}) => resolveEscalation(input(over)).map((l) => l.name);

describe('who do I call for Aggregate Profit', () => {
  it('on Saturday 21 Nov 2026: on call C then D, owners B then C, then the lead, each with its minute', () => {
    const resolved = resolveEscalation(input());
    expect(resolved.map((l) => [l.level, l.roleLabel, l.name, l.startsAt])).toEqual([
      [1, 'On-call primary', 'Engineer C', '2026-11-21T15:00:00.000Z'],
      [2, 'On-call secondary', 'Engineer D', '2026-11-21T15:15:00.000Z'],
      [3, 'Pipeline primary owner', 'Engineer B', '2026-11-21T15:30:00.000Z'],
      [4, 'Pipeline secondary owner', 'Engineer C', '2026-11-21T15:45:00.000Z'],
      [5, 'Team lead', 'Data engineering lead', '2026-11-21T16:00:00.000Z'],
    ]);
    expect(resolved[3]!.problem).toBe('Already called at level 1');
  });

  it('resolves each level at its own minute: a 09:00 hand-off between levels 1 and 2 changes who is called', () => {
    // Thu 26 Nov 08:50 EST is the end of C's week; from 09:00 the next week (D, backed by A) is on call.
    expect(names({ at: '2026-11-26T13:50:00Z' }).slice(0, 2)).toEqual(['Engineer C', 'Engineer A']);
  });

  it('follows overrides: the Thanksgiving split puts A and D on call on Thanksgiving', () => {
    const split: Override[] = [
      {
        id: 1,
        rotationId: 1,
        startsAt: '2026-11-26T14:00:00Z',
        endsAt: '2026-11-30T02:00:00Z',
        role: 'primary',
        engineerId: A,
        kind: 'split',
        reason: '',
        twinId: null,
        createdAt: '2026-01-01T00:00:00Z',
      },
    ];
    expect(names({ at: '2026-11-26T18:00:00Z', overrides: split }).slice(0, 2)).toEqual(['Engineer A', 'Engineer A']);
    expect(resolveEscalation(input({ at: '2026-11-26T18:00:00Z', overrides: split }))[1]!.problem).toBe(
      'Already called at level 1',
    );
  });

  it('names the team lead from the setting: an engineer or a contact', () => {
    expect(names({ teamLead: { kind: 'engineer', engineerId: A } })[4]).toBe('Engineer A');
    const contact = resolveEscalation(
      input({ teamLead: { kind: 'contact', name: 'Dana Lee', detail: '+1 555 0100' } }),
    )[4]!;
    expect([contact.name, contact.detail]).toEqual(['Dana Lee', '+1 555 0100']);
  });

  it('says when a level reaches nobody or someone away', () => {
    const resolved = resolveEscalation(
      input({
        ownership: { ...aggregateProfit, secondaryEngineerId: null },
        unavailability: [pto(1, B, '2026-11-20', '2026-11-22', 'Family trip')],
        levels: [...levels.slice(0, 4), { role: 'team_lead', contactName: '', contactDetail: '', afterMinutes: 60 }],
      }),
    );
    expect(resolved[2]!.problem).toBe('Engineer B is away (Family trip) until Sun 22 Nov');
    expect(resolved[3]).toMatchObject({ name: null, problem: 'The pipeline has no secondary owner' });
    expect(resolved[4]).toMatchObject({
      name: null,
      problem: 'No team lead is set: set one under “Who do I call now?” on the Runbooks screen',
    });
  });

  it('has no on-call levels to fill without a rotation', () => {
    const resolved = resolveEscalation(input({ rotation: null }));
    expect(resolved[0]).toMatchObject({
      name: null,
      problem: 'No rotation answers for this pipeline: choose one in its settings on the Ownership screen',
      // Both on-call levels reach nobody: the call falls through to the pipeline's primary owner.
      fallsThroughTo: 3,
    });
    expect(resolved[1]!.fallsThroughTo).toBe(3);
    expect(resolved[2]).toMatchObject({ name: 'Engineer B', fallsThroughTo: null });
  });
});
