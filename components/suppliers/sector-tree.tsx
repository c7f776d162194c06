'use client';

import Link from 'next/link';
import { useState } from 'react';
import { messages } from '@/lib/i18n';
import type { SectorNode } from '@/lib/sectors/queries';
import { searchHref, type SearchState } from '@/lib/suppliers/search-url';

const t = messages.suppliers;

interface Props {
  nodes: SectorNode[];
  path: string;
  state: SearchState;
}

function containsCode(node: SectorNode, code: string): boolean {
  return node.code === code || node.children.some((child) => containsCode(child, code));
}

/** The WZ tree with counts: sections → divisions → groups → classes, each level folded away. */
export function SectorTree({ nodes, path, state }: Props) {
  const selected = state.sector;
  const [open, setOpen] = useState<Set<string>>(() => {
    const initial = new Set<string>();
    const walk = (list: SectorNode[]) => {
      for (const node of list) {
        if (selected && containsCode(node, selected)) {
          initial.add(node.code);
          walk(node.children);
        }
      }
    };
    walk(nodes);
    // A single section (e.g. after a narrow search) is opened right away.
    if (nodes.length === 1) initial.add(nodes[0]!.code);
    return initial;
  });
  const toggle = (code: string) =>
    setOpen((previous) => {
      const next = new Set(previous);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });

  const render = (list: SectorNode[], level: number) => (
    <ul className={level > 1 ? 'ml-3 border-l border-slate-200 pl-2' : ''}>
      {list.map((node) => {
        const isOpen = open.has(node.code);
        const isSelected = node.code === selected;
        const childrenId = `wz-${node.code.replace('.', '-')}`;
        return (
          <li key={node.code} className="py-0.5">
            <div className="flex items-start gap-1">
              {node.children.length > 0 ? (
                <button
                  type="button"
                  aria-expanded={isOpen}
                  aria-controls={isOpen ? childrenId : undefined}
                  aria-label={t.expandSector(node.code)}
                  onClick={() => toggle(node.code)}
                  className="mt-0.5 flex h-5 w-5 shrink-0 items-center justify-center rounded text-slate-600 hover:bg-slate-100"
                >
                  <span aria-hidden="true" className={`inline-block transition-transform ${isOpen ? 'rotate-90' : ''}`}>
                    ▸
                  </span>
                </button>
              ) : (
                <span className="w-5 shrink-0" />
              )}
              <Link
                href={searchHref(path, state, { sector: node.code })}
                aria-current={isSelected ? 'true' : undefined}
                className={`min-w-0 flex-1 rounded px-1 text-sm leading-snug hover:bg-brand-50 ${
                  isSelected ? 'bg-brand-100 font-semibold text-brand-800' : 'text-slate-800'
                }`}
              >
                <span className="font-mono text-xs text-slate-600">{node.code}</span> {node.title}{' '}
                <span className="whitespace-nowrap tabular-nums text-slate-600">({node.count.toLocaleString('de-DE')})</span>
              </Link>
            </div>
            {node.children.length > 0 && isOpen && <div id={childrenId}>{render(node.children, level + 1)}</div>}
          </li>
        );
      })}
    </ul>
  );

  return render(nodes, 1);
}
