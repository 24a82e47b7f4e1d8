using System;
using System.Security.Cryptography;
using System.Text;

namespace ShortApi.Vidu.Gallery
{
    /// <summary>
    /// The page's only style sheet, inline. Its SHA-256 goes into the page's Content-Security-Policy, so the browser
    /// applies this sheet and no other style, inline or loaded.
    /// </summary>
    internal static class GalleryStyle
    {
        public const string Css = @"
:root { color-scheme: light dark; --bg: #f6f6f4; --card: #fff; --ink: #1d1d1f; --muted: #5b5b60; --line: #d9d9de;
  --ok: #1f6f3a; --bad: #a3261b; --warn: #8a5a00; --info: #2a4f9c; --focus: #1a5fd0; }
@media (prefers-color-scheme: dark) { :root { --bg: #161618; --card: #232326; --ink: #ececef; --muted: #a8a8b0;
  --line: #3a3a40; --ok: #6fd08f; --bad: #ff8a7e; --warn: #f2c45a; --info: #9db8ff; --focus: #8fb4ff; } }
* { box-sizing: border-box; }
html { font: 100%/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; background: var(--bg); color: var(--ink); }
body { margin: 0 auto; max-width: 96rem; padding: 1rem; }
a { color: var(--info); }
a:focus-visible, summary:focus-visible, video:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -999rem; }
.skip:focus { position: static; }
h1 { font-size: 1.6rem; margin: 0.2rem 0; }
header p { margin: 0.3rem 0; color: var(--muted); }
.totals { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0.8rem 0; padding: 0; }
.totals div { background: var(--card); border: 1px solid var(--line); border-radius: 0.5rem; padding: 0.4rem 0.8rem; min-width: 7rem; }
.totals dt { font-size: 0.8rem; color: var(--muted); }
.totals dd { margin: 0; font-size: 1.3rem; font-weight: 600; }
.note { border-left: 4px solid var(--info); padding: 0.3rem 0.7rem; background: var(--card); }
.cards { list-style: none; margin: 1rem 0; padding: 0; display: grid; gap: 1rem;
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 34rem), 1fr)); }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 0.75rem; padding: 0.9rem; height: 100%; }
.card h2 { font-size: 1.1rem; margin: 0 0 0.6rem; overflow-wrap: anywhere; display: flex; gap: 0.5rem; align-items: baseline; flex-wrap: wrap; }
.badge { font-size: 0.8rem; font-weight: 600; border: 1px solid currentColor; border-radius: 1rem; padding: 0 0.5rem; }
.s-succeeded .badge { color: var(--ok); }
.s-failed .badge { color: var(--bad); }
.s-unconfirmed .badge { color: var(--warn); }
.s-running .badge { color: var(--info); }
.media { display: grid; gap: 0.6rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr)); align-items: start; }
figure { margin: 0; }
figure img, video { display: block; width: 100%; height: auto; max-height: 24rem; object-fit: contain;
  background: #000; border-radius: 0.4rem; }
figcaption { font-size: 0.8rem; color: var(--muted); overflow-wrap: anywhere; }
.empty { border: 1px dashed var(--line); border-radius: 0.4rem; padding: 1rem; color: var(--muted); min-height: 6rem; }
.prompt { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0.7rem 0; padding: 0.4rem 0.7rem; border-left: 4px solid var(--line); }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 0.8rem; margin: 0.5rem 0; font-size: 0.9rem; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.notice { margin: 0.6rem 0; padding: 0.4rem 0.7rem; border-radius: 0.4rem; border-left: 4px solid; background: var(--bg); overflow-wrap: anywhere; }
.notice.bad { border-color: var(--bad); }
.notice.warn { border-color: var(--warn); }
.notice.info { border-color: var(--info); }
code { font-family: ui-monospace, SFMono-Regular, Consolas, monospace; font-size: 0.85em; overflow-wrap: anywhere; }
details { margin-top: 0.5rem; font-size: 0.85rem; color: var(--muted); }
summary { cursor: pointer; }
footer { color: var(--muted); font-size: 0.85rem; border-top: 1px solid var(--line); padding-top: 0.6rem; }
@media print { video { display: none; } .card { break-inside: avoid; } }
";

        /// <summary>The CSP source that allows exactly <see cref="Css"/>: 'sha256-…' of its UTF-8 bytes.</summary>
        public static readonly string HashSource = ComputeHashSource(Css);

        private static string ComputeHashSource(string css)
        {
            using var sha = SHA256.Create();
            return "'sha256-" + Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(css))) + "'";
        }
    }
}
