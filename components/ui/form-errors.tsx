import { ErrorSummary } from '@digdir/designsystemet-react';
import { Confirmation } from './confirmation';

/** The errors of a form above it, each linking to its field (`#<idPrefix><field>`); `form` is about the whole form. */
export function FormErrors({
  errors,
  labels,
  idPrefix = '',
}: {
  errors: Partial<Record<string, string>>;
  labels: Record<string, string>;
  idPrefix?: string;
}) {
  const entries = Object.entries(errors).filter((entry): entry is [string, string] => Boolean(entry[1]));
  if (entries.length === 0) return null;
  return (
    <ErrorSummary>
      <ErrorSummary.Heading>Rett opp dette før du sender:</ErrorSummary.Heading>
      <ErrorSummary.List>
        {entries.map(([field, message]) => (
          <ErrorSummary.Item key={field}>
            {field === 'form' ? (
              message
            ) : (
              <ErrorSummary.Link href={`#${idPrefix}${field}`}>
                {labels[field] ? `${labels[field]}: ` : ''}
                {message}
              </ErrorSummary.Link>
            )}
          </ErrorSummary.Item>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}

/** What a form says after it was sent: that it went through (a Confirmation, announced), or its errors. */
export function FormFeedback({
  done,
  errors,
  labels,
  idPrefix,
}: {
  done?: string;
  errors: Partial<Record<string, string>>;
  labels: Record<string, string>;
  idPrefix?: string;
}) {
  return (
    <>
      <Confirmation>{done}</Confirmation>
      <FormErrors errors={errors} labels={labels} idPrefix={idPrefix} />
    </>
  );
}
