import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { CreateReportForm } from './create-report-form';

/** FHI: make a week's report now, with what re-making a week means. */
export function CreateReportSection({
  seasons,
  defaultWeek,
}: {
  seasons: { key: string; name: string }[];
  /** A day of the last week that has ended, 'YYYY-MM-DD'. */
  defaultWeek: string;
}) {
  return (
    <section aria-labelledby="create-heading">
      <Heading level={2} data-size="sm" id="create-heading">
        Lag rapport nå
      </Heading>
      <Paragraph data-size="sm">
        En uke som lages på nytt, gir de samme filene så lenge dataene for uken er de samme. Abonnentene får hver
        rapport bare én gang.
      </Paragraph>
      <CreateReportForm seasons={seasons} defaultWeek={defaultWeek} />
    </section>
  );
}
