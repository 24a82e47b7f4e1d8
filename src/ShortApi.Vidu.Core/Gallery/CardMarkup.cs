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
    /// One job's card: its pictures beside its video, the prompt, the settings, what it cost, and for a job without a
    /// video what happened and what to do. Every text from the job goes through <see cref="HtmlText.Encode"/>.
    /// </summary>
    internal sealed class CardMarkup
    {
        private readonly GalleryCard _card;
        private readonly int _number;
        private readonly string _folder;
        private readonly TimeZoneInfo _zone;
        private readonly StringBuilder _html = new StringBuilder(4096);
        private readonly List<string> _origins = new List<string>();
        private readonly List<(string Label, string Url)> _links = new List<(string, string)>();

        public CardMarkup(GalleryCard card, int number, string pageFolder, TimeZoneInfo zone)
        {
            _card = card;
            _number = number;
            _folder = pageFolder;
            _zone = zone;
            Build();
        }

        /// <summary>The card's markup: one article.</summary>
        public string Html => _html.ToString();

        /// <summary>Web hosts the card's pictures are on, for the page's img-src.</summary>
        public IReadOnlyList<string> RemoteOrigins => _origins;

        /// <summary>How many of the card's local files lie outside the page's folder.</summary>
        public int FilesOutsideFolder { get; private set; }

        private VideoJob Job => _card.Job;

        private void Build()
        {
            var status = StatusClass(Job.Status);
            var titleId = "t" + _number.ToString(CultureInfo.InvariantCulture);
            _html.Append("<article class=\"card s-").Append(status).Append("\" id=\"card-").Append(_number.ToString(CultureInfo.InvariantCulture))
                .Append("\" data-job-id=\"").Append(Enc(Job.JobId)).Append("\" data-status=\"").Append(Job.Status.ToString())
                .Append("\" aria-labelledby=\"").Append(titleId).Append("\">\n");
            _html.Append("<h2 id=\"").Append(titleId).Append("\"><span>").Append(Enc(Title())).Append("</span> <span class=\"badge\">")
                .Append(Enc(StatusLabel(Job.Status))).Append("</span></h2>\n");
            _html.Append("<div class=\"media\">\n");
            Pictures();
            Videos();
            _html.Append("</div>\n");
            if (!string.IsNullOrWhiteSpace(Job.Prompt)) _html.Append("<p class=\"prompt\"><b>Prompt:</b> ").Append(Enc(Job.Prompt)).Append("</p>\n");
            Notice();
            Facts();
            Files();
            _html.Append("</article>");
        }

        private string Title()
        {
            var picture = GalleryLinks.LeafName(Job.Image ?? Job.ReferenceImages.FirstOrDefault());
            if (picture.Length > 0) return picture;
            return Job.Kind == VideoKind.Text ? "Text to video" : Job.JobId.Length > 0 ? "Job " + Job.JobId : "Unconfirmed create";
        }

        private void Pictures()
        {
            if (Job.ReferenceImages.Length > 0)
            {
                for (var i = 0; i < Job.ReferenceImages.Length; i++)
                    Picture($"Reference picture {i + 1} of {Job.ReferenceImages.Length}", Job.ReferenceImages[i]);
                return;
            }
            if (Job.EndImage != null)
            {
                Picture("First frame", Job.Image);
                Picture("Last frame", Job.EndImage);
                return;
            }
            if (Job.Image != null) Picture("Source picture", Job.Image);
            else if (Job.Kind == VideoKind.Text) Empty("Made from the prompt alone (text to video): no picture.");
            else Empty("The source picture is not known.");
        }

        private void Picture(string role, string? reference)
        {
            var name = GalleryLinks.LeafName(reference);
            var source = GalleryLinks.ToPicture(_folder, reference);
            if (source.Url == null)
            {
                Empty($"{role} {name}: not shown ({source.WhyNotShown}).");
                return;
            }
            if (source.RemoteOrigin != null) _origins.Add(source.RemoteOrigin);
            if (source.File != null) Local(role + " " + name, source.File);
            var where = source.RemoteOrigin != null ? " (on the web)" : string.Empty;
            _html.Append("<figure><img src=\"").Append(Enc(source.Url)).Append("\" alt=\"").Append(Enc($"{role}: {name}")).Append("\" />")
                .Append("<figcaption>").Append(Enc($"{role}: {name}{where}")).Append("</figcaption></figure>\n");
        }

        private void Videos()
        {
            foreach (var path in _card.Videos)
            {
                var link = GalleryLinks.ToFile(_folder, path);
                var name = Path.GetFileName(path);
                Local("Video " + name, link);
                var url = Enc(link.Url);
                _html.Append("<figure><video controls=\"\" preload=\"metadata\" playsinline=\"\" src=\"").Append(url)
                    .Append("\" aria-label=\"").Append(Enc("Video " + name)).Append("\">")
                    .Append("This browser cannot play the video here: <a href=\"").Append(url).Append("\">open ").Append(Enc(name)).Append("</a>.</video>")
                    .Append("<figcaption>Video: <a href=\"").Append(url).Append("\">").Append(Enc(name)).Append("</a></figcaption></figure>\n");
            }
            if (_card.Videos.Count > 0) return;
            Empty(Job.Status switch
            {
                JobStatus.Succeeded => "No video saved here yet.",
                JobStatus.Failed => "No video: the job failed.",
                JobStatus.Unconfirmed => "No video: whether this create made a job is not known.",
                _ => "No video yet: the job had not finished.",
            });
        }

        private void Notice()
        {
            var save = $"Save-ViduVideo -JobId {Job.JobId} -Path <folder>";
            switch (Job.Status)
            {
                case JobStatus.Failed:
                    Notice("bad", $"Failed: {(Job.Error ?? "the service gave no reason").TrimEnd('.')}. To try again, pipe the job to New-ViduVideoJob, which submits its picture with the same settings.");
                    break;
                case JobStatus.Unconfirmed:
                    Notice("warn", $"Unconfirmed: this create was sent{At(Job.CreatedAt)}, but its answer never came, so it is not known whether it made a paid job, and it has no job id. " +
                        "Check your ShortAPI dashboard for a job made at that time before you submit this picture again.");
                    break;
                case JobStatus.Succeeded when _card.Videos.Count == 0:
                    var missing = _card.MissingVideos.Count > 0
                        ? $"It was saved as {string.Join(", ", _card.MissingVideos.Select(Path.GetFileName))}, but that file is no longer there. "
                        : string.Empty;
                    Notice("warn", $"Not saved. {missing}The video is only on the service, behind a link that expires about a day after the job finished{At(Job.CompletedAt)}. Save it soon with", save);
                    break;
                case JobStatus.Succeeded:
                    break;
                default:
                    var known = Job.Status == JobStatus.Unknown ? "its status is not known here" : $"it was {Job.Status}{At(Job.UpdatedAt)}";
                    Notice("info", $"Not finished when this page was made: {known}. Collect its video later with", save);
                    break;
            }
        }

        // A notice, and the command that resolves it, if any, as code.
        private void Notice(string kind, string text, string? command = null)
        {
            _html.Append("<p class=\"notice ").Append(kind).Append("\">").Append(Enc(text));
            if (command != null) _html.Append(" <code>").Append(Enc(command)).Append("</code>, then export this page again.");
            _html.Append("</p>\n");
        }

        private void Facts()
        {
            _html.Append("<dl class=\"facts\">\n");
            Fact("Model", Job.Model);
            Fact("Made from", KindText(Job.Kind));
            Fact("Mode", Job.Mode);
            Fact("Resolution", Job.Resolution);
            Fact("Duration", Job.Duration?.ToString(CultureInfo.InvariantCulture) + (Job.Duration == null ? null : " s"));
            Fact("Aspect ratio", Job.AspectRatio);
            if (Job.GenerateAudio) Fact("Audio", Job.VoiceId == null ? "yes" : "yes, voice " + Job.VoiceId);
            Fact("Estimate", Job.EstimatedCost == null ? "not known" : Money.Usd(Job.EstimatedCost.Value));
            Fact("Charged", Job.Amount != null ? Money.Usd(Job.Amount.Value) : Job.Status == JobStatus.Unconfirmed ? "not known (no answer)" : "not known");
            TimeFact("Created", Job.CreatedAt);
            TimeFact("Finished", Job.CompletedAt);
            if (Job.CreatedAt != null && Job.CompletedAt != null && Job.CompletedAt >= Job.CreatedAt) Fact("Took", Took(Job.CompletedAt.Value - Job.CreatedAt.Value));
            _html.Append("<dt>Job id</dt><dd>").Append(Job.JobId.Length > 0 ? "<code>" + Enc(Job.JobId) + "</code>" : "none (the create had no answer)").Append("</dd>\n");
            _html.Append("</dl>\n");
        }

        private void Fact(string label, string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) return;
            _html.Append("<dt>").Append(Enc(label)).Append("</dt><dd>").Append(Enc(value)).Append("</dd>\n");
        }

        private void TimeFact(string label, DateTimeOffset? value)
        {
            if (value == null) return;
            _html.Append("<dt>").Append(Enc(label)).Append("</dt><dd>").Append(GalleryPage.Time(value.Value, _zone)).Append("</dd>\n");
        }

        // The files of the card by their links, the batch, and the module's own words about a create with no answer:
        // what someone tidying the folder or checking the dashboard needs.
        private void Files()
        {
            var reason = Job.Status == JobStatus.Failed ? null : Job.Error;
            if (_links.Count == 0 && Job.BatchId == null && reason == null) return;
            _html.Append("<details><summary>Details</summary><ul>\n");
            if (reason != null) _html.Append("<li>What the module saw: ").Append(Enc(reason)).Append("</li>\n");
            foreach (var (label, url) in _links)
                _html.Append("<li>").Append(Enc(label)).Append(": <a href=\"").Append(Enc(url)).Append("\">").Append(Enc(Uri.UnescapeDataString(url))).Append("</a></li>\n");
            if (Job.BatchId != null) _html.Append("<li>Batch <code>").Append(Enc(Job.BatchId)).Append("</code></li>\n");
            _html.Append("</ul></details>\n");
        }

        private void Local(string label, FileLink link)
        {
            _links.Add((label, link.Url));
            if (!link.IsInsidePageFolder) FilesOutsideFolder++;
        }

        private void Empty(string text) => _html.Append("<div class=\"empty\">").Append(Enc(text)).Append("</div>\n");

        private string At(DateTimeOffset? time) =>
            time == null ? string.Empty : " at " + TimeZoneInfo.ConvertTime(time.Value, _zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

        private static string Took(TimeSpan span) =>
            span.TotalMinutes >= 1
                ? ((int)span.TotalMinutes).ToString(CultureInfo.InvariantCulture) + " min " + span.Seconds.ToString(CultureInfo.InvariantCulture) + " s"
                : Math.Max(0, (int)Math.Round(span.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + " s";

        private static string? KindText(VideoKind? kind) => kind switch
        {
            VideoKind.Image => "a picture (image to video)",
            VideoKind.StartEnd => "a first and a last frame (start-end to video)",
            VideoKind.Text => "the prompt alone (text to video)",
            VideoKind.Reference => "reference pictures (reference to video)",
            _ => null,
        };

        private static string StatusClass(JobStatus status) => status switch
        {
            JobStatus.Succeeded => "succeeded",
            JobStatus.Failed => "failed",
            JobStatus.Unconfirmed => "unconfirmed",
            _ => "running",
        };

        private static string StatusLabel(JobStatus status) => status == JobStatus.Unknown ? "Status not known" : status.ToString();

        private static string Enc(string? text) => HtmlText.Encode(text);
    }
}
