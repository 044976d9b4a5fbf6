// The management plan for a quarter as Markdown, in the shape of the plans leads write by
// hand (overview, ownership with reasons, the rotation with its holiday cover, runbooks,
// SLAs, risks, drills and reviews), generated from the model so it is never out of date.
// Everything a person typed is escaped: it shows as text, never as Markdown or HTML.
import { formatDay, yearOf } from '../../shared/format';
import { describeParticipants } from '../../shared/domain/drills';
import { figureTexts, pickColumns, type FairnessColumn } from '../../shared/domain/figures';
import type { LedgerReport } from '../../shared/domain/ledger';
import { describeSlaRule } from '../../shared/domain/sla';
import { basePrimaryId, baseSecondaryId, shiftBounds, shiftIndexAt } from '../../shared/domain/rotation';
import { addDays, localDateOf, localTimeOf, zonedMs } from '../../shared/domain/time';
import type {
  Audience,
  BusinessArea,
  Engineer,
  EscalationRole,
  Holiday,
  Id,
  IsoDate,
  OwnershipReview,
  Override,
  Risk,
  RiskCategory,
  Rotation,
  Runbook,
  Segment,
  Sla,
  SlaRule,
} from '../../shared/model';
import type { PipelineRow } from '../../shared/views';
import type { DrillSummary } from '../db/repositories/share';

export interface PlanData {
  /** The quarter: local dates of the rotation, both included, and its label ('2026-Q4'). */
  period: { startDate: IsoDate; endDate: IsoDate; label: string };
  generatedOn: IsoDate;
  rotation: Rotation | null;
  engineers: readonly Engineer[];
  areas: readonly BusinessArea[];
  pipelines: readonly PipelineRow[];
  slas: readonly Sla[];
  runbooks: readonly Runbook[];
  risks: readonly Risk[];
  drills: readonly DrillSummary[];
  reviews: readonly OwnershipReview[];
  /** The computed schedule over the quarter's whole shifts. */
  segments: readonly Segment[];
  overrides: readonly Override[];
  holidays: readonly Holiday[];
  fairness: LedgerReport | null;
}

export const PLAN_SECTIONS = [
  'Overview',
  'Purpose',
  'Ownership',
  'On-call rotation',
  'Runbooks',
  'Service level agreements',
  'Risks and mitigations',
  'Drills and review cadence',
] as const;

// ---------------------------------------------------------------------------------------
// Escaping

/** Inline user text: Markdown punctuation and HTML brackets are backslash-escaped, newlines become spaces. */
export function mdText(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_[\]{}<>|#~]/g, (c) => `\\${c}`)
    .replace(/^([+\-=]|\d+[.)])(\s|$)/, (match) => `\\${match}`)
    .replace(/&(?=#?\w+;)/g, '&amp;')
    .trim();
}

/** A table cell: like mdText, and never empty (an empty cell collapses in some viewers). */
const cell = (text: string) => mdText(text) || '—';

/** The printed page is narrow: the ledger's columns a lead reads on paper. */
const PLAN_FAIRNESS_COLUMNS: FairnessColumn['key'][] = [
  'primaryDays',
  'secondaryDays',
  'holidayDays',
  'burden',
  'fairShare',
  'difference',
  'carriedIn',
  'balance',
];

function table(headers: string[], rows: string[][]): string {
  return [
    `| ${headers.join(' | ')} |`,
    `|${headers.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------
// Words

/** 'Thu 26 Nov', or 'Thu 26 Nov 2026' with the year (a plain date: no time zone involved) */
export function dayLabel(date: IsoDate, withYear = false): string {
  return formatDay(date, withYear ? undefined : yearOf(date));
}

const momentLabel = (instant: string, zone: string) =>
  `${dayLabel(localDateOf(instant, zone))} ${localTimeOf(instant, zone)}`;

const AUDIENCE_LABEL: Record<Audience, string> = {
  investors: 'investors',
  experiments: 'experiments',
  internal: 'internal',
};
const AUDIENCE_ORDER: Audience[] = ['investors', 'experiments', 'internal'];

const ESCALATION_LABEL: Record<EscalationRole, string> = {
  oncall_primary: 'the primary on call',
  oncall_secondary: 'the secondary on call',
  pipeline_primary: "the pipeline's primary owner",
  pipeline_secondary: "the pipeline's secondary owner",
  team_lead: 'the team lead',
  contact: 'a named contact',
};

const CATEGORY_LABEL: Record<RiskCategory, string> = {
  data: 'Data issues',
  pipeline: 'Pipeline failures',
  business_logic: 'Business logic issues',
};

/** The shared wording of an SLA rule, with the time zone its times are in. */
function slaRuleWithZone(rule: SlaRule, zone: string): string {
  return rule.kind === 'within_hours' ? describeSlaRule(rule) : `${describeSlaRule(rule)} (${zone})`;
}

const list = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

// ---------------------------------------------------------------------------------------
// The document

export function buildPlanMarkdown(data: PlanData): string {
  const names = new Map(data.engineers.map((e) => [e.id, e.name]));
  const who = (id: Id | null) => (id === null ? 'nobody' : mdText(names.get(id) ?? `engineer #${id}`));
  const active = data.pipelines.filter((p) => p.pipeline.retiredAt === null);
  const pipelineName = new Map(data.pipelines.map((p) => [p.pipeline.id, p.pipeline.name]));
  const title = (p: PipelineRow) => (p.area ? `${p.area.name} — ${p.pipeline.name}` : p.pipeline.name);
  const { period } = data;
  const out: string[] = [];

  out.push(
    `# Data pipeline management plan — ${period.label}`,
    `*${dayLabel(period.startDate, true)} to ${dayLabel(period.endDate, true)} · generated by Watchbill on ${dayLabel(data.generatedOn, true)} from the team's model.*`,
  );

  // 1. Overview
  const areaNames = data.areas.map((a) => mdText(a.name));
  const investorCount = active.filter((p) => p.pipeline.audience === 'investors').length;
  out.push(
    '## 1. Overview',
    `This plan covers the ${active.length} data pipelines that deliver the team's business metrics` +
      (areaNames.length ? ` in ${list(areaNames)}` : '') +
      `. ${investorCount} of them report to investors; the others feed experiments and internal decisions.`,
    table(
      ['Area', 'Pipeline', 'Audience', 'Purpose'],
      active.map((p) => [
        cell(p.area?.name ?? ''),
        cell(p.pipeline.name),
        AUDIENCE_LABEL[p.pipeline.audience],
        cell(p.pipeline.purpose),
      ]),
    ),
  );

  // 2. Purpose
  out.push(
    '## 2. Purpose',
    'This plan defines who owns each pipeline, who is on call when, what to do when a pipeline breaks, and how the team ' +
      'practises it. It keeps metrics on time, names the risks to them, and sets service level agreements (SLAs) so ' +
      'that the people who rely on the numbers — investors above all — can trust them.',
  );

  // 3. Ownership
  const ownershipRows = active.map((p) => [
    cell(p.area?.name ?? ''),
    cell(p.pipeline.name),
    who(p.ownership?.primaryEngineerId ?? null),
    who(p.ownership?.secondaryEngineerId ?? null),
    cell(p.ownership?.reason ?? ''),
  ]);
  const load = data.engineers
    .filter((e) => e.active)
    .map((e) => {
      const primary = active.filter((p) => p.ownership?.primaryEngineerId === e.id).length;
      const secondary = active.filter((p) => p.ownership?.secondaryEngineerId === e.id).length;
      return `${mdText(e.name)}: primary for ${primary}, secondary for ${secondary}`;
    });
  const problems = active
    .filter((p) => p.ownershipProblem)
    .map((p) => `- ${cell(p.pipeline.name)}: ${mdText(p.ownershipProblem ?? '')}`);
  out.push(
    '## 3. Ownership',
    'Every pipeline has a **primary owner**, responsible for its development, maintenance and troubleshooting, and a ' +
      '**secondary owner**, who backs the primary up and knows the pipeline well enough to fix it alone.',
    table(['Area', 'Pipeline', 'Primary owner', 'Secondary owner', 'Why these owners'], ownershipRows),
    `**Load:** ${load.join('; ')}.`,
    ...(problems.length ? ['**Needs attention:**', problems.join('\n')] : []),
  );

  // 4. On-call rotation
  out.push('## 4. On-call rotation');
  if (!data.rotation || data.rotation.memberIds.length === 0) {
    out.push('There is no on-call rotation yet.');
  } else {
    out.push(...rotationSection(data, data.rotation, who));
  }

  // 5. Runbooks
  const runbookOf = new Map(data.runbooks.map((r) => [r.pipelineId, r]));
  const slasOf = (pipelineId: Id) => data.slas.filter((s) => s.pipelineId === pipelineId);
  const ordered = [...active].sort(
    (a, b) => AUDIENCE_ORDER.indexOf(a.pipeline.audience) - AUDIENCE_ORDER.indexOf(b.pipeline.audience),
  );
  out.push(
    '## 5. Runbooks',
    'One runbook per pipeline, investor-facing pipelines first. Each gives the pipeline at a glance, its known failure ' +
      'scenarios with checks and resolution steps, how it is monitored, and whom to escalate to and when.',
  );
  for (const p of ordered) {
    const runbook = runbookOf.get(p.pipeline.id);
    out.push(`### ${mdText(title(p))}`);
    out.push(
      [
        `- **Audience:** ${AUDIENCE_LABEL[p.pipeline.audience]}`,
        `- **Owners:** ${who(p.ownership?.primaryEngineerId ?? null)} (primary), ${who(p.ownership?.secondaryEngineerId ?? null)} (secondary)`,
        `- **Purpose:** ${cell(runbook?.purpose || p.pipeline.purpose)}`,
        `- **Inputs:** ${cell(runbook?.inputs || p.pipeline.inputSources)}`,
        `- **Transformation:** ${cell(runbook?.transformation || p.pipeline.transformation)}`,
        `- **Outputs:** ${cell(runbook?.outputs || p.pipeline.outputs)}`,
      ].join('\n'),
    );
    if (!runbook) {
      out.push(
        `**This pipeline has no runbook yet.**${p.pipeline.audience === 'investors' ? ' It reports to investors: write one first.' : ''}`,
      );
      continue;
    }
    out.push('#### Failure scenarios');
    if (runbook.scenarios.length === 0) out.push('No failure scenarios are written down yet.');
    runbook.scenarios.forEach((s, i) => {
      out.push(
        [
          `**${i + 1}. ${mdText(s.title)}**`,
          '',
          `- *Symptoms:* ${cell(s.symptoms)}`,
          `- *Checks:* ${cell(s.checks)}`,
          '- *Resolution:*',
          ...s.steps.map((step, n) => `    ${n + 1}. ${cell(step)}`),
        ].join('\n'),
      );
    });
    const slaLines = slasOf(p.pipeline.id).map(
      (s) => `${mdText(s.description)} (${mdText(slaRuleWithZone(s.rule, s.timeZone))})`,
    );
    out.push(
      '#### Monitoring and alerting',
      [
        `- **SLA:** ${slaLines.length ? slaLines.join('; ') : cell(runbook.slaText)}`,
        `- **Alert thresholds:** ${cell(runbook.alertThresholds)}`,
        `- **Dashboards:** ${runbook.dashboards.length ? runbook.dashboards.map((d) => `${mdText(d.label)} (${dashboardUrl(d.url)})`).join(', ') : 'none recorded'}`,
      ].join('\n'),
    );
    if (runbook.escalation.length) {
      out.push(
        '#### Escalation',
        runbook.escalation
          .map((level, n) => {
            const contact = [level.contactName, level.contactDetail]
              .map((t) => t.trim())
              .filter(Boolean)
              .map(mdText)
              .join(', ');
            const after = level.afterMinutes === 0 ? 'At once' : `After ${level.afterMinutes} minutes`;
            return `${n + 1}. ${after}: ${ESCALATION_LABEL[level.role]}${contact ? ` (${contact})` : ''}`;
          })
          .join('\n'),
      );
    }
    if (runbook.mitigations.length)
      out.push('#### Mitigations', runbook.mitigations.map((m) => `- ${cell(m)}`).join('\n'));
  }

  // 6. SLAs
  out.push(
    '## 6. Service level agreements',
    table(
      ['Pipeline', 'Audience', 'Commitment', 'Why it matters'],
      ordered.flatMap((p) =>
        slasOf(p.pipeline.id).map((s) => [
          cell(title(p)),
          AUDIENCE_LABEL[p.pipeline.audience],
          `${cell(s.description)} (${mdText(slaRuleWithZone(s.rule, s.timeZone))})`,
          cell(s.whyItMatters),
        ]),
      ),
    ),
    'Meeting these SLAs keeps investors confident and experiments on schedule: late or wrong numbers cost trust that ' +
      'takes far longer to win back than a pipeline takes to fix. Business days skip weekends and the team’s holidays.',
  );

  // 7. Risks
  out.push('## 7. Risks and mitigations');
  if (data.risks.length === 0) out.push('No risks are recorded.');
  for (const category of Object.keys(CATEGORY_LABEL) as RiskCategory[]) {
    const risks = data.risks.filter((r) => r.category === category);
    if (risks.length === 0) continue;
    out.push(
      `### ${CATEGORY_LABEL[category]}`,
      table(
        ['Risk', 'Likelihood × impact', 'Mitigation', 'Owner', 'Pipelines', 'Status'],
        risks.map((r) => [
          `**${mdText(r.title)}** — ${cell(r.description)}`,
          `${r.likelihood} × ${r.impact} = ${r.likelihood * r.impact}`,
          cell(r.mitigation),
          who(r.ownerId),
          cell(r.pipelineIds.map((id) => pipelineName.get(id) ?? `#${id}`).join(', ')),
          r.status,
        ]),
      ),
    );
  }

  // 8. Drills and reviews
  out.push('## 8. Drills and review cadence');
  const zone = data.rotation?.timeZone ?? 'UTC';
  if (data.drills.length) {
    out.push(
      table(
        ['When', 'Pipeline', 'Scenario', 'Status', 'Outcome', 'Participants'],
        data.drills.map((d) => [
          momentLabel(d.scheduledAt, zone),
          cell(pipelineName.get(d.pipelineId) ?? `#${d.pipelineId}`),
          cell(d.scenarioTitle),
          d.status,
          d.outcome ? d.outcome.replace(/_/g, ' ') : '—',
          cell(describeParticipants(d.participants, (id) => names.get(id) ?? `#${id}`)),
        ]),
      ),
    );
  } else {
    out.push(`No drills are planned or recorded for ${period.label} yet.`);
  }
  const lastReview = data.reviews[0];
  const nextQuarterStart = addDays(period.endDate, 1);
  out.push(
    [
      '- **Ownership and the on-call schedule are reviewed quarterly**' +
        (lastReview
          ? `; the last review (${mdText(lastReview.quarter)}) was on ${dayLabel(lastReview.reviewedOn, true)}`
          : '') +
        `. The next review is due in the first week of ${dayLabel(nextQuarterStart, true).slice(4)}.`,
      '- **Emergency-response drills run twice a year**, each on one runbook scenario of an investor-facing pipeline, with ' +
        'the engineers on call taking part; findings become runbook revisions and follow-ups.',
      '- Changes to pipelines, owners or runbooks are recorded in Watchbill and shared with this plan.',
    ].join('\n'),
  );

  return `${out.join('\n\n')}\n`;
}

/** Dashboards are links people click in a PDF: only http(s) addresses become links. */
function dashboardUrl(url: string): string {
  return /^https?:\/\/[^\s<>]+$/i.test(url) ? `<${url}>` : mdText(url);
}

function rotationSection(data: PlanData, rotation: Rotation, who: (id: Id | null) => string): string[] {
  const zone = rotation.timeZone;
  const order = rotation.memberIds.map((id) => who(id));
  const out: string[] = [
    [
      `- **Shifts last ${rotation.shiftDays === 7 ? 'one week' : `${rotation.shiftDays} days`}** and hand over at ${rotation.handoffTime} (${zone}).`,
      `- **Rotation order:** ${order.join(' → ')} → repeat. The secondary (backup) is the next engineer in order.`,
      '- **Holiday cover:** major holidays weigh more in the fairness figures; whoever would hold one can swap or split ' +
        'the week so the load stays fair.',
    ].join('\n'),
  ];

  // Whole shifts overlapping the quarter, numbered from 1 within it.
  const firstMs = Math.max(
    zonedMs(data.period.startDate, '00:00', zone),
    zonedMs(rotation.startDate, rotation.handoffTime, zone),
  );
  const endMs = zonedMs(addDays(data.period.endDate, 1), '00:00', zone);
  const holidays = data.holidays;
  const overrides = new Map(data.overrides.map((o) => [o.id, o]));
  const rows: string[][] = [];
  if (firstMs < endMs) {
    // Week 1 is the first shift that starts in the quarter: the few hours of the shift before it are that shift's tail.
    const containing = shiftIndexAt(rotation, firstMs);
    const first = Date.parse(shiftBounds(rotation, containing).startsAt) < firstMs ? containing + 1 : containing;
    const last = shiftIndexAt(rotation, endMs - 1);
    for (let index = first; index <= last; index += 1) {
      const bounds = shiftBounds(rotation, index);
      const startDate = localDateOf(bounds.startsAt, zone);
      const endDate = localDateOf(bounds.endsAt, zone);
      const lastDay = addDays(endDate, -1);
      const inShift = data.segments.filter((s) => s.shiftIndex === index);
      const main = (role: 'primary' | 'secondary') =>
        mainHolder(inShift, role) ??
        (role === 'primary' ? basePrimaryId(rotation, index) : baseSecondaryId(rotation, index));
      const notes: string[] = [];
      for (const h of holidays)
        if (h.date >= startDate && h.date <= lastDay) notes.push(`${mdText(h.name)} (${dayLabel(h.date)})`);
      const changed = [...new Set(inShift.flatMap((s) => s.overrideIds))]
        .map((id) => overrides.get(id))
        .filter((o): o is Override => o !== undefined)
        .map(
          (o) =>
            `${who(o.engineerId)} ${o.role} ${momentLabel(maxIso(o.startsAt, bounds.startsAt), zone)}–${momentLabel(minIso(o.endsAt, bounds.endsAt), zone)}`,
        );
      rows.push([
        String(index - first + 1),
        `${nbsp(dayLabel(startDate))} – ${nbsp(dayLabel(lastDay))}`,
        nbsp(who(main('primary'))),
        nbsp(who(main('secondary'))),
        [...notes, ...changed].join('; ') || '—',
      ]);
    }
  }
  out.push(table(['Week', 'Dates', 'Primary on call', 'Secondary on call', 'Holidays and cover'], rows));

  out.push('### Holiday cover and swaps');
  const quarterStart = new Date(firstMs).toISOString();
  const quarterEnd = new Date(endMs).toISOString();
  const touching = data.overrides
    .filter((o) => o.startsAt < quarterEnd && o.endsAt > quarterStart)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.role.localeCompare(b.role));
  if (touching.length === 0) {
    out.push('No holiday cover or swaps this quarter: the rotation runs as planned.');
  } else {
    out.push(
      touching
        .map((o) => {
          const shift = shiftIndexAt(rotation, o.startsAt);
          const instead = o.role === 'primary' ? basePrimaryId(rotation, shift) : baseSecondaryId(rotation, shift);
          const insteadText = instead !== null && instead !== o.engineerId ? ` instead of ${who(instead)}` : '';
          const reason = o.reason.trim() ? ` ${mdText(o.reason.trim())}` : '';
          return `- **${o.kind === 'pto' ? 'PTO cover' : o.kind[0]!.toUpperCase() + o.kind.slice(1)}:**${reason} ${who(o.engineerId)} is ${o.role} from ${momentLabel(o.startsAt, zone)} to ${momentLabel(o.endsAt, zone)}${insteadText}.`;
        })
        .join('\n'),
    );
  }
  if (holidays.length) {
    out.push(
      '**Who holds the holidays:**',
      holidays
        .map((h) => {
          const noon = zonedMs(h.date, '12:00', zone);
          const s = data.segments.find((seg) => Date.parse(seg.startsAt) <= noon && noon < Date.parse(seg.endsAt));
          return `- ${mdText(h.name)}, ${dayLabel(h.date)} (weight ${h.weight}): ${s ? `${who(s.primaryId)} primary, ${who(s.secondaryId)} secondary` : 'before the rotation starts'}`;
        })
        .join('\n'),
    );
  }
  if (data.fairness && data.fairness.engineers.length) {
    const fairness = data.fairness;
    const columns = pickColumns(PLAN_FAIRNESS_COLUMNS);
    out.push(
      '### Fairness this quarter',
      mdText(fairness.covers),
      mdText(`${fairness.meanings.weightedBurden} ${fairness.meanings.fairShare} ${fairness.meanings.carriedIn}`),
      table(
        ['Engineer', ...columns.map((c) => c.header)],
        fairness.engineers.map((f) => [who(f.engineerId), ...figureTexts(f, columns)]),
      ),
    );
  }
  return out;
}

/** The engineer who holds `role` for most of a shift. */
function mainHolder(segments: readonly Segment[], role: 'primary' | 'secondary'): Id | null {
  const time = new Map<Id, number>();
  for (const s of segments) {
    const id = role === 'primary' ? s.primaryId : s.secondaryId;
    if (id !== null) time.set(id, (time.get(id) ?? 0) + Date.parse(s.endsAt) - Date.parse(s.startsAt));
  }
  let best: Id | null = null;
  for (const [id, ms] of time) if (best === null || ms > time.get(best)!) best = id;
  return best;
}

/** Keeps a short label on one line in a narrow table column. */
const nbsp = (text: string) => text.replace(/ /g, '\u00a0');

const maxIso = (a: string, b: string) => (Date.parse(a) > Date.parse(b) ? a : b);
const minIso = (a: string, b: string) => (Date.parse(a) < Date.parse(b) ? a : b);
