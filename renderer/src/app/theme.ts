// Light, dark, or whatever the system uses: the stylesheet follows
// data-theme on <html>, which is always set (the system's choice resolved
// here, and followed when it changes), so the dark colours are written once.
import { useEffect } from 'react';
import type { Settings } from '../../../shared/contract';
import { useInbox } from '../store/inbox-store';

const systemDark = () => window.matchMedia('(prefers-color-scheme: dark)');

export function applyTheme(theme: Settings['theme']): void {
  const resolved = theme === 'system' ? (systemDark().matches ? 'dark' : 'light') : theme;
  document.documentElement.dataset.theme = resolved;
}

export function useTheme(): void {
  const theme = useInbox((s) => s.settings.theme);
  useEffect(() => {
    applyTheme(theme);
    if (theme !== 'system') return;
    const media = systemDark();
    const follow = () => applyTheme('system');
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, [theme]);
}
