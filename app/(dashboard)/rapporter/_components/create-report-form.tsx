'use client';

import { Alert, Button, Field, Label, Select } from '@digdir/designsystemet-react';
import { Confirmation } from '@/components/ui/confirmation';
import { FieldError } from '@/components/ui/field-texts';
import { useActionState } from 'react';
import { TextField } from '@/components/ui/text-field';
import { createReportAction, type CreateReportState } from '../actions';
import styles from '../page.module.css';

interface CreateReportFormProps {
  seasons: { key: string; name: string }[];
  /** A day of the last week that has ended, 'YYYY-MM-DD'. */
  defaultWeek: string;
}

/** FHI: make the report of a week now (the same report the schedule makes on Mondays). */
export function CreateReportForm({ seasons, defaultWeek }: CreateReportFormProps) {
  const [state, action, pending] = useActionState<CreateReportState, FormData>(createReportAction, {});
  const errors = state.errors ?? {};
  return (
    <form action={action} noValidate className={styles.form}>
      <Field>
        <Label htmlFor="season">Sesong</Label>
        <Select
          id="season"
          name="season"
          defaultValue={seasons[0]?.key}
          aria-invalid={Boolean(errors.season)}
          aria-describedby={errors.season ? 'season-error' : undefined}
        >
          {seasons.map((season) => (
            <Select.Option key={season.key} value={season.key}>
              {season.name}
            </Select.Option>
          ))}
        </Select>
        {errors.season && <FieldError id="season-error">{errors.season}</FieldError>}
      </Field>
      <TextField
        id="week"
        name="week"
        type="date"
        label="En dag i uken"
        description="Rapporten gjelder uken fra mandag til søndag."
        defaultValue={defaultWeek}
        error={errors.week}
        required
      />
      <Button type="submit" disabled={pending}>
        {pending ? 'Lager rapporten …' : 'Lag rapport nå'}
      </Button>
      <div className={styles.result}>
        <Confirmation>{state.done}</Confirmation>
      </div>
      {errors.form && <Alert data-color="danger">{errors.form}</Alert>}
    </form>
  );
}
