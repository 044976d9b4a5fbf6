import { FAIRNESS_COLUMNS, figureText } from '../../../shared/domain/figures';
import type { LedgerReport } from '../../../shared/domain/ledger';
import type { Engineer, Id } from '../../../shared/model';
import { EngineerName } from '../../components/EngineerName';

const tone = (value: number) => (value > 0.05 ? ' is-over' : value < -0.05 ? ' is-under' : '');

/** Per engineer, the ledger's columns: days on call, weighted burden against fair share, and the balance carried in. */
export function FairnessTable({ report, engineers }: { report: LedgerReport; engineers: Map<Id, Engineer> }) {
  const rows = [...report.engineers].sort((a, b) => b.balance - a.balance || b.difference - a.difference);
  return (
    <table className="table table--compact fairness-table" data-testid="fairness-table">
      <thead>
        <tr>
          <th scope="col">Engineer</th>
          {FAIRNESS_COLUMNS.map((c) => (
            <th key={c.key} scope="col" className="num" title={c.meaning}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.engineerId} data-engineer-id={row.engineerId}>
            <th scope="row">
              <EngineerName id={row.engineerId} engineers={engineers} />
            </th>
            {FAIRNESS_COLUMNS.map((c) => (
              <td
                key={c.key}
                className={c.kind === 'signed' ? `num diff${tone(row[c.key])}` : 'num'}
                data-column={c.key}
              >
                {figureText(row, c)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
