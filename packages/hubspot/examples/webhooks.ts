import { parseHubSpotWebhookDelivery } from '@patchbay/hubspot';
import { createHubSpotVerifier } from '@patchbay/webhooks';

const verifier = createHubSpotVerifier({ clientSecret: process.env.HUBSPOT_CLIENT_SECRET ?? '' });

// Verify the v3 signature over the raw body, then parse the delivery (a JSON array of events).
export async function handleHubSpotWebhook(request: Request): Promise<Response> {
  const rawBody = await request.text();
  verifier.verify(rawBody, request.headers, { url: request.url, method: request.method });
  for (const event of parseHubSpotWebhookDelivery(rawBody)) {
    if (event.subscriptionType === 'contact.creation' && 'objectId' in event) {
      await enqueueContactSync(String(event.objectId));
    }
  }
  return new Response(null, { status: 204 });
}

async function enqueueContactSync(contactId: string): Promise<void> {
  process.stdout.write(`sync contact ${contactId}\n`);
}
