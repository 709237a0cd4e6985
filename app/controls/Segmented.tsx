/** A row of mutually exclusive options (radio group styled as segments). */
import { useId } from 'react';

export interface SegmentedProps<T extends string | number> {
  label: string;
  value: T;
  options: readonly { value: T; label: string; title?: string }[];
  onChange(value: T): void;
}

export function Segmented<T extends string | number>({ label, value, options, onChange }: SegmentedProps<T>) {
  const name = useId();
  return (
    <fieldset className="segmented">
      <legend className="control-label">{label}</legend>
      <div className="segmented-options">
        {options.map((o) => (
          <label key={String(o.value)} className={o.value === value ? 'segment checked' : 'segment'} title={o.title}>
            <input type="radio" name={name} value={String(o.value)} checked={o.value === value} onChange={() => onChange(o.value)} />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
