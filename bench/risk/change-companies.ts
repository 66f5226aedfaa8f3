import { Client } from '@hubspot/api-client';
import { AssociationSpecAssociationCategoryEnum } from '@hubspot/api-client/lib/codegen/crm/objects/emails/index.js';

/** HubSpot-defined email→company association type (associations v4). */
const EMAIL_TO_COMPANY = 186;
const BATCH = 100;

/**
 * What happens to a customer between two syncs: every other changed company gets an inbound email,
 * the rest a new NPS reading. Written as another integration (not the app), as a CSM's email
 * logger or a survey tool would, and spread evenly over the portal's ids.
 */
export async function changeCompanies(
  sandboxUrl: string,
  companyIds: readonly string[],
  share: number,
  token = 'sandbox-integration',
): Promise<string[]> {
  const client = new Client({ accessToken: token, basePath: sandboxUrl, numberOfApiCallRetries: 6 });
  const step = Math.round(1 / share);
  const changed = companyIds.filter((_, index) => index % step === 0);
  const emails = changed.filter((_, index) => index % 2 === 0);
  const surveyed = changed.filter((_, index) => index % 2 === 1);
  const now = new Date().toISOString();
  for (let i = 0; i < emails.length; i += BATCH) {
    await client.crm.objects.emails.batchApi.create({
      inputs: emails.slice(i, i + BATCH).map((companyId) => ({
        properties: {
          hs_timestamp: now,
          hs_email_direction: 'INCOMING_EMAIL',
          hs_email_subject: 'Question about our renewal',
        },
        associations: [
          {
            to: { id: companyId },
            types: [
              {
                associationCategory: AssociationSpecAssociationCategoryEnum.HubspotDefined,
                associationTypeId: EMAIL_TO_COMPANY,
              },
            ],
          },
        ],
      })),
    });
  }
  for (let i = 0; i < surveyed.length; i += BATCH) {
    await client.crm.companies.batchApi.update({
      inputs: surveyed.slice(i, i + BATCH).map((id) => ({ id, properties: { nps_score: '3' } })),
    });
  }
  return changed;
}
