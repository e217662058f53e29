/**
 * Whether anyone is looking, and at which conversation's thread (null while
 * another section is shown), as the renderer reports it: the core polls
 * faster while someone is, does not notify about what they are reading, and
 * reads replies only when their thread is on screen.
 */
export interface Presence {
  focused: boolean;
  openConversationId: number | null;
}
