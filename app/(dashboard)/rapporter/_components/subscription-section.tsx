import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { setSubscriptionAction } from '../actions';
import styles from '../page.module.css';

/** The person's own subscription to the weekly report by e-mail, and the button that turns it on or off. */
export function SubscriptionSection({ subscription }: { subscription: { subscribed: boolean; email: string } }) {
  return (
    <section aria-labelledby="subscription-heading">
      <Heading level={2} data-size="sm" id="subscription-heading">
        Abonnement på e-post
      </Heading>
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
