// The rotation engine as a service: the computed schedule, edits with undo and redo,
// fairness, the planner, suggested swaps, holidays and published snapshots. Every rule is a
// pure function of src/shared/domain; this file only loads, saves and journals.
import type { HandlersFor } from '../../shared/ipc/contract';
import type { scheduleChannels } from '../../shared/ipc/channels/schedule';
import type { PeriodSpec, ScheduleOperation } from '../../shared/ipc/schemas';
import { quarterOf, type FairnessInput, type FairnessWeights, type Period } from '../../shared/domain/fairness';
import { explainChange } from '../../shared/domain/override-kinds';
import { resolvePeriod } from '../../shared/domain/periods';
import { diffSchedules } from '../../shared/domain/planner';
import {
  applyChange,
  computeSegments,
  coverChange,
  coverRange,
  coverSpan,
  invertChange,
  removeOverride,
  scheduleWarnings,
  shiftBounds,
  splitShift,
  swapShifts,
  type Change,
} from '../../shared/domain/rotation';
import { addDays, localDateOf, startOfLocalDayMs, toInstant } from '../../shared/domain/time';
import { formatDay, yearOf } from '../../shared/format';
import type { Holiday, Id, IsoDate, Override, Rotation } from '../../shared/model';
import { DomainError } from '../../shared/result';
import type { EditPreview, EditResult, ScheduleView } from '../../shared/views';
import { packScheduleWindow } from '../../shared/schedule-window';
import {
  fairnessInput as fairnessInputOf,
  fairnessLabel,
  fairnessReport,
  fairnessWeights,
  ledgerInput,
  overridesAround as overridesAroundIn,
  rotationOf as rotationIn,
  rotationToday,
  teamHolidays,
  unavailabilityNear,
  WEIGHTS_KEY,
} from '../queries/schedule';
import { requireInUse } from '../queries/archive';
import type { ServiceContext } from './context';
import { doubleDutyWarningsFor } from '../queries/duties';
import { planRotationsJob, type PlanChoices } from '../queries/planning';
import { drillCalendarLayer } from '../queries/drills';
import type { CarryPolicy } from '../../shared/domain/ledger';

export function scheduleHandlers(context: ServiceContext): HandlersFor<typeof scheduleChannels> {
  const { repos, now, jobs } = context;
  const rotationOf = (rotationId: Id | undefined): Rotation => rotationIn(repos, rotationId);
  const weights = (): FairnessWeights => fairnessWeights(repos);
  const holidays = (from: IsoDate, to: IsoDate): Holiday[] => teamHolidays(repos, from, to);
  const today = (rotation: Rotation) => rotationToday(now, rotation);
  const fairnessInput = (rotation: Rotation, period: Period, overrides?: Override[]): FairnessInput =>
    fairnessInputOf(repos, rotation, period, overrides);
  const overridesAround = (rotation: Rotation, from: string, to: string): Override[] =>
    overridesAroundIn(repos, rotation, from, to);
  /** The overrides that can shape the given shifts: a swap or a split of two weeks reads those, not years of them. */
  const overridesOfShifts = (rotation: Rotation, shifts: number[]): Override[] => {
    const byId = new Map<Id, Override>();
    for (const shift of shifts) {
      const { startsAt, endsAt } = shiftBounds(rotation, shift);
      for (const o of overridesAround(rotation, startsAt, endsAt)) byId.set(o.id, o);
    }
    return [...byId.values()];
  };
  /** The ledger's input for a period: every fairness figure is computed from it. */
  const ledgerFor = (rotation: Rotation, period: Period, carry?: CarryPolicy) =>
    ledgerInput(repos, fairnessInput(rotation, period), carry);
  const undoLabels = (rotationId: Id) => ({
    canUndo: repos.rotations.lastDoneEdit(rotationId)?.label ?? null,
    canRedo: repos.rotations.nextUndoneEdit(rotationId)?.label ?? null,
  });
  const engineerName = (id: Id) => repos.engineers.get(id)?.name ?? `engineer #${id}`;
  const requireEngineer = (id: Id) => {
    if (!repos.engineers.get(id)) throw new DomainError('not_found', `There is no engineer #${id}.`);
  };
  const requireOverride = (id: Id): Override => {
    const override = repos.rotations.getOverride(id);
    if (!override) throw new DomainError('not_found', `There is no override #${id}: it may have been removed already.`);
    return override;
  };

  /** Turns an operation into the change it makes, each new override saying what made it and why. */
  const changeFor = (
    operation: Exclude<ScheduleOperation, { op: 'plan' }>,
  ): { rotation: Rotation; change: Change; label: string } => {
    const { rotation, change, label } = unexplainedChangeFor(operation);
    if (change.add.length === 0) return { rotation, change, label };
    const starts = change.add.map((o) => o.startsAt).sort();
    const ends = change.add.map((o) => o.endsAt).sort();
    const [first, last] = [starts[0]!, ends[ends.length - 1]!];
    // Only what can touch the change: an edit costs the same in a file with years of history.
    const context = {
      rotation,
      overrides: overridesAround(rotation, first, last),
      engineers: repos.engineers.list(),
      unavailability: unavailabilityNear(
        repos,
        localDateOf(first, rotation.timeZone),
        localDateOf(last, rotation.timeZone),
      ),
    };
    return { rotation, change: explainChange(change, context), label };
  };

  /** Turns an operation into the change it makes, with a label for the undo menu. */
  const unexplainedChangeFor = (
    operation: Exclude<ScheduleOperation, { op: 'plan' }>,
  ): { rotation: Rotation; change: Change; label: string } => {
    switch (operation.op) {
      case 'swap': {
        const rotation = rotationOf(operation.rotationId);
        const change = swapShifts(
          rotation,
          overridesOfShifts(rotation, [operation.shiftA, operation.shiftB]),
          operation.shiftA,
          operation.shiftB,
          operation.reason,
        );
        if (change.add.length === 0)
          throw new DomainError('conflict', 'These two shifts have the same person on call: there is nothing to swap.');
        return { rotation, change, label: 'Swap shifts' };
      }
      case 'split': {
        const rotation = rotationOf(operation.rotationId);
        requireEngineer(operation.firstEngineerId);
        requireEngineer(operation.secondEngineerId);
        const change = splitShift(
          rotation,
          overridesOfShifts(rotation, [operation.shiftIndex]),
          operation.shiftIndex,
          operation.at,
          operation.firstEngineerId,
          operation.secondEngineerId,
          operation.reason,
          operation.role,
        );
        if (change.add.length === 0) throw new DomainError('conflict', 'The split moment must lie inside the shift.');
        return { rotation, change, label: 'Split shift' };
      }
      case 'cover':
      case 'cover-days': {
        const rotation = rotationOf(operation.rotationId);
        requireEngineer(operation.engineerId);
        const change = coverChange(rotation, operation, overridesAround(rotation, ...coverSpan(rotation, operation)));
        return { rotation, change, label: `${engineerName(operation.engineerId)} covers` };
      }
      case 'reshape': {
        // A cover may have brought a linked override with it (the person it displaced taking
        // the other role); reshaping re-plans the whole cover over the new range so the two
        // stay in step and primary and secondary stay two people.
        const override = requireOverride(operation.overrideId);
        const rotation = rotationOf(override.rotationId);
        const overrides = repos.rotations.overrides(rotation.id);
        const { remove } = removeOverride(override, overrides);
        const removed = new Set(remove.map((o) => o.id));
        const { add } = coverRange(
          rotation,
          new Date(operation.startsAt).toISOString(),
          new Date(operation.endsAt).toISOString(),
          override.role,
          override.engineerId,
          override.kind,
          override.reason,
          { overrides: overrides.filter((o) => !removed.has(o.id)) },
        );
        return { rotation, change: { remove, add }, label: 'Resize cover' };
      }
      case 'remove': {
        const override = requireOverride(operation.overrideId);
        const rotation = rotationOf(override.rotationId);
        return {
          rotation,
          change: removeOverride(override, repos.rotations.overrides(rotation.id)),
          label: 'Remove override',
        };
      }
    }
  };

  /** One rotation's plan; the other rotations' duties are busy time, so it never makes a double duty. */
  const plan = async (rotation: Rotation, from: IsoDate, to: IsoDate, choices: PlanChoices) =>
    (await planRotationsJob(context, [rotation], from, to, choices, 'plan:propose')).plans[0]!.proposal;

  /**
   * The planner's change, computed in a worker. The main process keeps answering meanwhile, so
   * an edit may land before the change is written: the answer refuses it then.
   */
  const planChange = async (operation: Extract<ScheduleOperation, { op: 'plan' }>) => {
    const rotation = rotationOf(operation.rotationId);
    const lastEdit = repos.rotations.lastDoneEdit(rotation.id)?.id;
    const { change } = await plan(rotation, operation.from, operation.to, operation);
    if (change.add.length === 0 && change.remove.length === 0) {
      throw new DomainError('conflict', 'The planner has nothing to change in this range.');
    }
    return () => {
      if (repos.rotations.lastDoneEdit(rotation.id)?.id !== lastEdit)
        throw new DomainError('conflict', 'The schedule changed while the plan was being computed: plan again.');
      return { rotation, change, label: 'Apply plan' };
    };
  };
  /** The edit an operation makes, to be taken inside the transaction that writes it. */
  const editFor = async (operation: ScheduleOperation) => {
    // An archived rotation is refused before anything is worked out for it.
    const target = 'overrideId' in operation ? requireOverride(operation.overrideId).rotationId : operation.rotationId;
    requireInUse(rotationOf(target), 'its schedule cannot be changed');
    return operation.op === 'plan' ? planChange(operation) : () => changeFor(operation);
  };

  /** One step back (undo the last edit) or forward (redo the next undone one) through the journal. */
  const walkJournal = (rotationId: Id | undefined, direction: 'undo' | 'redo'): EditResult =>
    repos.transaction(() => {
      const rotation = rotationOf(rotationId);
      requireInUse(rotation, `its edits cannot be ${direction === 'undo' ? 'undone' : 'redone'}`);
      const edit =
        direction === 'undo' ? repos.rotations.lastDoneEdit(rotation.id) : repos.rotations.nextUndoneEdit(rotation.id);
      if (!edit) throw new DomainError('conflict', `There is nothing to ${direction}.`);
      const applied = direction === 'undo' ? invertChange(edit.applied) : edit.applied;
      repos.rotations.writeChange(applied);
      repos.rotations.markEditUndone(edit.id, direction === 'undo');
      return { rotationId: rotation.id, label: edit.label, applied, ...undoLabels(rotation.id) };
    });

  const periodFor = (spec: PeriodSpec | undefined, rotation: Rotation, change: Change): Period => {
    if (spec) return resolvePeriod(spec, rotation, today(rotation));
    const first = [...change.add, ...change.remove].map((o) => o.startsAt).sort()[0];
    return quarterOf(first ? localDateOf(first, rotation.timeZone) : today(rotation));
  };

  /**
   * Everything the calendar shows of [from, to) but its segments, which both hosts compute
   * from the rotation and these overrides. Time away only of the engineers the calendar can
   * show it for: the rotation's members, whoever the roster offers (the active engineers) and
   * whoever holds an override in the range; the warnings weigh everyone's.
   */
  const scheduleParts = (rotation: Rotation, from: string, to: string): Omit<ScheduleView, 'segments'> => {
    const overrides = overridesAround(rotation, from, to);
    const engineers = repos.engineers.list();
    const unavailability = unavailabilityNear(
      repos,
      localDateOf(from, rotation.timeZone),
      localDateOf(to, rotation.timeZone),
    );
    // Compared as instants: the range may be written with an offset.
    const [fromMs, toMs] = [Date.parse(from), Date.parse(to)];
    const inRange = overrides.filter((o) => Date.parse(o.startsAt) < toMs && Date.parse(o.endsAt) > fromMs);
    const shown = new Set([
      ...rotation.memberIds,
      ...engineers.filter((e) => e.active).map((e) => e.id),
      ...inRange.map((o) => o.engineerId),
    ]);
    return {
      rotation,
      from,
      to,
      overrides: inRange,
      holidays: holidays(localDateOf(from, rotation.timeZone), localDateOf(to, rotation.timeZone)),
      unavailability: unavailability.filter((u) => shown.has(u.engineerId)),
      warnings: [
        ...scheduleWarnings({
          rotation,
          overrides,
          engineers,
          unavailability,
          from,
          to,
          currentYear: yearOf(today(rotation)),
        }),
        ...doubleDutyWarningsFor(repos, rotation, from, to, yearOf(today(rotation))),
      ],
      ...undoLabels(rotation.id),
      drills: drillCalendarLayer(repos, from, to, now()),
    };
  };
  const scheduleView = (rotation: Rotation, from: string, to: string): ScheduleView => {
    const parts = scheduleParts(rotation, from, to);
    // Every override touching the range is in parts: none outside it can shape a segment inside.
    return { ...parts, segments: computeSegments(rotation, parts.overrides, from, to) };
  };

  const scheduleWindow = (rotation: Rotation, from: string, to: string) =>
    packScheduleWindow(scheduleParts(rotation, from, to));

  return {
    'schedule:get': ({ rotationId, from, to }) => scheduleView(rotationOf(rotationId), from, to),
    'schedule:window': ({ rotationId, from, to }) => scheduleWindow(rotationOf(rotationId), from, to),
    'schedule:preview': async ({ operation, period }): Promise<EditPreview> => {
      const { rotation, change, label } = (await editFor(operation))();
      const input = ledgerFor(rotation, periodFor(period, rotation, change));
      return {
        label,
        change,
        fairness: await jobs.run(
          'whatIf',
          { input, change },
          { channel: 'schedule:preview', label: `Preview: ${label}` },
        ),
      };
    },
    'schedule:apply': async ({ operation }): Promise<EditResult> => {
      const edit = await editFor(operation);
      return repos.transaction(() => {
        const { rotation, change, label } = edit();
        // Only the applied change is used, not the resulting list: no need to read every override.
        const { applied } = applyChange([], change, repos.rotations.nextOverrideId, now().toISOString());
        repos.rotations.writeChange(applied);
        repos.rotations.journal(rotation.id, label, applied, now().toISOString());
        return { rotationId: rotation.id, label, applied, ...undoLabels(rotation.id) };
      });
    },
    'schedule:undo': ({ rotationId }) => walkJournal(rotationId, 'undo'),
    'schedule:redo': ({ rotationId }) => walkJournal(rotationId, 'redo'),
    'override:set-reason': ({ overrideId, reason }) => {
      requireOverride(overrideId);
      repos.rotations.setOverrideReason(overrideId, reason);
      return repos.rotations.getOverride(overrideId)!;
    },
    'fairness:get': ({ rotationId, period, carry }) => fairnessReport(context, rotationId, period, carry),
    'fairness:weights': () => weights(),
    'fairness:set-weights': (input) => {
      repos.settings.set(WEIGHTS_KEY, input);
      return weights();
    },
    'plan:propose': ({ rotationId, from, to, carry, replace }) =>
      plan(rotationOf(rotationId), from, to, { carry, replace }),
    'swaps:suggest': ({ rotationId, period, limit }) => {
      const rotation = rotationOf(rotationId);
      const resolved = resolvePeriod(period, rotation, today(rotation));
      const input = ledgerFor(rotation, resolved);
      return jobs.run(
        'swaps',
        { input: { ...input, notBefore: now().toISOString() }, limit },
        { channel: 'swaps:suggest', label: `Suggesting swaps, ${fairnessLabel(resolved)}`, supersede: true },
      );
    },
    'snapshots:publish': ({ rotationId, from, to, note }) => {
      const rotation = rotationOf(rotationId);
      const range = zonedRange(rotation, from, to);
      const id = repos.rotations.insertSnapshot({
        rotationId: rotation.id,
        rangeStart: range.from,
        rangeEnd: range.to,
        publishedAt: now().toISOString(),
        segments: computeSegments(rotation, overridesAround(rotation, range.from, range.to), range.from, range.to),
        note,
      });
      const { segments: _segments, ...summary } = repos.rotations.getSnapshot(id)!;
      return summary;
    },
    'snapshots:list': ({ rotationId }) =>
      repos.rotations.snapshots(rotationOf(rotationId).id).map(({ segments: _segments, ...summary }) => summary),
    'snapshots:changes': ({ snapshotId }) => {
      const snapshot = repos.rotations.getSnapshot(snapshotId);
      if (!snapshot) throw new DomainError('not_found', `There is no published schedule #${snapshotId}.`);
      const rotation = rotationOf(snapshot.rotationId);
      const current = computeSegments(
        rotation,
        overridesAround(rotation, snapshot.rangeStart, snapshot.rangeEnd),
        snapshot.rangeStart,
        snapshot.rangeEnd,
      );
      return diffSchedules(snapshot.segments, current, rotation.timeZone);
    },
    'holidays:list': async ({ from, to }) => {
      const source = repos.holidays.teamCalendar();
      if (!source) return [];
      return jobs.run(
        'holidays',
        { source, from, to },
        { channel: 'holidays:list', label: `Holidays ${from} to ${to}` },
      );
    },
    'holidays:set-weight': (input) => {
      const calendar = repos.holidays.teamCalendar();
      if (!calendar) throw new DomainError('not_found', 'There is no holiday calendar yet.');
      repos.holidays.setWeight({ calendarId: calendar.calendar.id, ...input });
      return repos.holidays.teamCalendar()!.weights;
    },
    'holidays:add-custom': (input) => {
      const calendar = repos.holidays.teamCalendar();
      if (!calendar) throw new DomainError('not_found', 'There is no holiday calendar yet.');
      if (calendar.custom.some((c) => c.date === input.date && c.name === input.name))
        throw new DomainError('conflict', `${input.name} on ${formatDay(input.date)} is already a custom holiday.`);
      const id = repos.holidays.insertCustom({ calendarId: calendar.calendar.id, ...input });
      return repos.holidays.teamCalendar()!.custom.find((c) => c.id === id)!;
    },
    'holidays:remove-custom': ({ customHolidayId }) => {
      if (!repos.holidays.removeCustom(customHolidayId))
        throw new DomainError('not_found', `There is no custom holiday #${customHolidayId}.`);
      return null;
    },
  };
}

/** Local dates (both included) as the instants from the first day's midnight to the day after the last. */
function zonedRange(rotation: Rotation, from: IsoDate, to: IsoDate) {
  return { from: startOfLocalDay(from, rotation.timeZone), to: startOfLocalDay(addDays(to, 1), rotation.timeZone) };
}

const startOfLocalDay = (date: IsoDate, zone: string) => toInstant(startOfLocalDayMs(date, zone));
