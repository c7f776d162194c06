import type { Metadata } from 'next';
import { requireStaffPage } from '@/app/guards';
import { TemplateForm } from '@/components/admin/template-form';
import { CASE_STATUSES } from '@/lib/cases/vocabulary';
import { isTemplateStatus, listTemplates, TEMPLATE_VARIABLES } from '@/lib/conversations/templates';
import { messages } from '@/lib/i18n';
import { saveReplyTemplate } from './actions';
import { PageTitle } from '@/components/ui/page-title';

const t = messages.conversations;

export const metadata: Metadata = { title: t.adminTitle };

export default async function TemplatesPage() {
  await requireStaffPage('admin', '/admin/templates');
  const templates = await listTemplates();
  const statuses = CASE_STATUSES.filter(isTemplateStatus).map((status) => ({ value: status, label: messages.statuses[status] }));
  return (
    <div className="max-w-4xl space-y-5">
      <PageTitle>{t.adminTitle}</PageTitle>
      <p className="text-slate-700">{t.adminIntro}</p>
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[12rem_1fr]">
        {TEMPLATE_VARIABLES.map((name) => (
          <div key={name} className="contents">
            <dt className="font-mono text-slate-900">{`{{${name}}}`}</dt>
            <dd className="text-slate-700">{t.variables[name]}</dd>
          </div>
        ))}
      </dl>
      {templates.map((template) => (
        <TemplateForm
          key={template.id}
          template={{
            id: template.id,
            version: template.version,
            name: template.name,
            subject: template.subject,
            body: template.body,
            setsStatus: template.setsStatus ?? '',
          }}
          statuses={statuses}
          save={saveReplyTemplate}
        />
      ))}
    </div>
  );
}
