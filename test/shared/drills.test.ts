import { describe, expect, it } from 'vitest';
import {
  addMonths,
  DEFAULT_DRILL_CADENCE,
  drillHistory,
  drillsDue,
  drillTimings,
  drillWarnings,
  elapsedMs,
  formatDuration,
  markMoment,
  nextStepPosition,
  type Drill,
  type DrillStep,
} from '../../src/shared/domain/drills';
import type { Pipeline } from '../../src/shared/model';

const START = '2026-11-21T15:00:00.000Z';
const at = (seconds: number, from = START) => new Date(Date.parse(from) + seconds * 1000).toISOString();

const step = (position: number, tickedAt: string | null = null, skipped = false): DrillStep => ({
  position,
  text: `Step ${position + 1}`,
  tickedAt,
  skipped,
});

function drill(overrides: Partial<Drill> = {}): Drill {
  return {
    id: 1,
    pipelineId: 10,
    scenarioId: 100,
    scenarioTitle: 'Job failures',
    scheduledAt: START,
    facilitatorId: 1,
    participants: [
      { engineerId: 2, role: 'primary' },
      { engineerId: 3, role: 'secondary' },
    ],
    status: 'running',
    startedAt: START,
    moments: { acknowledged: null, mitigated: null, resolved: null },
    finishedAt: null,
    outcome: null,
    findings: '',
    steps: [step(0), step(1), step(2)],
    notes: [],
    followups: [],
    ...overrides,
  };
}

const pipeline = (id: number, audience: Pipeline['audience'] = 'investors'): Pipeline => ({
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

describe('timings', () => {
  it('measures acknowledge, mitigate and resolve from the start, and counts skipped steps', () => {
    const t = drillTimings(
      drill({
        status: 'finished',
        moments: { acknowledged: at(45), mitigated: at(190), resolved: at(302) },
        finishedAt: at(360),
        steps: [step(0, at(30)), step(1, at(100), true), step(2, at(290))],
      }),
    );
    expect(t).toMatchObject({
      toAcknowledgeMs: 45_000,
      toMitigateMs: 190_000,
      toResolveMs: 302_000,
      durationMs: 360_000,
      stepsTotal: 3,
      stepsDone: 2,
      stepsSkipped: 1,
      stepsLeft: 0,
    });
    expect(t.steps.map((s) => s.atMs)).toEqual([30_000, 100_000, 290_000]);
  });

  it('leaves moments never reached empty, and counts steps not reached', () => {
    const t = drillTimings(drill({ steps: [step(0, at(30)), step(1), step(2)] }));
    expect(t.toAcknowledgeMs).toBeNull();
    expect(t.durationMs).toBeNull();
    expect(t.stepsLeft).toBe(2);
  });

  it('has no times before the start', () => {
    const t = drillTimings(drill({ status: 'planned', startedAt: null }));
    expect(t.steps.every((s) => s.atMs === null)).toBe(true);
  });

  it('formats durations as m:ss, or h:mm:ss past an hour', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(247_900)).toBe('4:07');
    expect(formatDuration(3_729_000)).toBe('1:02:09');
  });

  it('marking a later moment fills the earlier ones still open; clearing one clears the later ones', () => {
    const none = { acknowledged: null, mitigated: null, resolved: null };
    const acked = markMoment(none, 'acknowledged', at(10));
    const resolved = markMoment(acked, 'resolved', at(90));
    expect(resolved).toEqual({ acknowledged: at(10), mitigated: at(90), resolved: at(90) });
    expect(markMoment(resolved, 'mitigated', null)).toEqual({ acknowledged: at(10), mitigated: null, resolved: null });
  });
});

describe('resume after an interruption', () => {
  it('shows the clock from the stored start, whenever the screen is reloaded', () => {
    const running = drill();
    // The renderer was closed at 1:00 and opened again at 7:30: the clock reads 7:30, not 1:00.
    expect(elapsedMs(running, at(60))).toBe(60_000);
    expect(elapsedMs(running, at(450))).toBe(450_000);
    expect(formatDuration(elapsedMs(running, Date.parse(at(450))))).toBe('7:30');
  });

  it('stops the clock at the finish, and shows 0 before the start or for a skewed clock', () => {
    expect(elapsedMs(drill({ finishedAt: at(360) }), at(9_999))).toBe(360_000);
    expect(elapsedMs(drill({ startedAt: null }), at(50))).toBe(0);
    expect(elapsedMs(drill(), at(-5))).toBe(0);
  });

  it('goes on with the first step neither ticked nor skipped', () => {
    expect(nextStepPosition([step(0, at(5)), step(1, at(9), true), step(2)])).toBe(2);
    expect(nextStepPosition([step(2), step(0, at(5)), step(1)])).toBe(1);
    expect(nextStepPosition([step(0, at(5))])).toBeNull();
  });
});

describe('cadence and due', () => {
  const NOW = '2026-11-21T15:00:00.000Z';
  const finished = (id: number, pipelineId: number, finishedAt: string) =>
    drill({ id, pipelineId, status: 'finished', startedAt: finishedAt, finishedAt });

  it('adds months in UTC, keeping the day where the month has it', () => {
    expect(addMonths('2026-05-21T15:00:00.000Z', 6)).toBe('2026-11-21T15:00:00.000Z');
    expect(addMonths('2026-08-31T10:00:00.000Z', 6)).toBe('2027-02-28T10:00:00.000Z');
  });

  it('is due at once for an investor pipeline never drilled, and ignores other audiences', () => {
    const due = drillsDue([pipeline(1), pipeline(2, 'experiments')], [], DEFAULT_DRILL_CADENCE, NOW);
    expect(due).toEqual([
      expect.objectContaining({ pipelineId: 1, state: 'due', nextDueAt: NOW, lastFinishedAt: null, daysUntil: 0 }),
    ]);
  });

  it('is due within 30 days of six months after the last finished drill, overdue after, fine before', () => {
    const cases: [string, string][] = [
      ['2026-06-10T15:00:00.000Z', 'due'], // next by 10 Dec: 19 days away
      ['2026-05-20T15:00:00.000Z', 'overdue'], // next by 20 Nov: yesterday
      ['2026-06-21T15:00:00.000Z', 'due'], // next by 21 Dec: exactly 30 days away
      ['2026-07-01T15:00:00.000Z', 'ok'], // next by 1 Jan: 41 days away
    ];
    for (const [last, state] of cases) {
      const [due] = drillsDue([pipeline(1)], [finished(1, 1, last)], DEFAULT_DRILL_CADENCE, NOW);
      expect([last, due!.state]).toEqual([last, state]);
      expect(due!.lastFinishedAt).toBe(last);
    }
  });

  it('counts only the latest finished drill; a planned or running drill covers the pipeline', () => {
    const drills = [
      finished(1, 1, '2025-01-10T15:00:00.000Z'),
      finished(2, 1, '2026-09-01T15:00:00.000Z'),
      drill({ id: 3, pipelineId: 2, status: 'cancelled', startedAt: null }),
      drill({ id: 4, pipelineId: 3, status: 'planned', startedAt: null, scheduledAt: '2027-01-05T15:00:00.000Z' }),
    ];
    const due = drillsDue([pipeline(1), pipeline(2), pipeline(3)], drills, DEFAULT_DRILL_CADENCE, NOW);
    expect(due.map((d) => [d.pipelineId, d.state, d.nextDueAt.slice(0, 10), d.plannedDrillId])).toEqual([
      [1, 'ok', '2027-03-01', null],
      [2, 'due', '2026-11-21', null],
      [3, 'planned', '2026-11-21', 4],
    ]);
  });

  it('follows the cadence setting: four a year, a 10-day window', () => {
    const cadence = { perYear: 4, audiences: ['investors' as const], windowDays: 10 };
    const [due] = drillsDue([pipeline(1)], [finished(1, 1, '2026-08-25T15:00:00.000Z')], cadence, NOW);
    expect(due).toMatchObject({ nextDueAt: '2026-11-25T15:00:00.000Z', state: 'due', daysUntil: 4 });
  });

  it('words due and overdue drills and open follow-ups as warnings that open the Drills screen', () => {
    const due = drillsDue(
      [pipeline(1), pipeline(2)],
      [finished(1, 2, '2026-05-01T12:00:00.000Z')],
      DEFAULT_DRILL_CADENCE,
      NOW,
    );
    const followup = {
      id: 1,
      drillId: 1,
      text: 'Add a freshness alert',
      ownerId: 3,
      dueDate: '2026-11-01',
      status: 'open' as const,
      pipelineId: 2,
      pipelineName: 'Pipeline 2',
      scenarioTitle: 'Job failures',
    };
    const warnings = drillWarnings(
      due,
      [followup, { ...followup, id: 2, status: 'done' }],
      '2026-11-21',
      'America/New_York',
    );
    expect(warnings.map((w) => [w.kind, w.message, w.link.screen])).toEqual([
      ['drill_due', 'Pipeline 1 is due for a drill by Sat 21 Nov (it has never had one).', 'drills'],
      [
        'drill_overdue',
        'Pipeline 2 is overdue for a drill since Sun 1 Nov (the last one finished on Fri 1 May).',
        'drills',
      ],
      [
        'drill_followup_open',
        'Follow-up of the Pipeline 2 drill (Job failures): Add a freshness alert — due Sun 1 Nov, overdue.',
        'drills',
      ],
    ]);
    expect(warnings[2]!.engineerIds).toEqual([3]);
  });

  it('names an instant by its date in the team’s zone, and a date in another year with its year', () => {
    // 03:00 UTC on 1 Dec is still the evening of 30 Nov in New York.
    const due = {
      ...drillsDue([pipeline(1)], [], DEFAULT_DRILL_CADENCE, NOW)[0]!,
      nextDueAt: '2026-12-01T03:00:00.000Z',
    };
    const followup = {
      id: 1,
      drillId: 1,
      text: 'Rehearse the failover',
      ownerId: null,
      dueDate: '2027-01-15',
      status: 'open' as const,
      pipelineId: 1,
      pipelineName: 'Pipeline 1',
      scenarioTitle: 'Job failures',
    };
    expect(drillWarnings([due], [followup], '2026-11-21', 'America/New_York').map((w) => w.message)).toEqual([
      'Pipeline 1 is due for a drill by Mon 30 Nov (it has never had one).',
      'Follow-up of the Pipeline 1 drill (Job failures): Rehearse the failover — due Fri 15 Jan 2027.',
    ]);
  });
});

describe('history', () => {
  it('puts finished drills of the same pipeline and scenario side by side, oldest first, with the trend', () => {
    const run = (id: number, startedAt: string, ack: number, res: number, title = 'Job failures') =>
      drill({
        id,
        status: 'finished',
        scenarioTitle: title,
        startedAt,
        finishedAt: at(res + 60, startedAt),
        moments: { acknowledged: at(ack, startedAt), mitigated: at(res, startedAt), resolved: at(res, startedAt) },
        outcome: 'passed',
      });
    const history = drillHistory([
      run(2, '2026-11-01T15:00:00.000Z', 40, 300),
      run(1, '2026-05-01T15:00:00.000Z', 90, 600),
      run(3, '2026-06-01T15:00:00.000Z', 10, 100, 'Data freshness issues'),
      run(4, '2026-10-01T15:00:00.000Z', 10, 100, ' job FAILURES '),
      drill({ id: 5 }),
    ]);
    expect(history.map((h) => [h.scenarioTitle, h.entries.map((e) => e.drillId)])).toEqual([
      ['Job failures', [1, 4, 2]],
      ['Data freshness issues', [3]],
    ]);
    expect(history[0]!.trend).toEqual({ acknowledge: 'slower', mitigate: 'slower', resolve: 'slower' });
    expect(history[1]!.trend).toEqual({ acknowledge: null, mitigate: null, resolve: null });
  });
});
