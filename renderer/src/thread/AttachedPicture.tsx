// The picture in the composer: what will be sent (as the core prepared it),
// what was done to it, its subject, and a way to take it off.
import { ImageOff, X } from 'lucide-react';
import { PICTURE_SUBJECT_MAX, subjectProblem } from '../../../shared/picture-messages';
import type { PreparedPicture } from './picture-attachment';

function kilobytes(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1024))} kB`;
}

export function AttachedPicture({
  picture,
  subject,
  onSubject,
  onRemove,
}: {
  picture: PreparedPicture;
  subject: string;
  onSubject: (subject: string) => void;
  onRemove: () => void;
}) {
  const left = PICTURE_SUBJECT_MAX - [...subject].length;
  const problem = subjectProblem(subject);
  return (
    <div className="attached-picture" role="group" aria-label="Attached picture">
      {picture.preview ? (
        <img src={picture.preview} alt={`Attached: ${picture.name}`} />
      ) : (
        <span className="picture-placeholder small" aria-label={`Attached: ${picture.name}`}>
          <ImageOff aria-hidden="true" size={20} />
        </span>
      )}
      <div className="attached-details">
        <span className="attached-name">
          {picture.name} · {kilobytes(picture.bytes)}
        </span>
        {picture.note && (
          <span className="muted" role="note">
            {picture.note}
          </span>
        )}
        <label className="subject">
          <span>Subject</span>
          <input
            value={subject}
            maxLength={PICTURE_SUBJECT_MAX}
            aria-describedby="subject-left"
            onChange={(e) => onSubject(e.target.value)}
          />
          <span id="subject-left" className={problem ? 'warning' : 'muted'}>
            {problem ?? `${left} left`}
          </span>
        </label>
      </div>
      <button type="button" className="icon-button" onClick={onRemove} aria-label="Remove picture" title="Remove picture">
        <X aria-hidden="true" size={16} />
      </button>
    </div>
  );
}
