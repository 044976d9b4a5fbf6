// A finished (or running) drill as a report for stakeholders: Markdown, and HTML rendered
// from it by the plan's renderer. Everything a person typed goes through the plan's
// escaping, so a note like "<script>" or "**fix**" reads as written.
import {
  DRILL_MOMENT_LABELS,
  DRILL_MOMENTS,
  DRILL_OUTCOME_LABELS,
  describeParticipants,
  formatDuration,
  MOMENT_TIMINGS,
} from '../../shared/domain/drills';
import { localDateOf } from '../../shared/domain/time';
import type { DrillReport, DrillReportFormat, DrillView } from '../../shared/drill-views';
import { pdfRenderer } from './pdf';
import type { Id } from '../../shared/model';
import { dayLabel, mdText } from './plan';
import { planHtml } from './plan-html';

const cell = (text: string) => mdText(text) || '—';

function table(headers: string[], rows: string[][]): string {
  return [
    `| ${headers.join(' | ')} |`,
    `|${headers.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** Several lines of typed text as paragraphs, each escaped. */
const paragraphs = (text: string) =>
  text
    .split(/\r\n?|\n/)
    .map((line) => mdText(line))
    .filter(Boolean)
    .join('\n\n');

export function drillReportMarkdown(view: DrillView): string {
  const { drill, pipeline, scenario, timings, timeZone } = view;
  const names = new Map(view.engineers.map((e) => [e.id, e.name]));
  const nameOf = (id: Id | null) => (id === null ? '—' : (names.get(id) ?? `Engineer #${id}`));
  const when = drill.startedAt ?? drill.scheduledAt;
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(
    new Date(when),
  );
  const out: string[] = [];

  out.push(`# Drill report: ${mdText(pipeline.name)} — ${mdText(drill.scenarioTitle)}`);
  out.push(
    `Emergency-response drill on ${dayLabel(localDateOf(when, timeZone), true)} at ${time} (${mdText(timeZone)}) · ` +
      (drill.outcome
        ? `Outcome: **${DRILL_OUTCOME_LABELS[drill.outcome]}**`
        : `Status: **${drill.status === 'running' ? 'still running' : drill.status}**`),
  );

  out.push('## Timings');
  out.push(
    table(
      ['Moment', 'Time from the start'],
      [
        ...DRILL_MOMENTS.map((m) => [DRILL_MOMENT_LABELS[m], formatDuration(timings[MOMENT_TIMINGS[m]])]),
        ['Finished', formatDuration(timings.durationMs)],
      ],
    ),
  );
  out.push(
    `Steps: ${timings.stepsDone} of ${timings.stepsTotal} done, ${timings.stepsSkipped} skipped` +
      (timings.stepsLeft ? `, ${timings.stepsLeft} not reached.` : '.'),
  );

  out.push('## People');
  out.push(
    [
      `- Facilitator: ${cell(nameOf(drill.facilitatorId))}`,
      `- Participants: ${cell(describeParticipants(drill.participants, nameOf))}`,
    ].join('\n'),
  );

  out.push('## Scenario');
  out.push([`**Symptoms:** ${cell(scenario.symptoms)}`, `**Checks:** ${cell(scenario.checks)}`].join('\n\n'));

  out.push('## Steps');
  out.push(
    view.steps.length
      ? table(
          ['#', 'Step', 'Ticked at', 'Result'],
          timings.steps.map((s) => [
            String(s.position + 1),
            cell(s.text),
            formatDuration(s.atMs),
            s.skipped ? 'skipped' : s.atMs === null ? 'not reached' : 'done',
          ]),
        )
      : 'The drill has no steps recorded.',
  );

  if (drill.notes.length) {
    out.push('## Notes');
    const start = drill.startedAt ? Date.parse(drill.startedAt) : null;
    out.push(
      drill.notes
        .map(
          (n) =>
            `- ${start === null ? '' : `${formatDuration(Math.max(0, Date.parse(n.at) - start))} — `}${mdText(n.text)}`,
        )
        .join('\n'),
    );
  }

  out.push('## Findings');
  out.push(paragraphs(drill.findings) || 'No findings recorded.');

  out.push('## Follow-ups');
  out.push(
    drill.followups.length
      ? table(
          ['Follow-up', 'Owner', 'Due', 'Status'],
          drill.followups.map((f) => [cell(f.text), cell(nameOf(f.ownerId)), f.dueDate ?? '—', f.status]),
        )
      : 'No follow-ups.',
  );

  const past = view.history?.entries ?? [];
  if (past.length > 1) {
    out.push('## Compared with past drills of this scenario');
    const column = (e: (typeof past)[number]) =>
      `${localDateOf(e.startedAt, timeZone)}${e.drillId === drill.id ? ' (this drill)' : ''}`;
    out.push(
      table(
        ['', ...past.map(column)],
        [
          ['Acknowledged', ...past.map((e) => formatDuration(e.toAcknowledgeMs))],
          ['Mitigated', ...past.map((e) => formatDuration(e.toMitigateMs))],
          ['Resolved', ...past.map((e) => formatDuration(e.toResolveMs))],
          ['Steps skipped', ...past.map((e) => `${e.stepsSkipped} of ${e.stepsTotal}`)],
          ['Outcome', ...past.map((e) => (e.outcome ? DRILL_OUTCOME_LABELS[e.outcome] : '—'))],
        ],
      ),
    );
  }

  if (view.revisions.length) {
    out.push('## Runbook changes from this drill');
    out.push(
      view.revisions
        .map((r) => `- Revision ${r.revision} (${localDateOf(r.savedAt, timeZone)}): ${mdText(r.note)}`)
        .join('\n'),
    );
  }
  return `${out.join('\n\n')}\n`;
}

/** The report in a format; the PDF is printed from the HTML by the host's PDF renderer. */
export async function drillReport(view: DrillView, format: DrillReportFormat): Promise<DrillReport> {
  const markdown = drillReportMarkdown(view);
  const slug = `${view.pipeline.name}-${view.drill.scenarioTitle}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const date = localDateOf(view.drill.startedAt ?? view.drill.scheduledAt, view.timeZone);
  const filename = `drill-${view.drill.id}-${slug}-${date}.${format}`;
  if (format === 'md') return { format, filename, mimeType: 'text/markdown', encoding: 'utf8', content: markdown };
  const html = planHtml(markdown, `Drill report: ${view.pipeline.name} — ${view.drill.scenarioTitle}`);
  if (format === 'html') return { format, filename, mimeType: 'text/html', encoding: 'utf8', content: html };
  const pdf = await pdfRenderer().htmlToPdf(html);
  return {
    format,
    filename,
    mimeType: 'application/pdf',
    encoding: 'base64',
    content: Buffer.from(pdf).toString('base64'),
  };
}
