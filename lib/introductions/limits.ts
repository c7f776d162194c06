/** Text lengths, shared by the zod schemas and the forms' maxLength. */
export const LIMITS = { shortlistNote: 500, note: 2000 } as const;
