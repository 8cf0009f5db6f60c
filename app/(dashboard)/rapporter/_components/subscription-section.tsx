import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { Confirmation } from '@/components/ui/confirmation';
import { SUBSCRIPTION_CHANGED_MESSAGES } from '@/lib/reports/labels';
import { setSubscriptionAction } from '../actions';
import styles from '../page.module.css';

/** What was just done to the subscription (`changed`, from the URL), said only while the subscription is so. */
function changedMessage(subscription: { subscribed: boolean; email: string }, changed?: boolean): string | null {
  if (changed === undefined || changed !== subscription.subscribed) return null;
  return changed
    ? SUBSCRIPTION_CHANGED_MESSAGES.subscribed(subscription.email)
    : SUBSCRIPTION_CHANGED_MESSAGES.unsubscribed;
}

/**
 * The person's own subscription to the weekly report by e-mail, and the button that turns it on or
 * off; after a change (`changed`: subscribed or not), what was done.
 */
export function SubscriptionSection({
  subscription,
  changed,
}: {
  subscription: { subscribed: boolean; email: string };
  changed?: boolean;
}) {
  return (
    <section aria-labelledby="subscription-heading">
      <Heading level={2} data-size="sm" id="subscription-heading">
        Abonnement på e-post
      </Heading>
      <Confirmation>{changedMessage(subscription, changed)}</Confirmation>
      <div className={styles.subscription}>
        <Paragraph>
          {subscription.subscribed
            ? `Du får ukerapporten på e-post til ${subscription.email}, med Excel-filen vedlagt. Uker uten endringer sendes ikke.`
            : 'Du abonnerer ikke på ukerapporten.'}
        </Paragraph>
        <form action={setSubscriptionAction}>
          <input type="hidden" name="subscribe" value={subscription.subscribed ? 'nei' : 'ja'} />
          <Button type="submit" variant="secondary">
            {subscription.subscribed ? 'Avslutt abonnementet' : 'Abonner på ukerapporten'}
          </Button>
        </form>
      </div>
    </section>
  );
}
