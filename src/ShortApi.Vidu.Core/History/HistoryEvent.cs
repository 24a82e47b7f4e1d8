namespace ShortApi.Vidu.History
{
    /// <summary>The kinds of line in the history file.</summary>
    public enum HistoryEvent
    {
        /// <summary>The service accepted a job (written before the job is emitted).</summary>
        Created,

        /// <summary>A job's status changed.</summary>
        Status,

        /// <summary>A job's video was saved to a file.</summary>
        Saved,
    }
}
