import type { ButtonHTMLAttributes } from 'react';

export function Button({ className = '', ...props }: ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button
      className={
        'inline-flex items-center justify-center rounded-md bg-brand-700 px-5 py-3 text-base font-semibold text-white ' +
        'shadow-sm hover:bg-brand-800 disabled:cursor-wait disabled:opacity-70 ' +
        className
      }
      {...props}
    />
  );
}
