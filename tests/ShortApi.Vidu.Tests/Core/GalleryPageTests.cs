using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ShortApi.Vidu.Gallery;
using Xunit;

namespace ShortApi.Vidu.Tests.Core
{
    /// <summary>The page builder alone: jobs and a page location in, HTML out, with no file touched.</summary>
    public class GalleryPageTests
    {
        private const string Hostile = "<script>alert(1)</script><img src=x onerror=alert(2)> & \"quoted\" 'single'";
        private static readonly DateTimeOffset Made = new DateTimeOffset(2026, 11, 25, 9, 30, 0, TimeSpan.Zero);

        private static VideoJob Job(string id, JobStatus status, string? image = "/work/pictures/cat.png") => new VideoJob(id)
        {
            Status = status, Image = image, Prompt = "slow dolly in", Mode = "pro", Resolution = "720p", Duration = 5,
            Model = "vidu/vidu-q2/image-to-video", Kind = VideoKind.Image, EstimatedCost = 0.275m,
            Amount = status == JobStatus.Unconfirmed ? null : 0.275m, CreatedAt = Made.AddMinutes(-10),
            CompletedAt = status.IsFinal() ? Made.AddMinutes(-8) : null,
        };

        private static string Render(params GalleryCard[] cards) =>
            GalleryPage.Render(cards, new GalleryOptions("/work/review/gallery.html", Made) { TimeZone = TimeZoneInfo.Utc });

        // The page is XML as well as HTML, so a test can walk it strictly; the doctype is HTML's alone.
        private static XElement Parse(string html) => XElement.Parse(html.Substring(html.IndexOf("<html", StringComparison.Ordinal)));

        private static XElement[] Cards(XElement page) => page.Descendants("article").ToArray();

        [Theory]
        [InlineData("/work/review", "/work/review/cat.mp4", "cat.mp4", true)]
        [InlineData("/work/review", "/work/review/videos/a b#1?.mp4", "videos/a%20b%231%3F.mp4", true)]
        [InlineData("/work/review", "/work/videos/cat.mp4", "../videos/cat.mp4", false)]
        [InlineData("/work/review/deep/er", "/other/ü.mp4", "../../../../other/%C3%BC.mp4", false)]
        [InlineData("/", "/cat.mp4", "cat.mp4", true)]
        public void Gallery_links_are_relative_to_the_page_folder_and_encoded_per_segment(string folder, string file, string expected, bool inside)
        {
            var link = GalleryLinks.ToFile(folder, file);
            Assert.Equal(expected, link.Url);
            Assert.True(link.IsRelative);
            Assert.Equal(inside, link.IsInsidePageFolder);
        }

        [Theory]
        [InlineData("javascript:alert(1)")]
        [InlineData("vbscript:x")]
        [InlineData("pictures/cat.png")]
        [InlineData("data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA…(1234 chars)")]
        [InlineData("data:text/html;base64,PHNjcmlwdD4=")]
        [InlineData("https://user:secret@pictures.example/cat.png")]
        public void Gallery_pictures_that_are_not_a_full_path_a_web_address_or_a_whole_picture_are_not_linked(string picture)
        {
            var source = GalleryLinks.ToPicture("/work/review", picture);
            Assert.Null(source.Url);
            var html = Render(new GalleryCard(Job("a1", JobStatus.Succeeded, picture)));
            Assert.DoesNotContain("<img", html);
            Assert.DoesNotContain("secret@", html);
        }

        [Fact]
        public void Gallery_escapes_every_text_from_a_job_so_markup_in_a_prompt_shows_as_text()
        {
            var job = new VideoJob(Job("a1", JobStatus.Failed, "/work/pictures/x\" onerror=\"alert(3).png"))
            {
                Prompt = Hostile + "\u0001\uD800",
                Error = "<b>refused</b>",
                Mode = "<i>pro</i>",
            };
            var html = Render(new GalleryCard(job));
            Assert.DoesNotMatch(new Regex("<script|<img src=x|<b>refused|<i>pro|onerror=\"", RegexOptions.IgnoreCase), html);
            var page = Parse(html);
            var prompt = page.Descendants("p").Single(p => (string?)p.Attribute("class") == "prompt");
            Assert.Equal("Prompt: " + Hostile + "\uFFFD\uFFFD", prompt.Value);
            Assert.Contains("<b>refused</b>", page.Descendants("p").Single(p => ((string?)p.Attribute("class") ?? "").Contains("bad")).Value);
            Assert.EndsWith("x\" onerror=\"alert(3).png", Uri.UnescapeDataString((string)page.Descendants("img").Single().Attribute("src")!));
        }

        [Fact]
        public void Gallery_has_one_card_per_job_with_its_video_and_totals_in_the_header()
        {
            var html = Render(
                new GalleryCard(Job("ok1", JobStatus.Succeeded), new[] { "/work/videos/cat.mp4" }),
                new GalleryCard(Job("ok2", JobStatus.Succeeded)),
                new GalleryCard(new VideoJob(Job("bad", JobStatus.Failed)) { Error = "emulated failure" }),
                new GalleryCard(Job(string.Empty, JobStatus.Unconfirmed)),
                new GalleryCard(Job("run", JobStatus.Processing)));
            var page = Parse(html);
            Assert.Equal(new[] { "ok1", "ok2", "bad", "", "run" }, Cards(page).Select(c => (string)c.Attribute("data-job-id")!));
            string Total(string name) => page.Descendants("div").Single(d => (string?)d.Attribute("data-total") == name).Element("dd")!.Value;
            Assert.Equal("5", Total("jobs"));
            Assert.Equal("2", Total("succeeded"));
            Assert.Equal("1", Total("failed"));
            Assert.Equal("1", Total("unconfirmed"));
            Assert.Equal("1", Total("unfinished"));
            Assert.Equal("1", Total("saved"));
            Assert.Equal("$1.10", Total("spent"));
            var video = Cards(page)[0].Descendants("video").Single();
            Assert.Equal("../videos/cat.mp4", (string)video.Attribute("src")!);
            Assert.NotNull(video.Attribute("controls"));
            Assert.Contains("expires", Cards(page)[1].Value);
            Assert.Contains("Save-ViduVideo -JobId ok2", Cards(page)[1].Value);
            Assert.Contains("emulated failure", Cards(page)[2].Value);
            Assert.Contains("dashboard", Cards(page)[3].Value);
            Assert.Contains("Not finished", Cards(page)[4].Value);
            Assert.Contains("may have cost up to $0.275 more", page.Element("body")!.Element("header")!.Value);
        }

        [Fact]
        public void Gallery_shows_both_frames_of_a_start_end_job_and_every_reference_picture_with_alt_texts()
        {
            var startEnd = new VideoJob(Job("se", JobStatus.Succeeded, "/work/pictures/first.png")) { Kind = VideoKind.StartEnd, EndImage = "/work/pictures/last.png" };
            var reference = new VideoJob(Job("ref", JobStatus.Succeeded, null)) { Kind = VideoKind.Reference, ReferenceImages = new[] { "/work/pictures/r1.png", "/work/pictures/r2.png", "/work/pictures/r3.png" } };
            var text = new VideoJob(Job("txt", JobStatus.Succeeded, null)) { Kind = VideoKind.Text };
            var cards = Cards(Parse(Render(new GalleryCard(startEnd), new GalleryCard(reference), new GalleryCard(text))));
            Assert.Equal(new[] { "First frame: first.png", "Last frame: last.png" }, cards[0].Descendants("img").Select(i => (string)i.Attribute("alt")!));
            Assert.Equal(new[] { "../pictures/first.png", "../pictures/last.png" }, cards[0].Descendants("img").Select(i => (string)i.Attribute("src")!));
            Assert.Equal(3, cards[1].Descendants("img").Count());
            Assert.Equal("Reference picture 2 of 3: r2.png", (string)cards[1].Descendants("img").ElementAt(1).Attribute("alt")!);
            Assert.Empty(cards[2].Descendants("img"));
            Assert.Contains("text to video", cards[2].Value);
        }

        [Fact]
        public void Gallery_loads_nothing_from_the_network_but_the_users_own_web_pictures_which_its_policy_names()
        {
            var local = Render(new GalleryCard(new VideoJob(Job("a", JobStatus.Succeeded)) { VideoUrls = new[] { "https://cdn.example/a.mp4?token=abc" } }, new[] { "/work/review/a.mp4" }));
            Assert.DoesNotMatch(new Regex("https?:|<script|<link|@import|url\\(|<iframe|<object", RegexOptions.IgnoreCase), local);

            var remote = Render(new GalleryCard(Job("b", JobStatus.Succeeded, "https://pictures.example:8443/a/cat%20one.png?s=1&t=2")));
            var page = Parse(remote);
            Assert.Equal("https://pictures.example:8443/a/cat%20one.png?s=1&t=2", (string)page.Descendants("img").Single().Attribute("src")!);
            var policy = (string)page.Descendants("meta").Single(m => (string?)m.Attribute("http-equiv") == "Content-Security-Policy").Attribute("content")!;
            Assert.Contains("default-src 'none'", policy);
            Assert.Contains("img-src 'self' data: file: https://pictures.example:8443;", policy);
            Assert.DoesNotContain("script-src", policy);
            Assert.DoesNotContain("unsafe", policy);
            Assert.Contains("only while this computer is online", page.Value);
            var links = page.Descendants().SelectMany(e => e.Attributes()).Where(a => a.Name == "src" || a.Name == "href").Select(a => a.Value);
            Assert.Equal(new[] { "https://pictures.example:8443/a/cat%20one.png?s=1&t=2" }, links.Where(l => Regex.IsMatch(l, "^https?:")).Distinct());
        }

        [Fact]
        public void Gallery_style_is_allowed_by_its_hash_and_by_nothing_else()
        {
            var html = Render();
            var css = Regex.Match(html, "<style>(.*)</style>", RegexOptions.Singleline).Groups[1].Value;
            var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(css)));
            var policy = (string)Parse(html).Descendants("meta").Single(m => (string?)m.Attribute("http-equiv") == "Content-Security-Policy").Attribute("content")!;
            Assert.Contains($"style-src 'sha256-{hash}';", policy);
            Assert.Single(Regex.Matches(html, "<style"));
            Assert.DoesNotContain("style=\"", html);
            Assert.Contains("No jobs were given", Parse(html).Value);
        }

        [Fact]
        public void Gallery_says_when_a_recorded_video_is_gone_and_when_files_lie_outside_the_page_folder()
        {
            var html = Render(new GalleryCard(Job("a", JobStatus.Succeeded), missingVideos: new[] { "/work/videos/cat.mp4" }),
                new GalleryCard(Job("b", JobStatus.Succeeded), new[] { "/elsewhere/b.mp4" }));
            Assert.Contains("saved as cat.mp4, but that file is no longer there", html);
            Assert.Matches("3 pictures or videos lie outside this page", html);
        }
    }
}
