namespace ShortApi.Vidu.Downloads
{
    /// <summary>Where and how a <see cref="DownloadBatch"/> saves.</summary>
    internal sealed class DownloadOptions
    {
        public DownloadOptions(string folder)
        {
            Folder = folder;
        }

        /// <summary>The full path of the folder to save into (created when the first video arrives).</summary>
        public string Folder { get; }

        /// <summary>The file name template (see <see cref="VideoFileNamer"/>).</summary>
        public string NameTemplate { get; set; } = VideoFileNamer.DefaultTemplate;

        /// <summary>Replace a file that holds something else.</summary>
        public bool Force { get; set; }

        /// <summary>How many downloads run at once.</summary>
        public int ThrottleLimit { get; set; } = 4;
    }
}
