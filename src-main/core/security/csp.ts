// The renderer's Content-Security-Policy, sent by both the app:// protocol (Electron) and the
// browser-mode server. No inline scripts, no eval, no remote origins: documents and what the
// analyst types never leave the machine, and injected text cannot run.
export function contentSecurityPolicy(options: { websocketOrigin?: string } = {}): string {
  const connect = ["'self'", options.websocketOrigin].filter(Boolean).join(' ');
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
