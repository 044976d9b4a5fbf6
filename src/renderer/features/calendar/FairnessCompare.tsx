import { FAIRNESS_COLUMNS } from '../../../shared/domain/figures';
import type { LedgerReport } from '../../../shared/domain/ledger';
import type { Engineer, Id } from '../../../shared/model';
import { EngineerName } from '../../components/EngineerName';
import { fixed, signed } from '../../components/numbers';

const meaning = (key: (typeof FAIRNESS_COLUMNS)[number]['key']) => FAIRNESS_COLUMNS.find((c) => c.key === key)?.meaning;

/**
 * The ledger per engineer before and after a change: this period's burden and difference, the
 * balance carried in (a change inside the period leaves it as it is) and the balance it makes.
 */
export function FairnessCompare({
  before,
  after,
  engineers,
  caption,
}: {
  before: LedgerReport;
  after: LedgerReport;
  engineers: Map<Id, Engineer>;
  caption: string;
}) {
  const ids = [...new Set([...before.engineers, ...after.engineers].map((r) => r.engineerId))];
  const row = (report: LedgerReport, id: Id) => report.engineers.find((r) => r.engineerId === id);
  return (
    <table className="table table--compact compare" data-testid="fairness-compare">
      <caption className="compare__caption">
        {caption}
        <span className="compare__covers">{before.covers}</span>
      </caption>
      <thead>
        <tr>
          <th scope="col">Engineer</th>
          <th scope="col" className="num" title={meaning('burden')}>
            Burden before
          </th>
          <th scope="col" className="num">
            after
          </th>
          <th scope="col" className="num" title={meaning('difference')}>
            Difference before
          </th>
          <th scope="col" className="num">
            after
          </th>
          <th scope="col" className="num" title={meaning('carriedIn')}>
            Carried in
          </th>
          <th scope="col" className="num" title={meaning('balance')}>
            Balance before
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
            <tr key={id} className={moved ? 'compare__moved' : undefined} data-engineer-id={id}>
              <th scope="row">
                <EngineerName id={id} engineers={engineers} />
              </th>
              <td className="num">{fixed(was?.burden ?? 0)}</td>
              <td className="num">{fixed(will?.burden ?? 0)}</td>
              <td className="num">{signed(was?.difference ?? 0)}</td>
              <td className="num">{signed(will?.difference ?? 0)}</td>
              <td className="num">{signed(was?.carriedIn ?? 0)}</td>
              <td className="num">{signed(was?.balance ?? 0)}</td>
              <td className="num">{signed(will?.balance ?? 0)}</td>
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr data-figure="spread">
          <th scope="row">Spread this period</th>
          <td colSpan={2} />
          <td className="num">{fixed(before.team.spread)}</td>
          <td className="num">
            <strong>{fixed(after.team.spread)}</strong>
          </td>
          <td colSpan={3} />
        </tr>
        <tr data-figure="balance-spread">
          <th scope="row">Balance spread</th>
          <td colSpan={5} />
          <td className="num">{fixed(before.team.balanceSpread)}</td>
          <td className="num">
            <strong>{fixed(after.team.balanceSpread)}</strong>
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
