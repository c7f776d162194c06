/** For the default branch of a switch over a union: fails to compile when a member is not handled. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled value: ${JSON.stringify(value)}`);
}
