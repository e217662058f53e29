// A picture message's picture, as the core names it (pictures.show: a URL
// of the host's media route, by id): the page never fetches a remote image. What could not be fetched shows a
// placeholder that says why (offline and not downloaded yet, gone, ...).
import { ImageOff } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { Result } from '../../../shared/contract';
import { call, describeError } from '../bridge/inbox-client';

type Shown = Result<'pictures.show'>;

/** URLs of pictures already shown this session, by message id: scrolling back does not ask again. */
const shown = new Map<number, string>();

export function MessagePicture({ id, status, subject }: { id: number; status: string; subject: string | null }) {
  const [picture, setPicture] = useState<Shown | null>(() => {
    const src = shown.get(id);
    return src ? { src, missing: null } : null;
  });
  // Asked again when the message moves on (a picture being sent has a URL once ClickSend took it).
  useEffect(() => {
    if (shown.has(id)) return;
    let live = true;
    call('pictures.show', { id }).then(
      (answer) => {
        if (answer.src) {
          if (shown.size > 300) shown.clear();
          shown.set(id, answer.src);
        }
        if (live) setPicture(answer);
      },
      (error: unknown) => live && setPicture({ src: null, missing: describeError(error).message }),
    );
    return () => {
      live = false;
    };
  }, [id, status]);

  const label = subject ? `Picture: ${subject}` : 'Picture';
  if (picture?.src) return <img className="message-picture" src={picture.src} alt={label} />;
  return (
    <span className="picture-placeholder" role="img" aria-label={picture?.missing ? `${label}. ${picture.missing}` : `${label}, loading`}>
      <ImageOff aria-hidden="true" size={24} />
      <span>{picture?.missing ?? 'Loading the picture…'}</span>
    </span>
  );
}
