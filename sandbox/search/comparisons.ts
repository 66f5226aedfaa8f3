import type { PropertyType } from '#src/hubspot/catalog/index';
import type { ComparisonOperator, ParsedFilter, PresenceFilter, TokenFilter } from './request';
import { SearchRequestError } from './request-error';
import { wholeValuePattern } from './tokens';
import { expectedForm, numericKey } from './values';

/** Test of a set value's text; unset values never reach it. */
export type ValueTest = (text: string) => boolean;

/** Filters that compare the value with operands by the property's type. */
export type ComparingFilter = Exclude<ParsedFilter, PresenceFilter | TokenFilter>;

/** Numbers, dates, datetimes and bools compare as numbers; a stored value that does not parse matches nothing. */
export function compileNumericTest(filter: ComparingFilter, type: PropertyType): ValueTest {
  const operand = (text: string, path: string): number => {
    const key = numericKey(type, text);
    if (Number.isNaN(key)) {
      throw new SearchRequestError(
        `${path} must be ${expectedForm(type)} for ${type} property "${filter.propertyName}", got ${JSON.stringify(text)}`,
      );
    }
    return key;
  };
  const keyed = (matches: (key: number) => boolean): ValueTest => {
    return (text) => {
      const key = numericKey(type, text);
      return !Number.isNaN(key) && matches(key);
    };
  };
  if (type === 'bool' && !['EQ', 'NEQ', 'IN', 'NOT_IN'].includes(filter.operator)) {
    throw new SearchRequestError(
      `${filter.path}.operator ${filter.operator} is not supported for bool property "${filter.propertyName}"; use EQ, NEQ, IN, NOT_IN, HAS_PROPERTY or NOT_HAS_PROPERTY`,
    );
  }
  switch (filter.operator) {
    case 'IN':
    case 'NOT_IN': {
      const keys = new Set(
        filter.values.map((value, index) => operand(value, `${filter.path}.values[${index}]`)),
      );
      const wanted = filter.operator === 'IN';
      return keyed((key) => keys.has(key) === wanted);
    }
    case 'BETWEEN': {
      const low = operand(filter.value, `${filter.path}.value`);
      const high = operand(filter.highValue, `${filter.path}.highValue`);
      return keyed((key) => key >= low && key <= high);
    }
    default: {
      const target = operand(filter.value, `${filter.path}.value`);
      return keyed(compareWith(filter.operator, target));
    }
  }
}

/**
 * Strings and enumerations compare case-insensitively (HubSpot asks for lowercase IN values; the
 * sandbox accepts any case). LT/GT order text by its lowercase form, code unit by code unit.
 */
export function compileTextTest(filter: ComparingFilter): ValueTest {
  switch (filter.operator) {
    case 'EQ':
    case 'NEQ': {
      const pattern = wholeValuePattern(filter.value);
      const wanted = filter.operator === 'EQ';
      return (text) => pattern.test(text) === wanted;
    }
    case 'IN':
    case 'NOT_IN': {
      const values = new Set(filter.values.map((value) => value.toLowerCase()));
      const wanted = filter.operator === 'IN';
      return (text) => (values.has(text) || values.has(text.toLowerCase())) === wanted;
    }
    case 'BETWEEN': {
      const low = filter.value.toLowerCase();
      const high = filter.highValue.toLowerCase();
      return (text) => {
        const folded = text.toLowerCase();
        return folded >= low && folded <= high;
      };
    }
    default: {
      const matches = compareWith(filter.operator, filter.value.toLowerCase());
      return (text) => matches(text.toLowerCase());
    }
  }
}

function compareWith<T extends number | string>(
  operator: ComparisonOperator,
  target: T,
): (key: T) => boolean {
  switch (operator) {
    case 'EQ':
      return (key) => key === target;
    case 'NEQ':
      return (key) => key !== target;
    case 'LT':
      return (key) => key < target;
    case 'LTE':
      return (key) => key <= target;
    case 'GT':
      return (key) => key > target;
    case 'GTE':
      return (key) => key >= target;
  }
}
