// `watchbill drills`: the drills planned and done, with their times, and which investor
// pipelines are due or overdue for their next one, through the same handlers as the app.
import { DRILL_OUTCOME_LABELS, formatDuration } from '../../shared/domain/drills';
import { formatLocal } from '../../shared/domain/time';
import { parseOptions, type Command } from './command';
import { namer, table } from './format';
import { call, openFromArgs } from './open';

const DUE_LABEL = { overdue: 'OVERDUE', due: 'due', planned: 'planned', ok: 'not yet' } as const;

export const drillsCommand: Command = {
  name: 'drills',
  summary: 'list drills with their times, and which pipelines are due for one',
  usage: [
    'Usage: watchbill drills --db PATH [--due] [--json]',
    '',
    '  Without --due: every drill (newest first) with time to acknowledge, mitigate and resolve,',
    '  then what is due. --due: only the pipelines due or overdue and the open follow-ups.',
    '  Exit code 0; with --due, 3 when a drill is overdue (for scripts).',
  ].join('\n'),
  async run(argv, clock) {
    const { values } = parseOptions(argv, {
      db: { type: 'string' },
      empty: { type: 'boolean', default: false },
      due: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    });
    const app = await openFromArgs(argv, clock);
    try {
      const list = await call(app, 'drills:list', {});
      const due = await call(app, 'drills:due', {});
      const overdue = due.due.some((d) => d.state === 'overdue');
      const exitCode = values.due && overdue ? 3 : 0;
      if (values.json) {
        console.log(JSON.stringify(values.due ? due : { drills: list.drills, ...due }, null, 2));
        return exitCode;
      }
      const zone = list.timeZone;
      const name = namer(list.engineers);
      if (!values.due) {
        if (list.drills.length === 0) console.log('No drills yet.');
        else
          console.log(
            table(
              ['id', 'when', 'pipeline', 'scenario', 'status', 'ack', 'mitigate', 'resolve', 'skipped', 'outcome'],
              list.drills.map(({ drill, pipelineName, timings }) => [
                drill.id,
                formatLocal(drill.startedAt ?? drill.scheduledAt, zone),
                pipelineName,
                drill.scenarioTitle,
                drill.status,
                formatDuration(timings.toAcknowledgeMs),
                formatDuration(timings.toMitigateMs),
                formatDuration(timings.toResolveMs),
                drill.startedAt ? `${timings.stepsSkipped}/${timings.stepsTotal}` : '',
                drill.outcome ? DRILL_OUTCOME_LABELS[drill.outcome] : '',
              ]),
            ),
          );
        console.log('');
      }
      const cadence = due.cadence;
      console.log(
        `Cadence: ${cadence.perYear} drill${cadence.perYear === 1 ? '' : 's'} a year per ${cadence.audiences.join('/')} pipeline; ` +
          `due ${cadence.windowDays} days ahead (times in ${zone}).`,
      );
      const shown = values.due ? due.due.filter((d) => d.state === 'due' || d.state === 'overdue') : due.due;
      if (shown.length === 0) console.log('Nothing is due.');
      else
        console.log(
          table(
            ['pipeline', 'state', 'next drill by', 'last finished'],
            shown.map((d) => [
              d.pipelineName,
              DUE_LABEL[d.state],
              d.state === 'planned' ? `drill #${d.plannedDrillId}` : d.nextDueAt.slice(0, 10),
              d.lastFinishedAt ? d.lastFinishedAt.slice(0, 10) : 'never',
            ]),
          ),
        );
      if (due.openFollowups.length) {
        console.log('\nOpen follow-ups:');
        console.log(
          table(
            ['id', 'pipeline', 'follow-up', 'owner', 'due'],
            due.openFollowups.map((f) => [f.id, f.pipelineName, f.text, name(f.ownerId), f.dueDate ?? '—']),
          ),
        );
      }
      return exitCode;
    } finally {
      app.close();
    }
  },
};
