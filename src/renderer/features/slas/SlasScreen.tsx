import { useState } from 'react';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useStore } from '../../store';
import { RiskRegister } from '../risks/RiskRegister';
import { SlaPanel } from './SlaPanel';
import '../ownership/operations-shared.css';
import './slas.css';

type Tab = 'slas' | 'risks';

/** SLAs with their deadlines, and the risk register: one screen, two tabs (the model names them apart). */
export function SlasScreen() {
  const screen = useStore((s) => s.screen);
  // 'slas' and 'risks' each mount this screen afresh (App keys screens by name).
  const [tab, setTab] = useState<Tab>(screen === 'risks' ? 'risks' : 'slas');

  return (
    <section className="screen screen--slas" aria-labelledby="screen-title">
      <ScreenHeader
        title="SLAs & risks"
        subtitle={
          tab === 'slas'
            ? 'When each pipeline’s data must be ready, and the deadlines coming up'
            : 'What could go wrong, how likely and how bad, and what mitigates it'
        }
        actions={
          <div className="segmented" role="group" aria-label="Part">
            <button type="button" className="button" aria-pressed={tab === 'slas'} onClick={() => setTab('slas')}>
              SLAs
            </button>
            <button type="button" className="button" aria-pressed={tab === 'risks'} onClick={() => setTab('risks')}>
              Risk register
            </button>
          </div>
        }
      />
      {tab === 'slas' ? <SlaPanel /> : <RiskRegister />}
    </section>
  );
}
