// A file the core made (CSV), saved through the browser's download: the same
// in the desktop app and in browser mode.
/** `text` may come in parts (a large export, chunk by chunk): they are not joined into one string first. */
export function download(filename: string, text: string | readonly string[], type = 'text/csv;charset=utf-8'): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob(typeof text === 'string' ? [text] : [...text], { type }));
  link.download = filename;
  link.click();
  URL.revokeObjectURL(link.href);
}
