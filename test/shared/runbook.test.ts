import { describe, expect, it } from 'vitest';
import type { Pipeline } from '../../src/shared/model';
import {
  diffLists,
  diffRunbooks,
  runbookCompleteness,
  runbookWarnings,
  type RunbookContent,
} from '../../src/shared/domain/runbook';

const complete: RunbookContent = {
  purpose: 'Aggregates profit for investor reporting.',
  inputs: 'Unit-level profit tables, finance ledgers.',
  transformation: 'Aggregates by period and reconciles with finance.',
  outputs: 'Investor profit report.',
  scenarios: [
    {
      title: 'Data freshness issues',
      symptoms: 'Stale partition.',
      checks: 'Upstream runs.',
      steps: ['Find the late dependency.', 'Re-trigger the pipeline.'],
    },
    { title: 'Job failures', symptoms: 'Job failed.', checks: 'Logs.', steps: ['Read the logs.', 'Restart the job.'] },
  ],
  mitigations: ['Pre-schedule report generation with retries.'],
  slaText: 'By 9 AM next business day.',
  dashboards: [],
  alertThresholds: 'Alert when not ready by 7 AM.',
  escalation: [
    { role: 'oncall_primary', contactName: '', contactDetail: '', afterMinutes: 0 },
    { role: 'pipeline_primary', contactName: '', contactDetail: '', afterMinutes: 30 },
  ],
};

const pipeline = (id: number, audience: Pipeline['audience'], retiredAt: string | null = null): Pipeline => ({
  id,
  name: `Pipeline ${id}`,
  areaId: null,
  audience,
  purpose: '',
  inputSources: '',
  transformation: '',
  outputs: '',
  retiredAt,
  rotationId: 1,
});

describe('runbook completeness', () => {
  it('is complete with all four sections filled, listing smaller gaps such as missing dashboards', () => {
    expect(runbookCompleteness(complete)).toEqual({
      complete: true,
      emptySections: [],
      gaps: ['Monitoring and alerting: no dashboards'],
    });
  });

  it('names each empty section', () => {
    const result = runbookCompleteness({
      ...complete,
      scenarios: [],
      mitigations: [],
      escalation: [],
      slaText: ' ',
      alertThresholds: '',
    });
    expect(result.complete).toBe(false);
    expect(result.emptySections).toEqual(['scenarios', 'monitoring', 'escalation']);
  });

  it('points at a scenario without steps', () => {
    const result = runbookCompleteness({
      ...complete,
      scenarios: [{ title: 'Schema drift', symptoms: 'x', checks: 'y', steps: [] }],
    });
    expect(result.gaps).toContain("Failure scenario 'Schema drift' has no resolution steps");
  });

  it('flags an investor pipeline with an empty section, not an experiment one or a retired one', () => {
    const gutted = { ...complete, escalation: [] };
    const warnings = runbookWarnings(
      [pipeline(1, 'investors'), pipeline(2, 'experiments'), pipeline(3, 'investors', '2026-01-01T00:00:00Z')],
      new Map([
        [1, gutted],
        [2, gutted],
        [3, gutted],
      ]),
    );
    expect(warnings.map((w) => [w.kind, w.link.pipelineId, w.message])).toEqual([
      [
        'investor_runbook_incomplete',
        1,
        'Pipeline 1 reports to investors but its runbook has nothing under Escalation.',
      ],
    ]);
  });
});

describe('differences between revisions', () => {
  it('finds nothing between equal revisions', () => {
    expect(diffRunbooks(complete, structuredClone(complete))).toEqual({ changed: false, sections: [] });
  });

  it('reports scenarios added, removed and changed, step by step, per section', () => {
    const after: RunbookContent = {
      ...structuredClone(complete),
      purpose: 'Aggregates profit for investors and the board.',
      scenarios: [
        {
          ...complete.scenarios[0]!,
          steps: ['Find the late dependency.', 'Wait for upstream data.', 'Re-trigger the pipeline.'],
        },
        {
          title: 'Schema drift',
          symptoms: 'Missing columns.',
          checks: 'Schema report.',
          steps: ['Update the mapping.'],
        },
      ],
      escalation: [
        { role: 'oncall_primary', contactName: '', contactDetail: '', afterMinutes: 0 },
        { role: 'pipeline_primary', contactName: '', contactDetail: '', afterMinutes: 20 },
      ],
    };
    const diff = diffRunbooks(complete, after);
    expect(diff.changed).toBe(true);
    expect(diff.sections.map((s) => s.section)).toEqual(['overview', 'scenarios', 'escalation']);
    expect(diff.sections[0]!.fields).toEqual([
      {
        field: 'purpose',
        label: 'Purpose',
        before: complete.purpose,
        after: 'Aggregates profit for investors and the board.',
      },
    ]);
    expect(diff.sections[1]!.scenarios).toEqual([
      {
        change: 'changed',
        title: 'Data freshness issues',
        fields: [],
        steps: [
          { op: 'same', text: 'Find the late dependency.' },
          { op: 'added', text: 'Wait for upstream data.' },
          { op: 'same', text: 'Re-trigger the pipeline.' },
        ],
      },
      { change: 'added', title: 'Schema drift', steps: ['Update the mapping.'] },
      { change: 'removed', title: 'Job failures', steps: ['Read the logs.', 'Restart the job.'] },
    ]);
    expect(diff.sections[2]!.lists[0]!.entries.filter((e) => e.op !== 'same')).toEqual([
      { op: 'removed', text: 'after 30 min: Pipeline primary owner' },
      { op: 'added', text: 'after 20 min: Pipeline primary owner' },
    ]);
  });

  it('aligns lists on what they share', () => {
    expect(diffLists(['a', 'b', 'c'], ['b', 'c', 'd'])).toEqual([
      { op: 'removed', text: 'a' },
      { op: 'same', text: 'b' },
      { op: 'same', text: 'c' },
      { op: 'added', text: 'd' },
    ]);
  });
});
