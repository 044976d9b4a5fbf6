// Building rotations for a browser test through the app's own API, as the Team screen and the
// pipeline dialog would save them.
import type { Page } from 'playwright-core';
import type { Coverage, Engineer, Rotation } from '../../../src/shared/model';
import type { PipelineRow } from '../../../src/shared/views';
import { api } from './api';

/** A new engineer of the team, in `timeZone`. */
export const addEngineer = (page: Page, name: string, color: string, timeZone: string) =>
  api<Engineer>(page, 'engineers:save', { name, color, timeZone });

export interface RotationSpec {
  name: string;
  timeZone: string;
  startDate: string;
  handoffTime: string;
  members: Engineer[];
  coverage: Coverage;
}

/** A weekly rotation answering only in `coverage`. */
export const addRotation = (page: Page, spec: RotationSpec) =>
  api<Rotation>(page, 'rotations:create', {
    name: spec.name,
    timeZone: spec.timeZone,
    startDate: spec.startDate,
    shiftDays: 7,
    handoffTime: spec.handoffTime,
    memberIds: spec.members.map((m) => m.id),
    coverage: spec.coverage,
  });

/** Makes `rotation` answer for the pipeline called `name`, keeping the rest of the pipeline as it is. */
export async function routePipeline(page: Page, name: string, rotation: Rotation): Promise<void> {
  const row = (await api<PipelineRow[]>(page, 'pipelines:list')).find((r) => r.pipeline.name === name);
  if (!row) throw new Error(`There is no pipeline ${name}.`);
  // The pipeline as it is, minus when it was retired (that has its own channel).
  const { retiredAt: _retiredAt, ...fields } = row.pipeline;
  await api(page, 'pipelines:save', { ...fields, rotationId: rotation.id });
}
