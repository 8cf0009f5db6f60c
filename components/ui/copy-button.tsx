'use client';

import { Button } from '@digdir/designsystemet-react';
import { useState } from 'react';

/**
 * Copies a text (a new API key) to the clipboard and says so in a live region; where the browser
 * refuses the clipboard it says how to copy by hand.
 */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [said, setSaid] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setSaid('Kopiert.');
    } catch {
      setSaid('Nettleseren tillot ikke kopiering. Merk teksten og kopier den med Ctrl+C (Cmd+C på Mac).');
    }
  };
  return (
    <div>
      <Button type="button" variant="secondary" data-size="sm" onClick={() => void copy()}>
        {label}
      </Button>{' '}
      <span role="status">{said}</span>
    </div>
  );
}
