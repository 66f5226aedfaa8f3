/** Failures of a handover use case that the caller answers with a 4xx; each says what to do instead. */

export class DealNotFoundError extends Error {
  constructor(readonly dealId: string) {
    super(`Deal ${dealId} does not exist (or was deleted).`);
    this.name = 'DealNotFoundError';
  }
}

/** The user may not do this (e.g. override the gate without being in RevOps). */
export class NotAllowedError extends Error {
  constructor(
    message: string,
    readonly expected: string,
  ) {
    super(message);
    this.name = 'NotAllowedError';
  }
}

/** A request value other than the handover fields is wrong; names the field and gives an example. */
export class InvalidRequestError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
    readonly expected: string,
    readonly example: string,
  ) {
    super(`${field}: ${problem}. Expected ${expected}, e.g. ${example}.`);
    this.name = 'InvalidRequestError';
  }
}
