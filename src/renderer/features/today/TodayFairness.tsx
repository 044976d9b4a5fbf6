import type { LedgerReport } from '../../../shared/domain/ledger';
import type { Engineer, Id } from '../../../shared/model';
import { EngineerName } from '../../components/EngineerName';
import { fixed, signed } from '../../components/numbers';

/** This quarter's fairness at a glance: the ledger's difference and balance per engineer, most ahead first. */
export function TodayFairness({ report, engineers }: { report: LedgerReport; engineers: Map<Id, Engineer> }) {
  const rows = [...report.engineers].sort((a, b) => b.balance - a.balance);
  return (
    <section className="panel" aria-labelledby="today-fairness-title" data-testid="today-fairness">
      <h2 id="today-fairness-title" className="panel__title">
        Fairness this quarter
      </h2>
      <p className="muted">{report.covers}</p>
      <table className="table table--compact">
        <thead>
          <tr>
            <th scope="col">Engineer</th>
            <th scope="col" className="num" title="Weighted burden minus fair share this quarter">
              This quarter
            </th>
            <th scope="col" className="num" title="The balance from before the quarter">
              Carried in
            </th>
            <th scope="col" className="num" title="Carried in plus this quarter">
              Balance
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.engineerId} data-engineer-id={row.engineerId}>
              <th scope="row">
                <EngineerName id={row.engineerId} engineers={engineers} />
              </th>
              <td className="num">{signed(row.difference)}</td>
              <td className="num">{signed(row.carriedIn)}</td>
              <td className="num">{signed(row.balance)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        Spread this quarter {fixed(report.team.spread)}; balance spread {fixed(report.team.balanceSpread)}.
      </p>
    </section>
  );
}
