import { describeParticipants } from '../../../shared/domain/drills';
import type { DrillView } from '../../../shared/drill-views';
import { formatMoment } from '../../components/format';
import { useStore } from '../../store';
import { namesOf } from './format';

/** The head of one drill, in the runner and in the record: back to the list, what, when, who. */
export function DrillTitles({ view, when }: { view: DrillView; when?: string }) {
  const closeDrill = useStore((s) => s.closeDrill);
  const { drill } = view;
  const nameOf = namesOf(view.engineers);
  return (
    <div className="drill-runner__titles">
      <button type="button" className="button button--quiet" onClick={closeDrill}>
        ← All drills
      </button>
      <h1 id="screen-title" tabIndex={-1}>
        {view.pipeline.name}: {drill.scenarioTitle}
      </h1>
      <p className="drill-runner__sub">
        {when && `${when} `}
        {formatMoment(drill.startedAt ?? drill.scheduledAt, view.timeZone)} · facilitator {nameOf(drill.facilitatorId)}{' '}
        · {describeParticipants(drill.participants, nameOf)}
      </p>
    </div>
  );
}
