// Light, dark, or whatever the system uses: the stylesheet follows
// data-theme on <html>, and prefers-color-scheme when there is none.
import { useEffect } from 'react';
import { useInbox } from '../store/inbox-store';

export function useTheme(): void {
  const theme = useInbox((s) => s.settings.theme);
  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);
}
