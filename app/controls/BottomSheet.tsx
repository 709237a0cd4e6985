/**
 * A bottom sheet for small screens: a native <dialog> (focus trap, Escape and the top layer for
 * free) sliding up from the bottom, closed by its button, Escape or a tap on the backdrop.
 */
import { useEffect, useRef, type ReactNode } from 'react';

export interface BottomSheetProps {
  open: boolean;
  title: string;
  onClose(): void;
  children: ReactNode;
}

export function BottomSheet({ open, title, onClose, children }: BottomSheetProps) {
  const ref = useRef<HTMLDialogElement | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal?.();
    if (!open && dialog.open) dialog.close?.();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="bottom-sheet"
      aria-label={title}
      onClose={onClose}
      onClick={(e) => e.target === e.currentTarget && onClose()}
      data-testid="bottom-sheet"
    >
      <div className="sheet-body">
        <header className="sheet-head">
          <span className="sheet-grip" aria-hidden="true" />
          <h2>{title}</h2>
          <button type="button" className="button" onClick={onClose}>
            Done
          </button>
        </header>
        {open && children}
      </div>
    </dialog>
  );
}
