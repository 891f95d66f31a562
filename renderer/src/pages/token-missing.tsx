/**
 * Headless mode opened without the token, or with one the app no longer accepts (it restarted with a
 * new one): say how to get in, instead of a blank page or a wall of errors.
 */
export function TokenMissing({ rejected = false }: { rejected?: boolean }) {
  return (
    <main className="gate" id="main">
      <div className="gate-box">
        <h1>Akash Provider Desktop</h1>
        <p role="alert" className="gate-text">
          {rejected
            ? "The app did not accept this page's access token: it has probably restarted with a new one. "
            : ""}
          Open the dashboard with the link the app printed when it started: it carries the access token. Look for the line
          starting with “Dashboard:” in the app's output.
        </p>
        <p className="muted">
          The token keeps other programs and web pages on this computer out of your provider. It is only ever sent to the app
          itself, and this tab forgets it when you close it.
        </p>
      </div>
    </main>
  );
}
