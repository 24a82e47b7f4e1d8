using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ShortApi.Vidu.History;
using ShortApi.Vidu.Images;
using ShortApi.Vidu.Tests.Support;
using ShortApi.Vidu.Wire;
using Xunit;

namespace ShortApi.Vidu.Tests.Core
{
    /// <summary>The job store: the history's only writer, and its reader.</summary>
    public class JobStoreTests
    {
        private const string Endpoint = "http://127.0.0.1:1/";

        private static VideoJob Job(string id, DateTimeOffset created, string batch = "batch-1") => new VideoJob(id)
        {
            Image = "/pictures/" + id + ".png",
            Prompt = "dolly in",
            Mode = "pro",
            Resolution = "720p",
            Duration = 5,
            EstimatedCost = 0.275m,
            Amount = 0.275m,
            CreatedAt = created,
            BatchId = batch,
            Endpoint = Endpoint,
        };

        private static SendingCreate Sending(string sendId, string batch, string picture) =>
            new SendingCreate(sendId, batch, Endpoint, DateTimeOffset.Now, new CreateJobRequest(ImageReference.FromUrl("https://example.com/" + picture), "dolly in"), 0.275m);

        [Fact]
        public void Events_fold_into_one_job_newest_first()
        {
            using var folder = new TestFolder();
            var store = new JobStore(folder.File("h/history.jsonl"));
            var first = Job("a1", DateTimeOffset.Now.AddMinutes(-5));
            store.Accepted("", first);
            store.Accepted("", Job("b2", DateTimeOffset.Now));
            var done = new VideoJob(first)
            {
                Status = JobStatus.Succeeded,
                StatusCode = 2,
                VideoUrls = new[] { "https://cdn.example.com/a1.mp4" },
            };
            store.Observed(first, done);
            store.Saved(done, new SavedVideo("/videos/a1.mp4", 15109, "abc"));

            var jobs = store.Read(HistoryQuery.All).Jobs;
            Assert.Equal(new[] { "b2", "a1" }, jobs.Select(j => j.JobId));
            var a1 = jobs[1];
            Assert.Equal(JobStatus.Succeeded, a1.Status);
            Assert.Equal("/videos/a1.mp4", a1.SavedPath);
            Assert.Equal("/pictures/a1.png", a1.Image);
            Assert.Equal(0.275m, a1.Amount);
            Assert.Equal("https://cdn.example.com/a1.mp4", a1.VideoUrl);
            Assert.Equal("abc", store.Read(HistoryQuery.Jobs(new[] { "a1" })).SavedFiles["a1"].Single().Sha256);
        }

        [Fact]
        public void A_create_sent_without_a_known_outcome_is_listed_as_unconfirmed_with_its_picture()
        {
            using var folder = new TestFolder();
            var store = new JobStore(folder.File("history.jsonl"));
            store.Sending(Sending("s1", "b", "lost.png"));
            store.Sending(Sending("s2", "b", "made.png"));
            store.Accepted("s2", Job("j2", DateTimeOffset.Now, "b"));
            store.Sending(Sending("s3", "b", "refused.png"));
            store.Refused("s3", new ShortApiException(ShortApiErrorKind.InsufficientBalance, "402"));
            store.Sending(Sending("s4", "b", "timeout.png"));
            store.Unconfirmed("s4", new ShortApiException(ShortApiErrorKind.CreateOutcomeUnknown, "no answer"));

            var jobs = store.Read(HistoryQuery.All).Jobs;
            Assert.Equal(3, jobs.Count);
            var unconfirmed = jobs.Where(j => j.Status == JobStatus.Unconfirmed).OrderBy(j => j.Image).ToList();
            Assert.Equal(new[] { "https://example.com/lost.png", "https://example.com/timeout.png" }, unconfirmed.Select(j => j.Image));
            Assert.All(unconfirmed, j => Assert.Equal(string.Empty, j.JobId));
            Assert.All(unconfirmed, j => Assert.NotNull(j.CreatedAt));
            Assert.Equal("no answer", unconfirmed[1].Error);
            Assert.Equal("j2", jobs.Single(j => j.Status != JobStatus.Unconfirmed).JobId);
        }

        [Theory]
        [InlineData("{\"v\":1,\"event\":\"created\",\"jobId\":\"torn")]
        [InlineData("123")]
        [InlineData("[1,2]")]
        [InlineData("\"created\"")]
        [InlineData("null")]
        [InlineData("{}")]
        public void A_line_that_is_not_a_job_event_is_skipped_and_the_next_append_is_readable(string bad)
        {
            using var folder = new TestFolder();
            var path = folder.File("history.jsonl");
            var store = new JobStore(path);
            store.Accepted("", Job("a1", DateTimeOffset.Now));
            File.AppendAllText(path, bad);
            Assert.Single(store.Read(HistoryQuery.All).Jobs);
            Assert.Single(store.Read(HistoryQuery.Newest(5)).Jobs);

            store.Accepted("", Job("c3", DateTimeOffset.Now));
            Assert.Equal(new[] { "a1", "c3" }, store.Read(HistoryQuery.All).Jobs.Select(j => j.JobId).OrderBy(x => x));
        }

        [Fact]
        public void A_history_path_that_is_a_folder_is_refused_with_what_to_do()
        {
            using var folder = new TestFolder();
            var error = Assert.Throws<ArgumentException>(() => new JobStore(folder.Path));
            Assert.Contains("is a folder", error.Message);
            Assert.Contains("-NoHistory", error.Message);
        }

        [Fact]
        public async Task Concurrent_writers_lose_no_line()
        {
            using var folder = new TestFolder();
            var path = folder.File("history.jsonl");
            // Separate stores stand for separate sessions: each opens its own file handle.
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
            {
                var store = new JobStore(path);
                for (var i = 0; i < 100; i++) store.Accepted("", Job($"w{w}-{i}", DateTimeOffset.Now));
            }));
            await Task.WhenAll(writers);
            Assert.Equal(400, new JobStore(path).Read(HistoryQuery.All).Jobs.Count);
            Assert.Equal(400, File.ReadAllLines(path).Length);
        }

        [Fact]
        public void The_last_batch_is_read_from_the_end_without_touching_older_lines()
        {
            using var folder = new TestFolder();
            var path = folder.File("history.jsonl");
            var old = new JobStore(path);
            for (var i = 0; i < 2000; i++) old.Accepted("", Job($"old{i}", DateTimeOffset.Now.AddDays(-30), "ancient"));
            var store = new JobStore(path);
            store.BatchStarted(new BatchStart("mine", Endpoint, DateTimeOffset.Now));
            for (var i = 0; i < 3; i++)
            {
                store.Sending(Sending($"s{i}", "mine", $"p{i}.png"));
                store.Accepted($"s{i}", Job($"new{i}", DateTimeOffset.Now, "mine"));
            }

            var batch = store.Read(HistoryQuery.LastBatch(Endpoint)).Jobs;
            Assert.Equal(new[] { "new0", "new1", "new2" }, batch.Select(j => j.JobId).OrderBy(x => x));
            Assert.True(store.LinesRead <= 7, $"read {store.LinesRead} lines for a batch of 7");
            Assert.Equal(3, store.Read(HistoryQuery.Newest(3)).Jobs.Count);
            Assert.True(store.LinesRead <= 7, $"read {store.LinesRead} lines for the newest 3");
            Assert.Equal("old5", store.Read(HistoryQuery.Jobs(new[] { "old5" })).Jobs.Single().JobId);
        }

        [Fact]
        public void The_last_batch_is_this_sessions_own_even_when_another_session_wrote_after_it()
        {
            using var folder = new TestFolder();
            var path = folder.File("history.jsonl");
            var mine = new JobStore(path);
            mine.BatchStarted(new BatchStart("mine", Endpoint, DateTimeOffset.Now));
            mine.Accepted("", Job("m1", DateTimeOffset.Now, "mine"));
            // Another session (another process) appends its own batch afterwards: its batch line names another session.
            File.AppendAllText(path,
                $"{{\"v\":2,\"event\":\"batch\",\"time\":\"{DateTimeOffset.Now:o}\",\"batchId\":\"theirs\",\"endpoint\":\"{Endpoint}\",\"user\":\"{Environment.UserName}\",\"machine\":\"{Environment.MachineName}\",\"session\":\"other\"}}\n" +
                $"{{\"v\":2,\"event\":\"created\",\"time\":\"{DateTimeOffset.Now:o}\",\"jobId\":\"t1\",\"batchId\":\"theirs\",\"endpoint\":\"{Endpoint}\",\"status\":\"Queued\"}}\n");

            Assert.Equal("m1", mine.Read(HistoryQuery.LastBatch(Endpoint)).Jobs.Single().JobId);
        }

        [Fact]
        public void A_new_session_takes_this_users_newest_batch_and_skips_another_users()
        {
            using var folder = new TestFolder();
            var path = folder.File("history.jsonl");
            string Line(string batch, string user, string job) =>
                $"{{\"v\":2,\"event\":\"batch\",\"time\":\"{DateTimeOffset.Now:o}\",\"batchId\":\"{batch}\",\"endpoint\":\"{Endpoint}\",\"user\":\"{user}\",\"machine\":\"{Environment.MachineName}\",\"session\":\"s-{batch}\"}}\n" +
                $"{{\"v\":2,\"event\":\"created\",\"time\":\"{DateTimeOffset.Now:o}\",\"jobId\":\"{job}\",\"batchId\":\"{batch}\",\"endpoint\":\"{Endpoint}\",\"status\":\"Queued\"}}\n";
            File.WriteAllText(path, Line("older", Environment.UserName, "o1") + Line("mine", Environment.UserName, "m1") + Line("colleague", "someone-else", "c1"));

            // A store in this process that has started no batch on this history stands for a fresh session.
            Assert.Equal("m1", new JobStore(path).Read(HistoryQuery.LastBatch(Endpoint)).Jobs.Single().JobId);
        }

        [Fact]
        public void The_key_never_reaches_the_history()
        {
            using var folder = new TestFolder();
            var store = new JobStore(folder.File("history.jsonl"));
            var key = new ApiKey("sk-never-written-123");
            store.Sending(Sending("s1", "b", "x.png"));
            store.Unconfirmed("s1", new ShortApiException(ShortApiErrorKind.CreateOutcomeUnknown, key.Redact("echoed sk-never-written-123")));
            Assert.DoesNotContain("sk-never-written-123", File.ReadAllText(store.FilePath));
        }
    }
}
