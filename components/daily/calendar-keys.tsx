'use client';
/**
 * Keyboard access to the year calendar: one tab stop for the whole year, then the arrow keys move
 * day by day (left/right) and lane by lane (up/down), Home/End to the month's first and last day.
 * Without JavaScript the calendar is still read through its table alternative.
 */
import { useRef, type KeyboardEvent, type ReactNode } from 'react';

const STEP: Record<string, [lane: number, day: number]> = {
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
};

export function CalendarKeys({ children, className }: { children: ReactNode; className?: string }) {
  const root = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-day]');
    if (!cell || !root.current) return;
    const lane = Number(cell.dataset.lane);
    const day = Number(cell.dataset.day);
    let target: HTMLElement | null = null;
    const step = STEP[event.key];
    if (step) {
      target = root.current.querySelector(`[data-lane="${lane + step[0]}"][data-day="${day + step[1]}"]`);
    } else if (event.key === 'Home' || event.key === 'End') {
      const month = cell.dataset.month;
      const cells = root.current.querySelectorAll<HTMLElement>(`[data-lane="${lane}"][data-month="${month}"]`);
      target = event.key === 'Home' ? cells[0]! : cells[cells.length - 1]!;
    }
    if (!target) return;
    event.preventDefault();
    cell.tabIndex = -1;
    target.tabIndex = 0;
    target.focus();
  };
  return (
    <div ref={root} className={className} onKeyDown={onKeyDown}>
      {children}
    </div>
  );
}
