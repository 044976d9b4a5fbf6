// Rules about who owns which pipeline. The service refuses what these call errors; the
// Ownership screen and Today show the same words.
import type { Engineer, Id, ModelWarning, Ownership, Pipeline } from '../model';

const nameOf = (engineers: Map<Id, Engineer>, id: Id | null) =>
  id === null ? 'nobody' : (engineers.get(id)?.name ?? `engineer #${id}`);

/** Why an ownership cannot be saved as it is, or null when it can. */
export function ownershipError(
  primaryId: Id | null,
  secondaryId: Id | null,
  engineers: Map<Id, Engineer>,
): string | null {
  if (primaryId !== null && primaryId === secondaryId) {
    return `Primary and secondary owner are both ${nameOf(engineers, primaryId)}: the secondary owner must be someone else, so there is a backup.`;
  }
  for (const id of [primaryId, secondaryId]) {
    if (id !== null && !engineers.has(id)) return `There is no engineer #${id}.`;
  }
  return null;
}

/** Warnings about owners that can be saved but need the lead's attention. */
export function ownershipWarnings(
  pipelines: Pipeline[],
  ownerships: Ownership[],
  engineers: Engineer[],
  pipelineIdsWithRunbook: Set<Id>,
): ModelWarning[] {
  const byId = new Map(engineers.map((e) => [e.id, e]));
  const ownershipOf = new Map(ownerships.map((o) => [o.pipelineId, o]));
  const warnings: ModelWarning[] = [];
  for (const pipeline of pipelines) {
    if (pipeline.retiredAt) continue;
    const link = { screen: 'ownership' as const, pipelineId: pipeline.id };
    const o = ownershipOf.get(pipeline.id);
    const primary = o?.primaryEngineerId ?? null;
    const secondary = o?.secondaryEngineerId ?? null;
    if (primary !== null && primary === secondary) {
      warnings.push({
        kind: 'owner_same_person',
        message: `${pipeline.name}: ${nameOf(byId, primary)} is both primary and secondary owner.`,
        link,
        engineerIds: [primary],
      });
    } else if (secondary === null) {
      warnings.push({
        kind: 'no_secondary_owner',
        message: `${pipeline.name} has no secondary owner.`,
        link,
        engineerIds: primary === null ? [] : [primary],
      });
    }
    for (const id of [primary, secondary]) {
      const engineer = id === null ? undefined : byId.get(id);
      if (engineer && !engineer.active) {
        warnings.push({
          kind: 'owner_inactive',
          message: `${pipeline.name} is still owned by ${engineer.name}, who has left the team.`,
          link,
          engineerIds: [engineer.id],
        });
      }
    }
    if (pipeline.audience === 'investors' && !pipelineIdsWithRunbook.has(pipeline.id)) {
      warnings.push({
        kind: 'investor_without_runbook',
        message: `${pipeline.name} reports to investors but has no runbook.`,
        link: { screen: 'runbooks', pipelineId: pipeline.id },
        engineerIds: [],
      });
    }
  }
  return warnings;
}
