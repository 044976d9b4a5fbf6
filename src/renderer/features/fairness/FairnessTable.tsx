import type { FairnessReport } from '../../../shared/domain/fairness';
import type { Engineer, Id } from '../../../shared/model';
import { EngineerName } from '../../components/EngineerName';
import { fixed, signed } from '../../components/numbers';

/** Per engineer: days on call by kind, the weighted burden against the fair share, and the difference. */
export function FairnessTable({ report, engineers }: { report: FairnessReport; engineers: Map<Id, Engineer> }) {
  const rows = [...report.engineers].sort((a, b) => b.difference - a.difference);
  return (
    <table className="table table--compact fairness-table" data-testid="fairness-table">
      <thead>
        <tr>
          <th scope="col">Engineer</th>
          <th scope="col" className="num" title="Days on call as primary">
            Primary days
          </th>
          <th scope="col" className="num" title="Days on call as backup">
            Backup days
          </th>
          <th scope="col" className="num" title="Weekend days on call, in either role">
            Weekend days
          </th>
          <th scope="col" className="num" title="Holiday days on call, in either role">
            Holiday days
          </th>
          <th scope="col" className="num" title="The part of the burden that fell on holidays">
            Holiday load
          </th>
          <th scope="col" className="num" title="Every day on call, weighted">
            Burden
          </th>
          <th scope="col" className="num" title="The team's burden shared among those available each day">
            Fair share
          </th>
          <th scope="col" className="num" title="Burden minus fair share: positive carried more than their share">
            Difference
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.engineerId} data-engineer-id={row.engineerId}>
            <th scope="row">
              <EngineerName id={row.engineerId} engineers={engineers} />
            </th>
            <td className="num">{fixed(row.primaryDays)}</td>
            <td className="num">{fixed(row.secondaryDays)}</td>
            <td className="num">{fixed(row.weekendDays)}</td>
            <td className="num">{fixed(row.holidayDays)}</td>
            <td className="num">{fixed(row.weightedHolidayLoad)}</td>
            <td className="num">{fixed(row.burden)}</td>
            <td className="num">{fixed(row.fairShare)}</td>
            <td
              className={
                row.difference > 0.05 ? 'num diff is-over' : row.difference < -0.05 ? 'num diff is-under' : 'num diff'
              }
            >
              {signed(row.difference)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
