// Templates as the core has them cached; edits go through the core to ClickSend.
import { create } from 'zustand';
import type { Template, UserError } from '../../../shared/contract';
import { call } from '../bridge/inbox-client';
import { attempt } from '../store/attempt';
import { reloadSoon } from '../store/reload-soon';

interface TemplatesState {
  templates: Template[] | null;
  error: UserError | null;
  load(): Promise<void>;
  /** The sync brought changes: read again if they were read at all, the list staying on screen until the answer. */
  refresh(): void;
  /** `saved` hears the template as ClickSend stored it. */
  save(input: { templateId?: number; name: string; body: string }, saved?: (template: Template) => void): Promise<UserError | null>;
  remove(templateId: number): Promise<UserError | null>;
}

/** Once for a burst of changes (the core says so per save, and per pass). */
const refreshSoon = reloadSoon(async () => {
  const { templates, load } = useTemplates.getState();
  if (templates !== null) await load();
}, 250);

export const useTemplates = create<TemplatesState>()((set, get) => ({
  templates: null,
  error: null,
  async load() {
    const error = await attempt(async () => set({ templates: await call('templates.list', {}), error: null }));
    if (error) set({ error });
  },
  refresh: () => refreshSoon(),
  async save(input, saved) {
    const error = await attempt(async () => {
      const template = await call('templates.save', input);
      await get().load();
      saved?.(template);
    });
    // Read again after a refusal too: it may say the template was deleted elsewhere.
    if (error) await get().load();
    return error;
  },
  remove: (templateId) =>
    attempt(async () => {
      await call('templates.delete', { templateId });
      await get().load();
    }),
}));
