// Pure helpers behind the store: keep a thread's messages unique by local id
// and ordered newest first, whatever order pages and events arrive in.
import type { Message } from '../../../shared/contract';

export function mergeMessages(existing: readonly Message[], incoming: readonly Message[]): Message[] {
  const byId = new Map(existing.map((m) => [m.id, m]));
  for (const message of incoming) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
}

/** Groups by conversation so one event updates each open thread once. */
export function groupByConversation(messages: readonly Message[]): Map<number, Message[]> {
  const groups = new Map<number, Message[]>();
  for (const message of messages) {
    const group = groups.get(message.conversationId) ?? [];
    group.push(message);
    groups.set(message.conversationId, group);
  }
  return groups;
}
