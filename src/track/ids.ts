/** Run and experiment ids: 32 lowercase hex characters (a v4 UUID without dashes), like MLflow's. */
export function newId(): string {
  return globalThis.crypto.randomUUID().replaceAll('-', '');
}

export const ID_PATTERN = /^[0-9a-f]{32}$/;
export const ID_PREFIX_PATTERN = /^[0-9a-f]{1,32}$/;
