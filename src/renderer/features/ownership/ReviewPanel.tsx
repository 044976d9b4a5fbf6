import { useState } from 'react';
import { localDateOf } from '../../../shared/domain/time';
import type { OwnershipReview } from '../../../shared/model';
import type { ReviewsView } from '../../../shared/operations-views';
import { Dialog } from '../../components/Dialog';
import { SaveFooter } from '../../components/SaveFooter';
import { FormMessage, InputField, TextAreaField } from '../../components/Field';
import { formatDay, localTimeZone } from '../../components/format';
import { ErrorNotice } from '../../components/Notice';
import { useChannel } from '../../query/client';
import { save } from '../../query/save';
import { appNow } from '../../clock';

/** The quarterly ownership review: is this quarter's done, the checklist, and the past records. */
export function ReviewPanel() {
  const { data: reviews, reload: loadReviews, ...state } = useChannel('reviews:list', {});
  const [editing, setEditing] = useState<OwnershipReview | 'new' | null>(null);
  const [deleting, setDeleting] = useState<OwnershipReview | null>(null);
  const [error, setError] = useState<string | null>(null);

  return (
    <section className="panel review" aria-labelledby="review-title" data-testid="review-panel">
      <div className="review__head">
        <h2 id="review-title" className="panel__title">
          Quarterly ownership review
        </h2>
        {reviews && (
          <span className={reviews.due ? 'flag flag--due' : 'flag flag--ok'}>
            {reviews.due ? `${reviews.currentQuarter} review due` : `${reviews.currentQuarter} reviewed`}
          </span>
        )}
        <button type="button" className="button review__add" onClick={() => setEditing('new')} disabled={!reviews}>
          Record a review…
        </button>
      </div>
      {state.status === 'error' && (
        <ErrorNotice message={`The reviews could not be loaded: ${state.error}`} onRetry={() => void loadReviews()} />
      )}
      {error && <p className="inline-error">{error}</p>}
      {reviews &&
        (reviews.reviews.length === 0 ? (
          <p className="muted">
            No review recorded yet. Once a quarter, go through the checklist with the team — owners, reasons, runbooks,
            fairness — and record what you decided with “Record a review…”.
          </p>
        ) : (
          <ul className="review__list">
            {reviews.reviews.map((review) => (
              <li key={review.id} className="review__item" data-testid="review-item">
                <div className="review__item-head">
                  <strong>{review.quarter}</strong>
                  <span className="muted">reviewed {formatDay(review.reviewedOn)}</span>
                  <span className="review__item-actions">
                    <button
                      type="button"
                      className="button button--quiet"
                      onClick={() => setEditing(review)}
                      aria-label={`Edit the ${review.quarter} review`}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      className="button button--quiet"
                      onClick={() => setDeleting(review)}
                      aria-label={`Delete the ${review.quarter} review`}
                    >
                      Delete
                    </button>
                  </span>
                </div>
                <ul className="review__checks" aria-label="Checklist">
                  {reviews.checklist.map((item) => (
                    <li key={item.key} className={review.checklist[item.key] ? 'is-done' : 'is-open'}>
                      <span aria-hidden="true">{review.checklist[item.key] ? '✓' : '○'}</span> {item.label}
                      <span className="sr-only">{review.checklist[item.key] ? ': done' : ': not done'}</span>
                    </li>
                  ))}
                </ul>
                {review.decisions && (
                  <p>
                    <span className="review__label">Decisions:</span> {review.decisions}
                  </p>
                )}
                {review.notes && (
                  <p className="muted">
                    <span className="review__label">Notes:</span> {review.notes}
                  </p>
                )}
              </li>
            ))}
          </ul>
        ))}
      {editing && reviews && (
        <ReviewDialog view={reviews} review={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
      {deleting && (
        <Dialog
          title={`Delete the ${deleting.quarter} review?`}
          onClose={() => setDeleting(null)}
          footer={
            <>
              <button type="button" className="button" onClick={() => setDeleting(null)} data-autofocus>
                Keep it
              </button>
              <button
                type="button"
                className="button button--danger"
                onClick={async () => {
                  const result = await save('reviews:delete', { reviewId: deleting.id });
                  setError(result.ok ? null : result.error.message);
                  setDeleting(null);
                }}
              >
                Delete review
              </button>
            </>
          }
        >
          <p>The record of the review on {formatDay(deleting.reviewedOn)} is removed. This cannot be undone.</p>
        </Dialog>
      )}
    </section>
  );
}

function ReviewDialog({
  view,
  review,
  onClose,
}: {
  view: ReviewsView;
  review: OwnershipReview | null;
  onClose: () => void;
}) {
  const timeZone = useChannel('team:time-zone', {}).data ?? localTimeZone();
  const [reviewedOn, setReviewedOn] = useState(() => review?.reviewedOn ?? localDateOf(appNow(), timeZone));
  const [checklist, setChecklist] = useState<Record<string, boolean>>(review?.checklist ?? {});
  const [decisions, setDecisions] = useState(review?.decisions ?? '');
  const [notes, setNotes] = useState(review?.notes ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!reviewedOn || busy) return;
    setBusy(true);
    const result = await save('reviews:save', {
      ...(review ? { id: review.id } : {}),
      reviewedOn,
      checklist,
      decisions,
      notes,
    });
    setBusy(false);
    if (result.ok) onClose();
    else setError(result.error.message);
  };

  return (
    <Dialog
      title={review ? `The ${review.quarter} review` : 'Record an ownership review'}
      onClose={onClose}
      testId="review-dialog"
      footer={
        <SaveFooter saving={busy} onCancel={onClose} onSave={submit} saveLabel="Save review" blocked={!reviewedOn} />
      }
    >
      <div className="form">
        <InputField
          id="review-date"
          label="Reviewed on"
          hint="The review counts for the quarter of this date."
          type="date"
          className="review__date"
          data-autofocus
          value={reviewedOn}
          onChange={(e) => setReviewedOn(e.target.value)}
        />
        <fieldset className="review__fieldset">
          <legend className="field__label">Checklist</legend>
          {view.checklist.map((item) => (
            <label key={item.key} className="check">
              <input
                type="checkbox"
                checked={checklist[item.key] === true}
                onChange={(e) => setChecklist({ ...checklist, [item.key]: e.target.checked })}
              />
              {item.label}
            </label>
          ))}
        </fieldset>
        <TextAreaField
          id="review-decisions"
          label="Decisions"
          rows={3}
          value={decisions}
          onChange={(e) => setDecisions(e.target.value)}
        />
        <TextAreaField
          id="review-notes"
          label="Notes"
          rows={2}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
        />
        <FormMessage message={error} />
      </div>
    </Dialog>
  );
}
