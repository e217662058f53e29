// Message templates, mirrored from ClickSend for offline use.
import type { Template } from '../../../shared/contract';
import type { Template as ApiTemplate } from '../clicksend/schemas';
import { prepared, type Db } from './statements';

/** Makes the cache match ClickSend's templates; returns whether anything changed. */
export function replaceTemplates(db: Db, templates: readonly ApiTemplate[]): boolean {
  return db.transaction(() => {
    let changes = 0;
    const upsert = prepared(
      db,
      `INSERT INTO templates (template_id, name, body) VALUES (?, ?, ?)
       ON CONFLICT (template_id) DO UPDATE SET name = excluded.name, body = excluded.body
       WHERE name IS NOT excluded.name OR body IS NOT excluded.body`,
    );
    for (const t of templates) changes += upsert.run(t.template_id, t.template_name, t.body).changes;
    const kept = JSON.stringify(templates.map((t) => t.template_id));
    changes += prepared(db, 'DELETE FROM templates WHERE template_id NOT IN (SELECT value FROM json_each(?))').run(kept).changes;
    return changes > 0;
  })();
}

export function listTemplates(db: Db): Template[] {
  return prepared<[], { template_id: number; name: string; body: string }>(db, 'SELECT template_id, name, body FROM templates ORDER BY name COLLATE NOCASE, template_id')
    .all()
    .map((r) => ({ templateId: r.template_id, name: r.name, body: r.body }));
}

export function upsertTemplate(db: Db, t: Template): void {
  prepared(db, 'INSERT INTO templates (template_id, name, body) VALUES (?, ?, ?) ON CONFLICT (template_id) DO UPDATE SET name = excluded.name, body = excluded.body').run(t.templateId, t.name, t.body);
}

export function deleteTemplateRow(db: Db, templateId: number): void {
  prepared(db, 'DELETE FROM templates WHERE template_id = ?').run(templateId);
}
