// What the core tells the window: one typed event stream, fed by the modules
// below the composition root through an `Emit` they are handed.
import type { EventName, EventPayload } from '../../shared/contract';

export type InboxEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];

export type Emit = <E extends EventName>(name: E, payload: EventPayload<E>) => void;
