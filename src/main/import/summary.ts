// The one sentence above an import's preview: what applying it would do, counted in the
// lead's words.
import { countOf } from '../../shared/domain/counts';
import type { ImportChange } from '../../shared/ipc/channels/share';
import type { ImportKind } from '../../shared/ipc/share-schemas';

export function summarise(kind: ImportKind, changes: readonly ImportChange[], unchanged: number): string {
  if (kind === 'backup')
    return `Restores the backup’s ${countOf(changes.length, 'kind of record', 'kinds of records')}, replacing what this database holds now.`;
  const count = (action: ImportChange['action']) => changes.filter((c) => c.action === action).length;
  const n = (k: number) =>
    kind === 'engineers' ? countOf(k, 'engineer', 'engineers') : countOf(k, 'holiday', 'holidays');
  const parts = [
    count('add') ? `adds ${n(count('add'))}` : '',
    count('update') ? `updates ${n(count('update'))}` : '',
    count('deactivate') ? `sets ${n(count('deactivate'))} inactive` : '',
    count('remove') ? `removes ${n(count('remove'))}` : '',
  ].filter(Boolean);
  const tail = unchanged ? ` (${n(unchanged)} already as in the file)` : '';
  if (!parts.length) return `Nothing to change: ${n(unchanged)} already as in the file.`;
  const text = parts.join(', ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}${tail}.`;
}
