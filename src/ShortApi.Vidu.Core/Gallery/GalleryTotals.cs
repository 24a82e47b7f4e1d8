using System.Collections.Generic;
using System.Linq;

namespace ShortApi.Vidu.Gallery
{
    /// <summary>The counts and money a gallery's header shows.</summary>
    internal sealed class GalleryTotals
    {
        private GalleryTotals() { }

        public int Jobs { get; private set; }
        public int Succeeded { get; private set; }
        public int Failed { get; private set; }
        public int Unconfirmed { get; private set; }

        /// <summary>Jobs not finished (queued, processing, or a status not known).</summary>
        public int Unfinished { get; private set; }

        /// <summary>Succeeded jobs with at least one video on disk.</summary>
        public int Saved { get; private set; }

        /// <summary>What the service said it charged, summed over the jobs that carry a charge.</summary>
        public decimal Spent { get; private set; }

        /// <summary>Jobs that carry no charge but are not Unconfirmed (read back from a file without one, say).</summary>
        public int WithoutCharge { get; private set; }

        /// <summary>The estimates of the Unconfirmed creates: what they may have cost on top of <see cref="Spent"/>.</summary>
        public decimal UnconfirmedEstimate { get; private set; }

        public static GalleryTotals Of(IReadOnlyList<GalleryCard> cards)
        {
            var jobs = cards.Select(c => c.Job).ToList();
            return new GalleryTotals
            {
                Jobs = jobs.Count,
                Succeeded = jobs.Count(j => j.Status == JobStatus.Succeeded),
                Failed = jobs.Count(j => j.Status == JobStatus.Failed),
                Unconfirmed = jobs.Count(j => j.Status == JobStatus.Unconfirmed),
                Unfinished = jobs.Count(j => !j.IsFinal && j.Status != JobStatus.Unconfirmed),
                Saved = cards.Count(c => c.Job.Status == JobStatus.Succeeded && c.Videos.Count > 0),
                Spent = jobs.Sum(j => j.Amount ?? 0m),
                WithoutCharge = jobs.Count(j => j.Amount == null && j.Status != JobStatus.Unconfirmed),
                UnconfirmedEstimate = jobs.Where(j => j.Status == JobStatus.Unconfirmed).Sum(j => j.EstimatedCost ?? 0m),
            };
        }
    }
}
