/**
 * Custom criteria (`pct_change > 2 and volume > 1e6`). The engine parses it; its error comes back
 * in the frame and is shown inline: the message, the column, and the text with the bad spot marked.
 */
import { useId } from 'react';
import type { CriteriaError } from '../../engine/api.ts';
import type { RenderFrame } from '../data/frameStore.ts';
import { useFrameSelector, shallowEqual } from '../data/useFrameSelector.ts';
import { useDebouncedInput } from './useDebouncedInput.ts';

const selectError = (f: RenderFrame | null) => f?.criteriaError ?? null;
const sameError = (a: CriteriaError | null, b: CriteriaError | null) => (a && b ? shallowEqual(a, b) : a === b);

export interface CriteriaInputProps {
  value: string;
  onChange(value: string): void;
}

export function CriteriaInput({ value, onChange }: CriteriaInputProps) {
  const id = useId();
  const error = useFrameSelector(selectError, sameError);
  const { text, change, flush } = useDebouncedInput(value, onChange, 500);
  // The engine's error belongs to the committed text; hide it while the user is still typing.
  const shown = error && text === value && value !== '' ? error : null;
  return (
    <div className="control criteria">
      <label className="control-label" htmlFor={id}>
        Criteria
      </label>
      <input
        id={id}
        className="text-input mono"
        type="text"
        spellCheck={false}
        autoComplete="off"
        placeholder="e.g. pct_change > 2 and volume > 1e6"
        value={text}
        aria-invalid={shown ? true : undefined}
        aria-describedby={shown ? `${id}-error` : undefined}
        onChange={(e) => change(e.target.value)}
        onBlur={flush}
        onKeyDown={(e) => e.key === 'Enter' && flush()}
        data-testid="criteria-input"
      />
      {shown && <CriteriaErrorView id={`${id}-error`} text={value} error={shown} />}
    </div>
  );
}

export function CriteriaErrorView({ id, text, error }: { id: string; text: string; error: CriteriaError }) {
  const at = Math.max(0, Math.min(error.position, text.length));
  // The engine may already end its message with "at <offset>"; the column below says it better.
  const message = error.message.replace(/ at \d+$/, '');
  return (
    <div id={id} className="criteria-error" role="alert" data-testid="criteria-error" data-position={error.position}>
      <span>
        {message} (at column {at + 1})
      </span>
      <code className="criteria-source" aria-hidden="true">
        {text.slice(0, at)}
        <mark>{text.slice(at, at + 1) || ' '}</mark>
        {text.slice(at + 1)}
      </code>
    </div>
  );
}
