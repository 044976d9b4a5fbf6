import type { PipelineRow } from '../../../shared/views';

export interface AreaGroup {
  key: string;
  name: string;
  rows: PipelineRow[];
}

/** Pipelines by business area, areas in the order they were created, the unfiled last. */
export function groupByArea(rows: PipelineRow[]): AreaGroup[] {
  const groups = new Map<string, AreaGroup & { order: number }>();
  for (const row of rows) {
    if (row.pipeline.retiredAt) continue;
    const key = row.area ? `area-${row.area.id}` : 'none';
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        name: row.area?.name ?? 'No business area',
        rows: [],
        order: row.area?.id ?? Number.MAX_SAFE_INTEGER,
      };
      groups.set(key, group);
    }
    group.rows.push(row);
  }
  return [...groups.values()].sort((a, b) => a.order - b.order).map(({ key, name, rows }) => ({ key, name, rows }));
}
