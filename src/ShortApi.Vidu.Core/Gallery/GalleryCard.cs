using System;
using System.Collections.Generic;

namespace ShortApi.Vidu.Gallery
{
    /// <summary>One job on a gallery page, with its saved video files as found on disk when the page is made.</summary>
    internal sealed class GalleryCard
    {
        public GalleryCard(VideoJob job, IReadOnlyList<string>? videos = null, IReadOnlyList<string>? missingVideos = null)
        {
            Job = job ?? throw new ArgumentNullException(nameof(job));
            Videos = videos ?? Array.Empty<string>();
            MissingVideos = missingVideos ?? Array.Empty<string>();
        }

        /// <summary>The job as last known.</summary>
        public VideoJob Job { get; }

        /// <summary>Full paths of the job's saved videos that exist.</summary>
        public IReadOnlyList<string> Videos { get; }

        /// <summary>Full paths recorded as the job's saved videos that are no longer there.</summary>
        public IReadOnlyList<string> MissingVideos { get; }
    }

    /// <summary>What a gallery page is, apart from its jobs.</summary>
    internal sealed class GalleryOptions
    {
        public GalleryOptions(string pagePath, DateTimeOffset madeAt)
        {
            PagePath = pagePath;
            MadeAt = madeAt;
        }

        /// <summary>The full path the page will be written to; links are relative to its folder.</summary>
        public string PagePath { get; }

        /// <summary>When the page is made, shown in its header.</summary>
        public DateTimeOffset MadeAt { get; }

        /// <summary>The page's heading and title.</summary>
        public string Title { get; set; } = "Vidu videos to review";

        /// <summary>The time zone times are shown in (the local one by default).</summary>
        public TimeZoneInfo TimeZone { get; set; } = TimeZoneInfo.Local;
    }
}
