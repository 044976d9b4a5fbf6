import { ErrorNotice } from '../../components/Notice';
import { useStore } from '../../store';
import { DrillList } from './DrillList';
import { DrillRecord } from './DrillRecord';
import { DrillRunner } from './DrillRunner';
import './drills.css';
import './drill-record.css';

/** The list of drills, or one drill: the runner while planned or running, the record once finished. */
export function DrillsScreen() {
  const drill = useStore((s) => s.drill);
  const drillState = useStore((s) => s.drillState);
  const closeDrill = useStore((s) => s.closeDrill);

  if (drillState.status === 'error' && !drill) {
    return (
      <section className="screen" aria-labelledby="screen-title">
        <ErrorNotice message={`The drill could not be loaded: ${drillState.error}`} onRetry={closeDrill} />
      </section>
    );
  }
  if (!drill) return <DrillList />;
  return drill.drill.status === 'finished' || drill.drill.status === 'cancelled' ? (
    <DrillRecord view={drill} />
  ) : (
    <DrillRunner view={drill} />
  );
}
