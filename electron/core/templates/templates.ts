// Templates, edited at ClickSend and mirrored in the cache for offline use.
// Offline edits are refused (see docs/architecture.md): queued edits would
// need conflict rules a user cannot see.
import type { Template } from '../../../shared/contract';
import type { ClickSendClient } from '../clicksend/client';
import type { Db } from '../cache/database';
import { deleteTemplateRow, listTemplates, upsertTemplate } from '../cache/templates';
import { deleteAtClickSend, saveAtClickSend } from '../errors/edit-errors';

export class Templates {
  constructor(
    private readonly db: Db,
    private readonly client: ClickSendClient,
    private readonly changed: () => void,
  ) {}

  list(): Template[] {
    return listTemplates(this.db);
  }

  async save(input: { templateId?: number; name: string; body: string }): Promise<Template> {
    const fields = { template_name: input.name, body: input.body };
    const request = input.templateId === undefined ? this.client.createTemplate(fields) : this.client.updateTemplate(input.templateId, fields);
    const saved = await saveAtClickSend(request, 'template', () => {
      deleteTemplateRow(this.db, input.templateId!);
      this.changed();
    });
    const template = { templateId: saved.template_id, name: saved.template_name, body: saved.body };
    upsertTemplate(this.db, template);
    this.changed();
    return template;
  }

  async delete(templateId: number): Promise<void> {
    await deleteAtClickSend(this.client.deleteTemplate(templateId), 'template');
    deleteTemplateRow(this.db, templateId);
    this.changed();
  }
}
