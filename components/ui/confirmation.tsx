import { Alert } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';

/**
 * What an action just did, said where the person is: an Alert in a live region (role="status"), so
 * that a screen reader announces it without moving the focus; a success, or a warning when the action
 * could not do what was asked (`color`). The region is there even when there is nothing to say, so
 * that a message put into it after the action is announced. The text comes from the capability's
 * labels.ts; a page that an action redirects to reads what was done from its URL and checks it
 * against the data before saying it.
 */
export function Confirmation({ children, color = 'success' }: { children?: ReactNode; color?: 'success' | 'warning' }) {
  return <div role="status">{children ? <Alert data-color={color}>{children}</Alert> : null}</div>;
}
