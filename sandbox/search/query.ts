import type { SearchSource } from './source';
import type { Predicate } from './filters';
import { substringPattern } from './tokens';

/**
 * HubSpot's default searchable properties per object type (contacts, companies, deals, tickets,
 * products, line items, engagements), as one list: a property the object type lacks is dropped.
 */
const DEFAULT_SEARCHABLE_PROPERTIES = [
  'firstname',
  'lastname',
  'email',
  'hs_additional_emails',
  'phone',
  'mobilephone',
  'fax',
  'company',
  'name',
  'domain',
  'website',
  'dealname',
  'dealtype',
  'description',
  'subject',
  'content',
  'hs_sku',
  'hs_call_title',
  'hs_call_body',
  'hs_email_subject',
  'hs_email_text',
  'hs_meeting_title',
  'hs_meeting_body',
  'hs_note_body',
  'hs_task_subject',
  'hs_task_body',
];

/**
 * The free-text `query`: any default searchable property containing the query text, ignoring case.
 * A simplification: HubSpot tokenizes and ranks by relevance; the sandbox keeps id order.
 */
export function compileQuery(query: string, source: SearchSource): Predicate {
  const pattern = substringPattern(query);
  const properties = DEFAULT_SEARCHABLE_PROPERTIES.filter((name) => source.propertyType(name) !== undefined);
  return (object) => {
    for (let i = 0; i < properties.length; i++) {
      const text = object.value(properties[i]!);
      if (text !== undefined && pattern.test(text)) return true;
    }
    return false;
  };
}
