using System;
using ShortApi.Vidu.Wire;

namespace ShortApi.Vidu.History
{
    /// <summary>
    /// What happens to jobs, as the core's batches, watches and downloads report it. The job store is the one listener
    /// that writes the history; nothing else writes it. The events of a create (<see cref="BatchStarted"/>,
    /// <see cref="Sending"/> and its outcome) throw <see cref="HistoryWriteException"/> when their line cannot be
    /// written, so the batch can refuse to send a paid create without a record.
    /// </summary>
    internal interface IJobEvents
    {
        /// <summary>A New-ViduVideoJob run (or a client's batch) began.</summary>
        void BatchStarted(BatchStart batch);

        /// <summary>A create is about to leave: written before its first byte does.</summary>
        void Sending(SendingCreate create);

        /// <summary>The service accepted a create: the job exists and was charged.</summary>
        void Accepted(string sendId, VideoJob job);

        /// <summary>The service certainly did not act on a create (or it was never sent): nothing was charged.</summary>
        void Refused(string sendId, ShortApiException error);

        /// <summary>A create got no clear answer after it fully left: it may or may not have made a paid job.</summary>
        void Unconfirmed(string sendId, ShortApiException error);

        /// <summary>
        /// A status answer was read: <paramref name="after"/> is the new job, <paramref name="before"/> the one it
        /// replaces. The listener decides whether that is a change worth recording; callers report every answer.
        /// </summary>
        void Observed(VideoJob before, VideoJob after);

        /// <summary>A job's video was written to a file.</summary>
        void Saved(VideoJob job, SavedVideo file);
    }

    /// <summary>A batch's identity: who ran it, where, against which endpoint.</summary>
    internal sealed class BatchStart
    {
        public BatchStart(string batchId, string endpoint, DateTimeOffset time)
        {
            BatchId = batchId;
            Endpoint = endpoint;
            Time = time;
        }

        public string BatchId { get; }
        public string Endpoint { get; }
        public DateTimeOffset Time { get; }
    }

    /// <summary>A create on its way out: everything needed to name it later if its outcome is never known.</summary>
    internal sealed class SendingCreate
    {
        public SendingCreate(string sendId, string batchId, string endpoint, DateTimeOffset time, CreateJobRequest request, decimal estimate)
        {
            SendId = sendId;
            BatchId = batchId;
            Endpoint = endpoint;
            Time = time;
            Request = request;
            Estimate = estimate;
        }

        public string SendId { get; }
        public string BatchId { get; }
        public string Endpoint { get; }
        public DateTimeOffset Time { get; }
        public CreateJobRequest Request { get; }
        public decimal Estimate { get; }
    }

    /// <summary>A saved video: where, how large, and its SHA-256, so a later run can tell the same file from another.</summary>
    internal sealed class SavedVideo
    {
        public SavedVideo(string path, long length, string sha256)
        {
            Path = path;
            Length = length;
            Sha256 = sha256;
        }

        public string Path { get; }
        public long Length { get; }
        public string Sha256 { get; }
    }

    /// <summary>Listens to nothing: the history is off.</summary>
    internal sealed class NoJobEvents : IJobEvents
    {
        public static readonly NoJobEvents Instance = new NoJobEvents();

        public void BatchStarted(BatchStart batch) { }
        public void Sending(SendingCreate create) { }
        public void Accepted(string sendId, VideoJob job) { }
        public void Refused(string sendId, ShortApiException error) { }
        public void Unconfirmed(string sendId, ShortApiException error) { }
        public void Observed(VideoJob before, VideoJob after) { }
        public void Saved(VideoJob job, SavedVideo file) { }
    }
}
