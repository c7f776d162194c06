import type { Ref } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { messages } from '@/lib/i18n';

/** The input's wiring: a react-hook-form registration, or a ref and name for forms that read it themselves. */
type HoneypotInput = { ref: Ref<HTMLInputElement>; name: string } & Partial<Pick<UseFormRegisterReturn, 'onChange' | 'onBlur'>>;

/**
 * A field people never see and bots fill in; the server refuses a submission that has it filled.
 * Off-screen rather than display:none, which some bots skip.
 */
export function Honeypot({ input }: { input: HoneypotInput }) {
  return (
    <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
      <label htmlFor={`hp-${input.name}`}>{messages.honeypotLabel}</label>
      <input id={`hp-${input.name}`} type="text" tabIndex={-1} autoComplete="off" {...input} />
    </div>
  );
}
