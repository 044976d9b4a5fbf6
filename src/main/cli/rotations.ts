// `watchbill rotations list|create|edit|archive`: the team's rotations from the terminal, through
// the same channels (and so the same checks) as the Team screen. Options name things as a lead
// does: members and rotations by name, weekdays as 'mon-fri', hours as '09:00-18:00'.
import { describeCoverage } from '../../shared/domain/coverage-words';
import { isValidTimeZone } from '../../shared/domain/engineer';
import { localDateOf } from '../../shared/domain/time';
import type { Coverage, Engineer, Id, Rotation } from '../../shared/model';
import type { ArgsIn } from '../../shared/ipc/contract';
import type { WatchbillApp } from '../app';
import { dateOption, parseOptions, type Command } from './command';
import { namer, table } from './format';
import { call, withApp } from './open';
import { rotationNamed } from './rotation-option';

const USAGE = `Usage: watchbill rotations list|create|edit|archive --db PATH [options]

  list                      every rotation in the lead's order, archived ones too (--json: as the app sees them)
  create --name NAME --members 'A, B, C' [options]
                            a new rotation; the members take turns in the order given
  edit NAME [options]       change what the options name; the rest stays as it is
  archive NAME [--restore]  end its schedule now (its history still counts for fairness); --restore brings it back

  --name NAME               the rotation's name (edit: a new name)
  --members 'A, B, C'       engineers by name, in turn order (the next in order is the secondary)
  --time-zone ZONE          an IANA zone, e.g. America/New_York (create: default the team's zone)
  --start DATE              the first day of the first shift, YYYY-MM-DD (create: default today)
  --shift-days N            how many days a shift lasts (create: default 7)
  --handoff HH:MM           when one shift hands over to the next (create: default 09:00)
  --weekdays DAYS           the days it covers: 'mon-fri', 'sat,sun', or 'all' (create: default all)
  --hours FROM-UNTIL        the hours it covers each day, e.g. 09:00-18:00 or 20:00-08:00, or 'all'
                            (create: default all); overnight hours belong to the day they start
  --double-duty yes|no      whether its members may be on call elsewhere at the same time (create: default no)`;

const options = {
  db: { type: 'string' },
  empty: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  name: { type: 'string' },
  members: { type: 'string' },
  'time-zone': { type: 'string' },
  start: { type: 'string' },
  'shift-days': { type: 'string' },
  handoff: { type: 'string' },
  weekdays: { type: 'string' },
  hours: { type: 'string' },
  'double-duty': { type: 'string' },
  restore: { type: 'boolean', default: false },
} as const;

type Values = ReturnType<typeof parseOptions<typeof options>>['values'];

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

function dayNumber(text: string, given: string): number {
  const day = DAYS.indexOf(text.trim().slice(0, 3).toLowerCase());
  if (day < 0 || text.trim().length < 3)
    throw new Error(
      `--weekdays: '${text.trim()}' is not a day (use mon, tue, wed, thu, fri, sat, sun), in '${given}'.`,
    );
  return day;
}

/** 'mon-fri' → [1..5]; 'fri-mon' wraps over the weekend; 'sat,sun' → [6, 0]; 'all' → every day. */
export function weekdaysOption(value: string): number[] | null {
  if (value.trim().toLowerCase() === 'all') return null;
  const days: number[] = [];
  for (const part of value.split(',')) {
    const [first, last, ...more] = part.split('-');
    if (more.length || !first?.trim())
      throw new Error(`--weekdays must be like 'mon-fri' or 'sat,sun', not '${value}'.`);
    const from = dayNumber(first, value);
    const to = last === undefined ? from : dayNumber(last, value);
    for (let day = from; ; day = (day + 1) % 7) {
      if (!days.includes(day)) days.push(day);
      if (day === to) break;
    }
  }
  return days;
}

/** '09:00-18:00' → { from, until }; 'all' → all day. The times themselves are checked by the channel. */
export function hoursOption(value: string): Coverage['hours'] {
  if (value.trim().toLowerCase() === 'all') return null;
  const match = /^\s*(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})\s*$/.exec(value);
  if (!match) throw new Error(`--hours must be like 09:00-18:00, or 'all', not '${value}'.`);
  const pad = (time: string) => time.padStart(5, '0');
  return { from: pad(match[1]!), until: pad(match[2]!) };
}

function yesNo(flag: string, value: string): boolean {
  const answer = value.trim().toLowerCase();
  if (answer === 'yes' || answer === 'true') return true;
  if (answer === 'no' || answer === 'false') return false;
  throw new Error(`${flag} must be yes or no, not '${value}'.`);
}

function wholeNumber(flag: string, value: string): number {
  if (!/^\s*\d+\s*$/.test(value)) throw new Error(`${flag} must be a whole number of days, not '${value}'.`);
  return Number(value);
}

function membersOption(engineers: readonly Engineer[], value: string): Id[] {
  const names = value
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  if (names.length === 0) throw new Error('--members must name at least one engineer.');
  return names.map((name) => {
    const found = engineers.find((e) => e.name.toLocaleLowerCase() === name.toLocaleLowerCase());
    if (!found)
      throw new Error(
        `--members: there is no engineer named '${name}' (there are: ${engineers.map((e) => e.name).join(', ') || 'none'}).`,
      );
    return found.id;
  });
}

/** The fields the options change; what they leave out is not in the result. */
async function changesFrom(app: WatchbillApp, values: Values, coverage: Coverage) {
  return {
    ...(values.name !== undefined && { name: values.name }),
    ...(values.members !== undefined && {
      memberIds: membersOption(await call(app, 'engineers:list', {}), values.members),
    }),
    ...(values['time-zone'] !== undefined && { timeZone: values['time-zone'] }),
    ...(values.start !== undefined && { startDate: dateOption('--start', values.start)! }),
    ...(values['shift-days'] !== undefined && { shiftDays: wholeNumber('--shift-days', values['shift-days']) }),
    ...(values.handoff !== undefined && { handoffTime: values.handoff }),
    ...(values['double-duty'] !== undefined && { allowsDoubleDuty: yesNo('--double-duty', values['double-duty']) }),
    coverage: {
      weekdays: values.weekdays === undefined ? coverage.weekdays : weekdaysOption(values.weekdays),
      hours: values.hours === undefined ? coverage.hours : hoursOption(values.hours),
    },
  };
}

/** The channel's field names as the options that set them, so a refusal names what to type differently. */
const OPTION_OF: Record<string, string> = {
  name: '--name',
  timeZone: '--time-zone',
  startDate: '--start',
  shiftDays: '--shift-days',
  handoffTime: '--handoff',
  memberIds: '--members',
  'coverage.weekdays': '--weekdays',
  'coverage.hours': '--hours',
  'coverage.hours.from': '--hours',
  'coverage.hours.until': '--hours',
  allowsDoubleDuty: '--double-duty',
};

/** Saves through the Team screen's channel; its refusal ('rotations:create: timeZone: …') names the option instead. */
async function save<K extends 'rotations:create' | 'rotations:save'>(
  app: WatchbillApp,
  channel: K,
  args: ArgsIn<K>,
): Promise<Rotation> {
  try {
    return await call(app, channel, args);
  } catch (error) {
    const refusal = /^rotations:[\w-]+: (.*)$/s.exec((error as Error).message);
    if (!refusal) throw error;
    // Each problem is 'field: what is wrong', joined by '; ' (describeZodError).
    const problems = refusal[1]!.split('; ').map((problem) => {
      const field = /^([\w.]+): /.exec(problem);
      const option = field && OPTION_OF[field[1]!];
      return option ? `${option}: ${problem.slice(field[0].length)}` : problem;
    });
    throw new Error(problems.join('; '));
  }
}

function printRotations(rotations: readonly Rotation[], engineers: readonly Engineer[]): void {
  if (rotations.length === 0) {
    console.log('There is no rotation yet: add one with `watchbill rotations create`.');
    return;
  }
  const name = namer(engineers);
  console.log(
    table(
      ['rotation', 'zone', 'shift', 'hand-off', 'starts', 'covers', 'double duty', 'members', 'status'],
      rotations.map((r) => [
        r.name,
        r.timeZone,
        `${r.shiftDays} ${r.shiftDays === 1 ? 'day' : 'days'}`,
        r.handoffTime,
        r.startDate,
        describeCoverage(r.coverage) ?? 'always',
        r.allowsDoubleDuty ? 'allowed' : 'no',
        r.memberIds.map(name).join(', '),
        r.archivedAt ? `archived ${r.archivedAt.slice(0, 10)}` : 'active',
      ]),
    ),
  );
}

async function printOne(app: WatchbillApp, verb: string, rotation: Rotation, json: boolean): Promise<void> {
  if (json) console.log(JSON.stringify(rotation, null, 2));
  else {
    console.log(`${verb} ${rotation.name}.`);
    printRotations([rotation], await call(app, 'engineers:list', {}));
  }
}

export const rotationsCommand: Command = {
  name: 'rotations',
  summary: "list, create, edit or archive the team's rotations",
  usage: USAGE,
  run: (argv, clock) =>
    withApp(argv, clock, async (app) => {
      const { values, positionals } = parseOptions(argv, options);
      const [action, target, ...extra] = positionals;
      const rotations = await call(app, 'rotations:list', {});
      const needsName = action === 'edit' || action === 'archive';
      if (extra.length || (needsName && !target) || (!needsName && target !== undefined))
        throw new Error(`say what to do, and with which rotation.\n\n${USAGE}`);
      switch (action) {
        case 'list': {
          if (values.json) console.log(JSON.stringify(rotations, null, 2));
          else printRotations(rotations, await call(app, 'engineers:list', {}));
          return 0;
        }
        case 'create': {
          if (values.name === undefined) throw new Error('--name NAME is required to create a rotation.');
          if (values.members === undefined)
            throw new Error("--members 'A, B, C' is required: someone must be on call in a rotation.");
          const timeZone = values['time-zone'] ?? (await call(app, 'team:time-zone', {}));
          const now = (await call(app, 'app:info', {})).now;
          const changes = await changesFrom(app, values, { weekdays: null, hours: null });
          const created = await save(app, 'rotations:create', {
            name: values.name,
            memberIds: changes.memberIds!,
            timeZone,
            // Today in the rotation's own zone (an unknown zone is refused by the channel, naming it).
            startDate: changes.startDate ?? localDateOf(now, isValidTimeZone(timeZone) ? timeZone : 'UTC'),
            shiftDays: changes.shiftDays ?? 7,
            handoffTime: changes.handoffTime ?? '09:00',
            coverage: changes.coverage,
            allowsDoubleDuty: changes.allowsDoubleDuty ?? false,
          });
          await printOne(app, 'Created', created, values.json);
          return 0;
        }
        case 'edit': {
          const rotation = rotationNamed(rotations, target!);
          const saved = await save(app, 'rotations:save', {
            ...rotation,
            ...(await changesFrom(app, values, rotation.coverage)),
          });
          await printOne(app, 'Saved', saved, values.json);
          return 0;
        }
        case 'archive': {
          const rotation = rotationNamed(rotations, target!);
          const archived = await call(app, 'rotations:archive', { rotationId: rotation.id, archived: !values.restore });
          await printOne(app, values.restore ? 'Brought back' : 'Archived', archived, values.json);
          return 0;
        }
        default:
          throw new Error(`cannot '${action ?? ''}' rotations: choose list, create, edit or archive.\n\n${USAGE}`);
      }
    }),
};
