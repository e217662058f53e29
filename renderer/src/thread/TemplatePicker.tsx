// Pick a template while writing: "/" in an empty message (or the Templates
// button) opens it, typing filters, ↑/↓ choose, Enter inserts the template
// with the contact's details filled in. What cannot be filled is named.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Contact } from '../../../shared/contract';
import { fillPlaceholders } from '../../../shared/placeholders';
import { useTemplates } from '../templates/templates-store';

export function valuesOf(contact: Contact | null | undefined, phone: string) {
  return {
    first_name: contact?.firstName ?? null,
    last_name: contact?.lastName ?? null,
    phone,
    email: contact?.email ?? null,
    custom_1: contact?.custom1 ?? null,
    custom_2: contact?.custom2 ?? null,
    custom_3: contact?.custom3 ?? null,
    custom_4: contact?.custom4 ?? null,
  };
}

export function TemplatePicker({
  contact,
  phone,
  onInsert,
  onClose,
}: {
  contact: Contact | null | undefined;
  phone: string;
  onInsert: (text: string) => void;
  onClose: () => void;
}) {
  const templates = useTemplates((s) => s.templates);
  const load = useTemplates((s) => s.load);
  const [filter, setFilter] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void load();
    input.current?.focus();
  }, [load]);

  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return (templates ?? []).filter((t) => !q || t.name.toLowerCase().includes(q) || t.body.toLowerCase().includes(q));
  }, [templates, filter]);
  const current = shown[Math.min(active, shown.length - 1)];
  const filled = current ? fillPlaceholders(current.body, valuesOf(contact, phone)) : null;

  return (
    <div
      className="picker"
      role="dialog"
      aria-label="Insert a template"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        } else if (e.key === 'ArrowDown') {
          e.preventDefault();
          setActive((a) => Math.min(shown.length - 1, a + 1));
        } else if (e.key === 'ArrowUp') {
          e.preventDefault();
          setActive((a) => Math.max(0, a - 1));
        } else if (e.key === 'Enter' && filled) {
          e.preventDefault();
          onInsert(filled.text);
        }
      }}
    >
      <input
        ref={input}
        aria-label="Find a template"
        placeholder="Find a template · Enter inserts · Esc closes"
        value={filter}
        onChange={(e) => {
          setFilter(e.target.value);
          setActive(0);
        }}
        aria-controls="template-options"
        aria-activedescendant={current ? `template-${current.templateId}` : undefined}
      />
      {templates === null ? (
        <p className="muted">Loading templates…</p>
      ) : shown.length === 0 ? (
        <p className="muted">{templates.length === 0 ? 'No templates yet: create them under Templates.' : 'No template matches.'}</p>
      ) : (
        <ul role="listbox" id="template-options" aria-label="Template list">
          {shown.map((t) => (
            <li
              key={t.templateId}
              id={`template-${t.templateId}`}
              role="option"
              aria-selected={t === current}
              className={t === current ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                onInsert(fillPlaceholders(t.body, valuesOf(contact, phone)).text);
              }}
            >
              {t.name}
            </li>
          ))}
        </ul>
      )}
      {filled && (
        <div aria-label="Template preview">
          <p className="preview-text">{filled.text}</p>
          {filled.missing.length > 0 && (
            <p className="warning" role="note">
              No value for {filled.missing.map((m) => `{${m}}`).join(', ')} for this {contact ? 'contact' : 'number (not a contact)'}: replace it before sending.
            </p>
          )}
          {filled.unknown.length > 0 && (
            <p className="warning" role="note">
              {filled.unknown.join(', ')} {filled.unknown.length === 1 ? 'is' : 'are'} for you to fill in.
            </p>
          )}
          {filled.unclosed && (
            <p className="warning" role="note">
              This template has a “{'{'}” that is never closed; check the text.
            </p>
          )}
        </div>
      )}
    </div>
  );
}
