// /sms/templates CRUD.
import { missingFields, notFound, ok } from './envelope';
import { paginateArray, pageUrlFor, parsePage } from './pagination';
import { parseOrder, parseSearch, searchAndSort } from './query';
import type { AccountState, Handler, SmsTemplate } from './types';

const FIELDS = ['template_id', 'template_name', 'body'] as const;

function find(account: AccountState, rawId: string | undefined): SmsTemplate {
  const t = /^\d+$/.test(rawId ?? '') ? account.templates.get(Number(rawId)) : undefined;
  if (!t) throw notFound('Template not found.');
  return t;
}

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

export const listTemplates: Handler = ({ account, query, base, path }) => {
  const rows = searchAndSort(
    [...account.templates.values()],
    parseSearch(query, FIELDS),
    parseOrder(query, FIELDS, { field: 'template_id', desc: false }),
  );
  return ok(paginateArray(rows, parsePage(query), pageUrlFor(base + path, query)), 'Here are your templates.');
};

export const createTemplate: Handler = ({ sim, account, body }) => {
  if (!nonEmpty(body.template_name) || !nonEmpty(body.body)) throw missingFields('template_name and body are required.');
  const t: SmsTemplate = { template_id: sim.nextId('template'), template_name: body.template_name, body: body.body };
  account.templates.set(t.template_id, t);
  return ok({ ...t }, 'New template has been saved.');
};

export const getTemplate: Handler = ({ account, params }) =>
  ok({ ...find(account, params.template_id) }, 'Here is your template.');

// Fields left out keep their value; empty strings are rejected like on create.
export const updateTemplate: Handler = ({ account, params, body }) => {
  const t = find(account, params.template_id);
  if (body.template_name !== undefined && !nonEmpty(body.template_name)) throw missingFields('template_name cannot be empty.');
  if (body.body !== undefined && !nonEmpty(body.body)) throw missingFields('body cannot be empty.');
  if (nonEmpty(body.template_name)) t.template_name = body.template_name;
  if (nonEmpty(body.body)) t.body = body.body;
  return ok({ ...t }, 'Your template has been updated.');
};

export const deleteTemplate: Handler = ({ account, params }) => {
  const t = find(account, params.template_id);
  account.templates.delete(t.template_id);
  return ok(null, 'Your template has been deleted.');
};
