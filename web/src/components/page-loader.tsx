import { Component, type ReactNode, Suspense } from 'react';
import { useLocation } from 'react-router';
import { Loading } from './data.tsx';

/** Turns a page that failed to load or render into a message; opening another page tries again. */
class PageFailure extends Component<{ pathname: string; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  componentDidUpdate(previous: { pathname: string }) {
    if (this.state.failed && previous.pathname !== this.props.pathname) this.setState({ failed: false });
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="alert alert--error" role="alert">
        <p>This page could not be loaded. Check your connection, then reload the page.</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </div>
    );
  }
}

/**
 * Where the pages render. Each page's script loads when the page is first opened
 * (pages/page-route.ts): meanwhile the page says it is loading, and if the script cannot be
 * fetched (the connection dropped) the page says so instead of going blank.
 */
export const PageLoader = ({ children }: { children: ReactNode }) => {
  const { pathname } = useLocation();
  return (
    <PageFailure pathname={pathname}>
      <Suspense fallback={<Loading what="Loading the page" />}>{children}</Suspense>
    </PageFailure>
  );
};
