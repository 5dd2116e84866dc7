import { link } from '../client/bridge.ts';
import { useApp } from '../store/index.ts';

/**
 * Shown when the review host refuses this page's token: it was restarted with a new token
 * (`vss serve --new-token`), or the link is wrong. Queued edits stay in this browser and are sent
 * once a page of this host with a valid link connects.
 */
export function ReconnectScreen() {
  const unauthorized = useApp((s) => s.link === 'unauthorized');
  const queued = useApp((s) => s.save.pending);
  if (!unauthorized) return null;
  return (
    <div className="reconnect-screen" data-testid="reconnect-screen" role="alertdialog" aria-labelledby="reconnect-title">
      <div className="reconnect-box">
        <h2 id="reconnect-title">This page's access token is no longer accepted</h2>
        <p>
          The review host is running, but it refused the token in this page's address. It was most likely restarted with a new token (<code>vss serve --new-token</code>), or the
          address was mistyped.
        </p>
        <p>Open the address that <code>vss serve</code> printed when it started. A restart without <code>--new-token</code> keeps the token, and this page then reconnects by itself.</p>
        {queued > 0 && (
          <p data-testid="reconnect-queued">
            {queued} edit{queued === 1 ? ' is' : 's are'} waiting in this browser: they are sent as soon as a page of this host connects with a valid address.
          </p>
        )}
        <button onClick={() => link.retryNow()}>Try again</button>
      </div>
    </div>
  );
}
