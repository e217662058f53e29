import { Component, type ReactNode } from 'react';

// A render error shows plain words and a way back, never a white screen or a stack.
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <main className="centered">
        <div className="card" role="alert">
          <h1>Something went wrong</h1>
          <p>The inbox hit an unexpected problem. Your messages are safe in the local cache.</p>
          <button type="button" onClick={() => window.location.reload()}>
            Reload
          </button>
        </div>
      </main>
    );
  }
}
