// The settings a new install starts with. Kept apart from the contract's zod
// schemas so the renderer can use them without loading zod at start-up.
import type { Settings } from './inbox-records';

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  defaultCountry: null,
  pollIntervalSeconds: 15,
  notifications: true,
  notificationSound: true,
  notificationsPausedUntil: null,
  closeToTray: null,
  startAtLogin: false,
  autoUpdate: true,
  optOutListName: 'Opt-outs',
  pictureSubject: 'Photo',
  pictureCacheMb: 200,
  lowBalanceWarning: 5,
  apiBaseUrl: null,
  window: null,
};
