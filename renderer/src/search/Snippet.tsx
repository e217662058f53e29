// A search snippet: the core marks matched words with \u0002…\u0003; they
// become <mark> elements around plain text. Nothing is parsed as HTML.
import { Revealed } from '../app/CustomerText';

// eslint-disable-next-line no-control-regex -- control characters on purpose: no keyboard types them, and a body holding one can at worst mis-mark its own snippet, still as text
const MARKED = /\u0002([^\u0003]*)\u0003/g;

export function Snippet({ text }: { text: string }) {
  const parts: Array<{ text: string; match: boolean }> = [];
  let at = 0;
  for (const m of text.matchAll(MARKED)) {
    if (m.index > at) parts.push({ text: text.slice(at, m.index), match: false });
    parts.push({ text: m[1]!, match: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), match: false });
  return (
    <bdi className="snippet">
      {parts.map((p, i) => (p.match ? <mark key={i}><Revealed text={p.text} /></mark> : <span key={i}><Revealed text={p.text} /></span>))}
    </bdi>
  );
}
