// Customer text (a reply, a contact's name, a title made from either) shown
// isolated in <bdi>, so right-to-left text or a stray override cannot reorder
// what stands beside it, with every direction character drawn as a visible
// mark instead of obeyed (shared/bidi-controls.ts says which and why).
import { directionControlDescription, directionPieces } from '../../../shared/bidi-controls';

/** The pieces of one run of text, direction characters as marks; no isolation (see CustomerText). */
export function Revealed({ text }: { text: string }) {
  const pieces = directionPieces(text);
  if (pieces.length === 1 && pieces[0]!.control === null) return <>{text}</>;
  return (
    <>
      {pieces.map((p, i) =>
        p.control === null ? (
          p.text
        ) : (
          <span key={i} className="direction-mark" role="img" aria-label={directionControlDescription(p.control)} title={directionControlDescription(p.control)}>
            {p.control}
          </span>
        ),
      )}
    </>
  );
}

export function CustomerText({ text, className }: { text: string; className?: string }) {
  return (
    <bdi className={className}>
      <Revealed text={text} />
    </bdi>
  );
}
