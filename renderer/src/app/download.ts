// A file the core made (CSV), saved through the browser's download: the same
// in the desktop app and in browser mode.
export function download(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = filename;
  link.click();
  URL.revokeObjectURL(link.href);
}
