// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { InputField, optionsOf, SelectField, TextAreaField } from '../../src/renderer/components/Field';

afterEach(cleanup);

describe('Field', () => {
  test('the label names the control; hint and error describe it, and an error marks it invalid', () => {
    render(
      <InputField
        id="lead-name"
        label="Name"
        hint="Who the last level of escalation calls."
        error="Must not be empty."
        value=""
        onChange={() => {}}
      />,
    );
    const input = screen.getByRole('textbox', { name: 'Name' });
    expect(input.id).toBe('lead-name');
    expect(input.className).toBe('input');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('lead-name-hint lead-name-error');
    expect(document.getElementById('lead-name-error')!.textContent).toBe('Must not be empty.');
  });

  test('without hint or error the control carries no aria noise; its own class is kept', () => {
    render(<TextAreaField label="Notes" className="wide" value="" onChange={() => {}} />);
    const notes = screen.getByRole('textbox', { name: 'Notes' });
    expect(notes.id).not.toBe('');
    expect(notes.className).toBe('input wide');
    expect(notes.hasAttribute('aria-invalid')).toBe(false);
    expect(notes.hasAttribute('aria-describedby')).toBe(false);
  });

  test('invalid marks a control whose message stands elsewhere', () => {
    render(
      <SelectField label="Secondary owner" invalid value="b" onChange={() => {}}>
        {optionsOf(['a', 'b'], (v) => v.toUpperCase())}
      </SelectField>,
    );
    const select = screen.getByRole('combobox', { name: 'Secondary owner' });
    expect(select.getAttribute('aria-invalid')).toBe('true');
    expect(select.hasAttribute('aria-describedby')).toBe(false);
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['A', 'B']);
  });
});
