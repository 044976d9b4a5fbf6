import type { Engineer, Id } from '../../shared/model';

interface Props {
  id: Id | null;
  engineers: Map<Id, Engineer>;
  /** Shown when nobody holds the role. */
  nobody?: string;
}

/** An engineer's name with their colour, as everywhere in the schedule. */
export function EngineerName({ id, engineers, nobody = 'Nobody' }: Props) {
  if (id === null) return <span className="engineer engineer--none">{nobody}</span>;
  const engineer = engineers.get(id);
  if (!engineer) return <span className="engineer engineer--none">Engineer #{id}</span>;
  return (
    <span className={engineer.active ? 'engineer' : 'engineer engineer--inactive'}>
      <span className="swatch" style={{ backgroundColor: engineer.color }} aria-hidden="true" />
      {engineer.name}
      {!engineer.active && <span className="muted"> (left the team)</span>}
    </span>
  );
}
