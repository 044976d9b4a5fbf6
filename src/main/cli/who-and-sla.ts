// `watchbill who` (the escalation path resolved to people) and `watchbill sla` (coming
// deadlines), through the same handlers as the app.
import { MOMENT_FORMS, parseMoment } from '../../shared/domain/moments';
import { formatLocal } from '../../shared/domain/time';
import { dateOption, parseOptions, type Command } from './command';
import { table } from './format';
import { call, withApp } from './open';

/** --at, read by the shared rule: without an offset it is team time. */
function momentArg(value: string, timeZone: string): string {
  const at = parseMoment(value, timeZone);
  if (at === null) throw new Error(`--at must be a date and time as ${MOMENT_FORMS}, not '${value}'.`);
  return at;
}

export const whoCommand: Command = {
  name: 'who',
  summary: 'who to call for a pipeline now (or at a moment), level by level',
  usage: [
    'Usage: watchbill who --db PATH --pipeline NAME [--at DATETIME] [--json]',
    '',
    "  DATETIME is 'YYYY-MM-DD HH:MM' or '2027-11-25T10:00:00': without an offset it is team",
    "  time, read in the rotation's time zone (the answer names it). With an offset or Z it is",
    "  that instant ('2026-11-21T15:00Z'). Default: now. Each level is resolved at the minute it starts.",
  ].join('\n'),
  run: (argv, clock) =>
    withApp(argv, clock, async (app) => {
      const { values } = parseOptions(argv, {
        db: { type: 'string' },
        empty: { type: 'boolean', default: false },
        pipeline: { type: 'string' },
        at: { type: 'string' },
        json: { type: 'boolean', default: false },
      });
      if (!values.pipeline) throw new Error('--pipeline NAME is required.');
      const rows = await call(app, 'pipelines:list', {});
      const wanted = values.pipeline.trim().toLowerCase();
      const row = rows.find((r) => r.pipeline.name.toLowerCase() === wanted);
      if (!row)
        throw new Error(
          `There is no pipeline '${values.pipeline}'. Pipelines: ${rows.map((r) => r.pipeline.name).join(', ') || 'none'}.`,
        );
      const zone = (await call(app, 'rotations:list', {}))[0]?.timeZone ?? 'UTC';
      const at = values.at ? momentArg(values.at, zone) : undefined;
      const view = await call(app, 'escalation:who', { pipelineId: row.pipeline.id, ...(at ? { at } : {}) });
      if (values.json) {
        console.log(JSON.stringify(view, null, 2));
        return 0;
      }
      console.log(`Who to call for ${view.pipeline.name} from ${formatLocal(view.at, zone)} (${zone})`);
      if (!view.levels) {
        console.log(`${view.pipeline.name} has no runbook, so no escalation path.`);
        return 1;
      }
      console.log(
        table(
          ['level', 'after', 'at', 'role', 'who', 'reach', 'note'],
          view.levels.map((l) => [
            String(l.level),
            `${l.afterMinutes} min`,
            formatLocal(l.startsAt, zone).slice(11),
            l.roleLabel,
            l.name ?? '—',
            l.detail,
            l.problem ?? '',
          ]),
        ),
      );
      return 0;
    }),
};

export const slaCommand: Command = {
  name: 'sla',
  summary: 'list the coming SLA deadlines',
  usage: [
    'Usage: watchbill sla --db PATH [--from DATE] [--days N] [--json]',
    '',
    "  From DATE (YYYY-MM-DD, default today) for N days (default 7), in each SLA's own time zone.",
    '  Business days skip weekends and the team holiday calendar.',
  ].join('\n'),
  run: (argv, clock) =>
    withApp(argv, clock, async (app) => {
      const { values } = parseOptions(argv, {
        db: { type: 'string' },
        empty: { type: 'boolean', default: false },
        from: { type: 'string' },
        days: { type: 'string' },
        json: { type: 'boolean', default: false },
      });
      dateOption('--from', values.from);
      const days = values.days === undefined ? 7 : Number(values.days);
      if (!Number.isInteger(days) || days < 1 || days > 366)
        throw new Error(`--days must be a whole number from 1 to 366, not '${values.days}'.`);
      const view = await call(app, 'slas:deadlines', { ...(values.from ? { from: values.from } : {}), days });
      if (values.json) {
        console.log(JSON.stringify(view, null, 2));
        return 0;
      }
      console.log(`SLA deadlines from ${view.from} for ${view.days} day${view.days === 1 ? '' : 's'}`);
      if (view.deadlines.length === 0) console.log('No deadlines in this period.');
      else
        console.log(
          table(
            ['due', 'zone', 'pipeline', 'rule', 'note'],
            view.deadlines.map((d) => [
              `${d.deadline.localDate} ${d.deadline.localTime}`,
              d.timeZone,
              d.pipelineName,
              d.summary,
              [
                d.deadline.dataDates.length ? `data of ${d.deadline.dataDates.join(', ')}` : '',
                d.deadline.movedFrom ? `moved from holiday ${d.deadline.movedFrom}` : '',
                d.deadline.event ? `${d.deadline.event.label || 'event'} at ${d.deadline.event.at}` : '',
              ]
                .filter(Boolean)
                .join('; '),
            ]),
          ),
        );
      for (const w of view.waitingForEvent)
        console.log(`${w.pipelineName}: ${w.summary} (no deadline until the event happens)`);
      return 0;
    }),
};

export const planCommands: Command[] = [whoCommand, slaCommand];
