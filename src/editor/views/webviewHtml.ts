/**
 * The page of a Newsmark webview: a strict Content-Security-Policy with a fresh nonce per load
 * (`default-src 'none'`; scripts only by that nonce; styles, fonts and images only from the
 * extension's own `dist/webview` and `media` folders; `blob:` images for the PNG export), one
 * script and one stylesheet from `dist/webview`. No article text is ever put in the HTML: the
 * page fetches nothing and receives its data as messages, which it renders as text.
 */
import * as vscode from 'vscode';

/** Where webview bundles and styles live: the only local resource roots. */
export function webviewRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')];
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    enableForms: false,
    localResourceRoots: webviewRoots(extensionUri),
    retainContextWhenHidden: false,
  };
}

/** A nonce of 128 random bits, base64. */
export function makeNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} blob:`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function webviewHtml(
  webview: vscode.Webview,
  extensionUri: vscode.Uri,
  page: { readonly title: string; readonly script: string; readonly style: string },
): string {
  const nonce = makeNonce();
  const asset = (name: string) =>
    webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', name)).toString();
  const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escape(contentSecurityPolicy(webview.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escape(asset(page.style))}">
<title>${escape(page.title)}</title>
</head>
<body>
<div id="app"></div>
<script nonce="${nonce}" src="${escape(asset(page.script))}"></script>
</body>
</html>`;
}
