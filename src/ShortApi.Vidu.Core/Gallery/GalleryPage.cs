using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using ShortApi.Vidu.Pricing;

namespace ShortApi.Vidu.Gallery
{
    /// <summary>
    /// Builds the review page for a set of jobs: pure (jobs and the page's location in, HTML out; nothing is read or
    /// written). The page has no script at all and loads nothing from the network but the pictures the user gave as
    /// web addresses; a Content-Security-Policy says so to the browser. Every text from a job is HTML-encoded, and the
    /// markup is also well-formed XML, so a test can parse it strictly.
    /// </summary>
    internal static class GalleryPage
    {
        public static string Render(IReadOnlyList<GalleryCard> cards, GalleryOptions options)
        {
            var folder = Path.GetDirectoryName(options.PagePath) ?? options.PagePath;
            var rendered = cards.Select((card, index) => new CardMarkup(card, index + 1, folder, options.TimeZone)).ToList();
            var html = new StringBuilder(8192 + 4096 * cards.Count);
            WriteHead(html, options, rendered.SelectMany(c => c.RemoteOrigins).Distinct(StringComparer.OrdinalIgnoreCase).ToList());
            html.Append("<body>\n<a class=\"skip\" href=\"#jobs\">Skip to the jobs</a>\n");
            WriteHeader(html, options, GalleryTotals.Of(cards), rendered);
            html.Append("<main id=\"jobs\">\n");
            if (rendered.Count == 0) html.Append("<p>No jobs were given to Export-ViduGallery, so there is nothing to review.</p>\n");
            else
            {
                html.Append("<ol class=\"cards\">\n");
                foreach (var card in rendered) html.Append("<li>").Append(card.Html).Append("</li>\n");
                html.Append("</ol>\n");
            }
            html.Append("</main>\n");
            WriteFooter(html, options, rendered.Any(c => c.RemoteOrigins.Count > 0));
            html.Append("</body>\n</html>\n");
            return html.ToString();
        }

        /// <summary>
        /// The policy the page declares: nothing may load but pictures (the page's own files, inline ones and the web
        /// hosts the user's pictures are on), media from the page's own files, and the one inline style sheet.
        /// </summary>
        public static string ContentSecurityPolicy(IEnumerable<string> remoteOrigins)
        {
            var images = string.Join(" ", new[] { "'self'", "data:", "file:" }.Concat(remoteOrigins));
            return $"default-src 'none'; img-src {images}; media-src 'self' file:; style-src {GalleryStyle.HashSource}; base-uri 'none'; form-action 'none'";
        }

        private static void WriteHead(StringBuilder html, GalleryOptions options, IReadOnlyList<string> remoteOrigins)
        {
            html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n");
            html.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(HtmlText.Encode(ContentSecurityPolicy(remoteOrigins))).Append("\" />\n");
            html.Append("<meta name=\"referrer\" content=\"no-referrer\" />\n");
            html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n");
            html.Append("<meta name=\"generator\" content=\"ShortApi.Vidu Export-ViduGallery\" />\n");
            html.Append("<title>").Append(HtmlText.Encode(options.Title)).Append("</title>\n");
            html.Append("<style>").Append(GalleryStyle.Css).Append("</style>\n</head>\n");
        }

        private static void WriteHeader(StringBuilder html, GalleryOptions options, GalleryTotals totals, IReadOnlyList<CardMarkup> cards)
        {
            html.Append("<header>\n<h1>").Append(HtmlText.Encode(options.Title)).Append("</h1>\n");
            html.Append("<p>Made ").Append(Time(options.MadeAt, options.TimeZone)).Append(" from ").Append(Count(totals.Jobs, "job"))
                .Append(" by Export-ViduGallery.</p>\n");
            html.Append("<dl class=\"totals\" aria-label=\"Totals\">\n");
            Total(html, "jobs", "Jobs", totals.Jobs.ToString(CultureInfo.InvariantCulture));
            Total(html, "succeeded", "Succeeded", totals.Succeeded.ToString(CultureInfo.InvariantCulture));
            Total(html, "failed", "Failed", totals.Failed.ToString(CultureInfo.InvariantCulture));
            Total(html, "unconfirmed", "Unconfirmed", totals.Unconfirmed.ToString(CultureInfo.InvariantCulture));
            if (totals.Unfinished > 0) Total(html, "unfinished", "Not finished", totals.Unfinished.ToString(CultureInfo.InvariantCulture));
            Total(html, "saved", "Videos saved", totals.Saved.ToString(CultureInfo.InvariantCulture));
            Total(html, "spent", "Spent", Money.Usd(totals.Spent));
            html.Append("</dl>\n");
            var money = new List<string> { $"Spent is what the service charged for these jobs: {Money.Usd(totals.Spent)}." };
            if (totals.Unconfirmed > 0)
                money.Add($"{Count(totals.Unconfirmed, "create")} had no answer and may have cost up to {Money.Usd(totals.UnconfirmedEstimate)} more: check your ShortAPI dashboard.");
            if (totals.WithoutCharge > 0) money.Add($"{Count(totals.WithoutCharge, "job")} came without a charge and {(totals.WithoutCharge == 1 ? "is" : "are")} not counted.");
            html.Append("<p>").Append(HtmlText.Encode(string.Join(" ", money))).Append("</p>\n");
            var unsaved = totals.Succeeded - totals.Saved;
            if (unsaved > 0)
                Note(html, $"{Count(unsaved, "succeeded job")} {(unsaved == 1 ? "has" : "have")} no saved video here. Result links expire about a day after a job finishes: save them soon (each card says how).");
            if (cards.Any(c => c.RemoteOrigins.Count > 0))
                Note(html, "Some source pictures are on the web: they show only while this computer is online. Everything else on this page is local.");
            var outside = cards.Sum(c => c.FilesOutsideFolder);
            if (outside > 0)
                Note(html, $"{Count(outside, "picture or video", "pictures or videos")} {(outside == 1 ? "lies" : "lie")} outside this page's folder. To share the page, zip a folder that holds the page and all its files, or export the page next to the videos.");
            html.Append("</header>\n");
        }

        private static void WriteFooter(StringBuilder html, GalleryOptions options, bool remotePictures)
        {
            html.Append("<footer>\n<p>").Append(HtmlText.Encode(
                "This page runs no scripts and loads nothing from the network" + (remotePictures ? ", except the source pictures that are on the web" : string.Empty) +
                ". Pictures and videos are linked relative to the page, so the folder can be zipped and opened anywhere. The API key is never written to it."))
                .Append("</p>\n</footer>\n");
        }

        private static void Total(StringBuilder html, string name, string label, string value) =>
            html.Append("<div data-total=\"").Append(name).Append("\"><dt>").Append(HtmlText.Encode(label)).Append("</dt><dd>").Append(HtmlText.Encode(value)).Append("</dd></div>\n");

        private static void Note(StringBuilder html, string text) => html.Append("<p class=\"note\">").Append(HtmlText.Encode(text)).Append("</p>\n");

        internal static string Count(int n, string one, string? many = null) =>
            n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many ?? one + "s");

        /// <summary>A time element: machine-readable ISO 8601 in its attribute, yyyy-MM-dd HH:mm in the reader's chosen zone.</summary>
        internal static string Time(DateTimeOffset value, TimeZoneInfo zone)
        {
            var local = TimeZoneInfo.ConvertTime(value, zone);
            return "<time datetime=\"" + local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) + "\">" +
                   local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + "</time>";
        }
    }
}
