// Planning several rotations without double duty: each rotation is planned in the lead's
// order, seeing everyone's duties in the other rotations as time they are not free (the ones
// planned before it as they will be once planned). The planner's own search is untouched: the
// busy time reaches it the way time away does.
import type { Id, Override } from '../model';
import { busyAsTimeAway, busyWarningAsDoubleDuty, type RotationSchedule } from './double-duty';
import { overridesAfter } from './fairness';
import type { LedgerInput } from './ledger';
import { planWithLedger, type PlanProposal } from './ledger-plan';
import type { PlanInput } from './planner/problem';
import type { ProgressReport } from './progress';
import { addDays, startOfLocalDayMs } from './time';

const DAY_MS = 86_400_000;

export interface RotationToPlan {
  rotationId: Id;
  rotationName: string;
  plan: PlanInput;
  ledger: LedgerInput;
}

export interface PlanRotationsInput {
  /** The rotations to plan, in the lead's order. */
  planned: RotationToPlan[];
  /** The rotations not planned now: their schedules as they stand are busy time. */
  others: RotationSchedule[];
}

export interface RotationPlan {
  rotationId: Id;
  rotationName: string;
  proposal: PlanProposal;
}

export interface RotationsPlan {
  plans: RotationPlan[];
}

/** The instants a plan of `input` can touch: its shifts reach a shift past either end of its dates. */
function planSpanMs(input: PlanInput): [number, number] {
  const { rotation } = input;
  const margin = (rotation.shiftDays + 1) * DAY_MS;
  return [
    startOfLocalDayMs(input.from, rotation.timeZone) - margin,
    startOfLocalDayMs(addDays(input.to, 1), rotation.timeZone) + margin,
  ];
}

/** Plans each rotation in turn, never putting anyone on call in two rotations at once where that is a clash. */
export function planRotations(input: PlanRotationsInput, onProgress?: ProgressReport): RotationsPlan {
  const count = input.planned.length;
  const after = new Map<Id, readonly Override[]>();
  const plans = input.planned.map((item, k): RotationPlan => {
    const others: RotationSchedule[] = [
      ...input.others,
      ...input.planned
        .filter((other) => other.rotationId !== item.rotationId)
        .map((other) => ({
          rotation: other.plan.rotation,
          overrides: after.get(other.rotationId) ?? other.plan.overrides,
        })),
    ];
    const busy = busyAsTimeAway(item.plan.rotation, others, item.plan.engineers, ...planSpanMs(item.plan));
    const progress: ProgressReport | undefined =
      onProgress && ((done, total) => onProgress(k * total + done, count * total));
    const planned = planWithLedger(
      { ...item.plan, unavailability: [...item.plan.unavailability, ...busy] },
      item.ledger,
      progress,
    );
    const proposal: PlanProposal = {
      ...planned,
      fixed: planned.fixed.map(busyWarningAsDoubleDuty),
      unfixed: planned.unfixed.map((u) => ({ ...u, warning: busyWarningAsDoubleDuty(u.warning) })),
    };
    after.set(item.rotationId, overridesAfter(item.plan.overrides, proposal.change));
    return { rotationId: item.rotationId, rotationName: item.rotationName, proposal };
  });
  return { plans };
}
