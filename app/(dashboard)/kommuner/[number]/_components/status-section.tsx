import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { FlagList } from '@/components/status/flag-list';
import { HelpBadge } from '@/components/status/help-link';
import { OutcomeBadge, STATE_ICONS, nextStepOf } from '@/components/status/season-outcome';
import { PageSection } from '@/components/status/page-section';
import { STATE_COLORS } from '@/components/status/state-colors';
import { DELIVERY_STATE_LABELS } from '@/lib/status/labels';
import { seasonOutcome, type MunicipalityStatusDetail } from '@/lib/status/rules';
import { formatDate } from '@/lib/core/format';
import { DeliveryFacts } from './delivery-facts';

/** The agreement with FHI that clears the municipality to send the whole year again. */
function ResubmissionAgreed({ agreedAt }: { agreedAt: Date }) {
  return (
    <Alert data-color="success">
      <strong>Klar til å sende på nytt.</strong> FHI og kommunen avtalte ny innsending {formatDate(agreedAt)}. Kommunen
      kan nå sende hele året på nytt: både fagmelding (KPR_IPL) og identmelding (KPR_IDE).
    </Alert>
  );
}

/** The municipality's state now: its badge, a resend agreed with FHI, the figures, and the flags with their next steps. */
export function StatusSection({ municipality }: { municipality: MunicipalityStatusDetail }) {
  const resubmissionAgreedAt = municipality.flags.find((flag) => flag.code === 'MUST_RESUBMIT')?.resubmissionAgreedAt;
  const outcome = seasonOutcome(municipality.figures, municipality.season.deadline, municipality.asOf);
  return (
    <PageSection id="status" title="Status">
      <Paragraph>
        <HelpBadge
          topic="tilstand"
          code={municipality.state}
          color={STATE_COLORS[municipality.state]}
          size="md"
          icon={STATE_ICONS[municipality.state]}
        >
          {DELIVERY_STATE_LABELS[municipality.state]}
        </HelpBadge>{' '}
        {outcome && <OutcomeBadge outcome={outcome} />}
      </Paragraph>
      <Paragraph>
        <strong>Neste steg:</strong> {nextStepOf(municipality.state, municipality.flags)}
      </Paragraph>
      {resubmissionAgreedAt && <ResubmissionAgreed agreedAt={resubmissionAgreedAt} />}
      <DeliveryFacts figures={municipality.figures} outcome={outcome} />
      <Heading level={3} data-size="xs">
        Flagg og neste steg
      </Heading>
      <FlagList flags={municipality.flags} headingLevel={4} />
    </PageSection>
  );
}
