// Choosing when a message goes: quick choices, or a date and time in the
// user's time zone (named), checked before anything is sent.
import { useEffect, useRef, useState } from 'react';
import { instantOf, parseLocalInput, quickChoices, scheduleProblem, toLocalInput } from '../../../shared/schedule-times';

export const userTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function formatWhen(ms: number): string {
  return new Date(ms).toLocaleString([], { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

export function SchedulePanel({
  initialMs,
  editing,
  onConfirm,
  onClose,
}: {
  initialMs: number | null;
  editing: boolean;
  onConfirm: (unixSeconds: number) => void;
  onClose: () => void;
}) {
  const zone = userTimeZone();
  const [now] = useState(() => Date.now());
  const choices = quickChoices(now, zone);
  const [value, setValue] = useState(() => toLocalInput(initialMs ?? choices[1]?.instantMs ?? now + 86_400_000, zone));
  const [problem, setProblem] = useState<string | null>(null);
  // Opened from the keyboard, the panel takes the focus (it sits above the message in the page).
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);

  const confirm = () => {
    const wall = parseLocalInput(value);
    if (!wall) return setProblem('Choose a date and time.');
    const resolved = instantOf(wall, zone);
    if (!resolved.ok) return setProblem(resolved.reason);
    const why = scheduleProblem(resolved.instantMs, Date.now());
    if (why) return setProblem(why);
    onConfirm(Math.floor(resolved.instantMs / 1000));
  };

  return (
    <div className="schedule-panel" role="group" aria-label="Schedule" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="quick">
        {choices.map((c, i) => (
          <button key={c.label} ref={i === 0 ? first : undefined} type="button" className="secondary" onClick={() => (setValue(toLocalInput(c.instantMs, zone)), setProblem(null))}>
            {c.label}
          </button>
        ))}
      </div>
      <label>
        Send at
        <input
          type="datetime-local"
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            setProblem(null);
          }}
        />
        <span className="muted">Time zone: {zone}</span>
      </label>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="form-actions">
        <button type="button" onClick={confirm}>
          {editing ? 'Save new time' : 'Schedule message'}
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          {editing ? 'Stop editing' : 'Close'}
        </button>
      </div>
    </div>
  );
}
