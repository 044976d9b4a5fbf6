// `watchbill who` (the escalation path resolved to people) and `watchbill sla` (coming
// deadlines), through the same handlers as the app.
import { formatLocal } from '../../shared/domain/time';
import { dateOption, parseOptions, type Command } from './command';
import { table } from './format';
import { call, withApp } from './open';
import { momentArg, onCallNow } from './on-call-now';

export const whoCommand: Command = {
  name: 'who',
  summary: 'who is on call in each rotation, or whom to call for a pipeline level by level, now or at a moment',
  usage: [
    'Usage: watchbill who --db PATH [--rotation NAME] [--at DATETIME] [--json]',
    '       watchbill who --db PATH --pipeline NAME [--at DATETIME] [--json]',
    '',
    '  Without --pipeline: who is primary and secondary in every active rotation (or the one named).',
    '  With --pipeline: the escalation path of the rotation that answers for it, each level resolved at',
    '  the minute it starts.',
    "  DATETIME is 'YYYY-MM-DD HH:MM' or '2027-11-25T10:00:00': without an offset it is team",
    "  time, read in the rotation's time zone (the answer names it). With an offset or Z it is",
    "  that instant ('2026-11-21T15:00Z'). Default: now.",
  ].join('\n'),
  run: (argv, clock) =>
    withApp(argv, clock, async (app) => {
      const { values } = parseOptions(argv, {
        db: { type: 'string' },
        empty: { type: 'boolean', default: false },
        pipeline: { type: 'string' },
        rotation: { type: 'string' },
        at: { type: 'string' },
        json: { type: 'boolean', default: false },
      });
      if (values.pipeline !== undefined && values.rotation !== undefined)
        throw new Error(
          'give --pipeline NAME or --rotation NAME, not both: a pipeline is answered by its own rotation.',
        );
      if (values.pipeline === undefined) return onCallNow(app, values);
      const rows = await call(app, 'pipelines:list', {});
      const wanted = values.pipeline.trim().toLowerCase();
      const row = rows.find((r) => r.pipeline.name.toLowerCase() === wanted);
      if (!row)
        throw new Error(
          `There is no pipeline '${values.pipeline}'. Pipelines: ${rows.map((r) => r.pipeline.name).join(', ') || 'none'}.`,
        );
      // The pipeline's own rotation's zone; the team's for a pipeline no rotation answers for.
      const own = (await call(app, 'rotations:list', {})).find((r) => r.id === row.pipeline.rotationId);
      const zone = own?.timeZone ?? (await call(app, 'team:time-zone', {}));
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
