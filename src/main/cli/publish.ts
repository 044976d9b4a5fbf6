// `watchbill publish`: keeps the team's calendar server and feed folders in step with the
// schedule, through the same channels as the Calendar's Publish button.
import type { PublishResult } from '../../shared/ipc/channels/publish';
import { dateOption, parseOptions, type Command } from './command';
import { call, withApp } from './open';

const USAGE = `Usage: watchbill publish --db PATH [--target NAME] [--from DATE --to DATE] [--dry-run]
       watchbill publish --db PATH --caldav URL-OF-THE-CALENDAR --user NAME [--from DATE --to DATE] [--dry-run]

Publishes the schedule (shifts, holidays, drills) to every publish target set up in the file,
or to one (--target NAME), or to the calendar given by --caldav and --user (set up as a target
on first use). Only what Watchbill published is updated or removed; an event someone changed
on the server is reported as a conflict and left as it is.

  --from DATE --to DATE   local dates of the rotation (the team's with several), both included
                          (default: the current quarter)
  --dry-run               list what would change; nothing is written
  The password is read from the environment variable WATCHBILL_CALDAV_PASSWORD; it is never stored.

Exit status: 0 published, 3 queued (the server could not be reached; publish again later), 1 otherwise.`;

export const publishCommand: Command = {
  name: 'publish',
  summary: 'publish the schedule to the calendar server and feed folders, kept in step',
  usage: USAGE,
  async run(argv, clock) {
    const { values, positionals } = parseOptions(argv, {
      db: { type: 'string' },
      empty: { type: 'boolean', default: false },
      target: { type: 'string' },
      caldav: { type: 'string' },
      user: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    });
    if (positionals.length) throw new Error(`unexpected '${positionals[0]}'.\n\n${USAGE}`);
    dateOption('--from', values.from);
    dateOption('--to', values.to);
    if ((values.from === undefined) !== (values.to === undefined))
      throw new Error('give both --from and --to, or neither (for the current quarter).');
    if ((values.caldav === undefined) !== (values.user === undefined))
      throw new Error('--caldav URL and --user NAME go together.');
    if (values.caldav !== undefined && values.target !== undefined)
      throw new Error('give either --target NAME or --caldav URL --user NAME, not both.');

    return withApp(argv, clock, async (app) => {
      let targetId: number | undefined;
      const { targets } = await call(app, 'publish:status', {});
      if (values.target !== undefined) {
        const wanted = values.target.toLocaleLowerCase();
        const found = targets.find((t) => t.name.toLocaleLowerCase() === wanted);
        if (!found)
          throw new Error(
            `There is no publish target named '${values.target}' (there are: ${targets.map((t) => t.name).join(', ') || 'none'}).`,
          );
        targetId = found.id;
      } else if (values.caldav !== undefined) {
        const url = values.caldav;
        const user = values.user!;
        const known = targets.find((t) => t.kind === 'caldav' && t.calendarUrl === url && t.username === user);
        targetId =
          known?.id ??
          (
            await call(app, 'publish:save-target', {
              kind: 'caldav',
              name: `${user} at ${url}`.slice(0, 80),
              calendarUrl: url,
              username: user,
            })
          ).id;
      } else if (!targets.length) {
        throw new Error('This file has no publish target yet: give --caldav URL --user NAME, or add one in the app.');
      }
      const range =
        values.from && values.to
          ? { from: values.from, to: values.to }
          : (await call(app, 'export:list', {})).defaultRange;
      const result = await call(app, 'publish:sync', {
        from: range.from,
        to: range.to,
        targetId,
        dryRun: values['dry-run'],
      });
      console.log(describe(result));
      if (result.outcomes.some((o) => o.status === 'failed')) return 1;
      return result.outcomes.some((o) => o.status === 'queued') ? 3 : 0;
    });
  },
};

function describe(result: PublishResult): string {
  const lines: string[] = [];
  for (const outcome of result.outcomes) {
    const state =
      outcome.status === 'published' ? '' : ` — not yet published (${outcome.status}): ${outcome.error ?? ''}`;
    lines.push(`${outcome.target}: ${outcome.summary}${state}`);
    for (const change of outcome.changes) {
      if (!result.dryRun && change.action !== 'conflict') continue;
      lines.push(
        `  ${change.action.padEnd(8)} ${change.startsAt.slice(0, 16).replace('T', ' ')}Z  ${change.summary}${change.reason ? ` (${change.reason})` : ''}`,
      );
    }
  }
  lines.push(
    `${result.dryRun ? 'Dry run' : 'Published'} ${result.range.from} to ${result.range.to}: ${result.summary}`,
  );
  return lines.join('\n');
}
