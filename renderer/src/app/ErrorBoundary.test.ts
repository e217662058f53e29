// @vitest-environment jsdom
// A component that throws while rendering: the window shows plain words and
// a way back, never a white screen or a stack. Real React in jsdom.
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from './ErrorBoundary';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Broken(): never {
  throw new TypeError("Cannot read properties of undefined (reading 'title')");
}

describe('ErrorBoundary', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    vi.restoreAllMocks();
  });

  it('shows plain words and Reload instead of a white screen when a view throws', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // React reports the caught error
    const container = document.body.appendChild(document.createElement('div'));
    act(() => createRoot(container).render(createElement(ErrorBoundary, null, createElement(Broken))));

    const alert = container.querySelector('[role="alert"]');
    expect(alert?.querySelector('h1')?.textContent).toBe('Something went wrong');
    expect(alert?.textContent).toContain('Your messages are safe in the local cache.');
    expect(container.querySelector('button')?.textContent).toBe('Reload');
    expect(container.textContent).not.toMatch(/TypeError|reading 'title'|at Broken/);
  });

  it('renders its children untouched when nothing throws', () => {
    const container = document.body.appendChild(document.createElement('div'));
    act(() => createRoot(container).render(createElement(ErrorBoundary, null, createElement('p', null, 'Inbox'))));
    expect(container.innerHTML).toBe('<p>Inbox</p>');
  });
});
