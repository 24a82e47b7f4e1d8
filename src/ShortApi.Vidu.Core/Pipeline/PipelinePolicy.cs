using System.Threading.Tasks;

namespace ShortApi.Vidu.Pipeline
{
    /// <summary>One step of the request pipeline (after Azure.Core's HttpPipelinePolicy): does its part, then calls the rest.</summary>
    internal abstract class PipelinePolicy
    {
        public abstract Task ProcessAsync(PipelineMessage message, PipelineNext next);
    }

    /// <summary>The rest of the pipeline after a policy.</summary>
    internal readonly struct PipelineNext
    {
        private readonly HttpPipeline _pipeline;
        private readonly int _index;

        public PipelineNext(HttpPipeline pipeline, int index)
        {
            _pipeline = pipeline;
            _index = index;
        }

        public Task InvokeAsync(PipelineMessage message) => _pipeline.ProcessAsync(message, _index);
    }
}
