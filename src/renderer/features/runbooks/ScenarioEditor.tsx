import { emptyScenario, focusSoon, line, move, type ScenarioDraft } from './draft';

/**
 * Failure scenarios, each with symptoms, checks and ordered resolution steps. Steps and
 * scenarios move with buttons (so the keyboard can reorder them), and focus follows the
 * thing that moved.
 */
export function ScenariosEditor({
  scenarios,
  onChange,
}: {
  scenarios: ScenarioDraft[];
  onChange: (scenarios: ScenarioDraft[]) => void;
}) {
  const update = (index: number, scenario: ScenarioDraft) =>
    onChange(scenarios.map((s, i) => (i === index ? scenario : s)));
  const add = () => {
    const scenario = emptyScenario();
    onChange([...scenarios, scenario]);
    focusSoon(`scenario-${scenario.key}-title`);
  };
  return (
    <div className="scenarios">
      {scenarios.length === 0 && (
        <p className="muted">
          No failure scenarios yet. Investor pipelines should at least cover data freshness, data inconsistencies and
          job failures; add each with its symptoms, checks and the steps that resolve it.
        </p>
      )}
      {scenarios.map((scenario, index) => (
        <ScenarioCard
          key={scenario.key}
          scenario={scenario}
          index={index}
          count={scenarios.length}
          onChange={(s) => update(index, s)}
          onMove={(delta) => {
            onChange(move(scenarios, index, delta));
            focusSoon(
              `scenario-${scenario.key}-${delta < 0 ? 'up' : 'down'}`,
              `scenario-${scenario.key}-${delta < 0 ? 'down' : 'up'}`,
            );
          }}
          onRemove={() => {
            onChange(scenarios.filter((_, i) => i !== index));
            focusSoon('add-scenario');
          }}
        />
      ))}
      <button type="button" id="add-scenario" className="button" onClick={add}>
        + Add failure scenario
      </button>
    </div>
  );
}

function ScenarioCard({
  scenario,
  index,
  count,
  onChange,
  onMove,
  onRemove,
}: {
  scenario: ScenarioDraft;
  index: number;
  count: number;
  onChange: (scenario: ScenarioDraft) => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
}) {
  const n = index + 1;
  const id = (part: string) => `scenario-${scenario.key}-${part}`;
  const name = scenario.title.trim() || `scenario ${n}`;
  const setSteps = (steps: ScenarioDraft['steps']) => onChange({ ...scenario, steps });
  const addStep = () => {
    const step = line();
    setSteps([...scenario.steps, step]);
    focusSoon(`step-${step.key}`);
  };

  return (
    <fieldset className="scenario" data-testid="scenario">
      <legend className="sr-only">Failure scenario {n}</legend>
      <div className="scenario__head">
        <span className="scenario__number" aria-hidden="true">
          {n}
        </span>
        <div className="scenario__title">
          <label className="sr-only" htmlFor={id('title')}>
            Title of scenario {n}
          </label>
          <input
            id={id('title')}
            className="input scenario__title-input"
            placeholder="Scenario title, e.g. Data freshness issues"
            value={scenario.title}
            aria-invalid={scenario.title.trim() === '' || undefined}
            onChange={(e) => onChange({ ...scenario, title: e.target.value })}
          />
        </div>
        <div className="mover">
          <button
            type="button"
            id={id('up')}
            className="button button--icon"
            disabled={index === 0}
            onClick={() => onMove(-1)}
            aria-label={`Move ${name} up`}
            title="Move up"
          >
            ↑
          </button>
          <button
            type="button"
            id={id('down')}
            className="button button--icon"
            disabled={index === count - 1}
            onClick={() => onMove(1)}
            aria-label={`Move ${name} down`}
            title="Move down"
          >
            ↓
          </button>
          <button
            type="button"
            className="button button--icon"
            onClick={onRemove}
            aria-label={`Remove ${name}`}
            title="Remove scenario"
          >
            ✕
          </button>
        </div>
      </div>
      <div className="form__row">
        <div>
          <label className="field__label" htmlFor={id('symptoms')}>
            Symptoms<span className="sr-only"> of scenario {n}</span>
          </label>
          <textarea
            id={id('symptoms')}
            className="input"
            rows={2}
            value={scenario.symptoms}
            placeholder="What the on-call engineer sees"
            onChange={(e) => onChange({ ...scenario, symptoms: e.target.value })}
          />
        </div>
        <div>
          <label className="field__label" htmlFor={id('checks')}>
            Checks<span className="sr-only"> of scenario {n}</span>
          </label>
          <textarea
            id={id('checks')}
            className="input"
            rows={2}
            value={scenario.checks}
            placeholder="What to look at first"
            onChange={(e) => onChange({ ...scenario, checks: e.target.value })}
          />
        </div>
      </div>
      <div className="steps">
        <span className="field__label" id={id('steps-label')}>
          Resolution steps, in order
        </span>
        <ol className="steps__list" aria-labelledby={id('steps-label')}>
          {scenario.steps.map((step, i) => {
            const label = `Step ${i + 1} of scenario ${n}`;
            return (
              <li key={step.key} className="step">
                <span className="step__number" aria-hidden="true">
                  {i + 1}.
                </span>
                <label className="sr-only" htmlFor={`step-${step.key}`}>
                  {label}
                </label>
                <input
                  id={`step-${step.key}`}
                  className="input"
                  value={step.text}
                  placeholder="What to do"
                  onChange={(e) =>
                    setSteps(scenario.steps.map((s) => (s.key === step.key ? { ...s, text: e.target.value } : s)))
                  }
                  onKeyDown={(e) => {
                    // Enter in the last step starts the next one, as in a list.
                    if (e.key === 'Enter') {
                      e.preventDefault();
                      if (i === scenario.steps.length - 1) addStep();
                      else focusSoon(`step-${scenario.steps[i + 1]!.key}`);
                    }
                  }}
                />
                <div className="mover">
                  <button
                    type="button"
                    id={`step-${step.key}-up`}
                    className="button button--icon"
                    disabled={i === 0}
                    onClick={() => {
                      setSteps(move(scenario.steps, i, -1));
                      focusSoon(`step-${step.key}-up`, `step-${step.key}-down`);
                    }}
                    aria-label={`Move step ${i + 1} of scenario ${n} up`}
                    title="Move up"
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    id={`step-${step.key}-down`}
                    className="button button--icon"
                    disabled={i === scenario.steps.length - 1}
                    onClick={() => {
                      setSteps(move(scenario.steps, i, 1));
                      focusSoon(`step-${step.key}-down`, `step-${step.key}-up`);
                    }}
                    aria-label={`Move step ${i + 1} of scenario ${n} down`}
                    title="Move down"
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="button button--icon"
                    onClick={() => {
                      setSteps(scenario.steps.filter((s) => s.key !== step.key));
                      focusSoon(id('add-step'));
                    }}
                    aria-label={`Remove step ${i + 1} of scenario ${n}`}
                    title="Remove step"
                  >
                    ✕
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
        <button type="button" id={id('add-step')} className="button button--quiet" onClick={addStep}>
          + Add step<span className="sr-only"> to scenario {n}</span>
        </button>
      </div>
    </fieldset>
  );
}
