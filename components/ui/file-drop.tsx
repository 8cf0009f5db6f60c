'use client';

import { Label, Paragraph } from '@digdir/designsystemet-react';
import { type DragEvent, useId, useState } from 'react';
import styles from './file-drop.module.css';

/** A drop zone with a plain file input inside it (the keyboard and screen-reader path). */
export function FileDrop({
  label,
  description,
  accept,
  onFiles,
}: {
  label: string;
  description: string;
  accept: string;
  onFiles: (files: File[]) => void;
}) {
  const id = useId();
  const [dragging, setDragging] = useState(false);
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    onFiles([...event.dataTransfer.files]);
  };
  return (
    <div
      className={`${styles.zone} ${dragging ? styles.dragging : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <Label htmlFor={id}>{label}</Label>
      <Paragraph data-size="sm">{description}</Paragraph>
      <input
        id={id}
        type="file"
        multiple
        accept={accept}
        onChange={(event) => {
          onFiles([...(event.currentTarget.files ?? [])]);
          event.currentTarget.value = '';
        }}
      />
    </div>
  );
}
