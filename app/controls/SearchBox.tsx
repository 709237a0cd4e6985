/** Symbol or company-name search, applied after a short pause in typing. */
import { useId } from 'react';
import { useDebouncedInput } from './useDebouncedInput.ts';

export function SearchBox({ value, onChange }: { value: string; onChange(value: string): void }) {
  const id = useId();
  const { text, change, flush } = useDebouncedInput(value, onChange, 200);
  return (
    <div className="control search">
      <label className="visually-hidden" htmlFor={id}>
        Search symbol or name
      </label>
      <input
        id={id}
        className="text-input"
        type="search"
        placeholder="Search symbol or name"
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(e) => change(e.target.value)}
        onBlur={flush}
        onKeyDown={(e) => e.key === 'Enter' && flush()}
        data-testid="search-input"
      />
    </div>
  );
}
