// Templates edited here and at ClickSend, against the simulator with a real cache.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../../../simulator/server';
import type { ClickSendClient } from '../clicksend/client';
import type { Db } from '../cache/database';
import { useAccountFixture } from '../../../test-support/account-fixture';
import { listTemplates } from '../cache/templates';
import { syncOnce } from '../../../test-support/sync-once';
import { Templates } from './templates';

const ACCOUNT = { username: 'tpl-user', apiKey: 'tpl-key' };

describe('Templates', () => {
  const fixture = useAccountFixture(ACCOUNT, { maxAttempts: 2 });
  let sim: Simulator;
  let db: Db;
  let client: ClickSendClient;
  let templates: Templates;
  let changes: number;

  const atClickSend = async () => {
    const all = [];
    for await (const rows of client.templates()) all.push(...rows);
    return all.map((t) => ({ name: t.template_name, body: t.body }));
  };
  const syncDirectory = () => syncOnce({ db, client });

  beforeEach(() => {
    ({ sim, db, client } = fixture);
    changes = 0;
    templates = new Templates(db, client, () => changes++);
  });

  it('creates, updates and deletes at ClickSend and in the cache together', async () => {
    const created = await templates.save({ name: 'Reminder', body: 'Hi {first_name}, see you at 10' });
    expect(await atClickSend()).toEqual([{ name: 'Reminder', body: 'Hi {first_name}, see you at 10' }]);
    expect(templates.list()).toEqual([created]);

    await templates.save({ templateId: created.templateId, name: 'Reminder', body: 'Hi {first_name}, see you at 11' });
    expect(await atClickSend()).toEqual([{ name: 'Reminder', body: 'Hi {first_name}, see you at 11' }]);
    expect(templates.list()[0]!.body).toBe('Hi {first_name}, see you at 11');

    await templates.delete(created.templateId);
    expect(await atClickSend()).toEqual([]);
    expect(templates.list()).toEqual([]);
    expect(changes).toBe(3);
  });

  it('takes edits made at ClickSend on the next sync, deletions included', async () => {
    const made = await client.createTemplate({ template_name: 'Thanks', body: 'Thanks for visiting!' });
    await syncDirectory();
    expect(listTemplates(db).map((t) => t.name)).toEqual(['Thanks']);
    await client.updateTemplate(made.template_id, { template_name: 'Thanks', body: 'Thanks, come again!' });
    await syncDirectory();
    expect(listTemplates(db)[0]!.body).toBe('Thanks, come again!');
    await client.deleteTemplate(made.template_id);
    await syncDirectory();
    expect(listTemplates(db)).toEqual([]);
  });

  it('a template deleted at ClickSend while edited here: the edit is refused with why, and Save again creates it', async () => {
    const created = await templates.save({ name: 'Old', body: 'Old text' });
    await client.deleteTemplate(created.templateId);
    await expect(templates.save({ templateId: created.templateId, name: 'Old', body: 'Edited text' })).rejects.toMatchObject({
      code: 'DELETED_ELSEWHERE',
      message: expect.stringMatching(/deleted in ClickSend/),
      action: expect.stringMatching(/Save creates the template again/),
    });
    expect(templates.list()).toEqual([]);
    await templates.save({ name: 'Old', body: 'Edited text' });
    expect(await atClickSend()).toEqual([{ name: 'Old', body: 'Edited text' }]);
  });

  it('deleting a template already deleted at ClickSend is done: it leaves the cache, no error', async () => {
    const created = await templates.save({ name: 'Gone', body: 'Deleted on the dashboard' });
    await client.deleteTemplate(created.templateId);
    await expect(templates.delete(created.templateId)).resolves.toBeUndefined();
    expect(templates.list()).toEqual([]);
  });

  it('refuses edits while ClickSend cannot be reached, and changes nothing', async () => {
    const created = await templates.save({ name: 'Kept', body: 'As it was' });
    await sim.close();
    await expect(templates.save({ templateId: created.templateId, name: 'Kept', body: 'Changed offline' })).rejects.toMatchObject({
      code: 'OFFLINE_EDIT',
    });
    await expect(templates.delete(created.templateId)).rejects.toMatchObject({ code: 'OFFLINE_EDIT' });
    expect(templates.list()).toEqual([created]);
  });
});
