import { useState } from 'react';
import { AUDIENCES, type Audience, type BusinessArea } from '../../../shared/model';
import type { MatrixRow } from '../../../shared/operations-views';
import { Dialog } from '../../components/Dialog';
import { SaveFooter } from '../../components/SaveFooter';
import { FormMessage, InputField, optionsOf, SelectField, TextAreaField } from '../../components/Field';
import { useChannel } from '../../query/client';
import { savePipeline } from './save-pipeline';
import { useRotations } from './AnsweredBy';

const NEW_AREA = 'new';
const NO_AREAS: BusinessArea[] = [];

const AUDIENCE_LABELS: Record<Audience, string> = {
  investors: 'Investors',
  experiments: 'Experiments',
  internal: 'Internal',
};

/** Create a pipeline (row undefined) or edit one's details; retiring is offered for an existing one. */
export function PipelineDialog({
  row,
  onClose,
  onRetire,
}: {
  row?: MatrixRow;
  onClose: () => void;
  onRetire?: () => Promise<void>;
}) {
  const areas = useChannel('areas:list', {}).data ?? NO_AREAS;
  const pipeline = row?.pipeline;
  const [name, setName] = useState(pipeline?.name ?? '');
  const [area, setArea] = useState<string>(pipeline?.areaId == null ? '' : String(pipeline.areaId));
  const [newArea, setNewArea] = useState('');
  const [audience, setAudience] = useState<Audience>(pipeline?.audience ?? 'internal');
  const [purpose, setPurpose] = useState(pipeline?.purpose ?? '');
  const [inputSources, setInputSources] = useState(pipeline?.inputSources ?? '');
  const [transformation, setTransformation] = useState(pipeline?.transformation ?? '');
  const [outputs, setOutputs] = useState(pipeline?.outputs ?? '');
  const rotations = useRotations();
  const inUse = rotations.filter((r) => r.archivedAt === null);
  // A new pipeline is answered by the lead's first rotation until another is chosen.
  const [answeredBy, setAnsweredBy] = useState<string | null>(
    pipeline ? (pipeline.rotationId === null ? '' : String(pipeline.rotationId)) : null,
  );
  const rotationChoice = answeredBy ?? (inUse[0] ? String(inUse[0].id) : '');
  const routedTo = rotations.find((r) => String(r.id) === rotationChoice) ?? null;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmRetire, setConfirmRetire] = useState(false);

  const problem =
    name.trim() === ''
      ? 'Give the pipeline a name.'
      : area === NEW_AREA && newArea.trim() === ''
        ? 'Name the new business area, or choose an existing one.'
        : null;

  const save = async () => {
    if (problem || busy) return;
    setBusy(true);
    setError(null);
    const result = await savePipeline(
      {
        ...(pipeline ? { id: pipeline.id } : {}),
        name: name.trim(),
        areaId: area === '' || area === NEW_AREA ? null : Number(area),
        audience,
        purpose,
        inputSources,
        transformation,
        outputs,
        rotationId: rotationChoice === '' ? null : Number(rotationChoice),
      },
      area === NEW_AREA ? newArea.trim() : undefined,
    );
    setBusy(false);
    if (result.ok) onClose();
    else setError(result.error.message);
  };

  const text = (id: string, label: string, value: string, set: (v: string) => void) => (
    <TextAreaField id={id} label={label} rows={2} value={value} onChange={(e) => set(e.target.value)} />
  );

  return (
    <Dialog
      title={pipeline ? `Details of ${pipeline.name}` : 'New pipeline'}
      onClose={onClose}
      wide
      testId="pipeline-dialog"
      footer={
        <>
          {pipeline && onRetire && (
            <span className="dialog__footer-start">
              {confirmRetire ? (
                <>
                  <span className="muted">Retire {pipeline.name}?</span>
                  <button type="button" className="button button--danger" onClick={() => void onRetire()}>
                    Yes, retire it
                  </button>
                </>
              ) : (
                <button type="button" className="button button--danger" onClick={() => setConfirmRetire(true)}>
                  Retire pipeline…
                </button>
              )}
            </span>
          )}
          <SaveFooter
            saving={busy}
            onCancel={onClose}
            onSave={save}
            saveLabel={pipeline ? 'Save pipeline' : 'Add pipeline'}
            blocked={problem !== null}
          />
        </>
      }
    >
      <div className="form">
        <InputField
          id="pipeline-name"
          label="Name"
          data-autofocus
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <div className="form__row">
          <SelectField id="pipeline-area" label="Business area" value={area} onChange={(e) => setArea(e.target.value)}>
            <option value="">— None —</option>
            {areas.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
            <option value={NEW_AREA}>New business area…</option>
          </SelectField>
          <SelectField
            id="pipeline-audience"
            label="Audience"
            value={audience}
            onChange={(e) => setAudience(e.target.value as Audience)}
          >
            {optionsOf(AUDIENCES, (a) => AUDIENCE_LABELS[a])}
          </SelectField>
        </div>
        <SelectField
          id="pipeline-rotation"
          label="Answered by"
          hint={
            routedTo === null
              ? 'No rotation answers: nobody is called for this pipeline, and Today warns about it.'
              : `The engineer on call in ${routedTo.name} answers for this pipeline.`
          }
          value={rotationChoice}
          onChange={(e) => setAnsweredBy(e.target.value)}
        >
          <option value="">— No rotation —</option>
          {rotations
            .filter((r) => r.archivedAt === null || String(r.id) === rotationChoice)
            .map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
                {r.archivedAt !== null ? ' (archived)' : ''}
              </option>
            ))}
        </SelectField>
        {area === NEW_AREA && (
          <InputField
            id="pipeline-new-area"
            label="Name of the new business area"
            value={newArea}
            onChange={(e) => setNewArea(e.target.value)}
          />
        )}
        {text('pipeline-purpose', 'Purpose', purpose, setPurpose)}
        <div className="form__row">
          {text('pipeline-inputs', 'Input sources', inputSources, setInputSources)}
          {text('pipeline-outputs', 'Outputs', outputs, setOutputs)}
        </div>
        {text('pipeline-transformation', 'Transformation', transformation, setTransformation)}
        <FormMessage message={error ?? (name.trim() !== '' ? problem : null)} alert={error !== null} />
      </div>
    </Dialog>
  );
}
