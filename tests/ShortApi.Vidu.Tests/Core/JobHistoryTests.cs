using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ShortApi.Vidu.History;
using ShortApi.Vidu.Tests.Support;
using Xunit;

namespace ShortApi.Vidu.Tests.Core
{
    public class JobHistoryTests
    {
        private static VideoJob Job(string id, DateTimeOffset created) => new VideoJob(id)
        {
            Image = "/pictures/" + id + ".png",
            Prompt = "dolly in",
            Mode = "pro",
            Resolution = "720p",
            Duration = 5,
            EstimatedCost = 0.275m,
            Amount = 0.275m,
            CreatedAt = created,
            BatchId = "batch-1",
            Endpoint = "http://127.0.0.1:1/",
        };

        [Fact]
        public void Events_fold_into_one_job_newest_first()
        {
            using var folder = new TestFolder();
            var history = new JobHistory(folder.File("h/history.jsonl"));
            var first = Job("a1", DateTimeOffset.Now.AddMinutes(-5));
            var second = Job("b2", DateTimeOffset.Now);
            history.RecordCreated(first);
            history.RecordCreated(second);
            first.Status = JobStatus.Succeeded;
            first.StatusCode = 2;
            first.VideoUrls = new[] { "https://cdn.example.com/a1.mp4" };
            history.RecordStatus(first);
            history.RecordSaved(first, "/videos/a1.mp4");

            var jobs = history.ReadJobs();
            Assert.Equal(new[] { "b2", "a1" }, jobs.Select(j => j.JobId));
            var a1 = jobs[1];
            Assert.Equal(JobStatus.Succeeded, a1.Status);
            Assert.Equal("/videos/a1.mp4", a1.SavedPath);
            Assert.Equal("/pictures/a1.png", a1.Image);
            Assert.Equal(0.275m, a1.Amount);
            Assert.Equal("https://cdn.example.com/a1.mp4", a1.VideoUrl);
        }

        [Fact]
        public void A_torn_last_line_is_skipped_and_the_next_append_is_readable()
        {
            using var folder = new TestFolder();
            var path = folder.File("history.jsonl");
            var history = new JobHistory(path);
            history.RecordCreated(Job("a1", DateTimeOffset.Now));
            File.AppendAllText(path, "{\"v\":1,\"event\":\"created\",\"jobId\":\"torn");
            Assert.Single(history.ReadJobs());

            history.RecordCreated(Job("c3", DateTimeOffset.Now));
            Assert.Equal(new[] { "a1", "c3" }, history.ReadJobs().Select(j => j.JobId).OrderBy(x => x));
        }

        [Fact]
        public async Task Concurrent_writers_lose_no_line()
        {
            using var folder = new TestFolder();
            var path = folder.File("history.jsonl");
            // Separate JobHistory objects stand for separate sessions: each opens its own file handle.
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
            {
                var history = new JobHistory(path);
                for (var i = 0; i < 100; i++) history.RecordCreated(Job($"w{w}-{i}", DateTimeOffset.Now));
            }));
            await Task.WhenAll(writers);
            Assert.Equal(400, new JobHistory(path).ReadJobs().Count);
            Assert.Equal(400, File.ReadAllLines(path).Length);
        }

        [Fact]
        public void The_environment_can_turn_history_off_or_move_it()
        {
            Assert.Null(JobHistory.Open("/tmp/x.jsonl", disabled: true));
            Assert.Equal(Path.GetFullPath("/tmp/elsewhere.jsonl"), JobHistory.Open("/tmp/elsewhere.jsonl", false)!.FilePath);
        }
    }
}
