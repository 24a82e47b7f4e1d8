using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using ShortApi.Vidu.History;
using ShortApi.Vidu.Tests.Support;
using ShortApi.Vidu.Wire;
using Xunit;

namespace ShortApi.Vidu.Tests.Core
{
    /// <summary>A job is a snapshot: only the core builds one, and news about a job is a new object.</summary>
    public class VideoJobTests
    {
        private static readonly PropertyInfo[] Properties = typeof(VideoJob).GetProperties(BindingFlags.Public | BindingFlags.Instance);

        [Fact]
        public void No_property_of_a_job_can_be_set_after_it_was_built()
        {
            foreach (var property in Properties)
            {
                var setter = property.GetSetMethod(nonPublic: true);
                if (setter == null) continue;
                Assert.False(setter.IsPublic, $"VideoJob.{property.Name} has a public setter.");
                var initOnly = setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit");
                Assert.True(initOnly, $"VideoJob.{property.Name} can be set after the job was built; make its setter init-only.");
            }
        }

        [Fact]
        public void A_status_answer_yields_a_new_job_and_leaves_the_old_one_as_it_was()
        {
            var queued = new VideoJob("j1") { Status = JobStatus.Processing, StatusCode = 1, Prompt = "dolly in" };
            var now = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

            var done = queued.WithState(new JobSnapshot(2, new[] { "https://cdn.example/j1.mp4" }, null), now);

            Assert.NotSame(queued, done);
            Assert.Equal(JobStatus.Succeeded, done.Status);
            Assert.Equal("https://cdn.example/j1.mp4", done.VideoUrl);
            Assert.Equal(now, done.CompletedAt);
            Assert.Equal("dolly in", done.Prompt);
            Assert.Equal(JobStatus.Processing, queued.Status);
            Assert.Equal(1, queued.StatusCode);
            Assert.Empty(queued.VideoUrls);
            Assert.Null(queued.UpdatedAt);
            Assert.Null(queued.CompletedAt);
        }

        [Fact]
        public void A_copy_keeps_every_property()
        {
            var values = new Dictionary<string, object>();
            var original = new VideoJob("j1");
            foreach (var property in Properties.Where(p => p.CanWrite))
            {
                var value = Distinct(property);
                property.SetValue(original, value);
                values[property.Name] = value;
            }

            var copy = new VideoJob(original);

            foreach (var pair in values)
                Assert.True(Equals(pair.Value, typeof(VideoJob).GetProperty(pair.Key)!.GetValue(copy)), $"The copy lost VideoJob.{pair.Key}.");
        }

        [Fact]
        public void The_store_writes_a_status_line_only_when_the_status_or_the_results_changed()
        {
            using var folder = new TestFolder();
            var path = folder.File("history.jsonl");
            var store = new JobStore(path);
            var running = new VideoJob("j1") { Status = JobStatus.Processing, CreatedAt = DateTimeOffset.Now };
            store.Accepted("", running);
            var now = DateTimeOffset.Now;

            var stillRunning = running.WithState(new JobSnapshot(1, Array.Empty<string>(), null), now);
            store.Observed(running, stillRunning);
            Assert.Single(File.ReadAllLines(path));

            var done = stillRunning.WithState(new JobSnapshot(2, new[] { "https://cdn.example/j1.mp4" }, null), now);
            store.Observed(stillRunning, done);
            Assert.Equal(2, File.ReadAllLines(path).Length);
            Assert.Equal(JobStatus.Succeeded, store.Read(HistoryQuery.All).Jobs.Single().Status);
        }

        private static object Distinct(PropertyInfo property)
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (type == typeof(string)) return "value of " + property.Name;
            if (type == typeof(JobStatus)) return JobStatus.Failed;
            if (type == typeof(VideoKind)) return VideoKind.Reference;
            if (type == typeof(int)) return property.Name.Length;
            if (type == typeof(bool)) return true;
            if (type == typeof(decimal)) return 1.25m + property.Name.Length;
            if (type == typeof(DateTimeOffset)) return new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(property.Name.Length);
            if (type == typeof(TextList)) return (TextList)new[] { "item of " + property.Name };
            throw new InvalidOperationException($"Give VideoJob.{property.Name} ({type.Name}) a test value.");
        }
    }
}
