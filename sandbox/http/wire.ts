/**
 * The api-client's models name a few fields differently from the JSON HubSpot sends (`_from` for
 * `from`, `_in` for `in`); this maps a model type to its wire shape so responses stay typed by
 * HubSpot's contract.
 */
export type OnTheWire<T> = T extends Date
  ? Date
  : T extends (infer Item)[]
    ? OnTheWire<Item>[]
    : T extends object
      ? { [K in keyof T as K extends '_from' ? 'from' : K extends '_in' ? 'in' : K]: OnTheWire<T[K]> }
      : T;
