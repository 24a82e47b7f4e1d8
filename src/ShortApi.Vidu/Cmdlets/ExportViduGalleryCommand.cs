using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;
using ShortApi.Vidu.Gallery;
using ShortApi.Vidu.History;
using ShortApi.Vidu.Images;

namespace ShortApi.Vidu.Commands
{
    /// <summary>
    /// <para type="synopsis">Writes one HTML page to review a batch: each job's source picture beside its saved video, with the prompt, settings, cost and status.</para>
    /// </summary>
    [Cmdlet(VerbsData.Export, "ViduGallery", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportViduGalleryCommand : ViduCmdlet
    {
        private readonly GalleryInputs _inputs = new GalleryInputs();
        private string _target = string.Empty;
        private JobStore? _store;

        /// <summary>The HTML file to write; videos and pictures are linked relative to its folder.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>
        /// The jobs to show: jobs from New-, Get- or Wait-ViduVideoJob, objects with a JobId (Import-Csv, Import-Clixml,
        /// ConvertFrom-Json), job id strings, or the files Save-ViduVideo writes (merged into their jobs by JobId).
        /// </summary>
        [Parameter(ValueFromPipeline = true)]
        public PSObject[] InputObject { get; set; } = Array.Empty<PSObject>();

        /// <summary>The page's heading and title.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Title { get; set; } = "Vidu videos to review";

        /// <summary>Replaces the file if it exists.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Writes the page's FileInfo to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The job history, read to describe jobs and find their saved videos. Defaults to $env:SHORTAPI_HISTORY_PATH, else the user's data folder.</summary>
        [Parameter]
        public string? HistoryPath { get; set; }

        /// <summary>Uses only what the piped objects carry, without reading the job history.</summary>
        [Parameter]
        public SwitchParameter NoHistory { get; set; }

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            // Every problem with the target is found before any job is read, so a pipeline that cannot end in a page
            // stops before the commands ahead of it spend anything.
            _target = CheckTarget();
            _store = OpenHistory(HistoryPath, NoHistory);
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            foreach (var input in InputObject ?? Array.Empty<PSObject>()) Take(input);
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            var cards = BuildCards();
            var options = new GalleryOptions(_target, DateTimeOffset.Now) { Title = Title };
            var action = (File.Exists(_target) ? "Replace" : "Write") + $" a gallery of {GalleryPage.Count(cards.Count, "job")}";
            if (!ShouldProcess(_target, action)) return;
            var html = GalleryPage.Render(cards, options);
            Write(html);
            WriteVerbose($"Wrote a gallery of {GalleryPage.Count(cards.Count, "job")} to '{_target}'.");
            if (PassThru) WriteObject(new FileInfo(_target));
        }

        private string CheckTarget()
        {
            string target;
            try
            {
                target = ResolveFileSystemPath(Path, "-Path");
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(ErrorRecords.PathNotFileSystem(ex, Path));
                return string.Empty;
            }
            if (Directory.Exists(target) || Path.EndsWith("/", StringComparison.Ordinal) || Path.EndsWith("\\", StringComparison.Ordinal))
                ThrowTerminatingError(ErrorRecords.PathIsFolder(Path, System.IO.Path.Combine(Path, "gallery.html")));
            if (File.Exists(target) && !Force)
                ThrowTerminatingError(ErrorRecords.OutputExists(target, Path, appeared: false));
            return target;
        }

        private void Take(PSObject? input)
        {
            var value = input?.BaseObject;
            switch (value)
            {
                case VideoJob job:
                    _inputs.AddJob(job);
                    return;
                case string id:
                    TakeId(id, null);
                    return;
            }
            var carried = input?.Properties["JobId"];
            if (carried == null)
            {
                WriteError(ErrorRecords.NotAJob(input));
                return;
            }
            var text = carried.Value?.ToString()?.Trim();
            if (value is FileInfo file && JobInput.IsValidJobId(text))
            {
                _inputs.AddSavedFile(text!, file.FullName, input!.Properties["SourceImage"]?.Value?.ToString());
                return;
            }
            // An Unconfirmed create has no id; its status says what it is (by name, or by number after ConvertTo-Json).
            if (string.IsNullOrEmpty(text) && GalleryInputs.FromRecord(string.Empty, input!) is VideoJob record && record.Status == JobStatus.Unconfirmed)
            {
                _inputs.AddJob(record);
                return;
            }
            TakeId(text, input);
        }

        private void TakeId(string? id, PSObject? carrier)
        {
            var trimmed = id?.Trim();
            if (!JobInput.IsValidJobId(trimmed))
            {
                WriteError(ErrorRecords.InvalidJobId(id, (object?)carrier ?? id));
                return;
            }
            _inputs.AddJob(carrier == null ? new VideoJob(trimmed!) { Status = JobStatus.Unknown } : GalleryInputs.FromRecord(trimmed!, carrier));
        }

        // Each job as far as the objects and the history tell, with its video files split into those on disk and
        // those recorded but gone.
        private List<GalleryCard> BuildCards()
        {
            var history = new HistoryIndex(_store, WriteWarning);
            history.Preload(_inputs.Entries.Select(e => e.Job.JobId));
            var cards = new List<GalleryCard>();
            foreach (var entry in _inputs.Entries)
            {
                var job = entry.Job;
                var files = new List<string>(entry.Files);
                if (job.JobId.Length > 0)
                {
                    var known = history.Find(job.JobId);
                    job = GalleryInputs.WithRecordedState(JobInput.Enrich(job, known), known);
                    files.AddRange(history.SavedFiles(job.JobId).Select(f => f.Path));
                }
                if (job.SavedPath != null) files.Add(job.SavedPath);
                job = new VideoJob(job)
                {
                    Image = FullPicturePath(job.Image),
                    EndImage = FullPicturePath(job.EndImage),
                    ReferenceImages = job.ReferenceImages.Select(r => FullPicturePath(r)!).ToArray(),
                };
                var paths = files.Select(FullPath).Where(p => p != null).Select(p => p!).Distinct(StringComparer.Ordinal).ToList();
                cards.Add(new GalleryCard(job, paths.Where(File.Exists).ToList(), paths.Where(p => !File.Exists(p)).ToList()));
            }
            return cards;
        }

        // Pictures typed as relative paths (a CSV plan, say) mean what they meant at the prompt.
        private string? FullPicturePath(string? picture)
        {
            if (string.IsNullOrWhiteSpace(picture) || ImageReference.LooksLikeUrl(picture!)) return picture;
            return FullPath(picture) ?? picture;
        }

        private string? FullPath(string? path)
        {
            if (string.IsNullOrWhiteSpace(path)) return null;
            try
            {
                return System.IO.Path.GetFullPath(ResolveFileSystemPath(path!, "the path"));
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException)
            {
                return null;
            }
        }

        // Written beside the target and renamed into place, so a failure never leaves half a page under the name.
        private void Write(string html)
        {
            var folder = System.IO.Path.GetDirectoryName(_target) ?? ".";
            var temporary = System.IO.Path.Combine(folder, "." + System.IO.Path.GetFileName(_target) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".partial");
            try
            {
                Directory.CreateDirectory(folder);
                File.WriteAllText(temporary, html, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                if (File.Exists(_target))
                {
                    if (!Force)
                        ThrowTerminatingError(ErrorRecords.OutputExists(_target, Path, appeared: true));
                    File.Delete(_target);
                }
                File.Move(temporary, _target);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException || ex is ArgumentException)
            {
                TryDelete(temporary);
                ThrowTerminatingError(ErrorRecords.PathNotWritable(_target, ex, Path));
            }
            finally
            {
                TryDelete(temporary);
            }
        }

        private static void TryDelete(string path)
        {
            try
            {
                if (File.Exists(path)) File.Delete(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // Nothing more to do: the name starts with a dot and ends with .partial.
            }
        }
    }
}
