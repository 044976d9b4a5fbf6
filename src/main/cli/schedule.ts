// `watchbill schedule`, `watchbill fairness` and `watchbill plan`: the rotation engine from
// the terminal, through the same handlers as the app.
import { describeOverride } from '../../shared/domain/override-kinds';
import { FAIRNESS_COLUMNS, figureValues, formatFigure } from '../../shared/domain/figures';
import { CARRY_POLICIES, type CarryPolicy, type LedgerReport } from '../../shared/domain/ledger';
import { formatLocal, startOfLocalDayMs, addDays, toInstant } from '../../shared/domain/time';
import { dateOption, parseOptions, type Command } from './command';
import { namer, table } from './format';
import type { PlanProposal } from '../../shared/domain/ledger-plan';
import type { RotationPlan } from '../../shared/domain/plan-rotations';
import { activeRotations, rotationOption } from './rotation-option';
import { call, withApp } from './open';
import { rotationHeading, rotationsFor } from './rotation-option';

const rangeOptions = {
  db: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  json: { type: 'boolean', default: false },
  empty: { type: 'boolean', default: false },
  carry: { type: 'string' },
  rotation: { type: 'string' },
} as const;

function requireRange(values: { from?: string; to?: string }): { from: string; to: string } {
  const { from, to } = values;
  if (!from || !to) throw new Error('--from DATE and --to DATE are required (dates as YYYY-MM-DD).');
  dateOption('--from', from);
  dateOption('--to', to);
  return { from, to };
}

export function fairnessTable(report: LedgerReport, name: (id: number) => string): string {
  return [
    report.covers,
    table(
      ['engineer', ...FAIRNESS_COLUMNS.map((c) => c.short)],
      report.engineers.map((r) => [name(r.engineerId), ...figureValues(r)]),
    ),
    `spread ${formatFigure(report.team.spread)} this period · balance spread ${formatFigure(report.team.balanceSpread)} · ` +
      `standard deviation ${formatFigure(report.team.standardDeviation)} · balance score ${report.team.balanceScore.toFixed(3)}`,
  ].join('\n');
}

/** What the figures mean, printed under the table so nobody has to guess. */
const fairnessLegend = ({ meanings }: LedgerReport) =>
  [meanings.weightedBurden, meanings.fairShare, meanings.carriedIn].join('\n');

function carryOption(value: string | undefined): CarryPolicy | undefined {
  if (value === undefined) return undefined;
  const policy = CARRY_POLICIES.find((p) => p === value);
  if (!policy) throw new Error(`--carry must be one of ${CARRY_POLICIES.join(', ')}, not '${value}'.`);
  return policy;
}

export const scheduleCommand: Command = {
  name: 'schedule',
  summary: 'print the computed on-call schedule for a range, a section per rotation',
  usage: [
    'Usage: watchbill schedule --db PATH --from DATE --to DATE [--rotation NAME] [--json]',
    '',
    '  Dates are local dates of each rotation, both included. Without --rotation: every active rotation,',
    '  a section each. --json: the segments of the one rotation shown, or with several, a list of',
    '  { rotation, segments, warnings }.',
  ].join('\n'),
  run: (argv, clock) =>
    withApp(argv, clock, async (app) => {
      const { values } = parseOptions(argv, rangeOptions);
      const range = requireRange(values);
      const rotations = await rotationsFor(app, values.rotation);
      const views = [];
      for (const rotation of rotations) {
        const zone = rotation.timeZone;
        const from = toInstant(startOfLocalDayMs(range.from, zone));
        const to = toInstant(startOfLocalDayMs(addDays(range.to, 1), zone));
        views.push(await call(app, 'schedule:get', { from, to, rotationId: rotation.id }));
      }
      if (values.json) {
        const sections = views.map(({ rotation, segments, warnings }) => ({ rotation, segments, warnings }));
        console.log(JSON.stringify(sections.length === 1 ? sections[0]!.segments : sections, null, 2));
        return 0;
      }
      const name = namer(await call(app, 'engineers:list', {}));
      views.forEach((view, index) => {
        const zone = view.rotation.timeZone;
        const reasons = new Map(view.overrides.map((o) => [o.id, describeOverride(o)]));
        if (index > 0) console.log('');
        console.log(rotationHeading(view.rotation));
        console.log(
          view.segments.length === 0
            ? 'Nobody is on call in this rotation in the range.'
            : table(
                ['from', 'to', 'primary', 'secondary', 'why'],
                view.segments.map((s) => [
                  formatLocal(s.startsAt, zone),
                  formatLocal(s.endsAt, zone),
                  name(s.primaryId),
                  name(s.secondaryId),
                  // One line per reason: a cover and the companion it displaced often share one.
                  [...new Set(s.overrideIds.map((id) => reasons.get(id) ?? '').filter(Boolean))].join('; ') ||
                    'rotation',
                ]),
              ),
        );
        for (const w of view.warnings) console.log(`warning: ${w.message}`);
      });
      return 0;
    }),
};

export const fairnessCommand: Command = {
  name: 'fairness',
  summary: 'print per-engineer on-call burden against fair share, and team figures',
  usage:
    'Usage: watchbill fairness --db PATH --from DATE --to DATE [--rotation NAME] [--carry none|full|capped] [--json]\n\n' +
    "  --rotation: one rotation's figures (default: every rotation, each on its own, then everyone's total).\n" +
    "  --carry: how the balance from before --from counts (default: the file's carry-over setting).",
  run: (argv, clock) =>
    withApp(argv, clock, async (app) => {
      const { values } = parseOptions(argv, { ...rangeOptions, rotation: { type: 'string' } });
      const range = requireRange(values);
      const carry = carryOption(values.carry);
      const named = await rotationOption(app, values.rotation);
      const period = { kind: 'custom', from: range.from, to: range.to } as const;
      const name = namer(await call(app, 'engineers:list', {}));
      if (named || (await activeRotations(app)).length <= 1) {
        const report = await call(app, 'fairness:get', {
          period,
          ...(named && { rotationId: named.id }),
          ...(carry && { carry }),
        });
        if (values.json) console.log(JSON.stringify(report, null, 2));
        else
          console.log(`${named ? `${named.name}\n` : ''}${fairnessTable(report, name)}\n\n${fairnessLegend(report)}`);
        return 0;
      }
      const ledger = await call(app, 'fairness:team', { period, ...(carry && { carry }) });
      if (values.json) console.log(JSON.stringify(ledger, null, 2));
      else {
        for (const { rotationName, report } of ledger.rotations)
          console.log(`${rotationName}\n${fairnessTable(report, name)}\n`);
        console.log(
          [
            'In total, every rotation',
            ledger.covers,
            table(
              ['engineer', ...FAIRNESS_COLUMNS.map((c) => c.short)],
              ledger.totals.map((r) => [name(r.engineerId), ...figureValues(r)]),
            ),
            `spread ${formatFigure(ledger.team.spread)} · balance spread ${formatFigure(ledger.team.balanceSpread)}`,
          ].join('\n'),
        );
        if (ledger.rotations[0]) console.log(`\n${fairnessLegend(ledger.rotations[0].report)}`);
      }
      return 0;
    }),
};

/** One rotation's proposed plan, as the terminal shows it. */
function printPlan(plan: PlanProposal, zone: string, name: (id: number | null) => string): void {
  console.log(
    table(
      ['shift starts', 'primary', 'secondary', 'holiday cover'],
      plan.shifts.map((s) => [
        formatLocal(s.startsAt, zone),
        name(s.primaryId),
        name(s.secondaryId),
        s.covers.map((c) => `${c.holidayNames.join(', ')}: ${name(c.engineerId)}`).join('; '),
      ]),
    ),
  );
  console.log(`\nBefore:\n${fairnessTable(plan.before, name)}\n\nAfter:\n${fairnessTable(plan.after, name)}`);
  console.log(
    `\nSpread this period ${formatFigure(plan.before.team.spread)} → ${formatFigure(plan.after.team.spread)}; ` +
      `balance spread ${formatFigure(plan.before.team.balanceSpread)} → ${formatFigure(plan.after.team.balanceSpread)}.`,
  );
  for (const w of plan.fixed) console.log(`fixed: ${w.message}`);
  for (const { warning, reason } of plan.unfixed) console.log(`not fixed: ${warning.message} (${reason})`);
}

const changes = (plan: PlanProposal) => plan.change.add.length + plan.change.remove.length;

export const planCommand: Command = {
  name: 'plan',
  summary: 'propose a fair plan for a range (and apply it with --apply)',
  usage:
    'Usage: watchbill plan --db PATH --from DATE --to DATE [--rotation NAME] [--carry none|full|capped] [--replace] [--apply] [--json]\n\n' +
    '  Prints the proposed shifts and holiday cover with fairness before and after.\n' +
    '  --rotation: plan that rotation only (default: every rotation, in the lead’s order); nobody is\n' +
    '  planned on call in two rotations at once unless one of them allows it.\n' +
    "  --carry: how the balance from before --from counts (default: the file's carry-over setting).\n" +
    '  --replace: plan again over a plan applied earlier: its overrides in the range (those whose\n' +
    '  reason the planner wrote) are replaced; by default they are kept like the lead’s own.\n' +
    '  --apply saves it as ordinary overrides (undoable in the app).',
  run: (argv, clock) =>
    withApp(argv, clock, async (app) => {
      const { values } = parseOptions(argv, {
        ...rangeOptions,
        rotation: { type: 'string' },
        apply: { type: 'boolean', default: false },
        replace: { type: 'boolean', default: false },
      });
      const range = requireRange(values);
      const carry = carryOption(values.carry);
      const choices = { ...(carry && { carry }), ...(values.replace && { replace: true }) };
      const named = await rotationOption(app, values.rotation);
      const rotations = named ? [named] : await activeRotations(app);
      const plans: RotationPlan[] =
        rotations.length === 1
          ? [
              {
                rotationId: rotations[0]!.id,
                rotationName: rotations[0]!.name,
                proposal: await call(app, 'plan:propose', { ...range, rotationId: rotations[0]!.id, ...choices }),
              },
            ]
          : (await call(app, 'plan:propose-all', { ...range, ...choices })).plans;
      if (values.json) {
        console.log(JSON.stringify(plans.length === 1 ? plans[0]!.proposal : { plans }, null, 2));
      } else {
        const name = namer(await call(app, 'engineers:list', {}));
        for (const plan of plans) {
          if (plans.length > 1) console.log(`\n${plan.rotationName}`);
          printPlan(plan.proposal, rotations.find((r) => r.id === plan.rotationId)!.timeZone, name);
        }
      }
      if (values.apply) {
        if (plans.every((p) => changes(p.proposal) === 0)) {
          console.log('\nNothing to apply: the schedule is already as planned.');
          return 0;
        }
        // One rotation after another, in the lead's order: each is planned again with the ones
        // before it as they now are, which is how the proposal planned them.
        for (const plan of plans) {
          if (changes(plan.proposal) === 0) continue;
          const result = await call(app, 'schedule:apply', {
            operation: {
              op: 'plan',
              rotationId: plan.rotationId,
              from: range.from,
              to: range.to,
              ...choices,
            },
          });
          console.log(
            `\nApplied${plans.length > 1 ? ` to ${plan.rotationName}` : ''}: ` +
              `${result.applied.add.length} overrides added, ${result.applied.remove.length} removed.`,
          );
        }
      }
      return 0;
    }),
};
