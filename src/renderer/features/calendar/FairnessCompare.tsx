import type { FairnessReport } from '../../../shared/domain/fairness';
import type { Engineer, Id } from '../../../shared/model';
import { EngineerName } from '../../components/EngineerName';
import { fixed, signed } from '../../components/numbers';

/** Burden and difference from fair share per engineer, before and after a change. */
export function FairnessCompare({
  before,
  after,
  engineers,
  caption,
}: {
  before: FairnessReport;
  after: FairnessReport;
  engineers: Map<Id, Engineer>;
  caption: string;
}) {
  const ids = [...new Set([...before.engineers, ...after.engineers].map((r) => r.engineerId))];
  const row = (report: FairnessReport, id: Id) => report.engineers.find((r) => r.engineerId === id);
  return (
    <table className="table table--compact compare" data-testid="fairness-compare">
      <caption className="compare__caption">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Engineer</th>
          <th scope="col" className="num">
            Burden before
          </th>
          <th scope="col" className="num">
            after
          </th>
          <th scope="col" className="num">
            Difference before
          </th>
          <th scope="col" className="num">
            after
          </th>
        </tr>
      </thead>
      <tbody>
        {ids.map((id) => {
          const was = row(before, id);
          const will = row(after, id);
          const moved = Math.abs((will?.burden ?? 0) - (was?.burden ?? 0)) > 0.005;
          return (
            <tr key={id} className={moved ? 'compare__moved' : undefined}>
              <th scope="row">
                <EngineerName id={id} engineers={engineers} />
              </th>
              <td className="num">{fixed(was?.burden ?? 0)}</td>
              <td className="num">{fixed(will?.burden ?? 0)}</td>
              <td className="num">{signed(was?.difference ?? 0)}</td>
              <td className="num">{signed(will?.difference ?? 0)}</td>
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Team spread</th>
          <td colSpan={2} />
          <td className="num">{fixed(before.team.spread)}</td>
          <td className="num">
            <strong>{fixed(after.team.spread)}</strong>
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
