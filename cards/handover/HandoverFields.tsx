import { Checkbox, DateInput, Flex, Select, TextArea } from '@hubspot/ui-extensions';
import type { CardContact, HandoverFields as Fields } from '#src/handover/card-contract';
import {
  HANDOVER_FIELDS,
  NO_COMMITMENTS_MARKER,
  type HandoverField,
  type HandoverProperty,
} from '#src/handover/fields';
import type { HandoverFinding } from '#src/handover/findings';
import { fromDateInput, toDateInput } from './dates';
import { FieldFinding } from './FieldFinding';

export interface HandoverFieldsProps {
  fields: Fields;
  findings: Record<HandoverProperty, HandoverFinding>;
  contacts: CardContact[];
  onEdit: (property: HandoverProperty, value: string | null) => void;
}

const FIELDS = Object.fromEntries(HANDOVER_FIELDS.map((f) => [f.property, f])) as Record<
  HandoverProperty,
  HandoverField
>;
const field = (property: HandoverProperty) => FIELDS[property];

/** Inputs report failures inline; the wording comes from the same rules the gate applies. */
const validation = (finding: HandoverFinding) => ({ error: !finding.ok, validationMessage: finding.problem });

function TextField({
  property,
  rows,
  ...props
}: HandoverFieldsProps & { property: HandoverProperty; rows: number }) {
  const { label, description } = field(property);
  const finding = props.findings[property];
  return (
    <Flex direction="column" gap="flush">
      <TextArea
        name={property}
        label={label}
        description={description}
        rows={rows}
        value={props.fields[property] ?? ''}
        onInput={(value) => props.onEdit(property, value)}
        {...validation(finding)}
      />
      <FieldFinding finding={finding} />
    </Flex>
  );
}

function contactLabel(contact: CardContact): string {
  return `${contact.name} (${contact.email ?? 'no email'})`;
}

function ChampionField({ fields, findings, contacts, onEdit }: HandoverFieldsProps) {
  const { property, label, description } = field('rg_champion_contact_id');
  return (
    <Flex direction="column" gap="flush">
      <Select
        name={property}
        label={label}
        description={
          contacts.length > 0 ? description : 'Associate the buyer-side contacts with this deal first.'
        }
        placeholder="Choose a contact associated with this deal"
        options={contacts.map((contact) => ({ label: contactLabel(contact), value: contact.id }))}
        value={fields[property] ?? undefined}
        onChange={(value) => onEdit(property, String(value))}
        {...validation(findings[property])}
      />
      <FieldFinding finding={findings[property]} />
    </Flex>
  );
}

function FirstValueDateField({ fields, findings, onEdit }: HandoverFieldsProps) {
  const { property, label, description } = field('rg_first_value_date');
  return (
    <Flex direction="column" gap="flush">
      <DateInput
        name={property}
        label={label}
        description={description}
        format="YYYY-MM-DD"
        value={toDateInput(fields[property])}
        onChange={(value) => onEdit(property, fromDateInput(value))}
        {...validation(findings[property])}
      />
      <FieldFinding finding={findings[property]} />
    </Flex>
  );
}

function CommitmentsField(props: HandoverFieldsProps) {
  const property = 'rg_commitments';
  const noneMade = props.fields[property] === NO_COMMITMENTS_MARKER;
  return (
    <Flex direction="column" gap="xs">
      {noneMade ? null : <TextField {...props} property={property} rows={3} />}
      <Checkbox
        name="rg_no_commitments"
        checked={noneMade}
        description="Tick only when nothing was promised in the sale and the buyer raised no concern."
        onChange={(checked) => props.onEdit(property, checked ? NO_COMMITMENTS_MARKER : null)}
      >
        No commitments were made
      </Checkbox>
      {noneMade ? <FieldFinding finding={props.findings[property]} /> : null}
    </Flex>
  );
}

/** The five fields of the handover artifact, in DESIGN.md's order. */
export function HandoverFields(props: HandoverFieldsProps) {
  return (
    <Flex direction="column" gap="md">
      <TextField {...props} property="rg_desired_outcome" rows={3} />
      <TextField {...props} property="rg_success_criteria" rows={4} />
      <ChampionField {...props} />
      <FirstValueDateField {...props} />
      <CommitmentsField {...props} />
    </Flex>
  );
}
