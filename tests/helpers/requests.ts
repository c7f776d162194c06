import { expect, inject } from 'vitest';
import { validRequest } from './fixtures';

/** Files a request through the public API, as the agency's website would; returns its reference. */
export async function fileRequest(organisation: string, description: string): Promise<string> {
  const response = await fetch(`${inject('baseUrl')}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(validRequest({ organisation, description, postal_code: '07743', city: 'Jena' })),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { reference: string }).reference;
}
