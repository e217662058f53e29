// Settings: each change is saved at once by the core, which validates it; a
// refused value shows why and the old one stays.
import { useId, useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Settings, UserError } from '../../../shared/contract';
import { ErrorBanner } from '../app/ErrorBanner';
import { call, describeError } from '../bridge/inbox-client';
import { useInbox } from '../store/inbox-store';

const desktopApp = () => Boolean(window.inbox);

export function SettingsView() {
  const { settings, account, updateSettings } = useInbox(
    useShallow((s) => ({ settings: s.settings, account: s.session?.state === 'signed-in' ? s.session.account : null, updateSettings: s.updateSettings })),
  );
  const currency = account?.currency ?? '';
  // When the header warns of a low balance, as the core decided it for the account in use.
  const lowBalanceRule = account?.lowBalance?.rule ?? null;
  const pictures = account?.pictures ?? null;
  const [error, setError] = useState<UserError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  // The moment the view opened: enough to say whether a pause is still on.
  const [openedAt] = useState(() => Date.now());
  const [permission, setPermission] = useState(() => (typeof Notification === 'undefined' ? 'unsupported' : Notification.permission));

  const save = async (patch: Partial<Settings>, what: string) => {
    setSaved(null);
    const failure = await updateSettings(patch);
    setError(failure);
    if (!failure) setSaved(`${what} saved.`);
  };
  const pause = async (choice: 'hour' | 'tomorrow' | 'off' | 'resume') => {
    try {
      useInbox.setState({ settings: await call('notifications.pause', { choice }) });
      setError(null);
    } catch (e) {
      setError(describeError(e));
    }
  };

  const paused = settings.notificationsPausedUntil !== null && settings.notificationsPausedUntil > openedAt;
  return (
    <section className="settings-view" aria-label="Settings">
      <h2>Settings</h2>
      <ErrorBanner error={error} />
      {saved && <p role="status">{saved}</p>}

      <Group title="Appearance">
        <label>
          Theme
          <select value={settings.theme} onChange={(e) => void save({ theme: e.target.value as Settings['theme'] }, 'Theme')}>
            <option value="system">Same as the system</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
      </Group>

      <Group title="Notifications">
        <label className="check">
          <input type="checkbox" checked={settings.notifications} onChange={(e) => void save({ notifications: e.target.checked }, 'Notifications')} />
          Notify me of new replies
        </label>
        <label className="check">
          <input type="checkbox" checked={settings.notificationSound} onChange={(e) => void save({ notificationSound: e.target.checked }, 'Sound')} />
          Play a sound
        </label>
        <p className="muted" role="note">
          {!settings.notifications
            ? 'Notifications are off.'
            : paused
              ? `Paused until ${new Date(settings.notificationsPausedUntil!).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' })}.`
              : 'Notifications are on.'}
        </p>
        <div className="form-actions">
          <button type="button" className="secondary" onClick={() => void pause('hour')}>
            Pause for 1 hour
          </button>
          <button type="button" className="secondary" onClick={() => void pause('tomorrow')}>
            Pause until tomorrow
          </button>
          {(paused || !settings.notifications) && (
            <button type="button" className="secondary" onClick={() => void pause('resume')}>
              Resume notifications
            </button>
          )}
        </div>
        {!desktopApp() && permission !== 'granted' && permission !== 'unsupported' && (
          <button type="button" onClick={() => void Notification.requestPermission().then(setPermission)}>
            Allow desktop notifications in this browser
          </button>
        )}
      </Group>

      <Group title="Sync">
        <InputSetting
          number
          label="Check for replies every (seconds)"
          value={String(settings.pollIntervalSeconds)}
          hint="Three times as often while the window is focused, less often after ten idle minutes."
          onSave={(n) => void save({ pollIntervalSeconds: Number(n) }, 'Interval')}
        />
      </Group>

      <Group title="Phone numbers">
        <InputSetting
          label="Default country"
          value={settings.defaultCountry ?? ''}
          hint="Two letters, such as AU or US, for numbers typed without a country code. Empty: your ClickSend account’s country."
          onSave={(v) => void save({ defaultCountry: v.trim() === '' ? null : v.trim().toUpperCase() }, 'Default country')}
        />
        <InputSetting
          label="ClickSend list for opt-outs"
          value={settings.optOutListName}
          hint="Numbers that replied STOP are kept in this contact list at ClickSend (made on first use), and numbers put in it elsewhere are never texted."
          onSave={(v) => void save({ optOutListName: v }, 'Opt-out list')}
        />
      </Group>

      <Group title="Pictures">
        {pictures && !pictures.offered && (
          <p className="banner" role="note">
            {pictures.message}
            {pictures.askAgainAt !== null &&
              ` The app asks ClickSend again at ${new Date(pictures.askAgainAt).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' })}, or when you choose Sync now.`}
          </p>
        )}
        <InputSetting
          label="Subject for picture messages"
          value={settings.pictureSubject}
          hint="ClickSend sends a subject with every picture (at most 20 characters); each message can change it."
          onSave={(v) => void save({ pictureSubject: v }, 'Picture subject')}
        />
        <InputSetting
          number
          min={20}
          max={5000}
          label="Pictures kept on this computer (MB)"
          value={String(settings.pictureCacheMb)}
          hint="Per account, so they show offline. When full, the pictures shown longest ago are removed (they download again when shown)."
          onSave={(n) => void save({ pictureCacheMb: Number(n) }, 'Pictures kept')}
        />
      </Group>

      <Group title="Balance">
        <InputSetting
          number
          min={0}
          max={100000}
          step={0.01}
          label={`Warn when the balance falls below${currency ? ` (${currency})` : ''}`}
          value={settings.lowBalanceWarning === null ? '' : settings.lowBalanceWarning.toFixed(2)}
          hint="In the account’s currency, for every account on this computer. 0 or empty: no warning of the app’s own."
          onSave={(v) => void save({ lowBalanceWarning: v.trim() === '' ? null : Number(v) }, 'Low-balance warning')}
        />
        <p className="muted" role="note">
          {lowBalanceRule ?? 'The header does not warn about a low balance.'}
        </p>
      </Group>

      <Group title="Desktop app">
        <label className="check">
          <input
            type="checkbox"
            checked={settings.closeToTray === true}
            onChange={(e) => void save({ closeToTray: e.target.checked }, 'Close to tray')}
          />
          Closing the window keeps the app running in the tray
        </label>
        <label className="check">
          <input type="checkbox" checked={settings.startAtLogin} onChange={(e) => void save({ startAtLogin: e.target.checked }, 'Start at login')} />
          Start when I log in
        </label>
        <label className="check">
          <input type="checkbox" checked={settings.autoUpdate} onChange={(e) => void save({ autoUpdate: e.target.checked }, 'Updates')} />
          Install updates automatically
        </label>
        {!desktopApp() && <p className="muted hint">These apply to the desktop app; this browser window ignores them.</p>}
      </Group>

      <details className="group">
        <summary>Advanced</summary>
        <InputSetting
          label="API base URL"
          value={settings.apiBaseUrl ?? ''}
          hint="Only for an API gateway in front of ClickSend: https, or plain http on this computer. Empty: ClickSend itself. Another server signs every account out: a key is sent only where it was entered."
          onSave={(v) => void save({ apiBaseUrl: v.trim() === '' ? null : v.trim() }, 'API base URL')}
        />
      </details>
    </section>
  );
}

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="group">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}

/** A typed setting saved with its own button (Enter saves a text one); a number one is 5 to 600. */
function InputSetting({
  label,
  value,
  hint,
  number = false,
  min = 5,
  max = 600,
  step,
  onSave,
}: {
  label: string;
  value: string;
  hint: string;
  number?: boolean;
  min?: number;
  max?: number;
  /** For a number with decimals (cents). */
  step?: number;
  onSave: (v: string) => void;
}) {
  const [draft, setDraft] = useState(value);
  const id = useId();
  const range = number ? { type: 'number', min, max, step } : {};
  return (
    <div className="setting">
      <label htmlFor={id}>{label}</label>
      <span className="inline">
        <input
          id={id}
          {...range}
          value={draft}
          aria-describedby={`${id}-hint`}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => !number && e.key === 'Enter' && onSave(draft)}
        />
        <button type="button" className="secondary" onClick={() => onSave(draft)} disabled={number ? Number(draft) === Number(value) : draft === value} aria-label={`Save ${label}`}>
          Save
        </button>
      </span>
      <span className="muted hint" id={`${id}-hint`}>
        {hint}
      </span>
    </div>
  );
}
