'use client';
/**
 * Keyboard access to the server-rendered year calendar (YearCalendar): one tab stop for the whole
 * year, then the arrow keys move day by day (left/right) and lane by lane (up/down), Home/End to
 * the month's first and last day. An island that renders nothing and listens on the grid by id, so
 * the ~1 500 cells stay server markup instead of passing through a client component. Without
 * JavaScript the calendar is still read through its table alternative.
 */
import { useEffect } from 'react';

const STEP: Record<string, [lane: number, day: number]> = {
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
};

export function CalendarKeys({ gridId }: { gridId: string }) {
  useEffect(() => {
    const root = document.getElementById(gridId);
    if (!root) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-day]');
      if (!cell) return;
      const lane = Number(cell.dataset.lane);
      const day = Number(cell.dataset.day);
      let target: HTMLElement | null = null;
      const step = STEP[event.key];
      if (step) {
        target = root.querySelector(`[data-lane="${lane + step[0]}"][data-day="${day + step[1]}"]`);
      } else if (event.key === 'Home' || event.key === 'End') {
        const cells = root.querySelectorAll<HTMLElement>(`[data-lane="${lane}"][data-month="${cell.dataset.month}"]`);
        target = event.key === 'Home' ? cells[0]! : cells[cells.length - 1]!;
      }
      if (!target) return;
      event.preventDefault();
      cell.tabIndex = -1;
      target.tabIndex = 0;
      target.focus();
    };
    root.addEventListener('keydown', onKeyDown);
    return () => root.removeEventListener('keydown', onKeyDown);
  }, [gridId]);
  return null;
}
