import { formatFigure, formatSignedFigure } from '../../../shared/domain/figures';
import type { TeamLedger } from '../../../shared/domain/ledger-team';
import type { Engineer, Id } from '../../../shared/model';
import { EngineerName } from '../../components/EngineerName';

const tone = (value: number) => (value > 0.05 ? ' is-over' : value < -0.05 ? ' is-under' : '');

/**
 * Everyone's load across the rotations: each rotation's weighted burden and difference (with
 * that rotation's own weights), then the person's total, which is their rows added up.
 */
export function RotationTotals({ ledger, engineers }: { ledger: TeamLedger; engineers: Map<Id, Engineer> }) {
  const rows = [...ledger.totals].sort((a, b) => b.balance - a.balance || b.difference - a.difference);
  const rowIn = (report: TeamLedger['rotations'][number]['report'], engineerId: Id) =>
    report.engineers.find((r) => r.engineerId === engineerId);
  return (
    <table className="table table--compact fairness-table rotation-totals" data-testid="rotation-totals">
      <thead>
        <tr>
          <th scope="col" rowSpan={2}>
            Engineer
          </th>
          {ledger.rotations.map((r) => (
            <th key={r.rotationId} scope="colgroup" colSpan={2} className="rotation-totals__group">
              {r.rotationName}
            </th>
          ))}
          <th scope="colgroup" colSpan={4} className="rotation-totals__group rotation-totals__total">
            In total
          </th>
        </tr>
        <tr>
          {ledger.rotations.map((r) => [
            <th
              key={`${r.rotationId}-b`}
              scope="col"
              className="num"
              title="Weighted burden, with this rotation’s weights"
            >
              Burden
            </th>,
            <th key={`${r.rotationId}-d`} scope="col" className="num" title="Burden minus fair share in this rotation">
              Difference
            </th>,
          ])}
          <th scope="col" className="num rotation-totals__total">
            Burden
          </th>
          <th scope="col" className="num">
            Fair share
          </th>
          <th scope="col" className="num">
            Difference
          </th>
          <th scope="col" className="num" title="Carried in plus this period’s difference, over every rotation">
            Balance
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((total) => (
          <tr key={total.engineerId} data-engineer-id={total.engineerId}>
            <th scope="row">
              <EngineerName id={total.engineerId} engineers={engineers} />
            </th>
            {ledger.rotations.map((r) => {
              const row = rowIn(r.report, total.engineerId);
              return [
                <td key={`${r.rotationId}-b`} className="num" data-rotation-id={r.rotationId} data-column="burden">
                  {row ? formatFigure(row.burden) : '—'}
                </td>,
                <td
                  key={`${r.rotationId}-d`}
                  className={row ? `num diff${tone(row.difference)}` : 'num'}
                  data-rotation-id={r.rotationId}
                  data-column="difference"
                >
                  {row ? formatSignedFigure(row.difference) : '—'}
                </td>,
              ];
            })}
            <td className="num rotation-totals__total" data-column="total-burden">
              {formatFigure(total.burden)}
            </td>
            <td className="num" data-column="total-fair-share">
              {formatFigure(total.fairShare)}
            </td>
            <td className={`num diff${tone(total.difference)}`} data-column="total-difference">
              {formatSignedFigure(total.difference)}
            </td>
            <td className={`num diff${tone(total.balance)}`} data-column="total-balance">
              {formatSignedFigure(total.balance)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
