// The templates view: a searchable list and a form to create, edit and delete.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { DeleteButton } from '../app/dialogs';
import { ErrorBanner } from '../app/ErrorBanner';
import { ListOrNote } from '../app/ListOrNote';
import type { Template, UserError } from '../../../shared/contract';
import { PLACEHOLDERS } from '../../../shared/placeholders';
import { useTemplates } from './templates-store';

export function TemplatesView() {
  const { templates, error, load } = useTemplates(useShallow((s) => ({ templates: s.templates, error: s.error, load: s.load })));
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<Template | 'new' | null>(null);

  useEffect(() => {
    void load();
  }, [load]);

  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return (templates ?? []).filter((t) => !q || t.name.toLowerCase().includes(q) || t.body.toLowerCase().includes(q));
  }, [templates, filter]);

  return (
    <div className="panes">
      <section className="sidebar" aria-label="Templates list">
        <div className="sidebar-top">
          <input type="search" aria-label="Filter templates" placeholder="Filter templates" value={filter} onChange={(e) => setFilter(e.target.value)} />
          <button type="button" onClick={() => setEditing('new')}>
            New template
          </button>
        </div>
        <ListOrNote
          items={templates === null ? null : shown}
          error={error}
          loading="Loading templates…"
          empty={templates?.length === 0 ? 'No templates yet. Create one for the replies you type most.' : 'No template matches.'}
        >
          {(items) =>
            items.map((t) => (
              <li key={t.templateId}>
                <button
                  type="button"
                  className={editing !== 'new' && editing?.templateId === t.templateId ? 'conversation selected' : 'conversation'}
                  onClick={() => setEditing(t)}
                >
                  <span className="title">{t.name}</span>
                  <span className="preview muted">{t.body}</span>
                </button>
              </li>
            ))
          }
        </ListOrNote>
      </section>
      <section className="editor" aria-label="Template">
        {editing === null ? (
          <p className="empty muted">Choose a template to edit it, or create a new one.</p>
        ) : (
          <TemplateForm key={editing === 'new' ? 'new' : editing.templateId} template={editing === 'new' ? null : editing} onDone={setEditing} />
        )}
      </section>
    </div>
  );
}

function TemplateForm({ template, onDone }: { template: Template | null; onDone: (t: Template | null) => void }) {
  const save = useTemplates((s) => s.save);
  const remove = useTemplates((s) => s.remove);
  const [name, setName] = useState(template?.name ?? '');
  const [body, setBody] = useState(template?.body ?? '');
  // Cleared when ClickSend says the template is gone: Save then creates it anew.
  const [templateId, setTemplateId] = useState(template?.templateId);
  const [error, setError] = useState<UserError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const failure = await save({ ...(templateId === undefined ? {} : { templateId }), name, body }, (saved) => {
      setNotice('Saved.');
      onDone(saved);
    });
    setBusy(false);
    setError(failure);
    if (failure?.code === 'DELETED_ELSEWHERE') setTemplateId(undefined);
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)}>
      <h2>{templateId === undefined ? 'New template' : 'Edit template'}</h2>
      <label>
        Template name
        <input value={name} onChange={(e) => (setName(e.target.value), setNotice(null))} maxLength={100} required />
      </label>
      <label>
        Template body
        <textarea value={body} onChange={(e) => (setBody(e.target.value), setNotice(null))} rows={6} maxLength={1600} required />
      </label>
      <p className="muted hint">
        Placeholders filled from the contact: {PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}
      </p>
      <ErrorBanner error={error} />
      {notice && <p role="status">{notice}</p>}
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          Save
        </button>
        {templateId !== undefined && (
          <DeleteButton
            what="template"
            title={`Delete the template “${name}”?`}
            message="It is deleted here and in ClickSend."
            disabled={busy}
            remove={() => remove(templateId)}
            onError={setError}
            onDone={() => onDone(null)}
          />
        )}
      </div>
    </form>
  );
}
